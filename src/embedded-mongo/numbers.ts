// Numeric BSON types kept as sent. JavaScript has one number, so a decoded int32 and a
// non-integral double are plain numbers (each encodes back as what it was), while a double
// with an integral value in int32 range, -0 among them, stays a Double and an int64 stays a
// Long: encoded as numbers they would come back as int32. Messages without such values (what
// an application sends almost always) are decoded as before, after a scan that allocates nothing.
import { BSON } from 'mongodb';
import { bsonTypeName, type Doc } from './bson.js';
import { bsonType } from './type-operator.js';

const { Double, Long } = BSON;

/** Whether any Double or Long may have been stored since start: until then nothing needs converting for the query engine. */
let seen = false;
export const typedNumbersSeen = () => seen;
export const markTypedNumbersSeen = () => {
  seen = true;
};

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Whether a JavaScript number encodes as an int32. */
export const isInt32 = (x: number) => Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX && !Object.is(x, -0);

/** Whether a double would not survive as a JavaScript number (it would encode as an int32). */
const doubleNeedsType = (x: number) => Object.is(x, -0) || isInt32(x);

/** Whether the BSON document holds an int64, or a double that must keep its type. */
export function holdsTypedNumbers(buf: Uint8Array): boolean {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const skipCString = (at: number) => {
    while (at < buf.length && buf[at] !== 0) at++;
    return at + 1;
  };
  let pos = 4;
  while (pos < buf.length) {
    const type = buf[pos++];
    if (type === 0) continue; // the end of an embedded document
    pos = skipCString(pos);
    switch (type) {
      case 0x01:
        if (doubleNeedsType(view.getFloat64(pos, true))) return true;
        pos += 8;
        break;
      case 0x12:
        return true;
      case 0x02:
      case 0x0d:
      case 0x0e:
        pos += 4 + view.getInt32(pos, true);
        break;
      case 0x03:
      case 0x04:
        pos += 4; // into the embedded document's elements
        break;
      case 0x05:
        pos += 5 + view.getInt32(pos, true);
        break;
      case 0x07:
        pos += 12;
        break;
      case 0x08:
        pos += 1;
        break;
      case 0x09:
      case 0x11:
        pos += 8;
        break;
      case 0x10:
        pos += 4;
        break;
      case 0x13:
        pos += 16;
        break;
      case 0x0b:
        pos = skipCString(skipCString(pos));
        break;
      case 0x0c:
        pos += 4 + view.getInt32(pos, true) + 12;
        break;
      case 0x0f:
        pos += view.getInt32(pos, true);
        break;
      case 0x06:
      case 0x0a:
      case 0x7f:
      case 0xff:
        break;
      default:
        return true; // let the decoder judge it
    }
  }
  return false;
}

/** Decoded without promotion: int32 and doubles that need no type become numbers again. */
export function decodeTyped(buf: Uint8Array): Doc {
  return settle(BSON.deserialize(buf, { promoteValues: false, validation: { utf8: false } })) as Doc;
}

function settle(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = settle(v[i]);
    return v;
  }
  switch (bsonTypeName(v)) {
    case 'Int32':
      return (v as { value: number }).value;
    case 'Double': {
      const x = (v as { value: number }).value;
      return doubleNeedsType(x) ? v : x;
    }
    case undefined:
      if (v instanceof Date) return v;
      for (const k of Object.keys(v)) (v as Doc)[k] = settle((v as Doc)[k]);
      return v;
    default:
      return v;
  }
}

/** Whether a value is a Double, Long or Int32 object rather than a plain number. */
export const isTypedNumber = (v: unknown) => {
  const t = bsonTypeName(v);
  return t === 'Double' || t === 'Long' || t === 'Int32';
};

