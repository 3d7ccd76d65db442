import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { type Doc } from './bson.js';
import { errorReply, hello, MAX_MESSAGE_SIZE, runCommand, type ConnectionInfo, type ServerContext } from './commands.js';
import { CursorRegistry } from './cursors.js';
import { Store, type Logger } from './store.js';
import { TtlMonitor } from './ttl.js';
import { TransactionManager } from './transactions.js';

/** The replica set the embedded server is the one member (and primary) of. */
export const REPLICA_SET = 'rs0';
/** In the data directory while a server runs on it: its URI. */
export const ADDRESS_FILE = 'mongod.uri';
import type { UserRegistry } from './auth.js';
import { encodeLegacyReply, encodeMsgReply, FLAG_MORE_TO_COME, OP_MSG, parseMessage, ProtocolError, readHeader } from './wire.js';
import { UsageCounters } from './top.js';

export interface EmbeddedMongoOptions {
  /** Where the journal and snapshots live; omit for a memory-only server. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Idle cursors are closed after this long (default 10 minutes). */
  cursorTimeoutMs?: number;
  /**
   * Listen on a Unix domain socket instead of TCP: `mongod.sock` inside the data directory
   * (made mode 0700), or in a private temporary directory when that path is too long for a
   * socket. No TCP port is opened, so only this user's processes can connect.
   */
  unixSocket?: boolean;
  /** Journal size that triggers compaction into a snapshot (default 64 MiB). */
  compactAtBytes?: number;
  log?: Logger;
  /** Require SCRAM-SHA-256 authentication by these users (see auth.ts loadUsers). */
  users?: UserRegistry;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  stop(): Promise<void>;
}

/** Leaves room for the OP_MSG envelope around a maximum-size batch. */
const MAX_FRAME = MAX_MESSAGE_SIZE + 16 * 1024;

const silent: Logger = () => {};

/** Longest socket path Linux and macOS accept (sun_path), with room to spare. */
const MAX_SOCKET_PATH = 100;

