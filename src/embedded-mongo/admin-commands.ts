// What mongosh and Compass send to browse a server: explain (an honest plan: which index,
// keys and documents examined), renameCollection, collMod (a TTL index's expiry), the
// $collStats stage behind db.coll.stats(), $indexStats (Compass's index usage) and dbHash.
// Only the query part of an explained write runs: nothing is written.
import { createHash } from 'node:crypto';
import { calculateSize, encodedDocument, Long, type Doc } from './bson.js';
import type { Collection, QueryPlan } from './collection.js';
import { CommandError, badValue, indexNotFound, invalidOptions, namespaceExists, namespaceNotFound, notImplemented, unauthorized } from './errors.js';
import { collectionUuid, SERVER_VERSION } from './commands.js';
import { compareValues } from './values.js';
import type { Store } from './store.js';

const EXPLAINABLE: Record<string, (inner: Doc) => Doc | undefined> = {
  find: (c) => c.filter as Doc | undefined,
  count: (c) => c.query as Doc | undefined,
  distinct: (c) => c.query as Doc | undefined,
  aggregate: (c) => ((c.pipeline as Doc[] | undefined)?.[0]?.$match as Doc | undefined) ?? {},
  delete: (c) => (c.deletes as Doc[] | undefined)?.[0]?.q as Doc | undefined,
  update: (c) => (c.updates as Doc[] | undefined)?.[0]?.q as Doc | undefined,
  findandmodify: (c) => c.query as Doc | undefined,
};

function planStage(plan: QueryPlan, filter: Doc, multikey: boolean): Doc {
  if (plan.stage === 'COLLSCAN') return { stage: 'COLLSCAN', filter, direction: 'forward' };
  if (plan.stage === 'IDHACK') return { stage: 'IDHACK' };
  return {
    stage: 'FETCH',
    filter,
    inputStage: { stage: 'IXSCAN', keyPattern: plan.index!.key, indexName: plan.index!.name, isMultiKey: multikey, isUnique: Boolean(plan.index!.unique), direction: 'forward' },
  };
}

/** Explains a command by running its query part: a find in full (`findDocs`), others' filters only. */
export function explain(cmd: Doc, db: string, store: Store, findDocs: (find: Doc) => Doc[]): Doc {
  const inner = cmd.explain as Doc;
  if (!inner || typeof inner !== 'object') throw badValue('explain command requires a nested object');
  const kind = Object.keys(inner)[0]?.toLowerCase();
  const filterOf = kind && Object.hasOwn(EXPLAINABLE, kind) ? EXPLAINABLE[kind] : undefined;
  if (!filterOf) throw notImplemented(`explain of ${Object.keys(inner)[0]} is not supported by the embedded server`);
  const name = String(inner[Object.keys(inner)[0]]);
  const verbosity = typeof cmd.verbosity === 'string' ? cmd.verbosity : 'allPlansExecution';
  const coll: Collection | undefined = store.collection(db, name);
  const filter = filterOf(inner) ?? {};
  const examinedBefore = coll?.docsExamined ?? 0;
  const t0 = Date.now();
  const docs = kind === 'find' ? findDocs(inner) : (coll?.find(filter, { collation: inner.collation }) ?? []);
  const plan = coll?.lastPlan ?? { stage: 'COLLSCAN', keysExamined: 0 };
  const multikey = Boolean(plan.index && Object.keys(plan.index.key).some((f) => coll?.indexes.get(plan.index!.name)?.multikeyFields.has(f)));
  const winningPlan = coll ? planStage(plan, filter, multikey) : { stage: 'EOF' };
  const reply: Doc = {
    explainVersion: '1',
    queryPlanner: { namespace: `${db}.${name}`, indexFilterSet: false, parsedQuery: filter, winningPlan, rejectedPlans: [] },
    command: inner,
    serverInfo: { host: 'embedded', version: SERVER_VERSION },
    ok: 1,
  };
  if (verbosity !== 'queryPlanner') {
    reply.executionStats = {
      executionSuccess: true,
      nReturned: docs.length,
      executionTimeMillis: Date.now() - t0,
      totalKeysExamined: plan.keysExamined,
      totalDocsExamined: (coll?.docsExamined ?? 0) - examinedBefore,
      executionStages: winningPlan,
    };
  }
  return reply;
}

