// Update operators the store applies itself where mingo's answer differs from MongoDB's:
// $min/$max with Longs, Doubles and Decimal128 (compared as numbers, not as documents),
// $addToSet by MongoDB's equality (documents are equal only with their fields in the same
// order), $bit with several operations on a field and with longs, and $currentDate of a
// timestamp. Each moves its paths to $set of the result; positional paths stay for mingo.
import { bsonTypeName, isPlainObject, Long, Timestamp, type Doc } from './bson.js';
import { badValue, typeMismatch } from './errors.js';
import { isTypedNumber } from './numbers.js';
import { canonicalKey, cloneValue, compareValues, getPath } from './values.js';

function toSet(ops: Doc, path: string, value: unknown) {
  ops.$set = { ...((ops.$set as Doc) ?? {}), [path]: value };
}

/** The operator's paths this pass takes over; a copy of its spec keeps the rest (updateMany reuses the update). */
function takeOver(ops: Doc, op: string, apply: (path: string, arg: unknown) => boolean) {
  if (!isPlainObject(ops[op])) return;
  const spec = { ...(ops[op] as Doc) };
  ops[op] = spec;
  for (const [path, arg] of Object.entries(spec)) if (!path.includes('$') && apply(path, arg)) delete spec[path];
  if (!Object.keys(spec).length) delete ops[op];
}

const isTypedOrDecimal = (v: unknown) => isTypedNumber(v) || bsonTypeName(v) === 'Decimal128';

function minMax(doc: Doc, ops: Doc) {
  for (const op of ['$min', '$max'] as const) {
    takeOver(ops, op, (path, operand) => {
      const current = getPath(doc, path);
      if (!isTypedOrDecimal(current) && !isTypedOrDecimal(operand)) return false;
      const c = current === undefined ? (op === '$min' ? -1 : 1) : compareValues(operand, current);
      if (op === '$min' ? c < 0 : c > 0) toSet(ops, path, operand);
      return true;
    });
  }
}

function addToSet(doc: Doc, ops: Doc) {
  takeOver(ops, '$addToSet', (path, arg) => {
    const each = isPlainObject(arg) && '$each' in arg ? arg.$each : [arg];
    const current = getPath(doc, path);
    if (!Array.isArray(each) || (current !== undefined && !Array.isArray(current))) return false; // the general path answers the error
    const list = [...((current as unknown[] | undefined) ?? [])];
    const seen = new Set(list.map(canonicalKey));
    for (const v of each) {
      const key = canonicalKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      list.push(cloneValue(v));
    }
    toSet(ops, path, list);
    return true;
  });
}

const isInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) || bsonTypeName(v) === 'Int32';
const isLong = (v: unknown) => bsonTypeName(v) === 'Long';
const bigOf = (v: unknown) => (isLong(v) ? (v as InstanceType<typeof Long>).toBigInt() : BigInt(Number(v)));

function bit(doc: Doc, ops: Doc) {
  takeOver(ops, '$bit', (path, arg) => {
    if (!isPlainObject(arg) || !Object.keys(arg).length) throw badValue(`The $bit modifier is not compatible with a ${Array.isArray(arg) ? 'array' : typeof arg}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`);
    const current = getPath(doc, path);
    if (current !== undefined && !isInt(current) && !isLong(current)) {
      throw typeMismatch(`Cannot apply $bit to a value of non-integral type.{_id: ${JSON.stringify(doc._id)}} has the field ${path.split('.').pop()} of non-integer type ${Array.isArray(current) ? 'array' : typeof current === 'number' ? 'double' : typeof current}`);
    }
    let value = current === undefined ? 0n : bigOf(current);
    let long = isLong(current);
    for (const [name, operand] of Object.entries(arg)) {
      if (!isInt(operand) && !isLong(operand)) throw badValue(`The $bit modifier field must be an Integer(32/64 bit); a '${typeof operand === 'number' ? 'double' : typeof operand}' is not supported here: {${name}: ${JSON.stringify(operand)}}`);
      long ||= isLong(operand);
      const o = bigOf(operand);
      if (name === 'and') value &= o;
      else if (name === 'or') value |= o;
      else if (name === 'xor') value ^= o;
      else throw badValue(`The $bit modifier only supports 'and', 'or', and 'xor', not '${name}' which is an unknown operator: {${name}: ${JSON.stringify(operand)}}`);
    }
    toSet(ops, path, long ? Long.fromBigInt(BigInt.asIntN(64, value)) : Number(BigInt.asIntN(32, value)));
    return true;
  });
}

let lastSecond = 0;
let increment = 0;
/** A timestamp for now, unique within the server (the increment counts within a second). */
function nowTimestamp() {
  const second = Math.floor(Date.now() / 1000);
  increment = second === lastSecond ? increment + 1 : 1;
  lastSecond = second;
  return new Timestamp({ t: second, i: increment });
}

function currentDate(ops: Doc) {
  takeOver(ops, '$currentDate', (path, arg) => {
    const type = isPlainObject(arg) ? arg.$type : typeof arg === 'boolean' ? 'date' : undefined;
    if (type !== 'date' && type !== 'timestamp') return false; // the general path answers the error
    toSet(ops, path, type === 'date' ? new Date() : nowTimestamp());
    return true;
  });
}

/** Takes over the operators above from an operator update about to apply to `doc`. */
export function applyOwnOperators(doc: Doc, ops: Doc): void {
  minMax(doc, ops);
  addToSet(doc, ops);
  bit(doc, ops);
  currentDate(ops);
}
