// Institution confinement in one place. Every request, CLI run and seed runs inside a
// tenancy (one institution, or all of them for the federation roles and maintenance), and
// the mongoose plugin below adds it to every query, aggregation and write of an
// institution-owned model. A query outside any tenancy is refused: nothing can read or
// write across hospitals by forgetting a filter.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Schema, Types, type PipelineStage, type Query } from 'mongoose';

export type Tenancy = { institution: Types.ObjectId } | { allInstitutions: true };

interface Slot {
  tenancy?: Tenancy;
}

const storage = new AsyncLocalStorage<Slot>();

/** Every query operation mongoose has middleware for (its `queryOperations`). */
const QUERY_OPERATIONS =
  /^(countDocuments|distinct|estimatedDocumentCount|find|findOne|findOneAndReplace|findOneAndUpdate|replaceOne|updateMany|updateOne|deleteMany|deleteOne|findOneAndDelete)$/;

/** Thrown when an institution-owned model is used outside a tenancy, or across one. */
export class TenancyError extends Error {
  override name = 'TenancyError';
}

const asId = (id: Types.ObjectId | string) => (id instanceof Types.ObjectId ? id : new Types.ObjectId(id));

/** What running a function gives: a mongoose query (lazy) is executed inside the tenancy. */
type Settled<T> = T extends { exec(): infer P } ? P : T;

function runIn<T>(slot: Slot, run: () => T): Settled<T> {
  return storage.run(slot, () => {
    const result = run() as unknown;
    const query = result as { exec?: unknown; then?: unknown } | null;
    // A query runs when it is awaited: that must happen here, inside the tenancy, not after.
    return (query && typeof query.exec === 'function' && typeof query.then === 'function' ? (query.exec as () => unknown).call(query) : result) as Settled<T>;
  });
}

export const withinInstitution = <T>(institution: Types.ObjectId | string, run: () => T): Settled<T> => runIn({ tenancy: { institution: asId(institution) } }, run);

/**
 * Calls `run` in the institution and returns what it returns as it is: a query it returns
 * runs later, outside. For wrappers that confine the query themselves (test helpers).
 */
export const callWithinInstitution = <T>(institution: Types.ObjectId, run: () => T): T => storage.run({ tenancy: { institution } }, run);

/** For the federation roles, migrations and maintenance: no institution filter at all. */
export const acrossInstitutions = <T>(run: () => T): Settled<T> => runIn({ tenancy: { allInstitutions: true } }, run);

/**
 * Opens a slot whose tenancy is settled later in the same async flow (once the request's
 * token is read). Until then, owned models refuse every query.
 */
export const withOpenTenancy = <T>(run: () => T): T => storage.run({}, run);

/** Settles the tenancy of the slot opened by withOpenTenancy. */
export function settleTenancy(tenancy: Tenancy) {
  const slot = storage.getStore();
  if (!slot) throw new TenancyError('no open tenancy to settle (the request runs outside withOpenTenancy)');
  slot.tenancy = tenancy;
}

export function currentTenancy(what: string): Tenancy {
  const tenancy = storage.getStore()?.tenancy;
  if (!tenancy) throw new TenancyError(`${what} ran outside any institution's tenancy`);
  return tenancy;
}

/** The institution the current flow is confined to; null across institutions. */
export function currentInstitution(): Types.ObjectId | null {
  const tenancy = currentTenancy('reading the current institution');
  return 'institution' in tenancy ? tenancy.institution : null;
}

/**
 * Whether the current tenancy may see a document read without the plugin (a `$lookup`'s
 * joined records): its own institution's, or a catalogue entry that has none.
 */
export function visibleInTenancy(doc: { institution?: Types.ObjectId | null }, sharedCatalogue: boolean): boolean {
  const tenancy = currentTenancy('checking a joined document');
  if (!('institution' in tenancy)) return true;
  return doc.institution ? doc.institution.equals(tenancy.institution) : sharedCatalogue;
}

export interface OwnedOptions {
  /** Entries with no institution form a catalogue every institution reads (competitions). */
  sharedCatalogue?: boolean;
  /** Entries may have no institution (federation accounts and their audit entries). */
  optional?: boolean;
}

