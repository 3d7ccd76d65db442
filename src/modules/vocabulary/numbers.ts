// Numbers as a Chinese report writes them in words: headings (一、), placements (第三名),
// counts before a measure word (连续两年).
import { label } from './vocabulary.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * 1 → 一 … 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九; larger numbers stay in digits. As a
 * count before a measure word, 2 reads 两 (两年); in a heading or a placement it reads 二.
 */
export function chineseNumber(n: number, { counting = false } = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n === 2 && counting) return '两';
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** A number of people as the source states it: 200余人, 近百人 (近千人), 近80人, 36人. */
export function peopleCount(n: number, approx?: string | null): string {
  if (approx === 'OVER') return `${n}余人`;
  if (approx === 'NEARLY') return n === 100 ? '近百人' : n === 1000 ? '近千人' : `近${n}人`;
  return `${n}人`;
}

/** An award's result in words: the grade's name, 第三名, or the result as entered. */
export function resultWords(a: { grade?: string | null; placement?: number | null; resultText?: string | null }): string {
  if (a.grade) return label('grade', a.grade);
  if (a.placement) return `第${chineseNumber(a.placement)}名`;
  return a.resultText ?? '';
}

/** The result as read, after the division it was won in (企业组优胜奖, 团体亚军). */
export const awardResultLabel = (a: Parameters<typeof resultWords>[0] & { division?: string | null }) => `${a.division ?? ''}${resultWords(a)}`;
