import type { Connection } from 'mongoose';
import { achievementModels } from './modules/achievements/model.js';
import { awardYearModels } from './modules/achievements/award-years.js';
import { auditModels } from './modules/audit/model.js';
import { campaignModels } from './modules/campaigns/model.js';
import { competitionModels } from './modules/competitions/model.js';
import { donationModels } from './modules/donations/model.js';
import { settingModels } from './modules/achievements/policy.js';
import { importModels } from './modules/imports/model.js';
import { institutionModels } from './modules/institutions/model.js';
import { migrationModels } from './migrations/model.js';
import { organisationModels } from './modules/organisation/model.js';
import { peopleModels } from './modules/people/model.js';
import { userModels } from './modules/users/model.js';
import { throttleModels } from './modules/users/throttle-model.js';
// Registers the timing plugin before any model is compiled.
import './shared/database-timings.js';

const registered = new WeakMap<Connection, ReturnType<typeof register>>();

/** Every model, registered on one connection (once: later calls get the same models). */
export function createModels(conn: Connection) {
  let models = registered.get(conn);
  if (!models) registered.set(conn, (models = register(conn)));
  return models;
}

function register(conn: Connection) {
  return {
    ...institutionModels(conn),
    ...migrationModels(conn),
    ...organisationModels(conn),
    ...peopleModels(conn),
    ...userModels(conn),
    ...throttleModels(conn),
    ...auditModels(conn),
    ...competitionModels(conn),
    ...achievementModels(conn),
    ...awardYearModels(conn),
    ...campaignModels(conn),
    ...donationModels(conn),
    ...settingModels(conn),
    ...importModels(conn),
  };
}

export type Models = ReturnType<typeof register>;

type AnyModel = Models[keyof Models];

/** The models whose documents belong to an institution (the tenancy plugin's), without discriminators. */
export function ownedModels(models: Models): AnyModel[] {
  const { Award: _a, Honour: _h, ModelWorkerDesignation: _d, ...own } = models;
  return Object.values(own).filter((m) => m.schema.path('institution') !== undefined);
}

/**
 * Builds the declared indexes (unique staff numbers, usernames, codes, dedupe keys, the
 * ranking indexes). Explicit, because the connection runs with autoIndex off: index builds
 * happen here, at start, not behind the first query.
 */
export async function ensureIndexes(models: Models) {
  // Discriminators share their base collection: building the base's indexes covers them.
  const { Award: _a, Honour: _h, ModelWorkerDesignation: _d, ...own } = models;
  for (const model of Object.values(own)) {
    await model.init();
    await model.createIndexes();
  }
}
