// Every mutation's writes commit together: the server killed (SIGKILL) three times during a
// stream of mutations leaves no record without its audit entry and no audit entry without
// its record; a backup taken while writes go on restores a consistent cut.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { adminToken, startEntryPoint, type EntryPoint } from '../helpers/entry-point.js';
import { usingRealMongo } from '../helpers/mongo.js';
import { tempDir } from '../helpers/tmp.js';

const CREATE = `mutation($i: PersonCreateInput!) { personCreate(input: $i) { person { id } userErrors { message } } }`;

/** Writers creating people until the server goes away. */
function writers(server: EntryPoint, token: string, prefix: string, count = 4) {
  let stop = false;
  const acknowledged: string[] = [];
  const done = Promise.all(
    Array.from({ length: count }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const staffNumber = `${prefix}${w}-${i}`;
        try {
          const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: CREATE, variables: { i: { staffNumber, name: '原子性测试' } } }) });
          const body = (await res.json()) as { data?: { personCreate?: { person?: { id: string } } } };
          if (body.data?.personCreate?.person) acknowledged.push(staffNumber);
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
  return {
    acknowledged,
    async stop() {
      stop = true;
      await done;
    },
  };
}

/** People and their personCreate audit entries, read straight from the embedded store. */
async function peopleAndAudit(dataDir: string, dbName = 'honours') {
  const server = await startEmbeddedMongo({ dataDir: path.join(dataDir, 'db') });
  const client = await new MongoClient(server.uri).connect();
  try {
    const db = client.db(dbName);
    const people = await db.collection('people').find({ name: '原子性测试' }, { projection: { staffNumber: 1 } }).toArray();
    const audit = await db.collection('audit_log').find({ operation: 'personCreate' }, { projection: { entityId: 1 } }).toArray();
    return { people, audit };
  } finally {
    await client.close();
    await server.stop();
  }
}

(usingRealMongo ? describe.skip : describe)('atomic mutations', function () {
  this.timeout(180_000);

  it('leaves every record with its audit entry, and every audit entry with its record, through three SIGKILLs', async () => {
    const tmp = tempDir('atomic');
    try {
      const acknowledged: string[] = [];
      for (let round = 0; round < 3; round++) {
        const server = await startEntryPoint(tmp.dir);
        const stream = writers(server, await adminToken(server.url), `K${round}-`);
        await new Promise((r) => setTimeout(r, 600 + Math.random() * 600));
        server.child.kill('SIGKILL');
        await server.exited;
        await stream.stop();
        acknowledged.push(...stream.acknowledged);
      }
      expect(acknowledged.length).to.be.greaterThan(10);
      const { people, audit } = await peopleAndAudit(tmp.dir);
      const personIds = new Set(people.map((p) => String(p._id)));
      const audited = new Set(audit.map((a) => String(a.entityId)));
      expect([...personIds].filter((id) => !audited.has(id)), 'people without an audit entry').to.deep.equal([]);
      expect([...audited].filter((id) => !personIds.has(id)), 'audit entries without their person').to.deep.equal([]);
      const stored = new Set(people.map((p) => p.staffNumber as string));
      expect(acknowledged.filter((s) => !stored.has(s)), 'acknowledged people lost').to.deep.equal([]);
    } finally {
      tmp.remove();
    }
  });

  it('backs up online in one snapshot while writes go on, and restores it into an empty database', async () => {
    const tmp = tempDir('backup');
    try {
      const server = await startEntryPoint(tmp.dir, { SEED_DEMO_DATA: 'false' });
      const env = { ...process.env, MONGODB_URI: '', DATA_DIR: tmp.dir, LOG_LEVEL: 'silent' };
      const file = path.join(tmp.dir, 'registry.ndjson.gz');
      try {
        const stream = writers(server, await adminToken(server.url), 'B');
        await new Promise((r) => setTimeout(r, 500));
        const backup = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', '--out', file], { env, encoding: 'utf8', timeout: 60_000 });
        expect(backup.status, `${backup.stderr} ${backup.error}`).to.equal(0);
        expect(backup.stdout).to.match(/backed up \d+ documents in \d+ collections from the running server's embedded store/);
        await new Promise((r) => setTimeout(r, 300));
        await stream.stop();
        expect(stream.acknowledged.length).to.be.greaterThan(5);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      const target = tempDir('restore');
      try {
        const restore = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', file], { env: { ...env, DATA_DIR: target.dir }, encoding: 'utf8', timeout: 60_000 });
        expect(restore.status, restore.stderr).to.equal(0);
        const { people, audit } = await peopleAndAudit(target.dir);
        // One snapshot: the people in it are exactly those whose audit entries are in it.
        expect(people.length).to.be.greaterThan(0);
        expect(new Set(audit.map((a) => String(a.entityId)))).to.deep.equal(new Set(people.map((p) => String(p._id))));
        const again = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/restore.ts', file], { env: { ...env, DATA_DIR: target.dir }, encoding: 'utf8', timeout: 60_000 });
        expect(again.status).to.equal(1);
        expect(again.stderr).to.include('is not empty');
      } finally {
        target.remove();
      }
    } finally {
      tmp.remove();
    }
  });
});
