// Child process of the GraphQL benchmark: the real server on a fresh embedded store, plus a
// plain express route that does the same reads and returns the same JSON (the baseline).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { toGlobalId } from '../src/shared/ids.js';
import { startServer } from '../src/server.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-graphql-'));
const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password' });

const server = await startServer(config, {
  extendApp(app, deps) {
    app.get('/plain/people', async (_req, res) => {
      const people = await deps.models.Person.find({ archived: false }).sort({ name: 1, _id: 1 }).limit(51).lean();
      const page = people.slice(0, 50);
      const departments = await deps.models.Department.find({ _id: { $in: [...new Set(page.map((p) => String(p.department)))] } }).lean();
      const byId = new Map(departments.map((d) => [String(d._id), d]));
      res.json({
        data: {
          people: {
            edges: page.map((p) => {
              const d = byId.get(String(p.department));
              return { node: { id: toGlobalId('Person', p._id), name: p.name, staffNumber: p.staffNumber, department: d ? { id: toGlobalId('Department', d._id), name: d.name } : null } };
            }),
          },
        },
      });
    });
  },
});

const models = (await import('../src/models.js')).createModels(server.database.connection);
const departments = await models.Department.find().lean();
await models.Person.insertMany(Array.from({ length: 500 }, (_, i) => ({ staffNumber: `B${i}`, name: `基准${String(i).padStart(3, '0')}`, department: departments[i % departments.length]._id })));
const token = (await import('../src/shared/auth/tokens.js')).TokenService.fromConfig(config).sign({ userId: 'dev:bench', username: 'bench', role: 'VIEWER', scope: { departments: [], unionGroups: [] } }).token;

process.stdout.write(JSON.stringify({ url: server.url, token }) + '\n');
process.on('SIGTERM', async () => {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
