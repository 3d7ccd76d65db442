// Rows per second for a dry run and a commit of a 10,000-row awards file, against the store's
// own batched insert of the documents the commit wrote, and the server's
// peak RSS while doing it; then a 20,000-row dry run beside a steady /healthz load, with the
// longest event-loop stalls and how long /healthz took meanwhile.
import ExcelJS from 'exceljs';
import { count, report, sized, spawnServer } from './lib.js';

const ROWS = sized(10_000);
const STALL_ROWS = sized(20_000);
const HEADERS = ['竞赛名称', '品牌', '主办单位', '级别', '类别', '获奖者工号', '获奖者姓名', '科室', '集体', '奖项/名次', '获奖日期', '证书编号', '备注'];

export async function awardsFile(rows = ROWS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('获奖记录');
  sheet.addRow(HEADERS);
  const grades = ['一等奖', '二等奖', '三等奖', '优胜奖', '第四名'];
  for (let i = 0; i < rows; i++) {
    sheet.addRow([`基准导入竞赛${i % 500}`, '', '', ['省级', '市级', '全国'][(i % 500) % 3], ['技能', '教学', '文化'][(i % 500) % 3], `SYN${String(Math.floor(i / 500) % 200).padStart(6, '0')}`, '', '', '', grades[i % 5], `2021-${String((i % 12) + 1).padStart(2, '0')}-15`, `B${i}`, '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchImport() {
  const file = await awardsFile();
  const server = await spawnServer('bench/achievements-server.ts', ['--awards', '1000', '--role', 'ADMIN']);
  try {
    const run = async (mode: 'dryRun' | 'commit') => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), 'bench.xlsx');
      const t0 = performance.now();
      const res = await fetch(`${server.info.url}/imports/awards?mode=${mode}`, { method: 'POST', headers: { authorization: `Bearer ${server.info.token}` }, body: form });
      const job = (await res.json()) as { counts: { create: number; error: number; unchanged: number } };
      const seconds = (performance.now() - t0) / 1000;
      const { peak } = (await (await fetch(`${server.info.url}/bench/rss`)).json()) as { peak: number };
      return { seconds, job, peak };
    };
    const dry = await run('dryRun');
    const since = new Date();
    const commit = await run('commit');
    const baseline = (await (await fetch(`${server.info.url}/bench/insert-baseline`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ since }) })).json()) as { rows: number; seconds: number };
    const again = await run('commit');
    const baselineRate = baseline.rows / baseline.seconds;
    const row = (name: string, r: typeof dry): [string, string, string] => [
      name,
      `${count(Math.round(ROWS / r.seconds))} rows/s`,
      `${(ROWS / r.seconds / baselineRate).toFixed(2)}× the store (aim ≥ 0.3×); ${r.seconds.toFixed(1)} s; created ${r.job.counts.create}, unchanged ${r.job.counts.unchanged}, errors ${r.job.counts.error}; server peak RSS ${(r.peak / 1048576).toFixed(0)} MiB`,
    ];
    report(`Import of a ${count(ROWS)}-row awards .xlsx (${(file.length / 1024).toFixed(0)} KiB)`, [
      ['store, same documents', `${count(Math.round(baselineRate))} rows/s`, `the commit's ${count(baseline.rows)} records and their audit entries inserted 1,000 a batch, same indexes: ${baseline.seconds.toFixed(1)} s`],
      row('dry run', dry),
      row('commit', commit),
      row('commit again (idempotent)', again),
    ]);

    // Stalls: a 20,000-row dry run while another client polls /healthz back to back.
    const big = await awardsFile(STALL_ROWS);
    await fetch(`${server.info.url}/bench/loop/reset`, { method: 'POST' });
    let stop = false;
    const health: number[] = [];
    const poller = (async () => {
      while (!stop) {
        const t0 = performance.now();
        await (await fetch(`${server.info.url}/healthz`)).arrayBuffer();
        health.push(performance.now() - t0);
      }
    })();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(big)]), 'bench-20k.xlsx');
    const t0 = performance.now();
    const res = await fetch(`${server.info.url}/imports/awards?mode=dryRun`, { method: 'POST', headers: { authorization: `Bearer ${server.info.token}` }, body: form });
    const job = (await res.json()) as { counts: { rows: number } };
    const seconds = (performance.now() - t0) / 1000;
    stop = true;
    await poller;
    const loop = (await (await fetch(`${server.info.url}/bench/loop`)).json()) as { p99: number; max: number };
    const { peak } = (await (await fetch(`${server.info.url}/bench/rss`)).json()) as { peak: number };
    health.sort((a, b) => a - b);
    report(`A ${count(STALL_ROWS)}-row dry run (${(big.length / 1024).toFixed(0)} KiB) beside a steady /healthz load`, [
      ['dry run', `${count(Math.round(job.counts.rows / seconds))} rows/s`, `${seconds.toFixed(1)} s, ${job.counts.rows} rows; server peak RSS ${(peak / 1048576).toFixed(0)} MiB`],
      ['event-loop stall', `p99 ${loop.p99.toFixed(0)} ms`, `max ${loop.max.toFixed(0)} ms (aim: p99 ≤ 100 ms)`],
      ['/healthz meanwhile', `p99 ${health[Math.floor(health.length * 0.99)]?.toFixed(0)} ms`, `${health.length} requests, max ${health.at(-1)?.toFixed(0)} ms`],
    ]);
  } finally {
    await server.stop();
  }
}
