// What mongosh and Compass send to browse a server, through the driver only (runs unchanged
// on MongoDB 7). Answers from MongoDB's manual: "explain" (queryPlanner.winningPlan with an
// IXSCAN naming the index, or a COLLSCAN; executionStats with nReturned, totalKeysExamined
// and totalDocsExamined), "renameCollection" (NamespaceNotFound 26, NamespaceExists 48
// without dropTarget), "$collStats" (storageStats.count, nindexes), "$indexStats" (name, key, host, accesses.ops
// and .since, spec; Location40602 when not the first stage), and "replSetGetStatus" /
// "replSetGetConfig" (admin only, Unauthorized 13 elsewhere; NoReplicationEnabled 76 on a
// standalone; the member that is `self` named as hello's `me`), "usersInfo" and "rolesInfo"
// (users and user-defined roles of the database: none on a fresh server) and "profile" (-1
// reads the level, 0 by default, slowms 100) and "$currentOp" (admin with {aggregate: 1}
// only, InvalidNamespace 73 elsewhere; first stage only, 40602) and "top" (admin only; per
// namespace total, readLock, writeLock, queries, insert… as {time, count}), and serverStatus's
// opcounters (an insert counts each of its documents) and network (bytesIn, bytesOut,
// numRequests).
import { expect } from 'chai';
import { MongoServerError } from 'mongodb';
import { openTestDb, serverFailure, usingRealMongo, type TestDb } from '../helpers/mongo.js';

type Stage = { stage?: string; indexName?: string; inputStage?: Stage; queryPlan?: Stage };

/** Every stage of a plan tree (MongoDB 7 may nest the classic plan under queryPlan). */
function stages(plan: Stage | undefined): Stage[] {
  if (!plan) return [];
  return [plan, ...stages(plan.queryPlan), ...stages(plan.inputStage)];
}

