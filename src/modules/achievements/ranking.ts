// Ranking: level first, then result (grade tier or placement; titles at the top, vague
// results last), then date. `rankKey` encodes it as a sortable string, under a policy
// (see policy.ts) that an ADMIN may change.
import type { Grade, Level } from '../vocabulary/vocabulary.js';
import { DEFAULT_POLICY, type RankingPolicy } from './policy.js';

export interface RankInput {
  levelRank: number;
  resultRank: number;
  sortDate: Date;
}

const pad = (n: number, width: number) => String(Math.max(0, Math.min(n, 10 ** width - 1))).padStart(width, '0');

export function rankKey({ levelRank, resultRank, sortDate }: RankInput): string {
  return `${pad(levelRank, 2)}.${pad(resultRank, 2)}.${sortDate.toISOString()}`;
}

/** The year a title held since an unknown year sorts by: before every dated record. */
const UNKNOWN_YEAR = 1900;

/** The date to order by: the record's own, else the last day of its year. */
export function sortDateOf(date: Date | null | undefined, year: number | null): Date {
  return date ?? new Date(Date.UTC(year ?? UNKNOWN_YEAR, 11, 31));
}

/** What a record achieved, for its result rank. */
export type Result = { title: true } | { grade: Grade } | { placement: number } | { vague: true };

export const VAGUE_RANK = 99;

export class Ranker {
  private readonly levels: Map<string, number>;
  private readonly tiers: Map<string, number>;

  constructor(readonly policy: RankingPolicy = DEFAULT_POLICY) {
    this.levels = new Map(policy.levelOrder.map((l, i) => [l, i]));
    this.tiers = new Map(policy.gradeTiers.flatMap((tier, i) => tier.map((g) => [g, i] as const)));
  }

  levelRank(level: string): number {
    return this.levels.get(level) ?? this.levels.size;
  }

  /** Tiers count in tens; placements 1-3 rank with 一/二/三等奖, later ones just after 三等奖. */
  resultRank(r: Result): number {
    if ('title' in r) return 0;
    if ('vague' in r) return VAGUE_RANK;
    if ('grade' in r) return (this.tiers.get(r.grade) ?? 9) * 10;
    const podium = (['FIRST', 'SECOND', 'THIRD'] as const)[r.placement - 1];
    if (podium) return (this.tiers.get(podium) ?? 9) * 10;
    return (this.tiers.get('THIRD') ?? 9) * 10 + Math.min(r.placement - 3, 9);
  }

  fields(level: Level | string, result: Result, date: Date | null | undefined, year: number | null) {
    const levelRank = this.levelRank(level);
    const resultRank = this.resultRank(result);
    const sortDate = sortDateOf(date, year);
    return { levelRank, resultRank, sortDate, rankKey: rankKey({ levelRank, resultRank, sortDate }) };
  }
}

/** The result of a stored record, for re-ranking. */
export function resultOf(r: { kind: string; grade?: string | null; placement?: number | null }): Result {
  if (r.kind !== 'AWARD') return { title: true };
  if (r.grade) return { grade: r.grade as Grade };
  if (r.placement) return { placement: r.placement };
  return { vague: true };
}
