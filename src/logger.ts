import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** Structured JSON logs. Credentials never reach them: these paths are redacted. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  'token',
  '*.password',
  '*.token',
  'variables.password',
  'variables.input.password',
];

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: 'honours-registry' } });
}

export type { Logger };
