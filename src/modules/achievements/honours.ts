import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { userError } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { optionalText, parseInput, text } from '../../shared/validation.js';
import { levelWarnings, yearSchema, type Warning } from '../competitions/service.js';
import { HONOUR_KINDS, HONOUR_RECIPIENTS, LEVELS, values, type HonourKind } from '../vocabulary/vocabulary.js';
import { collectiveInputOf } from './awards.js';
import type { AchievementRecord } from './model.js';
import { recipientKey, resolveRecipients, targetsOf, type Recipients } from './recipients.js';
import { assertDateInYear, collectiveInput, duplicateOf, insertRecord, notFuture, writeUnique } from './shared.js';
import { normalizeName, similarity, SIMILAR_THRESHOLD } from './similarity.js';
import { actorOf, newRecordFields, Workflow, type WorkflowModel } from './workflow.js';
import { t } from '../../shared/i18n/t.js';

const fields = {
  title: text('field.title', 100),
  honourKind: z.enum(values(HONOUR_KINDS)),
  // Optional: a report may state a title without its conferring body.
  conferredBy: optionalText('field.conferredBy', 100),
  sector: optionalText('field.sector', 30),
  score: z.number().min(0, { error: () => t('campaign.scoreRange') }).max(100, { error: () => t('campaign.scoreRange') }).nullish(),
  asWritten: optionalText('field.asWritten', 120),
  holderCount: z.number().int({ error: () => t('honour.holderCountRange') }).min(2, { error: () => t('honour.holderCountRange') }).max(10000, { error: () => t('honour.holderCountRange') }).nullish(),
  holderNoun: optionalText('field.holderNoun', 10),
  level: z.enum(values(LEVELS)),
  personId: z.string().nullish(),
  collective: collectiveInput.nullish(),
  year: yearSchema.nullish(),
  /** Held since a year nobody knows: no year, listed on its holder, counted in no year. */
  sinceUnknown: z.boolean().nullish(),
  date: notFuture.nullish(),
  session: optionalText('field.session', 20),
  awardId: z.string().nullish(),
  validUntil: z.date().nullish(),
  note: optionalText('field.note', 1000),
};
const createSchema = z.object(fields);
const updateSchema = z.object({ id: z.string() }).extend(z.object(fields).partial().shape);
const reviewSchema = z.object({ id: z.string(), outcome: z.enum(['UNDER_REVIEW', 'CONFIRMED', 'EXPIRED']), date: notFuture, note: optionalText('field.note', 500) });
const revokeSchema = z.object({ id: z.string(), date: notFuture, reason: text('field.reason', 500) });

/** A year, or none for a title held since an unknown year (which then takes no date either). */
function yearOf(d: { year?: number | null; sinceUnknown?: boolean | null; date?: Date | null }): number | null {
  if (d.sinceUnknown) {
    if (d.year != null) throw userError(['input', 'year'], 'INVALID', t('honour.unknownHasNoYear'));
    if (d.date) throw userError(['input', 'date'], 'INVALID', t('honour.unknownHasNoYear'));
    return null;
  }
  if (d.year == null) throw userError(['input', 'year'], 'REQUIRED', t('honour.yearOrUnknown'));
  return d.year;
}

/** A count of holders belongs to a collective: the staff of the institution or a department. */
function assertHolders(holderCount: number | null | undefined, recipients: Recipients) {
  if (holderCount != null && !recipients.collective) throw userError(['input', 'holderCount'], 'INVALID', t('honour.holdersNeedCollective'));
}

/** The honour to create when a civilised-post campaign is named. */
export interface CampaignHonour {
  campaign: Types.ObjectId;
  department: Types.ObjectId;
  title: string;
  level: string;
  conferredBy: string;
  date: Date;
  verified: boolean;
  /** The inspection's score, if one was given (以96分通过验收). */
  score?: number | null;
}

export class HonourService {
  readonly workflow: Workflow<AchievementRecord>;

  constructor(private readonly ctx: RequestContext) {
    this.workflow = new Workflow(ctx, {
      typeName: 'Honour',
      operation: 'honour',
      noun: 'honour',
      model: ctx.models.Honour,
      match: { kind: 'HONOUR' },
      targets: (c, r) => targetsOf(c, r.people, r.collective),
    });
  }

