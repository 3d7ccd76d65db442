import { spawn } from 'node:child_process';
import readline from 'node:readline';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * `npm run bench -- --quick`: every bench at a tenth of its data and with shorter loads, so
 * CI prints the figures of every change in a minute or two (ratios, not absolute goals).
 */
export const QUICK = process.argv.includes('--quick');
/** A data size, a tenth of it in quick mode. */
export const sized = (n: number) => (QUICK ? Math.max(1, Math.round(n / 10)) : n);
/** A load's duration in seconds, a quarter of it (at least one) in quick mode. */
export const lasting = (s: number) => (QUICK ? Math.max(1, Math.round(s / 4)) : s);
/** Sizes as printed: 100,000. */
export const count = (n: number) => n.toLocaleString('en-US');

/** Operations per second of a sequential async operation, over a fixed duration. */
export async function rateFor(op: () => Promise<unknown>, ms = 1500): Promise<number> {
  if (QUICK) ms = Math.round(ms / 4);
  for (let i = 0; i < 50; i++) await op(); // warm-up
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await op();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export const formatRate = (r: number) => `${Math.round(r).toLocaleString('en-US')}/s`;

export function report(title: string, rows: [string, string, string][]) {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n## ${title}\n`);
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

/**
 * The process's memory once garbage is collected: what the data it holds costs, not what
 * loading it left behind. (The collector is exposed at run time, so the bench needs no flag.)
 */
export function settledMemory(): NodeJS.MemoryUsage {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage();
}

/** Peak RSS sampler for the current process. */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** Starts a benchmark server script in a child process; resolves with the JSON line it prints. */
export async function spawnServer<T = { url: string; token: string }>(script: string, args: string[] = []) {
  // NODE_ENV=production as a deployment sets it (graphql-js drops its development checks).
  // BENCH_CPU_PROF=<dir> writes the child's CPU profile there when it exits.
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  const info = await new Promise<T>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as T));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    info,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
