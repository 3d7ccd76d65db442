// The one reader of process.env. Every variable is validated at start; all problems are
// reported together, each naming its variable. `.env.example` documents each one (a test
// keeps the two in step).
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { passwordSchema } from './shared/auth/password-policy.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** Every variable the server reads, with its default. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  MONGODB_URI: optionalString.pipe(z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional()),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO_DATA: bool.default(true),
  INSTITUTION_NAME: z.string().trim().min(1).max(60).default('本院'),
  INSTITUTION_CODE: z
    .string()
    .regex(/^[A-Z0-9_-]{2,20}$/, 'must be 2-20 capital letters, digits, dash or underscore')
    .refine((c) => c !== 'DEMO', 'DEMO is the demo institution\'s code')
    .default('MAIN'),
  JWT_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  JWT_PRIVATE_KEY_FILE: optionalString,
  JWT_PUBLIC_KEY_FILE: optionalString,
  JWT_ISSUER: z.string().min(1).default('honours-registry'),
  JWT_AUDIENCE: z.string().min(1).default('honours-registry-api'),
  JWT_TTL_SECONDS: int(60, 30 * 24 * 3600).default(8 * 3600),
  ADMIN_USERNAME: z.string().regex(/^[a-zA-Z0-9_.-]{3,40}$/, 'must be 3-40 letters, digits, dot, dash or underscore').default('admin'),
  ADMIN_PASSWORD: optionalString.pipe(passwordSchema.optional()),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.url({ message: 'must be a comma-separated list of origins (https://host:port)' }))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  MAX_QUERY_DEPTH: int(2, 50).default(12),
  MAX_QUERY_COST: int(10, 10_000_000).default(20_000),
  MAX_ALIASES: int(1, 1000).default(30),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: int(1, 100_000).default(20),
  LOGIN_MAX_FAILURES_PER_MINUTE: int(1, 1_000_000).default(300),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((p) => /^(loopback|linklocal|uniquelocal)$/.test(p) || isIP(p.split('/')[0]) !== 0 || (/^\d+$/.test(p) && list.length === 1)), {
      message: 'must be empty (trust no proxy), a hop count, or proxy addresses: loopback, linklocal, uniquelocal, IPs or CIDR ranges, comma-separated',
    }),
  LOGIN_WINDOW_SECONDS: int(1, 24 * 3600).default(15 * 60),
  REPORT_QUERY_COST: int(1, 10_000_000).default(5000),
  MAX_REPORTS_PER_REQUEST: int(1, 100).default(1),
  REPORTS_PER_USER_AT_ONCE: int(1, 100).default(2),
  IMPORTS_AT_ONCE: int(1, 100).default(2),
  IMPORT_MAX_INFLATED_BYTES: int(1024 * 1024, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  IMPORT_MAX_ROWS: int(10, 1_000_000).default(20_000),
  IMPORT_MAX_COLUMNS: int(5, 1000).default(50),
  SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(20),
  METRICS_TOKEN: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
});

export type Config = z.infer<typeof configSchema> & { production: boolean; dataDir: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment (or a given record); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = configSchema.safeParse(known);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (Boolean(c.JWT_PRIVATE_KEY_FILE) !== Boolean(c.JWT_PUBLIC_KEY_FILE)) {
    problems.push('JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE: set both (RS256) or neither (HS256)');
  }
  if (production && !c.JWT_SECRET && !c.JWT_PUBLIC_KEY_FILE) {
    problems.push('JWT_SECRET: required in production (or JWT_PRIVATE_KEY_FILE and JWT_PUBLIC_KEY_FILE for RS256)');
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...c, production, dataDir: path.resolve(c.DATA_DIR) };
}
