import { isPlainObject, type Doc } from './bson.js';

// Stored documents repeat the same short strings (a level, a status, a department's code)
// thousands of times, each decoded into its own copy. Keeping one copy of each saves about a
// fifth of a stored document's memory; a stored document is never changed in place, so
// sharing its strings is safe.

/** Strings longer than this are names or text, seldom repeated. */
const MAX_INTERNED_LENGTH = 32;
/** When the pool holds this many strings it starts again (a bound, not a cache policy). */
const MAX_POOL_SIZE = 100_000;

let pool = new Map<string, string>();

function intern(s: string): string {
  if (s.length > MAX_INTERNED_LENGTH) return s;
  const kept = pool.get(s);
  if (kept !== undefined) return kept;
  if (pool.size >= MAX_POOL_SIZE) pool = new Map();
  pool.set(s, s);
  return s;
}

/** The pooled copy of a short string; arrays and plain objects are interned in place. */
function internValue(v: unknown): unknown {
  if (typeof v === 'string') return intern(v);
  if (v !== null && typeof v === 'object' && (Array.isArray(v) || isPlainObject(v))) internStrings(v as Doc | unknown[]);
  return v;
}

/** Replaces the document's short strings (at any depth) by the pooled copy of each. */
export function internStrings(value: Doc | unknown[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = internValue(value[i]);
    return;
  }
  for (const key in value) value[key] = internValue(value[key]);
}
