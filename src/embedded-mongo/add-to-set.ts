// $addToSet by MongoDB's equality: documents are equal only with their fields in the same
// order ({a, b} and {b, a} are two values), which mingo's deep equality ignores.
import { isPlainObject, type Doc } from './bson.js';
import { canonicalKey, cloneValue, getPath } from './values.js';

/** Moves the $addToSet paths (plain, or with an $each array) to $set of the resulting array. */
export function addToSetByKey(doc: Doc, ops: Doc): void {
  if (!isPlainObject(ops.$addToSet)) return;
  // A copy: the same update applies to every document an updateMany matches.
  const spec = { ...ops.$addToSet };
  ops.$addToSet = spec;
  for (const [path, arg] of Object.entries(spec)) {
    if (path.includes('$')) continue;
    const each = isPlainObject(arg) && '$each' in arg ? arg.$each : [arg];
    const current = getPath(doc, path);
    if (!Array.isArray(each) || (current !== undefined && !Array.isArray(current))) continue; // the general path answers the error
    const list = [...((current as unknown[] | undefined) ?? [])];
    const seen = new Set(list.map(canonicalKey));
    for (const v of each) {
      const key = canonicalKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(cloneValue(v));
    }
    ops.$set = { ...((ops.$set as Doc) ?? {}), [path]: list };
    delete spec[path];
  }
  if (!Object.keys(spec).length) delete ops.$addToSet;
}