/** renameCollection, as mongod: run against admin, full namespaces, dropTarget to replace. */
export function renameCollection(cmd: Doc, db: string, store: Store): Doc {
  if (db !== 'admin') throw unauthorized('renameCollection may only be run against the admin database.');
  const [from, to] = [cmd.renameCollection, cmd.to].map((ns) => (typeof ns === 'string' ? ns : ''));
  const split = (ns: string) => {
    const at = ns.indexOf('.');
    if (at < 1 || at === ns.length - 1) throw new CommandError(73, 'InvalidNamespace', `Invalid namespace specified '${ns}'`);
    return [ns.slice(0, at), ns.slice(at + 1)] as const;
  };
  const [fromDb, fromName] = split(from);
  const [toDb, toName] = split(to);
  const source = store.collection(fromDb, fromName);
  if (!source) throw namespaceNotFound(`Source collection ${from} does not exist`);
  if (from === to) throw new CommandError(20, 'IllegalOperation', "Can't rename a collection to itself");
  if (store.collection(toDb, toName)) {
    if (!cmd.dropTarget) throw namespaceExists('target namespace exists');
    store.write({ o: 'dc', d: toDb, c: toName });
  }
  // As journal operations: the new collection, its indexes, its documents, then the old one gone.
  store.write({ o: 'cc', d: toDb, c: toName, options: source.options });
  for (const index of source.indexes.values()) store.write({ o: 'ci', d: toDb, c: toName, spec: index.spec });
  for (const doc of source.docs.values()) store.write({ o: 'put', d: toDb, c: toName, doc });
  store.write({ o: 'dc', d: fromDb, c: fromName });
  return { ok: 1 };
}

/** Fields every command may carry, which collMod does not read. */
const GENERIC_FIELDS = new Set(['collMod', 'lsid', '$db', '$clusterTime', '$readPreference', 'writeConcern', 'comment', 'txnNumber', 'apiVersion', 'apiStrict', 'apiDeprecationErrors']);

/**
 * collMod: changes an index's expireAfterSeconds (making a single-field index a TTL index,
 * or changing its expiry). What the store cannot honour (validators, hidden or unique
 * conversions, views, time series) is refused, not accepted and ignored.
 */
export function collMod(cmd: Doc, db: string, store: Store): Doc {
  const name = cmd.collMod;
  if (typeof name !== 'string' || !name) throw new CommandError(73, 'InvalidNamespace', `collection name has invalid type ${typeof name}`);
  const coll = store.collection(db, name);
  if (!coll) throw namespaceNotFound(`ns does not exist: ${db}.${name}`);
  const options = Object.keys(cmd).filter((k) => !GENERIC_FIELDS.has(k));
  const unsupported = options.find((k) => k !== 'index');
  if (unsupported) throw notImplemented(`collMod '${unsupported}' is not supported by the embedded server`);
  if (cmd.index === undefined) return { ok: 1 };
  const change = cmd.index as Doc;
  if (!change || typeof change !== 'object') throw badValue("'index' must be a document");
  const other = Object.keys(change).find((k) => !['keyPattern', 'name', 'expireAfterSeconds'].includes(k));
  if (other) throw notImplemented(`collMod of an index's '${other}' is not supported by the embedded server`);
  if ((change.keyPattern === undefined) === (change.name === undefined)) throw invalidOptions('must specify exactly one of keyPattern or name in the index option');
  const index = [...coll.indexes.values()].find((i) => (change.name !== undefined ? i.spec.name === change.name : JSON.stringify(i.spec.key) === JSON.stringify(change.keyPattern)));
  if (!index) throw indexNotFound(`cannot find index ${change.name !== undefined ? String(change.name) : JSON.stringify(change.keyPattern)} for ns ${db}.${name}`);
  if (change.expireAfterSeconds === undefined) return { ok: 1 };
  const seconds = change.expireAfterSeconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) throw badValue('expireAfterSeconds must be a number >= 0');
  if (index.spec.name === '_id_' || Object.keys(index.spec.key).length !== 1) throw badValue('TTL indexes are single-field indexes, compound indexes do not support TTL');
  const before = index.spec.expireAfterSeconds;
  const spec = { ...index.spec, expireAfterSeconds: seconds };
  store.atomically(() => {
    store.write({ o: 'di', d: db, c: name, name: index.spec.name });
    store.write({ o: 'ci', d: db, c: name, spec });
  });
  return { ...(before === undefined ? {} : { expireAfterSeconds_old: before }), expireAfterSeconds_new: seconds, ok: 1 };
}

