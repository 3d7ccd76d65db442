// Runs an import: reads the sheet, checks its headers, maps each row, and applies it through
// the same services as the mutations (validation, scope, duplicates, audit). A dry run
// applies nothing; a commit writes each valid row on its own, so a failure never leaves a
// partial row, and re-running the same file creates nothing new.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import type { RequestContext } from '../../context.js';
import { UserInputFailure } from '../../shared/errors.js';
import { idOfType } from '../../shared/ids.js';
import { paginate, type PageArgs } from '../../shared/pagination.js';
import { badUserInput, notFound } from '../../shared/errors.js';
import type { PersonRecord } from '../people/model.js';
import { actorOf } from '../achievements/workflow.js';
import { IMPORT_KINDS, importKind, type ImportKind, type Lookups, type RowErrors } from './kinds.js';
import { CompetitionMemo } from './memo.js';
import { DedupeMemo, keptOnCommit, withDedupeMemo } from '../achievements/dedupe-memo.js';
import type { ImportJobRecord, ImportRowResult } from './model.js';
import { FileError, readSheet, type Cell } from './parse.js';
import { currentInstitution } from '../../shared/tenancy.js';
import { atomically } from '../../shared/atomic.js';
import { insertsTogether } from '../../shared/insert-batch.js';
import { t } from '../../shared/i18n/t.js';

/** Rows applied concurrently: their writes share fsyncs (group commit), order is kept. */
const ROWS_AT_ONCE = 8;
/**
 * Rows committed in one transaction: a commit starts with small chunks and doubles the next
 * after each chunk that went in whole, up to the cap; a refused chunk starts it over, so a
 * file with scattered refusals replays few rows while a clean file goes in large chunks.
 */
const FIRST_CHUNK = 20;
const LARGEST_CHUNK = 320;

type SheetRow = { row: number; cells: Record<string, Cell> };

export class ImportService {
  constructor(private readonly ctx: RequestContext) {}

  private async lookups(): Promise<Lookups> {
    const people = (await this.ctx.models.Person.find({ archived: false }).lean()) as PersonRecord[];
    const peopleByName = new Map<string, PersonRecord[]>();
    for (const p of people) peopleByName.set(p.name, [...(peopleByName.get(p.name) ?? []), p]);
    const units = async (model: 'Department' | 'UnionGroup') => {
      const docs = (await this.ctx.models[model].find().lean()) as unknown as { _id: Types.ObjectId; name: string; code: string }[];
      return new Map(docs.flatMap((d) => [[d.name, d], [d.code, d]] as const));
    };
    // The rows' recipients are then found without a query each.
    for (const p of people) this.ctx.loaders.person.prime(p._id, p);
    const dedupe = new DedupeMemo();
    return { peopleByNumber: new Map(people.map((p) => [p.staffNumber, p])), peopleByName, departments: await units('Department'), unionGroups: await units('UnionGroup'), competitions: new CompetitionMemo(dedupe), dedupe };
  }

  /** One transaction; the records it writes are known to the memo once it has committed. */
  private transaction<T>(run: () => Promise<T>): Promise<T> {
    return keptOnCommit((attempt) => atomically(this.ctx.models, attempt), run);
  }

  /** A service's refusal, in the clerk's words, on the column to fix. */
  private rowErrors(kind: ImportKind, e: unknown): RowErrors {
    if (e instanceof UserInputFailure) {
      return e.userErrors.map((u) => ({ column: kind.fieldColumns[u.field[1] ?? ''] ?? '', message: t('import.serviceRefusal', { code: u.code, message: u.message }) }));
    }
    if (e instanceof GraphQLError && e.extensions.code === 'FORBIDDEN') return [{ column: '', message: t('import.outsideScope', { message: e.message }) }];
    throw e;
  }

  private async applyRow(kind: ImportKind, cells: Record<string, Cell>, lookups: Lookups, row: number, mode: 'DRY_RUN' | 'COMMIT'): Promise<ImportRowResult> {
    const mapped = await kind.map(this.ctx, cells, lookups);
    if (Array.isArray(mapped)) return { row, outcome: 'ERROR', errors: mapped };
    try {
      // A committed row is one transaction: its record, audit entry and what follows from it.
      const applied = mode === 'DRY_RUN' ? await kind.apply(this.ctx, mapped, true, lookups) : await this.transaction(() => kind.apply(this.ctx, mapped, false, lookups));
      return { row, ...applied, errors: [] };
    } catch (e) {
      // What the refused row read or added inside its undone transaction is read again.
      if (mode === 'COMMIT') lookups.competitions.forget();
      return { row, outcome: 'ERROR', errors: this.rowErrors(kind, e) };
    }
  }

  /** Rows one by one (a transaction each), a few at a time: their commits share the journal's fsyncs. */
  private async applyEach(kind: ImportKind, rows: SheetRow[], lookups: Lookups, mode: 'DRY_RUN' | 'COMMIT'): Promise<ImportRowResult[]> {
    const out: ImportRowResult[] = [];
    for (let i = 0; i < rows.length; i += ROWS_AT_ONCE) {
      out.push(...(await Promise.all(rows.slice(i, i + ROWS_AT_ONCE).map(({ row, cells }) => this.applyRow(kind, cells, lookups, row, mode)))));
      // A dry run's rows mostly ask the memo, not the database: other requests get their turn.
      await yieldToEventLoop();
    }
    return out;
  }

