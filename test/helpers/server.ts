// The real app on a real HTTP port, over the test database (embedded or MONGODB_URI).
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createModels, type Models } from '../../src/models.js';
import type { Role } from '../../src/shared/auth/roles.js';
import { TokenService } from '../../src/shared/auth/tokens.js';
import { startServer, type RunningServer } from '../../src/server.js';
import type { InstitutionRecord } from '../../src/modules/institutions/model.js';
import { confinedModels } from './confined.js';
import { serverUri, uniqueDbName } from './mongo.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  body: string;
}

export interface TestServer {
  server: RunningServer;
  config: Config;
  /** Models acting in the tests' default institution: the demo one when seeded, else the home one. */
  models: Models;
  /** The models as the app has them (every call needs a tenancy). */
  rawModels: Models;
  institutions: { home: InstitutionRecord; demo: InstitutionRecord | null; default: InstitutionRecord };
  url: string;
  tokens: TokenService;
  /**
   * A token for a role (and scope) without an account, as `npm run token` makes, acting in
   * the default institution unless one is given (none for the federation roles).
   */
  tokenFor(role: Role, scope?: { departments?: string[]; unionGroups?: string[]; wholeInstitution?: boolean }, username?: string, institution?: InstitutionRecord): string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, options: { monitorCommands?: boolean } = {}): Promise<TestServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: await serverUri(),
    JWT_SECRET: TEST_SECRET,
    ADMIN_PASSWORD,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO_DATA: 'true',
    ...env,
  });
  const server = await startServer(config, { logger: createLogger(config), dbName: uniqueDbName('app'), monitorCommands: options.monitorCommands });
  const tokens = TokenService.fromConfig(config);
  const rawModels = createModels(server.database.connection);
  const institutions = (await rawModels.Institution.find().sort({ createdAt: 1 }).lean()) as InstitutionRecord[];
  const home = institutions.find((i) => !i.demo)!;
  const demo = institutions.find((i) => i.demo) ?? null;
  const byDefault = demo ?? home;
  const url = server.url;
  return {
    server,
    config,
    models: confinedModels(rawModels, byDefault._id),
    rawModels,
    institutions: { home, demo, default: byDefault },
    url,
    tokens,
    tokenFor(role, scope = {}, username = `test-${role.toLowerCase()}`, institution = byDefault) {
      return tokens.sign({
        userId: `dev:${username}`,
        username,
        role,
        institution: role.startsWith('FEDERATION_') ? null : String(institution._id),
        scope: { departments: scope.departments ?? [], unionGroups: scope.unionGroups ?? [], ...(scope.wholeInstitution ? { wholeInstitution: true } : {}) },
      }).token;
    },
    async gql(query, variables, token, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        // Tests read the API's messages in English unless they ask otherwise (test/i18n checks the Chinese).
        headers: { 'content-type': 'application/json', 'accept-language': 'en', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.text();
      let parsed: { data?: never; errors?: never } = {};
      try {
        parsed = JSON.parse(body);
      } catch {
        /* non-JSON body: left to the caller to inspect */
      }
      return { status: res.status, data: parsed.data, errors: parsed.errors, body };
    },
    async stop() {
      await server.database.connection.db?.dropDatabase().catch(() => undefined);
      await server.stop();
    },
  };
}

/** The single error code of a response, for assertions. */
export function errorCode(res: GqlResponse): unknown {
  return res.errors?.[0]?.extensions?.code;
}
