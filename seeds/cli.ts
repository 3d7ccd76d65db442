// `npm run seed`: (re)loads the demo data. Idempotent: a second run changes nothing.
// With the embedded default, stop the server first: one process owns DATA_DIR.
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/database.js';
import { createLogger } from '../src/logger.js';
import { createModels, ensureIndexes } from '../src/models.js';
import { migrate } from '../src/migrations/runner.js';
import { seedDemoData } from './load.js';

try {
  const config = loadConfig();
  const logger = createLogger(config);
  const db = await openDatabase(config, logger);
  try {
    const models = createModels(db.connection);
    await migrate({ models, config, logger });
    await ensureIndexes(models);
    const result = await seedDemoData(models, { config, logger });
    process.stdout.write(`demo data loaded into the demo institution ${result.institution.code} (${result.institution.name}) of ${db.description}: ${result.inserted} inserted, ${result.updated} updated\n`);
  } finally {
    await db.close();
  }
} catch (e) {
  const message = e instanceof ConfigError ? e.message : (e as Error).message;
  process.stderr.write(`seeding failed: ${message}\n`);
  if (/in use by another embedded server/.test(message)) process.stderr.write('Stop the running server first (or set MONGODB_URI).\n');
  process.exit(1);
}
