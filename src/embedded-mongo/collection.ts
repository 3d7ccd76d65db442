import { calculateSize, isPlainObject, ObjectId, type Doc } from './bson.js';

/** MongoDB's maximum document size (maxBsonObjectSize). */
export const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;
import { compileFilter, type EngineOptions, type Matcher } from './engine.js';
import { CommandError, DuplicateKeyError, indexNotFound, indexKeySpecsConflict, indexOptionsConflict, invalidOptions } from './errors.js';
import { Index, type IndexSpec } from './indexes.js';
import { compactStored } from './interning.js';
import { isTextSpec, splitTextFilter, TextIndex, textOptions } from './text-index.js';
import { textScores } from './text-score.js';
import { canonicalKey, exactScalar } from './values.js';

export const ID_INDEX: IndexSpec = { name: '_id_', key: { _id: 1 } };

const RANGE_OPS = ['$gt', '$gte', '$lt', '$lte'];
/** Combinations of $in values a compound lookup tries at most (each is two binary searches). */
const MAX_PREFIXES = 1000;

function isOperatorObject(v: unknown): v is Doc {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'));
}

const indexable = (v: unknown) => !(v instanceof RegExp) && !Array.isArray(v) && !isOperatorObject(v);

type Plan =
  | { kind: 'eq'; field: string; values: unknown[] }
  | { kind: 'range'; field: string; lower?: { value: unknown; inclusive: boolean }; upper?: { value: unknown; inclusive: boolean } };

/** Conditions in a filter that an index on their field can answer (a superset of the matches). */
function plans(filter: Doc): Plan[] {
  const out: Plan[] = [];
  for (const [field, cond] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) out.push(...plans(sub));
      continue;
    }
    if (field.startsWith('$')) continue;
    if (!isOperatorObject(cond)) {
      if (indexable(cond)) out.push({ kind: 'eq', field, values: [cond] });
      continue;
    }
    if ('$eq' in cond && indexable(cond.$eq)) out.push({ kind: 'eq', field, values: [cond.$eq] });
    else if (Array.isArray(cond.$in) && cond.$in.every(indexable)) out.push({ kind: 'eq', field, values: cond.$in });
    else if (RANGE_OPS.some((op) => op in cond)) {
      const bound = (op: string) => (op in cond && indexable(cond[op]) && cond[op] !== null ? { value: cond[op], inclusive: op.endsWith('e') } : undefined);
      const lower = bound('$gte') ?? bound('$gt');
      const upper = bound('$lte') ?? bound('$lt');
      if (lower || upper) out.push({ kind: 'range', field, lower, upper });
    }
  }
  return out;
}

/**
 * Whether the index plan for this filter is the whole answer: a single `_id` equality or
 * `$in` of scalars. (Secondary indexes may hold arrays and null for missing; the matcher
 * stays for them.)
 */
function isExactLookup(filter: Doc): boolean {
  const keys = Object.keys(filter);
  if (keys.length !== 1 || keys[0] !== '_id') return false;
  const cond = filter._id;
  if (exactScalar(cond)) return true;
  if (!isPlainObject(cond)) return false;
  const ops = Object.keys(cond);
  if (ops.length !== 1) return false;
  if (ops[0] === '$eq') return exactScalar(cond.$eq);
  return ops[0] === '$in' && Array.isArray(cond.$in) && cond.$in.every(exactScalar);
}

/**
 * The filter's matcher. An exact `_id` condition beside others (the tenancy adds an
 * institution to every loader's `_id: {$in: [...]}`) is tested by key: mingo's `$in` hashes
 * every listed value for every document it tests.
 */
function matcherFor(filter: Doc, o?: EngineOptions): (doc: Doc) => boolean {
  if (o?.collation || !('_id' in filter) || Object.keys(filter).length < 2 || !isExactLookup({ _id: filter._id })) return compileFilter(filter, o);
  const { _id: cond, ...rest } = filter;
  const values = isPlainObject(cond) ? ('$in' in cond ? (cond.$in as unknown[]) : [cond.$eq]) : [cond];
  const keys = new Set(values.map(canonicalKey));
  const others = compileFilter(rest, o);
  return (doc) => keys.has(canonicalKey(doc._id)) && others(doc);
}

