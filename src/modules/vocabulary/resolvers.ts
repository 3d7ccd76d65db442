import {
  ACHIEVEMENT_KINDS,
  CAMPAIGN_STATUSES,
  CATEGORIES,
  CIVILISED_POST_TITLES,
  DONATION_KINDS,
  GRADES,
  HONOUR_KINDS,
  HONOUR_STATES,
  LEVELS,
  MODEL_WORKER_TITLES,
  RECORD_STATUSES,
} from './vocabulary.js';
import type { RequestContext } from '../../context.js';

export const vocabularyResolvers = {
  Query: {
    vocabulary: (_: unknown, __: unknown, ctx: RequestContext) => {
      ctx.guard.requireViewer();
      return {
        levels: LEVELS,
        grades: GRADES,
        categories: CATEGORIES,
        honourKinds: HONOUR_KINDS,
        modelWorkerTitles: MODEL_WORKER_TITLES,
        civilisedPostTitles: CIVILISED_POST_TITLES,
        donationKinds: DONATION_KINDS,
        recordStatuses: RECORD_STATUSES,
        honourStates: HONOUR_STATES,
        campaignStatuses: CAMPAIGN_STATUSES,
        achievementKinds: ACHIEVEMENT_KINDS,
      };
    },
  },
};
