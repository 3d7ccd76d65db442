// Sessions, retryable writes and multi-document transactions, as a single-node replica set
// gives them. A transaction reads a snapshot (the data as of its start, plus its own
// writes) and writes into an overlay no one else sees; commit applies the overlay as one
// journal record, so after a crash a transaction is wholly there or wholly absent. While a
// transaction is open the store keeps, for every document written by others, the version
// it replaced, which is what the transaction's snapshot reads; a write to a document
// written by someone else since the snapshot, or held by another open transaction, is a
// WriteConflict (112, TransientTransactionError) and the driver retries the transaction.
import type { Doc } from './bson.js';
import type { Collection } from './collection.js';
import type { EngineOptions } from './engine.js';
import { CommandError, type DuplicateKeyError } from './errors.js';
import type { Op, Store } from './store.js';
import { canonicalKey } from './values.js';

export const TRANSIENT = 'TransientTransactionError';
export const DEFAULT_LIFETIME_SECONDS = 60;
/** Idle sessions (and what they remember of retryable writes) expire, as MongoDB's do. */
export const SESSION_TIMEOUT_MINUTES = 30;
/** Where retryable writes' first replies are kept, journaled with the write itself. */
export const SESSIONS_DB = 'config';
export const SESSIONS_COLLECTION = 'transactions';

const transient = (code: number, codeName: string, message: string) => new CommandError(code, codeName, message, { errorLabels: [TRANSIENT] });
export const writeConflict = () => transient(112, 'WriteConflict', 'Write conflict during plan execution and yielding is disabled. :: Please retry your operation or multi-document transaction.');
const noSuchTransaction = (txnNumber: number, why = '') => transient(251, 'NoSuchTransaction', `Transaction with { txnNumber: ${txnNumber} } has been aborted${why}.`);

/** Commands a transaction may run (as in MongoDB: CRUD and reads, not DDL or admin). */
const IN_TRANSACTION = new Set(['find', 'getmore', 'insert', 'update', 'delete', 'findandmodify', 'aggregate', 'count', 'distinct', 'committransaction', 'aborttransaction', 'killcursors']);
const RETRYABLE = new Set(['insert', 'update', 'delete', 'findandmodify']);

type Overlay = Map<string, Map<string, Doc | null>>;

/**
 * The unique keys a transaction's written documents hold in one collection, so a write is
 * checked against the others by lookup rather than by comparing it with each of them.
 */
class OverlayKeys {
  /** `index name \u0001 key` → the key of the document holding it */
  private readonly holders = new Map<string, string>();
  private readonly held = new Map<string, string[]>();

  /** Records what the document (null: deleted) now holds. */
  set(coll: Collection, docKey: string, doc: Doc | null) {
    for (const k of this.held.get(docKey) ?? []) if (this.holders.get(k) === docKey) this.holders.delete(k);
    this.held.delete(docKey);
    if (!doc) return;
    const keys: string[] = [];
    for (const index of coll.indexes.values()) {
      for (const { key } of index.uniqueKeys(doc)) {
        const k = `${index.spec.name}\u0001${key}`;
        this.holders.set(k, docKey);
        keys.push(k);
      }
    }
    if (keys.length) this.held.set(docKey, keys);
  }

  /** The duplicate key error if `doc` shares a unique key with another of these documents. */
  clash(coll: Collection, docKey: string, doc: Doc): DuplicateKeyError | undefined {
    for (const index of coll.indexes.values()) {
      for (const { key, tuple } of index.uniqueKeys(doc)) {
        const holder = this.holders.get(`${index.spec.name}\u0001${key}`);
        if (holder !== undefined && holder !== docKey) return index.duplicate(tuple);
      }
    }
    return undefined;
  }
}

export class Transaction {
  readonly overlay: Overlay = new Map();
  private readonly keys = new Map<string, OverlayKeys>();
  state: 'active' | 'committed' | 'aborted' = 'active';
  abortReason = '';
  conflicted = false;
  timer?: NodeJS.Timeout;
  constructor(
    readonly session: string,
    readonly txnNumber: number,
    readonly snapshot: number,
  ) {}

