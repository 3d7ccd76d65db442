import { isObjectId, type Doc } from './bson.js';
import { compileFilter, type Matcher } from './engine.js';
import { DuplicateKeyError } from './errors.js';
import { canonicalKey, collationFold, compareValues, keyPart, pathValues } from './values.js';

export interface IndexSpec {
  name: string;
  key: Record<string, number | string>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  [option: string]: unknown;
}

/**
 * The documents holding one key: most keys of a selective index are held by one document,
 * so it is kept as its id alone (a Set costs ~150 bytes more per key).
 */
type Holders = string | Set<string>;

function addHolder(map: Map<string, Holders>, key: string, id: string) {
  const held = map.get(key);
  if (held === undefined) map.set(key, id);
  else if (typeof held === 'string') {
    if (held !== id) map.set(key, new Set([held, id]));
  } else held.add(id);
}

function removeHolder(map: Map<string, Holders>, key: string, id: string) {
  const held = map.get(key);
  if (held === id) map.delete(key);
  else if (typeof held === 'object') {
    held.delete(id);
    if (held.size === 1) map.set(key, held.values().next().value!);
  }
}

const holderCount = (held: Holders | undefined) => (held === undefined ? 0 : typeof held === 'string' ? 1 : held.size);
const holderIds = (held: Holders | undefined): Iterable<string> => (held === undefined ? [] : typeof held === 'string' ? [held] : held);

/** One index entry: a key tuple and the document's _id, kept in (tuple, _id) order. */
interface SortedEntry {
  values: unknown[];
  idValue: unknown;
  id: string;
}

function compareTuples(a: unknown[], b: unknown[], length = Math.max(a.length, b.length)): number {
  for (let i = 0; i < length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c) return c;
  }
  return 0;
}

const compareEntries = (a: SortedEntry, b: SortedEntry) => compareTuples(a.values, b.values) || compareValues(a.idValue, b.idValue);

/** A secondary index: unique enforcement over whole keys, and lookup by its first field. */
export class Index {
  readonly fields: string[];
  /** Fields some document holds an array in: an index walk does not give their sort order. */
  readonly multikeyFields = new Set<string>();
  private readonly partial?: Matcher;
  /**
   * whole-key tuple -> ids, for uniqueness and one-field equality. A non-unique compound
   * index has none: its whole keys are found by binary search, and the map would cost about
   * 150 bytes a document (a key string and an entry).
   */
  private readonly tuples = new Map<string, Holders>();
  private readonly keepsWholeKeys: boolean;
  /** first field value -> ids (equality); for one field without a collation, the same map as `tuples` */
  private readonly byFirst: Map<string, Holders>;
  /**
   * Every entry in key order, for ranges and ordered walks. Kept log-structured so bulk
   * loads stay O(n log n): new entries wait in `delta`, removed ones in `removed`, and both
   * are merged into `sorted` (one linear pass) before the next ordered read.
   */
  private sorted: SortedEntry[] = [];
  /** Entries not yet merged, by document id (a removal finds its entries at once). */
  private delta = new Map<string, SortedEntry[]>();
  private deltaSize = 0;
  private readonly removed = new Set<SortedEntry>();

