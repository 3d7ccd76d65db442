import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import { label } from '../vocabulary/vocabulary.js';
import { federationMarkdown } from './export.js';
import type { FederationReport } from './service.js';

export const federationResolvers = {
  Query: {
    federationReport: (_: unknown, a: { year: number; institutionIds?: string[] | null }, ctx: RequestContext) =>
      ctx.slots.reports.run(ctx.guard.requireViewer().userId, () => ctx.services.federation.report(a.year, a.institutionIds)),
  },
  FederationReport: {
    institutionCount: (r: FederationReport) => r.institutions.length,
    totals: (r: FederationReport) =>
      r.totals.map((t) => ({ ...t, institution: t.record, byLevel: t.byLevel.map((l) => ({ ...l, label: label('level', l.level) })) })),
    ranked: (r: FederationReport) => r.ranked.map((x, i) => ({ rank: i + 1, institution: x.institution, achievement: x.record, recipients: x.who, result: x.result })),
    leaders: (r: FederationReport) => r.leaders.map((l) => ({ level: l.level, label: label('level', l.level), institutions: l.institutions })),
    narrative: (r: FederationReport) => ({ text: r.narrative.map((s) => s.text).join(''), sentences: r.narrative }),
    markdown: (r: FederationReport) => federationMarkdown(r),
  },
  FederationSentence: {
    institutionIds: (s: { institutionIds: string[] }) => s.institutionIds,
  },
  InstitutionCount: {
    id: (x: { institution: { _id: unknown } }) => toGlobalId('Institution', String(x.institution._id)),
  },
};
