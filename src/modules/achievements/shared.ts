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

export const TYPE_NAMES = { AWARD: 'Award', HONOUR: 'Honour', MODEL_WORKER: 'ModelWorkerDesignation' } as const;

export const notFuture = z.date().refine((d) => d.getUTCFullYear() >= 1950 && d.getTime() <= Date.now() + 86_400_000, { error: () => t('record.dateRange') });

export const collectiveInput = z.object({ kind: z.enum(['DEPARTMENT', 'INSTITUTION']), departmentId: z.string().nullish(), team: z.boolean().nullish() });

export function assertDateInYear(date: Date | null | undefined, year: number | null, field: string[]) {
  if (date && year != null && date.getUTCFullYear() !== year) throw userError(field, 'OUT_OF_RANGE', t('record.dateOutsideYear', { date, year }));
}

/** The DUPLICATE userError for a fact already recorded, naming the record. */
export async function duplicateOf(ctx: RequestContext, dedupeKey: string, self?: AchievementRecord) {
  const existing = (await ctx.models.Achievement.findOne({ dedupeKey }).lean()) as AchievementRecord | null;
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
    if (isDuplicateKeyError(e)) throw (await duplicateOf(ctx, dedupeKey)) ?? e;
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
  if (!batchInProgress()) return (await Model.create(doc)).toObject() as T;
  const built = new Model(doc);
  await built.validate();
  built.initializeTimestamps();
  const plain = built.toObject({ depopulate: true, virtuals: false, getters: false, transform: false });
  const versionKey = Model.schema.options.versionKey;
  if (versionKey) plain[versionKey] = 0;
  deferInsert(Model, plain);
  return plain as T;
}
