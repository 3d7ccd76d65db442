// GET /reports/:year/achievements.md and .docx, with the same auth as /graphql
// (Authorization: Bearer) and the scope as query parameters.
import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createRequestContext, type AppDeps } from '../../context.js';
import { reportDocx } from './docx.js';
import { reportMarkdown } from './markdown.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

export function reportRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get('/:year/achievements.:format', async (req, res) => {
    const format = req.params.format;
    if (format !== 'md' && format !== 'docx') {
      res.status(404).json({ errors: [{ message: 'formats: achievements.md, achievements.docx', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    try {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      const viewer = m ? deps.tokens.verify(m[1]) : null;
      const requestId = (req as unknown as { id?: string }).id ?? randomUUID();
      const ctx = createRequestContext(deps, { requestId, ip: req.ip ?? 'unknown', viewer });
      const year = /^\d{4}$/.test(req.params.year) ? Number(req.params.year) : NaN;
      const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
      const report = await ctx.services.reports.build(year, { departmentId: str(req.query.departmentId), unionGroupId: str(req.query.unionGroupId) });
      const name = encodeURIComponent(`${report.year}年度${report.subject}工会工作成绩`);
      if (format === 'md') {
        res.type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename*=UTF-8''${name}.md`);
        res.send(reportMarkdown(report));
      } else {
        res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').setHeader('Content-Disposition', `attachment; filename*=UTF-8''${name}.docx`);
        res.send(await reportDocx(report));
      }
    } catch (e) {
      if (e instanceof GraphQLError && STATUS[String(e.extensions.code)]) {
        res.status(STATUS[String(e.extensions.code)]).json({ errors: [{ message: e.message, extensions: { code: e.extensions.code } }] });
        return;
      }
      deps.logger.error({ err: e }, 'report export failed');
      res.status(500).json({ errors: [{ message: 'internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
  return router;
}
