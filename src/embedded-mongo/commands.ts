// The command set: each handler runs synchronously against the in-memory store; the
// dispatcher then makes the command's writes durable before the reply goes out.
import { createHash } from 'node:crypto';
import { Binary, isPlainObject, Long, ObjectId, type Doc } from './bson.js';
import { Collection, ID_INDEX } from './collection.js';
import { asIndexKeys, hintedIndex, withinKeyBounds } from './find-options.js';
import type { CursorRegistry } from './cursors.js';
import { aggregate, compileFilter, project } from './engine.js';
import { readOnly, type CollectionSource } from './plain-stages.js';
import {
  badValue,
  CommandError,
  commandNotFound,
  failedToParse,
  indexNotFound,
  invalidIndexSpecificationOption,
  invalidOptions,
  namespaceExists,
  namespaceNotFound,
  notImplemented,
  typeMismatch,
  unauthorized,
} from './errors.js';
import { collMod, collStats, dbHash, explain, indexStats, renameCollection } from './admin-commands.js';
import { replSetGetConfig, replSetGetStatus } from './replica-set.js';
import { currentOp } from './current-op.js';
import type { UsageCounters } from './top.js';
import { profile, rolesInfo, usersInfo } from './user-commands.js';
import { checkFieldTypes } from './command-fields.js';
import { checkOutputPlacement, OUTPUT_STAGES, writeOutput } from './outputs.js';
import { BEFORE_AUTH, type AuthState, type UserRegistry } from './auth.js';
import type { IndexSpec } from './indexes.js';
import { hasText, textIndexSpec } from './text-index.js';
import { identity, mentionsTextScore, noTextScore, scoredFind, scoredPipeline } from './text-score.js';
import type { Logger, Store } from './store.js';
import type { TtlMonitor } from './ttl.js';
import { TRANSIENT, type Transaction, type TransactionManager } from './transactions.js';
import { canonicalKey, cloneValue, collationComparator, normalizeCollation, pathValues, sortDocs } from './values.js';
import { sameDocument, updatedDocument, upsertDocument } from './writes.js';

export const SERVER_VERSION = '7.0.0';
export const MAX_BSON_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;

export interface ServerContext {
  store: Store;
  log: Logger;
  /** With users, every connection must authenticate (SCRAM-SHA-256) first. */
  users?: UserRegistry;
  ttl: TtlMonitor;
  cursors: CursorRegistry;
  startedAt: number;
  connections: () => number;
  transactions: TransactionManager;
  /** Operations and their time per collection, for `top`. */
  usage: UsageCounters;
  /** The replica set this single node is the primary of, and its address as clients name it. */
  replicaSet: string;
  address: string;
}

export interface ConnectionInfo {
  id: number;
  remote: string;
  auth: AuthState;
}

type Handler = (cmd: Doc, db: string, ctx: ServerContext, conn: ConnectionInfo) => Doc;

function collectionName(cmd: Doc, key: string): string {
  const name = cmd[key];
  if (typeof name !== 'string' || !name) throw typeMismatch(`collection name has invalid type ${typeof name}`);
  return name;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : v === undefined || v === null ? fallback : Number(v));

function writeErrorOf(index: number, e: unknown): Doc {
  if (e instanceof CommandError) return { index, code: e.code, errmsg: e.message, ...e.extra };
  return { index, code: 1, errmsg: (e as Error).message };
}

/**
 * A collection's UUID (BinData subtype 4), as tools read it from listCollections: derived
 * from its namespace, so it is stable across restarts without being stored.
 */
export function collectionUuid(ns: string) {
  const bytes = createHash('sha256').update(ns).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return new Binary(bytes, Binary.SUBTYPE_UUID);
}

/** The group stage of the driver's countDocuments: one group (a constant key) counting documents. */
function isCountStage(stage: Doc): boolean {
  const group = stage.$group as Doc | undefined;
  if (!group || Object.keys(stage).length !== 1 || Object.keys(group).length !== 2 || !('_id' in group)) return false;
  const counter = group[countField(stage)] as Doc | undefined;
  return (typeof group._id === 'number' || group._id === null) && isPlainCounter(counter);
}

const countField = (stage: Doc) => Object.keys(stage.$group as Doc).find((k) => k !== '_id')!;
const isPlainCounter = (c: Doc | undefined) => Boolean(c && typeof c === 'object' && Object.keys(c).length === 1 && c.$sum === 1);

/** Stages that describe the server or a collection rather than transform documents: they lead a pipeline. */
const FIRST_STAGE_ONLY = new Set(['$currentOp', '$indexStats']);

/** MongoDB's stages the store does not run: refused as such, not as unknown names. */
const REFUSED_STAGES = new Set([
  '$geoNear', '$search', '$searchMeta', '$vectorSearch', '$listSearchIndexes', '$changeStream', '$changeStreamSplitLargeEvent',
  '$planCacheStats', '$listSessions', '$listLocalSessions', '$listSampledQueries', '$shardedDataDistribution', '$querySettings',
]);

/** A single-node replica set: this node is its primary (so drivers use sessions and transactions). */
export function hello(conn: ConnectionInfo, cmd: Doc, ctx: Pick<ServerContext, 'users' | 'replicaSet' | 'address' | 'startedAt'>): Doc {
  const users = ctx.users;
  const mechs = users && cmd.saslSupportedMechs !== undefined ? users.mechanismsFor(cmd.saslSupportedMechs) : undefined;
  return {
    ...(mechs ? { saslSupportedMechs: mechs } : {}),
    helloOk: true,
    ismaster: true,
    isWritablePrimary: true,
    secondary: false,
    setName: ctx.replicaSet,
    setVersion: 1,
    hosts: [ctx.address],
    primary: ctx.address,
    me: ctx.address,
    electionId: ELECTION_ID,
    lastWrite: { lastWriteDate: new Date() },
    maxBsonObjectSize: MAX_BSON_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: conn.id,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
    ok: 1,
  };
}