/** Where the socket goes; a stale one (the lock is ours by now) is removed first. */
function socketPathFor(dataDir: string | undefined): string {
  let dir = dataDir ? path.resolve(dataDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-'));
  if (dataDir) fs.chmodSync(dir, 0o700);
  if (path.join(dir, 'mongod.sock').length > MAX_SOCKET_PATH) dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-mongo-'));
  const file = path.join(dir, 'mongod.sock');
  fs.rmSync(file, { force: true });
  return file;
}

/**
 * The store decodes the documents it keeps with the same BSON code the driver decodes replies
 * with. Those documents live for good, so V8 soon allocates everything that code decodes
 * straight into the old generation ("pretenuring"), replies included: at 100,000 records each
 * page of achievements then left about 1.5 MB there, and a 500 ms collection of the whole heap
 * came every few hundred requests. Without pretenuring, short-lived objects die young. The flag
 * is read at each collection, so setting it here takes effect at once (decision 0006).
 */
function keepShortLivedObjectsYoung() {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  keepShortLivedObjectsYoung();
  const log = options.log ?? silent;
  const host = options.host ?? '127.0.0.1';
  const store = new Store(options.dataDir, log, options.compactAtBytes);
  const replayed = store.open();
  if (options.dataDir) log('info', `embedded store opened ${options.dataDir} (${replayed} journal operations replayed)`);
  const cursors = new CursorRegistry(options.cursorTimeoutMs ?? 10 * 60_000);
  const sockets = new Set<net.Socket>();
  let nextConnectionId = 1;
  const ttl = new TtlMonitor(store, (e) => log('error', `TTL monitor: ${(e as Error).message}`));
  ttl.start();
  const transactions = new TransactionManager(store);
  const ctx: ServerContext = { store, log, users: options.users, cursors, ttl, startedAt: Date.now(), connections: () => sockets.size, transactions, usage: new UsageCounters(), replicaSet: REPLICA_SET, address: '' };

  const server = net.createServer((socket) => {
    const conn: ConnectionInfo = { id: nextConnectionId++, remote: `${socket.remoteAddress}:${socket.remotePort}`, auth: {} };
    sockets.add(socket);
    socket.setNoDelay(true);
    let chunks: Buffer[] = [];
    let buffered = 0;
    let queue = Promise.resolve();

    const fail = (reason: string) => {
      log('warn', `connection ${conn.id}: ${reason}; closing it`);
      socket.destroy();
    };

    socket.on('data', (chunk) => {
      ctx.usage.network.bytesIn += chunk.length;
      chunks.push(chunk);
      buffered += chunk.length;
      while (buffered >= 4) {
        const head = chunks[0].length >= 4 ? chunks[0] : Buffer.concat(chunks);
        const length = head.readInt32LE(0);
        if (length < 16 || length > MAX_FRAME) return fail(`invalid message length ${length}`);
        if (buffered < length) return;
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
        const message = all.subarray(0, length);
        const rest = all.subarray(length);
        chunks = rest.length ? [rest] : [];
        buffered = rest.length;
        ctx.usage.network.numRequests++;
        queue = queue.then(() => handle(message)).catch((e) => fail(`unexpected failure: ${(e as Error).message}`));
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      cursors.closeConnection(conn.id);
    });

    const handle = async (message: Buffer) => {
      const header = readHeader(message);
      let request;
      try {
        request = parseMessage(message);
      } catch (e) {
        if (e instanceof ProtocolError && header.opCode === OP_MSG) {
          return send(encodeMsgReply(header.requestId, { ok: 0, errmsg: e.message, code: 2, codeName: 'BadValue' }));
        }
        return fail((e as Error).message);
      }
      if (request.kind === 'query') {
        // Legacy handshake (and legacy commands) sent to `<db>.$cmd`.
        const db = request.ns.split('.')[0];
        const body: Doc = { ...request.body, $db: db };
        const name = Object.keys(body)[0]?.toLowerCase();
        const reply = name === 'ismaster' || name === 'hello' ? hello(conn, body, ctx) : await runCommand(ctx, conn, body);
        return send(encodeLegacyReply(header.requestId, reply));
      }
      let reply: Doc;
      try {
        reply = await runCommand(ctx, conn, request.body);
      } catch (e) {
        reply = errorReply(e);
      }
      if (!(request.flags & FLAG_MORE_TO_COME)) send(encodeMsgReply(header.requestId, reply));
    };

    const send = (buf: Buffer) => {
      if (socket.destroyed) return;
      ctx.usage.network.bytesOut += buf.length;
      socket.write(buf);
    };
  });
  server.maxConnections = 10_000;

  const socketPath = options.unixSocket ? socketPathFor(options.dataDir) : undefined;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if (socketPath) server.listen(socketPath, () => resolve());
    else server.listen(options.port ?? 0, host, () => resolve());
  }).catch(async (e) => {
    await store.close();
    throw e;
  });
  if (socketPath) fs.chmodSync(socketPath, 0o600);
  const port = socketPath ? 0 : (server.address() as net.AddressInfo).port;
  // The address the node names itself by in hello (hosts, me, primary), as clients write it.
  ctx.address = socketPath ?? `${host.includes(':') ? `[${host}]` : host}:${port}`;
  // Drivers lowercase the host names hello reports; a socket path may not survive that, so a
  // socket URI connects directly (still the set's primary: sessions and transactions work).
  const uri = socketPath ? `mongodb://${encodeURIComponent(socketPath)}/?replicaSet=${REPLICA_SET}&directConnection=true` : `mongodb://${ctx.address}/?replicaSet=${REPLICA_SET}`;
  log('info', `embedded MongoDB-compatible server listening on ${uri}`);
  // Tools of the same user (npm run backup) find a running server here.
  const addressFile = options.dataDir ? path.join(options.dataDir, ADDRESS_FILE) : undefined;
  if (addressFile) fs.writeFileSync(addressFile, `${uri}\n`, { mode: 0o600 });

  let stopped: Promise<void> | undefined;
  return {
    uri,
    port,
    stop() {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const s of sockets) s.destroy();
        });
        cursors.stop();
        ttl.stop();
        transactions.stop();
        if (addressFile) fs.rmSync(addressFile, { force: true });
        await store.close();
        if (socketPath) fs.rmSync(socketPath, { force: true });
      })();
      return stopped;
    },
  };
}
