// MongoDB's document-size limit and large batches, through the driver only (runs unchanged
// on MongoDB 7). Answers from MongoDB's manual, "MongoDB Limits and Thresholds": a BSON
// document is at most 16 MiB (maxBsonObjectSize 16777216); an insert over it is refused
// (BSONObjectTooLarge, 10334), and an update that would grow a document past it fails
// (17419) leaving the document as it was. A batch may be as large as a 48 MB message.
import { expect } from 'chai';
import { MongoServerError, type Collection } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

const MiB = 1024 * 1024;

describe('conformance: limits', function () {
  this.timeout(60_000);
  let t: TestDb;
  let coll: Collection;
  beforeEach(async () => {
    t = await openTestDb('limits');
    coll = t.db.collection('big');
  });
  afterEach(() => t.close());

  it('refuses an insert over 16 MiB and keeps the connection usable', async () => {
    const err = await coll.insertOne({ _id: 'huge' as never, blob: 'x'.repeat(16 * MiB + 2048) }).catch((e) => e);
    expect(err).to.be.instanceOf(Error);
    if (err instanceof MongoServerError) expect(err.code).to.equal(10334);
    expect(await coll.countDocuments()).to.equal(0);
    await coll.insertOne({ _id: 'fine' as never, blob: 'x'.repeat(15 * MiB) });
    expect((await coll.findOne({ _id: 'fine' as never }))!.blob).to.have.length(15 * MiB);
  });

  it('refuses an update that would grow a document past 16 MiB, leaving it readable and unchanged', async () => {
    await coll.insertOne({ _id: 'grow' as never, a: 'x'.repeat(10 * MiB) });
    const err = await coll.updateOne({ _id: 'grow' as never }, { $set: { b: 'y'.repeat(8 * MiB) } }).catch((e) => e);
    expect(err).to.be.instanceOf(MongoServerError);
    expect(err.code).to.equal(17419);
    const doc = await coll.findOne({ _id: 'grow' as never });
    expect(doc!.a).to.have.length(10 * MiB);
    expect(doc!.b).to.equal(undefined);
  });

  it('takes a 100,000-document insertMany and a 20 MB batch whole', async () => {
    const docs = Array.from({ length: 100_000 }, (_, i) => ({ _id: i as never, name: `职工${i}`, dept: i % 40, note: 'n'.repeat(200) }));
    const res = await coll.insertMany(docs);
    expect(res.insertedCount).to.equal(100_000);
    expect(await coll.countDocuments()).to.equal(100_000);
    const wide = Array.from({ length: 20 }, (_, i) => ({ _id: `w${i}` as never, blob: 'z'.repeat(MiB) }));
    await t.db.collection('wide').insertMany(wide);
    expect(await t.db.collection('wide').countDocuments()).to.equal(20);
  });
});
