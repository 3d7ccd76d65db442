import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { ErrorList } from '../../shared/duplicates.js';
import { userError, UserInputFailure } from '../../shared/errors.js';
import { toGlobalId } from '../../shared/ids.js';
import { optionalText, parseInput } from '../../shared/validation.js';
import { competitionTitle, levelWarnings, type Warning } from '../competitions/service.js';
import type { CompetitionRecord } from '../competitions/model.js';
import { GRADES, values } from '../vocabulary/vocabulary.js';
import type { AchievementRecord } from './model.js';
import { recipientKey, resolveRecipients, targetsOf, type Recipients } from './recipients.js';
import { resultOf } from './ranking.js';
import { assertDateInYear, collectiveInput, duplicateOf, insertRecord, notFuture, writeUnique } from './shared.js';
import { normalizeName, similarity, SIMILAR_THRESHOLD } from './similarity.js';
import { newRecordFields, Workflow } from './workflow.js';
import { refreshAwardYears } from './award-years.js';
import { t } from '../../shared/i18n/t.js';
import { awardResultLabel } from '../vocabulary/numbers.js';

const fields = {
  competitionId: z.string(),
  personIds: z.array(z.string()).max(50, { error: () => t('award.tooManyPeople') }).nullish(),
  collective: collectiveInput.nullish(),
  grade: z.enum(values(GRADES)).nullish(),
  placement: z.number().int({ error: () => t('award.placementWhole') }).min(1, { error: () => t('award.placementMin') }).max(100, { error: () => t('award.placementMax') }).nullish(),
  resultText: optionalText('field.resultText', 60),
  division: optionalText('field.division', 20),
  date: notFuture,
  certificateNumber: optionalText('field.certificateNumber', 64),
  evidenceNote: optionalText('field.evidenceNote', 500),
  note: optionalText('field.note', 1000),
};
const createSchema = z.object(fields);
const updateSchema = z.object({ id: z.string() }).extend(z.object(fields).partial().shape);

type Result = { grade?: string | null; placement?: number | null; resultText?: string | null; division?: string | null };

/** Exactly one of grade, placement and free text. */
function checkResult(r: Result) {
  const given = (['grade', 'placement', 'resultText'] as const).filter((k) => r[k] != null);
  if (given.length === 0) throw userError(['input', 'grade'], 'REQUIRED', t('award.resultRequired'));
  if (given.length > 1) throw userError(['input', given[1]], 'INVALID', t('award.oneResult', { given }));
}


function resultKey(r: Result): string {
  const division = r.division ? `${normalizeName(r.division)}/` : '';
  if (r.grade) return `${division}g:${r.grade}`;
  if (r.placement) return `${division}p:${r.placement}`;
  return `${division}t:${normalizeName(r.resultText ?? '')}`;
}

/** The first parts of the dedupe keys of one competition's awards. */
export const awardScope = (competition: Types.ObjectId) => `AWARD|${competition}`;

export class AwardService {
  readonly workflow: Workflow<AchievementRecord>;

  constructor(private readonly ctx: RequestContext) {
    this.workflow = new Workflow(ctx, {
      typeName: 'Award',
      operation: 'award',
      noun: 'award',
      model: ctx.models.Award,
      match: { kind: 'AWARD' },
      targets: (c, r) => targetsOf(c, r.people, r.collective),
      written: (before, after) => refreshAwardYears(ctx.models, [before, after]),
    });
  }

  private dedupeKey(competition: Types.ObjectId, recipients: Pick<Recipients, 'people' | 'collective'>, r: Result) {
    return `${awardScope(competition)}|${recipientKey(recipients.people, recipients.collective)}|${resultKey(r)}`;
  }