const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

const handlers: Record<string, Handler> = {
  hello: (c, _d, ctx, conn) => hello(conn, c, ctx),
  ismaster: (c, _d, ctx, conn) => hello(conn, c, ctx),
  saslstart: (cmd, db, ctx, conn) => usersOf(ctx).saslStart(cmd, db, conn.auth),
  saslcontinue: (cmd, _db, ctx, conn) => usersOf(ctx).saslContinue(cmd, conn.auth),
  ping: () => ({ ok: 1 }),
  buildinfo: () => ({
    version: SERVER_VERSION,
    versionArray: [7, 0, 0, 0],
    gitVersion: 'embedded',
    bits: 64,
    maxBsonObjectSize: MAX_BSON_SIZE,
    storageEngines: ['embedded'],
    ok: 1,
  }),
  getparameter: (_c, _d, ctx) => ({ featureCompatibilityVersion: { version: '7.0' }, ttlMonitorSleepSecs: ctx.ttl.sleepSeconds, transactionLifetimeLimitSeconds: ctx.transactions.lifetimeSeconds, ok: 1 }),
  setparameter: (cmd, db, ctx) => {
    if (db !== 'admin') throw unauthorized('setParameter may only be run against the admin database.');
    const names = Object.keys(cmd).filter((k) => k !== 'setParameter' && !k.startsWith('$') && k !== 'lsid');
    if (!names.length) throw badValue('no option found to set, use help:true to see options ');
    const was: Doc = {};
    for (const name of names) {
      if (name !== 'ttlMonitorSleepSecs' && name !== 'transactionLifetimeLimitSeconds') throw invalidOptions(`attempted to set unrecognized parameter [${name}], use help:true to see options `);
      const seconds = cmd[name];
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) throw badValue(`Invalid value for parameter ${name}: ${String(seconds)} is not greater than or equal to 1`);
      if (name === 'ttlMonitorSleepSecs') {
        was[name] = ctx.ttl.sleepSeconds;
        ctx.ttl.setSleepSeconds(seconds);
      } else {
        was[name] = ctx.transactions.lifetimeSeconds;
        ctx.transactions.lifetimeSeconds = seconds;
      }
    }
    return { was: Object.values(was)[0], ok: 1 };
  },
  replsetgetstatus: (_c, db, ctx) => replSetGetStatus(db, ctx),
  replsetgetconfig: (_c, db, ctx) => replSetGetConfig(db, ctx),
  top: (_c, db, ctx) => ctx.usage.report(db),
  usersinfo: (cmd, db, ctx) => usersInfo(cmd, db, ctx.users),
  rolesinfo: (cmd) => rolesInfo(cmd),
  profile: (cmd) => profile(cmd),
  getcmdlineopts: () => ({ argv: [], parsed: {}, ok: 1 }),
  getlog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  hostinfo: () => ({ system: { currentTime: new Date(), hostname: 'embedded' }, os: { type: process.platform }, ok: 1 }),
  whatsmyuri: (_c, _d, _x, conn) => ({ you: conn.remote, ok: 1 }),
  connectionstatus: (_c, _d, _x, conn) => {
    const [db, ...user] = conn.auth.user?.split('.') ?? [];
    return { authInfo: { authenticatedUsers: conn.auth.user ? [{ user: user.join('.'), db }] : [], authenticatedUserRoles: [] }, ok: 1 };
  },
  serverstatus: (_c, _d, ctx) => ({
    host: 'embedded',
    version: SERVER_VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor((Date.now() - ctx.startedAt) / 1000),
    localTime: new Date(),
    connections: { current: ctx.connections() },
    opcounters: { ...ctx.usage.opcounters },
    network: { ...ctx.usage.network },
    mem: { bits: 64, resident: Math.round(process.memoryUsage().rss / 2 ** 20), supported: true },
    ok: 1,
  }),
  endsessions: (cmd, _d, ctx) => (ctx.transactions.endSessions(cmd), { ok: 1 }),
  // Inside a transaction these are answered by runCommand; here there is none.
  committransaction: (cmd) => {
    throw new CommandError(251, 'NoSuchTransaction', `Given transaction number ${String(cmd.txnNumber)} does not match any in-progress transactions.`, { errorLabels: [TRANSIENT] });
  },
  aborttransaction: (cmd) => {
    throw new CommandError(251, 'NoSuchTransaction', `Given transaction number ${String(cmd.txnNumber)} does not match any in-progress transactions.`, { errorLabels: [TRANSIENT] });
  },

  listdatabases: (cmd, _d, ctx) => {
    const databases = [...ctx.store.dbs.entries()].map(([name, colls]) => ({
      name,
      sizeOnDisk: [...colls.values()].reduce((n, c) => n + c.docs.size * 256, 0),
      empty: [...colls.values()].every((c) => c.docs.size === 0),
    }));
    if (cmd.nameOnly) return { databases: databases.map(({ name }) => ({ name })), ok: 1 };
    const totalSize = databases.reduce((n, d) => n + d.sizeOnDisk, 0);
    return { databases, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
  },

  listcollections: (cmd, db, ctx, conn) => {
    const colls = [...(ctx.store.dbs.get(db)?.values() ?? [])];
    let infos: Doc[] = colls.map((c) =>
      cmd.nameOnly
        ? { name: c.name, type: 'collection' }
        : { name: c.name, type: 'collection', options: c.options, info: { readOnly: false, uuid: collectionUuid(c.ns) }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } },
    );
    if (cmd.filter && typeof cmd.filter === 'object') infos = infos.filter(compileFilter(cmd.filter as Doc));
    return cursorReply(ctx, conn, `${db}.$cmd.listCollections`, infos, cmd.cursor as Doc | undefined);
  },

  create: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'create');
    if (ctx.store.collection(db, name)) throw namespaceExists(`Collection ${db}.${name} already exists.`);
    const { create: _n, lsid: _l, $db: _db, writeConcern: _w, ...options } = cmd;
    // Options the store would accept but not honour are refused, not silently ignored.
    for (const unsupported of ['capped', 'validator', 'timeseries', 'clusteredIndex', 'viewOn', 'changeStreamPreAndPostImages']) {
      if (options[unsupported] !== undefined && options[unsupported] !== false) throw notImplemented(`collections with '${unsupported}' are not supported by the embedded server`);
    }
    ctx.store.ensureCollection(db, name, options);
    return { ok: 1 };
  },

  collmod: (cmd, db, ctx) => collMod(cmd, db, ctx.store),

  drop: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'drop');
    const coll = ctx.store.collection(db, name);
    if (!coll) return { ok: 1 };
    const nIndexesWas = coll.indexSpecs().length;
    ctx.store.write({ o: 'dc', d: db, c: name });
    return { nIndexesWas, ns: coll.ns, ok: 1 };
  },

  dropdatabase: (_cmd, db, ctx) => {
    if (ctx.store.dbs.has(db)) ctx.store.write({ o: 'dd', d: db });
    return { dropped: db, ok: 1 };
  },

  insert: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'insert');
    const docs = cmd.documents;
    if (!Array.isArray(docs)) throw failedToParse("BSON field 'insert.documents' is missing but a required field");
    const ordered = cmd.ordered !== false;
    const coll = ctx.store.ensureCollection(db, name);
    let n = 0;
    const writeErrors: Doc[] = [];
    docs.forEach((raw, index) => {
      if (ordered && writeErrors.length) return;
      try {
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badValue('document to insert must be an object');
        const doc = Collection.withId(raw as Doc);
        if (Array.isArray(doc._id)) throw badValue("can't use an array for _id");
        coll.checkWrite(doc);
        ctx.store.write({ o: 'put', d: db, c: name, doc });
        n++;
      } catch (e) {
        writeErrors.push(writeErrorOf(index, e));
      }
    });
    return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
  },

  update: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'update');
    const statements = cmd.updates;
    if (!Array.isArray(statements)) throw failedToParse("BSON field 'update.updates' is missing but a required field");
    const ordered = cmd.ordered !== false;
    let n = 0;
    let nModified = 0;
    const upserted: Doc[] = [];
    const writeErrors: Doc[] = [];
    statements.forEach((st: Doc, index) => {
      if (ordered && writeErrors.length) return;
      try {
        const spec = { query: (st.q ?? {}) as Doc, update: st.u, arrayFilters: st.arrayFilters as Doc[] | undefined, collation: st.collation };
        const coll = ctx.store.collection(db, name);
        const matches = coll ? coll.find(spec.query, { collation: st.collation }) : [];
        const targets = st.multi ? matches : matches.slice(0, 1);
        if (!targets.length && st.upsert) {
          const doc = upsertDocument(spec);
          const target = ctx.store.ensureCollection(db, name);
          target.checkWrite(doc);
          ctx.store.write({ o: 'put', d: db, c: name, doc });
          upserted.push({ index, _id: doc._id });
          n++;
          return;
        }
        for (const doc of targets) {
          const next = updatedDocument(doc, spec);
          n++;
          if (sameDocument(doc, next)) continue;
          coll!.checkWrite(next, canonicalKey(doc._id));
          ctx.store.write({ o: 'put', d: db, c: name, doc: next });
          nModified++;
        }
      } catch (e) {
        writeErrors.push(writeErrorOf(index, e));
      }
    });
    const reply: Doc = { n, nModified, ok: 1 };
    if (upserted.length) reply.upserted = upserted;
    if (writeErrors.length) reply.writeErrors = writeErrors;
    return reply;
  },

  delete: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'delete');
    const statements = cmd.deletes;
    if (!Array.isArray(statements)) throw failedToParse("BSON field 'delete.deletes' is missing but a required field");
    const ordered = cmd.ordered !== false;
    let n = 0;
    const writeErrors: Doc[] = [];
    statements.forEach((st: Doc, index) => {
      if (ordered && writeErrors.length) return;
      try {
        const coll = ctx.store.collection(db, name);
        if (!coll) return;
        const matches = coll.find((st.q ?? {}) as Doc, { collation: st.collation });
        for (const doc of Number(st.limit) === 1 ? matches.slice(0, 1) : matches) {
          ctx.store.write({ o: 'del', d: db, c: name, id: doc._id });
          n++;
        }
      } catch (e) {
        writeErrors.push(writeErrorOf(index, e));
      }
    });
    return writeErrors.length ? { n, writeErrors, ok: 1 } : { n, ok: 1 };
  },

  find: (cmd, db, ctx, conn) => {
    const name = collectionName(cmd, 'find');
    const docs = findDocs(cmd, db, ctx);
    const single = Boolean(cmd.singleBatch) || num(cmd.limit, 0) < 0;
    return { cursor: ctx.cursors.open(`${db}.${name}`, docs, cmd.batchSize as number | undefined, conn.id, single), ok: 1 };
  },

  getmore: (cmd, db, ctx) => {
    const id = Number(cmd.getMore);
    const name = collectionName(cmd, 'collection');
    return { cursor: ctx.cursors.next(id, `${db}.${name}`, cmd.batchSize as number | undefined), ok: 1 };
  },

  killcursors: (cmd, _db, ctx) => {
    const ids = ((cmd.cursors as unknown[]) ?? []).map(Number);
    const { killed, notFound } = ctx.cursors.kill(ids);
    return { cursorsKilled: killed.map((i) => Long.fromNumber(i)), cursorsNotFound: notFound.map((i) => Long.fromNumber(i)), cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  },

  count: (cmd, db, ctx) => {
    const coll = ctx.store.collection(db, collectionName(cmd, 'count'));
    const query = (cmd.query ?? {}) as Doc;
    const o = { collation: cmd.collation };
    let n = coll ? (coll.countIndexed(query, o) ?? coll.find(query, o).length) : 0;
    n = Math.max(0, n - num(cmd.skip, 0));
    const limit = Math.abs(num(cmd.limit, 0));
    return { n: limit ? Math.min(n, limit) : n, ok: 1 };
  },

  distinct: (cmd, db, ctx) => {
    const coll = ctx.store.collection(db, collectionName(cmd, 'distinct'));
    if (typeof cmd.key !== 'string') throw failedToParse("BSON field 'distinct.key' is missing but a required field");
    const values = new Map<string, unknown>();
    for (const doc of coll?.find((cmd.query ?? {}) as Doc, { collation: cmd.collation }) ?? []) {
      for (const v of pathValues(doc, cmd.key)) if (v !== undefined) values.set(canonicalKey(v), v);
    }
    return { values: [...values.values()], ok: 1 };
  },

  findandmodify: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'findAndModify');
    if (cmd.remove && cmd.update !== undefined) throw failedToParse('Cannot specify both an update and remove=true');
    if (!cmd.remove && cmd.update === undefined) throw failedToParse('Either an update or remove=true must be specified');
    const coll = ctx.store.collection(db, name);
    let matches = coll ? coll.find((cmd.query ?? {}) as Doc, { collation: cmd.collation }) : [];
    if (cmd.sort && Object.keys(cmd.sort as Doc).length) matches = sortDocs(matches, cmd.sort as Doc, collationComparator(cmd.collation));
    const target = matches[0];
    const shape = (doc: Doc | undefined) => (doc ? project([doc], cmd.fields as Doc | undefined, { collation: cmd.collation }, (cmd.query ?? {}) as Doc)[0] : null);
    if (cmd.remove) {
      if (target) ctx.store.write({ o: 'del', d: db, c: name, id: target._id });
      return { lastErrorObject: { n: target ? 1 : 0 }, value: shape(target), ok: 1 };
    }
    const spec = { query: (cmd.query ?? {}) as Doc, update: cmd.update, arrayFilters: cmd.arrayFilters as Doc[] | undefined, collation: cmd.collation };
    if (target) {
      const next = updatedDocument(target, spec);
      if (!sameDocument(target, next)) {
        coll!.checkWrite(next, canonicalKey(target._id));
        ctx.store.write({ o: 'put', d: db, c: name, doc: next });
      }
      return { lastErrorObject: { n: 1, updatedExisting: true }, value: shape(cmd.new ? next : target), ok: 1 };
    }
    if (cmd.upsert) {
      const doc = upsertDocument(spec);
      ctx.store.ensureCollection(db, name).checkWrite(doc);
      ctx.store.write({ o: 'put', d: db, c: name, doc });
      return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id }, value: cmd.new ? shape(doc) : null, ok: 1 };
    }
    return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  },

  aggregate: (cmd, db, ctx, conn) => {
    const name = cmd.aggregate;
    const pipeline = cmd.pipeline;
    if (!Array.isArray(pipeline)) throw typeMismatch("'pipeline' option must be specified as an array");
    if (cmd.explain) throw notImplemented('explain is not supported by the embedded server');
    if (!cmd.cursor || typeof cmd.cursor !== 'object') throw failedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
    for (const stage of pipeline as Doc[]) {
      const op = Object.keys(stage ?? {})[0];
      if (REFUSED_STAGES.has(op)) throw notImplemented(`${op} is not supported by the embedded server`);
    }
    checkOutputPlacement(pipeline as Doc[]);
    const output = (pipeline as Doc[]).find((s) => OUTPUT_STAGES.has(Object.keys(s ?? {})[0]));
    if (output && cmd.autocommit === false) throw new CommandError(263, 'OperationNotSupportedInTransaction', `${Object.keys(output)[0]} cannot be used in a transaction`);
    let stages = (output ? (pipeline as Doc[]).slice(0, -1) : pipeline) as Doc[];
    const finish = (out: Doc[], ns: string) => {
      if (!output) return { cursor: ctx.cursors.open(ns, out, (cmd.cursor as Doc).batchSize as number | undefined, conn.id), ok: 1 };
      writeOutput(ctx.store, db, output, out);
      return { cursor: { id: Long.ZERO, ns, firstBatch: [] }, ok: 1 };
    };
    // A pipeline that writes into documents gets copies; a read-only one reads the stored ones.
    const copies = !readOnly(stages) || Boolean(output);
    const copied = (docs: Doc[]) => (copies ? docs.map(cloneValue) : docs);
    const resolveCollection: CollectionSource = Object.assign((from: string) => copied([...(ctx.store.collection(db, from)?.docs.values() ?? [])]), {
      matching: (from: string, field: string, values: unknown[]) => {
        const foreign = ctx.store.collection(db, from);
        if (!foreign) return [];
        if (!foreign.indexedBy(field)) return undefined;
        return copied(foreign.find({ [field]: { $in: values } }, { collation: cmd.collation }));
      },
    });
    const misplaced = stages.slice(1).flatMap((s) => (isPlainObject(s) ? Object.keys(s).filter((op) => FIRST_STAGE_ONLY.has(op)) : []))[0];
    if (misplaced) throw new CommandError(40602, 'Location40602', `${misplaced} is only valid as the first stage in a pipeline`);
    if (stages[0] && '$currentOp' in stages[0]) {
      const running = { connectionId: conn.id, client: conn.remote, host: ctx.address, command: cmd, startedAt: process.hrtime.bigint() };
      return finish(aggregate(currentOp(db, name, stages[0].$currentOp, running), stages.slice(1), { variables: cmd.let as Doc | undefined, resolveCollection }), `${db}.$cmd.aggregate`);
    }
    // {aggregate: 1}: a pipeline of the database itself, which starts from $documents.
    if (name === 1) {
      const first = stages[0] && Object.keys(stages[0])[0];
      if (first !== '$documents') throw new CommandError(73, 'InvalidNamespace', `{aggregate: 1} is not valid for '${first ?? 'an empty pipeline'}'; a collection is required.`);
      const docs = stages[0].$documents;
      if (!Array.isArray(docs) || docs.some((d) => !d || typeof d !== 'object' || Array.isArray(d))) throw failedToParse('$documents requires an array of documents');
      return finish(aggregate((docs as Doc[]).map(cloneValue), stages.slice(1), { collation: cmd.collation, variables: cmd.let as Doc | undefined, resolveCollection }), `${db}.$cmd.aggregate`);
    }
    if (typeof name !== 'string') throw badValue('Invalid collection name in aggregate');
    const coll = ctx.store.collection(db, name);
    // countDocuments: {$match}, {$group: {_id: 1, n: {$sum: 1}}}, from an index where one answers.
    const counted = coll && stages.length === 2 && '$match' in stages[0] && isCountStage(stages[1]) ? coll.countIndexed(stages[0].$match as Doc, { collation: cmd.collation }) : undefined;
    if (counted !== undefined) return finish(counted ? [{ _id: (stages[1].$group as Doc)._id, [countField(stages[1])]: counted }] : [], `${db}.${name}`);
    let input: Doc[];
    // $text searches the collection's text index, so only a leading $match may hold it.
    const texted = Boolean(stages[0] && '$match' in stages[0] && hasText(stages[0].$match));
    if (stages.slice(texted ? 1 : 0).some((s) => isPlainObject(s) && '$match' in s && hasText(s.$match))) {
      throw new CommandError(17313, 'Location17313', '$match with $text is only allowed as the first pipeline stage');
    }
    if (texted && !coll) throw indexNotFound(`text index required for $text query (no such collection '${db}.${name}')`);
    // A leading $collStats describes the collection; a leading $match uses the indexes, and
    // only its survivors are copied for the pipeline.
    if (stages[0] && '$collStats' in stages[0]) {
      input = [collStats(coll, (stages[0].$collStats ?? {}) as Doc, `${db}.${name}`)];
      stages = stages.slice(1);
    } else if (stages[0] && '$indexStats' in stages[0]) {
      input = indexStats(coll, ctx.address);
      stages = stages.slice(1);
    } else if (stages[0] && '$match' in stages[0]) {
      // $match, $sort, $limit: a walk of an index that serves the sort reads only the page.
      const walked = !texted && coll ? walkedPage(coll, stages, cmd.collation) : undefined;
      input = walked ?? (coll ? coll.find(stages[0].$match as Doc, { collation: cmd.collation }) : []);
      stages = stages.slice(walked ? 3 : 1);
    } else input = coll ? [...coll.docs.values()] : [];
    const run = (docs: Doc[], pipelineRest: Doc[]) => (pipelineRest.length ? aggregate(docs, pipelineRest, { collation: cmd.collation, variables: cmd.let as Doc | undefined, resolveCollection }) : docs);
    return finish(scoredPipeline(input, stages, texted, copies ? cloneValue : identity, run), `${db}.${name}`);
  },

  createindexes: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'createIndexes');
    const specs = cmd.indexes;
    if (!Array.isArray(specs) || !specs.length) throw badValue("Must specify at least one index to create");
    const existed = Boolean(ctx.store.collection(db, name));
    const coll = ctx.store.ensureCollection(db, name);
    const before = coll.indexSpecs().length;
    for (const raw of specs as Doc[]) {
      const spec = validateIndexSpec(raw);
      if (coll.createIndex(spec, true)) ctx.store.journalIndex({ o: 'ci', d: db, c: name, spec });
    }
    const after = coll.indexSpecs().length;
    const reply: Doc = { numIndexesBefore: before, numIndexesAfter: after, createdCollectionAutomatically: !existed, ok: 1 };
    if (before === after) reply.note = 'all indexes already exist';
    return reply;
  },

  listindexes: (cmd, db, ctx, conn) => {
    const name = collectionName(cmd, 'listIndexes');
    const coll = ctx.store.collection(db, name);
    if (!coll) throw namespaceNotFound(`ns does not exist: ${db}.${name}`);
    // As MongoDB lists them: v, key, name, then the options.
    const specs = coll.indexSpecs().map(({ key, name, ...options }) => ({ v: 2, key, name, ...options }));
    return cursorReply(ctx, conn, `${db}.${name}`, specs, cmd.cursor as Doc | undefined);
  },

  dropindexes: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'dropIndexes');
    const coll = ctx.store.collection(db, name);
    if (!coll) throw namespaceNotFound(`ns not found ${db}.${name}`);
    const nIndexesWas = coll.indexSpecs().length;
    const which = cmd.index;
    let names: string[];
    if (which === '*') names = [...coll.indexes.keys()];
    else if (typeof which === 'string') names = [which];
    else if (Array.isArray(which)) names = which.map(String);
    else if (which && typeof which === 'object') {
      const found = coll.indexSpecs().find((s) => JSON.stringify(s.key) === JSON.stringify(which));
      if (!found) throw indexNotFound(`can't find index with key: ${JSON.stringify(which)}`);
      names = [found.name];
    } else throw typeMismatch("'index' must be a string, an array of strings or an object");
    for (const n of names) {
      if (!coll.indexes.has(n)) coll.dropIndex(n); // answers MongoDB's error: the _id index, or no such index
      ctx.store.write({ o: 'di', d: db, c: name, name: n });
    }
    return { nIndexesWas, ok: 1 };
  },

  explain: (cmd, db, ctx) =>
    explain(cmd, db, ctx.store, (find) => findDocs(find, db, ctx)),

  renamecollection: (cmd, db, ctx) => renameCollection(cmd, db, ctx.store),

  // db.collection.validate(): the store's structures are rebuilt from the journal at start, so
  // what it can report is their counts; nothing is ever found invalid or repaired.
  validate: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'validate');
    const coll = ctx.store.collection(db, name);
    if (!coll) throw namespaceNotFound(`Collection '${db}.${name}' does not exist to validate.`);
    const keysPerIndex = Object.fromEntries([['_id_', coll.docs.size], ...[...coll.indexes.values()].map((i) => [i.spec.name, i.keyCount()])]);
    return {
      ns: `${db}.${name}`,
      nInvalidDocuments: 0,
      nNonCompliantDocuments: 0,
      nrecords: coll.docs.size,
      nIndexes: coll.indexSpecs().length,
      keysPerIndex,
      indexDetails: Object.fromEntries(Object.keys(keysPerIndex).map((n) => [n, { valid: true }])),
      valid: true,
      repaired: false,
      warnings: [],
      errors: [],
      extraIndexEntries: [],
      missingIndexEntries: [],
      corruptRecords: [],
      ok: 1,
    };
  },

  // The older command mongosh and tools still send beside $collStats: the same storage figures.
  collstats: (cmd, db, ctx) => {
    const name = collectionName(cmd, 'collStats');
    const coll = ctx.store.collection(db, name);
    if (!coll) throw namespaceNotFound(`Collection [${db}.${name}] not found.`);
    const { storageStats } = collStats(coll, { storageStats: {} }, `${db}.${name}`);
    return { ns: `${db}.${name}`, ...(storageStats as Doc), ok: 1 };
  },

  dbhash: (cmd, db, ctx) => dbHash(cmd, db, ctx.store),

  dbstats: (_cmd, db, ctx) => {
    const colls = [...(ctx.store.dbs.get(db)?.values() ?? [])];
    return {
      db,
      collections: colls.length,
      objects: colls.reduce((n, c) => n + c.docs.size, 0),
      indexes: colls.reduce((n, c) => n + c.indexSpecs().length, 0),
      ok: 1,
    };
  },
};

