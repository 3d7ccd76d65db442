// What mongosh's db.getUsers(), db.getRoles() and db.getProfilingStatus() send. The store's
// users come from the users file (SCRAM-SHA-256 only) and hold no roles; it keeps no profile,
// so turning profiling on is refused rather than accepted and ignored.
import type { Doc } from './bson.js';
import type { UserRegistry } from './auth.js';
import { CommandError, badValue } from './errors.js';

type Named = { user: string; db: string };

/** usersInfo: 1 (this database's users), a name, {user, db}, a list of those, or {forAllDBs: true}. */
export function usersInfo(cmd: Doc, db: string, users: UserRegistry | undefined): Doc {
  const asked = cmd.usersInfo;
  const wanted = (one: unknown): Named => {
    if (typeof one === 'string') return { user: one, db };
    if (one && typeof one === 'object' && typeof (one as Doc).user === 'string' && typeof (one as Doc).db === 'string') return one as Named;
    throw badValue('User and role names must be either strings or objects');
  };
  const everywhere = Boolean(asked && typeof asked === 'object' && (asked as Doc).forAllDBs === true);
  const chosen =
    asked === 1 || everywhere
      ? (users?.namesOn(everywhere ? undefined : db) ?? [])
      : (Array.isArray(asked) ? asked : [asked]).map(wanted).filter((w) => users?.namesOn(w.db).some((k) => k.user === w.user));
  return { users: chosen.map(({ user, db: at }) => ({ _id: `${at}.${user}`, user, db: at, roles: [], mechanisms: ['SCRAM-SHA-256'] })), ok: 1 };
}

/** rolesInfo: the store defines no roles; the built-in ones it does not model are refused. */
export function rolesInfo(cmd: Doc): Doc {
  if (cmd.showBuiltinRoles === true) throw new CommandError(115, 'CommandNotSupported', 'built-in roles are not modelled by the embedded server: its users may do everything');
  return { roles: [], ok: 1 };
}

/** profile: -1 or 0 reads the (off) profiler; turning it on is refused. */
export function profile(cmd: Doc): Doc {
  const level = cmd.profile;
  if (level !== -1 && level !== 0) {
    if (level === 1 || level === 2) throw new CommandError(115, 'CommandNotSupported', 'the embedded server keeps no profile: profiling level 1 and 2 are not supported');
    throw badValue(`Invalid profiling level: ${String(level)}`);
  }
  return { was: 0, slowms: 100, sampleRate: 1, ok: 1 };
}
