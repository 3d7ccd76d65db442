// createApp(): express + Apollo, without listening (tests mount it on their own server).
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { GraphQLError, Kind, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { pinoHttp } from 'pino-http';
import type { AppDeps, RequestContext } from './context.js';
import { consoleRouter } from './console.js';
import { ideRouter } from './ide.js';
import { exportRoutes, importRoutes } from './modules/imports/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { resolvers } from './resolvers.js';
import { loadTypeDefs } from './schema.js';
import { appError, badUserInput, ErrorCode, unauthenticated } from './shared/errors.js';
import { compiledExecutor } from './shared/compiled-executor.js';
import { contextFor, withRequestScope, withStatus } from './shared/http.js';
import { metricsRouter } from './shared/metrics-route.js';
import { localiseGraphqlMessage } from './shared/i18n/graphql-errors.js';
import { currentLanguage, languageOf, inLanguage } from './shared/i18n/language.js';
import { t } from './shared/i18n/t.js';
import { checkLimits, rootFieldCount } from './shared/limits.js';
import { inspectVariables, noNulCharacters } from './shared/request-checks.js';

/** Error codes shown to clients as they are; anything else is masked. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Root fields an anonymous caller may use. */
const ANONYMOUS_FIELDS = new Set(['login', '__typename']);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

function requestId(req: Request): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

/** Codes whose messages graphql-js or Apollo wrote (in English); ours are rendered already. */
const FOREIGN_MESSAGES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

function inCallersLanguage(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError {
  if (currentLanguage() === 'en' || !FOREIGN_MESSAGES.has(code)) return formatted;
  const message = localiseGraphqlMessage(formatted.message);
  return message === formatted.message ? formatted : { ...formatted, message, extensions: { ...formatted.extensions, detail: formatted.message } };
}

export interface App {
  app: express.Express;
  apollo: ApolloServer<RequestContext>;
}

export async function createApp(deps: AppDeps, options: { httpServer?: http.Server; ping: () => Promise<void> }): Promise<App> {
  const { config, logger } = deps;
  const limits = {
    maxDepth: config.MAX_QUERY_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxCost: config.MAX_QUERY_COST,
    // Fields that read and aggregate a whole year of records.
    fieldCosts: { 'Query.achievementReport': config.REPORT_QUERY_COST, 'Query.federationReport': config.REPORT_QUERY_COST, 'Query.achievementStats': 50, 'Person.achievementCounts': 50, 'Department.achievementCounts': 50 },
  };

  const gate: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request, schema }) {
          // No operation: Apollo answers 400 (several without operationName, or an unknown name).
          if (!operation) return;
          const op = operation as OperationDefinitionNode;
          inspectVariables(request.variables ?? {});
          if (!contextValue.viewer) {
            const allowed = (name: string) => ANONYMOUS_FIELDS.has(name) || (!config.production && INTROSPECTION_FIELDS.has(name));
            const fields = op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).map((s) => (s.kind === Kind.FIELD ? s.name.value : ''));
            if (fields.some((f) => !allowed(f)) || op.selectionSet.selections.some((s) => s.kind !== Kind.FIELD)) throw withStatus(unauthenticated(), 401);
          }
          // One sign-in per request: aliases would run one password hash each.
          if (op.operation === 'mutation' && rootFieldCount(document, op, 'login') > 1) throw withStatus(badUserInput(t('request.oneLogin')), 400);
          const reports = rootFieldCount(document, op, 'achievementReport') + rootFieldCount(document, op, 'federationReport');
          if (reports > config.MAX_REPORTS_PER_REQUEST) {
            throw withStatus(appError(ErrorCode.QUERY_TOO_COMPLEX, t('request.tooManyReports', { limit: config.MAX_REPORTS_PER_REQUEST, asked: reports })), 400);
          }
          checkLimits(schema, document, op, request.variables ?? {}, limits);
        },
      };
    },
  };

  // Latency per operation for /metrics, from receipt to the response being sent.
  const timing: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      const t0 = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          deps.metrics.graphqlRequest(operationName, operation?.operation ?? 'none', Boolean(errors?.length), (performance.now() - t0) / 1000);
        },
      };
    },
  };

  const apollo = new ApolloServer<RequestContext>({
    // Operations run compiled (graphql-jit); parsing, validation and plugins stay Apollo's.
    gateway: compiledExecutor(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never })),
    csrfPrevention: true,
    // Shutdown is ours (src/index.ts): stop accepting, drain, close the database, exit 0.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    introspection: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    // Production: no "Did you mean …" suggestions that reveal the schema.
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules: [noNulCharacters],
    plugins: [
      timing,
      gate,
      ApolloServerPluginLandingPageDisabled(),
      // No HTTP caching of GraphQL responses: skip the per-field cache-hint work.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer: options.httpServer })] : []),
    ],
    formatError(formatted: GraphQLFormattedError, error: unknown) {
      const code = String(formatted.extensions?.code ?? '');
      // Apollo labels unknown errors INTERNAL_SERVER_ERROR before this point: look at what was thrown.
      const original = unwrapResolverError(error);
      if (original instanceof GraphQLError && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        const shown = inCallersLanguage(formatted, code);
        return config.production ? { ...shown, extensions: { ...shown.extensions, stacktrace: undefined } } : shown;
      }
      const errorId = randomUUID();
      logger.error({ errorId, err: original, path: formatted.path }, 'unexpected error while resolving');
      return { message: t('request.internal', { errorId }), path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId } };
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For counts only from the proxies TRUST_PROXY names: by default, from none.
  const trusted = config.TRUST_PROXY;
  app.set('trust proxy', trusted.length === 0 ? false : /^\d+$/.test(trusted[0]) ? Number(trusted[0]) : trusted);
  app.use((req, res, next) => {
    const id = requestId(req);
    (req as Request & { id: string }).id = id;
    res.setHeader('X-Request-Id', id);
    next();
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => (req as unknown as { id: string }).id,
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
      serializers: { req: (req) => ({ id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress }) },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
  app.use('/metrics', metricsRouter(config, deps.metrics));
  if (!config.production) app.use('/graphiql', ideRouter());
  // Without a built console (npm run build:console), `/` says where the API is.
  app.use(consoleRouter((res) => res.json({ name: 'honours-registry', graphql: '/graphql', console: 'npm run build:console', ...(config.production ? {} : { ide: '/graphiql' }) })));

  app.use('/reports', reportRoutes(deps));
  app.use('/imports', importRoutes(deps));
  app.use('/exports', exportRoutes(deps));
  app.use(
    '/graphql',
    cors({ origin: config.CORS_ORIGINS, methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', 'Apollo-Require-Preflight'], maxAge: 600 }),
    express.json({ limit: config.BODY_LIMIT_BYTES }),
    // After the body is read: what runs from here on shares the request's tenancy and language.
    (req, _res, next) => withRequestScope(req, next),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(deps, req),
    }),
  );

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err, requestId: (req as Request & { id?: string }).id }, 'request failed');
    const message = inLanguage(languageOf(req), () =>
      err?.type === 'entity.too.large'
        ? t('request.bodyTooLarge', { limit: config.BODY_LIMIT_BYTES })
        : err?.type === 'entity.parse.failed'
          ? t('request.badJson')
          : status === 500
            ? t('request.internalPlain')
            : t('request.bad'),
    );
    // A body-parser refusal of another kind (a charset, an aborted upload) keeps its own words as the detail.
    const detail = status < 500 && err?.type !== 'entity.too.large' && err?.type !== 'entity.parse.failed' && typeof err?.message === 'string' ? { detail: err.message } : {};
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'BAD_REQUEST', ...detail } }] });
  };
  app.use(onError);

  return { app, apollo };
}