/** How a lookup found its candidates: by _id, through an index, or by scanning. */
export interface QueryPlan {
  stage: 'IDHACK' | 'IXSCAN' | 'COLLSCAN';
  index?: IndexSpec;
  keysExamined: number;
}

/** One collection: documents by _id (insertion order kept) and its secondary indexes. */
export class Collection {
  readonly docs = new Map<string, Doc>();
  readonly indexes = new Map<string, Index>();
  /** Documents tested against a filter so far (what MongoDB's explain calls docsExamined). */
  docsExamined = 0;
  private plan: QueryPlan = { stage: 'COLLSCAN', keysExamined: 0 };
  /** Each index's uses by a lookup, and since when they are counted ($indexStats' accesses). */
  private readonly accesses = new Map<string, { ops: number; since: Date }>([[ID_INDEX.name, { ops: 0, since: new Date() }]]);

  /** How the last lookup found its candidates, for explain. */
  get lastPlan(): QueryPlan {
    return this.plan;
  }

  set lastPlan(plan: QueryPlan) {
    this.plan = plan;
    const used = plan.index?.name ?? (plan.stage === 'IDHACK' ? ID_INDEX.name : undefined);
    if (used) this.accessesOf(used).ops++;
  }

  /** An index's uses so far: counted from its creation, or from the server's start. */
  accessesOf(indexName: string): { ops: number; since: Date } {
    let counted = this.accesses.get(indexName);
    if (!counted) this.accesses.set(indexName, (counted = { ops: 0, since: new Date() }));
    return counted;
  }

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Doc = {},
  ) {}

  get ns() {
    return `${this.db}.${this.name}`;
  }

  /** Whether equality on `field` is answered by an index (the _id one, or one it leads). */
  indexedBy(field: string): boolean {
    return field === '_id' || [...this.indexes.values()].some((i) => i.complete && i.fields[0] === field);
  }

  indexSpecs(): IndexSpec[] {
    return [ID_INDEX, ...[...this.indexes.values()].map((i) => i.spec)];
  }

  /** Returns false when an identical index already exists. */
  createIndex(spec: IndexSpec, enforce = true): boolean {
    const sameKey = (a: IndexSpec, b: IndexSpec) => JSON.stringify(a.key) === JSON.stringify(b.key);
    const options = (s: IndexSpec) => JSON.stringify({ u: !!s.unique, s: !!s.sparse, p: s.partialFilterExpression ?? null, e: s.expireAfterSeconds ?? null, t: textOptions(s) });
    // The _id index, asked for by its key under another name, is the one already there.
    if (sameKey(spec, ID_INDEX) && spec.name !== ID_INDEX.name) return false;
    for (const existing of this.indexSpecs()) {
      if (existing.name === spec.name) {
        if (sameKey(existing, spec) && (existing === ID_INDEX || options(existing) === options(spec))) return false;
        throw indexKeySpecsConflict(`An existing index has the same name as the requested index but different options or key. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`);
      }
      if (sameKey(existing, spec) && options(existing) === options(spec) && existing !== ID_INDEX) {
        throw indexOptionsConflict(`Index already exists with a different name: ${existing.name}`);
      }
    }
    const existingText = this.textIndex();
    if (isTextSpec(spec) && existingText) {
      throw new CommandError(67, 'CannotCreateIndex', `only one text index per collection allowed, found existing text index "${existingText.spec.name}"`);
    }
    const index = isTextSpec(spec) ? new TextIndex(spec, this.ns) : new Index(spec, this.ns);
    for (const [id, doc] of this.docs) {
      if (enforce) index.checkUnique(doc, id);
      index.add(doc, id);
    }
    this.indexes.set(spec.name, index);
    this.accesses.set(spec.name, { ops: 0, since: new Date() });
    return true;
  }

  dropIndex(name: string) {
    if (name === '_id_') throw invalidOptions('cannot drop _id index');
    if (!this.indexes.delete(name)) throw indexNotFound(`index not found with name [${name}]`);
    this.accesses.delete(name);
  }

  /** Gives the document an _id (first field) if it has none. */
  static withId(doc: Doc): Doc {
    if (!('_id' in doc)) return { _id: new ObjectId(), ...doc };
    if (Object.keys(doc)[0] === '_id') return doc;
    const { _id, ...rest } = doc;
    return { _id, ...rest };
  }

  /** Refuses a document MongoDB would refuse: over 16 MiB, or a duplicate key. */
  checkWrite(doc: Doc, selfId?: string) {
    const size = calculateSize(doc);
    if (size > MAX_DOCUMENT_SIZE) {
      throw selfId === undefined
        ? new CommandError(10334, 'BSONObjectTooLarge', `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_SIZE}`)
        : new CommandError(17419, 'Location17419', `Resulting document after update is larger than ${MAX_DOCUMENT_SIZE}`);
    }
    const id = canonicalKey(doc._id);
    if (id !== selfId && this.docs.has(id)) {
      throw new Index(ID_INDEX, this.ns).duplicate([doc._id]) as DuplicateKeyError;
    }
    for (const index of this.indexes.values()) index.checkUnique(doc, selfId);
  }

  /** The duplicate key error of an _id already taken. */
  duplicateId(id: unknown): DuplicateKeyError {
    return new Index(ID_INDEX, this.ns).duplicate([id]) as DuplicateKeyError;
  }

  /** Unique keys only, not counting the documents `ignored` (for a transaction's view). */
  checkWriteExcept(doc: Doc, selfId: string | undefined, ignored: { has(id: string): boolean }) {
    const size = calculateSize(doc);
    if (size > MAX_DOCUMENT_SIZE) throw new CommandError(17419, 'Location17419', `Resulting document after update is larger than ${MAX_DOCUMENT_SIZE}`);
    for (const index of this.indexes.values()) index.checkUniqueExcept(doc, selfId, ignored);
  }

  /** Stores a document (already checked); replaces the one with the same _id. */
  put(doc: Doc) {
    compactStored(doc);
    const id = canonicalKey(doc._id);
    const old = this.docs.get(id);
    if (old) for (const index of this.indexes.values()) index.remove(old, id);
    this.docs.set(id, doc);
    for (const index of this.indexes.values()) index.add(doc, id);
  }

  remove(idValue: unknown): Doc | undefined {
    const id = canonicalKey(idValue);
    const old = this.docs.get(id);
    if (!old) return undefined;
    for (const index of this.indexes.values()) index.remove(old, id);
    this.docs.delete(id);
    return old;
  }

  /**
   * How many documents match, read off an index alone (two binary searches) when the filter
   * is scalar equalities on exactly an index's leading fields and no document holds an array
   * in it (so each document is one entry); undefined otherwise.
   */
  countIndexed(filter: Doc, o?: EngineOptions): number | undefined {
    if (o?.collation) return undefined;
    const equal = new Map<string, unknown>();
    for (const [field, cond] of Object.entries(filter)) {
      const value = isOperatorObject(cond) && Object.keys(cond).length === 1 && '$eq' in cond ? cond.$eq : cond;
      if (field.startsWith('$') || !exactScalar(value)) return undefined;
      equal.set(field, value);
    }
    if (!equal.size) return this.docs.size;
    for (const index of this.indexes.values()) {
      const leading = index.fields.slice(0, equal.size);
      if (!index.complete || index.multikeyFields.size || leading.length < equal.size || !leading.every((f) => equal.has(f) && typeof index.spec.key[f] === 'number')) continue;
      this.lastPlan = { stage: 'IXSCAN', index: index.spec, keysExamined: 0 };
      return index.prefixCount(leading.map((f) => equal.get(f)));
    }
    return undefined;
  }

  private textIndex(): TextIndex | undefined {
    for (const index of this.indexes.values()) if (index instanceof TextIndex) return index;
    return undefined;
  }

  /** The collection's text index, which a `$text` query needs. */
  private requireTextIndex(): TextIndex {
    const index = this.textIndex();
    if (!index) throw indexNotFound('text index required for $text query');
    return index;
  }

  /** A `$text` query: candidates from the text index, each scored (see `textScores`). */
  private findText(arg: unknown, rest: Doc, o?: EngineOptions): Doc[] {
    const index = this.requireTextIndex();
    const query = index.query(arg, rest);
    const matcher = compileFilter(rest, o);
    const scored = index.scored(query);
    this.lastPlan = { stage: 'IXSCAN', index: index.spec, keysExamined: scored.size };
    const out: Doc[] = [];
    for (const [id, score] of scored) {
      const doc = this.docs.get(id);
      if (!doc) continue;
      this.docsExamined++;
      if (!index.matches(doc, query) || !matcher(doc)) continue;
      textScores.set(doc, score);
      out.push(doc);
    }
    return out;
  }

  /** The filter's test of any document, `$text` included (a transaction's own writes are not in the indexes). */
  matcherOf(filter: Doc, o?: EngineOptions): Matcher {
    const text = splitTextFilter(filter);
    if (!text) return compileFilter(filter, o);
    const index = this.requireTextIndex();
    const query = index.query(text.arg, text.rest);
    const rest = compileFilter(text.rest, o);
    return (doc) => {
      const score = index.scoreOf(doc, query);
      if (score === undefined || !index.matches(doc, query) || !rest(doc)) return false;
      textScores.set(doc, score);
      return true;
    };
  }

  /** Documents matching the filter, using an index to pick candidates where one applies. */
  find(filter: Doc = {}, o?: EngineOptions): Doc[] {
    const text = splitTextFilter(filter);
    if (text) return this.findText(text.arg, text.rest, o);
    const candidates = this.candidates(filter, o);
    // A filter that is one equality the index answered exactly needs no second look.
    if (!o?.collation && isExactLookup(filter)) {
      const out = Array.isArray(candidates) ? candidates : [...candidates];
      this.docsExamined += out.length;
      return out;
    }
    const matcher = matcherFor(filter, o);
    const out: Doc[] = [];
    for (const doc of candidates) {
      this.docsExamined++;
      if (matcher(doc)) out.push(doc);
    }
    return out;
  }

  /**
   * The first `limit` matches in sort order, by walking an index whose order serves the sort
   * (equality on its leading fields, then the sort fields, optionally then _id), so a sorted,
   * limited find reads a page, not the collection, and an unlimited one needs no sort.
   * Undefined when no index serves the sort.
   */
  findOrdered(filter: Doc, sort: Doc, limit: number, o?: EngineOptions): Doc[] | undefined {
    if (o?.collation || limit <= 0) return undefined;
    const sortFields = Object.entries(sort).map(([field, d]) => ({ field, dir: Number(d) < 0 ? -1 : 1 }) as const);
    const dir = sortFields[0]?.dir;
    if (!dir || sortFields.some((s) => s.dir !== dir)) return undefined;
    const idLast = sortFields[sortFields.length - 1].field === '_id';
    const keyFields = sortFields.slice(0, idLast ? -1 : undefined).map((s) => s.field);
    const equal = new Map<string, unknown>();
    for (const p of plans(filter)) if (p.kind === 'eq' && p.values.length === 1) equal.set(p.field, p.values[0]);
    // Of the indexes that serve the sort, the one with the most equality fields in front
    // narrows the walk most ({people, rankKey} beats {rankKey} for one person's records).
    let chosen: { index: Index; k: number } | undefined;
    for (const index of this.indexes.values()) {
      // An array sorts by its smallest (or largest) element, which a multikey walk does not give.
      if (!index.complete || keyFields.some((f) => index.multikeyFields.has(f))) continue;
      const fields = index.fields;
      let k = 0;
      while (k < fields.length && equal.has(fields[k]) && !keyFields.includes(fields[k])) k++;
      const rest = fields.slice(k);
      if (!keyFields.length || keyFields.length > rest.length || keyFields.some((f, i) => rest[i] !== f)) continue;
      if (idLast && keyFields.length !== rest.length) continue;
      if (!chosen || k > chosen.k) chosen = { index, k };
    }
    if (chosen) {
      const { index, k } = chosen;
      this.lastPlan = { stage: 'IXSCAN', index: index.spec, keysExamined: 0 };
      const matcher = matcherFor(filter, o);
      const out: Doc[] = [];
      // A bound on the first sort field in the walk's direction lets the walk start there;
      // range queries match within one BSON type, so skipping other types loses nothing.
      const range = plans(filter).find((p) => p.kind === 'range' && p.field === keyFields[0]) as Extract<Plan, { kind: 'range' }> | undefined;
      const from = (dir === 1 ? range?.lower : range?.upper)?.value;
      for (const id of index.walk(index.fields.slice(0, k).map((f) => equal.get(f)), dir, from)) {
        const doc = this.docs.get(id);
        if (!doc) continue;
        this.docsExamined++;
        if (matcher(doc) && out.push(doc) >= limit) break;
      }
      return out;
    }
    return undefined;
  }

  /** The compound index whose leading fields the most equality plans cover, as prefixes to look up. */
  private compoundPlan(all: Plan[]): { size: number; ids: () => string[]; index: IndexSpec } | undefined {
    const equalities = new Map<string, unknown[]>();
    for (const p of all) if (p.kind === 'eq' && !equalities.has(p.field)) equalities.set(p.field, p.values);
    let chosen: { index: Index; prefixes: unknown[][] } | undefined;
    for (const index of this.indexes.values()) {
      if (!index.complete || index.fields.length < 2) continue;
      let prefixes: unknown[][] = [[]];
      for (const field of index.fields) {
        const values = equalities.get(field);
        // An empty $in matches nothing; the single-field plan of that field sizes it at zero.
        if (!values?.length || prefixes.length * values.length > MAX_PREFIXES) break;
        prefixes = prefixes.flatMap((p) => values.map((v) => [...p, v]));
      }
      if (prefixes[0].length < 2) continue;
      if (!chosen || prefixes[0].length > chosen.prefixes[0].length) chosen = { index, prefixes };
    }
    if (!chosen) return undefined;
    const { index, prefixes } = chosen;
    return { size: prefixes.reduce((n, p) => n + index.prefixCount(p), 0), ids: () => prefixes.flatMap((p) => index.idsWithPrefix(p)), index: index.spec };
  }

  private candidates(filter: Doc, o?: EngineOptions): Iterable<Doc> {
    this.lastPlan = { stage: 'COLLSCAN', keysExamined: 0 };
    // A collation changes string equality and order, which the indexes do not model.
    if (o?.collation) return this.docs.values();
    // Equality plans are sized first (cheap) and only the smallest is materialised; a range
    // plan is used when no equality plan applies.
    let best: { ids: string[]; index?: IndexSpec } | undefined;
    let smallest: { size: number; ids: () => string[]; index?: IndexSpec } | undefined;
    const ranges: { ids: () => string[]; index: IndexSpec }[] = [];
    for (const plan of plans(filter)) {
      if (plan.field === '_id' && plan.kind === 'eq') {
        const ids = plan.values.map(canonicalKey).filter((k) => this.docs.has(k));
        if (!smallest || ids.length < smallest.size) smallest = { size: ids.length, ids: () => ids };
        continue;
      }
      const index = [...this.indexes.values()].find((i) => i.complete && i.fields[0] === plan.field);
      if (!index) continue;
      if (plan.kind === 'eq') {
        const size = index.countEqual(plan.values);
        if (!smallest || size < smallest.size) smallest = { size, ids: () => index.idsEqual(plan.values), index: index.spec };
      } else ranges.push({ ids: () => index.idsInRange(plan.lower, plan.upper), index: index.spec });
    }
    // Equality (or $in) on several leading fields of a compound index: look up each
    // combination of values as a prefix (institution, status, year … of one query).
    // (None can beat an equality that finds one document or none.)
    const compound = smallest && smallest.size <= 1 ? undefined : this.compoundPlan(plans(filter));
    if (compound && (!smallest || compound.size < smallest.size)) smallest = compound;
    if (smallest) best = { ids: smallest.ids(), index: smallest.index };
    else for (const range of ranges) {
      const ids = range.ids();
      if (!best || ids.length < best.ids.length) best = { ids, index: range.index };
    }
    if (!best) return this.docs.values();
    this.lastPlan = best.index ? { stage: 'IXSCAN', index: best.index, keysExamined: best.ids.length } : { stage: 'IDHACK', keysExamined: best.ids.length };
    const seen = new Set<string>();
    const out: Doc[] = [];
    for (const id of best.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const doc = this.docs.get(id);
      if (doc) out.push(doc);
    }
    return out;
  }
}
