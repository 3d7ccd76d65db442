// $out and $merge: a pipeline's last stage writes its results into a collection. Both are
// applied all or nothing (MongoDB leaves a failed $merge half-written; a store that never
// shows a write it then loses answers more strictly, never differently for a success).
import type { Doc } from './bson.js';
import { Collection } from './collection.js';
import { badValue, CommandError, failedToParse, immutableField, notImplemented } from './errors.js';
import type { Store } from './store.js';
import { canonicalKey, compareValues } from './values.js';

type WritableStore = Pick<Store, 'collection' | 'ensureCollection' | 'write' | 'atomically'>;

export const OUTPUT_STAGES = new Set(['$out', '$merge']);

/** Refuses an output stage anywhere but last, as MongoDB does (40601). */
export function checkOutputPlacement(pipeline: Doc[]) {
  pipeline.forEach((stage, i) => {
    const op = Object.keys(stage ?? {})[0];
    if (OUTPUT_STAGES.has(op) && i !== pipeline.length - 1) throw new CommandError(40601, 'Location40601', `${op} can only be the final stage in the pipeline`);
  });
}

function namespaceOf(spec: unknown, db: string, stage: string): { db: string; coll: string } {
  if (typeof spec === 'string' && spec) return { db, coll: spec };
  if (spec && typeof spec === 'object' && typeof (spec as Doc).coll === 'string') return { db: typeof (spec as Doc).db === 'string' ? ((spec as Doc).db as string) : db, coll: (spec as Doc).coll as string };
  throw failedToParse(`${stage} requires a collection name, or a document with 'db' and 'coll'`);
}

/** Writes the pipeline's results as the stage asks. */
export function writeOutput(store: WritableStore, db: string, stage: Doc, results: Doc[]) {
  if ('$out' in stage) return store.atomically(() => replaceWith(store, namespaceOf(stage.$out, db, '$out'), results));
  store.atomically(() => merge(store, db, stage.$merge, results));
}

/** $out: the target holds exactly the results; an existing target keeps its indexes and options. */
function replaceWith(store: WritableStore, ns: { db: string; coll: string }, results: Doc[]) {
  const existing = store.collection(ns.db, ns.coll);
  for (const doc of [...(existing?.docs.values() ?? [])]) store.write({ o: 'del', d: ns.db, c: ns.coll, id: doc._id });
  const target = store.ensureCollection(ns.db, ns.coll);
  for (const raw of results) {
    const doc = Collection.withId(raw);
    target.checkWrite(doc);
    store.write({ o: 'put', d: ns.db, c: ns.coll, doc });
  }
}

const WHEN_MATCHED = new Set(['replace', 'keepExisting', 'merge', 'fail']);
const WHEN_NOT_MATCHED = new Set(['insert', 'discard', 'fail']);

function merge(store: WritableStore, db: string, spec: unknown, results: Doc[]) {
  const options = (typeof spec === 'string' ? { into: spec } : spec) as Doc;
  if (!options || typeof options !== 'object') throw failedToParse('$merge requires a collection name or a specification document');
  const ns = namespaceOf(options.into, db, '$merge');
  const on = options.on === undefined ? ['_id'] : Array.isArray(options.on) ? (options.on as unknown[]) : [options.on];
  if (!on.length || on.some((f) => typeof f !== 'string' || !f)) throw failedToParse("$merge 'on' must be a field name or an array of field names");
  const whenMatched = options.whenMatched ?? 'merge';
  const whenNotMatched = options.whenNotMatched ?? 'insert';
  if (Array.isArray(whenMatched)) throw notImplemented('$merge with a whenMatched pipeline is not supported by the embedded server');
  if (!WHEN_MATCHED.has(whenMatched as string)) throw badValue(`Enumeration value '${String(whenMatched)}' for field 'whenMatched' is not a valid value.`);
  if (!WHEN_NOT_MATCHED.has(whenNotMatched as string)) throw badValue(`Enumeration value '${String(whenNotMatched)}' for field 'whenNotMatched' is not a valid value.`);
  const fields = on as string[];
  const existing = store.collection(ns.db, ns.coll);
  // Join fields other than _id must be backed by a unique index over exactly them.
  const byId = fields.length === 1 && fields[0] === '_id';
  if (!byId && !existing?.indexSpecs().some((s) => s.unique && sameFields(Object.keys(s.key), fields))) {
    throw new CommandError(51183, 'Location51183', 'Cannot find index to verify that join fields will be unique');
  }
  const target = store.ensureCollection(ns.db, ns.coll);
  for (const result of results) {
    const key: Doc = {};
    for (const f of fields) {
      const v = f === '_id' ? result._id : result[f];
      if (v === undefined || v === null || Array.isArray(v)) {
        if (f === '_id' && v === undefined) continue; // a result without _id matches nothing and gets one
        throw new CommandError(51132, 'Location51132', `$merge write error: 'on' field '${f}' cannot be missing, null, undefined or an array`);
      }
      key[f] = v;
    }
    const match = Object.keys(key).length === fields.length ? target.find(key)[0] : undefined;
    if (!match) {
      if (whenNotMatched === 'fail') throw new CommandError(13113, 'MergeStageNoMatchingDocument', "$merge could not find a matching document in the target collection for at least one document in the source collection");
      if (whenNotMatched === 'discard') continue;
      const doc = Collection.withId(result);
      target.checkWrite(doc);
      store.write({ o: 'put', d: ns.db, c: ns.coll, doc });
      continue;
    }
    if (whenMatched === 'keepExisting') continue;
    if (whenMatched === 'fail') throw new CommandError(11000, 'DuplicateKey', `$merge failed: a document in ${ns.db}.${ns.coll} matches on ${fields.join(', ')}`);
    if (result._id !== undefined && compareValues(result._id, match._id) !== 0) throw immutableField("$merge failed to update the matching document, did you attempt to modify the _id or the shard key? :: caused by :: Performing an update on the path '_id' would modify the immutable field '_id'");
    const { _id: _ignored, ...fieldsOf } = result;
    const doc = whenMatched === 'replace' ? { _id: match._id, ...fieldsOf } : { ...match, ...fieldsOf };
    target.checkWrite(doc, canonicalKey(match._id));
    store.write({ o: 'put', d: ns.db, c: ns.coll, doc });
  }
}

const sameFields = (a: string[], b: string[]) => a.length === b.length && a.every((f) => b.includes(f));

