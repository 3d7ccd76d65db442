// The federation report as Markdown and .docx: the narrative, the institutions side by
// side, the leaders per level and the ranked list across institutions.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { label, LEVELS } from '../vocabulary/vocabulary.js';
import { chineseNumber } from '../reports/rows.js';
import type { FederationReport } from './service.js';

const md = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, '\\$1');
const title = (r: FederationReport) => `${r.year}年度全系统工会工作成绩汇总`;
const SHOWN_LEVELS = LEVELS.map((l) => l.value);

/** The tables of the report, shared by both formats. */
function tables(r: FederationReport) {
  const side = {
    head: ['单位', ...SHOWN_LEVELS.map((l) => label('level', l)), '合计', '获奖职工', '女职工'],
    rows: r.totals.map((t) => [t.record.name, ...SHOWN_LEVELS.map((l) => String(t.byLevel.find((x) => x.level === l)?.count ?? 0)), String(t.achievements), String(t.peopleAwarded), String(t.womenAwarded)]),
  };
  const ranked = {
    head: ['序号', '级别', '单位', '名称', '获奖者', '结果'],
    rows: r.ranked.map((x, i) => [String(i + 1), label('level', x.record.level), x.institution.name, x.record.title, x.who, x.result]),
  };
  return { side, ranked };
}

export function federationMarkdown(r: FederationReport): string {
  const { side, ranked } = tables(r);
  const table = (t: { head: string[]; rows: string[][] }) => [`| ${t.head.join(' | ')} |`, `|${t.head.map(() => '---').join('|')}|`, ...t.rows.map((row) => `| ${row.map(md).join(' | ')} |`)];
  const out = [`# ${title(r)}（草稿）`, '', `> 根据${r.institutions.length}家单位的已审核记录生成于 ${r.generatedAt.toISOString().slice(0, 10)}。`, ''];
  out.push(`## 一、概述`, '', md(r.narrative.map((s) => s.text).join('')), '');
  out.push(`## 二、各单位情况`, '', ...table(side), '');
  out.push(`## 三、各级成果最多的单位`, '');
  for (const l of r.leaders) out.push(`- ${label('level', l.level)}：${l.institutions.length ? l.institutions.map((x) => `${md(x.institution.name)}（${x.count}项）`).join('、') : '（无）'}`);
  out.push('', `## 四、${rankedTitle(r)}`, '', ...(ranked.rows.length ? table(ranked) : ['（无）']), '');
  return out.join('\n');
}

const RANKED_TITLE = '国际级、国家级和省级成果清单';
/** The list's heading, saying so when it shows only the best of more. */
const rankedTitle = (r: FederationReport) => (r.rankedTotal > r.ranked.length ? `${RANKED_TITLE}（共${r.rankedTotal}项，列前${r.ranked.length}项）` : RANKED_TITLE);

function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ style: 'TableText', children: [new TextRun({ text, bold })] })] });
}

function docxTable(t: { head: string[]; rows: string[][] }) {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, true)) }), ...t.rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) }))],
  });
}

export async function federationDocx(r: FederationReport): Promise<Buffer> {
  const { side, ranked } = tables(r);
  const heading = (n: number, text: string) => new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: `${chineseNumber(n)}、${text}`, font: '黑体', size: 32 })] });
  const body = (text: string) => new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun({ text, size: 32 })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: title(r), font: '方正小标宋简体', size: 44 })] }),
    heading(1, '概述'),
    body(r.narrative.map((s) => s.text).join('')),
    heading(2, '各单位情况'),
    docxTable(side),
    heading(3, '各级成果最多的单位'),
    ...r.leaders.map((l) => body(`${label('level', l.level)}：${l.institutions.length ? l.institutions.map((x) => `${x.institution.name}（${x.count}项）`).join('、') : '（无）'}`)),
    heading(4, rankedTitle(r)),
    ranked.rows.length ? docxTable(ranked) : body('（无）'),
  ];
  const doc = new Document({
    creator: 'honours-registry',
    title: title(r),
    styles: { default: { document: { run: { font: '仿宋_GB2312', size: 32 } } }, paragraphStyles: [{ id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 21 } }] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
