// The find options that speak of an index: min/max (bounds on the hinted index's keys) and
// returnKey (each document as its key in the index that answered), as MongoDB answers them.
import type { Doc } from './bson.js';
import type { Collection } from './collection.js';
import { CommandError } from './errors.js';
import type { IndexSpec } from './indexes.js';
import { compareValues, pathValues, sortDocs } from './values.js';

/** The index a hint names, by name or by key pattern. */
export function hintedIndex(coll: Collection, hint: unknown): IndexSpec | undefined {
  if (hint === undefined || hint === null) return undefined;
  return coll.indexSpecs().find((s) => (typeof hint === 'string' ? s.name === hint : JSON.stringify(s.key) === JSON.stringify(hint)));
}

const keyValue = (doc: Doc, field: string) => pathValues(doc, field)[0] ?? null;

/**
 * The documents whose key in the hinted index lies in [min, max), in index order. MongoDB
 * needs the hint, and bounds with exactly the index's fields.
 */
export function withinKeyBounds(docs: Doc[], index: IndexSpec | undefined, min: unknown, max: unknown): Doc[] {
  if (!index) throw new CommandError(51173, 'Location51173', 'When using min()/max() a hint of which index to use must be provided');
  const fields = Object.keys(index.key);
  for (const bound of [min, max]) {
    if (bound !== undefined && (typeof bound !== 'object' || bound === null || JSON.stringify(Object.keys(bound)) !== JSON.stringify(fields))) {
      throw new CommandError(51174, 'Location51174', 'The index chosen is not consistent with min/max');
    }
  }
  // Compares a document's key with a bound in index order (a descending field reverses it).
  const compare = (doc: Doc, bound: Doc) => {
    for (const f of fields) {
      const c = compareValues(keyValue(doc, f), bound[f]) * (Number(index.key[f]) < 0 ? -1 : 1);
      if (c) return c;
    }
    return 0;
  };
  const inside = docs.filter((d) => (min === undefined || compare(d, min as Doc) >= 0) && (max === undefined || compare(d, max as Doc) < 0));
  return sortDocs(inside, index.key);
}

/** Each document as its key in `index` ({} when no index answered, as MongoDB's COLLSCAN gives). */
export function asIndexKeys(docs: Doc[], index: IndexSpec | undefined): Doc[] {
  if (!index) return docs.map(() => ({}));
  const fields = Object.keys(index.key);
  return docs.map((d) => Object.fromEntries(fields.map((f) => [f, keyValue(d, f)])));
}
