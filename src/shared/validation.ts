import { z } from 'zod';
import { UserInputFailure, type UserError, type UserErrorCode } from './errors.js';

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
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: UserError[] = result.error.issues.map((issue) => ({
    field: ['input', ...issue.path.map(String)],
    code: codeOf(issue),
    message: issue.message,
  }));
  throw new UserInputFailure(errors);
}

/** A trimmed, non-empty string of at most `max` characters, with messages for clerks. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be at most ${max} characters` })
    .refine((s) => ![...s].some(isControl), { error: `${label} contains control characters` });

/** C0 control characters other than tab, line feed and carriage return. */
function isControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 32 && c !== 9 && c !== 10 && c !== 13;
}

export const optionalText = (label: string, max: number) => text(label, max).nullish();
