// `npm run db -- --port <n> --data-dir <dir> [--host <h>] [--auth --users-file <f.json>]`: the
// embedded server on its own, for mongosh or Compass. The URI is printed on a line of its own.
// With --auth every connection must sign in (SCRAM-SHA-256) as a user from the file.
import { parseArgs } from 'node:util';
import { loadUsers, startEmbeddedMongo } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    'data-dir': { type: 'string', default: './data/db' },
    host: { type: 'string', default: '127.0.0.1' },
    auth: { type: 'boolean', default: false },
    'users-file': { type: 'string' },
  },
});
if (values.auth && !values['users-file']) {
  console.error('--auth needs --users-file <file.json> holding {"users": [{"user": "…", "password": "…"}]}');
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer between 0 and 65535, got ${values.port}`);
  process.exit(2);
}

try {
  const server = await startEmbeddedMongo({
    port,
    host: values.host,
    dataDir: values['data-dir'],
    users: values.auth ? loadUsers(values['users-file']!) : undefined,
    log: (level, msg) => console.error(`[${level}] ${msg}`),
  });
  console.log(server.uri);
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (e) {
  console.error(`embedded server failed to start: ${(e as Error).message}`);
  process.exit(1);
}
