import { Types } from 'mongoose';

/** Opaque global ids: base64url("Type:hex"), so `node(id)` knows where to look. */
export function toGlobalId(type: string, id: Types.ObjectId | string): string {
  return Buffer.from(`${type}:${String(id)}`).toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: Types.ObjectId } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const at = decoded.indexOf(':');
  if (at < 1) return null;
  const hex = decoded.slice(at + 1);
  if (!/^[0-9a-f]{24}$/.test(hex)) return null;
  return { type: decoded.slice(0, at), id: new Types.ObjectId(hex) };
}

/** The ObjectId inside a global id of the expected type, or null. */
export function idOfType(globalId: string, type: string): Types.ObjectId | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}
