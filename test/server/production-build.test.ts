// The production build: `npm run build` compiles the server to JavaScript (tsconfig.build.json)
// and `npm run start:prod` runs it with plain node, no TypeScript loader; it must find its
// SDL and console from dist/ and serve as the TypeScript entry point does.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import { adminToken, startEntryPoint } from '../helpers/entry-point.js';
import { tempDir } from '../helpers/tmp.js';

const run = promisify(execFile);

describe('production build', function () {
  this.timeout(240_000);

  it('compiles to dist/ and serves GraphQL, the console and metrics under plain node in production', async () => {
    await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
    expect(fs.existsSync('dist/src/index.js')).to.equal(true);
    const tmp = tempDir('production-build');
    try {
      const server = await startEntryPoint(tmp.dir, { NODE_ENV: 'production' }, { compiled: true });
      // No TypeScript loader in the child: it runs the compiled files alone.
      expect(server.child.spawnargs.join(' ')).not.to.include('tsx');
      const token = await adminToken(server.url);
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'query Me { viewer { username role } }' }),
      });
      expect(((await res.json()) as { data: unknown }).data).to.deep.equal({ viewer: { username: 'admin', role: 'ADMIN' } });
      const page = await fetch(`${server.url}/`);
      expect(page.headers.get('content-type')).to.match(/^text\/html/);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).to.match(/honours_graphql_request_duration_seconds_count\{operation="Me",type="query",outcome="ok"\} 1/);
      // Production hides the development pages.
      expect((await fetch(`${server.url}/graphiql`)).status).to.equal(404);
      server.child.kill('SIGTERM');
      expect(await server.exited).to.equal(0);
    } finally {
      tmp.remove();
    }
  });
});
