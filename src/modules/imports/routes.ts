// HTTP routes for spreadsheets: templates, uploads (multipart, size-limited) and exports,
// authenticated like /graphql (Authorization: Bearer).
import express, { type Router } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { parseQuery, queryParam, routeError, sendError, withContext } from '../../shared/http.js';
import { CATEGORIES, LEVELS, RECORD_STATUSES, values } from '../vocabulary/vocabulary.js';
import { toGlobalId } from '../../shared/ids.js';
import type { AchievementFilter } from '../achievements/query.js';
import { achievementsTable, recordTables } from './export.js';
import { IMPORT_KINDS, importKind } from './kinds.js';
import { LimitError } from './parse.js';
import { tableCsv, tableXlsx, templateXlsx } from './sheets.js';
import { t } from '../../shared/i18n/t.js';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Room for the multipart boundaries and headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

const importQuery = z.object({ mode: queryParam.oneOf(['dryRun', 'commit']).optional() });
const exportQuery = z.object({
  year: queryParam.year.optional(),
  levelAtLeast: queryParam.oneOf(values(LEVELS)).optional(),
  category: queryParam.oneOf(values(CATEGORIES)).optional(),
  departmentId: queryParam.id.optional(),
  personId: queryParam.id.optional(),
  status: queryParam.oneOf(values(RECORD_STATUSES)).optional(),
});

export function importRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 } }).single('file');

  router.get(
    '/templates/:file',
    withContext(deps, async (_ctx, req, res) => {
      parseQuery(z.object({}), req.query);
      const kind = importKind(/^(\w+)\.xlsx$/.exec(req.params.file as string)?.[1] ?? '');
      if (!kind) return void sendError(res, 404, 'NOT_FOUND', t('import.templates', { files: Object.keys(IMPORT_KINDS).map((k) => `${k}.xlsx`) }));
      res.type(XLSX).setHeader('Content-Disposition', attachment(`${kind.title}导入模板.xlsx`));
      res.send(await templateXlsx(kind));
    }),
  );

  // Everything is checked before a byte of the body is read: parameters, kind, who is
  // asking, the declared size, and a free import slot. Only then is the file received.
  router.post(
    '/:kind',
    withContext(deps, async (ctx, req, res) => {
      const { mode = 'dryRun' } = parseQuery(importQuery, req.query);
      const kind = importKind(req.params.kind as string);
      if (!kind) throw routeError('NOT_FOUND', t('import.kinds', { kinds: Object.keys(IMPORT_KINDS) }));
      ctx.guard.requireRole(['ADMIN', 'CLERK'], t('action.import'));
      const tooLarge = () => routeError('PAYLOAD_TOO_LARGE', t('file.tooLarge', { mib: MAX_UPLOAD_BYTES / 1048576 }), { limit: MAX_UPLOAD_BYTES });
      if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) throw tooLarge();
      ctx.slots.imports.holdFor(res, 'all');
      await new Promise<void>((resolve, reject) =>
        upload(req, res, (err: unknown) => {
          if (!err) return resolve();
          const code = (err as { code?: string }).code;
          reject(code === 'LIMIT_FILE_SIZE' ? tooLarge() : routeError('BAD_REQUEST', t('file.badUpload', { detail: (err as Error).message })));
        }),
      );
      if (!req.file) throw routeError('BAD_REQUEST', t('file.noFile'));
      const fileName = Buffer.from(req.file.originalname, 'latin1').toString('utf8');
      const { job, refusal } = await ctx.services.imports.run(kind.kind, { buffer: req.file.buffer, fileName }, mode === 'commit' ? 'COMMIT' : 'DRY_RUN');
      const jobId = toGlobalId('ImportJob', job._id);
      if (refusal instanceof LimitError) throw routeError('PAYLOAD_TOO_LARGE', refusal.text, { jobId });
      res.status(job.status === 'FAILED' ? 422 : 200).json({ id: jobId, ...job, _id: undefined });
    }),
  );
  return router;
}

export function exportRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get(
    '/achievements.:format',
    withContext(deps, async (ctx, req, res) => {
      const format = req.params.format;
      if (format !== 'xlsx' && format !== 'csv') return void sendError(res, 404, 'NOT_FOUND', t('request.formats', { formats: ['achievements.xlsx', 'achievements.csv'] }));
      const filter: AchievementFilter = parseQuery(exportQuery, req.query);
      ctx.slots.reports.holdFor(res, ctx.guard.requireViewer().userId);
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
  // Every kind of record in one workbook, a sheet each.
  router.get(
    '/records.xlsx',
    withContext(deps, async (ctx, req, res) => {
      const filter: AchievementFilter = parseQuery(exportQuery, req.query);
      ctx.slots.reports.holdFor(res, ctx.guard.requireViewer().userId);
      const tables = await recordTables(ctx, filter);
      res.type(XLSX).setHeader('Content-Disposition', attachment('全部记录.xlsx'));
      res.send(await tableXlsx(...tables));
    }),
  );
  return router;
}
