// What MongoDB's query parser refuses or rewrites before a filter runs: empty $and/$or/$nor,
// a $not of a plain value, a negative $size (each BadValue, where the engine matched
// something instead), geo operators and $jsonSchema (not run here: refused as such), and a
// top-level $comment (ignored) or $sampleRate (a random share of the documents).
import { isPlainObject, type Doc } from './bson.js';
import { badValue, notImplemented } from './errors.js';

const GEO = new Set(['$geoWithin', '$geoIntersects', '$near', '$nearSphere', '$within']);

function checkCondition(field: string, cond: unknown) {
  if (!isPlainObject(cond)) return;
  for (const [op, arg] of Object.entries(cond)) {
    if (GEO.has(op)) throw notImplemented(`${op} is not supported by the embedded server (it has no geo indexes)`);
    if (op === '$not' && !(arg instanceof RegExp) && !isPlainObject(arg) && (arg as { _bsontype?: string } | null)?._bsontype !== 'BSONRegExp') throw badValue('$not needs a regex or a document');
    if (op === '$not' && isPlainObject(arg)) checkCondition(field, arg);
    if (op === '$size' && typeof arg === 'number' && arg < 0) throw badValue(`Failed to parse $size. Expected a non-negative number in: $size: ${arg}`);
    if (op === '$elemMatch' && isPlainObject(arg)) checkFilter(arg, false);
  }
}

function checkFilter(filter: Doc, top: boolean) {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || !value.length) throw badValue('$and/$or/$nor must be a nonempty array');
      for (const sub of value) if (isPlainObject(sub)) checkFilter(sub, false);
    } else if (key === '$jsonSchema') throw notImplemented('$jsonSchema is not supported by the embedded server');
    else if ((key === '$comment' || key === '$sampleRate') && !top) throw badValue(`${key} must be a top-level expression`);
    else if (!key.startsWith('$')) checkCondition(key, value);
  }
}

/** The filter as the engine should run it, or MongoDB's refusal of it. */
export function checkedFilter(filter: Doc): Doc {
  checkFilter(filter, true);
  if (!('$comment' in filter) && !('$sampleRate' in filter)) return filter;
  const { $comment: _comment, $sampleRate: rate, ...rest } = filter;
  if (rate === undefined) return rest;
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) throw badValue('numeric argument to $sampleRate must be in [0, 1]');
  // As MongoDB defines it: a random number below the rate, for each document.
  return { ...rest, $expr: rest.$expr ? { $and: [rest.$expr, { $lt: [{ $rand: {} }, rate] }] } : { $lt: [{ $rand: {} }, rate] } };
}
