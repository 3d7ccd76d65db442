// Pieces the achievement services share: date rules, duplicate lookups, the stored fields
// that follow from level, result and date.
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { isDuplicateKeyError } from '../../shared/duplicates.js';
import { userError } from '../../shared/errors.js';
import { toGlobalId } from '../../shared/ids.js';
import type { AchievementRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';
import { batchInProgress, deferInsert, type BatchModel } from '../../shared/insert-batch.js';
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

interface CreatableModel extends BatchModel {
  new (doc: Record<string, unknown>): RecordDocument;
  create(doc: Record<string, unknown>): Promise<{ toObject(): unknown }>;
  schema: { options: { versionKey?: string | false } };
}

interface RecordDocument {
  validate(): Promise<void>;
  initializeTimestamps(): void;
  toObject(options: object): Record<string, unknown>;
}

/**
 * Inserts one record (mongoose validates and casts it) and returns it as a plain object.
 * Inside an import chunk's batch the record is cast, validated and stamped now, and sent with
 * the chunk's other records at its end.
 */
export async function insertRecord<T>(model: unknown, doc: Record<string, unknown>): Promise<T> {
  const Model = model as CreatableModel;
  if (!batchInProgress()) {
    const created = (await Model.create(doc)).toObject() as StoredKey;
    recordWritten(created);
    return created as T;
  }
  const built = new Model(doc);
  await built.validate();
  built.initializeTimestamps();
  const plain = built.toObject({ depopulate: true, virtuals: false, getters: false, transform: false });
  const versionKey = Model.schema.options.versionKey;
  if (versionKey) plain[versionKey] = 0;
  deferInsert(Model, plain);
  recordWritten(plain as StoredKey);
  return plain as T;
}
