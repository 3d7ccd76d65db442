import { GraphQLScalarType } from 'graphql';
import type { RequestContext } from './context.js';
import { achievementResolvers } from './modules/achievements/resolvers.js';
import { auditResolvers } from './modules/audit/resolvers.js';
import { campaignResolvers } from './modules/campaigns/resolvers.js';
import { competitionResolvers } from './modules/competitions/resolvers.js';
import { donationResolvers } from './modules/donations/resolvers.js';
import { importResolvers } from './modules/imports/resolvers.js';
import { institutionResolvers } from './modules/institutions/resolvers.js';
import { federationResolvers } from './modules/federation/resolvers.js';
import { reportResolvers } from './modules/reports/resolvers.js';
import { settingsResolvers } from './modules/settings/resolvers.js';
import { vocabularyResolvers } from './modules/vocabulary/resolvers.js';
import { organisationResolvers } from './modules/organisation/resolvers.js';
import { peopleResolvers } from './modules/people/resolvers.js';
import { userResolvers } from './modules/users/resolvers.js';
import { atomically } from './shared/atomic.js';
import { fromGlobalId } from './shared/ids.js';
import { DateScalar, DateTimeScalar } from './shared/scalars.js';
import { t } from './shared/i18n/t.js';

/** Which loader fetches each Node type, and who may read it. */
const NODE_LOADERS = {
  Department: (ctx: RequestContext) => ctx.loaders.department,
  UnionGroup: (ctx: RequestContext) => ctx.loaders.unionGroup,
  Person: (ctx: RequestContext) => ctx.loaders.person,
  User: (ctx: RequestContext) => (ctx.guard.requireRole(['ADMIN', 'FEDERATION_ADMIN'], t('action.readAccounts')), ctx.loaders.user),
  Competition: (ctx: RequestContext) => ctx.loaders.competition,
  Award: (ctx: RequestContext) => ctx.loaders.achievement,
  Honour: (ctx: RequestContext) => ctx.loaders.achievement,
  ModelWorkerDesignation: (ctx: RequestContext) => ctx.loaders.achievement,
  CivilisedPostCampaign: (ctx: RequestContext) => ctx.loaders.campaign,
  Donation: (ctx: RequestContext) => ctx.loaders.donation,
  Institution: (ctx: RequestContext) => ({ load: (id: unknown) => ctx.services.institutions.byId(id as never) }),
} as const;

/** Achievements share a collection: a global id's type must match the record's kind. */
const KIND_OF_TYPE: Record<string, string> = { Award: 'AWARD', Honour: 'HONOUR', ModelWorkerDesignation: 'MODEL_WORKER' };

const baseResolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: {
    node: async (_: unknown, { id }: { id: string }, ctx: RequestContext) => {
      ctx.guard.requireViewer();
      const parsed = fromGlobalId(id);
      // Own keys only: a type part such as __proto__ names no loader.
      if (!parsed || !Object.hasOwn(NODE_LOADERS, parsed.type)) return null;
      const loader = NODE_LOADERS[parsed.type as keyof typeof NODE_LOADERS];
      const doc = (await loader(ctx).load(parsed.id)) as Record<string, unknown> | null;
      if (!doc || (Object.hasOwn(KIND_OF_TYPE, parsed.type) && doc.kind !== KIND_OF_TYPE[parsed.type])) return null;
      return { ...doc, __typename: parsed.type };
    },
  },
  Node: {
    __resolveType: (obj: { __typename?: string }) => obj.__typename ?? null,
  },
};

const modules = [
  baseResolvers,
  userResolvers,
  organisationResolvers,
  peopleResolvers,
  auditResolvers,
  vocabularyResolvers,
  competitionResolvers,
  achievementResolvers,
  campaignResolvers,
  donationResolvers,
  reportResolvers,
  importResolvers,
  settingsResolvers,
  institutionResolvers,
  federationResolvers,
];

/** All resolvers, merged per type. */
const merged = modules.reduce<Record<string, Record<string, unknown>>>((all, mod) => {
  for (const [type, fields] of Object.entries(mod)) {
    // Scalars are class instances: keep them whole.
    all[type] = fields instanceof GraphQLScalarType ? (fields as never) : { ...(all[type] ?? {}), ...(fields as object) };
  }
  return all;
}, {});

/** Mutations that write no record: sign-in (its throttle is its own). */
const NOT_ATOMIC = new Set(['login']);

type Resolver = (parent: unknown, args: unknown, ctx: RequestContext, info: unknown) => Promise<unknown>;
/** Thrown to roll a transaction back when the mutation refused its input (userErrors). */
class Refused {
  constructor(readonly payload: unknown) {}
}

/**
 * Each mutation in one transaction. A payload with userErrors wrote nothing by contract:
 * its transaction is rolled back too (an index refusal inside it has aborted it anyway).
 */
function atomicMutation(resolve: Resolver): Resolver {
  return async (parent, args, ctx, info) => {
    try {
      return await atomically(ctx.models, async () => {
        const payload = await resolve(parent, args, ctx, info);
        const errors = (payload as { userErrors?: unknown[] } | null)?.userErrors;
        if (Array.isArray(errors) && errors.length) throw new Refused(payload);
        return payload;
      });
    } catch (e) {
      if (e instanceof Refused) return e.payload;
      throw e;
    }
  };
}

export const resolvers = {
  ...merged,
  Mutation: Object.fromEntries(Object.entries(merged.Mutation).map(([name, resolve]) => [name, NOT_ATOMIC.has(name) ? resolve : atomicMutation(resolve as Resolver)])),
};
