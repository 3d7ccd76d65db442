// Sessions, retryable writes and multi-document transactions, through the driver only: the
// same assertions hold on a MongoDB replica set (MONGODB_URI naming one).
import { expect } from 'chai';
import { MongoServerError, type ClientSession } from 'mongodb';
import { openTestDb, usingRealMongo, type TestDb } from '../helpers/mongo.js';

describe('conformance: transactions and retryable writes', function () {
  this.timeout(30_000);
  let t: TestDb;
  before(async () => (t = await openTestDb('txn')));
  after(() => t.close());

  const withSession = async (run: (s: ClientSession) => Promise<void>) => {
    const s = t.client.startSession();
    try {
      await run(s);
    } finally {
      await s.endSession();
    }
  };

  it('commits several documents together and shows none of them before', async () => {
    const a = t.db.collection('commit_a');
    const b = t.db.collection('commit_b');
    await a.insertOne({ _id: 1, n: 1 } as never);
    await withSession(async (s) => {
      s.startTransaction();
      await a.updateOne({ _id: 1 } as never, { $set: { n: 2 } }, { session: s });
      await b.insertOne({ _id: 'audit', of: 1 } as never, { session: s });
      // Its own writes are visible to it …
      expect(await a.findOne({ _id: 1 } as never, { session: s })).to.deep.equal({ _id: 1, n: 2 });
      expect(await b.countDocuments({}, { session: s })).to.equal(1);
      // … and to no one else until commit.
      expect(await a.findOne({ _id: 1 } as never)).to.deep.equal({ _id: 1, n: 1 });
      expect(await b.countDocuments({})).to.equal(0);
      await s.commitTransaction();
    });
    expect(await a.findOne({ _id: 1 } as never)).to.deep.equal({ _id: 1, n: 2 });
    expect(await b.findOne({})).to.deep.equal({ _id: 'audit', of: 1 });
  });

  it('aborts: nothing of the transaction remains', async () => {
    const c = t.db.collection('abort');
    await c.insertOne({ _id: 1 } as never);
    await withSession(async (s) => {
      s.startTransaction();
      await c.insertOne({ _id: 2 } as never, { session: s });
      await c.deleteOne({ _id: 1 } as never, { session: s });
      await s.abortTransaction();
    });
    expect(await c.find().toArray()).to.deep.equal([{ _id: 1 }]);
  });

  it('reads a snapshot: commits made after it started stay invisible to it', async () => {
    const c = t.db.collection('snapshot');
    await c.insertMany([{ _id: 1, v: 'old' }, { _id: 2, v: 'old' }] as never[]);
    await withSession(async (s) => {
      s.startTransaction();
      expect(await c.countDocuments({}, { session: s })).to.equal(2); // the snapshot starts here
      await c.updateOne({ _id: 1 } as never, { $set: { v: 'new' } });
      await c.insertOne({ _id: 3, v: 'new' } as never);
      await c.deleteOne({ _id: 2 } as never);
      expect(await c.find({}, { session: s }).sort({ _id: 1 }).toArray()).to.deep.equal([
        { _id: 1, v: 'old' },
        { _id: 2, v: 'old' },
      ]);
      expect(await c.countDocuments({ v: 'old' }, { session: s })).to.equal(2);
      const [grouped] = await c.aggregate([{ $group: { _id: null, n: { $sum: 1 } } }], { session: s }).toArray();
      expect(grouped.n).to.equal(2);
      await s.commitTransaction();
    });
  });

  it('answers a write conflict with 112 and TransientTransactionError, and withTransaction retries', async () => {
    const c = t.db.collection('conflict');
    await c.insertOne({ _id: 1, n: 0 } as never);
    await withSession(async (s) => {
      s.startTransaction();
      await c.updateOne({ _id: 1 } as never, { $inc: { n: 1 } }, { session: s });
      await withSession(async (other) => {
        other.startTransaction();
        const err = await c.updateOne({ _id: 1 } as never, { $inc: { n: 10 } }, { session: other }).catch((e) => e);
        expect(err).to.be.instanceOf(MongoServerError);
        expect(err.code).to.equal(112);
        expect(err.hasErrorLabel('TransientTransactionError')).to.equal(true);
        await other.abortTransaction().catch(() => undefined);
      });
      await s.commitTransaction();
    });
    let attempts = 0;
    await withSession((s) =>
      s.withTransaction(async () => {
        attempts++;
        await c.updateOne({ _id: 1 } as never, { $inc: { n: 1 } }, { session: s });
        // Someone else writes the same document meanwhile, the first time only.
        if (attempts === 1) await c.updateOne({ _id: 1 } as never, { $inc: { n: 100 } });
      }),
    );
    expect(attempts).to.equal(2);
    expect(await c.findOne({ _id: 1 } as never)).to.deep.equal({ _id: 1, n: 102 });
  });

  it('refuses a duplicate key inside a transaction and aborts it', async () => {
    const c = t.db.collection('txn_unique');
    await c.createIndex({ code: 1 }, { unique: true });
    await c.insertOne({ code: 'A' });
    await withSession(async (s) => {
      s.startTransaction();
      await c.insertOne({ code: 'B' }, { session: s });
      const dup = await c.insertOne({ code: 'B' }, { session: s }).catch((e) => e);
      expect(dup.code).to.equal(11000);
      const after = await s.commitTransaction().catch((e) => e);
      expect(after).to.be.instanceOf(MongoServerError);
      expect(after.code).to.equal(251);
    });
    expect(await c.countDocuments()).to.equal(1);
  });

  it("lets a transaction reuse a unique key it freed, and makes another transaction's key a conflict", async () => {
    const c = t.db.collection('txn_keys');
    await c.createIndex({ code: 1 }, { unique: true });
    await withSession(async (s) => {
      s.startTransaction();
      await c.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, code: `C${i}` })) as never[], { session: s });
      await c.updateOne({ _id: 0 } as never, { $set: { code: 'moved' } }, { session: s });
      await c.insertOne({ _id: 'reuse', code: 'C0' } as never, { session: s });
      expect((await c.insertOne({ _id: 'dup', code: 'C499' } as never, { session: s }).catch((e) => e)).code).to.equal(11000);
      await s.abortTransaction();
    });
    await withSession(async (first) => {
      await withSession(async (second) => {
        first.startTransaction();
        second.startTransaction();
        await c.insertOne({ code: 'taken' }, { session: first });
        const clash = await c.insertOne({ code: 'taken' }, { session: second }).catch((e) => e);
        expect(clash.code).to.equal(112);
        expect(clash.errorLabels).to.include('TransientTransactionError');
        await second.abortTransaction().catch(() => undefined);
        await first.commitTransaction();
      });
    });
    expect(await c.countDocuments({ code: 'taken' })).to.equal(1);
  });

  it('applies a retried write once: the same session and txnNumber get the first reply', async () => {
    const c = t.db.collection('retry');
    await withSession(async (s) => {
      const cmd = { insert: 'retry', documents: [{ _id: 'once' }], lsid: s.id, txnNumber: 7 };
      const first = await t.db.command(cmd);
      const again = await t.db.command(cmd);
      expect(first.n).to.equal(1);
      expect(again).to.deep.include({ n: 1, ok: 1 });
      expect(again.writeErrors).to.equal(undefined);
      const inc = { update: 'retry', updates: [{ q: { _id: 'once' }, u: { $inc: { hits: 1 } } }], lsid: s.id, txnNumber: 8 };
      await t.db.command(inc);
      await t.db.command(inc);
      expect(await c.findOne({ _id: 'once' } as never)).to.deep.equal({ _id: 'once', hits: 1 });
    });
  });

  it('aborts a transaction that outlives transactionLifetimeLimitSeconds', async function () {
    // MongoDB's reaper runs on its own schedule; the embedded store aborts on time.
    if (usingRealMongo) this.skip();
    const admin = t.client.db('admin');
    const { was } = await admin.command({ setParameter: 1, transactionLifetimeLimitSeconds: 1 });
    try {
      const c = t.db.collection('lifetime');
      await withSession(async (s) => {
        s.startTransaction();
        await c.insertOne({ late: true }, { session: s });
        await new Promise((r) => setTimeout(r, 1500));
        const err = await s.commitTransaction().catch((e) => e);
        expect(err.code).to.equal(251);
      });
      expect(await c.countDocuments()).to.equal(0);
    } finally {
      await admin.command({ setParameter: 1, transactionLifetimeLimitSeconds: was });
    }
  });
});
