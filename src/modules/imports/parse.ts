// Reading an uploaded sheet, bounded before it can cost much: an .xlsx is unzipped by us
// (fflate), its declared and its actual inflated sizes counted while inflating, then its
// first worksheet streamed row by row (exceljs's streaming reader); a .csv (UTF-8 or GBK) is
// streamed through csv-parse. Past the row or column cap reading stops at once. Work goes in
// small chunks that yield to the event loop, so one upload never stalls the server.
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { Unzip, UnzipInflate, unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { t, type Text } from '../../shared/i18n/t.js';

export type Cell = string | number | Date | null;

export interface Sheet {
  headers: string[];
  /** Data rows with the row number the clerk sees (the header is row 1). */
  rows: { row: number; cells: Record<string, Cell> }[];
}

export interface SheetLimits {
  maxInflatedBytes: number;
  maxRows: number;
  maxColumns: number;
}

/** A file that cannot be used: the import fails with this message (HTTP 422). */
export class FileError extends Error {
  constructor(readonly text: Text) {
    super(text);
  }
}

/** A file past one of the limits (HTTP 413). */
export class LimitError extends FileError {}

const CHUNK = 64 * 1024;

/** A stream of `data` in CHUNK-sized pieces, so parsers downstream yield between them. */
const inChunks = (data: Buffer | string) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += CHUNK) yield typeof data === 'string' ? data.slice(at, at + CHUNK) : data.subarray(at, at + CHUNK);
    })(),
  );
const MiB = (n: number) => `${Math.round((n / 1048576) * 10) / 10} MiB`;

const inflatedTooLarge = (limit: number) => new LimitError(t('file.inflatesTooLarge', { limit: MiB(limit) }));
const tooManyRows = (limit: number) => new LimitError(t('file.tooManyRows', { limit }));
const tooManyColumns = (limit: number) => new LimitError(t('file.tooManyColumns', { limit }));

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
  if (!head || head.every((h) => h === null)) throw new FileError(t('file.empty'));
  const headers = head.map((h) => (h === null ? '' : String(h).replace(/[*＊]$/, '').trim()));
  const rows = body
    .map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(headers.map((h, j) => [h, cells?.[j] ?? null])) }))
    .filter((r) => Object.values(r.cells).some((c) => c !== null));
  if (!rows.length) throw new FileError(t('file.noRows'));
  return { headers: headers.filter(Boolean), rows };
}

/** Collects rows (header first), refusing past the caps as soon as they are crossed. */
class RowCollector {
  readonly table: Cell[][] = [];

  constructor(private readonly limits: SheetLimits) {}

  add(index: number, values: unknown[]) {
    if (values.length > this.limits.maxColumns && values.slice(this.limits.maxColumns).some((v) => cellValue(v) !== null)) throw tooManyColumns(this.limits.maxColumns);
    // Row `index` is 0-based with the header at 0: data rows are 1..maxRows.
    if (index > this.limits.maxRows) throw tooManyRows(this.limits.maxRows);
    this.table[index] = values.slice(0, this.limits.maxColumns).map(cellValue);
  }
}

/** The parts of a workbook exceljs needs, inflated with every byte counted. */
const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

async function inflateWorkbook(buf: Buffer, limit: number): Promise<Map<string, Uint8Array>> {
  // What the central directory declares, before inflating anything.
  let declared = 0;
  try {
    unzipSync(buf, {
      filter: (f) => {
        if (WANTED.test(f.name)) declared += f.originalSize;
        if (declared > limit) throw inflatedTooLarge(limit);
        return false;
      },
    });
  } catch (e) {
    if (e instanceof LimitError) throw e;
    throw new FileError(t('file.notXlsx'));
  }
  // What the entries actually inflate to: a lying header is caught here.
  const parts = new Map<string, Uint8Array[]>();
  let inflated = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    if (!WANTED.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, data) => {
      if (failure) return;
      if (err) failure = new FileError(t('file.notXlsx'));
      inflated += data?.length ?? 0;
      if (inflated > limit) failure = inflatedTooLarge(limit);
      if (!failure) chunks.push(data);
      else file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Small input slices: even a maximal-ratio slice inflates to a bounded amount per turn.
    for (let at = 0; at < buf.length && !failure; at += CHUNK / 4) {
      unzip.push(buf.subarray(at, at + CHUNK / 4), at + CHUNK / 4 >= buf.length);
      await yieldToEventLoop();
    }
  } catch (e) {
    failure ??= e instanceof FileError ? e : new FileError(t('file.notXlsx'));
  }
  if (failure) throw failure;
  return new Map([...parts].map(([name, chunks]) => [name, Buffer.concat(chunks)]));
}

async function readXlsx(buf: Buffer, limits: SheetLimits): Promise<Cell[][]> {
  const parts = await inflateWorkbook(buf, limits.maxInflatedBytes);
  const sheets = [...parts.keys()].filter((n) => n.startsWith('xl/worksheets/')).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  if (!sheets.length || !parts.has('xl/workbook.xml')) throw new FileError(t('file.noSheets'));
  // Re-packed uncompressed, shared strings and styles before the sheet (so the streaming
  // reader needs no temporary files), and only the first worksheet.
  const order = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', sheets[0]];
  const packed = Buffer.from(zipSync(Object.fromEntries(order.filter((n) => parts.has(n)).map((n) => [n, [parts.get(n)!, { level: 0 }]])), { level: 0 }));
  parts.clear();
  const rows = new RowCollector(limits);
  const source = inChunks(packed);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const worksheet of reader) {
      let seen = 0;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        rows.add(row.number - 1, (row.values as unknown[]).slice(1));
        if (++seen % 500 === 0) await yieldToEventLoop();
      }
      break;
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(t('file.notXlsx'));
  } finally {
    source.destroy();
  }
  return Array.from(rows.table, (r) => r ?? []);
}

function decodeText(buf: Buffer): string {
  if (buf.includes(0)) throw new FileError(t('file.neither'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return iconv.decode(buf, 'gbk');
  }
}

async function readCsv(buf: Buffer, limits: SheetLimits): Promise<Cell[][]> {
  const text = decodeText(buf);
  const rows = new RowCollector(limits);
  const source = inChunks(text);
  const parser = source.pipe(parseCsv({ relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: 1024 * 1024 }));
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows.add(index++, record);
      if (index % 500 === 0) await yieldToEventLoop();
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(t('file.badCsv', { detail: (e as Error).message }));
  } finally {
    parser.destroy();
    source.destroy();
  }
  return rows.table;
}

export async function readSheet(buf: Buffer, fileName: string, limits: SheetLimits): Promise<Sheet> {
  const isZip = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  const table = isZip || /\.xlsx$/i.test(fileName) ? await readXlsx(buf, limits) : await readCsv(buf, limits);
  return toSheet(table);
}
