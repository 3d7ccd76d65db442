// What a new password must be (NIST SP 800-63B, 5.1.1.2): at least 12 characters, not made
// of whitespace or control characters alone, not one character repeated, not the username,
// and not on a list of commonly used passwords (zxcvbn-ts's list of ~49,000, shipped with the
// package, compared case-insensitively). Nothing else is imposed: no composition rules.
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

/** Why a password is refused, or null when it is acceptable. Never logs or echoes it. */
export function passwordProblem(password: string, username?: string): string | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (chars.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (chars.every((c) => /[\s\p{Cc}\p{Cf}]/u.test(c))) return 'password must not consist of spaces or control characters only';
  if (chars.every((c) => c === chars[0])) return 'password must not be one character repeated';
  const folded = password.toLowerCase();
  if (username && folded.includes(username.toLowerCase())) return 'password must not contain the username';
  if (commonPasswords().has(folded)) return 'password is on the list of commonly used passwords; choose another';
  return null;
}
