// For plain HTTP routes beside /graphql (reports, imports, exports): the same bearer-token
// auth and per-request context, and the same error codes as HTTP statuses.
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createRequestContext, type AppDeps, type RequestContext } from '../context.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

export function contextFor(deps: AppDeps, req: Request): RequestContext {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const viewer = m ? deps.tokens.verify(m[1]) : null;
  return createRequestContext(deps, { requestId: (req as unknown as { id?: string }).id ?? randomUUID(), ip: req.ip ?? 'unknown', viewer });
}

export const sendError = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/** Runs a route with the caller's context (signed in); known errors become their status. */
export function withContext(deps: AppDeps, run: (ctx: RequestContext, req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response) => {
    try {
      const ctx = contextFor(deps, req);
      ctx.guard.requireViewer();
      await run(ctx, req, res);
    } catch (e) {
      const code = e instanceof GraphQLError ? String(e.extensions.code) : '';
      if (STATUS[code]) return void sendError(res, STATUS[code], code, (e as Error).message);
      deps.logger.error({ err: e }, 'route failed');
      sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'internal server error');
    }
  };
}
