import type { GraphQLResolveInfo } from 'graphql';
import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import { selectedFieldsAt } from '../../shared/selection.js';
import { awardResultLabel } from '../vocabulary/numbers.js';
import { label } from '../vocabulary/vocabulary.js';
import type { AchievementRecord } from './model.js';
import type { AchievementFilter, AchievementOrder } from './query.js';
import { TYPE_NAMES } from './shared.js';
import { revisionsOf } from './history.js';
import type { PageJoin } from './joined-page.js';
import { collectiveName, type StoredCollective } from './recipients.js';
import { statLabels, type StatDimension, type StatGroup } from './stats.js';

type Input = { input: unknown };
type ListArgs = PageArgs & { filter?: AchievementFilter | null; orderBy: AchievementOrder };
type Collective = StoredCollective | null | undefined;

const present = <T>(items: (T | null | Error)[]) => items.filter((x): x is T => Boolean(x) && !(x instanceof Error));

/** Field resolvers shared by everything that passes through the verification workflow. */
export const workflowFieldResolvers = {
  statusLabel: (r: { status: string }) => label('recordStatus', r.status),
  history: revisionsOf,
  statusLog: (r: { statusLog?: unknown[] }) => r.statusLog ?? [],
};

export const collectiveResolver = (c: Collective, ctx: RequestContext) => {
  if (!c) return null;
  const self = ctx.institution?.selfReference ?? '全院';
  if (c.kind === 'INSTITUTION') return { kind: 'INSTITUTION', department: null, team: Boolean(c.team), name: collectiveName(c, null, self) };
  return ctx.loaders.department.load(c.department!).then((d) => ({ kind: 'DEPARTMENT', department: d, team: Boolean(c.team), name: collectiveName(c, d?.name ?? '（已删除的科室）', self) }));
};

const common = {
  ...workflowFieldResolvers,
  id: (a: AchievementRecord) => toGlobalId(TYPE_NAMES[a.kind], a._id),
  levelLabel: (a: AchievementRecord) => label('level', a.level),
  resultLabel: (a: AchievementRecord) => {
    if (a.kind === 'AWARD') return awardResultLabel(a);
    if (a.kind === 'MODEL_WORKER') return label('modelWorkerTitle', a.designation!);
    return a.title;
  },
  people: async (a: AchievementRecord, _: unknown, ctx: RequestContext) => present(await ctx.loaders.person.loadMany(a.people)),
  collective: (a: AchievementRecord, _: unknown, ctx: RequestContext) => collectiveResolver(a.collective, ctx),
  departments: async (a: AchievementRecord, _: unknown, ctx: RequestContext) => present(await ctx.loaders.department.loadMany(a.departments)),
};

const list = (ctx: RequestContext, a: ListArgs, info: GraphQLResolveInfo, extra: Record<string, unknown> = {}) => {
  const fields = selectedFieldsAt(info, ['edges', 'node']);
  return ctx.services.achievements.list(a.filter, a.orderBy, a, extra, fields, pageJoins(fields, info));
};

/** The records a page's rows show, read with the page: recipients, their departments, competitions. */
function pageJoins(fields: ReadonlySet<string>, info: GraphQLResolveInfo): Set<PageJoin> {
  const joins = new Set<PageJoin>();
  if (fields.has('people')) joins.add('people');
  if (fields.has('competition')) joins.add('competition');
  // An achievement's departments are its recipients' (and a collective's) at entry.
  const recipientDepartments = fields.has('people') && selectedFieldsAt(info, ['edges', 'node', 'people']).has('department');
  if (fields.has('departments') || fields.has('collective') || recipientDepartments) joins.add('departments');
  return joins;
}

