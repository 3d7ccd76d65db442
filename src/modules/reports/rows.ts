import { label } from '../vocabulary/vocabulary.js';
import type { Report } from './service.js';

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 1 → 一 … 10 → 十, 11 → 十一. As a count before a measure word, 2 reads 两 (两年);
 * in a numbered heading it reads 二 (二、).
 */
export function chineseNumber(n: number, { counting = false } = {}): string {
  if (n === 2 && counting) return '两';
  if (n <= 10) return CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  return String(n);
}

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
    result: a.kind === 'AWARD' ? (a.grade ? label('grade', a.grade) : a.placement ? `第${a.placement}名` : (a.resultText ?? '')) : a.kind === 'MODEL_WORKER' ? label('modelWorkerTitle', a.designation!) : '称号',
    date: a.date ? a.date.toISOString().slice(0, 10) : String(a.year),
  }));
}