/** $indexStats: each index with its uses by queries since it was created or the server started. */
export function indexStats(coll: Collection | undefined, host: string): Doc[] {
  if (!coll) return [];
  return coll.indexSpecs().map(({ key, name, ...options }) => {
    const { ops, since } = coll.accessesOf(name);
    return { name, key, host, accesses: { ops: Long.fromNumber(ops), since }, spec: { v: 2, key, name, ...options } };
  });
}

/** The $collStats stage (storageStats, count): sizes as BSON bytes, as WiredTiger reports before compression. */
export function collStats(coll: Collection | undefined, spec: Doc, ns: string): Doc {
  const out: Doc = { ns, host: 'embedded', localTime: new Date() };
  const count = coll?.docs.size ?? 0;
  if (spec.count !== undefined) out.count = count;
  if (spec.storageStats !== undefined) {
    if (!coll) throw namespaceNotFound(`Unable to retrieve storageStats in $collStats stage :: caused by :: Collection [${ns}] not found.`);
    let size = 0;
    for (const doc of coll.docs.values()) size += calculateSize(doc);
    const indexSizes = Object.fromEntries(coll.indexSpecs().map((s) => [s.name, count * 16]));
    out.storageStats = {
      size,
      count,
      avgObjSize: count ? Math.round(size / count) : 0,
      storageSize: size,
      freeStorageSize: 0,
      capped: false,
      nindexes: coll.indexSpecs().length,
      indexSizes,
      totalIndexSize: Object.values(indexSizes).reduce((a, b) => a + b, 0),
      totalSize: size + Object.values(indexSizes).reduce((a, b) => a + b, 0),
      scaleFactor: 1,
    };
  }
  return out;
}

/**
 * dbHash: each collection's md5 over its documents' BSON in _id order, and one md5 over the
 * collections' names and hashes in name order, as MongoDB computes them (system collections
 * left out).
 */
export function dbHash(cmd: Doc, db: string, store: Store): Doc {
  const started = Date.now();
  const wanted = cmd.collections;
  if (wanted !== undefined && (!Array.isArray(wanted) || wanted.some((n) => typeof n !== 'string'))) throw badValue('collections field must be an array of strings');
  const names = [...(store.dbs.get(db)?.keys() ?? [])].filter((n) => !n.startsWith('system.') && (!wanted || (wanted as string[]).includes(n))).sort();
  const collections: Doc = {};
  const uuids: Doc = {};
  const whole = createHash('md5');
  for (const name of names) {
    const hash = createHash('md5');
    const docs = [...store.collection(db, name)!.docs.values()].sort((a, b) => compareValues(a._id, b._id));
    for (const doc of docs) hash.update(encodedDocument(doc));
    const digest = hash.digest('hex');
    collections[name] = digest;
    uuids[name] = collectionUuid(`${db}.${name}`);
    whole.update(name).update(digest);
  }
  return { host: 'embedded', collections, capped: [], uuids, md5: whole.digest('hex'), timeMillis: Date.now() - started, ok: 1 };
}