  /**
   * Awards to the same recipients that year in a similarly named competition, or in this
   * very competition with another result (an exact twin is a DUPLICATE instead).
   */
  private async similar(competition: CompetitionRecord, recipients: Recipients, self?: Types.ObjectId): Promise<Warning[]> {
    const or: Record<string, unknown>[] = [];
    if (recipients.people.length) or.push({ people: { $in: recipients.people } });
    if (recipients.collective?.department) or.push({ 'collective.department': recipients.collective.department });
    if (recipients.collective?.kind === 'INSTITUTION') or.push({ 'collective.kind': 'INSTITUTION' });
    if (!or.length) return [];
    // A single condition goes top-level, where an index (people, collective) can answer it.
    const who = or.length === 1 ? or[0] : { $or: or };
    const others = (await this.ctx.models.Award.find({ ...who, year: competition.year }, { title: 1, year: 1, competition: 1, grade: 1, placement: 1, resultText: 1, division: 1 }).lean()) as AchievementRecord[];
    return others
      .filter((a) => !(self && a._id.equals(self)))
      .flatMap((a) => {
        const same = a.competition?.equals(competition._id);
        if (!same && similarity(a.title, competitionTitle(competition)) < SIMILAR_THRESHOLD) return [];
        const message = same ? t('award.sameCompetition', { title: a.title, result: awardResultLabel(a) }) : t('award.similar', { title: a.title, year: a.year! });
        return [{ code: 'SIMILAR_RECORD' as const, message, recordId: toGlobalId('Award', a._id) }];
      });
  }

  private async fieldsFor(competition: CompetitionRecord, recipients: Recipients, r: Result, date: Date) {
    const ranker = await this.ctx.services.ranking.ranker();
    return {
      title: competitionTitle(competition),
      year: competition.year,
      level: competition.level,
      category: competition.category,
      competition: competition._id,
      date,
      ...ranker.fields(competition.level, resultOf({ kind: 'AWARD', ...r }), date, competition.year),
      people: recipients.people,
      collective: recipients.collective ?? undefined,
      departments: recipients.departments,
      unionGroups: recipients.unionGroups,
      dedupeKey: this.dedupeKey(competition._id, recipients, r),
    };
  }

