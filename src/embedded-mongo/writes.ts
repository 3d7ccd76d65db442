// How one write statement turns into a new document: operator updates, replacements,
// pipeline updates, and the document an upsert inserts.
import { ObjectId, serialize, type Doc } from './bson.js';
import { aggregate, applyUpdate } from './engine.js';
import { badValue, failedToParse, immutableField } from './errors.js';
import { canonicalKey, cloneValue } from './values.js';

export interface UpdateSpec {
  update: unknown;
  arrayFilters?: Doc[];
  collation?: unknown;
  query: Doc;
}

const isOperatorUpdate = (u: Doc) => Object.keys(u).some((k) => k.startsWith('$'));

function checkReplacement(u: Doc) {
  const keys = Object.keys(u);
  if (keys.some((k) => k.startsWith('$')) && !keys.every((k) => k.startsWith('$'))) {
    throw failedToParse('Update document cannot mix operators and fields');
  }
}

function withIdFirst(doc: Doc, id: unknown): Doc {
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
}

/** The updated copy of `doc`; the stored original is never touched. */
export function updatedDocument(doc: Doc, spec: UpdateSpec, isInsert = false): Doc {
  const u = spec.update;
  let next: Doc;
  if (Array.isArray(u)) {
    next = aggregate([cloneValue(doc)], u as Doc[], { collation: spec.collation })[0] ?? {};
  } else if (u && typeof u === 'object') {
    checkReplacement(u as Doc);
    if (isOperatorUpdate(u as Doc)) {
      if (!isInsert && touchesId(u as Doc, doc)) throw immutableIdError();
      next = cloneValue(doc);
      applyUpdate(next, u as Doc, { arrayFilters: spec.arrayFilters, isInsert, condition: isInsert ? undefined : spec.query, collation: spec.collation });
    } else {
      const replacement = cloneValue(u as Doc);
      if ('_id' in replacement && '_id' in doc && canonicalKey(replacement._id) !== canonicalKey(doc._id)) throw immutableIdError();
      next = '_id' in doc ? withIdFirst(replacement, doc._id) : replacement;
    }
  } else {
    throw failedToParse('Update argument must be either an object or an array');
  }
  if ('_id' in doc && canonicalKey(next._id) !== canonicalKey(doc._id)) throw immutableIdError();
  if (!('_id' in next)) next = withIdFirst(next, '_id' in doc ? doc._id : new ObjectId());
  else if (Object.keys(next)[0] !== '_id') next = withIdFirst(next, next._id);
  if (Array.isArray(next._id)) throw badValue("can't use an array for _id");
  return next;
}

/** Whether an operator update would write to _id with a different value. */
function touchesId(u: Doc, doc: Doc): boolean {
  return Object.entries(u).some(([op, spec]) =>
    // A $rename writes to its targets as well as its sources.
    [...Object.keys((spec as Doc) ?? {}), ...(op === '$rename' ? Object.values((spec as Doc) ?? {}).filter((v) => typeof v === 'string') : [])].some((path) => {
      if (path !== '_id' && !path.startsWith('_id.')) return false;
      return !(op === '$set' && path === '_id' && canonicalKey((spec as Doc)._id) === canonicalKey(doc._id));
    }),
  );
}

function immutableIdError() {
  return immutableField("Performing an update on the path '_id' would modify the immutable field '_id'");
}

/** The equality part of a query, as the starting document of an upsert. */
export function upsertSeed(query: Doc): Doc {
  const seed: Doc = {};
  const collect = (q: Doc) => {
    for (const [k, v] of Object.entries(q)) {
      if (k === '$and' && Array.isArray(v)) v.forEach((s) => collect(s as Doc));
      if (k.startsWith('$')) continue;
      const isOps = v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((x) => x.startsWith('$'));
      if (!isOps) setPath(seed, k, cloneValue(v));
      else if ('$eq' in (v as Doc)) setPath(seed, k, cloneValue((v as Doc).$eq));
    }
  };
  collect(query);
  return seed;
}

function setPath(doc: Doc, path: string, value: unknown) {
  const parts = path.split('.');
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (!cur[p] || typeof cur[p] !== 'object') cur[p] = {};
    cur = cur[p] as Doc;
  }
  cur[parts[parts.length - 1]] = value;
}

/** The document an upsert inserts when nothing matched. */
export function upsertDocument(spec: UpdateSpec): Doc {
  const seed = upsertSeed(spec.query);
  const u = spec.update;
  if (u && typeof u === 'object' && !Array.isArray(u) && !isOperatorUpdate(u as Doc)) {
    checkReplacement(u as Doc);
    const replacement = cloneValue(u as Doc);
    const id = '_id' in replacement ? replacement._id : '_id' in seed ? seed._id : new ObjectId();
    return withIdFirst(replacement, id);
  }
  return updatedDocument(seed, spec, true);
}

export function sameDocument(a: Doc, b: Doc): boolean {
  return serialize(a).equals(serialize(b));
}
