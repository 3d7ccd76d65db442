// The signed-in session: the token (kept in this browser's localStorage until it expires or
// the user signs out) and who it speaks for.
import { useSyncExternalStore } from 'react';

export interface Session {
  token: string;
  expiresAt: string;
}

const KEY = 'honours-registry.session';
const listeners = new Set<() => void>();

function read(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return s && new Date(s.expiresAt).getTime() > Date.now() ? s : null;
  } catch {
    return null;
  }
}

let current = read();

export const sessionToken = () => current?.token ?? null;

export function signIn(session: Session) {
  localStorage.setItem(KEY, JSON.stringify(session));
  current = session;
  listeners.forEach((l) => l());
}

export function signOut() {
  localStorage.removeItem(KEY);
  current = null;
  listeners.forEach((l) => l());
}

export const useSession = () =>
  useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
  );

/** Headers for the plain routes (reports, imports, exports). */
export const authHeaders = (): Record<string, string> => ({ ...(current ? { authorization: `Bearer ${current.token}` } : {}), 'accept-language': 'zh-CN' });
