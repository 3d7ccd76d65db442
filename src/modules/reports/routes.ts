// GET /reports/:year/achievements.md|docx (one institution; the scope as query parameters)
// and /reports/:year/federation.md|docx (federation roles), with the same auth as /graphql
// (Authorization: Bearer).
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { AppDeps, RequestContext } from '../../context.js';
import { parseQuery, queryParam, sendError, withContext } from '../../shared/http.js';
import { federationDocx, federationMarkdown } from '../federation/export.js';
import { reportDocx } from './docx.js';
import { reportMarkdown } from './markdown.js';
import { t } from '../../shared/i18n/t.js';

const federationQuery = z.object({ institutionIds: z.string().max(30_000).optional() });
const reportQuery = z.object({ departmentId: queryParam.id.optional(), unionGroupId: queryParam.id.optional(), institutionId: queryParam.id.optional() });

interface Rendered<R> {
  /** The file's name without extension. */
  name: (report: R) => string;
  markdown: (report: R) => string;
  docx: (report: R) => Promise<Buffer>;
}

/** A route serving one kind of report as Markdown or .docx. */
function documentRoute<R>(deps: AppDeps, kind: string, build: (ctx: RequestContext, year: number, req: Request) => Promise<R>, render: Rendered<R>) {
  return withContext(deps, async (ctx, req, res: Response) => {
    const format = req.params.format;
    if (format !== 'md' && format !== 'docx') return void sendError(res, 404, 'NOT_FOUND', t('request.formats', { formats: [`${kind}.md`, `${kind}.docx`] }));
    const year = /^\d{4}$/.test(req.params.year as string) ? Number(req.params.year) : NaN;
    // The slot covers building and rendering: a .docx costs as much as the figures.
    ctx.slots.reports.holdFor(res, ctx.guard.requireViewer().userId);
    const report = await build(ctx, year, req);
    const name = encodeURIComponent(render.name(report));
    if (format === 'md') {
      res.type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename*=UTF-8''${name}.md`);
      res.send(render.markdown(report));
    } else {
      res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').setHeader('Content-Disposition', `attachment; filename*=UTF-8''${name}.docx`);
      res.send(await render.docx(report));
    }
  });
}

export function reportRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get(
    '/:year/achievements.:format',
    documentRoute(
      deps,
      'achievements',
      (ctx, year, req) => {
        const { institutionId, ...scope } = parseQuery(reportQuery, req.query);
        return ctx.services.reports.build(year, scope, institutionId);
      },
      { name: (r) => `${r.year}年度${r.title}工会工作成绩`, markdown: reportMarkdown, docx: reportDocx },
    ),
  );
  router.get(
    '/:year/federation.:format',
    documentRoute(
      deps,
      'federation',
      (ctx, year, req) => ctx.services.federation.report(year, parseQuery(federationQuery, req.query).institutionIds?.split(',').filter(Boolean)),
      { name: (r) => `${r.year}年度全系统工会工作成绩汇总`, markdown: federationMarkdown, docx: federationDocx },
    ),
  );
  return router;
}