function validateIndexSpec(raw: Doc): IndexSpec {
  const key = raw?.key as Doc | undefined;
  if (!key || typeof key !== 'object' || !Object.keys(key).length) throw badValue('Index key pattern must be a non-empty object');
  // A text index's key is checked by its own rules (textIndexSpec, below).
  const text = Object.entries(key).some(([field, dir]) => dir === 'text' || field === '_fts');
  if (!text) {
    for (const [field, dir] of Object.entries(key)) {
      if (typeof dir === 'string') throw notImplemented(`index type '${dir}' on field '${field}' is not supported by the embedded server`);
      if (typeof dir !== 'number' || (dir !== 1 && dir !== -1)) throw badValue(`Values in the index key pattern can only be 1 or -1, found ${String(dir)} for '${field}'`);
    }
  }
  if (typeof raw.name !== 'string' || !raw.name) throw failedToParse("The 'name' field is a required property of an index specification");
  if (Object.keys(key).length > 32) throw new CommandError(13103, 'Location13103', `too many fields in index key pattern: ${Object.keys(key).length} (at most 32)`);
  // The _id index exists already; asked for again it takes no options that would change it.
  if (JSON.stringify(key) === '{"_id":1}') {
    for (const option of ['unique', 'sparse', 'partialFilterExpression', 'expireAfterSeconds']) {
      if (option in raw) throw invalidIndexSpecificationOption(`The field '${option}' is not valid for an _id index specification. Specification: ${JSON.stringify(raw)}`);
    }
  }
  const spec: IndexSpec = text ? textIndexSpec({ ...raw, name: raw.name, key }) : { ...raw, name: raw.name, key: key as IndexSpec['key'] };
  delete spec.v;
  if (spec.partialFilterExpression && spec.sparse) throw badValue('cannot mix "partialFilterExpression" and "sparse" options');
  if ('expireAfterSeconds' in spec) {
    const after = spec.expireAfterSeconds;
    if (typeof after !== 'number' || !Number.isFinite(after) || after < 0 || after > 2147483647) throw invalidIndexSpecificationOption(`TTL index 'expireAfterSeconds' option must be within an acceptable range [0, 2147483647], found ${String(after)}`);
    if (Object.keys(spec.key).length !== 1) throw invalidIndexSpecificationOption(`TTL indexes are single-field indexes, compound indexes do not support TTL. Index spec: ${JSON.stringify(raw)}`);
    if ('_id' in spec.key) throw invalidIndexSpecificationOption('The field \'expireAfterSeconds\' is not valid for an _id index specification.');
  }
  return spec;
}

