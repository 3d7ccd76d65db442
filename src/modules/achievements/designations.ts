import type { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { userError } from '../../shared/errors.js';
import { toGlobalId } from '../../shared/ids.js';
import { optionalText, parseInput, text } from '../../shared/validation.js';
import { levelWarnings, yearSchema, type Warning } from '../competitions/service.js';
import { LEVELS, MODEL_WORKER_TITLES, label, values } from '../vocabulary/vocabulary.js';
import type { AchievementRecord } from './model.js';
import { resolveRecipients, targetsOf, type Recipients } from './recipients.js';
import { assertDateInYear, duplicateOf, insertRecord, notFuture, writeUnique } from './shared.js';
import { newRecordFields, Workflow } from './workflow.js';
import { t } from '../../shared/i18n/t.js';

const studioSchema = z.object({
  name: text('field.studioName', 60),
  established: notFuture.nullish(),
  memberIds: z.array(z.string()).max(100, { error: () => t('designation.tooManyMembers') }).nullish(),
});

const fields = {
  personId: z.string(),
  designation: z.enum(values(MODEL_WORKER_TITLES)),
  title: optionalText('field.title', 100),
  level: z.enum(values(LEVELS)),
  conferredBy: text('field.conferredBy', 100),
  session: optionalText('field.session', 20),
  year: yearSchema,
  date: notFuture.nullish(),
  studio: studioSchema.nullish(),
  note: optionalText('field.note', 1000),
};
const createSchema = z.object(fields);
const updateSchema = z.object({ id: z.string() }).extend(z.object(fields).partial().shape);

export class DesignationService {
  readonly workflow: Workflow<AchievementRecord>;

  constructor(private readonly ctx: RequestContext) {
    this.workflow = new Workflow(ctx, {
      typeName: 'ModelWorkerDesignation',
      operation: 'modelWorkerDesignation',
      noun: 'designation',
      model: ctx.models.ModelWorkerDesignation,
      match: { kind: 'MODEL_WORKER' },
      targets: (c, r) => targetsOf(c, r.people, null),
    });
  }

  private async studio(input: z.infer<typeof studioSchema> | null | undefined) {
    if (!input) return undefined;
    const members = await resolveRecipients(this.ctx, input.memberIds ?? [], null, { people: 'studio.memberIds', collective: 'studio' });
    return { name: input.name, established: input.established ?? undefined, members: members.people };
  }

  private async stored(d: { personId: Types.ObjectId; designation: string; title?: string | null; level: string; year: number; date?: Date | null }, recipients: Recipients) {
    const ranker = await this.ctx.services.ranking.ranker();
    return {
      title: d.title ?? label('modelWorkerTitle', d.designation),
      level: d.level,
      year: d.year,
      date: d.date ?? undefined,
      ...ranker.fields(d.level, { title: true }, d.date, d.year),
      people: recipients.people,
      departments: recipients.departments,
      unionGroups: recipients.unionGroups,
      dedupeKey: `MODEL_WORKER|${d.personId}|${d.designation}|${d.level}|${d.year}`,
    };
  }

  async designate(input: unknown): Promise<{ designation: AchievementRecord; warnings: Warning[] }> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.recordDesignation'));
    const data = parseInput(createSchema, input);
    const recipients = await resolveRecipients(this.ctx, [data.personId], null, { people: 'personId', collective: 'collective' });
    assertDateInYear(data.date, data.year, ['input', 'date']);
    await this.ctx.guard.requireWriteAt(t('action.recordDesignation'), ...recipients.targets);
    const stored = await this.stored({ ...data, personId: recipients.people[0] }, recipients);
    const duplicate = await duplicateOf(this.ctx, stored.dedupeKey);
    if (duplicate) throw duplicate;
    const designation = await writeUnique(this.ctx, stored.dedupeKey, async () =>
      insertRecord<AchievementRecord>(this.ctx.models.ModelWorkerDesignation, {
        ...stored,
        designation: data.designation,
        conferredBy: data.conferredBy,
        session: data.session ?? undefined,
        studio: await this.studio(data.studio),
        note: data.note ?? undefined,
        ...newRecordFields(this.ctx),
      }),
    );
    await this.workflow.created(designation);
    return { designation, warnings: levelWarnings(designation.level) };
  }

  async update(input: unknown): Promise<{ designation: AchievementRecord; warnings: Warning[] }> {
    const { id, personId, ...patch } = parseInput(updateSchema, input);
    const before = await this.workflow.load(id);
    const recipients = await resolveRecipients(this.ctx, [personId ?? toGlobalId('Person', before.people[0])], null, { people: 'personId', collective: 'collective' });
    for (const k of ['designation', 'level', 'year', 'conferredBy'] as const) if (patch[k] === null) throw userError(['input', k], 'REQUIRED', t('record.cannotClear', { field: k }));
    const merged = {
      personId: recipients.people[0],
      designation: patch.designation ?? before.designation!,
      title: patch.title === undefined ? before.title : patch.title,
      level: patch.level ?? before.level,
      // A designation always has its year (only an honour may be held since an unknown one).
      year: patch.year ?? before.year!,
      date: patch.date === undefined ? before.date : patch.date,
    };
    assertDateInYear(merged.date, merged.year, ['input', 'date']);
    const plan = await this.workflow.editPlan(before, recipients.targets);
    const stored = await this.stored(merged, recipients);
    const duplicate = await duplicateOf(this.ctx, stored.dedupeKey, before);
    if (duplicate) throw duplicate;
    const set: Record<string, unknown> = { ...stored, designation: merged.designation };
    const unset: Record<string, ''> = {};
    for (const k of ['conferredBy', 'session', 'note'] as const) {
      if (patch[k] === undefined) continue;
      if (patch[k] === null) unset[k] = '';
      else set[k] = patch[k];
    }
    if (patch.studio !== undefined) {
      if (patch.studio === null) unset.studio = '';
      else set.studio = await this.studio(patch.studio);
    }
    if (!merged.date) unset.date = '';
    for (const k of Object.keys(set)) if (set[k] === undefined) delete set[k];
    const designation = await writeUnique(this.ctx, stored.dedupeKey, () => this.workflow.applyEdit(before, set, unset, plan));
    return { designation, warnings: [] };
  }
}
