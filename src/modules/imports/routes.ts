// HTTP routes for spreadsheets: templates, uploads (multipart, size-limited) and exports,
// authenticated like /graphql (Authorization: Bearer).
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import multer from 'multer';
import { randomUUID } from 'node:crypto';
import { createRequestContext, type AppDeps, type RequestContext } from '../../context.js';
import { toGlobalId } from '../../shared/ids.js';
import type { AchievementFilter } from '../achievements/query.js';
import { achievementsTable } from './export.js';
import { IMPORT_KINDS } from './kinds.js';
import { tableCsv, tableXlsx, templateXlsx } from './sheets.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

function context(deps: AppDeps, req: Request): RequestContext {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const viewer = m ? deps.tokens.verify(m[1]) : null;
  return createRequestContext(deps, { requestId: (req as unknown as { id?: string }).id ?? randomUUID(), ip: req.ip ?? 'unknown', viewer });
}

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/** Runs a handler with the caller's context; known errors become their HTTP status. */
function handle(deps: AppDeps, run: (ctx: RequestContext, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      const ctx = context(deps, req);
      ctx.guard.requireViewer();
      await run(ctx, req, res);
    } catch (e) {
      if (e instanceof GraphQLError && STATUS[String(e.extensions.code)]) return void fail(res, STATUS[String(e.extensions.code)], String(e.extensions.code), e.message);
      deps.logger.error({ err: e }, 'spreadsheet route failed');
      fail(res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    }
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export function importRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } }).single('file');

  router.get(
    '/templates/:file',
    handle(deps, async (_ctx, req, res) => {
      const kind = IMPORT_KINDS[/^(\w+)\.xlsx$/.exec(req.params.file as string)?.[1] ?? ''];
      if (!kind) return void fail(res, 404, 'NOT_FOUND', `templates: ${Object.keys(IMPORT_KINDS).map((k) => `${k}.xlsx`).join(', ')}`);
      res.type(XLSX).setHeader('Content-Disposition', attachment(`${kind.title}导入模板.xlsx`));
      res.send(await templateXlsx(kind));
    }),
  );

  router.post('/:kind', (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') return void fail(res, 413, 'PAYLOAD_TOO_LARGE', `文件超过 ${MAX_UPLOAD_BYTES / 1048576} MB 上限`);
      fail(res, 400, 'BAD_REQUEST', `上传格式不正确：${(err as Error).message}`);
    });
  });
  router.post(
    '/:kind',
    handle(deps, async (ctx, req, res) => {
      if (!IMPORT_KINDS[req.params.kind as string]) return void fail(res, 404, 'NOT_FOUND', `imports: ${Object.keys(IMPORT_KINDS).join(', ')}`);
      if (!req.file) return void fail(res, 400, 'BAD_REQUEST', '请以 multipart/form-data 上传文件，字段名为 file');
      const mode = String(req.query.mode ?? req.body?.mode ?? 'dryRun');
      if (mode !== 'dryRun' && mode !== 'commit') return void fail(res, 400, 'BAD_USER_INPUT', 'mode 应为 dryRun 或 commit');
      const fileName = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
      const job = await ctx.services.imports.run(req.params.kind as string, { buffer: req.file.buffer, fileName }, mode === 'commit' ? 'COMMIT' : 'DRY_RUN');
      res.status(job.status === 'FAILED' ? 422 : 200).json({ id: toGlobalId('ImportJob', job._id), ...job, _id: undefined });
    }),
  );
  return router;
}

export function exportRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get(
    '/achievements.:format',
    handle(deps, async (ctx, req, res) => {
      const format = req.params.format;
      if (format !== 'xlsx' && format !== 'csv') return void fail(res, 404, 'NOT_FOUND', 'formats: achievements.xlsx, achievements.csv');
      const q = req.query as Record<string, string | undefined>;
      const filter: AchievementFilter = {
        year: q.year ? Number(q.year) : undefined,
        levelAtLeast: q.levelAtLeast,
        category: q.category,
        departmentId: q.departmentId,
        personId: q.personId,
        status: q.status,
      };
      if (filter.year !== undefined && !Number.isInteger(filter.year)) return void fail(res, 400, 'BAD_USER_INPUT', 'year must be a year');
      const table = await achievementsTable(ctx, filter);
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', attachment('获奖记录.csv'));
        res.send(tableCsv(table));
      } else {
        res.type(XLSX).setHeader('Content-Disposition', attachment('获奖记录.xlsx'));
        res.send(await tableXlsx(table));
      }
    }),
  );
  return router;
}
