// One BSON instance for the whole server: the one the `mongodb` driver itself uses.
// Importing `bson` directly from ESM yields a second ObjectId class, and same-hex ids
// would then compare unequal in query matching.
import { BSON } from 'mongodb';

export const { ObjectId, Long, Binary, Timestamp, Decimal128, MinKey, MaxKey, BSONRegExp } = BSON;
export type ObjectIdType = InstanceType<typeof ObjectId>;
export type Doc = Record<string, unknown>;

export function serialize(doc: Doc): Buffer {
  return Buffer.from(BSON.serialize(doc));
}

export function deserialize(buf: Uint8Array): Doc {
  return BSON.deserialize(buf, { promoteLongs: true, promoteValues: true, validation: { utf8: false } }) as Doc;
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
