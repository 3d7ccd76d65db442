// One BSON instance for the whole server: the one the `mongodb` driver itself uses.
// Importing `bson` directly from ESM yields a second ObjectId class, and same-hex ids
// would then compare unequal in query matching.
import { BSON } from 'mongodb';
import { decodeTyped, holdsTypedNumbers, markTypedNumbersSeen } from './numbers.js';

export const { ObjectId, Long, Binary, Timestamp, Decimal128, MinKey, MaxKey, BSONRegExp } = BSON;
export type ObjectIdType = InstanceType<typeof ObjectId>;
export type Doc = Record<string, unknown>;

export function serialize(doc: Doc): Buffer {
  const bytes = BSON.serialize(doc);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length); // a view: the bytes are the caller's already
}

/**
 * A cursor's batch with each document encoded once: its size is read off the bytes, and a
 * reply copies them in as they are instead of encoding the documents again.
 */
export class EncodedBatch {
  constructor(
    readonly docs: Doc[],
    readonly encoded: Buffer[],
  ) {}

  /** Anything else that encodes it sees the documents. */
  toBSON() {
    return this.docs;
  }
}

const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
/** A document written as an object literal (not an array, a date or a BSON value class). */
export const isPlainObject = (v: unknown): v is Doc => Boolean(v) && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
const holdsBatch = (v: Doc): boolean => Object.values(v).some((x) => x instanceof EncodedBatch || (isPlainObject(x) && holdsBatch(x)));

/**
 * A document's bytes as the pieces that make it, unjoined: a reply of many stored documents is
 * copied once, into the message, instead of once per level of nesting.
 */
export interface Pieces {
  parts: Buffer[];
  size: number;
}

const ZERO = Buffer.alloc(1);
const piece = (...parts: Buffer[]): Pieces => ({ parts, size: parts.reduce((n, p) => n + p.length, 0) });
const joined = (a: Pieces, b: Pieces): Pieces => ({ parts: [...a.parts, ...b.parts], size: a.size + b.size });

/** A document framed from its elements' pieces (int32 length, elements, terminating zero). */
function framed(elements: Pieces[]): Pieces {
  const size = 4 + elements.reduce((n, e) => n + e.size, 0) + 1;
  const head = Buffer.alloc(4);
  head.writeInt32LE(size, 0);
  return { parts: [head, ...elements.flatMap((e) => e.parts), ZERO], size };
}

/** A reply's BSON as pieces: an EncodedBatch among its values (at any depth of plain documents) is taken as it is. */
export function replyPieces(doc: Doc): Pieces {
  if (!holdsBatch(doc)) return piece(serialize(doc));
  return framed(
    Object.entries(doc).map(([key, value]) => {
      // An array of documents: each element is type 0x03, its index as a cstring, then the document.
      if (value instanceof EncodedBatch) return joined(piece(Buffer.from([0x04]), cstring(key)), framed(value.encoded.map((d, i) => piece(Buffer.from(`\x03${i}\0`, 'latin1'), d))));
      if (isPlainObject(value) && holdsBatch(value)) return joined(piece(Buffer.from([0x03]), cstring(key)), replyPieces(value));
      // One element, encoded as the library encodes it: its document's bytes without the frame.
      return piece(serialize({ [key]: value }).subarray(4, -1));
    }),
  );
}

const promoted = (buf: Uint8Array) => BSON.deserialize(buf, { promoteLongs: true, promoteValues: true, validation: { utf8: false } }) as Doc;

/** A stored document (the journal's): numbers keep their BSON types where a JavaScript number would lose them (numbers.ts). */
export function deserialize(buf: Uint8Array): Doc {
  if (!holdsTypedNumbers(buf)) return promoted(buf);
  markTypedNumbersSeen();
  return decodeTyped(buf);
}

/** A command as received; `typed` when it holds numbers whose types it keeps (the caller promotes what it does not store). */
export function deserializeCommand(buf: Uint8Array): { doc: Doc; typed: boolean } {
  const typed = holdsTypedNumbers(buf);
  return { doc: typed ? decodeTyped(buf) : promoted(buf), typed };
}

/**
 * Sizes of documents already measured. A stored document is never changed in place (an
 * update writes a copy), so a write measured for the 16 MiB limit, then at its commit, then
 * for its journal record is measured once.
 */
const SIZE = Symbol('bsonSize');

export function calculateSize(doc: Doc): number {
  return remembered(doc, SIZE, () => BSON.calculateObjectSize(doc));
}

