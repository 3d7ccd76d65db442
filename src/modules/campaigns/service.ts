import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { writeOrDuplicate } from '../../shared/duplicates.js';
import { badUserInput, userError } from '../../shared/errors.js';
import { idOfType, toGlobalId } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { optionalText, parseInput } from '../../shared/validation.js';
import { notFuture } from '../achievements/shared.js';
import { actorOf, type WorkflowModel } from '../achievements/workflow.js';
import { yearSchema } from '../competitions/service.js';
import { CAMPAIGN_STATUSES, CIVILISED_POST_TITLES, LEVELS, label, values } from '../vocabulary/vocabulary.js';
import type { CampaignRecord } from './model.js';
import { t } from '../../shared/i18n/t.js';

const startSchema = z.object({
  departmentId: z.string(),
  title: z.enum(values(CIVILISED_POST_TITLES)),
  level: z.enum(values(LEVELS)),
  namedTitle: optionalText('field.namedTitle', 60),
  year: yearSchema,
  date: notFuture,
  note: optionalText('field.note', 500),
});
const advanceSchema = z.object({
  id: z.string(),
  to: z.enum(values(CAMPAIGN_STATUSES)),
  date: notFuture,
  note: optionalText('field.note', 500),
  score: z.number().min(0, { error: () => t('campaign.scoreRange') }).max(100, { error: () => t('campaign.scoreRange') }).nullish(),
  conferredBy: optionalText('field.conferredBy', 100),
});

/** Which step may follow which. */
const NEXT: Record<string, string[]> = {
  PLANNED: ['APPLIED'],
  APPLIED: ['INSPECTED', 'NOT_PASSED'],
  INSPECTED: ['NAMED', 'NOT_PASSED'],
  NAMED: [],
  NOT_PASSED: [],
};

/** The title as conferred: 省级巾帼文明岗. */
export const campaignHonourTitle = (level: string, title: string) => `${label('level', level)}${label('civilisedPostTitle', title)}`;

export interface CampaignFilter {
  departmentId?: string | null;
  status?: string | null;
  year?: number | null;
}

export class CampaignService {
  constructor(private readonly ctx: RequestContext) {}

  list(filter: CampaignFilter | null | undefined, page: PageArgs) {
    this.ctx.guard.requireViewer();
    const query: Record<string, unknown> = {};
    if (filter?.status) query.status = filter.status;
    if (filter?.year != null) query.year = filter.year;
    if (filter?.departmentId) {
      const id = idOfType(filter.departmentId, 'Department');
      if (!id) throw badUserInput(t('id.notOfType', { field: 'filter.departmentId', type: 'Department' }), 'filter.departmentId');
      query.department = id;
    }
    return paginate<CampaignRecord>(this.ctx.models.CivilisedPostCampaign, query, { field: 'createdAt', direction: -1 }, page);
  }

