// How a recipient is named in keys: P:<person id>, D:<department id>, and a collective as
// D:<department id> or INSTITUTION, with :TEAM for its team. These strings are stored (the
// per-year summary's rows, duplicate keys), so they are spelled in this one place.
import { Types } from 'mongoose';

type Id = Types.ObjectId | string;

export const personKey = (id: Id): string => `P:${String(id)}`;
export const departmentKey = (id: Id): string => `D:${String(id)}`;

/** A collective: the institution or a department, either of them as its team (代表队). */
export function collectiveKey(collective: { kind: string; department?: Id | null; team?: boolean | null }): string {
  return `${collective.kind === 'INSTITUTION' ? 'INSTITUTION' : departmentKey(collective.department!)}${collective.team ? ':TEAM' : ''}`;
}

/** The person or department a P: or D: key names. */
export function recipientOfKey(key: string): { person: Types.ObjectId } | { department: Types.ObjectId } {
  const id = new Types.ObjectId(key.slice(2));
  return key.startsWith('P:') ? { person: id } : { department: id };
}
