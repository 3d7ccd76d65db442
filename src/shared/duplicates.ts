import type { UnitNoun } from '../messages/words.js';
import { userError, UserInputFailure } from './errors.js';
import { t } from './i18n/t.js';

interface DuplicateKeyError {
  code: 11000;
  keyPattern?: Record<string, unknown>;
}

export function isDuplicateKeyError(e: unknown): e is DuplicateKeyError {
  return Boolean(e && typeof e === 'object' && (e as { code?: unknown }).code === 11000);
}

/**
 * Runs a write; a unique-index violation (a race the pre-check could not see) becomes the
 * same DUPLICATE userError the pre-check gives. `fields` maps stored fields to input fields.
 */
export async function writeOrDuplicate<T>(write: () => Promise<T>, fields: Record<string, string>, unit: UnitNoun): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (!isDuplicateKeyError(e)) throw e;
    // The institution leads most unique keys: the field that clashed is the one after it.
    const stored = Object.keys(e.keyPattern ?? {}).find((k) => k !== 'institution') ?? '';
    throw userError(['input', fields[stored] ?? stored], 'DUPLICATE', t('unit.duplicateValue', { unit, field: fields[stored] ?? stored }));
  }
}

/** Collects several field problems so one reply lists them all. */
export class ErrorList {
  private readonly failures: UserInputFailure[] = [];
  /** Collects a refused input; anything else is a fault and propagates. */
  add(f: unknown) {
    if (!(f instanceof UserInputFailure)) throw f;
    this.failures.push(f);
  }
  throwIfAny() {
    if (this.failures.length) throw new UserInputFailure(this.failures.flatMap((f) => f.userErrors));
  }
}
