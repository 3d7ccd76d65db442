// The federation report's figures: one aggregation over every institution named, grouped
// by institution. This is the one query of the app that spans institutions (on a sharded
// cluster, a scatter-gather over the shards holding them).
import { Types } from 'mongoose';
import type { Models } from '../../models.js';
import { LEVELS, type Level } from '../vocabulary/vocabulary.js';
import type { AchievementRecord } from '../achievements/model.js';

export interface InstitutionTotals {
  institution: Types.ObjectId;
  achievements: number;
  awards: number;
  honours: number;
  modelWorkers: number;
  byLevel: { level: Level; count: number }[];
  peopleAwarded: number;
  womenAwarded: number;
}

interface Row {
  _id: Types.ObjectId;
  kinds: { kind: string; n: number }[];
  levels: { level: Level; n: number }[];
}

/** Totals per institution: one pass grouping by (institution, kind, level), one by person. */
export async function totalsByInstitution(models: Models, year: number, institutions: Types.ObjectId[]): Promise<InstitutionTotals[]> {
  const match = { institution: { $in: institutions }, year, status: 'VERIFIED' as const };
  const [rows, withPeople] = (await Promise.all([
    models.Achievement.aggregate([
      { $match: match },
      { $group: { _id: { i: '$institution', kind: '$kind', level: '$level' }, n: { $sum: 1 } } },
      { $group: { _id: '$_id.i', kinds: { $push: { kind: '$_id.kind', n: '$n' } }, levels: { $push: { level: '$_id.level', n: '$n' } } } },
    ]),
    models.Achievement.find({ ...match, 'people.0': { $exists: true } }, { _id: 0, people: 1 }).lean(),
  ])) as [Row[], { people: Types.ObjectId[] }[]];
  // The distinct people awarded, counted here (a Set of ids) rather than by $unwind and
  // $group over every record; then the women among them, per institution, by _id.
  const awarded = [...new Set(withPeople.flatMap((r) => r.people.map(String)))].map((id) => new Types.ObjectId(id));
  const people = (await models.Person.aggregate([
    { $match: { _id: { $in: awarded } } },
    { $group: { _id: '$institution', n: { $sum: 1 }, women: { $sum: { $cond: [{ $eq: ['$gender', 'FEMALE'] }, 1, 0] } } } },
  ])) as { _id: Types.ObjectId; n: number; women: number }[];
  const byId = new Map(rows.map((r) => [String(r._id), r]));
  const peopleById = new Map(people.map((p) => [String(p._id), p]));
  return institutions.map((institution) => {
    const row = byId.get(String(institution));
    const kind = (k: string) => (row?.kinds ?? []).filter((x) => x.kind === k).reduce((n, x) => n + x.n, 0);
    const level = (l: Level) => (row?.levels ?? []).filter((x) => x.level === l).reduce((n, x) => n + x.n, 0);
    const p = peopleById.get(String(institution));
    return {
      institution,
      achievements: kind('AWARD') + kind('HONOUR') + kind('MODEL_WORKER'),
      awards: kind('AWARD'),
      honours: kind('HONOUR'),
      modelWorkers: kind('MODEL_WORKER'),
      byLevel: LEVELS.map((l) => ({ level: l.value, count: level(l.value) })),
      peopleAwarded: p?.n ?? 0,
      womenAwarded: p?.women ?? 0,
    };
  });
}

/** The best `limit` results at these levels across the institutions, and how many there are in all. */
export async function topRecords(models: Models, year: number, institutions: Types.ObjectId[], levels: Level[], limit: number): Promise<{ records: AchievementRecord[]; total: number }> {
  const filter = { institution: { $in: institutions }, year, status: 'VERIFIED' as const, level: { $in: levels } };
  const [records, total] = await Promise.all([
    models.Achievement.find(filter).sort({ levelRank: 1, resultRank: 1, sortDate: 1, _id: 1 }).limit(limit).lean() as unknown as Promise<AchievementRecord[]>,
    models.Achievement.countDocuments(filter),
  ]);
  return { records, total };
}
