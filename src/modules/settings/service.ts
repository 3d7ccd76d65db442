// How the registry is run, stored in the `settings` collection and ADMIN-editable. Today one
// switch: single-person verification, for a small union whose one officer both enters and
// verifies (off by default: four eyes on every record).
import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { parseInput } from '../../shared/validation.js';
import { t } from '../../shared/i18n/t.js';

export interface RegistrySettings {
  singlePersonVerification: boolean;
}

const SETTINGS_KEY = 'registry';
export const SETTINGS_ENTITY_ID = new Types.ObjectId('000000000000000000000002');
const DEFAULTS: RegistrySettings = { singlePersonVerification: false };
const updateSchema = z.object({ singlePersonVerification: z.boolean().nullish() });

export class SettingsService {
  private cached?: Promise<RegistrySettings>;

  constructor(private readonly ctx: RequestContext) {}

  /** The settings (read once per request). */
  current(): Promise<RegistrySettings> {
    this.cached ??= (async () => {
      const stored = (await this.ctx.models.Setting.findOne({ key: SETTINGS_KEY }).lean()) as { value?: Partial<RegistrySettings> } | null;
      return { ...DEFAULTS, ...stored?.value };
    })();
    return this.cached;
  }

  read(): Promise<RegistrySettings> {
    this.ctx.guard.requireViewer();
    return this.current();
  }

  async update(input: unknown): Promise<RegistrySettings> {
    this.ctx.guard.requireRole(['ADMIN'], t('action.changeSettings'));
    const patch = parseInput(updateSchema, input);
    const before = await this.current();
    const after: RegistrySettings = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null && v !== undefined)) };
    if (JSON.stringify(after) === JSON.stringify(before)) return before;
    await this.ctx.models.Setting.updateOne({ key: SETTINGS_KEY }, { $set: { value: after, updatedAt: new Date() } }, { upsert: true });
    this.cached = Promise.resolve(after);
    await this.ctx.services.audit.record('registrySettingsUpdate', 'RegistrySettings', SETTINGS_ENTITY_ID, before, after);
    return after;
  }
}
