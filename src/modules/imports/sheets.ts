// Spreadsheets going out: import templates, and the achievements export (xlsx or csv).
import ExcelJS from 'exceljs';
import type { ImportKind } from './kinds.js';

/** Template: the headers (required ones marked), and a second sheet explaining each column. */
export async function templateXlsx(kind: ImportKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'honours-registry';
  const sheet = wb.addWorksheet(kind.title);
  sheet.addRow(kind.columns.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  kind.columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    cell.note = `${c.required ? '必填。' : ''}${c.help}`;
    sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 3);
  });
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '是否必填', '说明与可填写的值']);
  help.getRow(1).font = { bold: true };
  for (const c of kind.columns) help.addRow([c.header, c.required ? '必填' : '选填', c.help]);
  help.getColumn(3).width = 80;
  help.addRow([]);
  help.addRow(['说明', '', '第1行为列标题，请勿修改；数据从第2行开始。日期可写 2020-10-01、2020/10/1 或 2020年10月。导入前可先“试导入”（mode=dryRun）查看每行结果。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab/CR) is written
 * with a leading apostrophe, so an export can never run code in the clerk's Excel.
 */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface ExportTable {
  title: string;
  headers: string[];
  rows: string[][];
}

/** A workbook of one sheet per table, in order. */
export async function tableXlsx(...tables: ExportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const sheet = wb.addWorksheet(t.title);
    sheet.addRow(t.headers);
    sheet.getRow(1).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row.map(neutralize));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function tableCsv(t: ExportTable): string {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // UTF-8 with BOM: Excel and WPS open it as UTF-8.
  return '\uFEFF' + [t.headers, ...t.rows.map((r) => r.map(neutralize))].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}
