// The ranking policy: the order of levels and of grades (grades in tiers of equal rank).
// Stored in the `settings` collection, ADMIN-editable; changing it re-ranks every record.
import { Schema, type Connection } from 'mongoose';
import { GRADES, LEVELS, type Grade, type Level } from '../vocabulary/vocabulary.js';

export interface RankingPolicy {
  levelOrder: Level[];
  /** Tiers of grades, best first; grades in one tier rank equal (一等奖 and 金奖). */
  gradeTiers: Grade[][];
}

export const DEFAULT_POLICY: RankingPolicy = {
  levelOrder: LEVELS.map((l) => l.value),
  gradeTiers: [['SPECIAL'], ['FIRST', 'GOLD'], ['SECOND', 'SILVER'], ['THIRD', 'BRONZE'], ['EXCELLENCE'], ['MERIT']],
};

export const settingSchema = new Schema({ _id: { type: String }, value: { type: Schema.Types.Mixed, required: true }, updatedAt: Date }, { versionKey: false });

export function settingModels(conn: Connection) {
  return { Setting: conn.model('Setting', settingSchema, 'settings') };
}

/** Validates a policy: every level and every grade exactly once. */
export function policyProblems(p: RankingPolicy): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const levels = new Set(p.levelOrder);
  if (levels.size !== p.levelOrder.length || levels.size !== LEVELS.length) problems.push({ field: 'levelOrder', message: `list each of the ${LEVELS.length} levels exactly once` });
  const grades = p.gradeTiers.flat();
  if (new Set(grades).size !== grades.length || grades.length !== GRADES.length) problems.push({ field: 'gradeTiers', message: `list each of the ${GRADES.length} grades exactly once` });
  if (p.gradeTiers.some((t) => !t.length)) problems.push({ field: 'gradeTiers', message: 'a tier cannot be empty' });
  if (p.gradeTiers.length > 8) problems.push({ field: 'gradeTiers', message: 'at most 8 tiers' });
  return problems;
}
