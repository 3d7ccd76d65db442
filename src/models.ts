import type { Connection } from 'mongoose';
import { auditModels } from './modules/audit/model.js';
import { organisationModels } from './modules/organisation/model.js';
import { peopleModels } from './modules/people/model.js';
import { userModels } from './modules/users/model.js';

/** Every model, registered on one connection. */
export function createModels(conn: Connection) {
  return { ...organisationModels(conn), ...peopleModels(conn), ...userModels(conn), ...auditModels(conn) };
}

export type Models = ReturnType<typeof createModels>;

/** Builds the declared indexes (unique staff numbers, usernames, codes ...). */
export async function ensureIndexes(models: Models) {
  for (const model of Object.values(models)) await model.init();
}