/** The plugin: an `institution` field, and the tenancy applied to every operation. */
export function institutionOwned(schema: Schema, options: OwnedOptions = {}) {
  const { sharedCatalogue = false, optional = false } = options;
  schema.add({ institution: { type: Schema.Types.ObjectId, ref: 'Institution', required: !(sharedCatalogue || optional), default: undefined } });

  /** The condition the tenancy adds to a filter, or null across institutions. */
  const conditionFor = (tenancy: Tenancy) => {
    if (!('institution' in tenancy)) return null;
    return sharedCatalogue ? { institution: { $in: [tenancy.institution, null] } } : { institution: tenancy.institution };
  };
  const confine = (filter: Record<string, unknown>, tenancy: Tenancy): Record<string, unknown> => {
    const condition = conditionFor(tenancy);
    if (!condition) return filter;
    // Beside the caller's own conditions (which may name an institution too), never instead.
    return 'institution' in filter || sharedCatalogue ? { $and: [filter, condition] } : { ...filter, ...condition };
  };
  /** A new document belongs to the tenancy's institution; naming another is refused. */
  const stamp = (doc: Record<string, unknown>, tenancy: Tenancy, model: string) => {
    const given = doc.institution as Types.ObjectId | null | undefined;
    if (!('institution' in tenancy)) {
      if (given === undefined && !optional) throw new TenancyError(`a new ${model} across institutions must name its institution`);
      return;
    }
    if (given === undefined) doc.institution = tenancy.institution;
    else if (given === null ? !sharedCatalogue : !asId(given).equals(tenancy.institution)) throw new TenancyError(`a new ${model} cannot belong to another institution`);
  };

  schema.pre(QUERY_OPERATIONS, function (this: Query<unknown, unknown> & { op?: string }) {
    const what = `${this.model.modelName}.${this.op}`;
    const tenancy = currentTenancy(what);
    if (this.op === 'estimatedDocumentCount') {
      if ('institution' in tenancy) throw new TenancyError(`${what} counts every institution's documents; use countDocuments`);
      return;
    }
    this.setQuery(confine(this.getFilter(), tenancy));
  });

  schema.pre('aggregate', function () {
    const tenancy = currentTenancy(`${this.model().modelName}.aggregate`);
    const condition = conditionFor(tenancy);
    if (!condition) return;
    // Into the pipeline's own leading $match, so that one index lookup serves both.
    const pipeline = this.pipeline();
    const first = pipeline[0] as { $match?: Record<string, unknown> } | undefined;
    if (first?.$match) first.$match = confine(first.$match, tenancy);
    else pipeline.unshift({ $match: condition } as PipelineStage);
  });

  // For a new document built without mongoose (src/shared/plain-document.ts).
  schema.static('stampNew', function (this: { modelName: string }, doc: Record<string, unknown>) {
    stamp(doc, currentTenancy(`a new ${this.modelName}`), this.modelName);
  });

  schema.pre('validate', function () {
    if (this.isNew) stamp(this as unknown as Record<string, unknown>, currentTenancy(`saving a ${this.constructor.name}`), (this.constructor as { modelName?: string }).modelName ?? 'document');
  });

  schema.pre('insertMany', function (this: { modelName: string }, ...args: unknown[]) {
    const docs = args.find(Array.isArray) as Record<string, unknown>[] | undefined;
    const tenancy = currentTenancy(`${this.modelName}.insertMany`);
    for (const doc of docs ?? []) stamp(doc, tenancy, this.modelName);
  });

  schema.pre('bulkWrite', function (this: { modelName: string }, ...args: unknown[]) {
    const ops = args.find(Array.isArray) as Record<string, Record<string, unknown>>[] | undefined;
    const tenancy = currentTenancy(`${this.modelName}.bulkWrite`);
    for (const op of ops ?? []) {
      const [name, body] = Object.entries(op)[0];
      if (name === 'insertOne') stamp(body.document as Record<string, unknown>, tenancy, this.modelName);
      // An upsert takes the institution from the filter's equality, as MongoDB does.
      else body.filter = confine((body.filter ?? {}) as Record<string, unknown>, tenancy);
    }
  });
}
