import type { Logger } from 'pino';
import { seedDemoData, isEmpty } from '../seeds/load.js';
import type { Config } from './config.js';
import { ensureIndexes, type Models } from './models.js';
import { hashPassword, randomPassword } from './shared/auth/passwords.js';

/** First-start work: indexes, the first ADMIN account, and demo data in an empty database. */
export async function bootstrap(config: Config, models: Models, logger: Logger) {
  await ensureIndexes(models);
  if ((await models.User.estimatedDocumentCount()) === 0) {
    const password = config.ADMIN_PASSWORD ?? randomPassword();
    await models.User.create({ username: config.ADMIN_USERNAME, passwordHash: await hashPassword(password), displayName: '系统管理员', role: 'ADMIN' });
    if (config.ADMIN_PASSWORD) logger.info({ username: config.ADMIN_USERNAME }, 'created the first ADMIN account from ADMIN_USERNAME/ADMIN_PASSWORD');
    else {
      // Shown once, on the console only: it never enters the structured log.
      process.stderr.write(
        `\n  First start: created ADMIN account "${config.ADMIN_USERNAME}" with password  ${password}\n  Change it with userUpdate, or set ADMIN_PASSWORD before the first start.\n\n`,
      );
      logger.warn({ username: config.ADMIN_USERNAME }, 'created the first ADMIN account with a random password (printed once on the console)');
    }
  }
  if (config.SEED_DEMO_DATA && (await isEmpty(models))) {
    const r = await seedDemoData(models, { config, logger });
    logger.info(r, 'empty database: loaded the demo data');
  }
}
