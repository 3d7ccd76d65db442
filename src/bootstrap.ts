import type { Logger } from 'pino';
import { seedDemoData } from '../seeds/load.js';
import type { Config } from './config.js';
import { migrate } from './migrations/runner.js';
import { ensureIndexes, type Models } from './models.js';
import { ensureHomeInstitution, homeInstitution } from './modules/institutions/home.js';
import type { InstitutionRecord } from './modules/institutions/model.js';
import { hashPassword, randomPassword } from './shared/auth/passwords.js';
import { acrossInstitutions, withinInstitution } from './shared/tenancy.js';

/**
 * Start-up work, before serving: migrations, indexes, and on a first start the user's own
 * institution (INSTITUTION_NAME) with its first ADMIN, and the demo sandbox beside it.
 */
export async function bootstrap(config: Config, models: Models, logger: Logger) {
  await migrate({ models, config, logger });
  await ensureIndexes(models);
  const firstStart = (await models.Institution.countDocuments()) === 0;
  const home = firstStart ? await ensureHomeInstitution(models, config) : await homeInstitution(models);
  if (home && (await acrossInstitutions(() => models.User.countDocuments({}))) === 0) await createFirstAdmin(config, models, logger, home);
  if (firstStart && config.SEED_DEMO_DATA) {
    const r = await seedDemoData(models, { config, logger });
    logger.info({ inserted: r.inserted, institution: r.institution.code }, 'first start: loaded the demo data into its own institution');
  }
}

async function createFirstAdmin(config: Config, models: Models, logger: Logger, home: InstitutionRecord) {
  const password = config.ADMIN_PASSWORD ?? randomPassword();
  await withinInstitution(home._id, async () => models.User.create({ username: config.ADMIN_USERNAME, passwordHash: await hashPassword(password), displayName: '系统管理员', role: 'ADMIN' }));
  if (config.ADMIN_PASSWORD) logger.info({ username: config.ADMIN_USERNAME, institution: home.code }, 'created the first ADMIN account from ADMIN_USERNAME/ADMIN_PASSWORD');
  else {
    // Shown once, on the console only: it never enters the structured log.
    process.stderr.write(
      `\n  First start: created ADMIN account "${config.ADMIN_USERNAME}" of ${home.name} (${home.code}) with password  ${password}\n  Change it with userUpdate, or set ADMIN_PASSWORD before the first start.\n\n`,
    );
    logger.warn({ username: config.ADMIN_USERNAME, institution: home.code }, 'created the first ADMIN account with a random password (printed once on the console)');
  }
}
