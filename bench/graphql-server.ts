// Child process of the GraphQL benchmark: the real server on a fresh embedded store, plus a
// plain express route that does the same reads and returns the same JSON (the baseline).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { viewerOf } from '../src/shared/http.js';
import { toGlobalId } from '../src/shared/ids.js';
import { startServer } from '../src/server.js';
import { withinInstitution } from '../src/shared/tenancy.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-graphql-'));
const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password' });

const server = await startServer(config, {
  extendApp(app, deps) {
    // What a GraphQL request does for its token (verify it, look up its institution), then
    // the same reads in that tenancy.
    app.get('/plain/people', async (req, res) => {
      const signedIn = await viewerOf(deps, req);
      if (!signedIn?.institution) return void res.status(401).json({ error: 'sign in first' });
      await withinInstitution(signedIn.institution._id, () => plainPeople(res));
    });
    const plainPeople = async (res: import('express').Response) => {
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
    };
  },
});

const models = (await import('../src/models.js')).createModels(server.database.connection);
// The demo institution's departments, and 500 more people in it.
const demo = (await models.Institution.findOne({ demo: true }).lean())!;
await withinInstitution(demo._id, async () => {
  const departments = await models.Department.find().lean();
  await models.Person.insertMany(Array.from({ length: 500 }, (_, i) => ({ staffNumber: `B${i}`, name: `基准${String(i).padStart(3, '0')}`, department: departments[i % departments.length]._id })));
});
const token = (await import('../src/shared/auth/tokens.js')).TokenService.fromConfig(config).sign({ userId: 'dev:bench', username: 'bench', role: 'VIEWER', institution: String(demo._id), scope: { departments: [], unionGroups: [] } }).token;

process.stdout.write(JSON.stringify({ url: server.url, token }) + '\n');
process.on('SIGTERM', async () => {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