export const achievementResolvers = {
  Query: {
    achievements: (_: unknown, a: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(ctx, a, info),
    awardCheck: async (_: unknown, { input }: Input, ctx: RequestContext) => {
      const checked = await payload('award', () => ctx.services.awards.create(input, { dryRun: true }));
      return { warnings: checked.award?.warnings ?? [], userErrors: checked.userErrors };
    },
    achievementStats: (_: unknown, a: { filter?: AchievementFilter | null; groupBy: StatDimension[] }, ctx: RequestContext) => ctx.services.achievements.stats(a.filter, a.groupBy),
  },
  AchievementGroup: {
    ...statLabels,
    department: (g: StatGroup, _: unknown, ctx: RequestContext) => (g.department ? ctx.loaders.department.load(g.department) : null),
    unionGroup: (g: StatGroup, _: unknown, ctx: RequestContext) => (g.unionGroup ? ctx.loaders.unionGroup.load(g.unionGroup) : null),
    institution: (g: StatGroup, _: unknown, ctx: RequestContext) => (g.institution ? ctx.loaders.institution.load(g.institution) : null),
  },
  Achievement: {
    __resolveType: (a: AchievementRecord) => TYPE_NAMES[a.kind],
  },
  Award: {
    ...common,
    competition: (a: AchievementRecord, _: unknown, ctx: RequestContext) => ctx.loaders.competition.load(a.competition!),
    gradeLabel: (a: AchievementRecord) => (a.grade ? label('grade', a.grade) : null),
    honours: (a: AchievementRecord, _: unknown, ctx: RequestContext) => ctx.loaders.honoursByAward.load(a._id),
  },
  Honour: {
    ...common,
    honourKindLabel: (h: AchievementRecord) => label('honourKind', h.honourKind!),
    sinceUnknown: (h: AchievementRecord) => Boolean(h.sinceUnknown),
    award: (h: AchievementRecord, _: unknown, ctx: RequestContext) => (h.award ? ctx.loaders.achievement.load(h.award) : null),
    campaign: (h: AchievementRecord, _: unknown, ctx: RequestContext) => (h.campaign ? ctx.loaders.campaign.load(h.campaign) : null),
    state: (h: AchievementRecord) => h.state ?? 'ACTIVE',
    stateLabel: (h: AchievementRecord) => label('honourState', h.state ?? 'ACTIVE'),
    stateLog: (h: AchievementRecord) => h.stateLog ?? [],
  },
  ModelWorkerDesignation: {
    ...common,
    designationLabel: (d: AchievementRecord) => label('modelWorkerTitle', d.designation!),
  },
  ModelWorkerStudio: {
    members: async (s: { members: Types.ObjectId[] }, _: unknown, ctx: RequestContext) => present(await ctx.loaders.person.loadMany(s.members ?? [])),
  },
  Person: {
    achievements: (p: { _id: Types.ObjectId }, a: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(ctx, a, info, { people: p._id }),
    achievementCounts: (p: { _id: Types.ObjectId }, a: { status?: string | null }, ctx: RequestContext) => ctx.services.achievements.counts({ people: p._id }, a.status),
  },
  Department: {
    achievements: (d: { _id: Types.ObjectId }, a: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => list(ctx, a, info, { departments: d._id }),
    achievementCounts: (d: { _id: Types.ObjectId }, a: { status?: string | null }, ctx: RequestContext) => ctx.services.achievements.counts({ departments: d._id }, a.status),
  },
  Mutation: {
    awardCreate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings('award', () => ctx.services.awards.create(input)),
    awardUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings('award', () => ctx.services.awards.update(input)),
    awardSubmit: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => noWarnings('award', () => ctx.services.awards.workflow.submit(input)),
    awardVerify: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => noWarnings('award', () => ctx.services.awards.workflow.verify(input)),
    awardReturn: (_: unknown, { input }: Input, ctx: RequestContext) => noWarnings('award', () => ctx.services.awards.workflow.return(input)),
    awardDelete: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => payload('deletedId', () => ctx.services.awards.workflow.delete(input)),

    honourConfer: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings('honour', () => ctx.services.honours.confer(input)),
    honourUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings('honour', () => ctx.services.honours.update(input)),
    honourSubmit: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => noWarnings('honour', () => ctx.services.honours.workflow.submit(input)),
    honourVerify: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => noWarnings('honour', () => ctx.services.honours.workflow.verify(input)),
    honourReturn: (_: unknown, { input }: Input, ctx: RequestContext) => noWarnings('honour', () => ctx.services.honours.workflow.return(input)),
    honourDelete: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => payload('deletedId', () => ctx.services.honours.workflow.delete(input)),
    honourReview: (_: unknown, { input }: Input, ctx: RequestContext) => noWarnings('honour', () => ctx.services.honours.review(input)),
    honourRevoke: (_: unknown, { input }: Input, ctx: RequestContext) => noWarnings('honour', () => ctx.services.honours.revoke(input)),

    modelWorkerDesignate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings('designation', () => ctx.services.designations.designate(input)),
    modelWorkerDesignationUpdate: (_: unknown, { input }: Input, ctx: RequestContext) => withWarnings('designation', () => ctx.services.designations.update(input)),
    modelWorkerDesignationSubmit: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => noWarnings('designation', () => ctx.services.designations.workflow.submit(input)),
    modelWorkerDesignationVerify: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => noWarnings('designation', () => ctx.services.designations.workflow.verify(input)),
    modelWorkerDesignationReturn: (_: unknown, { input }: Input, ctx: RequestContext) => noWarnings('designation', () => ctx.services.designations.workflow.return(input)),
    modelWorkerDesignationDelete: (_: unknown, { input }: { input: { id: string } }, ctx: RequestContext) => payload('deletedId', () => ctx.services.designations.workflow.delete(input)),
  },
};

/** A payload whose service returns `{ [key]: record, warnings }`. */
async function withWarnings<K extends string>(key: K, run: () => Promise<Record<K, unknown> & { warnings: unknown[] }>) {
  const result = await payload('result', run);
  return { [key]: result.result?.[key] ?? null, warnings: result.result?.warnings ?? [], userErrors: result.userErrors };
}

/** A payload for a workflow step (no warnings). */
async function noWarnings<K extends string>(key: K, run: () => Promise<unknown>) {
  const result = await payload(key, run);
  return { ...result, warnings: [] };
}
