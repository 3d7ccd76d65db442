import type { RequestContext } from '../../context.js';
import { namesAccount, type Viewer } from '../../shared/auth/roles.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import type { UserRecord } from './model.js';
import type { UserOrder } from './service.js';

type Input = { input: unknown };

export const userResolvers = {
  Query: {
    viewer: (_: unknown, __: unknown, ctx: RequestContext) => ctx.guard.requireViewer(),
    users: (_: unknown, a: PageArgs & { orderBy: UserOrder }, ctx: RequestContext) => ctx.services.users.list(a.orderBy, a),
  },
  Mutation: {
    login: async (_: unknown, { input }: Input, ctx: RequestContext) => {
      const result = await payload('session', () => ctx.services.users.login(input));
      return { ...result.session, userErrors: result.userErrors };
    },
    userCreate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('user', () => ctx.services.users.create(input)),
    userUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => payload('user', () => ctx.services.users.update(input)),
    userSignOutEverywhere: (_: unknown, { input }: { input?: unknown }, ctx: RequestContext) => payload('user', () => ctx.services.users.signOutEverywhere(input)),
  },
  Viewer: {
    user: (v: Viewer, _: unknown, ctx: RequestContext) => (namesAccount(v) ? ctx.loaders.user.load(v.userId) : null),
    // At sign-in the request has no institution yet: the token's is read.
    institution: (v: Viewer, _: unknown, ctx: RequestContext) =>
      !v.institution ? null : ctx.institution && String(ctx.institution._id) === v.institution ? ctx.institution : ctx.loaders.institution.load(v.institution),
    wholeInstitution: (v: Viewer) => Boolean(v.scope.wholeInstitution),
    departmentCodes: (v: Viewer) => v.scope.departments,
    unionGroupCodes: (v: Viewer) => v.scope.unionGroups,
  },
  User: {
    id: (u: UserRecord) => toGlobalId('User', u._id),
    // Accounts a viewer may list are of their institution (or, for FEDERATION_ADMIN, any): one batch per page.
    institution: (u: UserRecord, _: unknown, ctx: RequestContext) => (u.institution ? ctx.loaders.institution.load(u.institution) : null),
    wholeInstitution: (u: UserRecord) => Boolean(u.wholeInstitution),
    departments: async (u: UserRecord, _: unknown, ctx: RequestContext) => (await ctx.loaders.department.loadMany(u.departments ?? [])).filter((d) => d && !(d instanceof Error)),
    unionGroups: async (u: UserRecord, _: unknown, ctx: RequestContext) => (await ctx.loaders.unionGroup.loadMany(u.unionGroups ?? [])).filter((g) => g && !(g instanceof Error)),
  },
};
