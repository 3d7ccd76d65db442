// $out, $merge, database-level aggregate ($documents) and collMod, driver only, so it runs
// unchanged on MongoDB. Expected answers from MongoDB's manual: "$out (aggregation)"
// (replaces the target, keeps its indexes, fails without changing it on a duplicate key;
// must be the last stage), "$merge (aggregation)" (defaults on: _id, whenMatched: merge,
// whenNotMatched: insert; join fields need a unique index; errors 51183, 13113), "$documents"
// (db.aggregate) and "collMod" (index.expireAfterSeconds; expireAfterSeconds_old/_new).
import { expect } from 'chai';
import type { Collection } from 'mongodb';
import { openTestDb, serverFailure, type TestDb } from '../helpers/mongo.js';

const failure = serverFailure;

describe('conformance: output stages, database aggregate and collMod', () => {
  let t: TestDb;
  let source: Collection;
  let target: Collection;
  const all = (c: Collection) => c.find({}, { sort: { _id: 1 } }).toArray();
  beforeEach(async () => {
    t = await openTestDb('outputs');
    source = t.db.collection('source');
    target = t.db.collection('target');
    await source.insertMany([
      { _id: 1 as never, dept: 'A', n: 2 },
      { _id: 2 as never, dept: 'B', n: 5 },
      { _id: 3 as never, dept: 'A', n: 1 },
    ]);
  });
  afterEach(() => t.close());

  it('$out replaces the target with the results, keeping its indexes, and returns no documents', async () => {
    await target.insertOne({ _id: 'old' as never, x: 1 });
    await target.createIndex({ total: 1 });
    const out = await source.aggregate([{ $group: { _id: '$dept', total: { $sum: '$n' } } }, { $out: 'target' }]).toArray();
    expect(out).to.deep.equal([]);
    expect(await all(target)).to.deep.equal([
      { _id: 'A', total: 3 },
      { _id: 'B', total: 5 },
    ]);
    expect((await target.indexes()).map((i) => i.name)).to.include('total_1');
    expect(await source.countDocuments()).to.equal(3);
    await source.aggregate([{ $match: { n: { $gt: 1 } } }, { $project: { n: 1 } }, { $out: { db: t.db.databaseName, coll: 'other' } }]).toArray();
    expect(await all(t.db.collection('other'))).to.deep.equal([
      { _id: 1, n: 2 },
      { _id: 2, n: 5 },
    ]);
  });

  it('$out leaves the target as it was when the results break a unique key, and must be the last stage', async () => {
    await target.insertOne({ _id: 'kept' as never, dept: 'Z' });
    await target.createIndex({ dept: 1 }, { unique: true });
    const dup = await failure(source.aggregate([{ $project: { _id: 0, dept: 1 } }, { $out: 'target' }]).toArray());
    expect(dup.code).to.equal(11000);
    expect(await all(target)).to.deep.equal([{ _id: 'kept', dept: 'Z' }]);
    expect((await failure(source.aggregate([{ $out: 'target' }, { $match: {} }]).toArray())).code).to.equal(40601);
  });

  it('$merge by default merges matching documents by _id and inserts the others', async () => {
    await target.insertMany([
      { _id: 1 as never, n: 100, keep: true },
      { _id: 9 as never, n: 9 },
    ]);
    expect(await source.aggregate([{ $match: { _id: { $in: [1, 2] } } }, { $merge: 'target' }]).toArray()).to.deep.equal([]);
    expect(await all(target)).to.deep.equal([
      { _id: 1, n: 2, keep: true, dept: 'A' },
      { _id: 2, dept: 'B', n: 5 },
      { _id: 9, n: 9 },
    ]);
  });

  it('$merge honours whenMatched and whenNotMatched', async () => {
    await target.insertMany([
      { _id: 1 as never, n: 100, keep: true },
      { _id: 2 as never, n: 200 },
    ]);
    await source.aggregate([{ $match: { _id: 1 } }, { $merge: { into: 'target', whenMatched: 'replace' } }]).toArray();
    expect(await target.findOne({ _id: 1 as never })).to.deep.equal({ _id: 1, dept: 'A', n: 2 });
    await source.aggregate([{ $match: { _id: 2 } }, { $merge: { into: 'target', whenMatched: 'keepExisting' } }]).toArray();
    expect(await target.findOne({ _id: 2 as never })).to.deep.equal({ _id: 2, n: 200 });
    await source.aggregate([{ $merge: { into: 'target', whenMatched: 'keepExisting', whenNotMatched: 'discard' } }]).toArray();
    expect(await target.countDocuments()).to.equal(2);
    expect((await failure(source.aggregate([{ $match: { _id: 3 } }, { $merge: { into: 'target', whenNotMatched: 'fail' } }]).toArray())).code).to.equal(13113);
    expect((await failure(source.aggregate([{ $match: { _id: 2 } }, { $merge: { into: 'target', whenMatched: 'fail' } }]).toArray())).code).to.equal(11000);
    expect(await target.findOne({ _id: 2 as never })).to.deep.equal({ _id: 2, n: 200 });
  });

  it('$merge on other fields needs a unique index over exactly them', async () => {
    const byDept = () => source.aggregate([{ $group: { _id: null, dept: { $first: 'A' }, total: { $sum: '$n' } } }, { $project: { _id: 0 } }, { $merge: { into: 'target', on: 'dept' } }]).toArray();
    expect((await failure(byDept())).code).to.equal(51183);
    await target.createIndex({ dept: 1 }, { unique: true });
    await target.insertOne({ dept: 'A', total: 0, since: 2020 });
    await byDept();
    const [merged] = await target.find({}, { projection: { _id: 0 } }).toArray();
    expect(merged).to.deep.equal({ dept: 'A', total: 8, since: 2020 });
  });

  it('runs a database-level pipeline from $documents, and wants a collection otherwise', async () => {
    const docs = await t.db.aggregate([{ $documents: [{ x: 1 }, { x: 2 }, { x: 3 }] }, { $match: { x: { $gte: 2 } } }, { $project: { _id: 0, y: { $multiply: ['$x', 10] } } }]).toArray();
    expect(docs).to.deep.equal([{ y: 20 }, { y: 30 }]);
    expect((await failure(t.db.aggregate([{ $match: {} }]).toArray())).code).to.equal(73);
  });

  it('collMod changes a TTL index’s expiry and names a missing index or collection', async () => {
    await target.insertOne({ at: new Date() });
    await target.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
    const res = await t.db.command({ collMod: 'target', index: { keyPattern: { at: 1 }, expireAfterSeconds: 7200 } });
    expect(res).to.deep.include({ expireAfterSeconds_old: 3600, expireAfterSeconds_new: 7200, ok: 1 });
    expect((await target.indexes()).find((i) => i.name === 'at_1')!.expireAfterSeconds).to.equal(7200);
    expect(await target.countDocuments()).to.equal(1);
    expect((await failure(t.db.command({ collMod: 'target', index: { name: 'nope_1', expireAfterSeconds: 1 } }))).code).to.equal(27);
    expect((await failure(t.db.command({ collMod: 'missing', index: { name: 'at_1', expireAfterSeconds: 1 } }))).code).to.equal(26);
  });
});
