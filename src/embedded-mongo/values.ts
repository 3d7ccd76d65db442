import { bsonTypeName, isObjectId, isPlainObject, type Doc } from './bson.js';
import { CommandError } from './errors.js';

/** MongoDB's comparison order across BSON types; null and missing share a rank. */
function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1;
  switch (typeof v) {
    case 'number':
    case 'bigint':
      return 2;
    case 'string':
      return 3;
    case 'boolean':
      return 8;
  }
  if (v instanceof Date) return 9;
  if (v instanceof RegExp) return 11;
  if (Array.isArray(v)) return 5;
  switch (bsonTypeName(v)) {
    case 'MinKey':
      return 0;
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return 2;
    case 'BSONSymbol':
      return 3;
    case 'Binary':
      return 6;
    case 'ObjectId':
      return 7;
    case 'Timestamp':
      return 10;
    case 'BSONRegExp':
      return 11;
    case 'MaxKey':
      return 12;
  }
  return 4; // embedded document
}

function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return Number(String(v));
}

export type StringComparator = (a: string, b: string) => number;

/**
 * MongoDB compares strings by their UTF-8 bytes, which is code point order. UTF-16 code
 * units agree except where, at the first difference, a surrogate (a character beyond U+FFFF)
 * meets a unit in U+E000–U+FFFF: the surrogate's character is the greater.
 */
const binaryCompare: StringComparator = (a, b) => {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const xs = x <= 0xdfff;
      const ys = y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
    }
    return x < y ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
};

/**
 * The driver's ObjectId holds its 12 bytes as four 24-bit integers, big-endian, and builds a
 * new buffer each time `id` is read: read the integers where they are there.
 */
type IntObjectId = { i0: number; i1: number; i2: number; i3: number };
const intsOf = (v: unknown): IntObjectId | undefined => (typeof (v as Partial<IntObjectId>).i3 === 'number' ? (v as IntObjectId) : undefined);

/** ObjectIds by their twelve bytes (the order of their hex strings, without building them). */
function compareObjectIds(a: unknown, b: unknown): number {
  const p = intsOf(a);
  const q = intsOf(b);
  if (p && q) return p.i0 !== q.i0 ? (p.i0 < q.i0 ? -1 : 1) : p.i1 !== q.i1 ? (p.i1 < q.i1 ? -1 : 1) : p.i2 !== q.i2 ? (p.i2 < q.i2 ? -1 : 1) : p.i3 !== q.i3 ? (p.i3 < q.i3 ? -1 : 1) : 0;
  const x = (a as { id: Uint8Array }).id;
  const y = (b as { id: Uint8Array }).id;
  for (let i = 0; i < 12; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/** An ObjectId's key: 'o' and its 12 bytes as characters. */
function objectIdKey(v: unknown): string {
  const n = intsOf(v);
  if (!n) return String.fromCharCode(111, ...(v as { id: Uint8Array }).id);
  const { i0, i1, i2, i3 } = n;
  return String.fromCharCode(111, i0 >>> 16, (i0 >>> 8) & 255, i0 & 255, i1 >>> 16, (i1 >>> 8) & 255, i1 & 255, i2 >>> 16, (i2 >>> 8) & 255, i2 & 255, i3 >>> 16, (i3 >>> 8) & 255, i3 & 255);
}

/** BinData order: by length, then subtype, then the bytes. */
function compareBinary(a: unknown, b: unknown): number {
  const x = a as { buffer: Uint8Array; sub_type: number };
  const y = b as { buffer: Uint8Array; sub_type: number };
  return Math.sign(x.buffer.length - y.buffer.length) || Math.sign(x.sub_type - y.sub_type) || Math.sign(Buffer.compare(Buffer.from(x.buffer), Buffer.from(y.buffer)));
}

/** Compares two BSON values the way MongoDB orders them (sorting, ranges, min/max). */
export function compareValues(a: unknown, b: unknown, strCmp: StringComparator = binaryCompare): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
    case 0:
    case 12:
      return 0;
    case 2: {
      const x = numberOf(a);
      const y = numberOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return strCmp(String(a), String(b));
    case 8:
      return a === b ? 0 : a ? 1 : -1;
    case 9:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 6:
      return compareBinary(a, b);
    case 7:
      return compareObjectIds(a, b);
    case 5: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i], strCmp);
        if (c) return c;
      }
      return Math.sign(x.length - y.length);
    }
    case 4: {
      const xe = Object.entries(a as Doc);
      const ye = Object.entries(b as Doc);
      for (let i = 0; i < Math.min(xe.length, ye.length); i++) {
        // MongoDB: the values' types, then the field names, then the values.
        const c = Math.sign(typeRank(xe[i][1]) - typeRank(ye[i][1])) || binaryCompare(xe[i][0], ye[i][0]) || compareValues(xe[i][1], ye[i][1], strCmp);
        if (c) return c;
      }
      return Math.sign(xe.length - ye.length);
    }
    default:
      return binaryCompare(String(a), String(b));
  }
}

