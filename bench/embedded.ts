// Embedded server throughput, measured against its own floor (driver ping) in the same run.
// Usage: npm run bench -- embedded
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { fill, awardLike } from './award-like.js';
import { startEmbeddedMongo } from '../src/embedded-mongo/index.js';
import { count, formatRate, rateFor, median, report, sized, spawnServer } from './lib.js';

export async function benchEmbedded() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-embedded-'));
  const server = await startEmbeddedMongo({ dataDir });
  const client = await new MongoClient(server.uri, { maxPoolSize: 1 }).connect();
  const db = client.db('bench');
  const rows: [string, string, string][] = [];
  try {
    const ping = await rateFor(() => db.command({ ping: 1 }));
    rows.push(['driver ping (floor)', formatRate(ping), '1.00× ping']);

    const single = db.collection('single');
    let n = 0;
    const insertRate = await rateFor(() => single.insertOne({ n: n++, at: new Date() }));
    rows.push(['insertOne, journaled (fsync per command)', formatRate(insertRate), `${(insertRate / ping).toFixed(2)}× ping`]);

    // Two inserts as one transaction against the same two inserts plain (aim: ≥ 0.7× their rate).
    const records = db.collection('records');
    const audit = db.collection('audit');
    let p = 0;
    const plainPair = await rateFor(async () => {
      await records.insertOne({ n: p, at: new Date() });
      await audit.insertOne({ of: p++, at: new Date() });
    });
    const session = client.startSession();
    let q = 0;
    const txnPair = await rateFor(() =>
      session.withTransaction(async () => {
        await records.insertOne({ n: q, at: new Date() }, { session });
        await audit.insertOne({ of: q++, at: new Date() }, { session });
      }),
    );
    await session.endSession();
    rows.push(['two insertOne, plain', `${formatRate(plainPair)} pairs`, '']);
    rows.push(['the same two in one transaction', `${formatRate(txnPair)} pairs`, `${(txnPair / plainPair).toFixed(2)}× plain (aim ≥ 0.7×)`]);
    await records.drop();
    await audit.drop();

    const batched = db.collection('batched');
    let b = 0;
    const batchRate = await rateFor(() => batched.insertMany(Array.from({ length: 1000 }, () => awardLike(b++))), 2000);
    rows.push(['insertMany of 1,000, journaled', `${formatRate(batchRate * 1000)} docs`, '']);
    // The same batches inside one transaction, with a unique index: each write is checked
    // against the transaction's own earlier writes, which must not cost more as they grow.
    const certified = db.collection('certified');
    await certified.createIndex({ certificate: 1 }, { unique: true });
    const inTxn = client.startSession();
    const txnStarted = performance.now();
    await inTxn.withTransaction(async () => {
      for (let i = 0; i < 10; i++) await certified.insertMany(Array.from({ length: 1000 }, () => ({ ...awardLike(b), certificate: `T${b++}` })), { session: inTxn });
    });
    const txnRate = 10_000 / ((performance.now() - txnStarted) / 1000);
    await inTxn.endSession();
    await certified.drop();
    rows.push(['10 × insertMany of 1,000 in one transaction, unique index', `${formatRate(txnRate)} docs`, `${(txnRate / (batchRate * 1000)).toFixed(2)}× insertMany outside one`]);

    await batched.drop();
    await single.drop();
    const large = sized(100_000);
    for (const size of [sized(1_000), large]) {
      const coll = db.collection(`awards_${size}`);
      await coll.createIndex({ staffNo: 1 });
      await fill(coll, size);
      const ids = (await coll.find({}, { projection: { _id: 1 } }).limit(1000).toArray()).map((d) => d._id);
      let k = 0;
      const byId = await rateFor(() => coll.findOne({ _id: ids[k++ % ids.length] }));
      const byField = await rateFor(() => coll.findOne({ staffNo: `S${(k++ * 7919) % size}` }));
      rows.push([`findOne by _id, ${count(size)} docs`, formatRate(byId), `${(byId / ping).toFixed(2)}× ping`]);
      rows.push([`findOne by indexed field, ${count(size)} docs`, formatRate(byField), `${(byField / ping).toFixed(2)}× ping`]);
    }

    const big = db.collection(`awards_${large}`);
    // An update by an indexed field, against insertOne (both journaled, one fsync each).
    let u = 0;
    const updateRate = await rateFor(() => big.updateOne({ staffNo: `S${(u++ * 7919) % large}` }, { $set: { touched: u } }));
    rows.push([`updateOne by indexed field, ${count(large)} docs`, formatRate(updateRate), `${(updateRate / ping).toFixed(2)}× ping, ${(updateRate / insertRate).toFixed(2)}× insertOne`]);
    // An unindexed sort with a small limit keeps a top-k buffer instead of sorting everything.
    const topK: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await big.find({}, { sort: { at: -1, title: 1 }, limit: 10 }).toArray();
      topK.push(performance.now() - t0);
    }
    rows.push([`find().sort(unindexed).limit(10) over ${count(large)} docs`, `${median(topK).toFixed(0)} ms median`, '']);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      await big.aggregate([{ $match: { year: { $gte: 2018 } } }, { $group: { _id: { level: '$level', grade: '$grade' }, n: { $sum: 1 } } }, { $sort: { n: -1 } }]).toArray();
      times.push(performance.now() - t0);
    }
    rows.push([`$match+$group+$sort over ${count(large)} award-like docs`, `${median(times).toFixed(0)} ms median`, '']);
    // In a fresh process, so that nothing measured before leaves its pages behind.
    const memory = await spawnServer<{ before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage }>('bench/embedded-memory.ts', [String(large)]);
    await memory.stop();
    const { before, after } = memory.info;
    const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
    const perDocument = (after.heapUsed - before.heapUsed) / large;
    rows.push([`RSS of a store holding ${count(large)} award-like docs, after a full GC`, mib(after.rss), `+${mib(after.rss - before.rss)} for them, ${perDocument.toFixed(0)} B of heap each (aim ≤ 250 MiB)`]);
  } finally {
    await client.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  report('Embedded MongoDB-compatible server', rows);
}
