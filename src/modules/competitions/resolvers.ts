import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import { selectedFieldsAt } from '../../shared/selection.js';
import { label, levelRank } from '../vocabulary/vocabulary.js';
import type { CompetitionRecord } from './model.js';
import type { CompetitionFilter } from './service.js';

type Input = { input: unknown };

async function withWarnings(run: () => Promise<{ competition: CompetitionRecord; warnings: unknown[] }>) {
  const r = await payload('result', run);
  return { competition: r.result?.competition ?? null, warnings: r.result?.warnings ?? [], userErrors: r.userErrors };
}

export const competitionResolvers = {
  Query: {
    competitions: (_: unknown, a: PageArgs & { filter?: CompetitionFilter | null }, ctx: RequestContext) => ctx.services.competitions.list(a.filter, a),
  },
  Mutation: {
    competitionCreate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings(() => ctx.services.competitions.create(input)),
    competitionUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings(() => ctx.services.competitions.update(input)),
    competitionDelete: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => payload('deletedId', () => ctx.services.competitions.remove(input.id)),
  },
  Competition: {
    id: (c: CompetitionRecord) => toGlobalId('Competition', c._id),
    shared: (c: CompetitionRecord) => c.institution == null,
    hostedByUnion: (c: CompetitionRecord) => Boolean(c.hostedByUnion),
    levelLabel: (c: CompetitionRecord) => label('level', c.level),
    levelRank: (c: CompetitionRecord) => levelRank(c.level),
    categoryLabel: (c: CompetitionRecord) => label('category', c.category),
    awards: (c: CompetitionRecord, a: PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      ctx.services.achievements.list({ kind: 'AWARD' }, 'RANK', a, { competition: c._id }, selectedFieldsAt(info, ['edges', 'node'])),
  },
};
