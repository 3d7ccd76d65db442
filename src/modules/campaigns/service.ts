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

const startSchema = z.object({
  departmentId: z.string(),
  title: z.enum(values(CIVILISED_POST_TITLES)),
  level: z.enum(values(LEVELS)),
  year: yearSchema,
  date: notFuture,
  note: optionalText('note', 500),
});
const advanceSchema = z.object({
  id: z.string(),
  to: z.enum(values(CAMPAIGN_STATUSES)),
  date: notFuture,
  note: optionalText('note', 500),
  score: z.number().min(0, { error: 'score must be between 0 and 100' }).max(100, { error: 'score must be between 0 and 100' }).nullish(),
  conferredBy: optionalText('conferredBy', 100),
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
      if (!id) throw badUserInput('filter.departmentId is not a Department id', 'filter.departmentId');
      query.department = id;
    }
    return paginate<CampaignRecord>(this.ctx.models.CivilisedPostCampaign, query, { field: 'createdAt', direction: -1 }, page);
  }

  async start(input: unknown): Promise<CampaignRecord> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], 'Starting a campaign');
    const data = parseInput(startSchema, input);
    const depId = idOfType(data.departmentId, 'Department');
    const department = depId ? await this.ctx.loaders.department.load(depId) : null;
    if (!department) throw userError(['input', 'departmentId'], 'NOT_FOUND', `no department has id ${data.departmentId}`);
    await this.ctx.guard.requireWriteAt('Starting a campaign', { department: department._id });
    if (data.date.getUTCFullYear() > data.year) throw userError(['input', 'date'], 'OUT_OF_RANGE', `a campaign for ${data.year} cannot be planned in ${data.date.getUTCFullYear()}`);
    const existing = (await this.ctx.models.CivilisedPostCampaign.findOne({ department: department._id, title: data.title, level: data.level, year: data.year }).lean()) as CampaignRecord | null;
    if (existing) {
      throw userError(['input'], 'DUPLICATE', `${department.name} already has a ${campaignHonourTitle(data.level, data.title)} campaign for ${data.year} (id ${toGlobalId('CivilisedPostCampaign', existing._id)})`);
    }
    const by = actorOf(this.ctx);
    const doc = await writeOrDuplicate(
      () =>
        this.ctx.models.CivilisedPostCampaign.create({
          department: department._id,
          title: data.title,
          level: data.level,
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
    const viewer = this.ctx.guard.requireRole(['ADMIN', 'VERIFIER', 'CLERK'], 'Advancing a campaign');
    const data = parseInput(advanceSchema, input);
    const id = idOfType(data.id, 'CivilisedPostCampaign');
    const before = id ? ((await this.ctx.models.CivilisedPostCampaign.findById(id).lean()) as CampaignRecord | null) : null;
    if (!before) throw userError(['input', 'id'], 'NOT_FOUND', `no campaign has id ${data.id}`);
    if (viewer.role !== 'VERIFIER') await this.ctx.guard.requireWriteAt('Advancing a campaign', { department: before.department });
    if (!NEXT[before.status].includes(data.to)) {
      throw userError(['input', 'to'], 'INVALID_STATE', `a campaign that is ${label('campaignStatus', before.status)} cannot become ${label('campaignStatus', data.to)}; next: ${NEXT[before.status].join(' or ') || 'nothing'}`);
    }
    const last = before.steps[before.steps.length - 1];
    if (last && data.date < last.date) throw userError(['input', 'date'], 'OUT_OF_RANGE', `the date lies before the previous step (${last.date.toISOString().slice(0, 10)})`);
    if (data.score != null && data.to !== 'INSPECTED') throw userError(['input', 'score'], 'INVALID', 'a score belongs to the inspection (INSPECTED) step');
    if (data.to === 'NAMED' && !data.conferredBy) throw userError(['input', 'conferredBy'], 'REQUIRED', 'naming needs the conferring body');
    const by = actorOf(this.ctx);
    const set: Record<string, unknown> = { status: data.to };
    if (data.score != null) set.score = data.score;
    const after = (await (this.ctx.models.CivilisedPostCampaign as unknown as WorkflowModel).findOneAndUpdate(
      { _id: before._id, status: before.status },
      { $set: set, $push: { steps: { status: data.to, date: data.date, note: data.note ?? undefined, score: data.score ?? undefined, by } } },
      { returnDocument: 'after' },
    ).lean()) as CampaignRecord | null;
    if (!after) throw userError(['input', 'id'], 'INVALID_STATE', 'the campaign was changed meanwhile; reload and try again');
    await this.ctx.services.audit.record('civilisedPostCampaignAdvance', 'CivilisedPostCampaign', before._id, before, after);
    if (data.to !== 'NAMED') return after;
    return this.linkHonour(after, data.date, data.conferredBy!, viewer.role !== 'CLERK');
  }

  /** Creates the department's honour for a named campaign, once, and links it. */
  private async linkHonour(campaign: CampaignRecord, date: Date, conferredBy: string, verified: boolean): Promise<CampaignRecord> {
    const honour = await this.ctx.services.honours.fromCampaign({
      campaign: campaign._id,
      department: campaign.department,
      title: campaignHonourTitle(campaign.level, campaign.title),
      level: campaign.level,
      conferredBy,
      date,
      verified,
    });
    const linked = (await this.ctx.models.CivilisedPostCampaign.findByIdAndUpdate(campaign._id, { $set: { honour: honour._id } }, { returnDocument: 'after' }).lean()) as CampaignRecord;
    return linked;
  }
}
