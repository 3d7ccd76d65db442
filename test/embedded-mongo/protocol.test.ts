// Wire-level behaviour of the embedded server, driven over raw sockets.
import { expect } from 'chai';
import net from 'node:net';
import { BSON, MongoClient } from 'mongodb';
import { crc32c } from '../../src/embedded-mongo/crc32c.js';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/embedded-mongo/index.js';
import { usingRealMongo } from '../helpers/mongo.js';

type Doc = Record<string, unknown>;
let requestId = 1;

function opMsg(body: Doc, opts: { flags?: number; sequence?: [string, Doc[]]; checksum?: boolean } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0]), Buffer.from(BSON.serialize(body))];
  if (opts.sequence) {
    const [id, docs] = opts.sequence;
    const payload = Buffer.concat([Buffer.from(id + '\0'), ...docs.map((d) => Buffer.from(BSON.serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4);
    parts.push(Buffer.from([1]), size, payload);
  }
  const flags = (opts.flags ?? 0) | (opts.checksum ? 1 : 0);
  const head = Buffer.alloc(20);
  const bodyLen = parts.reduce((n, p) => n + p.length, 0);
  const total = 20 + bodyLen + (opts.checksum ? 4 : 0);
  head.writeInt32LE(total, 0);
  head.writeInt32LE(requestId++, 4);
  head.writeInt32LE(0, 8);
  head.writeInt32LE(2013, 12);
  head.writeUInt32LE(flags, 16);
  const msg = Buffer.concat([head, ...parts]);
  if (!opts.checksum) return msg;
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32c(msg));
  return Buffer.concat([msg, sum]);
}

function opQuery(ns: string, query: Doc): Buffer {
  const nsBuf = Buffer.from(ns + '\0');
  const q = Buffer.from(BSON.serialize(query));
  const head = Buffer.alloc(20);
  const tail = Buffer.alloc(8);
  tail.writeInt32LE(0, 0);
  tail.writeInt32LE(-1, 4);
  const total = 20 + nsBuf.length + 8 + q.length;
  head.writeInt32LE(total, 0);
  head.writeInt32LE(requestId++, 4);
  head.writeInt32LE(2004, 12);
  return Buffer.concat([head, nsBuf, tail, q]);
}

/** A raw connection that collects whole replies. */
class Raw {
  private buf = Buffer.alloc(0);
  private waiting: ((b: Buffer) => void)[] = [];
  readonly closed: Promise<void>;
  constructor(readonly socket: net.Socket) {
    this.closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 4 && this.buf.length >= this.buf.readInt32LE(0)) {
        const len = this.buf.readInt32LE(0);
        const msg = this.buf.subarray(0, len);
        this.buf = this.buf.subarray(len);
        this.waiting.shift()?.(msg);
      }
    });
    socket.on('error', () => undefined);
  }
  static connect(port: number): Promise<Raw> {
    return new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new Raw(s)));
    });
  }
  reply(): Promise<Doc> {
    return new Promise((resolve) =>
      this.waiting.push((msg) => {
        const opCode = msg.readInt32LE(12);
        resolve(BSON.deserialize(opCode === 1 ? msg.subarray(36) : msg.subarray(21)) as Doc);
      }),
    );
  }
  async send(msg: Buffer): Promise<Doc> {
    const r = this.reply();
    this.socket.write(msg);
    return r;
  }
  close() {
    this.socket.destroy();
  }
}

