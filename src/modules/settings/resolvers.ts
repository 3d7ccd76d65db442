import type { RequestContext } from '../../context.js';
import { payload } from '../../shared/payload.js';

export const settingsResolvers = {
  Query: {
    registrySettings: (_: unknown, __: unknown, ctx: RequestContext) => ctx.services.settings.read(),
  },
  Mutation: {
    registrySettingsUpdate: (_: unknown, { input }: { input: unknown }, ctx: RequestContext) => payload('settings', () => ctx.services.settings.update(input)),
  },
};
