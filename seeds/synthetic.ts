// A large, realistic data set for benchmarks: departments, people, competitions and awards
// over five years, bulk-inserted with the same derived fields the services compute.
import { Types } from 'mongoose';
import { seededRandom } from './random.js';
import type { Models } from '../src/models.js';
import type { InstitutionRecord } from '../src/modules/institutions/model.js';
import { withinInstitution } from '../src/shared/tenancy.js';
import { homeInstitution } from '../src/modules/institutions/home.js';
import { Ranker } from '../src/modules/achievements/ranking.js';
import { recipientKey } from '../src/modules/achievements/recipients.js';
import { rebuildAwardYears } from '../src/modules/achievements/award-years.js';
import { normalizeName } from '../src/modules/achievements/similarity.js';
import { competitionTitle } from '../src/modules/competitions/service.js';
import { CATEGORIES, GRADES, LEVELS } from '../src/modules/vocabulary/vocabulary.js';

export interface SyntheticOptions {
  awards: number;
  /** Last year of the five (default 2020). */
  lastYear?: number;
  seed?: number;
  /** The institution to fill (default: the registry's own, its first non-demo one). */
  institution?: InstitutionRecord;
}

const BATCH = 1000;

export async function seedSynthetic(models: Models, options: SyntheticOptions): Promise<{ people: number; competitions: number; awards: number }> {
  const institution = options.institution ?? (await homeInstitution(models));
  if (!institution) throw new Error('the registry holds no institution yet: start the server once');
  return withinInstitution(institution._id, () => seedWithin(models, options));
}

async function seedWithin(models: Models, options: SyntheticOptions): Promise<{ people: number; competitions: number; awards: number }> {
  const random = seededRandom(options.seed ?? 20201231);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const lastYear = options.lastYear ?? 2020;
  const years = [0, 1, 2, 3, 4].map((i) => lastYear - i);
  const actor = { userId: 'system:synthetic', username: 'synthetic' };
  const ranker = new Ranker();
  const now = new Date();

  const departments = Array.from({ length: 40 }, (_, i) => ({ _id: new Types.ObjectId(), code: `SYN${i}`, name: `合成科室${i}`, active: true, createdAt: now, updatedAt: now }));
  await models.Department.insertMany(departments, { ordered: false }).catch(() => undefined);
  const peopleCount = Math.max(200, Math.min(20_000, Math.round(options.awards / 20)));
  const people = Array.from({ length: peopleCount }, (_, i) => ({
    _id: new Types.ObjectId(),
    staffNumber: `SYN${String(i).padStart(6, '0')}`,
    name: `合成职工${i}`,
    gender: random() < 0.7 ? 'FEMALE' : 'MALE',
    department: departments[i % departments.length]._id,
    employmentStatus: 'ACTIVE',
    archived: false,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < people.length; i += BATCH) await models.Person.insertMany(people.slice(i, i + BATCH), { ordered: false, lean: true });

  const competitionsPerYear = Math.max(20, Math.min(2000, Math.round(options.awards / 50)));
  const competitions = years.flatMap((year) =>
    Array.from({ length: competitionsPerYear }, (_, i) => {
      const name = `${year}年第${i}届合成${pick(['技能', '讲课', '读片', '书法', '摄影'])}竞赛`;
      return { _id: new Types.ObjectId(), name, normalizedName: normalizeName(name), level: pick(LEVELS).value, category: pick(CATEGORIES).value, year, createdAt: now, updatedAt: now };
    }),
  );
  for (let i = 0; i < competitions.length; i += BATCH) await models.Competition.insertMany(competitions.slice(i, i + BATCH), { ordered: false, lean: true });

  let inserted = 0;
  for (let start = 0; start < options.awards; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(options.awards, start + BATCH); i++) {
      const competition = pick(competitions);
      const recipients = Array.from({ length: 1 + Math.floor(random() * random() * 3) }, () => pick(people));
      const unique = [...new Map(recipients.map((p) => [String(p._id), p])).values()];
      const grade = pick(GRADES).value;
      const date = new Date(Date.UTC(competition.year, Math.floor(random() * 12), 1 + Math.floor(random() * 28)));
      const ids = unique.map((p) => p._id);
      batch.push({
        kind: 'AWARD',
        title: competitionTitle(competition),
        year: competition.year,
        date,
        level: competition.level,
        category: competition.category,
        competition: competition._id,
        grade,
        ...ranker.fields(competition.level, { grade }, date, competition.year),
        people: ids,
        departments: [...new Set(unique.map((p) => String(p.department)))].map((id) => new Types.ObjectId(id)),
        unionGroups: [],
        // The index makes every synthetic award distinct, as the dedupe key requires.
        dedupeKey: `SYNTHETIC|${i}|${competition._id}|${recipientKey(ids, null)}|g:${grade}`,
        status: random() < 0.9 ? 'VERIFIED' : 'DRAFT',
        revision: 1,
        history: [],
        statusLog: [{ status: 'DRAFT', at: now, by: actor }],
        enteredBy: actor,
        createdAt: now,
        updatedAt: now,
      });
    }
    await models.Achievement.insertMany(batch, { ordered: false, lean: true });
    inserted += batch.length;
  }
  // Inserted past the services: the streaks' summary is built from them once.
  await rebuildAwardYears(models);
  return { people: people.length, competitions: competitions.length, awards: inserted };
}