  written(ns: string, key: string): Doc | null | undefined {
    return this.overlay.get(ns)?.get(key);
  }

  /** The unique keys its writes hold in `ns`. */
  keysOf(ns: string): OverlayKeys {
    let keys = this.keys.get(ns);
    if (!keys) this.keys.set(ns, (keys = new OverlayKeys()));
    return keys;
  }
}

interface SessionState {
  lastUse: number;
  txn?: Transaction;
}

const nsOf = (d: string, c: string) => `${d}.${c}`;

export class TransactionManager {
  private readonly sessions = new Map<string, SessionState>();
  private readonly open = new Set<Transaction>();
  /** While transactions are open: for each document written, the lsn and the version it replaced. */
  private readonly history = new Map<string, Map<string, { lsn: number; before: Doc | undefined }[]>>();
  /** Documents an open transaction has written: no one else may write them until it ends. */
  private readonly held = new Map<string, Transaction>();
  lifetimeSeconds = DEFAULT_LIFETIME_SECONDS;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly store: Store) {
    store.observer = (op, before) => this.noteWrite(op, before);
    this.sweeper = setInterval(() => this.expireSessions(), 60_000);
    this.sweeper.unref();
  }

  stop() {
    clearInterval(this.sweeper);
    for (const txn of [...this.open]) this.end(txn, 'aborted', ' because the server is stopping');
  }

  /** Called by the store before it applies a put or delete: keeps what open snapshots need. */
  private noteWrite(op: Extract<Op, { o: 'put' | 'del' }>, before: Doc | undefined) {
    if (!this.open.size) return;
    const ns = nsOf(op.d, op.c);
    const key = canonicalKey(op.o === 'put' ? op.doc._id : op.id);
    let byKey = this.history.get(ns);
    if (!byKey) this.history.set(ns, (byKey = new Map()));
    const versions = byKey.get(key) ?? [];
    versions.push({ lsn: this.store.lsn + 1, before });
    byKey.set(key, versions);
    // A write by anyone else to a document an open transaction holds dooms that transaction.
    const holder = this.held.get(`${ns}\u0000${key}`);
    if (holder && !this.committing.has(holder)) holder.conflicted = true;
  }

  private readonly committing = new Set<Transaction>();

  /** Whether anyone wrote this document since `lsn`. */
  changedAfter(ns: string, key: string, lsn: number): boolean {
    return this.history.get(ns)?.get(key)?.some((v) => v.lsn > lsn) ?? false;
  }

  /** Keys of `ns` written since `lsn` by anyone. */
  changedSince(ns: string, lsn: number): string[] {
    const byKey = this.history.get(ns);
    if (!byKey) return [];
    return [...byKey].filter(([, versions]) => versions.some((v) => v.lsn > lsn)).map(([key]) => key);
  }

  /** The version of a document a snapshot taken at `lsn` sees (undefined: none). */
  versionAt(ns: string, key: string, lsn: number, current: Doc | undefined): Doc | undefined {
    const first = this.history.get(ns)?.get(key)?.find((v) => v.lsn > lsn);
    return first ? first.before : current;
  }

  private sessionKey(cmd: Doc): string | undefined {
    const id = (cmd.lsid as Doc | undefined)?.id;
    return id === undefined ? undefined : canonicalKey(id);
  }

  private touch(key: string): SessionState {
    const state = this.sessions.get(key) ?? { lastUse: Date.now() };
    state.lastUse = Date.now();
    this.sessions.set(key, state);
    return state;
  }

  /**
   * The transaction a command runs in, started if it says so; undefined outside one.
   * Refuses what MongoDB refuses: no session, an aborted or finished transaction, a command
   * not allowed inside one.
   */
  transactionFor(cmd: Doc, name: string): Transaction | undefined {
    if (cmd.autocommit === undefined && !cmd.startTransaction) return undefined;
    if (cmd.autocommit !== false) throw new CommandError(50768, 'Location50768', 'autocommit must be false when given');
    const key = this.sessionKey(cmd);
    if (!key) throw new CommandError(50768, 'InvalidOptions', 'Transactions need a session (lsid)');
    const txnNumber = Number(cmd.txnNumber);
    if (!Number.isFinite(txnNumber)) throw new CommandError(50768, 'InvalidOptions', 'txnNumber is required in a transaction');
    const state = this.touch(key);
    const lower = name.toLowerCase();
    if (cmd.startTransaction) {
      if (state.txn && state.txn.txnNumber >= txnNumber) {
        throw new CommandError(225, 'TransactionTooOld', `Cannot start transaction ${txnNumber} on session because a newer transaction ${state.txn.txnNumber} has already started`);
      }
      if (state.txn?.state === 'active') this.end(state.txn, 'aborted', '');
      const txn = new Transaction(key, txnNumber, this.store.lsn);
      txn.timer = setTimeout(() => this.end(txn, 'aborted', ` after running longer than transactionLifetimeLimitSeconds (${this.lifetimeSeconds})`), this.lifetimeSeconds * 1000);
      txn.timer.unref();
      state.txn = txn;
      this.open.add(txn);
    }
    const txn = state.txn;
    if (!txn || txn.txnNumber !== txnNumber) {
      if (lower === 'aborttransaction' || lower === 'committransaction') throw noSuchTransaction(txnNumber);
      throw noSuchTransaction(txnNumber, '');
    }
    if (txn.state === 'committed') {
      if (lower === 'committransaction') return txn; // a retried commit: answered as the first was
      throw new CommandError(256, 'TransactionCommitted', `Transaction ${txnNumber} has been committed.`);
    }
    if (txn.state === 'aborted') throw noSuchTransaction(txnNumber, txn.abortReason);
    if (!IN_TRANSACTION.has(lower)) throw new CommandError(263, 'OperationNotSupportedInTransaction', `Cannot run '${name}' in a multi-document transaction.`);
    return txn;
  }

  /** A transaction's view of the store for one command. */
  view(txn: Transaction): Store {
    return new TransactionView(this.store, txn, this) as unknown as Store;
  }

  /** After a command in a transaction: an error aborts the transaction, as in MongoDB. */
  afterCommand(txn: Transaction, reply: Doc): Doc {
    if (txn.state !== 'active') return reply;
    if (txn.conflicted) {
      this.end(txn, 'aborted', ' after a write conflict');
      const e = writeConflict();
      return { ok: 0, errmsg: e.message, code: e.code, codeName: e.codeName, ...e.extra };
    }
    if (reply.ok !== 1 || (Array.isArray(reply.writeErrors) && reply.writeErrors.length)) this.end(txn, 'aborted', ' after an error in the transaction');
    return reply;
  }

  /** Applies the transaction's writes as one command (one journal record), or conflicts. */
  commit(txn: Transaction): Doc {
    if (txn.state === 'committed') return { ok: 1 };
    if (txn.conflicted || [...txn.overlay].some(([ns, docs]) => [...docs.keys()].some((key) => this.changedAfter(ns, key, txn.snapshot)))) {
      this.end(txn, 'aborted', ' after a write conflict');
      throw writeConflict();
    }
    this.committing.add(txn);
    try {
      this.store.atomically(() => {
        for (const [ns, docs] of txn.overlay) {
          const dot = ns.indexOf('.');
          const [d, c] = [ns.slice(0, dot), ns.slice(dot + 1)];
          for (const [key, doc] of docs) {
            const coll = this.store.collection(d, c);
            if (doc === null) {
              if (coll?.docs.has(key)) this.store.write({ o: 'del', d, c, id: coll.docs.get(key)!._id });
              continue;
            }
            const target = coll ?? this.store.ensureCollection(d, c);
            target.checkWrite(doc, target.docs.has(key) ? key : undefined);
            this.store.write({ o: 'put', d, c, doc });
          }
        }
      });
    } catch (e) {
      this.end(txn, 'aborted', ' at commit');
      // A key someone else took since the snapshot: the transaction conflicted (and a retry sees it).
      throw (e as { code?: number }).code === 11000 ? writeConflict() : e;
    } finally {
      this.committing.delete(txn);
    }
    this.end(txn, 'committed', '');
    return { ok: 1 };
  }

  abort(txn: Transaction): Doc {
    this.end(txn, 'aborted', ' by abortTransaction');
    return { ok: 1 };
  }

  private end(txn: Transaction, state: 'committed' | 'aborted', reason: string) {
    if (txn.state !== 'active') return;
    txn.state = state;
    txn.abortReason = reason;
    clearTimeout(txn.timer);
    this.open.delete(txn);
    for (const [ns, docs] of txn.overlay) for (const key of docs.keys()) if (this.held.get(`${ns}\u0000${key}`) === txn) this.held.delete(`${ns}\u0000${key}`);
    if (!this.open.size) this.history.clear();
  }

  /**
   * A unique key another open transaction has written is taken until it ends: as in
   * MongoDB, the second writer conflicts (and retries once the first has committed).
   */
  checkKeysOfOthers(txn: Transaction, coll: Collection, docKey: string, doc: Doc) {
    for (const other of this.open) {
      if (other === txn || !other.overlay.has(coll.ns)) continue;
      if (other.keysOf(coll.ns).clash(coll, docKey, doc)) {
        txn.conflicted = true;
        throw writeConflict();
      }
    }
  }

  /** Holds a document for a transaction's write, or conflicts. */
  hold(txn: Transaction, ns: string, key: string) {
    const id = `${ns}\u0000${key}`;
    const holder = this.held.get(id);
    if ((holder && holder !== txn) || this.changedAfter(ns, key, txn.snapshot)) {
      txn.conflicted = true;
      throw writeConflict();
    }
    this.held.set(id, txn);
  }

  // Retryable writes: the first reply of (session, txnNumber), journaled with the write.

  /** The stored reply of a retried write, if this command is one. */
  retried(cmd: Doc, name: string): Doc | undefined {
    if (!RETRYABLE.has(name.toLowerCase()) || cmd.txnNumber === undefined || cmd.autocommit !== undefined) return undefined;
    const key = this.sessionKey(cmd);
    if (!key) return undefined;
    this.touch(key);
    const stored = this.store.collection(SESSIONS_DB, SESSIONS_COLLECTION)?.docs.get(canonicalKey(key));
    if (!stored) return undefined;
    const txnNumber = Number(cmd.txnNumber);
    if (Number(stored.txnNum) > txnNumber) throw new CommandError(225, 'TransactionTooOld', `Retryable write with txnNumber ${txnNumber} is prohibited on session because a newer retryable write with txnNumber ${String(stored.txnNum)} has already started on this session.`);
    return Number(stored.txnNum) === txnNumber ? (stored.reply as Doc) : undefined;
  }

  /** Remembers a retryable write's reply (in the same journal record as the write). */
  remember(cmd: Doc, name: string, reply: Doc) {
    if (!RETRYABLE.has(name.toLowerCase()) || cmd.txnNumber === undefined || cmd.autocommit !== undefined || reply.ok !== 1) return;
    const key = this.sessionKey(cmd);
    if (!key) return;
    this.store.write({ o: 'put', d: SESSIONS_DB, c: SESSIONS_COLLECTION, doc: { _id: key, txnNum: Number(cmd.txnNumber), lastWriteDate: new Date(), reply } });
  }

  /** Forgets sessions idle longer than the timeout, and their retryable-write records. */
  expireSessions(now = Date.now()) {
    const limit = now - SESSION_TIMEOUT_MINUTES * 60_000;
    for (const [key, state] of this.sessions) {
      if (state.lastUse >= limit || state.txn?.state === 'active') continue;
      this.sessions.delete(key);
    }
    const records = this.store.collection(SESSIONS_DB, SESSIONS_COLLECTION);
    if (!records) return;
    for (const doc of [...records.docs.values()]) {
      if ((doc.lastWriteDate as Date).getTime() < limit && !this.sessions.has(String(doc._id))) this.store.write({ o: 'del', d: SESSIONS_DB, c: SESSIONS_COLLECTION, id: doc._id });
    }
    void this.store.commit();
  }

  endSessions(cmd: Doc) {
    for (const lsid of (cmd.endSessions as Doc[] | undefined) ?? []) {
      const key = canonicalKey(lsid?.id);
      const state = this.sessions.get(key);
      if (state?.txn?.state === 'active') this.end(state.txn, 'aborted', ' because its session ended');
    }
  }
}