/** The users of a server started with authentication. */
function usersOf(ctx: ServerContext): UserRegistry {
  if (!ctx.users) throw new CommandError(334, 'MechanismUnavailable', 'authentication is not enabled on this server');
  return ctx.users;
}

/** A hint must name an existing index (by name or key pattern), or $natural. */
function checkHint(coll: Collection | undefined, hint: unknown) {
  if (hint === undefined || hint === null || !coll) return;
  if (typeof hint === 'object' && '$natural' in (hint as Doc)) return;
  const specs = coll.indexSpecs();
  const known = typeof hint === 'string' ? specs.some((s) => s.name === hint) : specs.some((s) => JSON.stringify(s.key) === JSON.stringify(hint));
  if (!known) throw badValue('error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index');
}

/** The documents a find command answers, sorted, sliced and projected. */
function findDocs(cmd: Doc, db: string, ctx: ServerContext): Doc[] {
  const name = collectionName(cmd, 'find');
  const coll = ctx.store.collection(db, name);
  const filter = (cmd.filter ?? {}) as Doc;
  const sort = cmd.sort as Doc | undefined;
  const projection = cmd.projection as Doc | undefined;
  const skip = num(cmd.skip, 0);
  const limit = Math.abs(num(cmd.limit, 0));
  checkHint(coll, cmd.hint);
  if (hasText(filter)) {
    if (!coll) throw indexNotFound(`text index required for $text query (no such collection '${db}.${name}')`);
    const matches = coll.find(filter, { collation: cmd.collation });
    return scoredFind(matches, sort, projection, (docs, s) => sortAndSlice(docs, { ...cmd, sort: s }), (docs, p) => project(docs, p));
  }
  if (mentionsTextScore(sort) || mentionsTextScore(projection)) throw noTextScore();
  if (cmd.showRecordId) throw new CommandError(115, 'CommandNotSupported', 'showRecordId is not supported by the embedded server (it keeps no record ids)');
  let docs: Doc[];
  if (cmd.min !== undefined || cmd.max !== undefined) {
    const index = coll ? hintedIndex(coll, cmd.hint) : undefined;
    const bounded = withinKeyBounds(coll ? coll.find(filter, { collation: cmd.collation }) : [], coll ? index : ID_INDEX, cmd.min, cmd.max);
    docs = sortAndSlice(bounded, sort ? cmd : { ...cmd, sort: undefined });
  } else {
    // A hinted sparse or partial index answers with the documents it holds, as MongoDB's does.
    const hinted = coll ? hintedIndex(coll, cmd.hint) : undefined;
    const index = hinted ? coll?.indexes.get(hinted.name) : undefined;
    const partial = index && !index.complete ? index : undefined;
    const walked = coll && sort && !('$natural' in sort) && skip >= 0 && !partial ? coll.findOrdered(filter, sort, limit ? skip + limit : Infinity, { collation: cmd.collation }) : undefined;
    const matches = walked ? [] : coll ? coll.find(filter, { collation: cmd.collation }) : [];
    docs = walked ? walked.slice(skip) : sortAndSlice(partial ? matches.filter((d) => partial.holds(d)) : matches, cmd);
  }
  // returnKey: the key in the index that answered (the hinted one, else the planner's).
  if (cmd.returnKey) return asIndexKeys(docs, coll ? (hintedIndex(coll, cmd.hint) ?? coll.lastPlan.index ?? (coll.lastPlan.stage === 'IDHACK' ? ID_INDEX : undefined)) : undefined);
  return project(docs, projection, { collation: cmd.collation }, filter);
}