  private get entries(): SortedEntry[] {
    if (this.deltaSize || this.removed.size) {
      const incoming = [...this.delta.values()].flat().sort(compareEntries);
      const base = this.removed.size ? this.sorted.filter((e) => !this.removed.has(e)) : this.sorted;
      // Place each incoming entry by binary search and copy the runs between: O(n + d log n).
      const merged: SortedEntry[] = [];
      let from = 0;
      for (const e of incoming) {
        let lo = from;
        let hi = base.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (compareEntries(base[mid], e) <= 0) lo = mid + 1;
          else hi = mid;
        }
        for (let i = from; i < lo; i++) merged.push(base[i]);
        merged.push(e);
        from = lo;
      }
      for (let i = from; i < base.length; i++) merged.push(base[i]);
      this.sorted = merged;
      this.delta = new Map();
      this.deltaSize = 0;
      this.removed.clear();
    }
    return this.sorted;
  }

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.fields = Object.keys(spec.key);
    this.byFirst = this.fields.length === 1 && !spec.collation ? this.tuples : new Map();
    this.keepsWholeKeys = Boolean(spec.unique) || this.byFirst === this.tuples;
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression);
  }

  /** How many keys the index holds (a document with an array holds one per element). */
  keyCount(): number {
    return this.sorted.length + this.deltaSize - this.removed.size;
  }

  /** Whether every document is in the index, so the planner may rely on it. */
  get complete(): boolean {
    return !this.spec.sparse && !this.partial;
  }

  /** Whether the index holds the document (a sparse or partial one holds only some). */
  holds(doc: Doc): boolean {
    return this.covers(doc);
  }

  protected covers(doc: Doc): boolean {
    if (this.partial && !this.partial(doc)) return false;
    if (this.spec.sparse && this.fields.every((f) => pathValues(doc, f).every((v) => v === undefined))) return false;
    return true;
  }

  /**
   * A whole key as uniqueness compares it: by value, and strings of an index with a
   * collation as the collation compares them at its strength (below 3: case, width and
   * compatibility forms ignored; at 1, accents too).
   */
  private tupleKey(tuple: unknown[]): string {
    const fold = collationFold(this.spec.collation);
    if (!fold) return tupleKey(tuple);
    return tuple.map((v) => keyPart(typeof v === 'string' ? `s:${fold(v)}` : canonicalKey(v))).join('');
  }

  /** The key tuples of a document (several when an indexed field holds an array). */
  private tuplesOf(doc: Doc): unknown[][] {
    const columns = this.fields.map((f) => pathValues(doc, f));
    // Most documents hold one value in each indexed field: one tuple, nothing to deduplicate.
    if (columns.every((values) => values.length === 1)) return [columns.map((values) => values[0])];
    let tuples: unknown[][] = [[]];
    for (const column of columns) {
      const values = column.length === 1 ? column : [...new Map(column.map((v) => [canonicalKey(v), v])).values()];
      tuples = tuples.flatMap((t) => values.map((v) => [...t, v]));
    }
    return tuples;
  }

  /** Throws MongoDB's duplicate key error if `doc` would collide with another document. */
  checkUnique(doc: Doc, selfId: string | undefined) {
    if (!this.spec.unique || !this.covers(doc)) return;
    for (const tuple of this.tuplesOf(doc)) {
      for (const id of holderIds(this.tuples.get(this.tupleKey(tuple)))) if (id !== selfId) throw this.duplicate(tuple);
    }
  }

  /** checkUnique, not counting the documents whose ids `ignored` holds (a transaction changed them). */
  checkUniqueExcept(doc: Doc, selfId: string | undefined, ignored: { has(id: string): boolean }) {
    if (!this.spec.unique || !this.covers(doc)) return;
    for (const tuple of this.tuplesOf(doc)) {
      for (const id of holderIds(this.tuples.get(this.tupleKey(tuple)))) if (id !== selfId && !ignored.has(id)) throw this.duplicate(tuple);
    }
  }

  /** The whole keys a document holds in this index if it is unique (none otherwise), with their tuples. */
  uniqueKeys(doc: Doc): { key: string; tuple: unknown[] }[] {
    if (!this.spec.unique || !this.covers(doc)) return [];
    return this.tuplesOf(doc).map((tuple) => ({ key: this.tupleKey(tuple), tuple }));
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
    const tuples = this.tuplesOf(doc);
    // A field holding several values in one document is multikey (a one-element array sorts as its element).
    if (tuples.length > 1) {
      this.fields.forEach((f, i) => {
        if (new Set(tuples.map((t) => canonicalKey(t[i]))).size > 1) this.multikeyFields.add(f);
      });
    }
    for (const tuple of tuples) {
      if (this.keepsWholeKeys) addHolder(this.tuples, this.tupleKey(tuple), id);
      // Merged when it reaches an eighth of the index: bulk loads cost O(n log n) in all.
      if (this.deltaSize >= Math.max(1024, this.sorted.length >> 3)) void this.entries;
      const list = this.delta.get(id) ?? [];
      list.push({ values: tuple.map((v) => v ?? null), idValue: doc._id, id });
      this.delta.set(id, list);
      this.deltaSize++;
    }
    if (this.byFirst !== this.tuples) for (const v of pathValues(doc, this.fields[0])) addHolder(this.byFirst, canonicalKey(v), id);
  }

  remove(doc: Doc, id: string) {
    if (!this.covers(doc)) return;
    for (const tuple of this.tuplesOf(doc)) {
      if (this.keepsWholeKeys) removeHolder(this.tuples, this.tupleKey(tuple), id);
      this.removeEntry({ values: tuple.map((v) => v ?? null), idValue: doc._id, id });
    }
    if (this.byFirst !== this.tuples) for (const v of pathValues(doc, this.fields[0])) removeHolder(this.byFirst, canonicalKey(v), id);
  }

  private removeEntry(probe: SortedEntry) {
    const pending = this.delta.get(probe.id);
    const inDelta = pending?.findIndex((e) => compareTuples(e.values, probe.values) === 0) ?? -1;
    if (pending && inDelta >= 0) {
      pending.splice(inDelta, 1);
      if (!pending.length) this.delta.delete(probe.id);
      this.deltaSize--;
      return;
    }
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareEntries(this.sorted[mid], probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.sorted.length && compareEntries(this.sorted[i], probe) === 0; i++) {
      if (this.sorted[i].id === probe.id && !this.removed.has(this.sorted[i])) {
        this.removed.add(this.sorted[i]);
        return;
      }
    }
  }

  /** First position whose leading values compare >= (or > when `after`) the prefix. */
  private prefixBound(prefix: unknown[], after: boolean): number {
    const entries = this.entries;
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareTuples(entries[mid].values, prefix, prefix.length);
      if (c < 0 || (after && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Ids of entries whose leading fields equal `prefix`, in index order (then _id), forwards
   * or backwards; a document appears once, at its first entry.
   */
  *walk(prefix: unknown[], direction: 1 | -1, from?: unknown): Generator<string> {
    // `from` bounds the field after the prefix: the walk starts there (a keyset page).
    const seek = from !== undefined ? [...prefix, from] : undefined;
    const start = seek && direction === 1 ? this.prefixBound(seek, false) : this.prefixBound(prefix, false);
    const end = seek && direction === -1 ? this.prefixBound(seek, true) : this.prefixBound(prefix, true);
    const entries = this.entries;
    const seen = new Set<string>();
    for (let i = direction === 1 ? start : end - 1; direction === 1 ? i < end : i >= start; i += direction) {
      const { id } = entries[i];
      if (seen.has(id)) continue;
      seen.add(id);
      yield id;
    }
  }

  /** The documents holding exactly this whole key, from the key map (no search, no merge); undefined for a partial key. */
  private holding(prefix: unknown[]): Holders | undefined {
    if (!this.keepsWholeKeys || prefix.length !== this.fields.length || this.spec.collation) return undefined;
    return this.tuples.get(tupleKey(prefix)) ?? new Set();
  }

  /** How many entries have these leading values (two binary searches, or a lookup for a whole key). */
  prefixCount(prefix: unknown[]): number {
    const exact = this.holding(prefix);
    if (exact) return holderCount(exact);
    return this.prefixBound(prefix, true) - this.prefixBound(prefix, false);
  }

  /** Ids of the entries with these leading values (a whole key held by one document at most: from the key map). */
  idsWithPrefix(prefix: unknown[]): string[] {
    const exact = this.holding(prefix);
    if (exact && holderCount(exact) <= 1) return [...holderIds(exact)];
    const entries = this.entries;
    const out: string[] = [];
    for (let i = this.prefixBound(prefix, false), end = this.prefixBound(prefix, true); i < end; i++) out.push(entries[i].id);
    return out;
  }

  /** How many entries equality on these values would yield (cheap: no ids copied). */
  countEqual(values: unknown[]): number {
    let n = 0;
    for (const v of values) n += holderCount(this.byFirst.get(canonicalKey(v)));
    return n;
  }

  idsEqual(values: unknown[]): string[] {
    const out: string[] = [];
    for (const v of values) for (const id of holderIds(this.byFirst.get(canonicalKey(v)))) out.push(id);
    return out;
  }

  /** Ids whose first-field value lies in the range, within the bound's own type bracket. */
  idsInRange(lower: { value: unknown; inclusive: boolean } | undefined, upper: { value: unknown; inclusive: boolean } | undefined): string[] {
    const bracket = (lower ?? upper)!.value;
    let i = lower ? this.prefixBound([lower.value], false) : 0;
    const entries = this.entries;
    const out: string[] = [];
    for (; i < entries.length; i++) {
      const value = entries[i].values[0];
      if (!sameBracket(value, bracket)) {
        if (lower) break;
        continue;
      }
      if (lower && !lower.inclusive && compareValues(value, lower.value) === 0) continue;
      if (upper) {
        const c = compareValues(value, upper.value);
        if (c > 0 || (c === 0 && !upper.inclusive)) break;
      }
      out.push(entries[i].id);
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

/** A whole key's map key: a one-field key is the value's own key (the equality map shares it). */
function tupleKey(tuple: unknown[]): string {
  return tuple.length === 1 ? canonicalKey(tuple[0]) : tuple.map((v) => keyPart(canonicalKey(v))).join('');
}

function formatValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (isObjectId(v)) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
