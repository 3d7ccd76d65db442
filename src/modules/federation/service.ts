// The federation report: a year's verified achievements of many institutions side by side,
// the best results ranked across them, the leaders at each level, and a drafted
// system-level narrative (全系统…). For the federation roles.
import { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { badUserInput } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import type { AchievementRecord } from '../achievements/model.js';
import { TYPE_NAMES } from '../achievements/shared.js';
import type { InstitutionRecord } from '../institutions/model.js';
import { awardResultLabel } from '../vocabulary/numbers.js';
import type { Level } from '../vocabulary/vocabulary.js';
import { topRecords, totalsByInstitution, type InstitutionTotals } from './data.js';
import { draftFederationNarrative, type FederationSentence } from './narrative.js';
import { t } from '../../shared/i18n/t.js';
import { collectiveName } from '../achievements/recipients.js';

/** Levels whose results the cross-institution ranking lists. */
export const RANKED_LEVELS: Level[] = ['INTERNATIONAL', 'NATIONAL', 'PROVINCIAL'];
const LEADERS_PER_LEVEL = 3;
const HIGHLIGHTS = 10;
/** The ranked list shows the best results; a system report lists hundreds, not every one. */
export const RANKED_LIMIT = 500;
const MAX_INSTITUTIONS = 1000;

export interface FederationReport {
  year: number;
  generatedAt: Date;
  institutions: InstitutionRecord[];
  totals: (InstitutionTotals & { record: InstitutionRecord })[];
  ranked: { record: AchievementRecord; institution: InstitutionRecord; who: string; result: string }[];
  /** How many results the ranked levels hold in all (the list shows the first RANKED_LIMIT). */
  rankedTotal: number;
  leaders: { level: Level; institutions: { institution: InstitutionRecord; count: number }[] }[];
  narrative: FederationSentence[];
}

export class FederationService {
  constructor(private readonly ctx: RequestContext) {}

  async report(year: number, institutionIds: string[] | null | undefined): Promise<FederationReport> {
    this.ctx.guard.requireRole(['FEDERATION_ADMIN', 'FEDERATION_VIEWER'], t('action.federationReport'));
    const now = new Date().getUTCFullYear();
    if (!Number.isInteger(year) || year < now - 100 || year > now + 1) throw badUserInput(t('year.between', { from: now - 100, to: now + 1 }), 'year');
    const institutions = await this.institutionsFor(institutionIds);
    const ids = institutions.map((i) => i._id);
    const [totals, top] = await Promise.all([totalsByInstitution(this.ctx.models, year, ids), topRecords(this.ctx.models, year, ids, RANKED_LEVELS, RANKED_LIMIT)]);
    const byId = new Map(institutions.map((i) => [String(i._id), i]));
    const ranked = await this.describe(top.records, byId);
    const leaders = RANKED_LEVELS.map((level) => ({
      level,
      institutions: totals
        .map((t) => ({ institution: byId.get(String(t.institution))!, count: t.byLevel.find((l) => l.level === level)?.count ?? 0 }))
        .filter((x) => x.count > 0)
        .sort((a, b) => b.count - a.count || a.institution.code.localeCompare(b.institution.code))
        .slice(0, LEADERS_PER_LEVEL),
    }));
    const name = (i: InstitutionRecord) => i.shortName || i.name;
    const narrative = draftFederationNarrative({
      year,
      institutions: totals.map((t) => ({ ...t, id: toGlobalId('Institution', t.institution), name: name(byId.get(String(t.institution))!) })),
      leaders: leaders.map((l) => ({ level: l.level, institutions: l.institutions.map((x) => ({ id: toGlobalId('Institution', x.institution._id), name: name(x.institution), count: x.count })) })),
      highlights: ranked
        .filter((r) => r.record.level !== 'PROVINCIAL')
        .slice(0, HIGHLIGHTS)
        .map((r) => ({ id: toGlobalId(TYPE_NAMES[r.record.kind], r.record._id), institutionId: toGlobalId('Institution', r.institution._id), text: r.record.kind === 'AWARD' ? `${name(r.institution)}${r.who}在${r.record.title}中荣获${r.result}` : `${name(r.institution)}${r.who}获${r.record.title}` })),
    });
    this.ctx.metrics.reportBuilt('federation');
    return { year, generatedAt: new Date(), institutions, totals: totals.map((t) => ({ ...t, record: byId.get(String(t.institution))! })), ranked, rankedTotal: top.total, leaders, narrative };
  }

  /** The institutions named, or every real (non-demo) one. */
  private async institutionsFor(institutionIds: string[] | null | undefined): Promise<InstitutionRecord[]> {
    const { Institution } = this.ctx.models;
    if (!institutionIds?.length) return (await Institution.find({ demo: false }).sort({ code: 1 }).limit(MAX_INSTITUTIONS).lean()) as InstitutionRecord[];
    if (institutionIds.length > MAX_INSTITUTIONS) throw badUserInput(t('institution.tooMany', { max: MAX_INSTITUTIONS }), 'institutionIds');
    const ids = institutionIds.map((gid, i) => {
      const id = idOfType(gid, 'Institution');
      if (!id) throw badUserInput(t('institution.notAnId', { index: i }), `institutionIds.${i}`);
      return id;
    });
    const found = (await Institution.find({ _id: { $in: ids } }).sort({ code: 1 }).lean()) as InstitutionRecord[];
    const missing = institutionIds.filter((_, i) => !found.some((f) => f._id.equals(ids[i])));
    if (missing.length) throw badUserInput(t('institution.noneOf', { ids: missing }), 'institutionIds');
    return found;
  }

  /** Recipients and results in words, names read in one query per collection. */
  private async describe(records: AchievementRecord[], institutions: Map<string, InstitutionRecord>) {
    const { Person, Department } = this.ctx.models;
    const personIds = [...new Set(records.flatMap((r) => r.people.map(String)))].map((id) => new Types.ObjectId(id));
    const departmentIds = records.flatMap((r) => (r.collective?.department ? [r.collective.department] : []));
    const [people, departments] = await Promise.all([Person.find({ _id: { $in: personIds } }, { name: 1 }).lean(), Department.find({ _id: { $in: departmentIds } }, { name: 1 }).lean()]);
    const names = new Map([...people, ...departments].map((d) => [String(d._id), d.name]));
    return records.map((record) => {
      const institution = institutions.get(String(record.institution))!;
      // The institution column names the hospital: its own collective reads empty, its team 代表队.
      const collective = record.collective ? collectiveName(record.collective, names.get(String(record.collective.department)), '') : '';
      const who = [...record.people.map((p) => names.get(String(p)) ?? ''), collective].filter(Boolean).join('、');
      const result = record.kind === 'AWARD' ? awardResultLabel(record) : record.title;
      return { record, institution, who, result };
    });
  }
}
