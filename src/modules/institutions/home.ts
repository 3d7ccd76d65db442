// The registry's own institution: the one INSTITUTION_NAME and INSTITUTION_CODE name (made
// on a first start, or by the migration of data older than institutions).
import type { Config } from '../../config.js';
import type { Models } from '../../models.js';
import type { InstitutionRecord } from './model.js';

/** The institution the configuration names, created if it does not exist yet. */
export async function ensureHomeInstitution(models: Pick<Models, 'Institution'>, config: Pick<Config, 'INSTITUTION_CODE' | 'INSTITUTION_NAME'>): Promise<InstitutionRecord> {
  const existing = (await models.Institution.findOne({ code: config.INSTITUTION_CODE }).lean()) as InstitutionRecord | null;
  return existing ?? ((await models.Institution.create({ code: config.INSTITUTION_CODE, name: config.INSTITUTION_NAME, demo: false })).toObject() as InstitutionRecord);
}

/** The registry's own institution as it stands: its first one that is not a demo. */
export async function homeInstitution(models: Pick<Models, 'Institution'>): Promise<InstitutionRecord | null> {
  return (await models.Institution.findOne({ demo: false }).sort({ createdAt: 1 }).lean()) as InstitutionRecord | null;
}
