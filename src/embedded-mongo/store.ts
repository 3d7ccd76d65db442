// The in-memory databases and their durability: every change is expressed as a journal
// operation, applied in memory, and appended to the journal before the command replies.
import fs from 'node:fs';
import path from 'node:path';
import { forgetArrival, type Doc } from './bson.js';
import { Collection } from './collection.js';
import type { IndexSpec } from './indexes.js';
import { canonicalKey } from './values.js';
import { acquireLock, encodeRecord, JournalWriter, readRecords, writeFileAtomic } from './journal.js';

export type Logger = (level: 'info' | 'warn' | 'error', msg: string) => void;

/** A journal operation: each is a whole-state change for its key, so replay is simple. */
export type Op =
  | { o: 'put'; d: string; c: string; doc: Doc }
  | { o: 'del'; d: string; c: string; id: unknown }
  | { o: 'cc'; d: string; c: string; options?: Doc }
  | { o: 'dc'; d: string; c: string }
  | { o: 'dd'; d: string }
  | { o: 'ci'; d: string; c: string; spec: IndexSpec }
  | { o: 'di'; d: string; c: string; name: string };

const SNAPSHOT = 'snapshot.bin';
const journalName = (gen: number) => `journal-${gen}.log`;
const COMPACT_AT_BYTES = 64 * 1024 * 1024;
const DOCS_PER_SNAPSHOT_RECORD = 500;

/** The stored documents keep no view of the requests they came in (see keepArrival). */
function forgetArrivals(ops: Op[]) {
  for (const op of ops) if (op.o === 'put') forgetArrival(op.doc);
}

/** Puts memory back as it was before one operation. */
type Undo = () => void;

export class Store {
  readonly dbs = new Map<string, Map<string, Collection>>();
  private pending: Op[] = [];
  private undo: Undo[] = [];
  /** Set when the journal could not be written: like mongod, the store then refuses everything. */
  private failure?: Error;
  private journal?: JournalWriter;
  private generation = 0;
  private releaseLock?: () => void;
  private readOnly = false;
  /** Counts applied puts and deletes: transactions take their snapshots as an lsn. */
  lsn = 0;
  /** Told of every put and delete before it is applied, with the version it replaces. */
  observer?: (op: Extract<Op, { o: 'put' | 'del' }>, before: Doc | undefined) => void;
  /** While set, every write's undo is kept here (atomically), journal or not. */
  private capturing?: Undo[];

  constructor(
    private readonly dataDir: string | undefined,
    private readonly log: Logger,
    private readonly compactAtBytes = COMPACT_AT_BYTES,
  ) {}

  /**
   * Loads the snapshot and replays the journal; returns the number of operations replayed.
   * Read-only: no lock, no repair, no writes (to look into a directory another process owns).
   */
  open(options: { readOnly?: boolean } = {}): number {
    if (!this.dataDir) return 0;
    if (options.readOnly) {
      this.readOnly = true;
      if (!fs.existsSync(this.dataDir)) return 0;
    } else {
      fs.mkdirSync(this.dataDir, { recursive: true });
      this.releaseLock = acquireLock(this.dataDir);
    }
    try {
      const snapshot = path.join(this.dataDir, SNAPSHOT);
      if (fs.existsSync(snapshot)) {
        const { records, tornTail } = readRecords(snapshot);
        if (tornTail || records[0]?.snapshot !== true) throw new Error(`snapshot ${snapshot} is incomplete (${tornTail ?? 'no header'}); refusing to start`);
        this.generation = Number(records[0].generation);
        for (const r of records.slice(1)) for (const op of r.ops as Op[]) this.apply(op);
      }
      const journalFile = path.join(this.dataDir, journalName(this.generation));
      let replayed = 0;
      if (fs.existsSync(journalFile)) {
        const { records, validLength, tornTail } = readRecords(journalFile);
        if (tornTail && !this.readOnly) {
          this.log('warn', `journal ${journalFile}: torn tail (${tornTail}); truncating to ${validLength} bytes`);
          fs.truncateSync(journalFile, validLength);
        }
        for (const r of records) {
          for (const op of r.ops as Op[]) this.apply(op);
          replayed += (r.ops as Op[]).length;
        }
      }
      this.pending = [];
      if (this.readOnly) return replayed;
      this.journal = new JournalWriter(journalFile);
      this.removeStaleFiles();
      if (this.journal.size > this.compactAtBytes) this.compact();
      return replayed;
    } catch (e) {
      this.close();
      throw e;
    }
  }

