import type { RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { PageArgs } from '../../shared/pagination.js';
import { payload } from '../../shared/payload.js';
import { label } from '../vocabulary/vocabulary.js';
import type { CampaignRecord } from './model.js';
import type { CampaignFilter } from './service.js';

type Input = { input: unknown };

export const campaignResolvers = {
  Query: {
    civilisedPostCampaigns: (_: unknown, a: PageArgs & { filter?: CampaignFilter | null }, ctx: RequestContext) => ctx.services.campaigns.list(a.filter, a),
  },
  Mutation: {
    civilisedPostCampaignStart: (_: unknown, { input }: Input, ctx: RequestContext) => payload('campaign', () => ctx.services.campaigns.start(input)),
    civilisedPostCampaignAdvance: (_: unknown, { input }: Input, ctx: RequestContext) => payload('campaign', () => ctx.services.campaigns.advance(input)),
  },
  CivilisedPostCampaign: {
    id: (c: CampaignRecord) => toGlobalId('CivilisedPostCampaign', c._id),
    department: (c: CampaignRecord, _: unknown, ctx: RequestContext) => ctx.loaders.department.load(c.department),
    titleLabel: (c: CampaignRecord) => label('civilisedPostTitle', c.title),
    levelLabel: (c: CampaignRecord) => label('level', c.level),
    statusLabel: (c: CampaignRecord) => label('campaignStatus', c.status),
    honour: (c: CampaignRecord, _: unknown, ctx: RequestContext) => (c.honour ? ctx.loaders.achievement.load(c.honour) : null),
  },
};