  async start(input: unknown): Promise<CampaignRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.startCampaign'));
    const data = parseInput(startSchema, input);
    const depId = idOfType(data.departmentId, 'Department');
    const department = depId ? await this.ctx.loaders.department.load(depId) : null;
    if (!department) throw userError(['input', 'departmentId'], 'NOT_FOUND', t('campaign.departmentNotFound', { id: data.departmentId }));
    await this.ctx.guard.requireWriteAt(t('action.startCampaign'), { department: department._id });
    if (data.date.getUTCFullYear() > data.year) throw userError(['input', 'date'], 'OUT_OF_RANGE', t('campaign.plannedAfterYear', { year: data.year, planned: data.date.getUTCFullYear() }));
    const existing = (await this.ctx.models.CivilisedPostCampaign.findOne({ department: department._id, title: data.title, level: data.level, year: data.year }).lean()) as CampaignRecord | null;
    if (existing) {
      throw userError(['input'], 'DUPLICATE', t('campaign.duplicate', { department: department.name, title: campaignHonourTitle(data.level, data.title), year: data.year, id: toGlobalId('CivilisedPostCampaign', existing._id) }));
    }
    const by = actorOf(this.ctx);
    const doc = await writeOrDuplicate(
      () =>
        this.ctx.models.CivilisedPostCampaign.create({
          department: department._id,
          title: data.title,
          level: data.level,
          ...(data.namedTitle ? { namedTitle: data.namedTitle } : {}),
          year: data.year,
          status: 'PLANNED',
          steps: [{ status: 'PLANNED', date: data.date, note: data.note ?? undefined, by }],
        }),
      { department: 'departmentId' },
      'campaign',
    );
    const campaign = doc.toObject() as CampaignRecord;
    await this.ctx.services.audit.record('civilisedPostCampaignStart', 'CivilisedPostCampaign', campaign._id, null, campaign);
    return campaign;
  }

  async advance(input: unknown): Promise<CampaignRecord> {
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'VERIFIER', 'CLERK'], t('action.advanceCampaign'));
    const data = parseInput(advanceSchema, input);
    const id = idOfType(data.id, 'CivilisedPostCampaign');
    const before = id ? ((await this.ctx.models.CivilisedPostCampaign.findById(id).lean()) as CampaignRecord | null) : null;
    if (!before) throw userError(['input', 'id'], 'NOT_FOUND', t('campaign.notFound', { id: data.id }));
    if (viewer.role !== 'VERIFIER') await this.ctx.guard.requireWriteAt(t('action.advanceCampaign'), { department: before.department });
    if (!NEXT[before.status].includes(data.to)) {
      throw userError(['input', 'to'], 'INVALID_STATE', t('campaign.wrongStep', { from: before.status, to: data.to, next: NEXT[before.status] }));
    }
    const last = before.steps[before.steps.length - 1];
    if (last && data.date < last.date) throw userError(['input', 'date'], 'OUT_OF_RANGE', t('campaign.beforePrevious', { date: last.date }));
    if (data.score != null && data.to !== 'INSPECTED') throw userError(['input', 'score'], 'INVALID', t('campaign.scoreOnInspection'));
    if (data.to === 'NAMED' && !data.conferredBy) throw userError(['input', 'conferredBy'], 'REQUIRED', t('campaign.namingNeedsBody'));
    const by = actorOf(this.ctx);
    const set: Record<string, unknown> = { status: data.to };
    if (data.score != null) set.score = data.score;
    const after = (await (this.ctx.models.CivilisedPostCampaign as unknown as WorkflowModel).findOneAndUpdate(
      { _id: before._id, status: before.status },
      { $set: set, $push: { steps: { status: data.to, date: data.date, note: data.note ?? undefined, score: data.score ?? undefined, by } } },
      { returnDocument: 'after' },
    ).lean()) as CampaignRecord | null;
    if (!after) throw userError(['input', 'id'], 'INVALID_STATE', t('campaign.changedMeanwhile'));
    await this.ctx.services.audit.record('civilisedPostCampaignAdvance', 'CivilisedPostCampaign', before._id, before, after);
    if (data.to !== 'NAMED') return after;
    return this.linkHonour(after, data.date, data.conferredBy!, viewer.role !== 'CLERK');
  }

  /** Creates the department's honour for a named campaign, once, and links it. */
  private async linkHonour(campaign: CampaignRecord, date: Date, conferredBy: string, verified: boolean): Promise<CampaignRecord> {
    const honour = await this.ctx.services.honours.fromCampaign({
      campaign: campaign._id,
      department: campaign.department,
      title: campaign.namedTitle ?? campaignHonourTitle(campaign.level, campaign.title),
      level: campaign.level,
      conferredBy,
      date,
      verified,
      score: campaign.score,
    });
    const linked = (await this.ctx.models.CivilisedPostCampaign.findByIdAndUpdate(campaign._id, { $set: { honour: honour._id } }, { returnDocument: 'after' }).lean()) as CampaignRecord;
    return linked;
  }
}
