import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import type { InstitutionRecord } from './model.js';

type Input = { input: unknown };

export const institutionResolvers = {
  Query: {
    institution: (_: unknown, __: unknown, ctx: RequestContext) => (ctx.guard.requireViewer(), ctx.institution),
    institutions: (_: unknown, page: PageArgs, ctx: RequestContext) => ctx.services.institutions.list(page),
  },
  Mutation: {
    institutionCreate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('institution', () => ctx.services.institutions.create(input)),
    institutionUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('institution', () => ctx.services.institutions.update(input)),
    institutionDelete: async (_: unknown, { input }: Input, ctx: RequestContext) => {
      const { removed, userErrors } = await payload('removed', () => ctx.services.institutions.remove(input));
      return { deletedInstitutionId: removed ? toGlobalId('Institution', removed.id) : null, deletedDocuments: removed?.deleted ?? null, userErrors };
    },
  },
  Institution: {
    id: (i: InstitutionRecord) => toGlobalId('Institution', i._id),
  },
};
