// The query operator $type, answered from the BSON type each value was sent as: an integral
// double is a double and an int64 a long (see numbers.ts), which the query engine, seeing
// JavaScript numbers, cannot tell apart.
import { bsonTypeName, type Doc } from './bson.js';
import { CommandError } from './errors.js';
import { isInt32 } from './numbers.js';

const CODES: Record<number, string> = { 1: 'double', 2: 'string', 3: 'object', 4: 'array', 5: 'binData', 6: 'undefined', 7: 'objectId', 8: 'bool', 9: 'date', 10: 'null', 11: 'regex', 12: 'dbPointer', 13: 'javascript', 14: 'symbol', 15: 'javascriptWithScope', 16: 'int', 17: 'timestamp', 18: 'long', 19: 'decimal', [-1]: 'minKey', 127: 'maxKey' };
const NAMES = new Set([...Object.values(CODES), 'number']);
const NUMBERS = new Set(['double', 'int', 'long', 'decimal']);

const BSON_CLASSES: Record<string, string> = { ObjectId: 'objectId', Binary: 'binData', Long: 'long', Double: 'double', Int32: 'int', Decimal128: 'decimal', Timestamp: 'timestamp', MinKey: 'minKey', MaxKey: 'maxKey', BSONRegExp: 'regex', BSONSymbol: 'symbol', Code: 'javascript', DBRef: 'object' };

/** The BSON type name of a stored value (undefined: missing). */
export function bsonType(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return isInt32(v) ? 'int' : 'double';
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  if (Array.isArray(v)) return 'array';
  const t = bsonTypeName(v);
  return t ? (BSON_CLASSES[t] ?? 'object') : 'object';
}

function typeNames(spec: unknown): string[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((x) => {
    const name = typeof x === 'number' ? CODES[x] : typeof x === 'string' && NAMES.has(x) ? x : undefined;
    if (!name) throw new CommandError(2, 'BadValue', typeof x === 'number' ? `Invalid numerical type code: ${x}` : `Unknown type name alias: ${String(x)}`);
    return name;
  });
}

/** Every value a dotted path reaches: each array itself and its elements, as $type tests them. */
function reached(doc: unknown, parts: string[], out: unknown[]) {
  if (!parts.length) {
    out.push(doc);
    if (Array.isArray(doc)) out.push(...doc);
    return;
  }
  if (Array.isArray(doc)) {
    if (/^\d+$/.test(parts[0])) reached(doc[Number(parts[0])], parts.slice(1), out);
    else for (const e of doc) if (e && typeof e === 'object' && !Array.isArray(e)) reached((e as Doc)[parts[0]], parts.slice(1), out);
    return;
  }
  if (doc && typeof doc === 'object' && !bsonTypeName(doc) && !(doc instanceof Date)) reached((doc as Doc)[parts[0]], parts.slice(1), out);
}

/** `{field: {$type: …}}` alone; undefined for any other condition. */
export function typeCondition(field: string, cond: unknown): ((doc: Doc) => boolean) | undefined {
  if (!cond || typeof cond !== 'object' || Array.isArray(cond) || Object.keys(cond).length !== 1 || !('$type' in cond)) return undefined;
  const wanted = new Set(typeNames((cond as Doc).$type));
  if (wanted.has('number')) for (const n of NUMBERS) wanted.add(n);
  const parts = field.split('.');
  return (doc) => {
    const values: unknown[] = [];
    reached(doc, parts, values);
    return values.some((v) => {
      const t = bsonType(v);
      return t !== undefined && wanted.has(t);
    });
  };
}
