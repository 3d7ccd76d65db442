// A maintained summary for the report's streaks: one row per recipient (a person, or a
// department as a collective) and year, with the levels of that year's verified awards. The
// writes that can change it (verify, edit, delete, a competition's level or year) refresh
// their recipients' rows from the records, in the same transaction; the report reads a few
// thousand rows instead of every verified award of every year. Levels are stored by name,
// so a new ranking policy needs no refresh: the report orders them by the policy it reads.
import { Schema, Types, type Connection } from 'mongoose';
import type { Models } from '../../models.js';
import { institutionOwned } from '../../shared/tenancy.js';
import { LEVELS, values, type Level } from '../vocabulary/vocabulary.js';
import { departmentKey, personKey, recipientOfKey } from './recipient-keys.js';

interface AwardYearRow {
  /** P:<person id> or D:<department id>, as the drafter keys recipients. */
  recipient: string;
  year: number;
  levels: Level[];
}

const awardYearSchema = new Schema({
  recipient: { type: String, required: true },
  year: { type: Number, required: true },
  levels: { type: [{ type: String, enum: values(LEVELS) }], default: [] },
});
awardYearSchema.plugin(institutionOwned);
awardYearSchema.index({ institution: 1, recipient: 1, year: 1 }, { unique: true });
awardYearSchema.index({ institution: 1, year: 1 });

export function awardYearModels(conn: Connection) {
  return { AwardYear: conn.model('AwardYear', awardYearSchema, 'award_years') };
}

/** What of a record the summary reads. */
interface Counted {
  kind?: string;
  status?: string;
  year?: number | null;
  level?: string;
  people?: Types.ObjectId[];
  collective?: { kind: string; department?: Types.ObjectId | null } | null;
}

const VERIFIED_AWARDS = { kind: 'AWARD' as const, status: 'VERIFIED' as const, year: { $ne: null } };

function recipientsOf(r: Counted): string[] {
  const keys = (r.people ?? []).map(personKey);
  if (r.collective?.kind === 'DEPARTMENT' && r.collective.department) keys.push(departmentKey(r.collective.department));
  return keys;
}

/** The rows these records make, restricted to `only` when given. */
function rowsOf(records: Counted[], only?: Set<string>): AwardYearRow[] {
  const rows = new Map<string, AwardYearRow>();
  for (const r of records) {
    for (const recipient of recipientsOf(r)) {
      if (only && !only.has(recipient)) continue;
      const key = `${recipient}|${r.year}`;
      const row = rows.get(key) ?? { recipient, year: r.year!, levels: [] };
      if (!row.levels.includes(r.level as Level)) row.levels.push(r.level as Level);
      rows.set(key, row);
    }
  }
  // In the vocabulary's order, so the same records make the same rows whatever order they came in.
  for (const row of rows.values()) row.levels.sort((a, b) => LEVEL_INDEX.get(a)! - LEVEL_INDEX.get(b)!);
  return [...rows.values()];
}

const LEVEL_INDEX = new Map(LEVELS.map((l, i) => [l.value, i]));

const PROJECTION = { _id: 0, year: 1, level: 1, people: 1, collective: 1 };

/**
 * Rewrites the rows of every recipient these records name (before and after a write), from
 * the verified awards the database holds now: idempotent, so a retried transaction or a
 * write that changed nothing leaves the same rows.
 */
export async function refreshAwardYears(models: Pick<Models, 'Achievement' | 'AwardYear'>, records: (Counted | null | undefined)[]): Promise<void> {
  // Only a verified award counts: a draft submitted, returned or deleted changes no row.
  const recipients = new Set(records.flatMap((r) => (r?.kind === 'AWARD' && r.status === 'VERIFIED' ? recipientsOf(r) : [])));
  if (!recipients.size) return;
  const people: Types.ObjectId[] = [];
  const departments: Types.ObjectId[] = [];
  for (const key of recipients) {
    const named = recipientOfKey(key);
    if ('person' in named) people.push(named.person);
    else departments.push(named.department);
  }
  const who: Record<string, unknown>[] = [];
  if (people.length) who.push({ people: { $in: people } });
  if (departments.length) who.push({ 'collective.kind': 'DEPARTMENT', 'collective.department': { $in: departments } });
  const awards = (await models.Achievement.find({ ...VERIFIED_AWARDS, ...(who.length === 1 ? who[0] : { $or: who }) }, PROJECTION).lean()) as Counted[];
  await models.AwardYear.deleteMany({ recipient: { $in: [...recipients] } });
  const rows = rowsOf(awards, recipients);
  if (rows.length) await models.AwardYear.insertMany(rows);
}

/** Builds the current institution's rows from scratch (a migration, a bulk seed). */
export async function rebuildAwardYears(models: Pick<Models, 'Achievement' | 'AwardYear'>): Promise<number> {
  await models.AwardYear.deleteMany({});
  const awards = (await models.Achievement.find(VERIFIED_AWARDS, PROJECTION).lean()) as Counted[];
  const rows = rowsOf(awards);
  for (let i = 0; i < rows.length; i += 1000) await models.AwardYear.insertMany(rows.slice(i, i + 1000));
  return rows.length;
}