/** A number's key: integers beyond 2^53 by their exact digits, so a Long or Decimal128 of the same value matches. */
const numberKey = (x: number) => (Number.isInteger(x) && Math.abs(x) > Number.MAX_SAFE_INTEGER ? BigInt(x).toString() : String(Object.is(x, -0) ? 0 : x));

/** The exact decimal digits and exponent of a finite double (every double is a finite decimal). */
function exactDecimal(x: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  let mantissa = bits & ((1n << 52n) - 1n);
  if (biased) mantissa |= 1n << 52n;
  const twos = (biased || 1) - 1075;
  // m × 2^-k = m × 5^k × 10^-k
  return twos >= 0 ? { digits: (mantissa << BigInt(twos)).toString(), exponent: 0 } : { digits: (mantissa * 5n ** BigInt(-twos)).toString(), exponent: twos };
}

/** Digits without trailing zeros, the exponent raised to match. */
function trimmed(digits: string, exponent: number): { digits: string; exponent: number } {
  let d = digits.replace(/^0+/, '');
  let e = exponent;
  while (d.length > 1 && d.endsWith('0')) {
    d = d.slice(0, -1);
    e++;
  }
  return { digits: d, exponent: e };
}

/** A Decimal128's key: the same as a number's where some double (or Long) holds exactly its value. */
function decimalKey(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return 'n' + text; // NaN and the infinities, as a double's
  const { digits, exponent } = trimmed(`${m[2]}${m[3] ?? ''}`, Number(m[4] ?? 0) - (m[3]?.length ?? 0));
  if (!digits || digits === '0') return 'n0';
  const sign = m[1] === '-' ? '-' : '';
  // An integer is the same key as that integer of any type (within what a Long or a double can hold).
  if (exponent >= 0 && digits.length + exponent <= 310) return `n${sign}${digits}${'0'.repeat(exponent)}`;
  const x = Number(text);
  if (Number.isFinite(x) && x !== 0) {
    const exact = exactDecimal(x);
    const held = trimmed(exact.digits, exact.exponent);
    if (held.digits === digits && held.exponent === exponent) return 'n' + numberKey(x);
  }
  return `D${sign}${digits}E${exponent}`;
}

/**
 * A string that is equal for two values exactly when MongoDB treats them as equal keys
 * (1 and 1.0 are one key; "1" and 1 are two). Used by the _id map and the indexes.
 */
// Parts of an array's or a document's key carry their length, so that no string can be
// taken for a boundary (['a,sb'] and ['a', 'b'] are two keys).
export const keyPart = (key: string) => `${key.length}:${key}`;

export function canonicalKey(v: unknown): string {
  if (v === undefined || v === null) return 'z';
  switch (typeof v) {
    case 'number':
      return 'n' + numberKey(v);
    case 'bigint':
      return 'n' + v.toString();
    case 'string':
      return 's' + v;
    case 'boolean':
      return v ? 'bt' : 'bf';
  }
  if (v instanceof Date) return 'd' + v.getTime();
  if (Array.isArray(v)) return 'a[' + v.map((e) => keyPart(canonicalKey(e))).join('') + ']';
  const t = bsonTypeName(v);
  // Its 12 bytes as characters: one flat 13-character string (the hex form is a tree of
  // concatenations, ~250 bytes per stored document's key).
  if (t === 'ObjectId') return objectIdKey(v);
  if (t === 'Int32' || t === 'Double') return 'n' + numberKey(Number(v));
  if (t === 'Long') return 'n' + (v as { toString(): string }).toString();
  if (t === 'Decimal128') return decimalKey((v as { toString(): string }).toString());
  if (t) return t + ':' + JSON.stringify(v);
  if (v instanceof RegExp) return 'r' + v.toString();
  return '{' + Object.entries(v as Doc).map(([k, x]) => keyPart(k) + keyPart(canonicalKey(x))).join('') + '}';
}

