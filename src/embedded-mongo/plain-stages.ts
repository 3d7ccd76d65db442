// The pipeline stages an application sends most, run directly on the documents: projections
// of field paths, $unwind of a top-level field, and $lookup by equality of top-level fields.
// Their shapes are checked first; any other shape (expressions, options) goes to the general
// implementation. Each builds new documents and never changes its input.
import { Lazy, type Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { isObjectId, type Doc } from './bson.js';
import { canonicalKey, cloneValue, isSubdocument } from './values.js';

type Stage = (coll: Iterator, expr: never, options: Options) => Iterator;

const isFieldName = (s: string) => s.length > 0 && !s.startsWith('$');

/** Projected paths as a tree: a leaf is `true`; `a.b` and `a.c` share the node `a`. */
type PathTree = Map<string, PathTree | true>;

function pathTree(paths: string[]): PathTree | undefined {
  const root: PathTree = new Map();
  for (const path of paths) {
    const parts = path.split('.');
    if (!parts.every(isFieldName)) return undefined;
    let node = root;
    for (const [i, part] of parts.entries()) {
      const next = node.get(part);
      if (next === true) return undefined; // `a` and `a.b` together: a path collision, MongoDB refuses it
      if (i === parts.length - 1) {
        if (next) return undefined;
        node.set(part, true);
      } else if (next) node = next;
      else node.set(part, (node = new Map()));
    }
  }
  return root;
}

/** The included paths of a value; undefined when nothing of it is kept (a scalar under `a.b`). */
function included(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) return value.flatMap((e) => (Array.isArray(e) || isSubdocument(e) ? [included(e, tree)] : []));
  if (!isSubdocument(value)) return undefined;
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const sub = tree.get(key);
    if (!sub) continue;
    const v = sub === true ? value[key] : included(value[key], sub);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A value without the excluded paths (elements of arrays that are not documents stay). */
function excluded(value: unknown, tree: PathTree): unknown {
  if (Array.isArray(value)) return value.map((e) => excluded(e, tree));
  if (!isSubdocument(value)) return value;
  const out: Doc = {};
  for (const key of Object.keys(value)) {
    const sub = tree.get(key);
    if (sub === true) continue;
    out[key] = sub ? excluded(value[key], sub) : value[key];
  }
  return out;
}

/**
 * A projection of field paths only (`{a: 1, 'b.c': 1}` or `{a: 0}`, with `_id` either way),
 * as MongoDB applies it: kept fields in the document's order, through arrays of documents.
 * Undefined for anything else ($slice, $elemMatch, expressions, mixed modes).
 */
export function plainProjection(spec: Doc): ((doc: Doc) => Doc) | undefined {
  const entries = Object.entries(spec);
  if (!entries.length || !entries.every(([, v]) => v === 0 || v === 1 || v === true || v === false)) return undefined;
  const include = (v: unknown) => v === 1 || v === true;
  const fields = entries.filter(([k]) => k !== '_id');
  const idKept = !('_id' in spec) || include(spec._id);
  const inclusion = fields.length ? include(fields[0][1]) : idKept; // {_id: 1} alone keeps only _id
  if (fields.some(([, v]) => include(v) !== inclusion)) return undefined;
  const tree = pathTree(fields.map(([k]) => k));
  if (!tree || [...tree.keys()].includes('_id')) return undefined;
  if (inclusion) {
    if (idKept) tree.set('_id', true);
    return (doc) => included(doc, tree) as Doc;
  }
  if (!idKept) tree.set('_id', true);
  return (doc) => excluded(doc, tree) as Doc;
}

/** $project of field paths; anything else to the general stage. */
export function plainProjectStage(base: Stage): Stage {
  return (coll, expr, options) => {
    const project = expr && typeof expr === 'object' ? plainProjection(expr as Doc) : undefined;
    return project ? coll.map((doc) => project(doc as Doc)) : base(coll, expr, options);
  };
}

/** Whether an $unwind is of a top-level field, with no option but preserveNullAndEmptyArrays. */
export function isPlainUnwind(expr: unknown): boolean {
  const spec = (typeof expr === 'string' ? { path: expr } : expr) as Doc | null;
  if (!spec || typeof spec !== 'object') return false;
  const { path, preserveNullAndEmptyArrays: preserve } = spec;
  return typeof path === 'string' && path.startsWith('$') && isFieldName(path.slice(1)) && !path.includes('.') && Object.keys(spec).every((k) => k === 'path' || k === 'preserveNullAndEmptyArrays') && (preserve === undefined || typeof preserve === 'boolean');
}

/**
 * $unwind of a top-level field: one document per element of an array; a value that is not an
 * array is kept as it is; missing, null and [] give nothing, or with preserveNullAndEmptyArrays
 * the document itself (without the field, for []).
 */
export function plainUnwindStage(base: Stage): Stage {
  return (coll, expr, options) => {
    const spec = (typeof expr === 'string' ? { path: expr } : expr) as Doc | null;
    const preserve = spec?.preserveNullAndEmptyArrays;
    // The general stage writes into its input (the index field, a removed empty array): it gets copies.
    if (!isPlainUnwind(expr)) return base(coll.map(cloneValue), expr, options);
    const field = (spec!.path as string).slice(1);
    return coll.transform((docs) => {
      const out: Doc[] = [];
      for (const doc of docs as Doc[]) {
        const v = doc[field];
        if (Array.isArray(v) && v.length) for (const e of v) out.push({ ...doc, [field]: e });
        else if (v !== undefined && v !== null && !Array.isArray(v)) out.push(doc);
        else if (preserve) {
          if (!Array.isArray(v)) out.push(doc);
          else {
            const rest = { ...doc };
            delete rest[field];
            out.push(rest);
          }
        }
      }
      return Lazy(out);
    });
  };
}

/** The equality keys a top-level foreign field offers: null for missing or null, each element of an array. */
function foreignKeys(v: unknown): string[] {
  if (v === undefined || v === null) return [canonicalKey(null)];
  if (!Array.isArray(v)) return [canonicalKey(v)];
  // An array matches its elements and, as a whole, an equal array (left to the general stage).
  return [...new Set(v.map(canonicalKey))];
}

/** Whether a $lookup joins by equality of top-level fields, with no pipeline. */
export function isPlainLookup(expr: unknown): boolean {
  if (!expr || typeof expr !== 'object') return false;
  const { localField, foreignField, as, from } = expr as Doc;
  const topLevel = (f: unknown) => typeof f === 'string' && isFieldName(f) && !f.includes('.');
  return Object.keys(expr).sort().join(',') === 'as,foreignField,from,localField' && typeof from === 'string' && topLevel(localField) && topLevel(foreignField) && topLevel(as);
}

/**
 * Where a $lookup finds its foreign documents: the whole collection, and, where an index on
 * the foreign field answers, the documents whose field equals one of some values (undefined
 * when no index does; scanning for each input document would cost more than one hash join).
 */
export type CollectionSource = ((name: string) => Doc[]) & {
  matching?: (name: string, field: string, values: unknown[]) => Doc[] | undefined;
};

/** Values an equality `$in` matches exactly as $lookup's join does (no arrays, documents or patterns). */
const isJoinKey = (v: unknown) => v === null || v === undefined || typeof v !== 'object' || v instanceof Date || isObjectId(v);

/**
 * $lookup with localField and foreignField, both top-level fields, and no pipeline. Where an
 * index on the foreign field answers, each document's values are looked up in it (what an
 * application's joins by _id are); otherwise a hash join, matches in the foreign collection's
 * order, and a document whose local value is an array goes to the general stage.
 */
export function plainLookupStage(base: Stage): Stage {
  return (coll, expr, options) => {
    if (!isPlainLookup(expr)) return base(coll, expr, options);
    const { localField, foreignField, as, from } = expr as Record<string, string>;
    const source = options.collectionResolver as CollectionSource | undefined;
    let byKey: Map<string, number[]> | undefined;
    let foreign: Doc[] = [];
    const hashJoin = (local: unknown) => {
      if (!byKey) {
        byKey = new Map();
        foreign = (source?.(from) ?? []) as Doc[];
        foreign.forEach((doc, i) => {
          for (const key of foreignKeys(doc[foreignField])) {
            const list = byKey!.get(key);
            if (list) list.push(i);
            else byKey!.set(key, [i]);
          }
        });
      }
      return (byKey.get(canonicalKey(local)) ?? []).map((i) => foreign[i]);
    };
    return coll.transform((docs) =>
      Lazy(
        (docs as Doc[]).map((doc) => {
          const local = doc[localField];
          // A missing local value joins as null, and an array by each of its elements.
          const values = Array.isArray(local) ? local : [local ?? null];
          const indexed = values.every(isJoinKey) ? source?.matching?.(from, foreignField, values) : undefined;
          if (indexed) return { ...doc, [as]: indexed };
          if (Array.isArray(local)) return base(Lazy([doc]), expr, options).collect()[0] as Doc;
          return { ...doc, [as]: hashJoin(local) };
        }),
      ),
    );
  };
}

/** Pipelines made only of these stages never modify their input documents. */
const READ_ONLY_STAGES = new Set(['$match', '$sort', '$limit', '$skip', '$group', '$count', '$project', '$sortByCount', '$bucket', '$bucketAuto', '$unwind', '$lookup']);

/** Whether a pipeline leaves its input documents untouched (so they need no copy). */
export function readOnly(stages: Doc[]): boolean {
  return stages.every((s) => {
    const op = Object.keys(s ?? {})[0];
    if (op === '$facet') return Object.values((s.$facet as Record<string, Doc[]>) ?? {}).every((sub) => Array.isArray(sub) && readOnly(sub));
    if (op === '$lookup') {
      const pipeline = (s.$lookup as Doc | null)?.pipeline;
      return !Array.isArray(pipeline) || readOnly(pipeline as Doc[]);
    }
    return READ_ONLY_STAGES.has(op);
  });
}