/**
 * Documents' encodings, kept as long as the document: a stored document is never changed in
 * place, so one read many times (a year's records behind every report and dashboard) is
 * encoded once, and a reply copies its bytes.
 */
const ENCODING = Symbol('bsonEncoding');

export function encodedDocument(doc: Doc): Buffer {
  return remembered(doc, ENCODING, () => serialize(doc));
}

/**
 * The bytes an inserted document arrived in, kept until its journal record is written: the
 * document was decoded from them, so they are its encoding, and replay decodes them into the
 * same document. Encoding it again for the journal, and measuring it for the 16 MiB limit,
 * were among the largest costs of an import's commit in a CPU profile. They are a view of the
 * request's message, so they are dropped once written (forgetArrival), never kept with the
 * stored document.
 */
const ARRIVAL = Symbol('arrivalBytes');

export function keepArrival(doc: Doc, bytes: Buffer): void {
  Object.defineProperty(doc, ARRIVAL, { value: bytes, enumerable: false, configurable: true });
  remembered(doc, SIZE, () => bytes.length);
}

export function forgetArrival(doc: Doc): void {
  delete (doc as Record<symbol, unknown>)[ARRIVAL];
}

const arrivalOf = (doc: unknown): Buffer | undefined => (isPlainObject(doc) ? ((doc as Record<symbol, Buffer | undefined>)[ARRIVAL]) : undefined);

/** Whether a journal part holds an operation whose document's arrival bytes are known. */
export const holdsArrivals = (ops: unknown[]): boolean => ops.some((op) => arrivalOf((op as Doc).doc) !== undefined);

/**
 * `{ops: [...]}` as BSON, each operation's document written as the bytes it arrived in where
 * they are known (after the operation's other fields), and encoded as usual otherwise. Laid
 * out by hand into one buffer: a batch's operations share their other fields (o, d, c).
 */
const OPS_KEY = Buffer.from('\x04ops\0', 'latin1');
const DOC_KEY = Buffer.from('\x03doc\0', 'latin1');

export function serializeOps(ops: Doc[]): Buffer {
  const fieldsOf = new Map<string, Buffer>();
  const encoded = ops.map((op) => {
    const bytes = arrivalOf(op.doc);
    if (!bytes) return { whole: serialize(op) };
    const { doc: _doc, ...fields } = op;
    const key = JSON.stringify(fields);
    let elements = fieldsOf.get(key);
    if (!elements) fieldsOf.set(key, (elements = serialize(fields).subarray(4, -1)));
    return { elements, bytes };
  });
  const indexKeys = ops.map((_, i) => Buffer.from(`\x03${i}\0`, 'latin1'));
  const opSize = (e: (typeof encoded)[number]) => (e.whole ? e.whole.length : 4 + e.elements!.length + DOC_KEY.length + e.bytes!.length + 1);
  const arraySize = 4 + encoded.reduce((n, e, i) => n + indexKeys[i].length + opSize(e), 0) + 1;
  const total = 4 + OPS_KEY.length + arraySize + 1;
  const out = Buffer.allocUnsafe(total);
  let at = out.writeInt32LE(total, 0);
  at += OPS_KEY.copy(out, at);
  at = out.writeInt32LE(arraySize, at);
  encoded.forEach((e, i) => {
    at += indexKeys[i].copy(out, at);
    if (e.whole) {
      at += e.whole.copy(out, at);
      return;
    }
    at = out.writeInt32LE(opSize(e), at);
    at += e.elements!.copy(out, at);
    at += DOC_KEY.copy(out, at);
    at += e.bytes!.copy(out, at);
    out[at++] = 0;
  });
  out[at++] = 0;
  out[at++] = 0;
  return out;
}

/**
 * A value computed once per document, kept on the document under a symbol that is not
 * enumerable: no key listing, spread, copy or encoding sees it. (A WeakMap held this before;
 * with a hundred thousand stored documents its entries made every full collection slower.)
 */
function remembered<T>(doc: Doc, key: symbol, compute: () => T): T {
  const held = (doc as Record<symbol, T | undefined>)[key];
  if (held !== undefined) return held;
  const value = compute();
  Object.defineProperty(doc, key, { value, enumerable: false });
  return value;
}

export function bsonTypeName(v: unknown): string | undefined {
  return (v as { _bsontype?: string } | null)?._bsontype;
}

export function isObjectId(v: unknown): v is ObjectIdType {
  return bsonTypeName(v) === 'ObjectId';
}
