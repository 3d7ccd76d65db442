import { expect } from 'chai';
import { MongoServerError, type Collection } from 'mongodb';
import mongoose from 'mongoose';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

async function dupError(p: Promise<unknown>) {
  const err = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(err, 'expected a duplicate key error').to.be.instanceOf(MongoServerError);
  expect(err.code).to.equal(11000);
  return err as MongoServerError & { keyPattern: object; keyValue: object };
}

describe('conformance: indexes', () => {
  let t: TestDb;
  let coll: Collection;
  beforeEach(async () => {
    t = await openTestDb('idx');
    coll = t.db.collection('people');
  });
  afterEach(() => t.close());

  it('lists, creates idempotently and drops indexes', async () => {
    expect(await coll.createIndex({ staffNo: 1 }, { unique: true })).to.equal('staffNo_1');
    expect(await coll.createIndex({ staffNo: 1 }, { unique: true })).to.equal('staffNo_1');
    await coll.createIndex({ dept: 1, name: -1 }, { name: 'dept_name' });
    const indexes = await coll.listIndexes().toArray();
    expect(indexes.map((i) => i.name)).to.deep.equal(['_id_', 'staffNo_1', 'dept_name']);
    expect(indexes[1].unique).to.equal(true);
    expect(indexes[2].key).to.deep.equal({ dept: 1, name: -1 });
    await coll.dropIndex('dept_name');
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).to.deep.equal(['_id_', 'staffNo_1']);
    const missing = await coll.dropIndex('nope').catch((e) => e);
    expect(missing.code).to.equal(27);
    const idIndex = await coll.dropIndex('_id_').catch((e) => e);
    expect(idIndex.code).to.equal(72);
    await coll.dropIndexes();
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).to.deep.equal(['_id_']);
    const noColl = await t.db.collection('absent').listIndexes().toArray().catch((e) => e);
    expect(noColl.code).to.equal(26);
  });

  it('refuses a conflicting index definition under an existing name', async () => {
    await coll.createIndex({ a: 1 }, { name: 'a_idx' });
    const err = await coll.createIndex({ b: 1 }, { name: 'a_idx' }).catch((e) => e);
    expect(err.code).to.equal(86);
  });

  it('enforces a unique index on insert, update, upsert and findAndModify with the exact error shape', async () => {
    await coll.createIndex({ staffNo: 1 }, { unique: true });
    await coll.insertMany([{ staffNo: 'S001' }, { staffNo: 'S002' }]);
    const onInsert = await dupError(coll.insertOne({ staffNo: 'S001' }));
    expect(onInsert.keyPattern).to.deep.equal({ staffNo: 1 });
    expect(onInsert.keyValue).to.deep.equal({ staffNo: 'S001' });
    expect(onInsert.message).to.match(/^E11000 duplicate key error collection: \w+\.people index: staffNo_1 dup key: \{ staffNo: "S001" \}$/);
    await dupError(coll.updateOne({ staffNo: 'S002' }, { $set: { staffNo: 'S001' } }));
    await dupError(coll.updateOne({ staffNo: 'S009' }, { $set: { staffNo: 'S001' } }, { upsert: true }));
    const fam = await dupError(coll.findOneAndUpdate({ staffNo: 'S002' }, { $set: { staffNo: 'S001' } }));
    expect(fam.keyValue).to.deep.equal({ staffNo: 'S001' });
    expect(await coll.countDocuments()).to.equal(2);
    expect(await coll.countDocuments({ staffNo: 'S002' })).to.equal(1);
  });

  it('treats a missing field as null in a unique index', async () => {
    await coll.createIndex({ code: 1 }, { unique: true });
    await coll.insertOne({ name: 'no code' });
    const err = await dupError(coll.insertOne({ name: 'also no code' }));
    expect(err.keyValue).to.deep.equal({ code: null });
  });

  it('enforces compound, sparse and partial unique indexes', async () => {
    await coll.createIndex({ dept: 1, year: 1 }, { unique: true });
    await coll.insertMany([{ dept: 'A', year: 2020 }, { dept: 'A', year: 2021 }, { dept: 'B', year: 2020 }]);
    const compound = await dupError(coll.insertOne({ dept: 'A', year: 2020 }));
    expect(compound.keyValue).to.deep.equal({ dept: 'A', year: 2020 });

    const sparse = t.db.collection('sparse');
    await sparse.createIndex({ email: 1 }, { unique: true, sparse: true });
    await sparse.insertMany([{ n: 1 }, { n: 2 }, { email: 'a@x' }]);
    await dupError(sparse.insertOne({ email: 'a@x' }));

    const partial = t.db.collection('partial');
    await partial.createIndex({ title: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await partial.insertMany([{ title: 'x', active: false }, { title: 'x', active: false }, { title: 'x', active: true }]);
    await dupError(partial.insertOne({ title: 'x', active: true }));
    expect(await partial.countDocuments()).to.equal(3);
  });

  // "db.collection.createIndex()": the _id index takes no unique/sparse option (197) and asked
  // for again is the one there; at most 32 fields. "cursor.hint()": {$natural: -1} reads
  // backwards, and a hinted sparse index answers with the documents it holds.
  it('answers the _id index, key size limits and hints as MongoDB', async () => {
    await coll.insertMany([{ i: 1 }, { i: 2 }, { other: 3 }]);
    expect((await coll.createIndex({ _id: 1 }, { unique: true }).catch((e) => e)).code).to.equal(197);
    await coll.createIndex({ _id: 1 });
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).to.deep.equal(['_id_']);
    const tooWide = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`f${i}`, 1]));
    expect((await coll.createIndex(tooWide).catch((e) => e)).code).to.equal(13103);
    expect((await coll.find({}).hint({ $natural: -1 }).toArray()).map((d) => d.i ?? d.other)).to.deep.equal([3, 2, 1]);
    await coll.createIndex({ i: 1 }, { sparse: true });
    expect((await coll.find({}).hint('i_1').toArray()).map((d) => d.i)).to.have.members([1, 2]);
  });

  it('fails to build a unique index over duplicated data', async () => {
    await coll.insertMany([{ k: 1 }, { k: 1 }]);
    await dupError(coll.createIndex({ k: 1 }, { unique: true }));
    expect((await coll.listIndexes().toArray()).map((i) => i.name)).to.deep.equal(['_id_']);
  });

  it('finds through an index by equality, $in and range, including array values', async () => {
    await coll.createIndex({ year: 1 });
    await coll.createIndex({ tags: 1 });
    await coll.insertMany(
      Array.from({ length: 300 }, (_, i) => ({ i, year: 2000 + (i % 30), tags: [`t${i % 7}`, 'all'], label: i % 2 ? 'odd' : 'even' })),
    );
    expect(await coll.countDocuments({ year: 2010 })).to.equal(10);
    expect(await coll.countDocuments({ year: { $in: [2010, 2011] } })).to.equal(20);
    expect(await coll.countDocuments({ year: { $gte: 2025, $lt: 2028 } })).to.equal(30);
    expect(await coll.countDocuments({ year: { $gt: 2028 } })).to.equal(10);
    expect(await coll.countDocuments({ year: { $lte: '2010' } })).to.equal(0);
    expect(await coll.countDocuments({ tags: 't3' })).to.equal(43);
    expect(await coll.countDocuments({ year: 2010, label: 'odd' })).to.equal(0);
    expect(await coll.countDocuments({ $and: [{ year: 2011 }, { label: 'odd' }] })).to.equal(10);
    await coll.updateMany({ year: 2010 }, { $set: { year: 1999 } });
    expect(await coll.countDocuments({ year: 2010 })).to.equal(0);
    expect(await coll.countDocuments({ year: { $lt: 2000 } })).to.equal(10);
  });

  it('works with mongoose models: init builds indexes, duplicates surface as 11000', async () => {
    const conn = await mongoose.createConnection(t.uri, { dbName: t.db.databaseName }).asPromise();
    try {
      const Person = conn.model('Person', new mongoose.Schema({ staffNo: { type: String, unique: true }, name: String }));
      await Person.init();
      await Person.create({ staffNo: 'M1', name: 'a' });
      const err = await Person.create({ staffNo: 'M1', name: 'b' }).catch((e) => e);
      expect(err.code).to.equal(11000);
      await Person.syncIndexes();
      expect(Object.keys(await Person.listIndexes())).to.have.length(2);
      const found = await Person.findOneAndUpdate({ staffNo: 'M1' }, { name: 'c' }, { returnDocument: 'after' }).lean();
      expect(found!.name).to.equal('c');
    } finally {
      await conn.close();
    }
  });
});