/** The store as one transaction sees it: its snapshot plus its overlay. */
class TransactionView {
  constructor(
    private readonly store: Store,
    private readonly txn: Transaction,
    private readonly manager: TransactionManager,
  ) {}

  get dbs() {
    return this.store.dbs;
  }

  collection(db: string, name: string): Collection | undefined {
    const main = this.store.collection(db, name);
    return main ? (new TransactionCollection(main, this.txn, this.manager) as unknown as Collection) : undefined;
  }

  ensureCollection(db: string, name: string, options: Doc = {}): Collection {
    this.store.ensureCollection(db, name, options);
    return this.collection(db, name)!;
  }

  write(op: Op) {
    if (op.o !== 'put' && op.o !== 'del') throw new CommandError(263, 'OperationNotSupportedInTransaction', 'Cannot change collections or indexes in a multi-document transaction.');
    const ns = nsOf(op.d, op.c);
    const key = canonicalKey(op.o === 'put' ? op.doc._id : op.id);
    this.manager.hold(this.txn, ns, key);
    let docs = this.txn.overlay.get(ns);
    if (!docs) this.txn.overlay.set(ns, (docs = new Map()));
    docs.set(key, op.o === 'put' ? op.doc : null);
    const main = this.store.collection(op.d, op.c);
    if (main) this.txn.keysOf(ns).set(main, key, op.o === 'put' ? op.doc : null);
  }

