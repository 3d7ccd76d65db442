import { Types } from 'mongoose';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { UserInputFailure } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { GRADES, LEVELS, values } from '../vocabulary/vocabulary.js';
import type { AchievementRecord } from './model.js';
import { DEFAULT_POLICY, policyProblems, withEveryTerm, type RankingPolicy } from './policy.js';
import { Ranker, resultOf } from './ranking.js';
import { t } from '../../shared/i18n/t.js';

const POLICY_KEY = 'rankingPolicy';
/** The policy is one document; its audit entries share this id. */
export const POLICY_ENTITY_ID = new Types.ObjectId('000000000000000000000001');
const updateSchema = z.object({ levelOrder: z.array(z.enum(values(LEVELS))).max(20), gradeTiers: z.array(z.array(z.enum(values(GRADES))).max(20)).max(20) });

/** The stored ranking policy (read once per request) and its changes. */
export class RankingService {
  private cached?: Promise<Ranker>;

  constructor(private readonly ctx: RequestContext) {}

  ranker(): Promise<Ranker> {
    this.cached ??= this.rankerOfCurrentInstitution();
    return this.cached;
  }

  /** The policy of the institution the flow runs in, read now (not cached). */
  async rankerOfCurrentInstitution(): Promise<Ranker> {
    const stored = (await this.ctx.models.Setting.findOne({ key: POLICY_KEY }).lean()) as { value?: RankingPolicy } | null;
    return new Ranker(stored?.value ? withEveryTerm(stored.value) : DEFAULT_POLICY);
  }

  async policy(): Promise<RankingPolicy> {
    this.ctx.guard.requireViewer();
    return (await this.ranker()).policy;
  }

  /** Stores a new policy and re-ranks every achievement under it (idempotent, batched). */
  async update(input: unknown): Promise<{ policy: RankingPolicy; reranked: number }> {
    this.ctx.guard.requireRole(['ADMIN'], t('action.changeRanking'));
    const policy = parseInput(updateSchema, input) as RankingPolicy;
    const problems = policyProblems(policy);
    if (problems.length) throw new UserInputFailure(problems.map((p) => ({ field: ['input', p.field], code: 'INVALID' as const, message: p.message })));
    const before = await this.policy();
    await this.ctx.models.Setting.updateOne({ key: POLICY_KEY }, { $set: { value: policy, updatedAt: new Date() } }, { upsert: true });
    this.cached = Promise.resolve(new Ranker(policy));
    const reranked = await rerank(this.ctx, new Ranker(policy));
    await this.ctx.services.audit.record('rankingPolicyUpdate', 'RankingPolicy', POLICY_ENTITY_ID, { policy: before }, { policy });
    return { policy, reranked };
  }
}

/** Recomputes level rank, result rank and rankKey of every achievement. */
export async function rerank(ctx: Pick<RequestContext, 'models'>, ranker: Ranker): Promise<number> {
  let changed = 0;
  let last: unknown = null;
  for (;;) {
    const batch = (await ctx.models.Achievement.find(last ? { _id: { $gt: last } } : {}, { kind: 1, level: 1, grade: 1, placement: 1, date: 1, year: 1, rankKey: 1 })
      .sort({ _id: 1 })
      .limit(1000)
      .lean()) as AchievementRecord[];
    if (!batch.length) return changed;
    const ops = batch
      .map((a) => ({ a, f: ranker.fields(a.level, resultOf(a), a.date, a.year) }))
      .filter(({ a, f }) => f.rankKey !== a.rankKey)
      .map(({ a, f }) => ({ updateOne: { filter: { _id: a._id }, update: { $set: f } } }));
    if (ops.length) await ctx.models.Achievement.bulkWrite(ops);
    changed += ops.length;
    last = batch[batch.length - 1]._id;
  }
}
