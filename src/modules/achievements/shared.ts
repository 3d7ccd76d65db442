// Pieces the achievement services share: date rules, duplicate lookups, the stored fields
// that follow from level, result and date.
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { isDuplicateKeyError } from '../../shared/duplicates.js';
import { userError } from '../../shared/errors.js';
import { toGlobalId } from '../../shared/ids.js';
import type { AchievementRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';
import { insertDocument } from '../../shared/insert-batch.js';
import { knownDuplicate, recordWritten, STORED_KEY_FIELDS, type StoredKey } from './dedupe-memo.js';

export const TYPE_NAMES = { AWARD: 'Award', HONOUR: 'Honour', MODEL_WORKER: 'ModelWorkerDesignation' } as const;

export const notFuture = z.date().refine((d) => d.getUTCFullYear() >= 1950 && d.getTime() <= Date.now() + 86_400_000, { error: () => t('record.dateRange') });

export const collectiveInput = z.object({ kind: z.enum(['DEPARTMENT', 'INSTITUTION']), departmentId: z.string().nullish(), team: z.boolean().nullish() });

export function assertDateInYear(date: Date | null | undefined, year: number | null, field: string[]) {
  if (date && year != null && date.getUTCFullYear() !== year) throw userError(field, 'OUT_OF_RANGE', t('record.dateOutsideYear', { date, year }));
}

const storedWithKey = async (ctx: RequestContext, dedupeKey: string) => (await ctx.models.Achievement.findOne({ dedupeKey }, STORED_KEY_FIELDS).lean()) as StoredKey | null;

/** The DUPLICATE userError for a fact already recorded, naming the record (an import's memo answers when it can). */
export async function duplicateOf(ctx: RequestContext, dedupeKey: string, self?: AchievementRecord) {
  const known = knownDuplicate(dedupeKey);
  return duplicateError(known === undefined ? await storedWithKey(ctx, dedupeKey) : known, self);
}

function duplicateError(existing: StoredKey | null, self?: AchievementRecord) {
  if (!existing || (self && existing._id.equals(self._id))) return null;
  return userError(
    ['input'],
    'DUPLICATE',
    t('record.duplicate', { title: existing.title, year: existing.year, status: existing.status, id: toGlobalId(TYPE_NAMES[existing.kind], existing._id) }),
  );
}

/** Runs a write; a dedupe-key collision (a concurrent twin) becomes the DUPLICATE userError. */
export async function writeUnique<T>(ctx: RequestContext, dedupeKey: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    // The collision is the database's word: its twin is read there, not from a memo.
    if (isDuplicateKeyError(e)) throw duplicateError(await storedWithKey(ctx, dedupeKey)) ?? e;
    throw e;
  }
}

/**
 * Inserts one record (see insertDocument: inside an import chunk's batch it goes in at the
 * chunk's end); the dedupe memo learns of it.
 */
export async function insertRecord<T>(model: unknown, doc: Record<string, unknown>): Promise<T> {
  const record = (await insertDocument(model, doc)) as unknown as StoredKey;
  recordWritten(record);
  return record as T;
}
