// Graceful shutdown of the real entry point (`npm start`) on its embedded default.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { TEST_SECRET } from '../helpers/server.js';
import { tempDir } from '../helpers/tmp.js';

function startEntryPoint(dataDir: string): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, MONGODB_URI: '', DATA_DIR: dataDir, PORT: '0', JWT_SECRET: TEST_SECRET, ADMIN_PASSWORD: 'admin-password-1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
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

describe('graceful shutdown', function () {
  this.timeout(120_000);

  it('finishes in-flight requests on SIGTERM and loses no acknowledged write', async () => {
    const tmp = tempDir('shutdown');
    try {
      const first = await startEntryPoint(tmp.dir);
      const signIn = await fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { login(input: { username: "admin", password: "admin-password-1" }) { token } }` }),
      });
      const token = ((await signIn.json()) as { data: { login: { token: string } } }).data.login.token;
      const acknowledged: string[] = [];
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const staffNumber = `S${w}-${i}`;
          try {
            const res = await fetch(`${first.url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: `mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { staffNumber } userErrors { message } } }`, variables: { i: { staffNumber, name: '关停测试' } } }),
            });
            const body = (await res.json()) as { data?: { personCreate?: { person?: { staffNumber: string } } } };
            if (body.data?.personCreate?.person?.staffNumber === staffNumber) acknowledged.push(staffNumber);
          } catch {
            break; // the server stopped accepting
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await new Promise((r) => setTimeout(r, 800));
      first.child.kill('SIGTERM');
      expect(await first.exited).to.equal(0);
      stop = true;
      await Promise.all(writers);
      expect(acknowledged.length).to.be.greaterThan(10);

      const second = await startEntryPoint(tmp.dir);
      try {
        const stored = new Set<string>();
        let after: string | null = null;
        do {
          const res = await fetch(`${second.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({
              query: `query($after: String) { people(first: 100, after: $after, filter: { search: "关停测试" }, orderBy: { field: STAFF_NUMBER }) { edges { node { staffNumber } } pageInfo { hasNextPage endCursor } } }`,
              variables: { after },
            }),
          });
          const page: { edges: { node: { staffNumber: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = ((await res.json()) as { data: { people: never } }).data.people;
          for (const e of page.edges) stored.add(e.node.staffNumber);
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        const lost = acknowledged.filter((s) => !stored.has(s));
        expect(lost, 'acknowledged writes missing after restart').to.deep.equal([]);
        // Only requests cut off at the moment of shutdown may be stored without an acknowledgement.
        expect(stored.size - acknowledged.length).to.be.at.most(4);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      tmp.remove();
    }
  });
});
