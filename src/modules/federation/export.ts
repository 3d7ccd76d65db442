// The federation report as Markdown and .docx: the narrative, the institutions side by
// side, the leaders per level and the ranked list across institutions. Same page, fonts and
// tables as an institution's report.
import type { Paragraph, Table } from 'docx';
import { label, LEVELS } from '../vocabulary/vocabulary.js';
import { chineseNumber } from '../vocabulary/numbers.js';
import { body, docxTable, heading, officialDocument, titleParagraph } from '../reports/docx.js';
import { markdownTable, md } from '../reports/markdown.js';
import type { ReportTable } from '../reports/rows.js';
import type { FederationReport } from './service.js';

const title = (r: FederationReport) => `${r.year}年度全系统工会工作成绩汇总`;
/** Levels shown side by side: the usual ones always, 镇街级 and 级别未注明 where some institution has one. */
const shownLevels = (r: FederationReport) => LEVELS.map((l) => l.value).filter((l) => (l !== 'TOWN' && l !== 'UNSPECIFIED') || r.totals.some((t) => t.byLevel.some((x) => x.level === l && x.count > 0)));
const RANKED_TITLE = '国际级、国家级和省级成果清单';
/** The list's heading, saying so when it shows only the best of more. */
const rankedTitle = (r: FederationReport) => (r.rankedTotal > r.ranked.length ? `${RANKED_TITLE}（共${r.rankedTotal}项，列前${r.ranked.length}项）` : RANKED_TITLE);

/** The tables of the report, shared by both formats. */
function tables(r: FederationReport): { side: ReportTable; ranked: ReportTable } {
  const levels = shownLevels(r);
  const head = ['单位', ...levels.map((l) => label('level', l)), '合计', '获奖职工', '女职工'];
  const side: ReportTable = {
    head,
    rows: r.totals.map((t) => [t.record.name, ...levels.map((l) => String(t.byLevel.find((x) => x.level === l)?.count ?? 0)), String(t.achievements), String(t.peopleAwarded), String(t.womenAwarded)]),
    // The name, then every column a number.
    flex: 0,
    numeric: head.map((_, i) => i).slice(1),
  };
  const ranked: ReportTable = {
    head: ['序号', '级别', '单位', '名称', '获奖者', '结果'],
    rows: r.ranked.map((x, i) => [String(i + 1), label('level', x.record.level), x.institution.name, x.record.title, x.who, x.result]),
    flex: 3,
    numeric: [0],
  };
  return { side, ranked };
}

/** 国家级：甲医院（3项）、乙医院（2项）. */
const leadersLine = (l: FederationReport['leaders'][number], escape = (s: string) => s) =>
  `${label('level', l.level)}：${l.institutions.length ? l.institutions.map((x) => `${escape(x.institution.name)}（${x.count}项）`).join('、') : '（无）'}`;

export function federationMarkdown(r: FederationReport): string {
  const { side, ranked } = tables(r);
  const out = [`# ${title(r)}（草稿）`, '', `> 根据${r.institutions.length}家单位的已审核记录生成于 ${r.generatedAt.toISOString().slice(0, 10)}。`, ''];
  out.push(`## 一、概述`, '', md(r.narrative.map((s) => s.text).join('')), '');
  out.push(`## 二、各单位情况`, '', ...markdownTable(side), '');
  out.push(`## 三、各级成果最多的单位`, '', ...r.leaders.map((l) => `- ${leadersLine(l, md)}`));
  out.push('', `## 四、${rankedTitle(r)}`, '', ...(ranked.rows.length ? markdownTable(ranked) : ['（无）']), '');
  return out.join('\n');
}

export function federationDocx(r: FederationReport): Promise<Buffer> {
  const { side, ranked } = tables(r);
  const numbered = (n: number, text: string) => heading(`${chineseNumber(n)}、${text}`);
  const children: (Paragraph | Table)[] = [
    titleParagraph(title(r)),
    numbered(1, '概述'),
    body(r.narrative.map((s) => s.text).join('')),
    numbered(2, '各单位情况'),
    docxTable(side),
    numbered(3, '各级成果最多的单位'),
    ...r.leaders.map((l) => body(leadersLine(l))),
    numbered(4, rankedTitle(r)),
    ranked.rows.length ? docxTable(ranked) : body('（无）'),
  ];
  return officialDocument(title(r), children);
}
