// Start-up time and idle RSS of the two ways of starting the server: `npm start` (TypeScript
// through tsx) and `npm run start:prod` (the compiled build, plain node). Each restarts on a
// data directory a first start has initialised, as a deployment restarts; RSS is read from
// the server's own /metrics after a few idle seconds.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { newestFileTime } from '../src/cli/newest-file.js';
import { median, QUICK, report } from './lib.js';

const ENV = { NODE_ENV: 'production', PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123', ADMIN_PASSWORD: 'Bench-Password-2026', LOG_LEVEL: 'info', MONGODB_URI: '' };
const RESTARTS = QUICK ? 1 : 3;
const WAYS = { 'npm start (tsx, TypeScript)': ['--import', 'tsx', 'src/index.ts'], 'npm run start:prod (compiled)': ['--enable-source-maps', 'dist/src/index.js'] };

/** Compiles dist/ when it is missing or older than a source file, saying how long it took. */
function ensureBuild() {
  const built = 'dist/src/index.js';
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(newestFileTime('src'), newestFileTime('seeds'))) return;
  const t0 = performance.now();
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  console.log(`\n(dist/ was stale: compiled in ${((performance.now() - t0) / 1000).toFixed(0)} s before measuring)`);
}

/** Starts the server, resolves once it listens: the milliseconds it took and a stop function. */
async function start(args: string[], dataDir: string) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...ENV, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"honours registry listening"')) resolve((JSON.parse(line) as { url: string }).url.replace(/\/graphql$/, ''));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return {
    ms: performance.now() - t0,
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function idleRss(url: string): Promise<number> {
  await new Promise((r) => setTimeout(r, QUICK ? 1000 : 3000));
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1]);
}

export async function benchStartup() {
  ensureBuild();
  const rows: [string, string, string][] = [];
  for (const [name, args] of Object.entries(WAYS)) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'));
    try {
      await (await start(args, dataDir)).stop(); // the first start creates the data and the demo
      const times: number[] = [];
      let rss = 0;
      for (let i = 0; i < RESTARTS; i++) {
        const server = await start(args, dataDir);
        times.push(server.ms);
        if (i === 0) rss = await idleRss(server.url);
        await server.stop();
      }
      rows.push([name, `${median(times).toFixed(0)} ms`, `to listening (median of ${RESTARTS} restart(s)); idle RSS ${(rss / 1048576).toFixed(0)} MiB`]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  report('Start-up: from spawn to listening, on an initialised data directory', rows);
}
