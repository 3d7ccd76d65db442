import type { Models } from '../../models.js';
import { byIdLoader } from '../../shared/loader.js';
import type { InstitutionRecord } from './model.js';

export function institutionLoaders(models: Models) {
  return { institution: byIdLoader<InstitutionRecord>(models.Institution) };
}