/** The documents of a leading {$match}, {$sort}, {$limit} read by an index walk, if one serves the sort. */
function walkedPage(coll: Collection, stages: Doc[], collation: unknown): Doc[] | undefined {
  const sort = stages[1]?.$sort;
  const limit = stages[2]?.$limit;
  if (!isPlainObject(sort) || !Object.values(sort).every((d) => d === 1 || d === -1)) return undefined;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) return undefined;
  return coll.findOrdered(stages[0].$match as Doc, sort, limit, { collation });
}

function sortAndSlice(docs: Doc[], cmd: Doc): Doc[] {
  // A hint of {$natural: -1} without a sort reads backwards too.
  const hint = cmd.hint as Doc | undefined;
  const sort = (cmd.sort as Doc | undefined) ?? (hint && typeof hint === 'object' && '$natural' in hint ? hint : undefined);
  let out = docs;
  // $natural is insertion order (the store keeps documents in it); -1 reverses it.
  if (sort && Object.keys(sort).length === 1 && '$natural' in sort) out = Number(sort.$natural) < 0 ? [...out].reverse() : out;
  else if (sort && Object.keys(sort).length) out = sortDocs(out, sort, collationComparator(cmd.collation), num(cmd.limit, 0) ? num(cmd.skip, 0) + Math.abs(num(cmd.limit, 0)) : undefined);
  const skip = num(cmd.skip, 0);
  const limit = Math.abs(num(cmd.limit, 0));
  if (skip < 0) throw badValue('skip value must be non-negative');
  if (skip || limit) out = out.slice(skip, limit ? skip + limit : undefined);
  return out;
}

