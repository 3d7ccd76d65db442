// Starts everything: config → database → app → listen, and stops it gracefully.
import http from 'node:http';
import type { Express } from 'express';
import { createApp } from './app.js';
import type { AppDeps } from './context.js';
import { bootstrap } from './bootstrap.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './database.js';
import { createLogger, type Logger } from './logger.js';
import { createModels } from './models.js';
import { loginThrottleFor, slotsFor } from './context.js';
import { TokenService } from './shared/auth/tokens.js';
import { timeDatabaseOperations } from './shared/database-timings.js';
import { Metrics } from './shared/metrics.js';

export interface RunningServer {
  url: string;
  database: Database;
  port: number;
  logger: Logger;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  dbName?: string;
  monitorCommands?: boolean;
  /** Adds routes beside the app's own (benchmarks use it for a baseline route). */
  extendApp?: (app: Express, deps: AppDeps) => void;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config);
  const db = await openDatabase(config, logger, { dbName: options.dbName, monitorCommands: options.monitorCommands });
  logger.info(`database: ${db.description}`);
  try {
    const models = createModels(db.connection);
    await bootstrap(config, models, logger);
    const tokens = TokenService.fromConfig(config, (file) => logger.info({ file }, 'development: created a JWT secret'));
    const httpServer = http.createServer();
    const metrics = new Metrics().collectProcess();
    timeDatabaseOperations(db.connection, metrics);
    const deps: AppDeps = { config, logger, models, tokens, loginThrottle: loginThrottleFor(config, models), slots: slotsFor(config), metrics };
    const { app, apollo } = await createApp(deps, { httpServer, ping: async () => void (await db.connection.db!.admin().ping()) });
    options.extendApp?.(app, deps);
    httpServer.on('request', app);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const port = (httpServer.address() as { port: number }).port;
    const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
    logger.info({ url: `${url}/graphql`, env: config.NODE_ENV }, 'honours registry listening');
    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      logger,
      database: db,
      stop: () =>
        (stopping ??= (async () => {
          await apollo.stop(); // drains the HTTP server: no new connections, in-flight requests finish
          await db.close();
          logger.info('stopped');
        })()),
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
