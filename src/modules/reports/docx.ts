// The section as a Word document in official-document style (GB/T 9704 page and fonts),
// built with the `docx` library. Numbered headings are written as text (一、二、), which
// Word, WPS and LibreOffice all show the same way.
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { DEMO_NOTICE } from './markdown.js';
import { chineseNumber, rankedRows } from './rows.js';
import type { Report } from './service.js';

const mm = (n: number) => Math.round((n / 25.4) * 1440);
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });
const BODY = font('仿宋_GB2312');
const TITLE = font('方正小标宋简体');
const HEADING = font('黑体');
const SIZE_BODY = 32; // 三号, in half-points
const SIZE_TABLE = 24; // 小四

function body(text: string) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: BODY, size: SIZE_BODY })],
  });
}

function heading(text: string) {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: HEADING, size: SIZE_BODY, bold: false, color: '000000' })],
  });
}

/** Table cells take their font from the TableText style: a long list stays light. */
function cell(text: string, bold = false) {
  return new TableCell({ children: [new Paragraph({ style: 'TableText', children: [bold ? new TextRun({ text, bold }) : new TextRun(text)] })] });
}

export async function reportDocx(r: Report): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: `${r.year}年度${r.title}工会工作成绩`, font: TITLE, size: 44 })],
    }),
    ...(r.institution.demo ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: DEMO_NOTICE, bold: true, size: SIZE_BODY })] })] : []),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: '（草稿，据已审核记录生成）', font: font('楷体_GB2312'), size: SIZE_BODY })] }),
  ];
  r.narrative.forEach((p, i) => {
    children.push(heading(`${chineseNumber(i + 1)}、${p.heading}`));
    children.push(body(p.sentences.map((s) => s.text).join('')));
  });
  children.push(heading(`${chineseNumber(r.narrative.length + 1)}、获奖与荣誉清单`));
  const rows = rankedRows(r);
  if (rows.length) {
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: [
          new TableRow({ tableHeader: true, children: ['序号', '级别', '名称', '获奖者', '结果', '日期'].map((h) => cell(h, true)) }),
          ...rows.map((row) => new TableRow({ children: [String(row.rank), row.level, row.title, row.who, row.result, row.date].map((t) => cell(t)) })),
        ],
      }),
    );
  } else children.push(body('（无）'));
  const doc = new Document({
    creator: 'honours-registry',
    title: `${r.year}年度${r.title}工会工作成绩`,
    styles: {
      default: { document: { run: { font: BODY, size: SIZE_BODY } } },
      paragraphStyles: [{ id: 'TableText', name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { font: BODY, size: SIZE_TABLE } }],
    },
    sections: [{ properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } }, children }],
  });
  return Packer.toBuffer(doc);
}
