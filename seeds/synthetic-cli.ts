// `npm run seed:synthetic -- --awards 100000`: a large data set for benchmarks, added to the
// configured database (MONGODB_URI, or the embedded store in DATA_DIR; stop the server first).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/database.js';
import { createLogger } from '../src/logger.js';
import { createModels, ensureIndexes } from '../src/models.js';
import { seedSynthetic } from './synthetic.js';

const { values } = parseArgs({ options: { awards: { type: 'string', default: '10000' }, 'last-year': { type: 'string', default: '2020' } } });
const awards = Number(values.awards);
if (!Number.isInteger(awards) || awards < 1 || awards > 5_000_000) {
  process.stderr.write('--awards must be a whole number between 1 and 5,000,000\n');
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config, createLogger(config));
try {
  const models = createModels(db.connection);
  await ensureIndexes(models);
  const t0 = performance.now();
  const result = await seedSynthetic(models, { awards, lastYear: Number(values['last-year']) });
  process.stdout.write(`synthetic data in ${db.description}: ${result.people} people, ${result.competitions} competitions, ${result.awards} awards (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
} finally {
  await db.close();
}
