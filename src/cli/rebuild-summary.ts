// `npm run rebuild-summary [-- --institution <code>]`: rebuilds the per-year summary that
// streaks are read from (award_years) out of the verified awards, for every institution or
// one. The services keep it current; records written around them (a hand-run script, a
// restore of one collection) leave it stale until this is run. With the embedded default,
// stop the server first: one process owns DATA_DIR.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../database.js';
import { createLogger } from '../logger.js';
import { createModels } from '../models.js';
import { rebuildAwardYears } from '../modules/achievements/award-years.js';
import { withinInstitution } from '../shared/tenancy.js';
import { UsageError } from './registry-database.js';

async function main() {
  const { values } = parseArgs({ options: { institution: { type: 'string' } } });
  const config = loadConfig();
  const db = await openDatabase(config, createLogger(config));
  try {
    const models = createModels(db.connection);
    const institutions = await models.Institution.find(values.institution ? { code: values.institution } : {}, { code: 1 }).sort({ code: 1 }).lean();
    if (!institutions.length) throw new UsageError(values.institution ? `no institution has the code ${values.institution}` : 'the registry holds no institution yet');
    for (const institution of institutions) {
      const rows = await withinInstitution(institution._id, () => rebuildAwardYears(models));
      process.stdout.write(`${institution.code}: ${rows} summary rows rebuilt\n`);
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  process.stderr.write(`rebuilding the summary failed: ${(e as Error).message}\n`);
  process.exit(e instanceof UsageError || e instanceof ConfigError ? 2 : 1);
});