(usingRealMongo ? describe.skip : describe)('embedded server wire protocol', () => {
  let server: EmbeddedMongo;
  before(async () => (server = await startEmbeddedMongo({ cursorTimeoutMs: 300 })));
  after(() => server.stop());

  it('answers the legacy OP_QUERY handshake with OP_REPLY', async () => {
    const raw = await Raw.connect(server.port);
    const reply = await raw.send(opQuery('admin.$cmd', { ismaster: 1, helloOk: true }));
    expect(reply.ismaster).to.equal(true);
    expect(reply.helloOk).to.equal(true);
    raw.close();
  });

  it('reassembles split messages and separates coalesced ones', async () => {
    const raw = await Raw.connect(server.port);
    const msg = opMsg({ ping: 1, $db: 'admin' });
    const first = raw.reply();
    for (const byte of msg) raw.socket.write(Buffer.from([byte]));
    expect((await first).ok).to.equal(1);
    const replies = [raw.reply(), raw.reply(), raw.reply()];
    raw.socket.write(Buffer.concat([opMsg({ ping: 1, $db: 'admin' }), opMsg({ buildInfo: 1, $db: 'admin' }), opMsg({ hello: 1, $db: 'admin' })]));
    const [a, b, c] = await Promise.all(replies);
    expect(a.ok).to.equal(1);
    expect(b.version).to.be.a('string');
    expect(c.isWritablePrimary).to.equal(true);
    raw.close();
  });

  it('merges document sequences, verifies checksums and honours moreToCome', async () => {
    const raw = await Raw.connect(server.port);
    const ins = await raw.send(opMsg({ insert: 'seq', $db: 'proto' }, { sequence: ['documents', [{ a: 1 }, { a: 2 }]], checksum: true }));
    expect(ins.n).to.equal(2);
    raw.socket.write(opMsg({ insert: 'seq', documents: [{ a: 3 }], $db: 'proto' }, { flags: 2 }));
    const count = await raw.send(opMsg({ count: 'seq', $db: 'proto' }));
    expect(count.n).to.equal(3); // the fire-and-forget insert got no reply, and did not desynchronise
    const bad = opMsg({ ping: 1, $db: 'admin' }, { checksum: true });
    bad[bad.length - 1] ^= 0xff;
    const rejected = await raw.send(bad);
    expect(rejected.ok).to.equal(0);
    expect(String(rejected.errmsg)).to.match(/checksum/);
    raw.close();
  });

  it('answers malformed BSON with an error and closes on an impossible length, staying up', async () => {
    const raw = await Raw.connect(server.port);
    const garbage = opMsg({ ping: 1, $db: 'admin' });
    garbage.writeInt32LE(9999, 21); // body document claims more bytes than the message holds
    const reply = await raw.send(garbage);
    expect(reply.ok).to.equal(0);
    raw.close();

    const huge = await Raw.connect(server.port);
    const header = Buffer.alloc(16);
    header.writeInt32LE(200 * 1024 * 1024, 0);
    huge.socket.write(header);
    await huge.closed;

    const tiny = await Raw.connect(server.port);
    tiny.socket.write(Buffer.from([5, 0, 0, 0, 1]));
    await tiny.closed;

    const client = await new MongoClient(server.uri).connect();
    expect((await client.db('admin').command({ ping: 1 })).ok).to.equal(1);
    await client.close();
  });

  it('serves many concurrent connections', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => new MongoClient(server.uri, { maxPoolSize: 5 }).connect()));
    await Promise.all(clients.flatMap((c, i) => Array.from({ length: 10 }, (_, j) => c.db('proto').collection('conc').insertOne({ i, j }))));
    expect(await clients[0].db('proto').collection('conc').countDocuments()).to.equal(200);
    await Promise.all(clients.map((c) => c.close()));
  });

  it('closes cursors that idle past the timeout and those whose connection closed', async () => {
    const client = await new MongoClient(server.uri).connect();
    const coll = client.db('proto').collection('cur');
    await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ i })));
    const idle = await client.db('proto').command({ find: 'cur', batchSize: 5 });
    await new Promise((r) => setTimeout(r, 700));
    const expired = await client.db('proto').command({ getMore: idle.cursor.id, collection: 'cur' }).catch((e) => e);
    expect(expired.code).to.equal(43);

    const raw = await Raw.connect(server.port);
    const opened = await raw.send(opMsg({ find: 'cur', batchSize: 5, $db: 'proto' }));
    const id = (opened.cursor as Doc).id;
    raw.close();
    await raw.closed;
    await new Promise((r) => setTimeout(r, 50));
    const gone = await client.db('proto').command({ getMore: id, collection: 'cur' }).catch((e) => e);
    expect(gone.code).to.equal(43);
    await client.close();
  });
});
