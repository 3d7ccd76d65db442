// The report's reads: the year's ranked records, and its figures, computed by aggregation
// pipelines in the database (totals, streaks and donation sums never load the records).
import { Types } from 'mongoose';
import type { Models } from '../../models.js';
import type { AchievementRecord } from '../achievements/model.js';
import { donationKind, LEVELS, type Level } from '../vocabulary/vocabulary.js';
import type { Ranker } from '../achievements/ranking.js';
import { departmentKey, personKey } from '../achievements/recipient-keys.js';

export type ScopeMatch = Record<string, Types.ObjectId>;

export interface Totals {
  achievements: number;
  awards: number;
  honours: number;
  modelWorkers: number;
  byLevel: { level: Level; count: number }[];
  byCategory: { category: string; count: number }[];
  byDepartment: { department: Types.ObjectId; count: number }[];
  peopleAwarded: number;
  womenAwarded: number;
}

interface Facets {
  byLevel: { _id: Level; n: number }[];
  byKind: { _id: string; n: number }[];
  byCategory: { _id: string; n: number }[];
  byDepartment: { _id: Types.ObjectId; n: number }[];
  people: { _id: string[]; n: number }[];
}

export async function totalsFor(models: Models, year: number, scope: ScopeMatch): Promise<Totals> {
  const [f] = (await models.Achievement.aggregate([
    { $match: { year, status: 'VERIFIED', ...scope } },
    { $project: { _id: 0, level: 1, kind: 1, category: 1, departments: 1, people: 1 } },
    {
      $facet: {
        byLevel: [{ $group: { _id: '$level', n: { $sum: 1 } } }],
        byKind: [{ $group: { _id: '$kind', n: { $sum: 1 } } }],
        byCategory: [{ $match: { kind: 'AWARD' } }, { $group: { _id: '$category', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }],
        byDepartment: [{ $unwind: '$departments' }, { $group: { _id: '$departments', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }],
        // Distinct people by gender (['FEMALE'], ['MALE'], [] when unstated): stages the
        // database runs on field paths alone, no expression per person.
        people: [
          { $unwind: '$people' },
          { $group: { _id: '$people' } },
          { $lookup: { from: 'people', localField: '_id', foreignField: '_id', as: 'person' } },
          { $group: { _id: '$person.gender', n: { $sum: 1 } } },
        ],
      },
    },
  ])) as Facets[];
  const kind = (k: string) => f.byKind.find((x) => x._id === k)?.n ?? 0;
  const level = new Map(f.byLevel.map((x) => [x._id, x.n]));
  return {
    achievements: f.byKind.reduce((n, x) => n + x.n, 0),
    awards: kind('AWARD'),
    honours: kind('HONOUR'),
    modelWorkers: kind('MODEL_WORKER'),
    byLevel: LEVELS.map((l) => ({ level: l.value, count: level.get(l.value) ?? 0 })),
    byCategory: f.byCategory.filter((c) => c._id).map((c) => ({ category: c._id, count: c.n })),
    byDepartment: f.byDepartment.map((d) => ({ department: d._id, count: d.n })),
    peopleAwarded: f.people.reduce((n, g) => n + g.n, 0),
    womenAwarded: f.people.find((g) => g._id.includes('FEMALE'))?.n ?? 0,
  };
}

/**
 * What drafting never reads of a ranked record: its bookkeeping (revisions, logs, actors,
 * timestamps, keys). Decoding those costs about twice the rest of a year's records; a
 * GraphQL client that asks for them gets the whole record (see RankedAchievement).
 */
export const WITHOUT_BOOKKEEPING = { history: 0, statusLog: 0, stateLog: 0, enteredBy: 0, verifiedBy: 0, dedupeKey: 0, unionGroups: 0, createdAt: 0, updatedAt: 0, revision: 0 } as const;

/** The GraphQL fields of an achievement that read what WITHOUT_BOOKKEEPING leaves out (each is named as it is stored). */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(Object.keys(WITHOUT_BOOKKEEPING));

/** A ranked record as the report holds it. */
export type RankedRecord = Omit<AchievementRecord, keyof typeof WITHOUT_BOOKKEEPING>;

/** The year's verified records in scope, in rank order, without their bookkeeping. */
export function rankedRecordsFor(models: Models, year: number, scope: ScopeMatch): Promise<RankedRecord[]> {
  return models.Achievement.find({ year, status: 'VERIFIED', ...scope }, WITHOUT_BOOKKEEPING).sort({ rankKey: 1, _id: 1 }).lean() as unknown as Promise<RankedRecord[]>;
}

export interface StreakRow {
  recipientKey: string;
  person?: Types.ObjectId;
  department?: Types.ObjectId;
  level: Level;
  years: number;
  fromYear: number;
}

type RecipientYears = { _id: string; years: { year: number; best: number }[] };

/**
 * Recipients (people and department collectives) with awards at or above a level in
 * consecutive years up to `year`. The institution's whole report reads the maintained
 * summary (award_years: recipient, year, levels); a department's or union group's, which
 * the summary does not split, groups the records in scope to (recipient, year, best level).
 */
export async function streaksFor(models: Models, year: number, scope: ScopeMatch, ranker: Ranker): Promise<StreakRow[]> {
  const levelOrder = ranker.policy.levelOrder;
  const rows = Object.keys(scope).length ? await recipientYearsInScope(models, year, scope) : await recipientYearsSummarised(models, year, ranker);
  const out: StreakRow[] = [];
  for (const row of rows) {
    const best = new Map(row.years.map((y) => [y.year, y.best]));
    for (let rank = 0; rank < levelOrder.length; rank++) {
      if (levelOrder[rank] === 'UNSPECIFIED') continue; // no streak "at no stated level"
      let n = 0;
      while (best.has(year - n) && best.get(year - n)! <= rank) n++;
      if (n >= 2) {
        const [kind, hex] = row._id.split(':');
        out.push({ recipientKey: row._id, level: levelOrder[rank], years: n, fromYear: year - n + 1, ...(kind === 'P' ? { person: toId(hex) } : { department: toId(hex) }) });
        break;
      }
    }
  }
  return out.sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || b.years - a.years || (a.recipientKey < b.recipientKey ? -1 : 1));
}

const STREAK_YEARS = 30;

/** Each recipient with an award this year, and its years' best level rank under the policy. */
async function recipientYearsSummarised(models: Models, year: number, ranker: Ranker): Promise<RecipientYears[]> {
  const rows = (await models.AwardYear.aggregate([
    { $match: { year: { $gte: year - STREAK_YEARS, $lte: year } } },
    { $group: { _id: '$recipient', years: { $push: { year: '$year', levels: '$levels' } }, latest: { $max: '$year' } } },
    { $match: { latest: year } },
  ])) as { _id: string; years: { year: number; levels: Level[] }[] }[];
  return rows.map((r) => ({ _id: r._id, years: r.years.map((y) => ({ year: y.year, best: Math.min(...y.levels.map((l) => ranker.levelRank(l))) })) }));
}

/** The same rows, grouped from the verified awards in scope (their stored level ranks follow the policy). */
async function recipientYearsInScope(models: Models, year: number, scope: ScopeMatch): Promise<RecipientYears[]> {
  const match = { kind: 'AWARD', status: 'VERIFIED', year: { $gte: year - STREAK_YEARS, $lte: year }, ...scope };
  const perRecipient = (recipientPath: string, extraMatch: Record<string, unknown> = {}) => [
    { $match: { ...match, ...extraMatch } },
    // Only what the grouping reads: the stages after this copy far less.
    { $project: { _id: 0, year: 1, levelRank: 1, [recipientPath.slice(1)]: 1 } },
    ...(recipientPath === '$people' ? [{ $unwind: '$people' }] : []),
    { $group: { _id: { r: recipientPath, year: '$year' }, best: { $min: '$levelRank' } } },
    { $group: { _id: '$_id.r', years: { $push: { year: '$_id.year', best: '$best' } }, latest: { $max: '$_id.year' } } },
    { $match: { latest: year } },
  ];
  type Row = { _id: Types.ObjectId; years: { year: number; best: number }[] };
  const [people, departments] = (await Promise.all([
    models.Achievement.aggregate(perRecipient('$people')),
    models.Achievement.aggregate(perRecipient('$collective.department', { 'collective.kind': 'DEPARTMENT' })),
  ])) as [Row[], Row[]];
  return [...people.map((r) => ({ ...r, _id: personKey(r._id) })), ...departments.map((r) => ({ ...r, _id: departmentKey(r._id) }))];
}

const toId = (hex: string) => new Types.ObjectId(hex);

type TitleHeld = { _id: Types.ObjectId; title: string; year?: number | null; people: Types.ObjectId[]; collective?: { kind: string; department?: Types.ObjectId | null } | null };

/** One title to one recipient, whatever its year: 2023年度西溪镇先进集体 and 2021年度西溪镇先进集体 are one. */
const titleHolderKey = (r: TitleHeld) => JSON.stringify([r.title.replace(/\d{4}年度?/g, ''), r.people.map(String).sort(), r.collective?.kind ?? null, r.collective?.department ? String(r.collective.department) : null]);

/**
 * For each of this year's titles, in how many years its recipient has held it, this year
 * included, counted from the verified records the registry holds (系第三次获此殊荣). Titles
 * held since an unknown year carry no year and count in none.
 */
export async function timesTitleWonFor(models: Models, year: number, scope: ScopeMatch, titles: TitleHeld[]): Promise<Map<string, number>> {
  const held = titles.filter((r) => r.year === year);
  if (!held.length) return new Map();
  const people = [...new Set(held.flatMap((r) => r.people.map(String)))].map(toId);
  const departments = [...new Set(held.flatMap((r) => (r.collective?.department ? [String(r.collective.department)] : [])))].map(toId);
  const recipients: Record<string, unknown>[] = [{ people: { $in: people } }, { 'collective.department': { $in: departments } }];
  if (held.some((r) => r.collective?.kind === 'INSTITUTION')) recipients.push({ 'collective.kind': 'INSTITUTION' });
  const earlier = (await models.Achievement.find({ kind: { $in: ['HONOUR', 'MODEL_WORKER'] }, status: 'VERIFIED', year: { $lt: year }, ...scope, $or: recipients }, { title: 1, year: 1, people: 1, collective: 1 }).lean()) as TitleHeld[];
  const years = new Map<string, Set<number>>();
  for (const r of earlier) years.set(titleHolderKey(r), (years.get(titleHolderKey(r)) ?? new Set()).add(r.year!));
  return new Map(held.map((r) => [String(r._id), (years.get(titleHolderKey(r))?.size ?? 0) + 1]));
}

export interface DonationGroup {
  kind: string;
  campaign: string | null;
  /** The department that gave, for a department's donation. */
  department: Types.ObjectId | null;
  mode: 'ITEMISED' | 'AGGREGATE';
  quantity: number;
  donorCount: number;
  itemisedPeople: number;
  approximate: boolean;
  recordIds: Types.ObjectId[];
}

export async function donationsFor(models: Models, year: number, scope: ScopeMatch): Promise<DonationGroup[]> {
  const rows = (await models.Donation.aggregate([
    { $match: { year, status: 'VERIFIED', ...scope } },
    {
      $group: {
        _id: { kind: '$kind', campaign: { $ifNull: ['$campaign', null] }, department: { $ifNull: ['$donorCollective.department', null] }, mode: '$mode' },
        quantity: { $sum: '$quantity' },
        donorCount: { $sum: { $ifNull: ['$donorCount', 0] } },
        donors: { $addToSet: '$donor' },
        approximate: { $max: '$approximate' },
        recordIds: { $push: '$_id' },
      },
    },
  ])) as { _id: { kind: string; campaign: string | null; department: Types.ObjectId | null; mode: 'ITEMISED' | 'AGGREGATE' }; quantity: number; donorCount: number; donors: (Types.ObjectId | null)[]; approximate: boolean; recordIds: Types.ObjectId[] }[];
  return rows
    .map((r) => ({
      kind: r._id.kind,
      campaign: r._id.campaign,
      department: r._id.department,
      mode: r._id.mode,
      quantity: r.quantity,
      donorCount: r.donorCount,
      itemisedPeople: r.donors.filter(Boolean).length,
      approximate: Boolean(r.approximate),
      recordIds: r.recordIds,
    }))
    .sort((a, b) => donationKind(a.kind).rank - donationKind(b.kind).rank || String(a.campaign ?? '').localeCompare(String(b.campaign ?? '')) || String(a.department ?? '').localeCompare(String(b.department ?? '')) || a.mode.localeCompare(b.mode));
}

/** Campaigns of the year (its own, or with a step in it), by status. */
export async function campaignsFor(models: Models, year: number, department?: Types.ObjectId) {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  const rows = (await models.CivilisedPostCampaign.aggregate([
    { $match: { ...(department ? { department } : {}), $or: [{ year }, { steps: { $elemMatch: { date: { $gte: start, $lt: end } } } }] } },
    { $group: { _id: '$status', n: { $sum: 1 } } },
  ])) as { _id: string; n: number }[];
  return rows.map((r) => ({ status: r._id, count: r.n }));
}
