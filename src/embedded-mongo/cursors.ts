import { EncodedBatch, encodedDocument, Long, type Doc } from './bson.js';
import { cursorNotFound } from './errors.js';

const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;

interface Cursor {
  id: number;
  ns: string;
  docs: Doc[];
  pos: number;
  connectionId: number;
  lastUsed: number;
}

/** Open cursors: they die with their connection, or after idling past the timeout. */
export class CursorRegistry {
  private readonly cursors = new Map<number, Cursor>();
  private nextId = 1 + Math.floor(Math.random() * 1e9);
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs: number) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, Math.max(50, idleTimeoutMs / 4)));
    this.sweeper.unref();
  }

  get size() {
    return this.cursors.size;
  }

  private sweep() {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, c] of this.cursors) if (c.lastUsed < cutoff) this.cursors.delete(id);
  }

  /** The first batch; registers a cursor for the rest if anything remains. */
  open(ns: string, docs: Doc[], batchSize: number | undefined, connectionId: number, singleBatch = false): { id: InstanceType<typeof Long>; ns: string; firstBatch: EncodedBatch } {
    const cursor: Cursor = { id: 0, ns, docs, pos: 0, connectionId, lastUsed: Date.now() };
    const firstBatch = this.take(cursor, batchSize ?? 101);
    if (cursor.pos < docs.length && !singleBatch) {
      cursor.id = this.nextId++;
      this.cursors.set(cursor.id, cursor);
    }
    return { id: Long.fromNumber(cursor.id), ns, firstBatch };
  }

  next(id: number, ns: string, batchSize: number | undefined): Doc {
    const cursor = this.cursors.get(id);
    if (!cursor || cursor.ns !== ns) throw cursorNotFound(`cursor id ${id} not found`);
    cursor.lastUsed = Date.now();
    const nextBatch = this.take(cursor, batchSize || Infinity);
    if (cursor.pos >= cursor.docs.length) this.cursors.delete(id);
    return { id: Long.fromNumber(this.cursors.has(id) ? id : 0), ns, nextBatch };
  }

  kill(ids: number[]): { killed: number[]; notFound: number[] } {
    const killed: number[] = [];
    const notFound: number[] = [];
    for (const id of ids) (this.cursors.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  closeConnection(connectionId: number) {
    for (const [id, c] of this.cursors) if (c.connectionId === connectionId) this.cursors.delete(id);
  }

  /** The next documents, up to the batch size and the reply's byte limit, each encoded once. */
  private take(cursor: Cursor, batchSize: number): EncodedBatch {
    const batch: Doc[] = [];
    const encoded: Buffer[] = [];
    let bytes = 0;
    while (cursor.pos < cursor.docs.length && batch.length < batchSize) {
      const doc = cursor.docs[cursor.pos];
      const bson = encodedDocument(doc);
      bytes += bson.length;
      if (batch.length && bytes > MAX_BATCH_BYTES) break;
      batch.push(doc);
      encoded.push(bson);
      cursor.pos++;
    }
    return new EncodedBatch(batch, encoded);
  }

  stop() {
    clearInterval(this.sweeper);
    this.cursors.clear();
  }
}