  private async recipients(kind: HonourKind, personId: string | null | undefined, collective: z.infer<typeof collectiveInput> | null | undefined): Promise<Recipients> {
    if (personId != null && collective) throw userError(['input', 'collective'], 'INVALID', t('honour.personOrCollective'));
    if (personId == null && !collective) throw userError(['input', 'personId'], 'REQUIRED', t('honour.recipientRequired'));
    const allowed = HONOUR_RECIPIENTS[kind];
    if (allowed === 'PERSON' && collective) throw userError(['input', 'collective'], 'INVALID', t('honour.personOnly', { kind }));
    if (allowed === 'COLLECTIVE' && personId != null) throw userError(['input', 'personId'], 'INVALID', t('honour.collectiveOnly', { kind }));
    return resolveRecipients(this.ctx, personId != null ? [personId] : [], collective, { people: 'personId', collective: 'collective' });
  }

  /** The award a title followed from: it must exist and share the recipient. */
  private async linkedAward(awardId: string | null | undefined, recipients: Recipients): Promise<Types.ObjectId | undefined> {
    if (awardId == null) return undefined;
    const id = idOfType(awardId, 'Award');
    const award = id ? ((await this.ctx.models.Award.findById(id).lean()) as AchievementRecord | null) : null;
    if (!award) throw userError(['input', 'awardId'], 'NOT_FOUND', t('honour.awardNotFound', { id: awardId }));
    const shared =
      recipients.people.some((p) => award.people.some((q) => q.equals(p))) ||
      (recipients.collective && award.collective && recipientKey([], recipients.collective) === recipientKey([], award.collective));
    if (!shared) throw userError(['input', 'awardId'], 'INVALID', t('honour.awardElsewhere', { title: award.title }));
    return award._id;
  }

  private dedupeKey(title: string, recipients: Pick<Recipients, 'people' | 'collective'>, year: number | null) {
    return `HONOUR|${normalizeName(title)}|${recipientKey(recipients.people, recipients.collective)}|${year}`;
  }

  private async similar(title: string, year: number | null, recipients: Recipients, self?: Types.ObjectId): Promise<Warning[]> {
    const or: Record<string, unknown>[] = [];
    if (recipients.people.length) or.push({ people: { $in: recipients.people } });
    if (recipients.collective?.department) or.push({ 'collective.department': recipients.collective.department });
    if (!or.length) return [];
    const who = or.length === 1 ? or[0] : { $or: or };
    const others = (await this.ctx.models.Honour.find({ ...who, year }, { title: 1, year: 1 }).lean()) as AchievementRecord[];
    return others
      .filter((h) => !(self && h._id.equals(self)) && normalizeName(h.title) !== normalizeName(title) && similarity(h.title, title) >= SIMILAR_THRESHOLD)
      .map((h) => ({ code: 'SIMILAR_RECORD' as const, message: t('honour.similar', { title: h.title, year: h.year }), recordId: toGlobalId('Honour', h._id) }));
  }

  private async stored(d: { title: string; level: string; year: number | null; date?: Date | null }, recipients: Recipients) {
    const ranker = await this.ctx.services.ranking.ranker();
    return {
      title: d.title,
      level: d.level,
      year: d.year ?? undefined,
      sinceUnknown: d.year == null ? true : undefined,
      date: d.date ?? undefined,
      ...ranker.fields(d.level, { title: true }, d.date, d.year),
      people: recipients.people,
      collective: recipients.collective ?? undefined,
      departments: recipients.departments,
      unionGroups: recipients.unionGroups,
      dedupeKey: this.dedupeKey(d.title, recipients, d.year),
    };
  }