function cursorReply(ctx: ServerContext, conn: ConnectionInfo, ns: string, docs: Doc[], cursor: Doc | undefined): Doc {
  return { cursor: ctx.cursors.open(ns, docs, cursor?.batchSize as number | undefined, conn.id), ok: 1 };
}

/** A command on a collection created with a collation uses it wherever the command gives none, as MongoDB's. */
function withDefaultCollation(ctx: ServerContext, cmd: Doc, db: string, name: string) {
  const target = cmd[name];
  const collation = typeof target === 'string' ? ctx.store.collection(db, target)?.options.collation : undefined;
  if (!collation) return;
  const statements = (list: unknown) => (Array.isArray(list) ? list.filter(isPlainObject) : []);
  switch (name.toLowerCase()) {
    case 'find':
    case 'count':
    case 'distinct':
    case 'aggregate':
    case 'findandmodify':
      cmd.collation ??= collation;
      break;
    case 'update':
      for (const st of statements(cmd.updates)) st.collation ??= collation;
      break;
    case 'delete':
      for (const st of statements(cmd.deletes)) st.collation ??= collation;
      break;
    case 'createindexes':
      for (const spec of statements(cmd.indexes)) spec.collation ??= collation;
      break;
  }
}

/** Runs one command and returns its reply; its writes are durable when this resolves. */
export async function runCommand(ctx: ServerContext, conn: ConnectionInfo, cmd: Doc): Promise<Doc> {
  const name = Object.keys(cmd)[0];
  let reply: Doc;
  let txn: Transaction | undefined;
  try {
    ctx.store.checkHealthy();
    if (!name) throw commandNotFound('no command given');
    const lower = name.toLowerCase();
    if (ctx.users && !conn.auth.user && !BEFORE_AUTH.has(lower)) throw unauthorized(`Command ${name} requires authentication`);
    if (cmd.collation !== undefined) normalizeCollation(cmd.collation); // an unknown locale is refused before anything runs
    const handler = handlers[lower];
    if (!handler || (name !== lower && !CASED_NAMES.has(name))) throw commandNotFound(`no such command: '${name}'`);
    checkFieldTypes(name, cmd);
    const db = typeof cmd.$db === 'string' ? cmd.$db : 'test';
    withDefaultCollation(ctx, cmd, db, name);
    ctx.usage.count(lower, cmd);
    txn = ctx.transactions.transactionFor(cmd, name);
    const started = process.hrtime.bigint();
    reply = txn ? inTransaction(ctx, conn, txn, handler, cmd, db, lower) : retryable(ctx, conn, handler, cmd, db, name);
    const target = lower === 'getmore' ? cmd.collection : cmd[name];
    if (typeof target === 'string' && target) ctx.usage.record(`${db}.${target}`, lower, Number((process.hrtime.bigint() - started) / 1000n));
  } catch (e) {
    // A refusal is MongoDB's answer; anything else is the store's own fault, logged with
    // where it happened (the command's name, never its documents).
    if (!(e instanceof CommandError)) ctx.log('error', `command ${name ?? '(none)'} failed inside the embedded store: ${(e as Error)?.stack ?? String(e)}`);
    reply = errorReply(e);
    if (txn) reply = ctx.transactions.afterCommand(txn, reply);
  }
  // Even a failed command may have written (an ordered insert stops at its first error).
  try {
    await ctx.store.commit();
  } catch (e) {
    return { ok: 0, errmsg: `journal write failed: ${(e as Error).message}`, code: 1, codeName: 'InternalError' };
  }
  return reply;
}

