import type { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { writeOrDuplicate } from '../../shared/duplicates.js';
import { withinInstitution } from '../../shared/tenancy.js';
import { userError } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { optionalText, parseInput, text } from '../../shared/validation.js';
import { escapeRegex } from '../organisation/service.js';
import type { AchievementRecord } from '../achievements/model.js';
import { refreshAwardYears } from '../achievements/award-years.js';
import { resultOf } from '../achievements/ranking.js';
import { normalizeName, similarity, SIMILAR_THRESHOLD } from '../achievements/similarity.js';
import { CATEGORIES, LEVELS, values } from '../vocabulary/vocabulary.js';
import type { CompetitionRecord } from './model.js';
import { t, type Text } from '../../shared/i18n/t.js';
import { insertDocument } from '../../shared/insert-batch.js';

export const yearSchema = z
  .number({ error: () => t('record.year.whole') })
  .int({ error: () => t('record.year.whole') })
  .min(1950, { error: () => t('record.year.from1950') })
  .refine((y) => y <= new Date().getUTCFullYear() + 1, { error: () => t('record.year.future') });

const fields = {
  name: text('field.name', 100),
  brand: optionalText('field.brand', 30),
  organiser: optionalText('field.organiser', 100),
  level: z.enum(values(LEVELS)),
  sector: optionalText('field.sector', 30),
  category: z.enum(values(CATEGORIES)),
  year: yearSchema,
  edition: optionalText('field.edition', 20),
  hostedByUnion: z.boolean().nullish(),
  participants: z.number().int({ error: () => t('competition.participantsRange') }).min(1, { error: () => t('competition.participantsRange') }).max(100000, { error: () => t('competition.participantsRange') }).nullish(),
  participantsApprox: z.enum(['OVER', 'NEARLY']).nullish(),
};

type Hosting = { hostedByUnion?: boolean | null; participants?: number | null; participantsApprox?: string | null; shared?: boolean | null };

/** A count of participants belongs to the union's own event; its 余/近 to a count. */
function hostingProblems(c: Hosting) {
  if (c.hostedByUnion && c.shared) throw userError(['input', 'hostedByUnion'], 'INVALID', t('competition.hostedNotShared'));
  if (c.participants != null && !c.hostedByUnion) throw userError(['input', 'participants'], 'INVALID', t('competition.participantsNeedHosted'));
  if (c.participantsApprox && c.participants == null) throw userError(['input', 'participantsApprox'], 'INVALID', t('competition.approxNeedsCount'));
}
const createSchema = z.object({ ...fields, shared: z.boolean().nullish() });
const updateSchema = z.object({ id: z.string() }).extend(z.object(fields).partial().shape);
const { shared: _shared, ...editable } = createSchema.shape;

export interface CompetitionFilter {
  year?: number | null;
  level?: string | null;
  category?: string | null;
  search?: string | null;
}

export interface Warning {
  code: 'SIMILAR_RECORD' | 'LEVEL_UNSPECIFIED';
  message: string;
  recordId: string | null;
}

/** A record without its level counts apart from every level: say so at entry. */
export const levelWarnings = (level: string): Warning[] => (level === 'UNSPECIFIED' ? [{ code: 'LEVEL_UNSPECIFIED', message: t('record.levelUnspecified'), recordId: null }] : []);

/** The display title of a competition: brand first when there is one (“桐君堂杯”…). */
export function competitionTitle(c: { name: string; brand?: string | null }): string {
  return c.brand && !c.name.includes(c.brand) ? `“${c.brand}”${c.name}` : c.name;
}

export class CompetitionService {
  constructor(private readonly ctx: RequestContext) {}

  list(filter: CompetitionFilter | null | undefined, page: PageArgs) {
    this.ctx.guard.requireViewer();
    const query: Record<string, unknown> = {};
    if (filter?.year != null) query.year = filter.year;
    if (filter?.level) query.level = filter.level;
    if (filter?.category) query.category = filter.category;
    if (filter?.search) {
      const re = new RegExp(escapeRegex(filter.search.slice(0, 100)), 'i');
      query.$or = [{ name: re }, { brand: re }];
    }
    return paginate<CompetitionRecord>(this.ctx.models.Competition, query, { field: 'year', direction: -1 }, page);
  }

  async load(globalId: string, field: string[]): Promise<CompetitionRecord> {
    const id = idOfType(globalId, 'Competition');
    const competition = id ? ((await this.ctx.models.Competition.findById(id).lean()) as CompetitionRecord | null) : null;
    if (!competition) throw userError(field, 'NOT_FOUND', t('competition.notFound', { id: globalId }));
    return competition;
  }

  /** Competitions of that year whose names are similar (not equal) to `name`. */
  async similar(name: string, year: number, self?: Types.ObjectId): Promise<Warning[]> {
    const sameYear = (await this.ctx.models.Competition.find({ year }, { name: 1, brand: 1 }).lean()) as CompetitionRecord[];
    return sameYear
      .filter((c) => !(self && c._id.equals(self)) && normalizeName(c.name) !== normalizeName(name) && similarity(c.name, name) >= SIMILAR_THRESHOLD)
      .map((c) => ({ code: 'SIMILAR_RECORD' as const, message: t('competition.similar', { name: c.name, year }), recordId: toGlobalId('Competition', c._id) }));
  }

  private async assertNew(name: string, year: number, self?: Types.ObjectId) {
    const existing = (await this.ctx.models.Competition.findOne({ year, normalizedName: normalizeName(name) }).lean()) as CompetitionRecord | null;
    if (existing && !(self && existing._id.equals(self))) {
      throw userError(['input', 'name'], 'DUPLICATE', t('competition.duplicate', { name: existing.name, year, id: toGlobalId('Competition', existing._id) }));
    }
  }

  /**
   * With `warnings: false` the similar-name lookup is skipped, for callers that keep no
   * warnings (imports); with `knownNew`, the caller has just read that there is none of that
   * name and year (an import's memo), and the unique index alone refuses a twin.
   */
  async create(input: unknown, options: { dryRun?: boolean; warnings?: boolean; knownNew?: boolean } = {}): Promise<{ competition: CompetitionRecord; warnings: Warning[] }> {
    this.ctx.guard.requireRole(['ADMIN', 'VERIFIER', 'CLERK'], t('action.addCompetition'));
    const { shared, ...data } = parseInput(createSchema, input);
    hostingProblems({ ...data, shared });
    // The report states the union's own events as fact: a verifier's or an admin's word.
    if (data.hostedByUnion) this.ctx.guard.requireRole(['ADMIN', 'VERIFIER'], t('action.markHosted'));
    if (!options.knownNew) await this.assertNew(data.name, data.year);
    const warnings = options.warnings === false ? [] : [...levelWarnings(data.level), ...(await this.similar(data.name, data.year))];
    if (options.dryRun) return { competition: { ...data, normalizedName: normalizeName(data.name) } as unknown as CompetitionRecord, warnings };
    // Shared: in the federation catalogue (no institution), for every hospital that enters it.
    const doc = await writeOrDuplicate(
      // In an import chunk's batch, with the chunk's records (a twin meets the unique index there).
      () => insertDocument(this.ctx.models.Competition, { ...data, normalizedName: normalizeName(data.name), ...(shared ? { institution: null } : {}) }),
      { normalizedName: 'name', year: 'name' },
      'competition',
    );
    const competition = doc as unknown as CompetitionRecord;
    await this.ctx.services.audit.record('competitionCreate', 'Competition', competition._id, null, competition);
    return { competition, warnings };
  }

  /**
   * The competition of that name and year, added if the registry does not know it yet (isNew:
   * added now); `knownNew` as for create.
   */
  async findOrCreate(input: { name: string; year: number }, options: { knownNew?: boolean } = {}): Promise<{ competition: CompetitionRecord; isNew: boolean }> {
    const find = () => this.ctx.models.Competition.findOne({ year: input.year, normalizedName: normalizeName(input.name) }).lean() as Promise<CompetitionRecord | null>;
    const existing = options.knownNew ? null : await find();
    if (existing) return { competition: existing, isNew: false };
    try {
      return { competition: (await this.create(input, { warnings: false, knownNew: options.knownNew })).competition, isNew: true };
    } catch (e) {
      const raced = await find();
      if (raced) return { competition: raced, isNew: false };
      throw e;
    }
  }

  /** The competition, if the viewer may correct (or delete) it: the catalogue is the federation's, an institution's own entries its own. */
  private async loadToChange(id: string, action: Text): Promise<CompetitionRecord> {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'VERIFIER', 'FEDERATION_ADMIN'], action);
    const before = await this.load(id, ['input', 'id']);
    const catalogue = before.institution == null;
    if (catalogue !== (viewer.role === 'FEDERATION_ADMIN')) {
      throw userError(['input', 'id'], 'INVALID_STATE', t(catalogue ? 'competition.catalogueOwner' : 'competition.institutionOwner', { name: before.name }));
    }
    return before;
  }

  /** Deletes a competition no award refers to. */
  async remove(id: string): Promise<string> {
    const before = await this.loadToChange(id, t('action.deleteCompetition'));
    const awards = await this.ctx.models.Award.countDocuments({ competition: before._id });
    if (awards) throw userError(['input', 'id'], 'INVALID_STATE', t('competition.inUse', { name: before.name, count: awards }));
    await this.ctx.models.Competition.deleteOne({ _id: before._id });
    await this.ctx.services.audit.record('competitionDelete', 'Competition', before._id, before, null);
    return toGlobalId('Competition', before._id);
  }

  async update(input: unknown): Promise<{ competition: CompetitionRecord; warnings: Warning[] }> {
    this.ctx.guard.requireRole(['ADMIN', 'VERIFIER', 'FEDERATION_ADMIN'], t('action.changeCompetition'));
    const { id, ...patch } = parseInput(updateSchema, input);
    const before = await this.loadToChange(id, t('action.changeCompetition'));
    const set: Record<string, unknown> = {};
    const unset: Record<string, ''> = {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === null) {
        if (k in editable && !['brand', 'organiser', 'sector', 'edition', 'hostedByUnion', 'participants', 'participantsApprox'].includes(k)) throw userError(['input', k], 'REQUIRED', t('record.cannotClear', { field: k }));
        unset[k] = '';
      } else set[k] = v;
    }
    const hosting: Hosting = { ...before, ...set, shared: !before.institution };
    for (const k of Object.keys(unset)) delete hosting[k as keyof Hosting];
    hostingProblems(hosting);
    const name = (set.name as string | undefined) ?? before.name;
    const year = (set.year as number | undefined) ?? before.year;
    if (set.name || set.year) {
      await this.assertNew(name, year, before._id);
      set.normalizedName = normalizeName(name);
    }
    const warnings = [...(set.level ? levelWarnings(set.level as string) : []), ...(set.name || set.year ? await this.similar(name, year, before._id) : [])];
    const after = (await writeOrDuplicate(
      () => this.ctx.models.Competition.findByIdAndUpdate(before._id, { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) }, { returnDocument: 'after' }).lean(),
      { normalizedName: 'name', year: 'name' },
      'competition',
    )) as CompetitionRecord;
    await this.refreshAwards(after);
    await this.ctx.services.audit.record('competitionUpdate', 'Competition', before._id, before, after);
    return { competition: after, warnings };
  }

  /**
   * Awards copy their competition's title, level, category and year: keep them in step, in
   * each institution that entered it (ranked by that institution's policy).
   */
  private async refreshAwards(c: CompetitionRecord) {
    const awards = (await this.ctx.models.Award.find({ competition: c._id }, { kind: 1, grade: 1, placement: 1, date: 1, institution: 1, status: 1, people: 1, collective: 1 }).lean()) as AchievementRecord[];
    for (const institution of new Set(awards.map((a) => String(a.institution)))) {
      await withinInstitution(institution, () => this.refreshAwardsWithin(c, awards.filter((a) => String(a.institution) === institution)));
    }
  }

  private async refreshAwardsWithin(c: CompetitionRecord, awards: AchievementRecord[]) {
    const ranker = await this.ctx.services.ranking.rankerOfCurrentInstitution();
    await this.ctx.models.Award.bulkWrite(
      awards.map((a) => ({
        updateOne: {
          filter: { _id: a._id },
          update: {
            $set: { title: competitionTitle(c), level: c.level, category: c.category, year: c.year, ...ranker.fields(c.level, resultOf(a), a.date, c.year) },
          },
        },
      })),
    );
    // Their level and year may have moved: the streaks' summary follows.
    await refreshAwardYears(this.ctx.models, awards);
  }
}
