// Entry point: `npm start`.
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example for every variable.\n`);
      process.exit(2);
    }
    throw e;
  }
  const server = await startServer(config);
  const shutdown = (signal: string) => {
    server.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      server.logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
    timer.unref();
    server.stop().then(
      () => process.exit(0),
      (e) => {
        server.logger.error({ err: e }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(`failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
