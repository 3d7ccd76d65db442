import DataLoader from 'dataloader';
import type { Types } from 'mongoose';
import type { Models } from '../../models.js';
import { byIdLoader } from '../../shared/loader.js';
import type { CampaignRecord } from '../campaigns/model.js';
import type { CompetitionRecord } from '../competitions/model.js';
import type { DonationRecord } from '../donations/model.js';
import type { AchievementRecord } from './model.js';

export function achievementLoaders(models: Models) {
  return {
    achievement: byIdLoader<AchievementRecord>(models.Achievement),
    competition: byIdLoader<CompetitionRecord>(models.Competition),
    campaign: byIdLoader<CampaignRecord>(models.CivilisedPostCampaign),
    donation: byIdLoader<DonationRecord>(models.Donation),
    /** Honours that followed from each award. */
    honoursByAward: new DataLoader<Types.ObjectId, AchievementRecord[], string>(
      async (awardIds) => {
        const honours = (await models.Honour.find({ award: { $in: awardIds } }).lean()) as unknown as AchievementRecord[];
        return awardIds.map((id) => honours.filter((h) => h.award && h.award.equals(id)));
      },
      { cacheKeyFn: String },
    ),
  };
}