  journalIndex(): never {
    throw new CommandError(263, 'OperationNotSupportedInTransaction', 'Cannot create indexes in a multi-document transaction.');
  }
}

/** One collection through a transaction's eyes. */
class TransactionCollection {
  constructor(
    private readonly main: Collection,
    private readonly txn: Transaction,
    private readonly manager: TransactionManager,
  ) {}

  get name() {
    return this.main.name;
  }

  /** Never from the indexes: they do not hold the transaction's own writes. */
  countIndexed(): number | undefined {
    return undefined;
  }
  get ns() {
    return this.main.ns;
  }
  get options() {
    return this.main.options;
  }
  get indexes() {
    return this.main.indexes;
  }
  indexSpecs() {
    return this.main.indexSpecs();
  }

  /** Keys whose visible version is not the stored one: the overlay's and others' since the snapshot. */
  private changed(): Set<string> {
    return new Set([...(this.txn.overlay.get(this.main.ns)?.keys() ?? []), ...this.manager.changedSince(this.main.ns, this.txn.snapshot)]);
  }

  private visible(key: string): Doc | undefined {
    const own = this.txn.written(this.main.ns, key);
    if (own !== undefined) return own ?? undefined;
    return this.manager.versionAt(this.main.ns, key, this.txn.snapshot, this.main.docs.get(key));
  }