/** canonicalKey with strings as a collation folds them (through arrays and documents); plain canonicalKey without one. */
export function collatedKey(v: unknown, fold: ((s: string) => string) | undefined): string {
  if (!fold || v === null || v === undefined) return canonicalKey(v);
  if (typeof v === 'string') return 's' + fold(v);
  if (Array.isArray(v)) return 'a[' + v.map((e) => keyPart(collatedKey(e, fold))).join('') + ']';
  if (isPlainObject(v)) return '{' + Object.entries(v).map(([k, x]) => keyPart(k) + keyPart(collatedKey(x, fold))).join('') + '}';
  return canonicalKey(v);
}

/**
 * How a collation folds a string for equality (strength 3 and above: as written; 2: case
 * ignored; 1: case and accents ignored); undefined for the simple collation.
 */
export function collationFold(collation: unknown): ((s: string) => string) | undefined {
  const spec = collation as { locale?: string; strength?: number } | undefined;
  if (!spec || typeof spec !== 'object' || !spec.locale || spec.locale === 'simple') return undefined;
  const strength = spec.strength ?? 3;
  if (strength >= 3) return (v) => v.normalize('NFC');
  if (strength === 2) return (v) => v.normalize('NFKC').toLowerCase();
  return (v) => v.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Deep copy of a stored document. BSON value classes (ObjectId, Binary, ...) are immutable
 * and shared; plain objects, arrays and dates are copied so no caller can reach the store.
 */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (bsonTypeName(v)) return v;
  const out: Doc = {};
  for (const k of Object.keys(v)) out[k] = cloneValue((v as Doc)[k]);
  return out as T;
}

/** The values a dotted path reaches, descending through arrays (as a multikey index does). */
export function pathValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  pathWalk(doc, path.split('.'), 0, out);
  return out.length ? out : [undefined];
}

function pathWalk(v: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (!Array.isArray(v)) out.push(v);
    else if (v.length === 0) out.push(undefined);
    else for (const e of v) out.push(e);
    return;
  }
  if (Array.isArray(v)) {
    const part = parts[i];
    if (/^\d+$/.test(part)) pathWalk(v[Number(part)], parts, i + 1, out);
    else for (const e of v) if (e !== null && typeof e === 'object') pathWalk((e as Doc)[part], parts, i + 1, out);
    return;
  }
  if (bsonTypeName(v) === 'DBRef') {
    pathWalk(dbRefField(v as DBRefLike, parts[i]), parts, i + 1, out);
    return;
  }
  if (v === null || typeof v !== 'object' || v instanceof Date || bsonTypeName(v)) {
    out.push(undefined);
    return;
  }
  pathWalk((v as Doc)[parts[i]], parts, i + 1, out);
}

type DBRefLike = { collection: string; oid: unknown; db?: string; fields: Doc };

/** A DBRef's fields as stored ({$ref, $id, $db, …}): the driver decodes it into an object of its own. */
function dbRefField(ref: DBRefLike, name: string): unknown {
  if (name === '$ref') return ref.collection;
  if (name === '$id') return ref.oid;
  if (name === '$db') return ref.db;
  return ref.fields?.[name];
}

/** The single value at a dotted path (no array fan-out), undefined if missing. */
export function getPath(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const p of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Doc)[p];
  }
  return v;
}

/**
 * A field path as an aggregation expression reads it ('$a.b'): through an array it gives the
 * array of what each element gives (documents only, missing left out, nested arrays kept).
 * Undefined when missing.
 */
export function expressionPath(doc: unknown, path: string): unknown {
  return expressionAt(doc, path.split('.'), 0);
}

function expressionAt(v: unknown, parts: string[], i: number): unknown {
  if (i === parts.length) return v;
  if (!Array.isArray(v)) return isSubdocument(v) ? expressionAt((v as Doc)[parts[i]], parts, i + 1) : undefined;
  const out: unknown[] = [];
  for (const e of v) {
    if (!Array.isArray(e) && !isSubdocument(e)) continue;
    const x = expressionAt(e, parts, i);
    if (x !== undefined) out.push(x);
  }
  return out;
}

