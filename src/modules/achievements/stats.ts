// Counts for dashboards: records, people, women and collectives per group. One aggregation
// counts records per group (and in all); a second lists each group's distinct people, and
// one read finds which of them are women. Nothing pages through the records themselves.
import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { label } from '../vocabulary/vocabulary.js';

export const STAT_DIMENSIONS = ['YEAR', 'LEVEL', 'CATEGORY', 'KIND', 'DEPARTMENT', 'UNION_GROUP', 'INSTITUTION'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** The stored field each dimension groups on; departments and union groups are lists. */
const FIELD: Record<StatDimension, string> = {
  YEAR: 'year',
  LEVEL: 'level',
  CATEGORY: 'category',
  KIND: 'kind',
  DEPARTMENT: 'departments',
  UNION_GROUP: 'unionGroups',
  INSTITUTION: 'institution',
};
const LISTS = new Set<StatDimension>(['DEPARTMENT', 'UNION_GROUP']);

export interface Tally {
  records: number;
  people: number;
  women: number;
  collectives: number;
}

export interface StatGroup extends Tally {
  year: number | null;
  level: string | null;
  category: string | null;
  kind: string | null;
  department: Types.ObjectId | null;
  unionGroup: Types.ObjectId | null;
  institution: Types.ObjectId | null;
}

type Key = Record<string, unknown>;
interface RecordRow {
  _id: Key;
  records: number;
  collectives: number;
  levelRank: number;
}

const EMPTY: Tally = { records: 0, people: 0, women: 0, collectives: 0 };
const keyOf = (id: Key) => JSON.stringify(id);

export async function achievementStats(ctx: RequestContext, filter: Record<string, unknown>, groupBy: StatDimension[]): Promise<{ total: Tally; groups: StatGroup[] }> {
  // Counts are of years' results: a title held since an unknown year is in none of them.
  const match = { ...filter, sinceUnknown: { $ne: true } };
  const dims = [...new Set(groupBy)];
  const groupKey = Object.fromEntries(dims.map((d) => [d, `$${FIELD[d]}`]));
  // A record in two departments counts in each of them (and once in the total).
  const unwinds = dims.filter((d) => LISTS.has(d)).map((d) => ({ $unwind: { path: `$${FIELD[d]}`, preserveNullAndEmptyArrays: true } }));
  const counted = { records: { $sum: 1 }, collectives: { $sum: { $cond: [{ $ifNull: ['$collective', false] }, 1, 0] } } };
  const [counts] = (await ctx.models.Achievement.aggregate([
    { $match: match },
    { $project: { year: 1, level: 1, levelRank: 1, category: 1, kind: 1, departments: 1, unionGroups: 1, institution: 1, collective: 1 } },
    { $facet: { total: [{ $group: { _id: null, ...counted } }], groups: [...unwinds, { $group: { _id: groupKey, levelRank: { $min: '$levelRank' }, ...counted } }] } },
  ])) as { total: RecordRow[]; groups: RecordRow[] }[];

  // Each group's distinct people, streamed: (group, person) pairs.
  const peopleOf = new Map<string, Set<string>>();
  const everyone = new Set<string>();
  const pairs = ctx.models.Achievement.aggregate([
    { $match: { ...match, 'people.0': { $exists: true } } },
    { $project: { year: 1, level: 1, category: 1, kind: 1, departments: 1, unionGroups: 1, institution: 1, people: 1 } },
    ...unwinds,
    { $unwind: '$people' },
    { $group: { _id: { g: groupKey, p: '$people' } } },
  ]).cursor({ batchSize: 2000 });
  for await (const { _id } of pairs as AsyncIterable<{ _id: { g: Key; p: Types.ObjectId } }>) {
    const k = keyOf(_id.g);
    const person = String(_id.p);
    everyone.add(person);
    peopleOf.set(k, (peopleOf.get(k) ?? new Set()).add(person));
  }
  const women = new Set<string>();
  const ids = [...everyone];
  for (let at = 0; at < ids.length; at += 10_000) {
    const found = (await ctx.models.Person.find({ _id: { $in: ids.slice(at, at + 10_000) }, gender: 'FEMALE' }, { _id: 1 }).lean()) as { _id: Types.ObjectId }[];
    for (const p of found) women.add(String(p._id));
  }
  const peopleTally = (people: Set<string> | undefined) => ({ people: people?.size ?? 0, women: people ? [...people].filter((p) => women.has(p)).length : 0 });

  const value = (r: RecordRow, d: StatDimension) => (dims.includes(d) ? ((r._id[d] ?? null) as never) : null);
  const groups = counts.groups.map((r) => ({
    records: r.records,
    collectives: r.collectives,
    ...peopleTally(peopleOf.get(keyOf(r._id))),
    levelRank: r.levelRank,
    year: value(r, 'YEAR'),
    level: value(r, 'LEVEL'),
    category: value(r, 'CATEGORY'),
    kind: value(r, 'KIND'),
    department: value(r, 'DEPARTMENT'),
    unionGroup: value(r, 'UNION_GROUP'),
    institution: value(r, 'INSTITUTION'),
  }));
  // Years run oldest to newest (a trend reads left to right), levels highest first, then
  // the biggest groups first (a leaderboard).
  groups.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (dims.includes('LEVEL') ? a.levelRank - b.levelRank : 0) || b.records - a.records);
  const total = counts.total[0];
  return {
    total: total ? { records: total.records, collectives: total.collectives, people: everyone.size, women: women.size } : EMPTY,
    groups: groups.map(({ levelRank: _, ...g }) => g),
  };
}

export const statLabels = {
  levelLabel: (g: StatGroup) => (g.level ? label('level', g.level) : null),
  categoryLabel: (g: StatGroup) => (g.category ? label('category', g.category) : null),
  kindLabel: (g: StatGroup) => (g.kind ? label('achievementKind', g.kind) : null),
};