describe('conformance: what mongosh and Compass send', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb('tools');
    await t.db.collection('people').insertMany(Array.from({ length: 200 }, (_, i) => ({ staffNo: `S${i}`, dept: `D${i % 10}` })));
  });
  afterEach(() => t.close());

  it('explains a find honestly: the index it uses, keys and documents examined', async () => {
    const people = t.db.collection('people');
    await people.createIndex({ dept: 1 });
    const indexed = (await people.find({ dept: 'D3' }).explain('executionStats')) as unknown as { queryPlanner: { winningPlan: Stage }; executionStats: { nReturned: number; totalKeysExamined: number; totalDocsExamined: number } };
    const ixscan = stages(indexed.queryPlanner.winningPlan).find((s) => s.stage === 'IXSCAN');
    expect(ixscan?.indexName).to.equal('dept_1');
    expect(indexed.executionStats.nReturned).to.equal(20);
    expect(indexed.executionStats.totalKeysExamined).to.equal(20);
    expect(indexed.executionStats.totalDocsExamined).to.equal(20);
    const scanned = (await people.find({ staffNo: 'S7' }).explain('executionStats')) as unknown as { queryPlanner: { winningPlan: Stage }; executionStats: { nReturned: number; totalDocsExamined: number } };
    expect(stages(scanned.queryPlanner.winningPlan).some((s) => s.stage === 'COLLSCAN')).to.equal(true);
    expect(scanned.executionStats.nReturned).to.equal(1);
    expect(scanned.executionStats.totalDocsExamined).to.equal(200);
    const planner = (await people.find({ dept: 'D1' }).explain('queryPlanner')) as unknown as { executionStats?: unknown };
    expect(planner.executionStats).to.equal(undefined);
  });

  it('explains an update without applying it', async () => {
    const res = await t.db.command({ explain: { update: 'people', updates: [{ q: { staffNo: 'S1' }, u: { $set: { x: 1 } } }] }, verbosity: 'executionStats' });
    expect(res.ok).to.equal(1);
    expect(await t.db.collection('people').countDocuments({ x: 1 })).to.equal(0);
  });

  it('renames a collection, with its indexes, refusing a missing source or an existing target', async () => {
    await t.db.collection('people').createIndex({ staffNo: 1 }, { unique: true });
    await t.db.collection('people').rename('staff');
    expect(await t.db.collection('staff').countDocuments()).to.equal(200);
    expect((await t.db.collection('staff').indexes()).map((i) => i.name)).to.include('staffNo_1');
    expect((await t.db.listCollections({ name: 'people' }).toArray()).length).to.equal(0);
    const missing = await t.db.collection('nothing').rename('other').catch((e) => e);
    expect(missing).to.be.instanceOf(MongoServerError);
    expect(missing.code).to.equal(26);
    await t.db.collection('other').insertOne({ a: 1 });
    const exists = await t.db.collection('staff').rename('other').catch((e) => e);
    expect(exists.code).to.equal(48);
    await t.db.collection('staff').rename('other', { dropTarget: true });
    expect(await t.db.collection('other').countDocuments()).to.equal(200);
  });

  it('answers $collStats with counts and index numbers (db.coll.stats())', async () => {
    await t.db.collection('people').createIndex({ dept: 1 });
    const [stats] = await t.db.collection('people').aggregate([{ $collStats: { storageStats: {}, count: {} } }]).toArray();
    expect(stats.count).to.equal(200);
    expect(stats.storageStats.count).to.equal(200);
    expect(stats.storageStats.nindexes).to.equal(2);
    expect(stats.storageStats.size).to.be.greaterThan(200 * 20);
    expect(stats.ns).to.equal(`${t.db.databaseName}.people`);
  });

  it('answers dbHash: an md5 per collection over its documents in _id order, and one for the database', async () => {
    const docs = Array.from({ length: 50 }, (_, i) => ({ _id: i, name: `N${i}` }));
    const other = t.client.db(`${t.db.databaseName}_twin`);
    try {
      await t.db.collection<{ _id: number; name: string }>('a').insertMany(docs);
      await other.collection<{ _id: number; name: string }>('a').insertMany([...docs].reverse());
      await t.db.createCollection('empty');
      const hash = async (db: typeof t.db, collections?: string[]) => (await db.command({ dbHash: 1, ...(collections ? { collections } : {}) })) as { collections: Record<string, string>; md5: string };
      const mine = await hash(t.db, ['a', 'empty']);
      // The same documents, inserted in another order: the same hash.
      expect(mine.collections.a).to.equal((await hash(other, ['a'])).collections.a);
      expect(mine.collections.empty).to.equal('d41d8cd98f00b204e9800998ecf8427e');
      expect(Object.keys(await hash(t.db, ['a']).then((h) => h.collections))).to.deep.equal(['a']);
      await t.db.collection<{ _id: number; name: string }>('a').updateOne({ _id: 7 }, { $set: { name: 'changed' } });
      const after = await hash(t.db, ['a', 'empty']);
      expect(after.collections.a).to.not.equal(mine.collections.a);
      expect(after.md5).to.not.equal(mine.md5);
      expect(after.collections.empty).to.equal(mine.collections.empty);
    } finally {
      await other.dropDatabase();
    }
  });

  it('reports the replica set as hello does, for rs.status() and rs.conf()', async () => {
    const admin = t.client.db('admin');
    const hello = await admin.command({ hello: 1 });
    if (!hello.setName) {
      expect((await serverFailure(admin.command({ replSetGetStatus: 1 }))).code).to.equal(76);
      return;
    }
    const status = await admin.command({ replSetGetStatus: 1 });
    expect(status.set).to.equal(hello.setName);
    const self = (status.members as { self?: boolean; name: string; stateStr: string; health: number }[]).find((m) => m.self);
    expect(self).to.include({ name: hello.me, stateStr: 'PRIMARY', health: 1 });
    expect(status.myState).to.equal(1);
    const { config } = await admin.command({ replSetGetConfig: 1 });
    expect(config._id).to.equal(hello.setName);
    expect((config.members as { host: string }[]).map((m) => m.host)).to.include(hello.me);
    // Both are admin commands.
    expect((await serverFailure(t.db.command({ replSetGetStatus: 1 }))).code).to.equal(13);
    expect((await serverFailure(t.db.command({ replSetGetConfig: 1 }))).code).to.equal(13);
  });

  it('answers $indexStats with each index and how often queries used it (Compass’s index view)', async () => {
    const people = t.db.collection('people');
    await people.createIndex({ dept: 1 });
    await people.find({ dept: 'D1' }).toArray();
    await people.find({ dept: 'D2' }).toArray();
    type IndexStat = { name: string; key: Record<string, number>; host: string; accesses: { ops: unknown; since: Date }; spec: { name: string } };
    const stats = (await people.aggregate([{ $indexStats: {} }]).toArray()) as unknown as IndexStat[];
    expect(stats.map((s) => s.name).sort()).to.deep.equal(['_id_', 'dept_1']);
    const dept = stats.find((s) => s.name === 'dept_1')!;
    expect(dept.key).to.deep.equal({ dept: 1 });
    expect(dept.spec.name).to.equal('dept_1');
    expect(Number(dept.accesses.ops)).to.be.at.least(2);
    expect(dept.accesses.since).to.be.instanceOf(Date);
    expect(dept.host).to.be.a('string').with.length.above(0);
    expect((await serverFailure(people.aggregate([{ $match: {} }, { $indexStats: {} }]).toArray())).code).to.equal(40602);
  });

  it('lists no users or roles on a fresh database and reads the profiler as off (db.getUsers(), getRoles(), getProfilingStatus())', async () => {
    expect((await t.db.command({ usersInfo: 1 })).users).to.deep.equal([]);
    expect((await t.db.command({ rolesInfo: 1 })).roles).to.deep.equal([]);
    expect(await t.db.command({ profile: -1 })).to.include({ was: 0, slowms: 100, ok: 1 });
    // The store keeps no profile: turning it on is refused, not accepted and ignored.
    if (!usingRealMongo) expect((await serverFailure(t.db.command({ profile: 1 }))).code).to.equal(115);
  });

  it('lists the operation in progress with $currentOp (db.currentOp())', async () => {
    const admin = t.client.db('admin');
    const ops = await admin.aggregate([{ $currentOp: {} }, { $match: { 'command.comment': 'currentOp-probe' } }], { comment: 'currentOp-probe' }).toArray();
    expect(ops).to.have.length(1);
    expect(ops[0]).to.include({ type: 'op', active: true, op: 'command', ns: 'admin.$cmd.aggregate' });
    expect(ops[0].command.aggregate).to.equal(1);
    expect(ops[0].client).to.be.a('string');
    expect((await serverFailure(t.db.aggregate([{ $currentOp: {} }]).toArray())).code).to.equal(73);
    expect((await serverFailure(admin.aggregate([{ $match: {} }, { $currentOp: {} }]).toArray())).code).to.equal(40602);
  });

  it('counts each collection’s operations for top (Compass’s performance view, mongotop)', async () => {
    const people = t.db.collection('people');
    await people.find({ dept: 'D1' }).toArray();
    await people.insertOne({ staffNo: 'S900' });
    type Counter = { time: number; count: number };
    const { totals } = await t.client.db('admin').command({ top: 1 });
    const usage = totals[`${t.db.databaseName}.people`] as Record<string, Counter>;
    expect(usage.queries.count).to.be.at.least(1);
    expect(usage.insert.count).to.be.at.least(2); // the insertMany of beforeEach and this one
    expect(usage.writeLock.count).to.be.at.least(2);
    expect(usage.total.count).to.be.at.least(usage.queries.count + usage.insert.count);
    expect(usage.total.time).to.be.a('number');
    expect((await serverFailure(t.db.command({ top: 1 }))).code).to.equal(13);
    // serverStatus's opcounters count each inserted document.
    const before = (await t.client.db('admin').command({ serverStatus: 1 })).opcounters;
    await people.insertMany([{ staffNo: 'S901' }, { staffNo: 'S902' }, { staffNo: 'S903' }]);
    await people.findOne({ staffNo: 'S901' });
    const after = (await t.client.db('admin').command({ serverStatus: 1 })).opcounters;
    expect(after.insert - before.insert).to.equal(3);
    expect(after.query - before.query).to.be.at.least(1);
    const network = (await t.client.db('admin').command({ serverStatus: 1 })).network;
    expect(network.bytesIn).to.be.above(0);
    expect(network.bytesOut).to.be.above(0);
    expect(network.numRequests).to.be.above(0);
  });
});
