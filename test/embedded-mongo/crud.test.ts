import { expect } from 'chai';
import { MongoBulkWriteError, MongoServerError, ObjectId } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

describe('conformance: reads and writes', () => {
  let t: TestDb;
  beforeEach(async () => (t = await openTestDb('crud')));
  afterEach(() => t.close());

  it('round-trips ObjectId, Date, nested documents and arrays, _id first', async () => {
    const id = new ObjectId();
    const at = new Date('2020-10-01T08:30:00.123Z');
    await t.db.collection('c').insertOne({ name: '张三', at, nested: { a: [1, { b: 'x' }] }, _id: id, ref: new ObjectId(id.toHexString()) });
    const doc = await t.db.collection('c').findOne({ _id: id });
    expect(Object.keys(doc!)[0]).to.equal('_id');
    expect(doc!._id.equals(id)).to.equal(true);
    expect(doc!.at).to.be.instanceOf(Date);
    expect(doc!.at.getTime()).to.equal(at.getTime());
    expect(doc!.nested).to.deep.equal({ a: [1, { b: 'x' }] });
    expect(await t.db.collection('c').countDocuments({ ref: id })).to.equal(1);
    expect(await t.db.collection('c').countDocuments({ at: { $gte: new Date('2020-01-01'), $lt: new Date('2021-01-01') } })).to.equal(1);
  });

  it('walks a cursor across many batches and kills an abandoned one', async () => {
    const coll = t.db.collection('many');
    await coll.insertMany(Array.from({ length: 1234 }, (_, i) => ({ i })));
    const seen = await coll.find({}, { batchSize: 100, sort: { i: 1 } }).toArray();
    expect(seen.map((d) => d.i)).to.deep.equal(Array.from({ length: 1234 }, (_, i) => i));
    const cursor = coll.find({}, { batchSize: 10 });
    await cursor.next();
    await cursor.close();
    const agg = await coll.aggregate([{ $match: { i: { $gte: 1000 } } }, { $sort: { i: -1 } }], { batchSize: 7 }).toArray();
    expect(agg).to.have.length(234);
    expect(agg[0].i).to.equal(1233);
  });

  it('finds nothing for an empty $in, also on a field of a compound index', async () => {
    const coll = t.db.collection('owned');
    await coll.createIndex({ institution: 1, competition: 1 });
    await coll.insertMany([{ institution: 'H1', competition: 'a', kind: 'AWARD' }, { institution: 'H1', competition: 'b', kind: 'AWARD' }]);
    expect(await coll.find({ institution: 'H1', competition: { $in: [] } }).toArray()).to.deep.equal([]);
    expect(await coll.countDocuments({ $and: [{ kind: 'AWARD', competition: { $in: [] } }, { institution: 'H1' }] })).to.equal(0);
    expect(await coll.countDocuments({ institution: 'H1', competition: { $in: ['a', 'b'] } })).to.equal(2);
  });

  it('reports a cursor it does not know with code 43', async () => {
    const err = await t.db.command({ getMore: 123456789, collection: 'nothing' }).catch((e) => e);
    expect(err).to.be.instanceOf(MongoServerError);
    expect(err.code).to.equal(43);
  });

  it('applies sort, skip, limit and projection', async () => {
    const coll = t.db.collection('p');
    await coll.insertMany([{ n: 3, s: 'c', x: 1 }, { n: 1, s: 'a', x: 1 }, { n: 2, s: 'b', x: 1 }]);
    const docs = await coll.find({}, { sort: { n: -1 }, skip: 1, limit: 1, projection: { _id: 0, s: 1 } }).toArray();
    expect(docs).to.deep.equal([{ s: 'b' }]);
    const excl = await coll.findOne({ n: 1 }, { projection: { x: 0, _id: 0 } });
    expect(excl).to.deep.equal({ n: 1, s: 'a' });
  });

  it('updates one and many, and reports matched and modified counts', async () => {
    const coll = t.db.collection('u');
    await coll.insertMany([{ g: 1, v: 0 }, { g: 1, v: 0 }, { g: 2, v: 0 }]);
    const one = await coll.updateOne({ g: 1 }, { $inc: { v: 1 } });
    expect([one.matchedCount, one.modifiedCount]).to.deep.equal([1, 1]);
    const many = await coll.updateMany({ g: 1 }, { $set: { w: true } });
    expect([many.matchedCount, many.modifiedCount]).to.deep.equal([2, 2]);
    const noop = await coll.updateMany({ g: 1 }, { $set: { w: true } });
    expect([noop.matchedCount, noop.modifiedCount]).to.deep.equal([2, 0]);
    expect(await coll.countDocuments({ w: true })).to.equal(2);
    const replaced = await coll.replaceOne({ g: 2 }, { g: 2, replaced: true });
    expect(replaced.modifiedCount).to.equal(1);
    expect(await coll.findOne({ g: 2 }, { projection: { _id: 0 } })).to.deep.equal({ g: 2, replaced: true });
  });

  it('upserts with $setOnInsert applied only on insert, seeded from the query', async () => {
    const coll = t.db.collection('up');
    const first = await coll.updateOne({ code: 'A1' }, { $set: { seen: 1 }, $setOnInsert: { created: 'first' } }, { upsert: true });
    expect(first.upsertedCount).to.equal(1);
    expect(first.upsertedId).to.be.instanceOf(ObjectId);
    await coll.updateOne({ code: 'A1' }, { $set: { seen: 2 }, $setOnInsert: { created: 'second' } }, { upsert: true });
    expect(await coll.findOne({ code: 'A1' }, { projection: { _id: 0 } })).to.deep.equal({ code: 'A1', seen: 2, created: 'first' });
    await coll.updateOne({ _id: 'fixed' as unknown as ObjectId }, { $set: { x: 1 } }, { upsert: true });
    expect(await coll.findOne({ _id: 'fixed' as unknown as ObjectId })).to.deep.equal({ _id: 'fixed', x: 1 });
  });

  it('updates array elements with arrayFilters, $[] and the positional $', async () => {
    const coll = t.db.collection<{ _id: number; grades: { g: number; n: number }[]; tags: string[] }>('arr');
    await coll.insertOne({ _id: 1, grades: [{ g: 80, n: 0 }, { g: 95, n: 0 }, { g: 99, n: 0 }], tags: ['a', 'b'] });
    await coll.updateOne({ _id: 1 }, { $set: { 'grades.$[high].n': 1 } }, { arrayFilters: [{ 'high.g': { $gte: 95 } }] });
    await coll.updateOne({ _id: 1 }, { $inc: { 'grades.$[].g': 1 } });
    await coll.updateOne({ _id: 1, tags: 'b' }, { $set: { 'tags.$': 'B' } });
    await coll.updateOne({ _id: 1 }, { $push: { tags: { $each: ['c'] } }, $pull: { grades: { g: 81 } } });
    const doc = await coll.findOne({});
    expect(doc!.grades).to.deep.equal([{ g: 96, n: 1 }, { g: 100, n: 1 }]);
    expect(doc!.tags).to.deep.equal(['a', 'B', 'c']);
  });

  it('refuses to change _id and rejects unknown modifiers', async () => {
    const coll = t.db.collection('imm');
    await coll.insertOne({ _id: 1 as unknown as ObjectId, a: 1 });
    const err = await coll.updateOne({ _id: 1 as unknown as ObjectId }, { $set: { _id: 2 } }).catch((e) => e);
    expect(err.code).to.equal(66);
    const bad = await t.db.command({ update: 'imm', updates: [{ q: {}, u: { $frob: { a: 1 } } }] }).catch((e) => e);
    expect(bad.writeErrors?.[0]?.code ?? bad.code).to.equal(9);
    expect(await coll.findOne({})).to.deep.equal({ _id: 1, a: 1 });
  });

  it('deletes one and many', async () => {
    const coll = t.db.collection('d');
    await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await coll.deleteOne({ k: 1 })).deletedCount).to.equal(1);
    expect((await coll.deleteMany({ k: 1 })).deletedCount).to.equal(2);
    expect(await coll.countDocuments()).to.equal(1);
  });

  it('finds and modifies: before/after, sort, upsert, remove, projection', async () => {
    const coll = t.db.collection('fam');
    await coll.insertMany([{ q: 1, v: 'low' }, { q: 5, v: 'high' }]);
    const before = await coll.findOneAndUpdate({}, { $set: { touched: true } }, { sort: { q: -1 }, returnDocument: 'before' });
    expect(before!.v).to.equal('high');
    expect(before!.touched).to.equal(undefined);
    const after = await coll.findOneAndUpdate({ q: 1 }, { $inc: { q: 1 } }, { returnDocument: 'after', projection: { _id: 0, q: 1 } });
    expect(after).to.deep.equal({ q: 2 });
    const upserted = await coll.findOneAndUpdate({ q: 9 }, { $setOnInsert: { v: 'new' } }, { upsert: true, returnDocument: 'after' });
    expect(upserted!.v).to.equal('new');
    const removed = await coll.findOneAndDelete({ v: 'low' });
    expect(removed!.q).to.equal(2);
    expect(await coll.findOneAndDelete({ v: 'missing' })).to.equal(null);
    expect(await coll.countDocuments()).to.equal(2);
  });

  it('counts and distinct values, flattening arrays', async () => {
    const coll = t.db.collection('cd');
    await coll.insertMany([{ tags: ['x', 'y'], n: 1 }, { tags: 'y', n: 2 }, { n: 3 }]);
    expect(await coll.estimatedDocumentCount()).to.equal(3);
    expect(await coll.countDocuments({ n: { $gt: 1 } })).to.equal(2);
    expect((await coll.distinct('tags')).sort()).to.deep.equal(['x', 'y']);
    expect((await t.db.command({ count: 'cd', query: { n: { $lte: 2 } } })).n).to.equal(2);
  });

  it('continues an unordered batch past a failure and stops an ordered one', async () => {
    const coll = t.db.collection('batch');
    const dup = new ObjectId();
    const unordered = await coll.insertMany([{ _id: dup }, { _id: dup }, { a: 1 }], { ordered: false }).catch((e) => e);
    expect(unordered).to.be.instanceOf(MongoBulkWriteError);
    expect(unordered.result.insertedCount).to.equal(2);
    const id2 = new ObjectId();
    const ordered = await coll.insertMany([{ _id: id2 }, { _id: id2 }, { b: 1 }]).catch((e) => e);
    expect(ordered.writeErrors[0].index).to.equal(1);
    expect(await coll.countDocuments({ b: 1 })).to.equal(0);
    expect(await coll.countDocuments()).to.equal(3);
  });

  it('never lets a reader change what is stored', async () => {
    const coll = t.db.collection('iso');
    await coll.insertOne({ _id: 1 as unknown as ObjectId, list: [1, 2], inner: { a: 1 } });
    await coll.aggregate([{ $addFields: { 'inner.a': 99, extra: 1 } }, { $unwind: '$list' }]).toArray();
    await coll.aggregate([{ $set: { list: [] } }]).toArray();
    await coll.aggregate([{ $project: { inner: 0 } }]).toArray();
    expect(await coll.findOne({})).to.deep.equal({ _id: 1, list: [1, 2], inner: { a: 1 } });
  });
});
