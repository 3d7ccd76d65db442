// mongosh itself (the npm package), connected to the embedded server over TCP as
// `npm run db` serves it: what a person browsing the data types, each answer printed as
// Extended JSON and checked here. It runs against a real MongoDB too (MONGODB_URI), where
// the replica-set step expects the deployment's own answer.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { EJSON } from 'bson';
import { serverUri, uniqueDbName } from '../helpers/mongo.js';

const MONGOSH = path.resolve('node_modules', '.bin', 'mongosh');
const run = promisify(execFile);

/** Runs a script in mongosh against `db`; each `out(name, value)` it calls comes back by name. */
async function mongosh(uri: string, db: string, script: string): Promise<Record<string, unknown>> {
  const prelude = `const answers = {}; const out = (k, v) => { answers[k] = v; }; db = db.getSiblingDB(${JSON.stringify(db)});`;
  const { stdout } = await run(MONGOSH, [uri, '--quiet', '--norc', '--eval', `${prelude} ${script}; print(EJSON.stringify(answers, { relaxed: true }))`], { timeout: 60_000 });
  const lines = stdout.trim().split('\n');
  return EJSON.parse(lines[lines.length - 1], { relaxed: true }) as Record<string, unknown>;
}

describe('mongosh against the server', function () {
  this.timeout(120_000);

  it('inserts, finds, aggregates, keeps a unique index, explains, renames, reports stats and the replica set', async () => {
    const uri = await serverUri();
    const db = uniqueDbName('mongosh');
    const a = await mongosh(
      uri,
      db,
      `
      db.staff.insertMany([{ no: 'S1', dept: '中药剂科', n: 3 }, { no: 'S2', dept: '中药剂科', n: 4 }, { no: 'S3', dept: '急诊科', n: 5 }]);
      out('found', db.staff.find({ dept: '中药剂科' }, { _id: 0, no: 1 }).sort({ no: 1 }).toArray());
      out('grouped', db.staff.aggregate([{ $group: { _id: '$dept', total: { $sum: '$n' } } }, { $sort: { _id: 1 } }]).toArray());
      db.staff.createIndex({ no: 1 }, { unique: true });
      try { db.staff.insertOne({ no: 'S1' }); out('duplicate', 'accepted'); } catch (e) { out('duplicate', e.code); }
      const plan = db.staff.find({ no: 'S2' }).explain('executionStats');
      out('plan', { index: JSON.stringify(plan.queryPlanner.winningPlan).includes('"indexName":"no_1"'), returned: plan.executionStats.nReturned, docsExamined: plan.executionStats.totalDocsExamined });
      out('indexes', db.staff.getIndexes().map((i) => i.name).sort());
      db.staff.renameCollection('people');
      out('collections', db.getCollectionNames());
      const stats = db.people.stats();
      out('stats', { count: stats.count, nindexes: stats.nindexes });
      out('dbStats', db.stats().collections);
      let status;
      try { status = rs.status(); } catch (e) { status = { error: e.code }; }
      out('replicaSet', status.error !== undefined ? status : { set: status.set, states: status.members.map((m) => m.stateStr), self: status.members.filter((m) => m.self).length, conf: rs.conf()._id, hello: db.hello().setName });
      db.dropDatabase();
      `,
    );
    expect(a.found).to.deep.equal([{ no: 'S1' }, { no: 'S2' }]);
    expect(a.grouped).to.deep.equal([
      { _id: '中药剂科', total: 7 },
      { _id: '急诊科', total: 5 },
    ]);
    expect(a.duplicate).to.equal(11000);
    expect(a.plan).to.deep.equal({ index: true, returned: 1, docsExamined: 1 });
    expect(a.indexes).to.deep.equal(['_id_', 'no_1']);
    expect(a.collections).to.deep.equal(['people']);
    expect(a.stats).to.deep.equal({ count: 3, nindexes: 2 });
    expect(a.dbStats).to.equal(1);
    const replicaSet = a.replicaSet as { set?: string; states?: string[]; self?: number; conf?: string; hello?: string; error?: number };
    if (replicaSet.error !== undefined) expect(replicaSet.error, 'a standalone MongoDB answers NoReplicationEnabled').to.equal(76);
    else expect(replicaSet).to.deep.include({ set: replicaSet.hello, conf: replicaSet.hello, self: 1 }).and.have.property('states').that.includes('PRIMARY');
  });
});
