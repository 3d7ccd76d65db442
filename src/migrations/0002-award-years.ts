// The streaks' summary (award_years) is derived from the verified awards: built here once for
// the records made before it existed; the writes keep it current from then on.
import { rebuildAwardYears } from '../modules/achievements/award-years.js';
import { withinInstitution } from '../shared/tenancy.js';
import type { Migration } from './runner.js';

export const awardYearsMigration: Migration = {
  name: '0002-award-years',
  async up({ models }) {
    const rows: Record<string, number> = {};
    for (const institution of await models.Institution.find({}, { code: 1 }).lean()) {
      rows[institution.code] = await withinInstitution(institution._id, () => rebuildAwardYears(models));
    }
    return { rows };
  },
};
