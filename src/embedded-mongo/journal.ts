// On-disk durability: an append-only journal of checksummed, length-prefixed records,
// fsynced before a write is acknowledged, plus snapshots written by compaction.
//
// Record layout: [length u32][~length u32][crc32(payload) u32][payload: BSON document(s)].
// The inverted length lets a damaged header be told from a torn (short) tail. A command's
// operations too large for one BSON document (a 100,000-document batch) go in several
// documents of one record: one checksum, replayed whole or not at all.
import fs from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { calculateSize, deserialize, holdsArrivals, serialize, serializeOps, type Doc } from './bson.js';

const HEADER = 12;

/** Operations per BSON part, well under the serializer's ~17 MB buffer. */
const PART_BYTES = 8 * 1024 * 1024;

/** Room for an operation's own fields (o, d, c) beside its document. */
const OP_FIELDS_BYTES = 1024;

/** At most the BSON size of an operation: its document (measured once, see calculateSize) and its names. */
const opBound = (op: unknown) => ((op as Doc).doc ? calculateSize((op as Doc).doc as Doc) + OP_FIELDS_BYTES : calculateSize({ op }));

function parts(doc: Doc): Doc[] {
  const ops = doc.ops;
  if (!Array.isArray(ops)) return [doc];
  if (ops.reduce((n: number, op) => n + opBound(op), 0) <= PART_BYTES) return [doc];
  const out: Doc[] = [];
  let current: unknown[] = [];
  let size = 0;
  for (const op of ops) {
    const opSize = opBound(op);
    if (current.length && size + opSize > PART_BYTES) {
      out.push({ ops: current });
      current = [];
      size = 0;
    }
    current.push(op);
    size += opSize;
  }
  if (current.length) out.push({ ops: current });
  return out;
}

/** Reads a record's payload back: one document, or the operations of all its parts. */
function decodePayload(payload: Buffer): Doc {
  const docs: Doc[] = [];
  for (let at = 0; at < payload.length; at += payload.readInt32LE(at)) docs.push(deserialize(payload.subarray(at, at + payload.readInt32LE(at))));
  return docs.length === 1 ? docs[0] : { ops: docs.flatMap((d) => d.ops as unknown[]) };
}

/** One part of a record; an insert's documents are written as the bytes they arrived in (see keepArrival). */
function encodePart(part: Doc): Buffer {
  const ops = part.ops;
  return Array.isArray(ops) && Object.keys(part).length === 1 && holdsArrivals(ops) ? serializeOps(ops as Doc[]) : serialize(part);
}

export function encodeRecord(doc: Doc): Buffer {
  const payload = Buffer.concat(parts(doc).map(encodePart));
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(~payload.length >>> 0, 4);
  header.writeUInt32LE(crc32(payload), 8);
  return Buffer.concat([header, payload]);
}

export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`corrupt record in ${file} at byte offset ${offset}: ${reason}; refusing to start (restore the file or move it aside)`);
  }
}

export interface ReadResult {
  records: Doc[];
  /** Length of the valid prefix; shorter than the file when the tail was torn. */
  validLength: number;
  tornTail?: string;
}

/**
 * Reads every record. A short or unverifiable final record is a torn tail (a write cut by
 * a crash, never acknowledged); any damage before the final record is corruption.
 */
export function readRecords(file: string): ReadResult {
  const buf = fs.readFileSync(file);
  const records: Doc[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const left = buf.length - pos;
    if (left < HEADER) return { records, validLength: pos, tornTail: `${left} stray bytes at offset ${pos}` };
    const len = buf.readUInt32LE(pos);
    if ((~len >>> 0) !== buf.readUInt32LE(pos + 4)) {
      // An all-zero tail is what a crash leaves after the file grew but before data landed.
      if (buf.subarray(pos).every((b) => b === 0)) return { records, validLength: pos, tornTail: `zero-filled tail at offset ${pos}` };
      throw new CorruptFileError(file, pos, 'record header does not verify');
    }
    const end = pos + HEADER + len;
    if (end > buf.length) return { records, validLength: pos, tornTail: `record at offset ${pos} needs ${len} bytes, ${left - HEADER} present` };
    const payload = buf.subarray(pos + HEADER, end);
    const checksumOk = crc32(payload) === buf.readUInt32LE(pos + 8);
    if (!checksumOk) {
      if (end === buf.length) return { records, validLength: pos, tornTail: `last record at offset ${pos} fails its checksum` };
      throw new CorruptFileError(file, pos, 'checksum mismatch');
    }
    try {
      records.push(decodePayload(payload));
    } catch (e) {
      throw new CorruptFileError(file, pos, `undecodable record (${(e as Error).message})`);
    }
    pos = end;
  }
  return { records, validLength: pos };
}

export function fsyncDir(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a file atomically: temporary file, fsync, rename, fsync of the directory. */
export function writeFileAtomic(file: string, chunks: Iterable<Buffer>) {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    for (const chunk of chunks) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * The appending side. Concurrent commands share one write and one fsync (group commit):
 * records queued while a flush is under way go out together in the next one.
 */
export class JournalWriter {
  private fd: number;
  private queue: { buf: Buffer; done: (err?: Error) => void }[] = [];
  private flushing = false;
  size: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'a', 0o600);
    this.size = fs.fstatSync(this.fd).size;
  }

  append(records: Doc[]): Promise<void> {
    if (!records.length) return Promise.resolve();
    return this.appendEncoded(Buffer.concat(records.map(encodeRecord)));
  }

  /** Appends records already encoded; resolves once they are on disk. */
  appendEncoded(buf: Buffer): Promise<void> {
    this.size += buf.length;
    return new Promise((resolve, reject) => {
      this.queue.push({ buf, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush() {
    this.flushing = true;
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      let error: Error | undefined;
      try {
        const buf = Buffer.concat(batch.map((b) => b.buf));
        // A batch of waiters only (reads waiting for earlier writes) needs no I/O of its own.
        if (buf.length) {
          await new Promise<void>((res, rej) => fs.write(this.fd, buf, (e) => (e ? rej(e) : res())));
          await new Promise<void>((res, rej) => fs.fdatasync(this.fd, (e) => (e ? rej(e) : res())));
        }
      } catch (e) {
        error = e as Error;
      }
      for (const b of batch) b.done(error);
    }
    this.flushing = false;
  }

  /** Resolves once every record appended so far is on disk (at once when nothing is pending). */
  durable(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push({ buf: Buffer.alloc(0), done: () => resolve() });
      if (!this.flushing) void this.flush();
    });
  }

  get idle(): boolean {
    return !this.flushing && !this.queue.length;
  }

  /** Resolves once everything queued so far is on disk. */
  async drain() {
    while (this.flushing || this.queue.length) await new Promise((r) => setTimeout(r, 1));
  }

  close() {
    fs.closeSync(this.fd);
  }
}

const heldHere = new Set<string>();

/** One process owns a data directory. A lock left by a dead process is taken over. */
export function acquireLock(dir: string): () => void {
  const file = path.join(dir, 'mongod.lock');
  const inUse = (owner: string) => new Error(`data directory ${dir} is in use by another embedded server (${owner}, lock file ${file})`);
  if (heldHere.has(file)) throw inUse('this process');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldHere.add(file);
      return () => {
        heldHere.delete(file);
        fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw inUse(`pid ${pid}`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process its parent has not reaped yet still answers signal 0: a zombie holds
  // no files, so its lock is stale. Linux tells through /proc (state Z, or X when dead).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return process.platform !== 'linux';
  }
}
