// The section as a Word document in official-document style (GB/T 9704 page and fonts),
// built with the `docx` library. Numbered headings are written as text (一、二、), which
// Word, WPS and LibreOffice all show the same way.
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import { DEMO_NOTICE, peopleLine, streaksLine } from './markdown.js';
import { chineseNumber } from '../vocabulary/numbers.js';
import { reportTables, type ReportTable } from './rows.js';
import { fittedWidths } from './widths.js';
import type { Report } from './service.js';

const mm = (n: number) => Math.round((n / 25.4) * 1440);
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });
const BODY = font('仿宋_GB2312');
const TITLE = font('方正小标宋简体');
const HEADING = font('黑体');
const SIZE_BODY = 32; // 三号, in half-points
const SIZE_TABLE = 24; // 小四
/** The text block of an A4 page with the margins below, in twentieths of a point. */
const TEXT_WIDTH = mm(210 - 28 - 26);

export function body(text: string) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: BODY, size: SIZE_BODY })],
  });
}

export function heading(text: string) {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    indent: { firstLine: 640 },
    spacing: { line: 560, lineRule: 'exact' },
    children: [new TextRun({ text, font: HEADING, size: SIZE_BODY, bold: false, color: '000000' })],
  });
}

/**
 * Table cells take their font from the TableText style, and their widths from the table's
 * columns (the library writes them into each cell): a long list stays light.
 */
function cell(text: string, options: { bold?: boolean; right?: boolean } = {}) {
  return new TableCell({
    children: [new Paragraph({ style: 'TableText', ...(options.right ? { alignment: AlignmentType.RIGHT } : {}), children: [options.bold ? new TextRun({ text, bold: true }) : new TextRun(text)] })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A table's rows, written into document.xml as text: the library builds a tree of objects
 * for every cell and serialises it through another, which cost most of a long report's
 * .docx. It renders one row of markers instead, repeated here for each row.
 */
const deferredRows = new WeakMap<Table, { id: number; rows: string[][] }>();
let nextDeferred = 0;
const marker = (id: number, column: number) => `@@deferred-${id}-${column}@@`;

/** A table with its columns fitted to their content and fixed, so Word, WPS and LibreOffice lay it out alike. */
export function docxTable(t: ReportTable): Table {
  // One em of the table font (SIZE_TABLE half-points) in twentieths of a point.
  const widths = fittedWidths(t.head, t.rows, t.flex, TEXT_WIDTH, SIZE_TABLE * 10);
  const id = nextDeferred++;
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, { bold: true })) }),
      new TableRow({ children: t.head.map((_, i) => cell(marker(id, i), { right: t.numeric?.includes(i) })) }),
    ],
  });
  deferredRows.set(table, { id, rows: t.rows });
  return table;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Rows written into the compressor at a time: the document.xml of a long list is never one string. */
const ROWS_PER_PUSH = 500;

/**
 * The document with each table's marker row replaced by its rows, written as the library
 * writes a row. The parts go through a streaming zip, document.xml a batch of rows at a time,
 * so the whole list is never held as text (twice, with its bytes) beside its compressed form.
 */
function expandDeferredRows(docx: Buffer, tables: { id: number; rows: string[][] }[]): Buffer {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']);
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, data] of Object.entries(files)) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    if (name !== 'word/document.xml') {
      part.push(data, true);
      continue;
    }
    let from = 0;
    // In the order the tables come in the document.
    const placed = tables.map((t) => ({ ...t, at: xml.indexOf(marker(t.id, 0)) })).sort((a, b) => a.at - b.at);
    for (const { id, rows, at } of placed) {
      const start = xml.lastIndexOf('<w:tr>', at);
      const end = xml.indexOf('</w:tr>', at) + '</w:tr>'.length;
      part.push(strToU8(xml.slice(from, start)));
      // The row as text and column numbers, alternating.
      const pieces = xml.slice(start, end).split(new RegExp(`@@deferred-${id}-(\\d+)@@`));
      for (let i = 0; i < rows.length; i += ROWS_PER_PUSH) {
        part.push(strToU8(rows.slice(i, i + ROWS_PER_PUSH).map((row) => pieces.map((piece, k) => (k % 2 ? escapeXml(row[Number(piece)] ?? '') : piece)).join('')).join('')));
      }
      from = end;
    }
    part.push(strToU8(xml.slice(from)), true);
  }
  zip.end();
  return Buffer.concat(out);
}

/** The document's title line. */
export function titleParagraph(text: string) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text, font: TITLE, size: 44 })] });
}

/** A document of these paragraphs and tables, on the official page, in its fonts. */
export async function officialDocument(title: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'honours-registry',
    title,
    styles: {
      default: { document: { run: { font: BODY, size: SIZE_BODY } } },
      paragraphStyles: [{ id: 'TableText', name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { font: BODY, size: SIZE_TABLE } }],
    },
    sections: [{ properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } }, children }],
  });
  const deferred = children.flatMap((c) => (c instanceof Table && deferredRows.has(c) ? [deferredRows.get(c)!] : []));
  const docx = await Packer.toBuffer(doc);
  return deferred.length ? expandDeferredRows(docx, deferred) : docx;
}

export async function reportDocx(r: Report): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    titleParagraph(`${r.year}年度${r.title}工会工作成绩`),
    ...(r.institution.demo ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: DEMO_NOTICE, bold: true, size: SIZE_BODY })] })] : []),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: '（草稿，据已审核记录生成）', font: font('楷体_GB2312'), size: SIZE_BODY })] }),
  ];
  r.narrative.forEach((p, i) => {
    children.push(heading(`${chineseNumber(i + 1)}、${p.heading}`));
    children.push(body(p.sentences.map((s) => s.text).join('')));
  });
  const tables = reportTables(r);
  children.push(heading(`${chineseNumber(r.narrative.length + 1)}、获奖与荣誉清单`));
  children.push(tables.ranked.rows.length ? docxTable(tables.ranked) : body('（无）'));
  children.push(heading(`${chineseNumber(r.narrative.length + 2)}、统计`), docxTable(tables.levels), body(peopleLine(r)));
  if (tables.donations) children.push(docxTable(tables.donations));
  if (r.streaks.length) children.push(body(streaksLine(r)));
  return officialDocument(`${r.year}年度${r.title}工会工作成绩`, children);
}
