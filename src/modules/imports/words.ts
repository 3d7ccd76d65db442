// The words clerks write in spreadsheets, read into the registry's values.
import { CATEGORIES, DONATION_KINDS, GRADES, LEVELS, type Grade, type Level } from '../vocabulary/vocabulary.js';

const table = <T extends string>(entries: [T, string[]][]) => {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const w of [value, ...words]) map.set(w.toLowerCase(), value);
  return (text: string) => map.get(text.trim().toLowerCase());
};

export const parseLevel = table<Level>([
  ['INTERNATIONAL', ['国际级', '国际']],
  ['NATIONAL', ['国家级', '全国', '国家', '全国性']],
  ['PROVINCIAL', ['省级', '省', '省部级']],
  ['MUNICIPAL', ['市级', '市', '地市级']],
  ['DISTRICT', ['区县级', '区级', '县级', '区', '县']],
  ['TOWN', ['镇街级', '镇级', '街道级', '镇', '街道']],
  ['INSTITUTION', ['院级', '院', '医院']],
  ['UNSPECIFIED', ['级别未注明', '未注明', '不详']],
]);

export const parseCategory = table(CATEGORIES.map((c) => [c.value, [c.label, c.label.replace('职业', '')]] as [string, string[]]).concat([['CULTURE', ['文艺', '书法', '摄影', '征文', '演讲']], ['IDEOLOGY', ['党课', '微型党课']], ['SPORTS', ['体育比赛', '运动会']]]));

export const parseGender = table([
  ['FEMALE', ['女']],
  ['MALE', ['男']],
]);

export const parseDonationKind = table(DONATION_KINDS.map((d) => [d.value, [d.label, d.verb, ...(d.value === 'BLOOD' ? ['献血'] : d.value === 'STEM_CELL_REGISTRATION' ? ['造血干细胞', '干细胞登记'] : [])]] as [string, string[]]));

const GRADE_WORDS = new Map<string, Grade>(GRADES.map((g) => [g.label, g.value]));
const CN_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 二等奖 → grade; 第三名 / 第3名 → placement; anything else is a free-text result. */
export function parseResult(text: string): { grade?: Grade; placement?: number; resultText?: string } {
  const t = text.trim();
  const grade = GRADE_WORDS.get(t) ?? (GRADES.some((g) => g.value === t.toUpperCase()) ? (t.toUpperCase() as Grade) : undefined);
  if (grade) return { grade };
  const m = /^第?([0-9]+|[一二三四五六七八九十])名$/.exec(t);
  if (m) return { placement: CN_NUMBERS[m[1]] ?? Number(m[1]) };
  return { resultText: t };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** 2020-10-01, 2020/10/1, 2020.10.1, 2020年10月1日, 2020年10月, an Excel date serial, or a Date. */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (typeof value === 'number' && value > 20000 && value < 80000) return new Date(EXCEL_EPOCH + Math.floor(value) * 86_400_000);
  const text = String(value ?? '').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月)?$/.exec(text);
  if (!m) {
    const serial = /^\d{5}$/.test(text) ? Number(text) : NaN;
    return Number.isFinite(serial) ? parseDate(serial) : null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** "300余" → 300, approximate; "27800" → 27800. */
export function parseQuantity(value: unknown): { quantity: number; approximate: boolean } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { quantity: value, approximate: false } : null;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(余|多)?\s*[^\d]*$/.exec(String(value ?? ''));
  return m ? { quantity: Number(m[1]), approximate: Boolean(m[2]) } : null;
}

/** A number of participants as a source states it: 36, 200余人 (OVER), 近百人 or 近80人 (NEARLY). */
export function parseParticipants(value: unknown): { participants: number; participantsApprox?: 'OVER' | 'NEARLY' } | null {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? { participants: value } : null;
  const m = /^\s*(近)?\s*([0-9]+|百|千)\s*(余|多)?\s*人?\s*$/.exec(String(value ?? ''));
  if (!m || (m[1] && m[3])) return null;
  const participants = m[2] === '百' ? 100 : m[2] === '千' ? 1000 : Number(m[2]);
  if ((m[2] === '百' || m[2] === '千') && !m[1]) return null;
  return { participants, ...(m[1] ? { participantsApprox: 'NEARLY' as const } : m[3] ? { participantsApprox: 'OVER' as const } : {}) };
}

/** Staff numbers or names listed in one cell: 、，, ; and spaces separate them. */
export const splitList = (text: string) => text.split(/[、，,;；\s]+/).map((s) => s.trim()).filter(Boolean);

export const LEVEL_HELP = LEVELS.map((l) => l.label).join('、') + '（也可写：全国、省、市、区县、院）';
