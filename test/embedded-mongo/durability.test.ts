// Durability of the embedded server's data directory. These tests know its file layout
// (journal-<generation>.log, snapshot.bin), so they run only against the embedded server.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { MongoClient } from 'mongodb';
import { startEmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { usingRealMongo } from '../helpers/mongo.js';
import { tempDir } from '../helpers/tmp.js';

const CLI = path.resolve('src/embedded-mongo/cli.ts');

/** `npm run db` in a child process; resolves with its URI once it prints it. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('mongodb://')) resolve({ child, uri: line.trim() });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

function recordOffsets(file: string): number[] {
  const buf = fs.readFileSync(file);
  const offsets: number[] = [];
  for (let pos = 0; pos < buf.length; pos += 12 + buf.readUInt32LE(pos)) offsets.push(pos);
  return offsets;
}

async function countIn(dataDir: string, coll = 'c'): Promise<number> {
  const server = await startEmbeddedMongo({ dataDir });
  const client = await new MongoClient(server.uri).connect();
  try {
    return await client.db('d').collection(coll).countDocuments();
  } finally {
    await client.close();
    await server.stop();
  }
}

(usingRealMongo ? describe.skip : describe)('embedded server durability', function () {
  this.timeout(120_000);

  it('keeps every acknowledged write through a SIGKILL, and no half-written document', async () => {
    const tmp = tempDir('kill');
    try {
      const { child, uri } = await startChild(tmp.dir);
      const acked = new Map<string, number>();
      const payload = 'x'.repeat(2000);
      let stop = false;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        const client = await new MongoClient(uri, { maxPoolSize: 2, serverSelectionTimeoutMS: 2000 }).connect();
        for (let seq = 0; !stop; seq++) {
          try {
            await client.db('d').collection('c').insertOne({ _id: `${w}-${seq}` as never, w, seq, payload, tail: 'end' });
            acked.set(`${w}-${seq}`, seq);
          } catch {
            break;
          }
        }
        await client.close(true).catch(() => undefined);
      });
      await new Promise((r) => setTimeout(r, 700));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      stop = true;
      await Promise.all(writers);
      expect(acked.size).to.be.greaterThan(20);

      const server = await startEmbeddedMongo({ dataDir: tmp.dir });
      const client = await new MongoClient(server.uri).connect();
      try {
        const docs = await client.db('d').collection('c').find().toArray();
        const present = new Set(docs.map((d) => String(d._id)));
        for (const id of acked.keys()) expect(present.has(id), `acknowledged ${id} survives`).to.equal(true);
        for (const d of docs) {
          expect(d.payload).to.equal(payload);
          expect(d.tail).to.equal('end');
        }
        expect(docs.length - acked.size).to.be.at.most(4); // at most one in flight per writer
      } finally {
        await client.close();
        await server.stop();
      }
    } finally {
      tmp.remove();
    }
  });

  it('keeps each transaction wholly or not at all through SIGKILLs at random moments', async () => {
    const tmp = tempDir('kill-txn');
    try {
      const committed = new Set<string>();
      for (let round = 0; round < 3; round++) {
        const { child, uri } = await startChild(tmp.dir);
        let stop = false;
        const writers = Array.from({ length: 4 }, async (_, w) => {
          const client = await new MongoClient(uri, { maxPoolSize: 2, serverSelectionTimeoutMS: 2000 }).connect();
          for (let seq = 0; !stop; seq++) {
            const tag = `${round}-${w}-${seq}`;
            const session = client.startSession();
            try {
              // One record, its audit entry and three more: five documents in two collections.
              await session.withTransaction(async () => {
                await client.db('d').collection('records').insertMany([0, 1, 2, 3].map((i) => ({ tag, i })), { session });
                await client.db('d').collection('audit').insertOne({ tag }, { session });
              });
              committed.add(tag);
            } catch {
              break;
            } finally {
              await session.endSession().catch(() => undefined);
            }
          }
          await client.close(true).catch(() => undefined);
        });
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
        stop = true;
        await Promise.all(writers);
      }
      expect(committed.size).to.be.greaterThan(10);
      const server = await startEmbeddedMongo({ dataDir: tmp.dir });
      const client = await new MongoClient(server.uri).connect();
      try {
        const records = await client.db('d').collection('records').aggregate([{ $group: { _id: '$tag', n: { $sum: 1 } } }]).toArray();
        const audits = new Set((await client.db('d').collection('audit').find().toArray()).map((a) => a.tag as string));
        for (const r of records) {
          expect(r.n, `transaction ${r._id} is whole`).to.equal(4);
          expect(audits.has(r._id), `transaction ${r._id} has its audit entry`).to.equal(true);
        }
        expect(records.length).to.equal(audits.size);
        for (const tag of committed) expect(audits.has(tag), `committed ${tag} survives`).to.equal(true);
      } finally {
        await client.close();
        await server.stop();
      }
    } finally {
      tmp.remove();
    }
  });

  it('recovers from a journal cut at every byte offset of its last record', async () => {
    const tmp = tempDir('torn');
    try {
      const seed = path.join(tmp.dir, 'seed');
      const server = await startEmbeddedMongo({ dataDir: seed });
      const client = await new MongoClient(server.uri).connect();
      for (let i = 0; i < 5; i++) await client.db('d').collection('c').insertOne({ i, text: `第${i}条` });
      await client.close();
      await server.stop();

      const journal = path.join(seed, 'journal-0.log');
      const full = fs.readFileSync(journal);
      const offsets = recordOffsets(journal);
      const lastStart = offsets[offsets.length - 1];
      const logs: string[] = [];
      for (let cut = lastStart; cut < full.length; cut++) {
        const dir = path.join(tmp.dir, `cut-${cut}`);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'journal-0.log'), full.subarray(0, cut));
        const s = await startEmbeddedMongo({ dataDir: dir, log: (_l, m) => logs.push(m) });
        const c = await new MongoClient(s.uri).connect();
        expect(await c.db('d').collection('c').countDocuments(), `cut at ${cut}`).to.equal(4);
        await c.close();
        await s.stop();
        if (cut > lastStart) expect(fs.statSync(path.join(dir, 'journal-0.log')).size).to.equal(lastStart);
        fs.rmSync(dir, { recursive: true });
      }
      expect(logs.some((m) => m.includes('torn tail'))).to.equal(true);
    } finally {
      tmp.remove();
    }
  });

  it('refuses to start over a corrupt record in the middle, naming the file and offset', async () => {
    const tmp = tempDir('corrupt');
    try {
      const server = await startEmbeddedMongo({ dataDir: tmp.dir });
      const client = await new MongoClient(server.uri).connect();
      for (let i = 0; i < 3; i++) await client.db('d').collection('c').insertOne({ i });
      await client.close();
      await server.stop();
      const journal = path.join(tmp.dir, 'journal-0.log');
      const offsets = recordOffsets(journal);
      const middle = offsets[Math.floor(offsets.length / 2)];
      const buf = fs.readFileSync(journal);
      buf[middle + 20] ^= 0xff;
      fs.writeFileSync(journal, buf);
      const err = await startEmbeddedMongo({ dataDir: tmp.dir }).catch((e) => e);
      expect(err).to.be.instanceOf(Error);
      expect(err.message).to.include(journal);
      expect(err.message).to.include(`offset ${middle}`);
      // The refusal leaves the directory usable once repaired: the lock was released.
      buf[middle + 20] ^= 0xff;
      fs.writeFileSync(journal, buf);
      expect(await countIn(tmp.dir)).to.equal(3);
    } finally {
      tmp.remove();
    }
  });

  it('lets one server own a data directory at a time', async () => {
    const tmp = tempDir('lock');
    try {
      const first = await startEmbeddedMongo({ dataDir: tmp.dir });
      const err = await startEmbeddedMongo({ dataDir: tmp.dir }).catch((e) => e);
      expect(err.message).to.match(/in use by another embedded server/);
      const childErr = await startChild(tmp.dir).catch((e) => e);
      expect(childErr.message).to.match(/in use by another embedded server/);
      await first.stop();
      const again = await startEmbeddedMongo({ dataDir: tmp.dir });
      await again.stop();
    } finally {
      tmp.remove();
    }
  });

  it('replays inserted documents byte for byte as they were read before the restart', async () => {
    const tmp = tempDir('arrival');
    try {
      const server = await startEmbeddedMongo({ dataDir: tmp.dir });
      const client = await new MongoClient(server.uri).connect();
      const coll = client.db('d').collection<{ _id?: number; [field: string]: unknown }>('c');
      const { Binary, Double, Long } = await import('mongodb');
      const rawDocuments = (c: typeof coll) => c.find({}, { raw: true }).toArray() as unknown as Promise<Uint8Array[]>;
      // Plain documents (journaled as the bytes they arrived in), typed numbers (encoded
      // again), an _id not first and none at all (the store's own copies), in one batch.
      await coll.insertMany([
        { _id: 1, name: '王志刚', nested: { list: [1, 2.5, 'x', null, { deep: true }] }, at: new Date('2020-05-01T00:00:00Z'), bin: new Binary(Buffer.from([1, 2, 3]), 4), re: /a.b/i },
        { _id: 2, big: Long.fromString('9007199254740993'), whole: new Double(2) },
        { b: 1, _id: 3, a: 2 },
      ]);
      await coll.insertMany([{ k: 'server id' }, { k: 'another' }], { forceServerObjectId: true });
      const session = client.startSession();
      await session.withTransaction(() => coll.insertMany([{ _id: 4, in: 'transaction' }, { _id: 5, in: 'transaction', n: 7 }], { session }));
      await session.endSession();
      const before = await rawDocuments(coll);
      await client.close();
      await server.stop();

      const again = await startEmbeddedMongo({ dataDir: tmp.dir });
      const c2 = await new MongoClient(again.uri).connect();
      const after = await rawDocuments(c2.db('d').collection('c'));
      expect(after.map((b) => Buffer.from(b).toString('hex'))).to.deep.equal(before.map((b) => Buffer.from(b).toString('hex')));
      expect(before).to.have.length(7);
      await c2.close();
      await again.stop();
    } finally {
      tmp.remove();
    }
  });

  it('compacts into a snapshot and a fresh journal without losing data', async () => {
    const tmp = tempDir('compact');
    try {
      const server = await startEmbeddedMongo({ dataDir: tmp.dir, compactAtBytes: 20_000 });
      const client = await new MongoClient(server.uri).connect();
      const coll = client.db('d').collection('c');
      await coll.createIndex({ k: 1 }, { unique: true });
      for (let i = 0; i < 300; i++) await coll.insertOne({ k: i, pad: 'p'.repeat(100) });
      await coll.deleteMany({ k: { $lt: 100 } });
      await coll.updateMany({}, { $set: { updated: true } });
      await client.close();
      await server.stop();
      const files = fs.readdirSync(tmp.dir);
      expect(files).to.include('snapshot.bin');
      expect(files.filter((f) => f.startsWith('journal-'))).to.have.length(1);
      expect(files.some((f) => f === 'journal-0.log')).to.equal(false);

      const again = await startEmbeddedMongo({ dataDir: tmp.dir });
      const c2 = await new MongoClient(again.uri).connect();
      const coll2 = c2.db('d').collection('c');
      expect(await coll2.countDocuments({ updated: true })).to.equal(200);
      const dup = await coll2.insertOne({ k: 150 }).catch((e) => e);
      expect(dup.code).to.equal(11000);
      await c2.close();
      await again.stop();
    } finally {
      tmp.remove();
    }
  });

  it('shows only durable writes: 100,000-document batches visible before a SIGKILL all exist after it, whole', async () => {
    const tmp = tempDir('big-batch');
    let started: ChildProcess | undefined;
    try {
      const { child, uri } = await startChild(tmp.dir);
      started = child;
      const writer = await new MongoClient(uri, { serverSelectionTimeoutMS: 2000 }).connect();
      const reader = await new MongoClient(uri, { serverSelectionTimeoutMS: 2000 }).connect();
      let acked = 0;
      let visible = 0;
      let stop = false;
      const writing = (async () => {
        for (let batch = 0; !stop; batch++) {
          const docs = Array.from({ length: 100_000 }, (_, i) => ({ _id: `${batch}-${i}` as never, batch, note: 'n'.repeat(240) }));
          try {
            await writer.db('d').collection('c').insertMany(docs);
            acked = batch + 1;
          } catch {
            return;
          }
        }
      })();
      const reading = (async () => {
        while (!stop) {
          try {
            visible = Math.max(visible, await reader.db('d').collection('c').estimatedDocumentCount());
          } catch {
            return;
          }
        }
      })();
      for (let i = 0; acked < 2 && i < 1200; i++) await new Promise((r) => setTimeout(r, 50));
      expect(acked, 'batches acknowledged before the kill').to.be.at.least(2);
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all([writing, reading]);
      await Promise.all([writer.close(true), reader.close(true)]).catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
      const after = await countIn(tmp.dir);
      expect(after % 100_000, 'every batch wholly there or wholly absent').to.equal(0);
      expect(after).to.be.at.least(acked * 100_000);
      expect(after, 'nothing a reader saw was lost').to.be.at.least(visible);
    } finally {
      if (started && started.exitCode === null && started.signalCode === null) started.kill('SIGKILL');
      tmp.remove();
    }
  });

  it('restarts at once after a SIGKILL while the killed process is still an unreaped zombie', async function () {
    if (process.platform !== 'linux') this.skip();
    const tmp = tempDir('zombie');
    try {
      // The server runs under a parent that never reaps it (sh exec'ing sleep), so once killed
      // it stays a zombie holding its pid, as under a supervisor that has not called wait yet.
      const cmd = `${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(CLI)} --port 0 --data-dir ${JSON.stringify(tmp.dir)} >/dev/null 2>&1 & exec sleep 30`;
      const parent = spawn('sh', ['-c', cmd], { stdio: 'ignore' });
      const lock = path.join(tmp.dir, 'mongod.lock');
      for (let i = 0; i < 200 && !fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 200));
      const pid = Number(fs.readFileSync(lock, 'utf8'));
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100; i++) {
        const state = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
        if (state === 'Z') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0]).to.equal('Z');
      const server = await startEmbeddedMongo({ dataDir: tmp.dir });
      await server.stop();
      parent.kill('SIGKILL');
    } finally {
      tmp.remove();
    }
  });
});