/** The value with every Double and Long as a JavaScript number (in place, for decoded commands). */
export function promoteNumbers<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = promoteNumbers(v[i]);
    return v;
  }
  if (isTypedNumber(v)) return Number(v) as T;
  if (bsonTypeName(v) !== undefined || v instanceof Date) return v;
  for (const k of Object.keys(v)) (v as Doc)[k] = promoteNumbers((v as Doc)[k]);
  return v;
}

/** A copy with every Double and Long as a number, for the query engine (stored values are not touched). */
export function numbersCopy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(numbersCopy) as T;
  if (isTypedNumber(v)) return Number(v) as T;
  if (bsonTypeName(v) !== undefined || v instanceof Date) return v;
  const out: Doc = {};
  for (const k of Object.keys(v)) out[k] = numbersCopy((v as Doc)[k]);
  return out as T;
}

/** Whether a stored value holds a Double or Long anywhere. */
export function containsTypedNumber(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(containsTypedNumber);
  if (isTypedNumber(v)) return true;
  if (bsonTypeName(v) !== undefined || v instanceof Date) return false;
  return Object.values(v).some(containsTypedNumber);
}

type Kind = 'int' | 'long' | 'double';

function kindOf(v: unknown): Kind | undefined {
  const t = bsonType(v);
  return t === 'int' || t === 'long' || t === 'double' ? t : undefined;
}

/** A double result: a Double where a number would encode as an int32. */
export const asDouble = (x: number) => (doubleNeedsType(x) ? ((seen = true), new Double(x)) : x);

const bigOf = (v: unknown) => (bsonTypeName(v) === 'Long' ? (v as { toBigInt(): bigint }).toBigInt() : BigInt(v as number));

/**
 * `a op b` under MongoDB's rules for numeric types: a double among them makes a double; else
 * a long among them makes a long; two ints make an int, or a long where it overflows.
 * Undefined when either is not an int, long or double (Decimal128 is computed elsewhere).
 */
export function typedArithmetic(op: 'add' | 'multiply', a: unknown, b: unknown): unknown {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (!ka || !kb) return undefined;
  if (ka === 'double' || kb === 'double') return asDouble(op === 'add' ? Number(a) + Number(b) : Number(a) * Number(b));
  const exact = op === 'add' ? bigOf(a) + bigOf(b) : bigOf(a) * bigOf(b);
  if (ka === 'int' && kb === 'int' && exact >= INT32_MIN && exact <= INT32_MAX) return Number(exact);
  seen = true;
  return Long.fromBigInt(BigInt.asIntN(64, exact));
}

/**
 * $inc or $mul of a stored value, where a Double or Long is involved or two ints overflow:
 * the typed result (a missing field takes the operand, or a zero of its type); undefined
 * when the general path computes it the same.
 */
export function typedUpdate(op: '$inc' | '$mul', current: unknown, operand: unknown): unknown {
  const typed = isTypedNumber(current) || isTypedNumber(operand);
  if (current === undefined) return !typed ? undefined : op === '$inc' ? operand : typedArithmetic('multiply', 0, operand);
  const result = typedArithmetic(op === '$inc' ? 'add' : 'multiply', current, operand);
  return typed || isTypedNumber(result) ? result : undefined;
}

/** A decoded command's numbers promoted, except in the documents it stores (inserted, updates, replacements). */
export function promoteOutsidePayload(body: Doc): void {
  const command = Object.keys(body)[0];
  for (const [k, v] of Object.entries(body)) {
    if ((command === 'insert' && k === 'documents') || (command === 'findAndModify' && k === 'update')) {
      if (containsTypedNumber(v)) seen = true;
      continue;
    }
    if (command === 'update' && k === 'updates' && Array.isArray(v)) {
      for (const statement of v) {
        if (!statement || typeof statement !== 'object') continue;
        for (const f of Object.keys(statement)) if (f !== 'u') statement[f] = promoteNumbers(statement[f]);
        if (containsTypedNumber(statement.u)) seen = true;
      }
      continue;
    }
    body[k] = promoteNumbers(v);
  }
}
