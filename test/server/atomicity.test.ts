// Every mutation's writes commit together: the server killed (SIGKILL) three times during a
// stream of mutations leaves no record without its audit entry, no audit entry without its record
// and no named campaign without its honour; a backup taken while writes go on restores a consistent cut.
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

/** A writer naming civilised posts: a department, its campaign, applied, inspected, named (which creates the honour). */
function campaignWriter(server: EntryPoint, token: string, prefix: string) {
  let stop = false;
  let named = 0;
  const gql = async (query: string, i: Record<string, unknown>) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { i } }) });
    return (await res.json()) as { data?: Record<string, Record<string, { id: string } | null>> };
  };
  const done = (async () => {
    for (let i = 0; !stop; i++) {
      try {
        const dep = (await gql(`mutation($i: DepartmentCreateInput!) { departmentCreate(input: $i) { department { id } } }`, { code: `${prefix}${i}`, name: `原子性科室${prefix}${i}` })).data?.departmentCreate?.department;
        if (!dep) return;
        const started = (await gql(`mutation($i: CivilisedPostCampaignStartInput!) { civilisedPostCampaignStart(input: $i) { campaign { id } } }`, { departmentId: dep.id, title: 'WOMEN_CIVILISED_POST', level: 'MUNICIPAL', year: 2021, date: '2021-01-05' })).data?.civilisedPostCampaignStart?.campaign;
        if (!started) return;
        const advance = `mutation($i: CivilisedPostCampaignAdvanceInput!) { civilisedPostCampaignAdvance(input: $i) { campaign { id } } }`;
        await gql(advance, { id: started.id, to: 'APPLIED', date: '2021-02-01' });
        await gql(advance, { id: started.id, to: 'INSPECTED', date: '2021-05-01', score: 96 });
        if ((await gql(advance, { id: started.id, to: 'NAMED', date: '2021-09-01', conferredBy: '绍兴市总工会' })).data?.civilisedPostCampaignAdvance?.campaign) named++;
      } catch {
        return;
      }
    }
  })();
  return {
    /** Campaigns named so far in this round. */
    get named() {
      return named;
    },
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
    const campaigns = await db.collection('civilised_post_campaigns').find({}, { projection: { status: 1, honour: 1 } }).toArray();
    const honours = await db.collection('achievements').find({ kind: 'HONOUR', campaign: { $exists: true } }, { projection: { campaign: 1 } }).toArray();
    return { people, audit, campaigns, honours };
  } finally {
    await client.close();
    await server.stop();
  }
}

(usingRealMongo ? describe.skip : describe)('atomic mutations', function () {
  this.timeout(180_000);

  it('leaves every record with its audit entry, every audit entry with its record and every named campaign with its honour, through three SIGKILLs', async () => {
    const tmp = tempDir('atomic');
    try {
      const acknowledged: string[] = [];
      for (let round = 0; round < 3; round++) {
        const server = await startEntryPoint(tmp.dir);
        const token = await adminToken(server.url);
        const stream = writers(server, token, `K${round}-`);
        const naming = campaignWriter(server, token, `C${round}-`);
        // Kill once a campaign has been named in this round (however slow the machine), then a
        // little later, so the kill lands mid-stream at a different point each time.
        for (let waited = 0; naming.named === 0 && waited < 60_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 600));
        server.child.kill('SIGKILL');
        await server.exited;
        await Promise.all([stream.stop(), naming.stop()]);
        acknowledged.push(...stream.acknowledged);
      }
      expect(acknowledged.length).to.be.greaterThan(10);
      const { people, audit, campaigns, honours } = await peopleAndAudit(tmp.dir);
      // Every named campaign has its honour, and every campaign honour its named campaign.
      const named = campaigns.filter((c) => c.status === 'NAMED');
      expect(named.length, 'campaigns named').to.be.greaterThan(0);
      const honourIds = new Set(honours.map((h) => String(h._id)));
      expect(named.filter((c) => !c.honour || !honourIds.has(String(c.honour))), 'named campaigns without their honour').to.deep.equal([]);
      const namedIds = new Set(named.map((c) => String(c._id)));
      expect(honours.filter((h) => !namedIds.has(String(h.campaign))), 'campaign honours without a named campaign').to.deep.equal([]);
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