/** A command inside a transaction: against its view, or its commit or abort. */
function inTransaction(ctx: ServerContext, conn: ConnectionInfo, txn: Transaction, handler: Handler, cmd: Doc, db: string, name: string): Doc {
  if (name === 'committransaction') return ctx.transactions.commit(txn);
  if (name === 'aborttransaction') return ctx.transactions.abort(txn);
  return ctx.transactions.afterCommand(txn, handler(cmd, db, { ...ctx, store: ctx.transactions.view(txn) }, conn));
}

/** A write with a session's txnNumber runs once: a retry gets the first reply. */
function retryable(ctx: ServerContext, conn: ConnectionInfo, handler: Handler, cmd: Doc, db: string, name: string): Doc {
  const first = ctx.transactions.retried(cmd, name);
  if (first) return first;
  const reply = handler(cmd, db, ctx, conn);
  ctx.transactions.remember(cmd, name, reply);
  return reply;
}

/** Command names as MongoDB spells them (it matches them case-sensitively). */
const CASED_NAMES = new Set([
  'isMaster', 'buildInfo', 'getParameter', 'getCmdLineOpts', 'replSetGetStatus', 'replSetGetConfig', 'usersInfo', 'rolesInfo', 'getLog', 'hostInfo', 'whatsmyuri', 'connectionStatus',
  'serverStatus', 'setParameter', 'renameCollection', 'saslStart', 'saslContinue', 'endSessions', 'commitTransaction', 'abortTransaction', 'listDatabases', 'listCollections',
  'dropDatabase', 'collMod', 'collStats', 'getMore', 'killCursors', 'findAndModify', 'createIndexes', 'listIndexes', 'dropIndexes', 'dbStats', 'dbHash',
  'buildinfo',
]);

export function errorReply(e: unknown): Doc {
  if (e instanceof CommandError) return { ok: 0, errmsg: e.message, code: e.code, codeName: e.codeName, ...e.extra };
  return { ok: 0, errmsg: (e as Error)?.message ?? String(e), code: 1, codeName: 'InternalError' };
}
