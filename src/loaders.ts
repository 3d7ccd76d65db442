import type { Models } from './models.js';
import { achievementLoaders } from './modules/achievements/loaders.js';
import { institutionLoaders } from './modules/institutions/loaders.js';
import { organisationLoaders } from './modules/organisation/loaders.js';
import { peopleLoaders } from './modules/people/loaders.js';
import { userLoaders } from './modules/users/loaders.js';

/** Fresh per request: a loader caches for one request only. */
export function createLoaders(models: Models) {
  return { ...institutionLoaders(models), ...organisationLoaders(models), ...peopleLoaders(models), ...userLoaders(models), ...achievementLoaders(models) };
}

export type Loaders = ReturnType<typeof createLoaders>;
