import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../context.js';
import { selectedFieldsAt } from '../../shared/selection.js';
import { toGlobalId } from '../../shared/ids.js';
import { payload } from '../../shared/payload.js';
import { quantityText } from '../donations/service.js';
import { donationKind, label, type Level } from '../vocabulary/vocabulary.js';
import { BOOKKEEPING_FIELDS, type RankedRecord, type Totals } from './data.js';
import { reportMarkdown } from './markdown.js';
import { paragraphText } from './narrative.js';
import type { Report, ReportScopeInput } from './service.js';

type TotalsWithCampaigns = Report['totals'];

const levelCounts = (t: Totals) => t.byLevel.map((l) => ({ level: l.level, label: label('level', l.level), count: l.count }));

const totalsResolver = (t: TotalsWithCampaigns, ctx: RequestContext) => ({
  ...t,
  byLevel: levelCounts(t),
  byCategory: t.byCategory.map((c) => ({ category: c.category, label: label('category', c.category), count: c.count })),
  byDepartment: t.byDepartment.map((d) => ({ department: ctx.loaders.department.load(d.department), count: d.count })),
  womenShare: t.peopleAwarded ? t.womenAwarded / t.peopleAwarded : null,
  campaignsByStatus: t.campaignsByStatus.map((c) => ({ ...c, label: label('campaignStatus', c.status) })),
});

export const reportResolvers = {
  Query: {
    achievementReport: (_: unknown, a: { year: number; institutionId?: string | null; scope?: ReportScopeInput | null }, ctx: RequestContext) =>
      ctx.slots.reports.run(ctx.guard.requireViewer().userId, () => ctx.services.reports.build(a.year, a.scope, a.institutionId)),
    rankingPolicy: (_: unknown, __: unknown, ctx: RequestContext) => ctx.services.ranking.policy(),
  },
  Mutation: {
    rankingPolicyUpdate: async (_: unknown, { input }: { input: unknown }, ctx: RequestContext) => {
      const r = await payload('result', () => ctx.services.ranking.update(input));
      return { policy: r.result?.policy ?? null, reranked: r.result?.reranked ?? null, userErrors: r.userErrors };
    },
  },
  RankedAchievement: {
    // The report holds its records without their bookkeeping; a selection that reads it gets the whole record.
    achievement: (r: { achievement: RankedRecord }, _: unknown, ctx: RequestContext, info: GraphQLResolveInfo) =>
      [...selectedFieldsAt(info, [])].some((f) => BOOKKEEPING_FIELDS.has(f)) ? ctx.loaders.achievement.load(r.achievement._id) : r.achievement,
  },
  AchievementReport: {
    ranked: (r: Report) => r.ranked.map((achievement, i) => ({ rank: i + 1, achievement })),
    totals: (r: Report, _: unknown, ctx: RequestContext) => totalsResolver(r.totals, ctx),
    donations: (r: Report) =>
      r.donations.map((d) => ({
        ...d,
        label: label('donationKind', d.kind),
        unit: donationKind(d.kind).unit,
        text: quantityText(d),
        recordIds: d.recordIds.map((id) => toGlobalId('Donation', id)),
      })),
    streaks: (r: Report, _: unknown, ctx: RequestContext) =>
      r.streaks.map((s) => ({
        ...s,
        person: s.person ? ctx.loaders.person.load(s.person) : null,
        department: s.department ? ctx.loaders.department.load(s.department) : null,
        levelLabel: label('level', s.level),
        toYear: r.year,
      })),
    comparison: (r: Report, _: unknown, ctx: RequestContext) => ({
      previousYear: r.year - 1,
      previous: totalsResolver(r.previous, ctx),
      achievementsDelta: r.totals.achievements - r.previous.achievements,
      peopleAwardedDelta: r.totals.peopleAwarded - r.previous.peopleAwarded,
      byLevel: r.totals.byLevel.map((l) => {
        const previous = r.previous.byLevel.find((p) => p.level === l.level)?.count ?? 0;
        return { level: l.level, label: label('level', l.level as Level), current: l.count, previous, delta: l.count - previous };
      }),
    }),
    narrative: (r: Report) => r.narrative.map((p) => ({ ...p, text: paragraphText(p) })),
    markdown: (r: Report) => reportMarkdown(r),
    demo: (r: Report) => r.institution.demo,
  },
};

