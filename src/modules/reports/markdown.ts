import { label } from '../vocabulary/vocabulary.js';
import { quantityText } from '../donations/service.js';
import { chineseNumber, rankedRows } from './rows.js';
import type { Report } from './service.js';

/** Printed on every report of a demo institution. */
export const DEMO_NOTICE = '演示数据：本报告由演示机构的示例记录生成，不是真实的工作成绩。';

/** Escapes text for a Markdown table cell or paragraph. */
const md = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, '\\$1');

export function reportMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`# ${r.year}年度${r.title}工会工作成绩（草稿）`, '');
  if (r.institution.demo) out.push(`> ${DEMO_NOTICE}`, '');
  out.push(`> 根据已审核记录生成于 ${r.generatedAt.toISOString().slice(0, 10)}，供编写年度工作报告时修改使用。`, '');
  r.narrative.forEach((p, i) => {
    out.push(`## ${chineseNumber(i + 1)}、${p.heading}`, '', md(p.sentences.map((s) => s.text).join('')), '');
  });
  const rows = rankedRows(r);
  out.push(`## ${chineseNumber(r.narrative.length + 1)}、获奖与荣誉清单`, '');
  if (rows.length) {
    out.push('| 序号 | 级别 | 名称 | 获奖者 | 结果 | 日期 |', '|---:|---|---|---|---|---|');
    for (const row of rows) out.push(`| ${row.rank} | ${row.level} | ${md(row.title)} | ${md(row.who)} | ${md(row.result)} | ${row.date} |`);
  } else out.push('（无）');
  out.push('', `## ${chineseNumber(r.narrative.length + 2)}、统计`, '');
  out.push('| 级别 | 本年 | 上年 |', '|---|---:|---:|');
  for (const l of r.totals.byLevel) out.push(`| ${label('level', l.level)} | ${l.count} | ${r.previous.byLevel.find((p) => p.level === l.level)?.count ?? 0} |`);
  out.push(`| 合计 | ${r.totals.achievements} | ${r.previous.achievements} |`, '');
  out.push(`获奖职工 ${r.totals.peopleAwarded} 人，其中女职工 ${r.totals.womenAwarded} 人。`, '');
  if (r.donations.length) {
    out.push('| 捐赠 | 人数 | 数量 |', '|---|---:|---:|');
    for (const d of r.donations) out.push(`| ${label('donationKind', d.kind)} | ${d.donors || '—'} | ${quantityText(d)} |`);
    out.push('');
  }
  if (r.streaks.length) {
    out.push('连续获奖：' + r.streaks.map((s) => `${md(s.name)}（${label('level', s.level)}，连续${s.years}年）`).join('；'), '');
  }
  return out.join('\n');
}