  find(filter: Doc = {}, o?: EngineOptions): Doc[] {
    const changed = this.changed();
    const out = this.main.find(filter, o).filter((doc) => !changed.has(canonicalKey(doc._id)));
    const matcher = this.main.matcherOf(filter, o);
    for (const key of changed) {
      const doc = this.visible(key);
      if (doc && matcher(doc)) out.push(doc);
    }
    return out;
  }

  /** No index walk: the index holds the current versions, not the snapshot's. */
  findOrdered(): undefined {
    return undefined;
  }

  get docs() {
    const all = this.find({});
    const byKey = new Map(all.map((d) => [canonicalKey(d._id), d]));
    return byKey;
  }

  checkWrite(doc: Doc, selfId?: string) {
    const ns = this.main.ns;
    const key = canonicalKey(doc._id);
    if (key !== selfId && this.visible(key) !== undefined) throw this.main.duplicateId(doc._id);
    // Unique keys: against the stored documents the transaction has not changed, and its own.
    const overlay = this.txn.overlay.get(ns);
    this.main.checkWriteExcept(doc, selfId, { has: (k) => Boolean(overlay?.has(k)) || this.manager.changedAfter(ns, k, this.txn.snapshot) });
    const clash = this.txn.keysOf(ns).clash(this.main, key, doc);
    if (clash) throw clash;
    this.manager.checkKeysOfOthers(this.txn, this.main, key, doc);
  }
}