  /**
   * The rows in one transaction, in order; null (nothing written) when any of them is refused
   * or the transaction fails. A row that maps to errors writes nothing and is kept as it is.
   */
  private async commitTogether(kind: ImportKind, rows: SheetRow[], lookups: Lookups): Promise<ImportRowResult[] | null> {
    try {
      // The rows' records and audit entries go in together at the chunk's end.
      return await this.transaction(() =>
        insertsTogether(async () => {
          const out: ImportRowResult[] = [];
          for (const { row, cells } of rows) {
            const mapped = await kind.map(this.ctx, cells, lookups);
            out.push(Array.isArray(mapped) ? { row, outcome: 'ERROR', errors: mapped } : { row, ...(await kind.apply(this.ctx, mapped, false, lookups)), errors: [] });
          }
          return out;
        }),
      );
    } catch {
      lookups.competitions.forget();
      return null;
    }
  }

  /** The job, kept; and the file-level refusal, if any (a LimitError for a file past the caps). */
  async run(kindName: string, file: { buffer: Buffer; fileName: string }, mode: 'DRY_RUN' | 'COMMIT'): Promise<{ job: ImportJobRecord; refusal?: FileError }> {
    this.ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.import'));
    const kind = importKind(kindName);
    if (!kind) throw notFound(t('import.unknownKind', { kind: kindName, kinds: Object.keys(IMPORT_KINDS) }));
    const createdAt = new Date();
    let rows: ImportRowResult[] = [];
    let fileError: FileError | undefined;
    try {
      const { config } = this.ctx;
      const sheet = await readSheet(file.buffer, file.fileName, { maxInflatedBytes: config.IMPORT_MAX_INFLATED_BYTES, maxRows: config.IMPORT_MAX_ROWS, maxColumns: config.IMPORT_MAX_COLUMNS });
      const missing = kind.columns.filter((c) => c.required && !sheet.headers.includes(c.header)).map((c) => c.header);
      const unknown = sheet.headers.filter((h) => !kind.columns.some((c) => c.header === h));
      if (missing.length || unknown.length) {
        throw new FileError(
          t('import.headers', { missing, unknown, template: kind.title }),
        );
      }
      const lookups = await this.lookups();
      // Duplicates within the file are found first, in row order.
      const seen = new Map<string, number>();
      const todo: typeof sheet.rows = [];
      const results = new Map<number, ImportRowResult>();
      for (const r of sheet.rows) {
        const key = kind.rowKey(r.cells);
        const twin = seen.get(key);
        if (twin !== undefined) results.set(r.row, { row: r.row, outcome: 'ERROR', errors: [{ column: '', message: t('import.twinRow', { row: twin }) }] });
        else {
          seen.set(key, r.row);
          todo.push(r);
        }
      }
      await kind.prime?.(this.ctx, todo.map((r) => r.cells), lookups);
      await withDedupeMemo(lookups.dedupe, async () => {
        if (mode === 'COMMIT') {
          // Rows go in chunks, one transaction each; a chunk with a refused row is undone and its
          // rows applied one by one, so every row's outcome is what it would be on its own.
          let size = FIRST_CHUNK;
          for (let i = 0; i < todo.length; ) {
            const chunk = todo.slice(i, i + size);
            i += chunk.length;
            const committed = await this.commitTogether(kind, chunk, lookups);
            size = committed ? Math.min(size * 2, LARGEST_CHUNK) : FIRST_CHUNK;
            for (const r of committed ?? (await this.applyEach(kind, chunk, lookups, mode))) results.set(r.row, r);
          }
        } else {
          for (const r of await this.applyEach(kind, todo, lookups, mode)) results.set(r.row, r);
        }
      });
      rows = sheet.rows.map((r) => results.get(r.row)!);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      fileError = e;
    }
    const count = (o: ImportRowResult['outcome']) => rows.filter((r) => r.outcome === o).length;
    // Written through the driver: the rows are our own plain objects, and hydrating 20,000
    // subdocuments in mongoose would hold the event loop for seconds.
    const job: ImportJobRecord = {
      _id: new Types.ObjectId(),
      kind: kindName,
      mode,
      status: fileError ? 'FAILED' : 'SUCCEEDED',
      fileName: file.fileName.slice(0, 200),
      fileError: fileError?.message,
      createdBy: actorOf(this.ctx),
      createdAt,
      finishedAt: new Date(),
      counts: { rows: rows.length, create: count('CREATE'), update: count('UPDATE'), unchanged: count('UNCHANGED'), error: count('ERROR') },
      rows,
    };
    if (job.fileError === undefined) delete job.fileError;
    // Through the driver (rows are many and already shaped): the tenancy is stamped here.
    await this.ctx.models.ImportJob.collection.insertOne({ ...job, institution: currentInstitution() });
    this.ctx.metrics.importRun(kindName, mode, fileError ? 'refused' : 'done', rows.length);
    return { job, refusal: fileError };
  }

  /** Import jobs, newest first: ADMIN sees all, others their own. */
  list(page: PageArgs) {
    const viewer = this.ctx.guard.requireViewer();
    const filter = viewer.role === 'ADMIN' ? {} : { 'createdBy.userId': viewer.userId };
    return paginate<ImportJobRecord>(this.ctx.models.ImportJob, filter, { field: 'createdAt', direction: -1 }, page);
  }

  async get(globalId: string): Promise<ImportJobRecord | null> {
    const viewer = this.ctx.guard.requireViewer();
    const id = idOfType(globalId, 'ImportJob');
    if (!id) throw badUserInput(t('import.notAJob'), 'id');
    const job = (await this.ctx.models.ImportJob.findById(id).lean()) as ImportJobRecord | null;
    return job && (viewer.role === 'ADMIN' || job.createdBy.userId === viewer.userId) ? job : null;
  }
}
