// The store the app starts in-process listens on a Unix socket in its private data
// directory and opens no TCP port: no other local user can read the accounts' hashes.
import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { tempDir } from '../helpers/tmp.js';

/** Inodes of the TCP sockets this process listens on (Linux: /proc). */
function listeningTcpInodes(): Set<string> {
  const mine = new Set(
    fs
      .readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`))?.[1];
        } catch {
          return undefined;
        }
      })
      .filter((x): x is string => Boolean(x)),
  );
  const listening = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && mine.has(cols[9])) listening.add(cols[9]);
    }
  }
  return listening;
}

(process.platform === 'linux' ? describe : describe.skip)('the in-process embedded store', function () {
  this.timeout(30_000);

  it('is reachable only through a Unix socket in its mode-0700 directory, opening no TCP port', async () => {
    const tmp = tempDir('socket-store');
    const before = listeningTcpInodes();
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: tmp.dir, LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', ADMIN_PASSWORD: 'socket-test-password' });
    const server = await startServer(config, { logger: createLogger(config) });
    try {
      const embedded = server.database.embedded!;
      const socket = decodeURIComponent(/^mongodb:\/\/([^/]+)\//.exec(embedded.uri)![1]);
      expect(socket).to.equal(path.join(tmp.dir, 'db', 'mongod.sock'));
      expect(fs.statSync(socket).isSocket()).to.equal(true);
      expect(fs.statSync(socket).mode & 0o777).to.equal(0o600);
      expect(fs.statSync(path.dirname(socket)).mode & 0o777).to.equal(0o700);
      const opened = [...listeningTcpInodes()].filter((i) => !before.has(i));
      expect(opened, 'only the HTTP port').to.have.length(1);
      const client = await new MongoClient(embedded.uri).connect();
      try {
        expect(await client.db('honours').collection('users').countDocuments()).to.equal(1);
      } finally {
        await client.close();
      }
      expect((await fetch(`${server.url}/readyz`)).status).to.equal(200);
    } finally {
      await server.stop();
      tmp.remove();
    }
    expect(fs.existsSync(path.join(tmp.dir, 'db', 'mongod.sock'))).to.equal(false);
  });
});
