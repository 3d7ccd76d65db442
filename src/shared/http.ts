// For plain HTTP routes beside /graphql (reports, imports, exports): the same bearer-token
// auth and per-request context, and the same error codes as HTTP statuses.
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createRequestContext, type AppDeps, type RequestContext } from '../context.js';
import type { InstitutionRecord } from '../modules/institutions/model.js';
import { namesAccount, type Viewer } from './auth/roles.js';
import { acrossInstitutions, settleTenancy, withOpenTenancy } from './tenancy.js';
import { inLanguage, languageOf } from './i18n/language.js';
import { t, type Text } from './i18n/t.js';
import { z } from 'zod';
import { badUserInput, unauthenticated } from './errors.js';

const STATUS: Record<string, number> = { BAD_REQUEST: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404, PAYLOAD_TOO_LARGE: 413, RATE_LIMITED: 429 };

/** An error a plain route answers with its HTTP status (see STATUS). */
export const routeError = (code: keyof typeof STATUS, message: Text, extra: Record<string, unknown> = {}) => new GraphQLError(message, { extensions: { code, ...extra } });

/** The same error, answered with this HTTP status (Apollo reads extensions.http). */
export const withStatus = (error: GraphQLError, status: number) => new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });

/**
 * The viewer a request's bearer token speaks for: null without a token; a malformed header
 * or a token that does not verify is refused with 401 and a message saying which.
 */
/** `Authorization: Bearer <token>`, the token in group 1. */
export const BEARER = /^Bearer\s+(\S+)$/i;

export async function viewerOf(deps: Pick<AppDeps, 'tokens' | 'models'>, req: Request): Promise<{ viewer: Viewer; institution: InstitutionRecord | null } | null> {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = BEARER.exec(header);
  if (!m) throw withStatus(unauthenticated(t('auth.badHeader')), 401);
  const viewer = deps.tokens.verify(m[1]);
  if (!viewer) throw withStatus(unauthenticated(t('auth.badToken')), 401);
  const home = await acrossInstitutions(() => requireLiveAccount(deps, viewer));
  return { viewer, institution: await requireInstitution(deps, viewer, home) };
}

/**
 * The institution a token acts in must exist, and be the account's own or a demo sandbox
 * (any account may try the demo).
 */
async function requireInstitution(deps: Pick<AppDeps, 'models'>, viewer: Viewer, home: string | null | undefined): Promise<InstitutionRecord | null> {
  if (!viewer.institution) return null;
  const institution = (await deps.models.Institution.findById(viewer.institution).lean()) as InstitutionRecord | null;
  if (!institution) throw withStatus(unauthenticated(t('auth.institutionGone')), 401);
  if (home !== undefined && home !== viewer.institution && !institution.demo) throw withStatus(unauthenticated(t('auth.notYourInstitution')), 401);
  return institution;
}

/**
 * A token of an account is good only while the account is active and its token version is
 * the one the token states (deactivation, role, scope and password changes bump it).
 * Development tokens name no account and are checked by signature alone.
 */
async function requireLiveAccount(deps: Pick<AppDeps, 'models'>, viewer: Viewer): Promise<string | null | undefined> {
  if (!namesAccount(viewer)) return undefined;
  const account = (await deps.models.User.findById(viewer.userId, { active: 1, tokenVersion: 1, institution: 1 }).lean()) as { active: boolean; tokenVersion?: number; institution?: unknown } | null;
  if (!account || !account.active || (account.tokenVersion ?? 0) !== (viewer.tokenVersion ?? 0)) {
    throw withStatus(unauthenticated(t('auth.revoked')), 401);
  }
  return account.institution ? String(account.institution) : null;
}

/**
 * The request's context, and its tenancy settled: the token's institution, or every
 * institution for the federation roles. Call inside withOpenTenancy.
 */
export async function contextFor(deps: AppDeps, req: Request): Promise<RequestContext> {
  const signedIn = await viewerOf(deps, req);
  if (signedIn) settleTenancy(signedIn.institution ? { institution: signedIn.institution._id } : { allInstitutions: true });
  return createRequestContext(deps, { requestId: (req as unknown as { id?: string }).id ?? randomUUID(), ip: req.ip ?? 'unknown', viewer: signedIn?.viewer ?? null, institution: signedIn?.institution ?? null });
}

export const sendError = (res: Response, status: number, code: string, message: Text) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * What runs from here on shares the request's tenancy (settled once the token is read) and
 * its language. Open it after the body is read: a stream's callbacks lose the async context.
 */
export const withRequestScope = <T>(req: Request, run: () => T): T => inLanguage(languageOf(req), () => withOpenTenancy(run));

/** Runs a route with the caller's context (signed in); known errors become their status. */
export function withContext(deps: AppDeps, run: (ctx: RequestContext, req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response) => withRequestScope(req, async () => {
    try {
      const ctx = await contextFor(deps, req);
      ctx.guard.requireViewer();
      await run(ctx, req, res);
    } catch (e) {
      const code = e instanceof GraphQLError ? String(e.extensions.code) : '';
      if (res.headersSent) return void res.destroy();
      // Refused before its body was read: close the connection instead of draining the body.
      if (!req.complete) res.setHeader('Connection', 'close');
      const retry = e instanceof GraphQLError ? e.extensions.retryAfterSeconds : undefined;
      if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
      // A known code was raised with a catalogue message (routeError, the guard, the services).
      if (Object.hasOwn(STATUS, code)) return void sendError(res, STATUS[code], code, (e as Error).message as Text);
      deps.logger.error({ err: e }, 'route failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', t('request.internalPlain'));
    }
  });
}

/**
 * A route's query parameters, validated like GraphQL arguments: every parameter known,
 * given once, and of its type. Anything else is a BAD_USER_INPUT naming the parameter.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, query: Request['query']): z.infer<S> {
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw withStatus(badUserInput(t('request.parameterTwice', { name: key }), key), 400);
  }
  const parsed = z.strictObject(schema.shape).safeParse(query);
  if (parsed.success) return parsed.data as z.infer<S>;
  const issue = parsed.error.issues[0];
  const name = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? t('request.unknownParameter', { name, known: Object.keys(schema.shape) })
      : t('request.badParameter', { name, problem: issue.message });
  throw withStatus(badUserInput(message, name), 400);
}

/** Query-parameter types. */
export const queryParam = {
  id: z.string().min(1).max(200),
  year: z.string().regex(/^\d{4}$/, { error: () => t('request.fourDigitYear') }).transform(Number),
  oneOf: <V extends string>(values: readonly [V, ...V[]]) => z.enum(values, { error: () => t('request.oneOf', { values }) }),
};
