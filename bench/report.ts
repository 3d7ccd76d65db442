// Time to build the full 2020 report (JSON figures and narrative, then the .docx) at 10k
// and 100k synthetic awards, their ratio, and the peak RSS of the process building it
// (the database runs in a process of its own); and against its floor, reading that year's
// verified records once through the same driver.
import mongoose from 'mongoose';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../src/config.js';
import { EMBEDDED_HEARTBEAT_TIMEOUT_MS } from '../src/database.js';
import { systemContext } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { createModels, ensureIndexes, type Models } from '../src/models.js';
import { reportDocx } from '../src/modules/reports/docx.js';
import { reportMarkdown } from '../src/modules/reports/markdown.js';
import { rankedRecordsFor, streaksFor, totalsFor } from '../src/modules/reports/data.js';
import { Ranker } from '../src/modules/achievements/ranking.js';
import { withinInstitution } from '../src/shared/tenancy.js';
import type { Types } from 'mongoose';
import { seedSynthetic } from '../seeds/synthetic.js';
import { count, median, report, rssSampler, sized } from './lib.js';

/** The embedded server in its own process, as a deployment would have its database. */
export async function databaseProcess() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  // BENCH_CPU_PROF=<dir> writes the database's CPU profile there when it exits, as spawnServer does.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/embedded-mongo/cli.ts', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const uri = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  return {
    uri,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function measure(awards: number) {
  const server = await databaseProcess();
  const conn = await mongoose.createConnection(server.uri, { dbName: 'bench', autoIndex: false, connectTimeoutMS: EMBEDDED_HEARTBEAT_TIMEOUT_MS }).asPromise();
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const models = createModels(conn);
    await ensureIndexes(models);
    const institution = (await models.Institution.create({ code: 'BENCH', name: '基准医院', selfReference: '我院' })).toObject();
    await seedSynthetic(models, { awards, institution });
    const ctx = systemContext({ config, logger: createLogger(config), models }, institution, 'bench');
    const json: number[] = [];
    const docx: number[] = [];
    const floor: number[] = [];
    let verified = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      verified = (await models.Achievement.collection.find({ year: 2020, status: 'VERIFIED' }).toArray()).length;
      floor.push(performance.now() - t0);
    }
    const rss = rssSampler();
    let size = 0;
    let ranked = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await systemContext({ config, logger: ctx.logger, models }, institution, 'bench').services.reports.build(2020, null);
      reportMarkdown(r);
      const t1 = performance.now();
      size = (await reportDocx(r)).length;
      const t2 = performance.now();
      json.push(t1 - t0);
      docx.push(t2 - t1);
      ranked = r.ranked.length;
    }
    const peak = rss.stop();
    const parts = await timeParts(models, institution._id);
    return { awards, ranked, json: median(json), docx: median(docx), size, peak, floor: median(floor), verified, parts };
  } finally {
    await conn.close();
    await server.stop();
  }
}

/** The report's database reads, each alone (median of 3), to see where its time goes. */
async function timeParts(models: Models, institution: Types.ObjectId) {
  const ranker = new Ranker();
  const reads: Record<string, () => Promise<unknown>> = {
    'ranked records': () => rankedRecordsFor(models, 2020, {}),
    'totals (one year)': () => totalsFor(models, 2020, {}),
    'streaks from their summary': () => streaksFor(models, 2020, {}, ranker),
    // A scope makes streaksFor group the records, as a department's report does: the way all reports read them before the summary.
    'streaks grouped from the records': () => streaksFor(models, 2020, { institution }, ranker),
  };
  const parts: string[] = [];
  for (const [name, read] of Object.entries(reads)) {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await withinInstitution(institution, read);
      times.push(performance.now() - t0);
    }
    parts.push(`${name} ${median(times).toFixed(0)} ms`);
  }
  return parts.join(', ');
}

export async function benchReport() {
  const small = await measure(sized(10_000));
  const large = await measure(sized(100_000));
  const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
  const row = (m: typeof small): [string, string, string] => [
    `${count(m.awards)} awards (${count(m.ranked)} verified in 2020)`,
    `${(m.json + m.docx).toFixed(0)} ms`,
    `figures+narrative+Markdown ${m.json.toFixed(0)} ms, .docx ${m.docx.toFixed(0)} ms (${(m.size / 1024).toFixed(0)} KiB), peak RSS ${mib(m.peak)} (aim ≤ 500 MiB)`,
  ];
  const floor = (m: typeof small): [string, string, string] => [
    `  floor: find().toArray() of the ${count(m.verified)} verified`,
    `${m.floor.toFixed(0)} ms`,
    `${count(Math.round(m.verified / (m.floor / 1000)))} docs/s (aim ≥ 60,000); report ${((m.json + m.docx) / m.floor).toFixed(1)}× floor (aim ≤ 3×)`,
  ];
  const parts = (m: typeof small): [string, string, string] => ['  its reads, each alone', '', m.parts];
  report('Annual report for 2020, database in its own process (median of 3)', [
    row(small),
    floor(small),
    parts(small),
    row(large),
    floor(large),
    parts(large),
    [`ratio ${count(large.awards)} / ${count(small.awards)}`, `${((large.json + large.docx) / (small.json + small.docx)).toFixed(1)}×`, 'aim ≤ 12× for 10× the data'],
  ]);
}
