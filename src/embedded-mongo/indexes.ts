import { isObjectId, type Doc } from './bson.js';
import { compileFilter, type Matcher } from './engine.js';
import { DuplicateKeyError } from './errors.js';
import { canonicalKey, compareValues, pathValues } from './values.js';

export interface IndexSpec {
  name: string;
  key: Record<string, number | string>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  [option: string]: unknown;
}

interface KeyEntry {
  value: unknown;
  ids: Set<string>;
}

/** A secondary index: unique enforcement over whole keys, and lookup by its first field. */
export class Index {
  readonly fields: string[];
  private readonly partial?: Matcher;
  /** whole-key tuple -> ids (uniqueness) */
  private readonly tuples = new Map<string, Set<string>>();
  /** first field value -> ids (equality), plus the distinct values in order (ranges) */
  private readonly byFirst = new Map<string, KeyEntry>();
  private readonly ordered: KeyEntry[] = [];

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression);
  }

  /** Whether every document is in the index, so the planner may rely on it. */
  get complete(): boolean {
    return !this.spec.sparse && !this.partial;
  }

  private covers(doc: Doc): boolean {
    if (this.partial && !this.partial(doc)) return false;
    if (this.spec.sparse && this.fields.every((f) => pathValues(doc, f).every((v) => v === undefined))) return false;
    return true;
  }

  /** The key tuples of a document (several when an indexed field holds an array). */
  private tuplesOf(doc: Doc): unknown[][] {
    let tuples: unknown[][] = [[]];
    for (const f of this.fields) {
      const values = [...new Map(pathValues(doc, f).map((v) => [canonicalKey(v), v])).values()];
      tuples = tuples.flatMap((t) => values.map((v) => [...t, v]));
    }
    return tuples;
  }

  /** Throws MongoDB's duplicate key error if `doc` would collide with another document. */
  checkUnique(doc: Doc, selfId: string | undefined) {
    if (!this.spec.unique || !this.covers(doc)) return;
    for (const tuple of this.tuplesOf(doc)) {
      const ids = this.tuples.get(tupleKey(tuple));
      if (ids && [...ids].some((id) => id !== selfId)) throw this.duplicate(tuple);
    }
  }

  duplicate(tuple: unknown[]): DuplicateKeyError {
    const keyValue: Doc = {};
    this.fields.forEach((f, i) => (keyValue[f] = tuple[i] ?? null));
    const shown = this.fields.map((f, i) => `${f}: ${formatValue(tuple[i])}`).join(', ');
    return new DuplicateKeyError(
      `E11000 duplicate key error collection: ${this.ns} index: ${this.spec.name} dup key: { ${shown} }`,
      { ...this.spec.key },
      keyValue,
    );
  }

  add(doc: Doc, id: string) {
    if (!this.covers(doc)) return;
    for (const tuple of this.tuplesOf(doc)) {
      const k = tupleKey(tuple);
      const set = this.tuples.get(k) ?? new Set<string>();
      set.add(id);
      this.tuples.set(k, set);
    }
    for (const v of pathValues(doc, this.fields[0])) {
      const k = canonicalKey(v);
      let entry = this.byFirst.get(k);
      if (!entry) {
        entry = { value: v ?? null, ids: new Set() };
        this.byFirst.set(k, entry);
        this.ordered.splice(this.position(entry.value), 0, entry);
      }
      entry.ids.add(id);
    }
  }

  remove(doc: Doc, id: string) {
    if (!this.covers(doc)) return;
    for (const tuple of this.tuplesOf(doc)) {
      const k = tupleKey(tuple);
      const set = this.tuples.get(k);
      set?.delete(id);
      if (set && !set.size) this.tuples.delete(k);
    }
    for (const v of pathValues(doc, this.fields[0])) {
      const k = canonicalKey(v);
      const entry = this.byFirst.get(k);
      if (!entry) continue;
      entry.ids.delete(id);
      if (!entry.ids.size) {
        this.byFirst.delete(k);
        const at = this.position(entry.value);
        if (this.ordered[at] === entry) this.ordered.splice(at, 1);
        else this.ordered.splice(this.ordered.indexOf(entry), 1);
      }
    }
  }

  /** First position whose value is >= v (binary search). */
  private position(v: unknown): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareValues(this.ordered[mid].value, v) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  idsEqual(values: unknown[]): string[] {
    const out: string[] = [];
    for (const v of values) for (const id of this.byFirst.get(canonicalKey(v))?.ids ?? []) out.push(id);
    return out;
  }

  /** Ids whose first-field value lies in the range, within the bound's own type bracket. */
  idsInRange(lower: { value: unknown; inclusive: boolean } | undefined, upper: { value: unknown; inclusive: boolean } | undefined): string[] {
    const bracket = (lower ?? upper)!.value;
    let i = lower ? this.position(lower.value) : 0;
    const out: string[] = [];
    for (; i < this.ordered.length; i++) {
      const { value, ids } = this.ordered[i];
      if (!sameBracket(value, bracket)) {
        if (lower) break;
        continue;
      }
      if (lower && !lower.inclusive && compareValues(value, lower.value) === 0) continue;
      if (upper) {
        const c = compareValues(value, upper.value);
        if (c > 0 || (c === 0 && !upper.inclusive)) break;
      }
      for (const id of ids) out.push(id);
    }
    return out;
  }
}

function sameBracket(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0 || (compareValues(a, b) !== 0 && typeBracketEqual(a, b));
}

function typeBracketEqual(a: unknown, b: unknown): boolean {
  const kind = (v: unknown) => (typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : v instanceof Date ? 'date' : isObjectId(v) ? 'oid' : 'other');
  return kind(a) === kind(b) && kind(a) !== 'other';
}

function tupleKey(tuple: unknown[]): string {
  return tuple.map(canonicalKey).join('\u0000');
}

function formatValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (isObjectId(v)) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
