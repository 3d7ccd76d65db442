// The real entry point in a child process (`npm start`, or with `compiled` the production
// build's `npm run start:prod`), on its embedded default in a data directory of the test's;
// signs in as its first ADMIN.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { TEST_SECRET } from './server.js';

export interface EntryPoint {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

export function startEntryPoint(dataDir: string, env: Record<string, string> = {}, options: { compiled?: boolean } = {}): Promise<EntryPoint> {
  const args = options.compiled ? ['--enable-source-maps', 'dist/src/index.js'] : ['--import', 'tsx', 'src/index.ts'];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, MONGODB_URI: '', DATA_DIR: dataDir, PORT: '0', JWT_SECRET: TEST_SECRET, ADMIN_PASSWORD: 'admin-password-1', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'honours registry listening') resolve({ child, url: entry.url.replace(/\/graphql$/, ''), exited });
      } catch {
        /* not a log line */
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

/** A token of the first ADMIN (its own institution, or the one named). */
export async function adminToken(url: string, institution?: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($i: LoginInput!) { login(input: $i) { token } }`, variables: { i: { username: 'admin', password: 'admin-password-1', institution } } }),
  });
  return ((await res.json()) as { data: { login: { token: string } } }).data.login.token;
}