  /**
   * With `dryRun`, every check runs and nothing is written (imports preview this way); with
   * `competition`, the award is checked against that competition (one an import has not
   * created yet) instead of the one `competitionId` names; with `warnings: false` the
   * similar-record lookup is skipped, for callers that keep no warnings (imports).
   */
  async create(input: unknown, options: { dryRun?: boolean; competition?: CompetitionRecord; warnings?: boolean } = {}): Promise<{ award: AchievementRecord; warnings: Warning[] }> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.enterAward'));
    const data = parseInput(createSchema, input);
    const errors = new ErrorList();
    const competition = options.competition ?? (await this.ctx.services.competitions.load(data.competitionId, ['input', 'competitionId']).catch((e: unknown) => (errors.add(e), null)));
    const recipients = await resolveRecipients(this.ctx, data.personIds, data.collective, { people: 'personIds', collective: 'collective' }).catch((e: unknown) => (errors.add(e), null));
    try {
      checkResult(data);
    } catch (e) {
      errors.add(e as UserInputFailure);
    }
    errors.throwIfAny();
    if (!recipients!.people.length && !recipients!.collective) throw userError(['input', 'personIds'], 'REQUIRED', t('award.recipientsRequired'));
    assertDateInYear(data.date, competition!.year, ['input', 'date']);
    await this.ctx.guard.requireWriteAt(t('action.enterAward'), ...recipients!.targets);
    const stored = await this.fieldsFor(competition!, recipients!, data, data.date);
    const duplicate = await duplicateOf(this.ctx, stored.dedupeKey);
    if (duplicate) throw duplicate;
    const warnings = options.warnings === false ? [] : [...levelWarnings(competition!.level), ...(await this.similar(competition!, recipients!))];
    if (options.dryRun) return { award: { ...stored, _id: new Types.ObjectId(), kind: 'AWARD', status: 'DRAFT' } as unknown as AchievementRecord, warnings };
    const award = await writeUnique(this.ctx, stored.dedupeKey, () =>
      insertRecord<AchievementRecord>(this.ctx.models.Award, {
        ...stored,
        grade: data.grade ?? undefined,
        placement: data.placement ?? undefined,
        resultText: data.resultText ?? undefined,
        division: data.division ?? undefined,
        evidence: data.certificateNumber || data.evidenceNote ? { certificateNumber: data.certificateNumber ?? undefined, note: data.evidenceNote ?? undefined } : undefined,
        note: data.note ?? undefined,
        ...newRecordFields(this.ctx),
      }),
    );
    await this.workflow.created(award);
    return { award, warnings };
  }

  async update(input: unknown): Promise<{ award: AchievementRecord; warnings: Warning[] }> {
    const { id, ...patch } = parseInput(updateSchema, input);
    const before = await this.workflow.load(id);
    const competition = patch.competitionId
      ? await this.ctx.services.competitions.load(patch.competitionId, ['input', 'competitionId'])
      : ((await this.ctx.models.Competition.findById(before.competition).lean()) as CompetitionRecord);
    const recipients =
      patch.personIds !== undefined || patch.collective !== undefined
        ? await resolveRecipients(this.ctx, patch.personIds === undefined ? before.people.map((p) => toGlobalId('Person', p)) : patch.personIds, patch.collective === undefined ? collectiveInputOf(before) : patch.collective, { people: 'personIds', collective: 'collective' })
        : { people: before.people, collective: before.collective ?? null, departments: before.departments, unionGroups: before.unionGroups, targets: await targetsOf(this.ctx, before.people, before.collective) };
    if (!recipients.people.length && !recipients.collective) throw userError(['input', 'personIds'], 'REQUIRED', t('award.recipientsRequired'));
    // A result field given replaces the result; the others are cleared.
    const resultGiven = patch.grade !== undefined || patch.placement !== undefined || patch.resultText !== undefined;
    const division = patch.division === undefined ? (before.division ?? null) : patch.division;
    const result: Result = { ...(resultGiven ? { grade: patch.grade ?? null, placement: patch.placement ?? null, resultText: patch.resultText ?? null } : before), division };
    checkResult(result);
    const date = patch.date ?? before.date ?? new Date(Date.UTC(competition.year, 0, 1));
    if (patch.date === null) throw userError(['input', 'date'], 'REQUIRED', t('award.dateRequired'));
    assertDateInYear(date, competition.year, ['input', patch.date ? 'date' : 'competitionId']);
    const plan = await this.workflow.editPlan(before, recipients.targets);
    const stored = await this.fieldsFor(competition, recipients, result, date);
    const duplicate = await duplicateOf(this.ctx, stored.dedupeKey, before);
    if (duplicate) throw duplicate;
    const set: Record<string, unknown> = { ...stored };
    const unset: Record<string, ''> = {};
    for (const k of ['grade', 'placement', 'resultText', 'division'] as const) {
      if (result[k] != null) set[k] = result[k];
      else unset[k] = '';
    }
    if (!recipients.collective) unset.collective = '';
    if (patch.note === null) unset.note = '';
    else if (patch.note !== undefined) set.note = patch.note;
    if (patch.certificateNumber !== undefined || patch.evidenceNote !== undefined) {
      set.evidence = {
        certificateNumber: patch.certificateNumber === undefined ? before.evidence?.certificateNumber : patch.certificateNumber,
        note: patch.evidenceNote === undefined ? before.evidence?.note : patch.evidenceNote,
      };
    }
    for (const k of Object.keys(set)) if (set[k] === undefined) delete set[k];
    const warnings = await this.similar(competition, recipients, before._id);
    const award = await writeUnique(this.ctx, stored.dedupeKey, () => this.workflow.applyEdit(before, set, unset, plan));
    return { award, warnings };
  }
}

export function collectiveInputOf(r: { collective?: { kind: 'DEPARTMENT' | 'INSTITUTION'; department?: Types.ObjectId | null; team?: boolean | null } | null }) {
  if (!r.collective) return null;
  return { kind: r.collective.kind, departmentId: r.collective.department ? toGlobalId('Department', r.collective.department) : null, team: Boolean(r.collective.team) };
}
