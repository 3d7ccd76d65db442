// One BSON instance for the whole server: the one the `mongodb` driver itself uses.
// Importing `bson` directly from ESM yields a second ObjectId class, and same-hex ids
// would then compare unequal in query matching.
import { BSON } from 'mongodb';
import { decodeTyped, holdsTypedNumbers, markTypedNumbersSeen } from './numbers.js';

export const { ObjectId, Long, Binary, Timestamp, Decimal128, MinKey, MaxKey, BSONRegExp } = BSON;
export type ObjectIdType = InstanceType<typeof ObjectId>;
export type Doc = Record<string, unknown>;

export function serialize(doc: Doc): Buffer {
  return Buffer.from(BSON.serialize(doc));
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

export function calculateSize(doc: Doc): number {
  return BSON.calculateObjectSize(doc);
}

export function bsonTypeName(v: unknown): string | undefined {
  return (v as { _bsontype?: string } | null)?._bsontype;
}

export function isObjectId(v: unknown): v is ObjectIdType {
  return bsonTypeName(v) === 'ObjectId';
}
