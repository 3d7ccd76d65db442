import type { Models } from '../../models.js';
import { byIdLoader } from '../../shared/loader.js';
import type { PersonRecord } from './model.js';

export function peopleLoaders(models: Models) {
  return { person: byIdLoader<PersonRecord>(models.Person) };
}
