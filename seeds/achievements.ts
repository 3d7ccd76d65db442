// Loads the report's achievements through the services (same validation, duplicate checks
// and audit as a clerk's entries), as the system, and verifies them. Idempotent: a record
// already present is a DUPLICATE and is left as it is.
import type { Logger } from 'pino';
import type { Config } from '../src/config.js';
import { systemContext } from '../src/context.js';
import type { Models } from '../src/models.js';
import type { InstitutionRecord } from '../src/modules/institutions/model.js';
import { UserInputFailure } from '../src/shared/errors.js';
import { toGlobalId } from '../src/shared/ids.js';
import { normalizeName } from '../src/modules/achievements/similarity.js';
import { demoAwards, demoCampaigns, demoCompetitions, demoDonations, demoHonours } from './demo-achievements.js';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Runs a create; a DUPLICATE means it is already there (returns null). */
async function once<T>(create: () => Promise<T>): Promise<T | null> {
  try {
    return await create();
  } catch (e) {
    if (e instanceof UserInputFailure && e.userErrors.every((u) => u.code === 'DUPLICATE')) return null;
    throw e;
  }
}

type Steps = { submit(i: { id: string }): Promise<unknown>; verify(i: { id: string }): Promise<unknown> };

/** Submitted by the entering context, verified by a second one: four eyes, as for people. */
async function verify(entering: Steps, verifying: Steps, id: string) {
  await entering.submit({ id });
  await verifying.verify({ id });
}

/** Call inside withinInstitution(institution._id, …). */
export async function seedDemoAchievements(deps: { config: Config; logger: Logger; models: Models }, institution: InstitutionRecord): Promise<number> {
  const ctx = systemContext(deps, institution, 'seed');
  const verifier = systemContext(deps, institution, 'seed-verifier').services;
  const { models, services } = ctx;
  let created = 0;
  const personId = async (staffNumber: string) => toGlobalId('Person', (await models.Person.findOne({ staffNumber }).lean())!._id);
  const departmentId = async (code: string) => toGlobalId('Department', (await models.Department.findOne({ code }).lean())!._id);

  const competitionIds = new Map<string, string>();
  for (const { key, ...c } of demoCompetitions) {
    const existing = await models.Competition.findOne({ year: c.year, normalizedName: normalizeName(c.name) }).lean();
    if (existing) competitionIds.set(key, toGlobalId('Competition', existing._id));
    else {
      const { competition } = await services.competitions.create(c);
      competitionIds.set(key, toGlobalId('Competition', competition._id));
      created++;
    }
  }

  const awardIds = new Map<string, string>();
  for (const a of demoAwards) {
    const result = await once(async () =>
      services.awards.create({
        competitionId: competitionIds.get(a.competition),
        personIds: a.people ? await Promise.all(a.people.map(personId)) : undefined,
        collective: a.department ? { kind: 'DEPARTMENT', departmentId: await departmentId(a.department) } : undefined,
        grade: a.grade,
        placement: a.placement,
        resultText: a.resultText,
        date: date(a.date),
        note: a.note,
      }),
    );
    if (result) {
      const id = toGlobalId('Award', result.award._id);
      await verify(services.awards.workflow, verifier.awards.workflow, id);
      created++;
      if (a.people?.length === 1) awardIds.set(`${a.competition}|${a.people[0]}`, id);
    }
  }

  for (const h of demoHonours) {
    let awardId = h.followsFrom ? awardIds.get(`${h.followsFrom.competition}|${h.followsFrom.person}`) : undefined;
    if (h.followsFrom && !awardId) {
      const person = await models.Person.findOne({ staffNumber: h.followsFrom.person }).lean();
      const comp = await models.Competition.findOne({ normalizedName: normalizeName(demoCompetitions.find((c) => c.key === h.followsFrom!.competition)!.name), year: h.year }).lean();
      const award = await models.Award.findOne({ competition: comp!._id, people: person!._id }).lean();
      awardId = award ? toGlobalId('Award', award._id) : undefined;
    }
    const result = await once(async () =>
      services.honours.confer({
        title: h.title,
        honourKind: h.honourKind,
        conferredBy: h.conferredBy,
        level: h.level,
        personId: h.person ? await personId(h.person) : undefined,
        collective: h.department ? { kind: 'DEPARTMENT', departmentId: await departmentId(h.department) } : undefined,
        year: h.year,
        date: h.date ? date(h.date) : undefined,
        awardId,
        note: h.note,
      }),
    );
    if (result) {
      await verify(services.honours.workflow, verifier.honours.workflow, toGlobalId('Honour', result.honour._id));
      created++;
    }
  }

  for (const d of demoDonations) {
    const result = await once(() =>
      services.donations.record({
        kind: d.kind,
        donorCount: d.donorCount,
        donorCollective: d.institution ? { kind: 'INSTITUTION' } : undefined,
        quantity: d.quantity,
        approximate: d.approximate ?? false,
        campaign: d.campaign,
        date: date(d.date),
        note: d.note,
      }),
    );
    if (result) {
      await verify(services.donations.workflow, verifier.donations.workflow, toGlobalId('Donation', result._id));
      created++;
    }
  }

  for (const c of demoCampaigns) {
    const [start, ...steps] = c.steps;
    const campaign = await once(async () =>
      services.campaigns.start({ departmentId: await departmentId(c.department), title: c.title, level: c.level, year: c.year, date: date(start.date), note: start.note }),
    );
    if (!campaign) continue;
    created++;
    for (const step of steps) await services.campaigns.advance({ id: toGlobalId('CivilisedPostCampaign', campaign._id), to: step.to, date: date(step.date), note: step.note });
  }
  return created;
}
