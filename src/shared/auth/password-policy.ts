// What a new password must be (NIST SP 800-63B, 5.1.1.2): at least 12 characters, not made
// of whitespace or control characters alone, not one character repeated, not the username,
// and not on a list of commonly used passwords (zxcvbn-ts's list of ~49,000, shipped with the
// package, compared case-insensitively). Nothing else is imposed: no composition rules.
import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';
import { t, type Text } from '../i18n/t.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));

/** Why a password is refused, or null when it is acceptable. Never logs or echoes it. */
export function passwordProblem(password: string): Text | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return t('password.tooShort', { min: MIN_PASSWORD_LENGTH });
  if (chars.length > MAX_PASSWORD_LENGTH) return t('password.tooLong', { max: MAX_PASSWORD_LENGTH });
  if (chars.every((c) => /[\s\p{Cc}\p{Cf}]/u.test(c))) return t('password.blank');
  if (chars.every((c) => c === chars[0])) return t('password.repeated');
  if (commonPasswords().has(password.toLowerCase())) return t('password.common');
  return null;
}

/** The refusal of a password that contains the account's username, or null. */
export const usernameProblem = (password: string, username: string): Text | null =>
  password.toLowerCase().includes(username.toLowerCase()) ? t('password.containsUsername') : null;

/** A string the policy accepts, for input schemas (the username is checked where it is known). */
export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