/** A value a path descends into: an embedded document, not an array, a date, a pattern or a BSON value. */
export const isSubdocument = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) && !bsonTypeName(v);

/** Sort key for one document and field: arrays sort by their min (asc) or max (desc). */
export function sortKey(doc: unknown, path: string, dir: number, strCmp?: StringComparator): unknown {
  const values = pathValues(doc, path);
  if (values.length === 1) return values[0];
  let best = values[0];
  for (const v of values.slice(1)) {
    const c = compareValues(v, best, strCmp);
    if (dir > 0 ? c < 0 : c > 0) best = v;
  }
  return best;
}

/**
 * A collation with its locale in the form Intl understands: MongoDB takes ICU ids
 * (en_US, zh_Hant, de@collation=phonebook); Intl wants BCP 47 (en-US, zh-Hant, de-u-co-phonebk).
 * A locale no collator knows is MongoDB's BadValue.
 */
export function normalizeCollation(collation: unknown): unknown {
  const spec = collation as { locale?: unknown } | undefined;
  if (!spec || typeof spec !== 'object' || typeof spec.locale !== 'string' || spec.locale === 'simple') return collation;
  const [base, keyword] = spec.locale.split('@');
  const co = /^collation=(\w+)$/.exec(keyword ?? '')?.[1];
  const locale = base.replace(/_/g, '-') + (co ? `-u-co-${co === 'phonebook' ? 'phonebk' : co}` : '');
  const supported = (() => {
    try {
      return Intl.Collator.supportedLocalesOf([locale]).length > 0;
    } catch {
      return false; // not even a well-formed tag
    }
  })();
  if (!supported) throw new CommandError(2, 'BadValue', `Field 'locale' is invalid in: { locale: "${spec.locale}" }`);
  return { ...spec, locale };
}

export function collationComparator(collation: unknown): StringComparator | undefined {
  const spec = normalizeCollation(collation) as { locale?: string; strength?: number; numericOrdering?: boolean; caseFirst?: string } | undefined;
  if (!spec || typeof spec.locale !== 'string' || spec.locale === 'simple') return undefined;
  const sensitivity = ({ 1: 'base', 2: 'accent', 3: 'variant' } as const)[spec.strength ?? 3] ?? 'variant';
  const collator = new Intl.Collator(spec.locale, {
    sensitivity,
    numeric: Boolean(spec.numericOrdering),
    caseFirst: spec.caseFirst === 'upper' || spec.caseFirst === 'lower' ? spec.caseFirst : 'false',
  });
  return (a, b) => collator.compare(a, b);
}

/**
 * Sorts documents by a MongoDB sort spec, stably, in MongoDB's cross-type order. With a
 * `limit` well below the count, only the first `limit` are kept, in a sorted buffer: a
 * top-k pass of O(n log k) instead of sorting everything.
 */
export function sortDocs<T>(docs: T[], spec: Record<string, unknown>, strCmp?: StringComparator, limit?: number): T[] {
  const fields = Object.entries(spec).map(([path, dir]) => ({ path, dir: Number(dir) < 0 ? -1 : 1 }));
  if (!fields.length) return docs;
  const keyed = docs.map((doc, i) => ({ doc, i, keys: fields.map((f) => sortKey(doc, f.path, f.dir, strCmp)) }));
  const order = (x: (typeof keyed)[number], y: (typeof keyed)[number]) => {
    for (let f = 0; f < fields.length; f++) {
      const c = compareValues(x.keys[f], y.keys[f], strCmp);
      if (c) return c * fields[f].dir;
    }
    return x.i - y.i;
  };
  if (limit !== undefined && limit > 0 && limit < keyed.length / 4) {
    const top: typeof keyed = [];
    for (const k of keyed) {
      if (top.length === limit && order(k, top[limit - 1]) >= 0) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (order(top[mid], k) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, k);
      if (top.length > limit) top.pop();
    }
    return top.map((k) => k.doc);
  }
  keyed.sort(order);
  return keyed.map((k) => k.doc);
}

/** Scalars whose index equality is exactly MongoDB's equality. */
export const exactScalar = (v: unknown) =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || v instanceof Date || isObjectId(v);
