// A small versioned migration runner: each migration runs once, in order, before the server
// serves, and is recorded in the `migrations` collection. Migrations are idempotent, so two
// instances starting together on one database at worst both run one (the second record is
// a duplicate and ignored).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Models } from '../models.js';
import { isDuplicateKeyError } from '../shared/duplicates.js';
import { acrossInstitutions } from '../shared/tenancy.js';
import { institutionsMigration } from './0001-institutions.js';
import { awardYearsMigration } from './0002-award-years.js';

export interface MigrationContext {
  models: Models;
  config: Config;
  logger: Logger;
}

export interface Migration {
  /** Sortable and permanent: `0001-institutions`. */
  name: string;
  /** Returns a summary of what it changed (stored with the record). */
  up(ctx: MigrationContext): Promise<Record<string, unknown>>;
}

export const MIGRATIONS: Migration[] = [institutionsMigration, awardYearsMigration];

/** Applies every migration not yet recorded; returns the names applied. */
export function migrate(ctx: MigrationContext, migrations = MIGRATIONS): Promise<string[]> {
  return acrossInstitutions(async () => {
    const done = new Set((await ctx.models.Migration.find({}, { _id: 1 }).lean()).map((m) => String(m._id)));
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
      if (done.has(migration.name)) continue;
      const summary = await migration.up(ctx);
      try {
        await ctx.models.Migration.create({ _id: migration.name, appliedAt: new Date(), summary });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
      ctx.logger.info({ migration: migration.name, ...summary }, 'applied a migration');
      applied.push(migration.name);
    }
    return applied;
  });
}
