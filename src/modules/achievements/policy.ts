// The ranking policy: the order of levels and of grades (grades in tiers of equal rank).
// Stored in the `settings` collection, ADMIN-editable; changing it re-ranks every record.
import { Schema, type Connection } from 'mongoose';
import { GRADES, LEVELS, type Grade, type Level } from '../vocabulary/vocabulary.js';
import { institutionOwned } from '../../shared/tenancy.js';
import { t, type Text } from '../../shared/i18n/t.js';

export interface RankingPolicy {
  levelOrder: Level[];
  /** Tiers of grades, best first; grades in one tier rank equal (一等奖 and 金奖). */
  gradeTiers: Grade[][];
}

export const DEFAULT_POLICY: RankingPolicy = {
  levelOrder: LEVELS.map((l) => l.value),
  gradeTiers: [['SPECIAL'], ['FIRST', 'GOLD', 'CHAMPION'], ['SECOND', 'SILVER', 'RUNNER_UP'], ['THIRD', 'BRONZE', 'THIRD_PLACE'], ['EXCELLENCE'], ['MERIT'], ['EXCELLENT_ORGANISATION'], ['ORGANISATION']],
};

const MAX_GRADE_TIERS = 12;

/** One document per institution and key (`rankingPolicy`, `registry`). */
export const settingSchema = new Schema({ key: { type: String, required: true }, value: { type: Schema.Types.Mixed, required: true }, updatedAt: Date }, { versionKey: false });
settingSchema.plugin(institutionOwned);
settingSchema.index({ institution: 1, key: 1 }, { unique: true });

export function settingModels(conn: Connection) {
  return { Setting: conn.model('Setting', settingSchema, 'settings') };
}

/**
 * A stored policy as it applies today: a level or grade added to the vocabulary after the
 * policy was written takes its default place (镇街级 before 院级, 级别未注明 last; 冠军 in the
 * tier of 一等奖, an organisation award in a tier of its own after the others).
 */
export function withEveryTerm(p: RankingPolicy): RankingPolicy {
  const tiers = p.gradeTiers.map((tier) => [...tier]);
  for (const [i, tier] of DEFAULT_POLICY.gradeTiers.entries()) {
    for (const grade of tier) {
      if (tiers.some((t) => t.includes(grade))) continue;
      const mates = tiers.find((t) => t.some((g) => tier.includes(g)));
      if (mates) {
        mates.push(grade);
        continue;
      }
      // A tier of its own, after the last tier holding a grade that ranks above it by default.
      const above = DEFAULT_POLICY.gradeTiers.slice(0, i).flat();
      const after = tiers.findLastIndex((t) => t.some((g) => above.includes(g)));
      tiers.splice(after + 1, 0, [grade]);
    }
  }
  return { ...withEveryLevel(p), gradeTiers: tiers };
}

function withEveryLevel(p: RankingPolicy): RankingPolicy {
  const order = [...p.levelOrder];
  for (const [i, level] of DEFAULT_POLICY.levelOrder.entries()) {
    if (order.includes(level)) continue;
    const next = DEFAULT_POLICY.levelOrder.slice(i + 1).find((l) => order.includes(l));
    order.splice(next ? order.indexOf(next) : order.length, 0, level);
  }
  return { ...p, levelOrder: order };
}

/** Validates a policy: every level and every grade exactly once. */
export function policyProblems(p: RankingPolicy): { field: string; message: Text }[] {
  const problems: { field: string; message: Text }[] = [];
  const levels = new Set(p.levelOrder);
  if (levels.size !== p.levelOrder.length || levels.size !== LEVELS.length) problems.push({ field: 'levelOrder', message: t('policy.eachLevelOnce', { count: LEVELS.length }) });
  const grades = p.gradeTiers.flat();
  if (new Set(grades).size !== grades.length || grades.length !== GRADES.length) problems.push({ field: 'gradeTiers', message: t('policy.eachGradeOnce', { count: GRADES.length }) });
  if (p.gradeTiers.some((t) => !t.length)) problems.push({ field: 'gradeTiers', message: t('policy.emptyTier') });
  if (p.gradeTiers.length > MAX_GRADE_TIERS) problems.push({ field: 'gradeTiers', message: t('policy.tooManyTiers', { count: MAX_GRADE_TIERS }) });
  return problems;
}
