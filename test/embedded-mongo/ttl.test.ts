// TTL indexes through the driver only, so this runs unchanged on MongoDB 7. Expected answers
// from MongoDB's manual, "TTL Indexes" and "Expire Data from Collections by Setting TTL":
// the monitor runs every ttlMonitorSleepSecs (a setParameter, default 60) and deletes
// documents whose indexed date (the earliest, for an array) plus expireAfterSeconds has
// passed; documents without a date in that field never expire.
import { expect } from 'chai';
import { MongoServerError } from 'mongodb';
import { openTestDb, type TestDb } from '../helpers/mongo.js';

describe('conformance: TTL indexes', () => {
  let t: TestDb;
  let previousSleep: number | undefined;
  before(async () => {
    t = await openTestDb('ttl');
    const was = await t.client.db('admin').command({ setParameter: 1, ttlMonitorSleepSecs: 1 });
    previousSleep = was.was as number;
  });
  after(async () => {
    if (previousSleep) await t.client.db('admin').command({ setParameter: 1, ttlMonitorSleepSecs: previousSleep });
    await t.close();
  });

  it('deletes expired documents on the monitor’s schedule, and only those', async function () {
    this.timeout(20_000);
    const coll = t.db.collection('sessions');
    await coll.createIndex({ until: 1 }, { expireAfterSeconds: 0 });
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3600_000);
    await coll.insertMany([
      { _id: 'old' as never, until: past },
      { _id: 'new' as never, until: future },
      { _id: 'mixed' as never, until: [future, past] },
      { _id: 'text' as never, until: 'yesterday' },
      { _id: 'none' as never },
    ]);
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && (await coll.countDocuments()) > 3) await new Promise((r) => setTimeout(r, 250));
    expect((await coll.find().sort({ _id: 1 }).toArray()).map((d) => d._id)).to.deep.equal(['new', 'none', 'text']);
    const [index] = (await coll.listIndexes().toArray()).filter((i) => i.name === 'until_1');
    expect(index.expireAfterSeconds).to.equal(0);
  });

  it('refuses TTL options MongoDB refuses', async () => {
    const coll = t.db.collection('bad');
    for (const [key, options, code] of [
      [{ a: 1 }, { expireAfterSeconds: -1 }, 67],
      [{ a: 1, b: 1 }, { expireAfterSeconds: 10 }, 67],
    ] as const) {
      const err = await coll.createIndex(key, options).catch((e) => e);
      expect(err).to.be.instanceOf(MongoServerError);
      // MongoDB 7 answers CannotCreateIndex (67) or InvalidIndexSpecificationOption (197) by version.
      expect([code, 197]).to.include(err.code);
    }
    const unknown = await t.client.db('admin').command({ setParameter: 1, noSuchParameter: 1 }).catch((e) => e);
    expect(unknown).to.be.instanceOf(MongoServerError);
    expect(unknown.code).to.equal(72);
  });
});
