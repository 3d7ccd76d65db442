// GET /metrics: the registry in Prometheus's text format, for a scraper. Figures say how
// busy the registry is and which operations clients run, so they are not public: with
// METRICS_TOKEN set, only a request bearing it is answered; without, only a client on this
// machine that no proxy forwarded.
import express, { type Request, type Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import { BEARER, sendError } from './http.js';
import { languageOf, inLanguage } from './i18n/language.js';
import { t } from './i18n/t.js';
import type { Metrics } from './metrics.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function allowed(config: Pick<Config, 'METRICS_TOKEN'>, req: Request): boolean {
  if (config.METRICS_TOKEN) {
    const m = BEARER.exec(req.headers.authorization ?? '');
    return Boolean(m && sameSecret(m[1], config.METRICS_TOKEN));
  }
  const forwarded = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.test(req.socket.remoteAddress ?? '');
}

export function metricsRouter(config: Pick<Config, 'METRICS_TOKEN'>, metrics: Metrics): Router {
  const router = express.Router();
  router.get('/', async (req, res) => {
    if (!allowed(config, req)) {
      return void sendError(res, 403, 'FORBIDDEN', inLanguage(languageOf(req), () => t(config.METRICS_TOKEN ? 'metrics.tokenRequired' : 'metrics.localOnly')));
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
