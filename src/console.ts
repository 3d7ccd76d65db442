// The web console (console/, built to console/dist by `npm run build:console`), served at `/`
// with a content security policy that lets the page load nothing from outside this server.
// Hashed assets are cached for a year; the page itself is revalidated every time.
import express, { type Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './paths.js';

export const CONSOLE_DIR = path.join(PROJECT_ROOT, 'console', 'dist');

/** Styles may be inline: Ant Design writes its CSS-in-JS into <style> tags at run time. */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function secure(res: express.Response) {
  res.setHeader('Content-Security-Policy', CONSOLE_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

export function consoleRouter(notBuilt: (res: express.Response) => void): Router {
  const router = express.Router();
  const index = path.join(CONSOLE_DIR, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(CONSOLE_DIR, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => secure(res as express.Response),
    }),
  );
  router.get('/', (_req, res) => {
    if (!fs.existsSync(index)) return notBuilt(res);
    secure(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(fs.readFileSync(index));
  });
  return router;
}
