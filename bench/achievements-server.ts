// Child process of the achievements benchmark: the server on a fresh embedded store with
// N synthetic awards, and routes reporting its peak RSS and event-loop stalls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import express from 'express';
import { ObjectId } from 'mongodb';
import { loadConfig } from '../src/config.js';
import { createModels } from '../src/models.js';
import { TokenService } from '../src/shared/auth/tokens.js';
import { startServer } from '../src/server.js';
import { seedSynthetic } from '../seeds/synthetic.js';
import { homeInstitution } from '../src/modules/institutions/home.js';

const { values } = parseArgs({ options: { awards: { type: 'string', default: '10000' }, role: { type: 'string', default: 'VIEWER' } } });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-achievements-'));
const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', LOG_LEVEL: 'silent', ADMIN_PASSWORD: 'bench-password', SEED_DEMO_DATA: 'false' });

const server = await startServer(config, {
  extendApp(app) {
    let peak = process.memoryUsage().rss;
    setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20).unref();
    app.get('/bench/rss', (_req, res) => {
      res.json({ rss: process.memoryUsage().rss, peak });
    });
    // Event-loop stalls since the last reset (ms): what a concurrent request would wait.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    app.post('/bench/loop/reset', (_req, res) => {
      loop.reset();
      peak = process.memoryUsage().rss;
      res.json({ ok: true });
    });
    // The store's own batched insert rate for the documents a commit wrote since `since`: its
    // records and audit entries copied into fresh collections with the same indexes, 1,000 a
    // batch, journaled as the commit's are. Rows/s counts one record (and its audit entry) a row.
    app.post('/bench/insert-baseline', express.json(), async (req, res) => {
      const db = server.database.connection.db!;
      const since = new Date((req.body as { since: string }).since);
      let rows = 0;
      let ms = 0;
      for (const [name, field] of [['achievements', 'createdAt'], ['audit_log', 'at']] as const) {
        // New ids, first as the commit's own documents have them (a driver adds a missing one last).
        const docs = (await db.collection(name).find({ [field]: { $gte: since } }).toArray()).map(({ _id, ...doc }) => ({ _id: new ObjectId(), ...doc }));
        const indexes = (await db.collection(name).indexes()).filter((i) => i.name !== '_id_');
        const copy = db.collection(`bench_copy_${name}`);
        await copy.createIndexes(indexes.map(({ key, name: indexName, unique }) => ({ key, name: indexName, unique })));
        const t0 = performance.now();
        for (let i = 0; i < docs.length; i += 1000) await copy.insertMany(docs.slice(i, i + 1000));
        ms += performance.now() - t0;
        if (name === 'achievements') rows = docs.length;
        await copy.drop();
      }
      res.json({ rows, seconds: ms / 1000 });
    });
    app.get('/bench/loop', (_req, res) => {
      res.json({ p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
    });
  },
});
await seedSynthetic(createModels(server.database.connection), { awards: Number(values.awards) });
const home = (await homeInstitution(createModels(server.database.connection)))!;
const token = TokenService.fromConfig(config).sign({ userId: 'dev:bench', username: 'bench', role: values.role as 'VIEWER' | 'ADMIN', institution: String(home._id), scope: { departments: [], unionGroups: [] } }).token;
process.stdout.write(JSON.stringify({ url: server.url, token, rss: process.memoryUsage().rss }) + '\n');
process.on('SIGTERM', async () => {
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
