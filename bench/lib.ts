import { spawn } from 'node:child_process';
import readline from 'node:readline';

/** Operations per second of a sequential async operation, over a fixed duration. */
export async function rateFor(op: () => Promise<unknown>, ms = 1500): Promise<number> {
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
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
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