  private removeStaleFiles() {
    for (const f of fs.readdirSync(this.dataDir!)) {
      const m = /^journal-(\d+)\.log$/.exec(f);
      if ((m && Number(m[1]) !== this.generation) || f.endsWith('.tmp')) fs.rmSync(path.join(this.dataDir!, f), { force: true });
    }
  }

  collection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** Records an operation for the current command and applies it in memory. */
  write(op: Op) {
    if (this.readOnly) throw new Error('the store was opened read-only');
    // Memory-only stores have no journal record to fail: nothing to undo.
    if (this.journal || this.capturing) {
      const undo = this.undoFor(op);
      if (this.journal) this.undo.push(undo);
      this.capturing?.push(undo);
    }
    if (op.o === 'put' || op.o === 'del') {
      this.observer?.(op, this.collection(op.d, op.c)?.docs.get(canonicalKey(op.o === 'put' ? op.doc._id : op.id)));
      this.lsn++;
    }
    this.apply(op);
    this.pending.push(op);
  }

  /** Runs writes that succeed together or not at all: if `run` throws, memory is put back. */
  atomically(run: () => void) {
    const pending = this.pending.length;
    const undo = this.undo.length;
    const outer = this.capturing;
    this.capturing = [];
    try {
      run();
    } catch (e) {
      for (const step of this.capturing.reverse()) step();
      this.pending.length = pending;
      this.undo.length = undo;
      throw e;
    } finally {
      this.capturing = outer;
    }
  }

  /** Journals an index the caller has already built in memory (after checking it). */
  journalIndex(op: Extract<Op, { o: 'ci' }>) {
    if (this.journal) this.undo.push(() => this.collection(op.d, op.c)?.indexes.delete(op.spec.name));
    this.pending.push(op);
  }

  /** How to take one operation back, captured before it is applied. */
  private undoFor(op: Op): Undo {
    const dbs = this.dbs;
    const db = dbs.get(op.d);
    switch (op.o) {
      case 'put':
      case 'del': {
        const coll = db?.get(op.c);
        if (!coll) return () => this.dropCreated(op.d, op.c);
        const id = op.o === 'put' ? op.doc._id : op.id;
        const old = coll.docs.get(canonicalKey(id));
        return () => (old ? coll.put(old) : coll.remove(id));
      }
      case 'cc':
        return db?.has(op.c) ? () => {} : () => this.dropCreated(op.d, op.c);
      case 'dc': {
        const coll = db?.get(op.c);
        return () => coll && (dbs.get(op.d) ?? dbs.set(op.d, new Map()).get(op.d)!).set(op.c, coll);
      }
      case 'dd':
        return () => db && dbs.set(op.d, db);
      case 'ci': {
        const had = db?.get(op.c)?.indexes.has(op.spec.name);
        return () => !had && this.collection(op.d, op.c)?.indexes.delete(op.spec.name);
      }
      case 'di': {
        const index = db?.get(op.c)?.indexes.get(op.name);
        return () => index && this.collection(op.d, op.c)?.indexes.set(op.name, index);
      }
    }
  }

  /** Undoes the implicit creation of a collection (and of its database). */
  private dropCreated(db: string, c: string) {
    this.dbs.get(db)?.delete(c);
    if (this.dbs.get(db)?.size === 0) this.dbs.delete(db);
  }

  /** Refuses work once the journal has failed. */
  checkHealthy() {
    if (this.failure) throw new Error(`the journal could not be written (${this.failure.message}); restart the server to recover the acknowledged writes`);
  }

