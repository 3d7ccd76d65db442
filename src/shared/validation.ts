import { z } from 'zod';
import type { FieldKey } from '../messages/fields.js';
import { UserInputFailure, type UserError, type UserErrorCode } from './errors.js';
import { currentLanguage } from './i18n/language.js';
import { t } from './i18n/t.js';

// zod's own refusals (a number too large, a value not in an enum) in the caller's language.
const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

function codeOf(issue: z.core.$ZodIssue): UserErrorCode {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'REQUIRED';
      return issue.origin === 'string' || issue.origin === 'array' ? 'TOO_SHORT' : 'OUT_OF_RANGE';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID';
    default:
      return 'INVALID';
  }
}

/** Validates a mutation input; every problem becomes a userError under ['input', ...path]. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { error: zodLocales[currentLanguage()] });
  if (result.success) return result.data;
  const errors: UserError[] = result.error.issues.map((issue) => ({
    field: ['input', ...issue.path.map(String)],
    code: codeOf(issue),
    message: issue.message,
  }));
  throw new UserInputFailure(errors);
}

/** A trimmed, non-empty string of at most `max` characters, with messages for clerks. */
export const text = (label: FieldKey, max: number) => {
  const field = () => t(label);
  return z
    .string({ error: () => t('text.required', { field: field() }) })
    .trim()
    .min(1, { error: () => t('text.required', { field: field() }) })
    .max(max, { error: () => t('text.tooLong', { field: field(), max }) })
    .refine((s) => ![...s].some(isControl), { error: () => t('text.controlCharacters', { field: field() }) });
};

/** C0 control characters other than tab, line feed and carriage return. */
function isControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 32 && c !== 9 && c !== 10 && c !== 13;
}

export const optionalText = (label: FieldKey, max: number) => text(label, max).nullish();
