import { awardResultLabel } from '../vocabulary/numbers.js';
import { label } from '../vocabulary/vocabulary.js';
import type { Report } from './service.js';

export { chineseNumber } from '../vocabulary/numbers.js';

export interface RankedRow {
  rank: number;
  level: string;
  title: string;
  who: string;
  result: string;
  date: string;
}

/** The ranked list as table rows (names resolved by the caller's report). */
export function rankedRows(r: Report): RankedRow[] {
  const names = new Map(r.narrativeNames);
  return r.ranked.map((a, i) => ({
    rank: i + 1,
    level: label('level', a.level),
    title: a.title,
    who: [...a.people.map((p) => names.get(`P:${p}`) ?? ''), ...(a.collective ? [a.collective.kind === 'INSTITUTION' ? r.institution.selfReference : (names.get(`D:${a.collective.department}`) ?? '')] : [])].filter(Boolean).join('、'),
    result: a.kind === 'AWARD' ? awardResultLabel(a) : a.kind === 'MODEL_WORKER' ? label('modelWorkerTitle', a.designation!) : '称号',
    date: a.date ? a.date.toISOString().slice(0, 10) : String(a.year),
  }));
}
