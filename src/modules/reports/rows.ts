import { awardResultLabel } from '../vocabulary/numbers.js';
import { quantityText } from '../donations/service.js';
import { label } from '../vocabulary/vocabulary.js';
import { collectiveName } from '../achievements/recipients.js';
import type { Report } from './service.js';
import { departmentKey, personKey } from '../achievements/recipient-keys.js';


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
    who: [...a.people.map((p) => names.get(personKey(p)) ?? ''), ...(a.collective ? [collectiveName(a.collective, a.collective.department ? names.get(departmentKey(a.collective.department)) : undefined, r.institution.selfReference)] : [])].filter(Boolean).join('、'),
    result: a.kind === 'AWARD' ? awardResultLabel(a) : a.kind === 'MODEL_WORKER' ? label('modelWorkerTitle', a.designation!) : '称号',
    date: a.date ? a.date.toISOString().slice(0, 10) : String(a.year),
  }));
}

/** A table of the report: its header, rows, and the column that takes the room left (the name). */
export interface ReportTable {
  head: string[];
  rows: string[][];
  flex: number;
  /** Columns of numbers, right-aligned. */
  numeric?: number[];
}

/** Every table of the section, in order, for the Markdown and the .docx alike. */
export function reportTables(r: Report): { ranked: ReportTable; levels: ReportTable; donations: ReportTable | null } {
  const ranked: ReportTable = {
    head: ['序号', '级别', '名称', '获奖者', '结果', '日期'],
    rows: rankedRows(r).map((row) => [String(row.rank), row.level, row.title, row.who, row.result, row.date]),
    // The name takes the room; the number, level and date only theirs.
    flex: 2,
    numeric: [0],
  };
  const levels: ReportTable = {
    head: ['级别', '本年', '上年'],
    rows: [
      // 镇街级 and 级别未注明 only where there is one, this year or last.
      ...r.totals.byLevel.filter((l) => (l.level !== 'TOWN' && l.level !== 'UNSPECIFIED') || l.count || r.previous.byLevel.find((p) => p.level === l.level)?.count).map((l) => [label('level', l.level), String(l.count), String(r.previous.byLevel.find((p) => p.level === l.level)?.count ?? 0)]),
      ['合计', String(r.totals.achievements), String(r.previous.achievements)],
    ],
    flex: 0,
    numeric: [1, 2],
  };
  const donations: ReportTable | null = r.donations.length
    ? { head: ['捐赠', '人数', '数量'], rows: r.donations.map((d) => [label('donationKind', d.kind), d.donors ? String(d.donors) : '—', quantityText(d)]), flex: 0, numeric: [1, 2] }
    : null;
  return { ranked, levels, donations };
}
