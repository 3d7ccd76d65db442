// Numeric BSON types, driver only (so it runs unchanged on MongoDB): what is stored as an
// int32, int64 or double comes back as such, compares across types by value, and computes
// by MongoDB's rules (the manual's "BSON Types", $type, $inc and $mul pages).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Binary, Double, Int32, Long, MongoClient, type Collection, type Document } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { openTestDb, serverFailure, usingRealMongo, type TestDb } from '../helpers/mongo.js';

const RAW = { promoteValues: false } as const;
const typeOf = (v: unknown) => (v as { _bsontype?: string })?._bsontype ?? typeof v;

describe('conformance: numeric BSON types', () => {
  let t: TestDb;
  let c: Collection;

  before(async () => {
    t = await openTestDb('numbers');
  });
  after(() => t.close());
  beforeEach(async () => {
    c = t.db.collection(`n${Math.random().toString(36).slice(2, 8)}`);
    await c.insertOne({ _id: 1 as never, i: new Int32(5), l: Long.fromNumber(5), d: new Double(5), f: 1.5, big: Long.fromString('9007199254740993'), nz: new Double(-0) });
  });

  it('returns every numeric type as it was stored', async () => {
    const raw = (await c.findOne({ _id: 1 as never }, RAW))!;
    expect(typeOf(raw.i)).to.equal('Int32');
    expect(typeOf(raw.l)).to.equal('Long');
    expect(typeOf(raw.d)).to.equal('Double');
    expect(typeOf(raw.f)).to.equal('Double');
    expect((raw.big as Long).toString()).to.equal('9007199254740993');
    expect(Object.is((raw.nz as Double).value, -0)).to.equal(true);
    const promoted = (await c.findOne({ _id: 1 as never }))!;
    expect(promoted).to.deep.include({ i: 5, l: 5, d: 5, f: 1.5 });
  });

  it('answers $type by the stored type, and "number" for all of them', async () => {
    const match = async (field: string, type: string | number) => (await c.countDocuments({ [field]: { $type: type } as never })) === 1;
    expect(await match('i', 'int')).to.equal(true);
    expect(await match('i', 'double')).to.equal(false);
    expect(await match('l', 'long')).to.equal(true);
    expect(await match('l', 18)).to.equal(true);
    expect(await match('l', 'int')).to.equal(false);
    expect(await match('d', 'double')).to.equal(true);
    expect(await match('d', 'int')).to.equal(false);
    expect(await match('f', 1)).to.equal(true);
    for (const f of ['i', 'l', 'd', 'f']) expect(await match(f, 'number')).to.equal(true);
    expect((await serverFailure(c.countDocuments({ i: { $type: 'integer' } as never }))).code).to.equal(2);
    await c.insertOne({ _id: 2 as never, bin: new Binary(Buffer.from('ab')), arr: [1, 'x'] });
    expect(await match('bin', 'binData')).to.equal(true);
    expect(await match('arr', 'array')).to.equal(true);
    expect(await match('arr', 'string')).to.equal(true);
    expect(await c.countDocuments({ i: { $type: ['string', 'int'] } as never })).to.equal(1);
  });

  it('compares across types by value: equality, ranges and sort', async () => {
    for (const q of [{ d: 5 }, { l: 5 }, { i: new Double(5) }, { l: { $gte: 4.5, $lt: new Int32(6) } }, { d: { $in: [Long.fromNumber(5)] } }]) {
      expect(await c.countDocuments(q as Document), JSON.stringify(q)).to.equal(1);
    }
    await c.insertMany([{ _id: 2 as never, v: Long.fromNumber(3) }, { _id: 3 as never, v: new Double(2) }, { _id: 4 as never, v: 2.5 }, { _id: 5 as never, v: new Int32(1) }]);
    expect((await c.find({ v: { $exists: true } }).sort({ v: 1 }).toArray()).map((d) => d._id)).to.deep.equal([5, 3, 4, 2]);
    expect((await c.find({ v: { $gt: 2 } }).sort({ v: -1 }).toArray()).map((d) => d._id)).to.deep.equal([2, 4]);
  });

  it('treats 1, Long(1) and Double(1) as one key in a unique index', async () => {
    await c.createIndex({ k: 1 }, { unique: true });
    await c.insertOne({ _id: 10 as never, k: 1 });
    expect((await serverFailure(c.insertOne({ _id: 11 as never, k: new Double(1) }))).code).to.equal(11000);
    expect((await serverFailure(c.insertOne({ _id: 12 as never, k: Long.fromNumber(1) }))).code).to.equal(11000);
    expect((await serverFailure(c.insertOne({ _id: new Double(1) as never }))).code).to.equal(11000);
  });

  it('computes $inc and $mul by the types involved', async () => {
    await c.updateOne({ _id: 1 as never }, { $inc: { d: 1, l: 1, i: new Double(2) }, $mul: { f: 2 } });
    let raw = (await c.findOne({ _id: 1 as never }, RAW))!;
    expect([typeOf(raw.d), Number(raw.d)]).to.deep.equal(['Double', 6]);
    expect([typeOf(raw.l), Number(raw.l)]).to.deep.equal(['Long', 6]);
    expect([typeOf(raw.i), Number(raw.i)]).to.deep.equal(['Double', 7]);
    expect([typeOf(raw.f), Number(raw.f)]).to.deep.equal(['Double', 3]);
    // Two ints that overflow make a long; a long operand makes a long; a missing field takes the operand's type.
    await c.updateOne({ _id: 1 as never }, { $set: { o: 2147483647 } });
    await c.updateOne({ _id: 1 as never }, { $inc: { o: 1, n: Long.fromNumber(7) }, $mul: { z: Long.fromNumber(3) } });
    raw = (await c.findOne({ _id: 1 as never }, RAW))!;
    expect([typeOf(raw.o), String(raw.o)]).to.deep.equal(['Long', '2147483648']);
    expect([typeOf(raw.n), Number(raw.n)]).to.deep.equal(['Long', 7]);
    expect([typeOf(raw.z), Number(raw.z)]).to.deep.equal(['Long', 0]);
    await c.updateOne({ _id: 1 as never }, { $inc: { big: 1 } });
    expect(((await c.findOne({ _id: 1 as never }, RAW))!.big as Long).toString()).to.equal('9007199254740994');
  });

  // "$sum" (aggregation): a sum of longs is a long, with a double among them a double; values
  // a pipeline only moves ($match, $project of fields, $sort, $group's $first/$max) keep their type.
  it('keeps the types through pipelines that move values, and sums by type', async () => {
    await c.insertOne({ _id: 2 as never, l: Long.fromNumber(7), d: new Double(2) });
    const [moved] = await c.aggregate([{ $match: { _id: 1 } }, { $project: { l: 1, d: 1, big: 1 } }], RAW).toArray();
    expect([typeOf(moved.l), typeOf(moved.d), typeOf(moved.big), String(moved.big)]).to.deep.equal(['Long', 'Double', 'Long', '9007199254740993']);
    const [sums] = await c.aggregate([{ $sort: { _id: 1 } }, { $group: { _id: null, longs: { $sum: '$l' }, doubles: { $sum: '$d' }, first: { $first: '$l' }, most: { $max: '$big' } } }], RAW).toArray();
    expect([typeOf(sums.longs), String(sums.longs), typeOf(sums.doubles), Number(sums.doubles)]).to.deep.equal(['Long', '12', 'Double', 7]);
    expect([typeOf(sums.first), typeOf(sums.most), String(sums.most)]).to.deep.equal(['Long', 'Long', '9007199254740993']);
  });

  it('keeps the types of $set values, replacements and findAndModify', async () => {
    await c.updateOne({ _id: 1 as never }, { $set: { s: new Double(3), 'e.x': Long.fromNumber(4) }, $push: { arr: new Double(1) } as never });
    await c.replaceOne({ _id: 1 as never }, { r: new Double(8), q: Long.fromNumber(9) }, {});
    await c.insertOne({ _id: 2 as never });
    const after = await c.findOneAndUpdate({ _id: 2 as never }, { $set: { w: new Double(2) } }, { returnDocument: 'after', ...RAW });
    expect(typeOf(after!.w)).to.equal('Double');
    const raw = (await c.findOne({ _id: 1 as never }, RAW))!;
    expect([typeOf(raw.r), typeOf(raw.q)]).to.deep.equal(['Double', 'Long']);
  });

  it('filters and options sent as longs or doubles work as numbers', async () => {
    await c.insertMany(Array.from({ length: 5 }, (_, i) => ({ _id: (100 + i) as never, g: 1 })));
    const found = (command: Document) => t.db.command({ find: c.collectionName, ...command }).then((r) => (r.cursor as { firstBatch: unknown[] }).firstBatch.length);
    expect(await found({ filter: { g: 1 }, limit: Long.fromNumber(2) })).to.equal(2);
    expect(await found({ filter: { g: new Double(1) }, skip: new Double(1), batchSize: Long.fromNumber(10) })).to.equal(4);
    expect(await c.countDocuments({ g: Long.fromNumber(1) })).to.equal(5);
  });

  it('keeps the types through a restart', async function () {
    if (usingRealMongo) this.skip();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbers-'));
    let server = await startEmbeddedMongo({ dataDir });
    let client = await new MongoClient(server.uri).connect();
    await client.db('n').collection('c').insertOne({ _id: 1 as never, d: new Double(2), l: Long.fromNumber(3) });
    await client.close();
    await server.stop();
    server = await startEmbeddedMongo({ dataDir });
    client = await new MongoClient(server.uri).connect();
    const raw = (await client.db('n').collection('c').findOne({}, RAW))!;
    await client.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect([typeOf(raw.d), typeOf(raw.l)]).to.deep.equal(['Double', 'Long']);
  });
});
