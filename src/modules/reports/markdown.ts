import { label } from '../vocabulary/vocabulary.js';
import { chineseNumber } from '../vocabulary/numbers.js';
import { reportTables, type ReportTable } from './rows.js';
import type { Report } from './service.js';

/** Printed on every report of a demo institution. */
export const DEMO_NOTICE = '演示数据：本报告由演示机构的示例记录生成，不是真实的工作成绩。';

/** Escapes text for a Markdown table cell or paragraph. */
export const md = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, '\\$1');

export function markdownTable(t: ReportTable): string[] {
  const align = t.head.map((_, i) => (t.numeric?.includes(i) ? '---:' : '---'));
  return [`| ${t.head.join(' | ')} |`, `|${align.join('|')}|`, ...t.rows.map((row) => `| ${row.map(md).join(' | ')} |`)];
}

export function reportMarkdown(r: Report): string {
  const out: string[] = [];
  const tables = reportTables(r);
  out.push(`# ${r.year}年度${r.title}工会工作成绩（草稿）`, '');
  if (r.institution.demo) out.push(`> ${DEMO_NOTICE}`, '');
  out.push(`> 根据已审核记录生成于 ${r.generatedAt.toISOString().slice(0, 10)}，供编写年度工作报告时修改使用。`, '');
  r.narrative.forEach((p, i) => {
    out.push(`## ${chineseNumber(i + 1)}、${p.heading}`, '', md(p.sentences.map((s) => s.text).join('')), '');
  });
  out.push(`## ${chineseNumber(r.narrative.length + 1)}、获奖与荣誉清单`, '');
  out.push(...(tables.ranked.rows.length ? markdownTable(tables.ranked) : ['（无）']));
  out.push('', `## ${chineseNumber(r.narrative.length + 2)}、统计`, '', ...markdownTable(tables.levels), '');
  out.push(peopleLine(r), '');
  if (tables.donations) out.push(...markdownTable(tables.donations), '');
  if (r.streaks.length) out.push(md(streaksLine(r)), '');
  return out.join('\n');
}

export const peopleLine = (r: Report) => `获奖职工 ${r.totals.peopleAwarded} 人，其中女职工 ${r.totals.womenAwarded} 人。`;
export const streaksLine = (r: Report) => '连续获奖：' + r.streaks.map((s) => `${s.name}（${label('level', s.level)}，连续${s.years}年）`).join('；');
