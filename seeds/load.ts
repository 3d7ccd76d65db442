import type { Logger } from 'pino';
import type { Config } from '../src/config.js';
import type { Models } from '../src/models.js';
import type { InstitutionRecord } from '../src/modules/institutions/model.js';
import { withinInstitution } from '../src/shared/tenancy.js';
import { seedDemoAchievements } from './achievements.js';
import { demoDepartments, demoPeople, demoUnionGroups } from './demo-organisation.js';

export interface SeedResult {
  inserted: number;
  updated: number;
}

interface BulkModel {
  bulkWrite(ops: unknown[], options?: object): Promise<{ upsertedCount: number; modifiedCount: number }>;
}

/**
 * Upserts by natural key (code, staff number): a second run finds everything in place and
 * changes nothing, timestamps included. Records users added stay untouched.
 */
async function upsertAll(model: BulkModel, key: string, rows: Record<string, unknown>[]): Promise<SeedResult> {
  const now = new Date();
  const ops = rows.map((row) => ({
    updateOne: {
      filter: { [key]: row[key] },
      update: { $set: row, $setOnInsert: { createdAt: now, updatedAt: now } },
      upsert: true,
      timestamps: false,
    },
  }));
  const r = await model.bulkWrite(ops, { ordered: true, timestamps: false });
  return { inserted: r.upsertedCount, updated: r.modifiedCount };
}

/** The demo sandbox: the hospital of the reference report, marked as demonstration data. */
export const DEMO_INSTITUTION = { code: 'DEMO', name: '绍兴市中医院', shortName: '市中医院', selfReference: '我院', region: '浙江省绍兴市', demo: true } as const;

/** The demo institution, created if missing. */
export async function demoInstitution(models: Models): Promise<InstitutionRecord> {
  const found = (await models.Institution.findOne({ code: DEMO_INSTITUTION.code }).lean()) as InstitutionRecord | null;
  if (found) return found;
  return (await models.Institution.create(DEMO_INSTITUTION)).toObject() as InstitutionRecord;
}

/** Organisation, staff and the report's achievements, in the demo institution. */
export async function seedDemoData(models: Models, deps?: { config: Config; logger: Logger }): Promise<SeedResult & { institution: InstitutionRecord }> {
  const institution = await demoInstitution(models);
  return { ...(await withinInstitution(institution._id, () => seedInto(models, institution, deps))), institution };
}

async function seedInto(models: Models, institution: InstitutionRecord, deps?: { config: Config; logger: Logger }): Promise<SeedResult> {
  const total: SeedResult = { inserted: 0, updated: 0 };
  const add = (r: SeedResult) => {
    total.inserted += r.inserted;
    total.updated += r.updated;
  };
  add(await upsertAll(models.Department, 'code', demoDepartments.map((d) => ({ ...d, active: true }))));
  add(await upsertAll(models.UnionGroup, 'code', demoUnionGroups.map((g) => ({ ...g, active: true }))));
  const departments = new Map((await models.Department.find({}, { code: 1 }).lean()).map((d) => [d.code, d._id]));
  const groups = new Map((await models.UnionGroup.find({}, { code: 1 }).lean()).map((g) => [g.code, g._id]));
  add(
    await upsertAll(
      models.Person,
      'staffNumber',
      demoPeople.map(({ department, unionGroup, ...rest }) => ({
        ...rest,
        department: departments.get(department),
        unionGroup: groups.get(unionGroup),
        employmentStatus: 'ACTIVE',
        archived: false,
      })),
    ),
  );
  if (deps) total.inserted += await seedDemoAchievements({ ...deps, models }, institution);
  return total;
}