  /**
   * Makes the current command's operations durable; call before replying. The record is
   * encoded at once, before any other command runs: if that fails, memory is put back and
   * nobody saw the writes. Then the reply waits until this record, and every record before
   * it, is on disk, so no client is ever shown a write that could still be lost. A failed
   * disk write stops the store, as mongod stops.
   */
  async commit(): Promise<void> {
    const ops = this.pending;
    const undo = this.undo;
    this.pending = [];
    this.undo = [];
    if (!this.journal) return forgetArrivals(ops);
    if (!ops.length) return this.journal.durable();
    let record: Buffer;
    try {
      // One record per command keeps a command's writes all-or-nothing on replay.
      record = encodeRecord({ ops });
    } catch (e) {
      for (const step of undo.reverse()) step();
      throw e;
    } finally {
      forgetArrivals(ops);
    }
    try {
      await this.journal.appendEncoded(record);
    } catch (e) {
      this.failure ??= e as Error;
      this.log('error', `journal write failed: ${(e as Error).message}; refusing further commands`);
      throw e;
    }
    if (this.journal?.idle && this.journal.size > this.compactAtBytes) this.compact();
  }

  ensureCollection(db: string, name: string, options: Doc = {}): Collection {
    const existing = this.collection(db, name);
    if (existing) return existing;
    this.write({ o: 'cc', d: db, c: name, options });
    return this.collection(db, name)!;
  }

  private apply(op: Op) {
    switch (op.o) {
      case 'cc': {
        const db = this.dbs.get(op.d) ?? new Map<string, Collection>();
        this.dbs.set(op.d, db);
        if (!db.has(op.c)) db.set(op.c, new Collection(op.d, op.c, op.options ?? {}));
        return;
      }
      case 'dc':
        this.dbs.get(op.d)?.delete(op.c);
        if (this.dbs.get(op.d)?.size === 0) this.dbs.delete(op.d);
        return;
      case 'dd':
        this.dbs.delete(op.d);
        return;
      case 'put':
        this.applyCreate(op.d, op.c).put(op.doc);
        return;
      case 'del':
        this.collection(op.d, op.c)?.remove(op.id);
        return;
      case 'ci':
        // Checked when first created; replay trusts the journal.
        this.applyCreate(op.d, op.c).createIndex(op.spec, false);
        return;
      case 'di':
        this.collection(op.d, op.c)?.indexes.delete(op.name);
        return;
    }
  }

  private applyCreate(db: string, c: string) {
    if (!this.collection(db, c)) this.apply({ o: 'cc', d: db, c });
    return this.collection(db, c)!;
  }

  /** Snapshot of the whole state, then a fresh journal; crash-safe at every step. */
  compact() {
    if (!this.dataDir || !this.journal) return;
    const next = this.generation + 1;
    const dbs = this.dbs;
    function* records() {
      yield encodeRecord({ snapshot: true, generation: next, at: new Date() });
      for (const [d, colls] of dbs) {
        for (const [c, coll] of colls) {
          const ops: Op[] = [{ o: 'cc', d, c, options: coll.options }];
          for (const index of coll.indexes.values()) ops.push({ o: 'ci', d, c, spec: index.spec });
          yield encodeRecord({ ops });
          let batch: Op[] = [];
          for (const doc of coll.docs.values()) {
            batch.push({ o: 'put', d, c, doc });
            if (batch.length === DOCS_PER_SNAPSHOT_RECORD) {
              yield encodeRecord({ ops: batch });
              batch = [];
            }
          }
          if (batch.length) yield encodeRecord({ ops: batch });
        }
      }
    }
    writeFileAtomic(path.join(this.dataDir, SNAPSHOT), records());
    // From here the snapshot (generation `next`) holds everything; the old journal is obsolete.
    const old = this.journal;
    this.generation = next;
    this.journal = new JournalWriter(path.join(this.dataDir, journalName(next)));
    old.close();
    this.removeStaleFiles();
    this.log('info', `compacted data directory ${this.dataDir} (generation ${next})`);
  }

  async close() {
    if (this.journal) {
      await this.journal.drain();
      this.journal.close();
      this.journal = undefined;
    }
    this.releaseLock?.();
    this.releaseLock = undefined;
  }
}
