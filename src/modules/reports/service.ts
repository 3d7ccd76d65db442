// Builds the achievements section of a year's report: ranked verified records, totals,
// donations, streaks, the comparison with the previous year, and the drafted narrative.
import type { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { isFederationRole } from '../../shared/auth/roles.js';
import { badUserInput } from '../../shared/errors.js';
import { withinInstitution } from '../../shared/tenancy.js';
import type { InstitutionRecord } from '../institutions/model.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { TYPE_NAMES } from '../achievements/shared.js';
import { quantityText } from '../donations/service.js';
import { awardResultLabel, peopleCount } from '../vocabulary/numbers.js';
import { competitionTitle } from '../competitions/service.js';
import type { CompetitionRecord } from '../competitions/model.js';
import { donationKind, type Level } from '../vocabulary/vocabulary.js';
import { campaignsFor, donationsFor, rankedRecordsFor, streaksFor, timesTitleWonFor, totalsFor, type DonationGroup, type RankedRecord, type ScopeMatch, type StreakRow, type Totals } from './data.js';
import { competitionName, draftNarrative, type DraftDonation, type DraftRecord, type Paragraph } from './narrative.js';
import { t } from '../../shared/i18n/t.js';
import { collectiveName } from '../achievements/recipients.js';
import { collectiveKey, departmentKey, personKey } from '../achievements/recipient-keys.js';


export interface ReportScopeInput {
  departmentId?: string | null;
  unionGroupId?: string | null;
}

export interface Report {
  year: number;
  institution: InstitutionRecord;
  /** What the report is of, for its title: the institution's name, with a department's or group's. */
  title: string;
  /** How the narrative names who achieved: the institution's self-reference (我院), or the department or group. */
  subject: string;
  department: { _id: Types.ObjectId; name: string } | null;
  unionGroup: { _id: Types.ObjectId; name: string } | null;
  generatedAt: Date;
  ranked: RankedRecord[];
  totals: Totals & { campaignsByStatus: { status: string; count: number }[] };
  previous: Totals & { campaignsByStatus: { status: string; count: number }[] };
  donations: { kind: string; donors: number; quantity: number; approximate: boolean; recordIds: Types.ObjectId[] }[];
  streaks: (StreakRow & { name: string })[];
  narrative: Paragraph[];
  /** Names of the people (P:<id>) and departments (D:<id>) the ranked records mention. */
  narrativeNames: [string, string][];
}

const MAX_YEAR_SPAN = 100;

/** The union names its own officers by their office (工会主席秦颖); other positions it leaves out. */
const UNION_OFFICE = /工会/;

/** A department as a sentence names it: as it is (中药剂科), a body after the institution (我院团委). */
const unitName = (d: { name: string; kind?: string | null }, selfReference: string) => (d.kind === 'BODY' ? `${selfReference}${d.name}` : d.name);

function donationPhrase(g: DonationGroup): string {
  const qty = quantityText({ kind: g.kind, quantity: g.quantity, approximate: g.approximate });
  const { verb } = donationKind(g.kind);
  if (g.mode === 'AGGREGATE') {
    if (g.kind === 'STEM_CELL_REGISTRATION') return `${g.donorCount}名医务人员集体${verb}`;
    return `${g.donorCount}位职工${verb}${qty}`;
  }
  if (g.itemisedPeople) return `${g.itemisedPeople}位职工${verb}${qty}`;
  return `${verb}${qty}`;
}

export class ReportService {
  constructor(private readonly ctx: RequestContext) {}

  /**
   * The institution reported on: the caller's own; a federation role names one. The report
   * is then built inside that institution's tenancy.
   */
  private async institutionFor(institutionId: string | null | undefined): Promise<InstitutionRecord> {
    const viewer = this.ctx.guard.requireViewer();
    const own = this.ctx.institution;
    if (!institutionId) {
      if (!own) throw badUserInput(t('report.federationNamesInstitution'), 'institutionId');
      return own;
    }
    const id = idOfType(institutionId, 'Institution');
    const found = id && (isFederationRole(viewer.role) || (own && own._id.equals(id))) ? await this.ctx.services.institutions.byId(id) : null;
    if (!found) throw badUserInput(t('report.institutionNotFound', { id: institutionId }), 'institutionId');
    return found;
  }

  private async scope(input: ReportScopeInput | null | undefined): Promise<{ match: ScopeMatch; department: Report['department']; unionGroup: Report['unionGroup']; subject: string }> {
    if (input?.departmentId && input?.unionGroupId) throw badUserInput(t('report.scopeOne'), 'scope');
    if (input?.departmentId) {
      const id = idOfType(input.departmentId, 'Department');
      const department = id ? await this.ctx.loaders.department.load(id) : null;
      if (!department) throw badUserInput(t('report.departmentNotFound', { id: input.departmentId }), 'scope.departmentId');
      return { match: { departments: department._id }, department, unionGroup: null, subject: department.name };
    }
    if (input?.unionGroupId) {
      const id = idOfType(input.unionGroupId, 'UnionGroup');
      const group = id ? await this.ctx.loaders.unionGroup.load(id) : null;
      if (!group) throw badUserInput(t('report.unionGroupNotFound', { id: input.unionGroupId }), 'scope.unionGroupId');
      return { match: { unionGroups: group._id }, department: null, unionGroup: group, subject: group.name };
    }
    return { match: {}, department: null, unionGroup: null, subject: '' };
  }

  async build(year: number, scopeInput: ReportScopeInput | null | undefined, institutionId?: string | null): Promise<Report> {
    this.ctx.guard.requireViewer();
    const now = new Date().getUTCFullYear();
    if (!Number.isInteger(year) || year < now - MAX_YEAR_SPAN || year > now + 1) throw badUserInput(t('year.between', { from: now - MAX_YEAR_SPAN, to: now + 1 }), 'year');
    const institution = await this.institutionFor(institutionId);
    const report = await withinInstitution(institution._id, () => this.buildWithin(institution, year, scopeInput));
    this.ctx.metrics.reportBuilt('institution');
    return report;
  }

  private async buildWithin(institution: InstitutionRecord, year: number, scopeInput: ReportScopeInput | null | undefined): Promise<Report> {
    const found = await this.scope(scopeInput);
    const scope = { ...found, subject: found.subject || institution.selfReference };
    const title = found.subject ? `${institution.name}${found.subject}` : institution.name;
    const { models } = this.ctx;
    const ranker = await this.ctx.services.ranking.ranker();
    const [ranked, totals, previous, campaigns, previousCampaigns, streakRows, donationGroups] = await Promise.all([
      rankedRecordsFor(models, year, scope.match),
      totalsFor(models, year, scope.match),
      totalsFor(models, year - 1, scope.match),
      scope.unionGroup ? Promise.resolve([]) : campaignsFor(models, year, scope.department?._id),
      scope.unionGroup ? Promise.resolve([]) : campaignsFor(models, year - 1, scope.department?._id),
      streaksFor(models, year, scope.match, ranker),
      donationsFor(models, year, scope.match),
    ]);

    const streaks = await Promise.all(
      streakRows.map(async (s) => ({
        ...s,
        name: s.person ? ((await this.ctx.loaders.person.load(s.person))?.name ?? '') : ((await this.ctx.loaders.department.load(s.department!))?.name ?? ''),
      })),
    );
    const timesWon = await timesTitleWonFor(models, year, scope.match, ranked.filter((r) => r.kind !== 'AWARD'));
    const { records, names } = await this.draftRecords(ranked, institution.selfReference, timesWon);
    // The union's own events belong to the institution's report, not to a department's or group's.
    const hosted = found.subject ? [] : ((await models.Competition.find({ year, hostedByUnion: true }).sort({ _id: 1 }).lean()) as CompetitionRecord[]);
    const donorDepartments = await this.ctx.loaders.department.loadMany(donationGroups.flatMap((g) => (g.department ? [g.department] : [])));
    const donors = new Map(donorDepartments.flatMap((d) => (d && !(d instanceof Error) ? [[String(d._id), unitName(d, institution.selfReference)] as const] : [])));
    const narrative = draftNarrative({
      year,
      subject: scope.subject,
      staff: found.subject || '全院',
      records,
      hosted: hosted.map((c) => ({ id: toGlobalId('Competition', c._id), name: competitionName(competitionTitle(c), c), category: c.category, participants: c.participants ? peopleCount(c.participants, c.participantsApprox) : null })),
      streaks: streaks.map((s) => ({ recipientKey: s.recipientKey, name: s.name, level: s.level, years: s.years })),
      donations: donationGroups.map(
        (g): DraftDonation => ({ kind: g.kind, campaign: g.campaign, donor: g.department ? (donors.get(String(g.department)) ?? null) : null, byStaff: g.mode === 'AGGREGATE' || g.itemisedPeople > 0, phrase: donationPhrase(g), recordIds: g.recordIds.map((id) => toGlobalId('Donation', id)) }),
      ),
      summary: {
        total: totals.achievements,
        byLevel: totals.byLevel,
        people: totals.peopleAwarded,
        women: totals.womenAwarded,
        previousTotal: previous.achievements || null,
      },
    });

    const byKind = new Map<string, Report['donations'][number]>();
    for (const g of donationGroups) {
      const d = byKind.get(g.kind) ?? { kind: g.kind, donors: 0, quantity: 0, approximate: false, recordIds: [] };
      d.donors += g.donorCount + g.itemisedPeople;
      d.quantity += g.quantity;
      d.approximate ||= g.approximate;
      d.recordIds.push(...g.recordIds);
      byKind.set(g.kind, d);
    }
    return {
      year,
      institution,
      title,
      subject: scope.subject,
      department: scope.department,
      unionGroup: scope.unionGroup,
      generatedAt: new Date(),
      ranked,
      totals: { ...totals, campaignsByStatus: campaigns },
      previous: { ...previous, campaignsByStatus: previousCampaigns },
      donations: [...byKind.values()],
      streaks,
      narrative,
      narrativeNames: [...names],
    };
  }

  /** The records as the drafter needs them: names resolved, results in words. */
  private async draftRecords(records: RankedRecord[], selfReference: string, timesWon: Map<string, number>): Promise<{ records: DraftRecord[]; names: Map<string, string> }> {
    const people = (await this.ctx.loaders.person.loadMany([...new Set(records.flatMap((r) => r.people.map(String)))])).filter((p): p is NonNullable<typeof p> & { _id: Types.ObjectId; name: string; position?: string | null } => Boolean(p) && !(p instanceof Error));
    const personNames = new Map(people.map((p) => [String(p._id), p.name]));
    const unionOffices = new Map(people.flatMap((p) => (p.position && UNION_OFFICE.test(p.position) ? [[String(p._id), p.position] as const] : [])));
    const deps = await this.ctx.loaders.department.loadMany(records.flatMap((r) => (r.collective?.department ? [r.collective.department] : [])));
    const depNames = new Map(deps.filter((d): d is NonNullable<typeof d> & { _id: Types.ObjectId; name: string } => Boolean(d) && !(d instanceof Error)).map((d) => [String(d._id), unitName(d, selfReference)]));
    const names = new Map([...[...personNames].map(([id, n]) => [personKey(id), n] as [string, string]), ...[...depNames].map(([id, n]) => [departmentKey(id), n] as [string, string])]);
    const competitions = await this.ctx.loaders.competition.loadMany(records.flatMap((r) => (r.competition ? [r.competition] : [])));
    const competitionOf = new Map(competitions.flatMap((c) => (c && !(c instanceof Error) ? [[String(c._id), c] as const] : [])));
    const drafted = records.map((r): DraftRecord => {
      const competition = r.competition ? competitionOf.get(String(r.competition)) : undefined;
      const collective = r.collective
        ? { key: collectiveKey(r.collective), name: collectiveName(r.collective, depNames.get(String(r.collective.department)), selfReference) }
        : null;
      return {
        id: toGlobalId(TYPE_NAMES[r.kind], r._id),
        kind: r.kind,
        level: r.level as Level,
        rankKey: r.rankKey,
        date: r.sortDate.toISOString(),
        title: competition ? competitionName(r.title, competition) : r.title,
        category: r.category,
        resultLabel: r.kind === 'AWARD' ? awardResultLabel(r) : r.title,
        vague: r.kind === 'AWARD' && !r.grade && !r.placement,
        people: r.people.map((p) => ({ id: personKey(p), name: personNames.get(String(p)) ?? '', office: unionOffices.get(String(p)) ?? null })),
        collective,
        followsFrom: r.award ? toGlobalId('Award', r.award) : null,
        civilisedPost: r.kind === 'HONOUR' && (r.honourKind === 'CIVILISED_POST' || Boolean(r.campaign)),
        session: r.session,
        organiser: competition?.organiser ?? null,
        sector: r.sector,
        score: r.score,
        asWritten: r.asWritten,
        timesWon: r.kind === 'AWARD' ? null : (timesWon.get(String(r._id)) ?? null),
        holders: r.holderCount ? { count: r.holderCount, noun: r.holderNoun ?? '职工' } : null,
      };
    });
    return { records: drafted, names };
  }
}
