// Reading an uploaded sheet: .xlsx (exceljs) or .csv in UTF-8 or GBK (csv-parse, iconv-lite).
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type Cell = string | number | Date | null;

export interface Sheet {
  headers: string[];
  /** Data rows with the row number the clerk sees (the header is row 1). */
  rows: { row: number; cells: Record<string, Cell> }[];
}

export class FileError extends Error {}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (o.richText) return cellValue(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
  }
  return String(v);
}

function toSheet(table: Cell[][]): Sheet {
  const [head, ...body] = table;
  if (!head || head.every((h) => h === null)) throw new FileError('文件为空：第1行应为列标题');
  const headers = head.map((h) => (h === null ? '' : String(h).replace(/[*＊]$/, '').trim()));
  const rows = body
    .map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells[j] ?? null])) }))
    .filter((r) => Object.values(r.cells).some((c) => c !== null));
  if (!rows.length) throw new FileError('文件没有数据行');
  return { headers: headers.filter(Boolean), rows };
}

function decodeText(buf: Buffer): string {
  if (buf.includes(0)) throw new FileError('无法读取文件：不是 .xlsx 工作簿，也不是文本 CSV');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buf, 'gbk');
  }
}

export async function readSheet(buf: Buffer, fileName: string): Promise<Sheet> {
  const isZip = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new FileError('无法读取文件：不是有效的 .xlsx 工作簿');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new FileError('工作簿中没有工作表');
    const table: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1);
      table[n - 1] = values.map(cellValue);
    });
    return toSheet(Array.from(table, (r) => r ?? []));
  }
  let records: string[][];
  try {
    records = parseCsv(decodeText(buf), { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`无法读取 CSV：${(e as Error).message}`);
  }
  return toSheet(records.map((r) => r.map(cellValue)));
}