  /** With `dryRun`, every check runs and nothing is written (imports preview this way). */
  /** With `warnings: false` the similar-record lookup is skipped, for callers that keep no warnings (imports). */
  async confer(input: unknown, options: { dryRun?: boolean; warnings?: boolean } = {}): Promise<{ honour: AchievementRecord; warnings: Warning[] }> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.recordHonour'));
    const parsed = parseInput(createSchema, input);
    const data = { ...parsed, year: yearOf(parsed) };
    const recipients = await this.recipients(data.honourKind, data.personId, data.collective);
    assertHolders(data.holderCount, recipients);
    assertDateInYear(data.date, data.year, ['input', 'date']);
    if (data.validUntil && data.date && data.validUntil < data.date) throw userError(['input', 'validUntil'], 'OUT_OF_RANGE', t('honour.validUntilBeforeDate'));
    await this.ctx.guard.requireWriteAt(t('action.recordHonour'), ...recipients.targets);
    const award = await this.linkedAward(data.awardId, recipients);
    const stored = await this.stored(data, recipients);
    const duplicate = await duplicateOf(this.ctx, stored.dedupeKey);
    if (duplicate) throw duplicate;
    const warnings = options.warnings === false ? [] : [...levelWarnings(data.level), ...(await this.similar(data.title, data.year, recipients))];
    if (options.dryRun) return { honour: { ...stored, _id: new Types.ObjectId(), kind: 'HONOUR', status: 'DRAFT' } as unknown as AchievementRecord, warnings };
    const honour = await writeUnique(this.ctx, stored.dedupeKey, () =>
      insertRecord<AchievementRecord>(this.ctx.models.Honour, {
        ...stored,
        honourKind: data.honourKind,
        conferredBy: data.conferredBy ?? undefined,
        sector: data.sector ?? undefined,
        score: data.score ?? undefined,
        asWritten: data.asWritten ?? undefined,
        holderCount: data.holderCount ?? undefined,
        holderNoun: data.holderNoun ?? undefined,
        session: data.session ?? undefined,
        award,
        validUntil: data.validUntil ?? undefined,
        note: data.note ?? undefined,
        state: 'ACTIVE',
        stateLog: [{ state: 'ACTIVE', date: data.date ?? (data.year != null ? new Date(Date.UTC(data.year, 0, 1)) : new Date()), by: actorOf(this.ctx) }],
        ...newRecordFields(this.ctx),
      }),
    );
    await this.workflow.created(honour);
    return { honour, warnings };
  }

  /** The honour a named campaign earns: created once (its dedupe key is the campaign's). */
  async fromCampaign(c: CampaignHonour): Promise<AchievementRecord> {
    const dedupeKey = `HONOUR-CAMPAIGN|${c.campaign}`;
    const existing = (await this.ctx.models.Honour.findOne({ dedupeKey }).lean()) as AchievementRecord | null;
    if (existing) return existing;
    const by = actorOf(this.ctx);
    const year = c.date.getUTCFullYear();
    const ranking = (await this.ctx.services.ranking.ranker()).fields(c.level, { title: true }, c.date, year);
    const honour = await writeUnique(this.ctx, dedupeKey, () =>
      insertRecord<AchievementRecord>(this.ctx.models.Honour, {
        title: c.title,
        level: c.level,
        year,
        date: c.date,
        ...ranking,
        people: [],
        collective: { kind: 'DEPARTMENT', department: c.department },
        departments: [c.department],
        unionGroups: [],
        dedupeKey,
        honourKind: 'CIVILISED_POST',
        conferredBy: c.conferredBy,
        ...(c.score != null ? { score: c.score } : {}),
        campaign: c.campaign,
        state: 'ACTIVE',
        stateLog: [{ state: 'ACTIVE', date: c.date, by }],
        ...newRecordFields(this.ctx),
        // Named by a verifier or an admin: verified at once; by a clerk: awaiting verification.
        status: c.verified ? 'VERIFIED' : 'SUBMITTED',
        statusLog: [{ status: c.verified ? 'VERIFIED' : 'SUBMITTED', at: new Date(), by }],
        ...(c.verified ? { verifiedBy: by, verifiedAt: new Date() } : {}),
      }),
    );
    await this.workflow.created(honour);
    return honour;
  }

  async update(input: unknown): Promise<{ honour: AchievementRecord; warnings: Warning[] }> {
    const { id, ...patch } = parseInput(updateSchema, input);
    const before = await this.workflow.load(id);
    const kind = (patch.honourKind ?? before.honourKind) as HonourKind;
    const recipientChanged = patch.personId !== undefined || patch.collective !== undefined || patch.honourKind !== undefined;
    const recipients = recipientChanged
      ? await this.recipients(
          kind,
          patch.personId === undefined ? (before.people[0] ? toGlobalId('Person', before.people[0]) : null) : patch.personId,
          patch.collective === undefined ? collectiveInputOf(before) : patch.collective,
        )
      : { people: before.people, collective: before.collective ?? null, departments: before.departments, unionGroups: before.unionGroups, targets: await targetsOf(this.ctx, before.people, before.collective) };
    const unknown = patch.sinceUnknown ?? (patch.year != null ? false : Boolean(before.sinceUnknown));
    const merged = {
      title: patch.title ?? before.title,
      level: patch.level ?? before.level,
      year: yearOf({ sinceUnknown: unknown, year: unknown ? patch.year : (patch.year ?? before.year), date: patch.date === undefined ? (unknown ? null : before.date) : patch.date }),
      date: patch.date === undefined ? (unknown ? null : before.date) : patch.date,
    };
    for (const k of ['title', 'level', 'year', 'honourKind'] as const) if (patch[k] === null) throw userError(['input', k], 'REQUIRED', t('record.cannotClear', { field: k }));
    assertHolders(patch.holderCount === undefined ? before.holderCount : patch.holderCount, recipients);
    assertDateInYear(merged.date, merged.year, ['input', 'date']);
    const plan = await this.workflow.editPlan(before, recipients.targets);
    const award = patch.awardId === undefined ? before.award : await this.linkedAward(patch.awardId, recipients);
    const stored = await this.stored(merged, recipients);
    const duplicate = await duplicateOf(this.ctx, stored.dedupeKey, before);
    if (duplicate) throw duplicate;
    const set: Record<string, unknown> = { ...stored, honourKind: kind };
    const unset: Record<string, ''> = {};
    for (const k of ['conferredBy', 'sector', 'score', 'asWritten', 'holderCount', 'holderNoun', 'session', 'validUntil', 'note'] as const) {
      if (patch[k] === undefined) continue;
      if (patch[k] === null) unset[k] = '';
      else set[k] = patch[k];
    }
    if (award) set.award = award;
    else unset.award = '';
    if (!merged.date) unset.date = '';
    if (merged.year == null) unset.year = '';
    else unset.sinceUnknown = '';
    if (!recipients.collective) unset.collective = '';
    for (const k of Object.keys(set)) if (set[k] === undefined) delete set[k];
    const warnings = [...(patch.level ? levelWarnings(patch.level) : []), ...(await this.similar(merged.title, merged.year, recipients, before._id))];
    const honour = await writeUnique(this.ctx, stored.dedupeKey, () => this.workflow.applyEdit(before, set, unset, plan));
    return { honour, warnings };
  }

  private async changeState(globalId: string, from: string[], to: string, date: Date, reason: string | null | undefined, operation: string): Promise<AchievementRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'VERIFIER'], t('action.manageHonour'));
    const before = await this.workflow.load(globalId);
    if (!from.includes(before.state ?? 'ACTIVE')) {
      throw userError(['input', 'id'], 'INVALID_STATE', t('honour.wrongState', { state: before.state ?? 'ACTIVE', from }));
    }
    const after = (await (this.ctx.models.Honour as unknown as WorkflowModel).findOneAndUpdate(
      { _id: before._id, state: before.state },
      { $set: { state: to }, $push: { stateLog: { state: to, date, reason: reason ?? undefined, by: actorOf(this.ctx) } } },
      { returnDocument: 'after' },
    ).lean()) as AchievementRecord | null;
    if (!after) throw userError(['input', 'id'], 'INVALID_STATE', t('honour.changedMeanwhile'));
    await this.ctx.services.audit.record(operation, 'Honour', before._id, before, after);
    return after;
  }

  review(input: unknown) {
    const { id, outcome, date, note } = parseInput(reviewSchema, input);
    if (outcome === 'UNDER_REVIEW') return this.changeState(id, ['ACTIVE'], 'UNDER_REVIEW', date, note, 'honourReview');
    return this.changeState(id, ['ACTIVE', 'UNDER_REVIEW'], outcome === 'CONFIRMED' ? 'ACTIVE' : 'EXPIRED', date, note, 'honourReview');
  }

  revoke(input: unknown) {
    const { id, date, reason } = parseInput(revokeSchema, input);
    return this.changeState(id, ['ACTIVE', 'UNDER_REVIEW', 'EXPIRED'], 'REVOKED', date, reason, 'honourRevoke');
  }
}
