// GET /reports/:year/achievements.md and .docx, with the same auth as /graphql
// (Authorization: Bearer) and the scope as query parameters.
import express, { type Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../context.js';
import { parseQuery, queryParam, sendError, withContext } from '../../shared/http.js';
import { reportDocx } from './docx.js';
import { reportMarkdown } from './markdown.js';
import { federationDocx, federationMarkdown } from '../federation/export.js';

const federationQuery = z.object({ institutionIds: z.string().max(30_000).optional() });
const reportQuery = z.object({ departmentId: queryParam.id.optional(), unionGroupId: queryParam.id.optional(), institutionId: queryParam.id.optional() });

export function reportRoutes(deps: AppDeps): Router {
  const router = express.Router();
  router.get(
    '/:year/achievements.:format',
    withContext(deps, async (ctx, req, res) => {
      const format = req.params.format;
      if (format !== 'md' && format !== 'docx') return void sendError(res, 404, 'NOT_FOUND', 'formats: achievements.md, achievements.docx');
      const year = /^\d{4}$/.test(req.params.year as string) ? Number(req.params.year) : NaN;
      const { institutionId, ...scope } = parseQuery(reportQuery, req.query);
      // The slot covers building and rendering: a .docx costs as much as the figures.
      ctx.slots.reports.holdFor(res, ctx.guard.requireViewer().userId);
      const report = await ctx.services.reports.build(year, scope, institutionId);
      const name = encodeURIComponent(`${report.year}年度${report.title}工会工作成绩`);
      if (format === 'md') {
        res.type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename*=UTF-8''${name}.md`);
        res.send(reportMarkdown(report));
      } else {
        res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').setHeader('Content-Disposition', `attachment; filename*=UTF-8''${name}.docx`);
        res.send(await reportDocx(report));
      }
    }),
  );
  router.get(
    '/:year/federation.:format',
    withContext(deps, async (ctx, req, res) => {
      const format = req.params.format;
      if (format !== 'md' && format !== 'docx') return void sendError(res, 404, 'NOT_FOUND', 'formats: federation.md, federation.docx');
      const year = /^\d{4}$/.test(req.params.year as string) ? Number(req.params.year) : NaN;
      const { institutionIds } = parseQuery(federationQuery, req.query);
      ctx.slots.reports.holdFor(res, ctx.guard.requireViewer().userId);
      const report = await ctx.services.federation.report(year, institutionIds?.split(',').filter(Boolean));
      const name = encodeURIComponent(`${report.year}年度全系统工会工作成绩汇总`);
      if (format === 'md') {
        res.type('text/markdown; charset=utf-8').setHeader('Content-Disposition', `inline; filename*=UTF-8''${name}.md`);
        res.send(federationMarkdown(report));
      } else {
        res.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').setHeader('Content-Disposition', `attachment; filename*=UTF-8''${name}.docx`);
        res.send(await federationDocx(report));
      }
    }),
  );
  return router;
}
