// The errors MongoDB raises for an operator update before applying it, which mingo would
// otherwise let pass as a silent no-op: conflicting paths (40), arithmetic on a non-number
// (14), array operators on a non-array (2), a path through a scalar (28), an empty field
// name in a path (56).
import type { Doc } from './bson.js';
import { bsonTypeName } from './bson.js';
import { CommandError } from './errors.js';

const conflict = (path: string, at: string) => new CommandError(40, 'ConflictingUpdateOperators', `Updating the path '${path}' would create a conflict at '${at}'`);

const NUMERIC = new Set(['Int32', 'Long', 'Double', 'Decimal128']);
const isNumber = (v: unknown) => typeof v === 'number' || NUMERIC.has(bsonTypeName(v) ?? '');

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  const t = bsonTypeName(v);
  if (t) return t === 'ObjectId' ? 'objectId' : t.toLowerCase();
  return typeof v === 'object' ? 'object' : typeof v;
}

const idText = (doc: Doc) => `{_id: ${JSON.stringify(doc._id)}}`;

/**
 * Walks `path` in `doc`: the value there (undefined when missing), or a PathNotViable error
 * when a component would have to be created inside a scalar or null.
 */
function valueAt(doc: Doc, path: string): unknown {
  const parts = path.split('.');
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (cur === undefined) return undefined;
    const part = parts[i];
    if (part === '$' || part.startsWith('$[')) return undefined; // positional: resolved by the updater
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) throw new CommandError(28, 'PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1]}: ${JSON.stringify(cur).slice(0, 80)}}`);
      cur = cur[Number(part)];
      continue;
    }
    if (cur === null || typeof cur !== 'object' || cur instanceof Date || bsonTypeName(cur)) {
      throw new CommandError(28, 'PathNotViable', `Cannot create field '${part}' in element {${parts[i - 1]}: ${JSON.stringify(cur)}}`);
    }
    cur = (cur as Doc)[part];
  }
  return cur;
}

/** Throws MongoDB's error for an update that cannot apply to `doc`; `$setOnInsert` counts for conflicts always. */
export function checkOperatorUpdate(doc: Doc, modifier: Doc, isInsert: boolean) {
  const seen: { path: string; parts: string[] }[] = [];
  for (const [op, spec] of Object.entries(modifier)) {
    if (!spec || typeof spec !== 'object') continue;
    const paths = Object.keys(spec as Doc);
    if (op === '$rename') paths.push(...Object.values(spec as Doc).filter((v): v is string => typeof v === 'string'));
    for (const path of paths) {
      if (path === '') throw new CommandError(56, 'EmptyFieldName', 'An empty update path is not valid.');
      const parts = path.split('.');
      if (parts.includes('')) throw new CommandError(56, 'EmptyFieldName', `The update path '${path}' contains an empty field name, which is not allowed.`);
      for (const other of seen) {
        const n = Math.min(parts.length, other.parts.length);
        if (parts.slice(0, n).every((p, i) => p === other.parts[i])) throw conflict(path, other.parts.slice(0, n).join('.'));
      }
      seen.push({ path, parts });
    }
    if (op === '$setOnInsert' && !isInsert) continue;
    for (const [path, arg] of Object.entries(spec as Doc)) {
      if (op === '$unset' || op === '$rename' || op === '$pull' || op === '$pullAll' || op === '$pop') continue;
      const current = valueAt(doc, path);
      if (op === '$inc' || op === '$mul') {
        const verb = op === '$inc' ? 'increment' : 'multiply';
        if (!isNumber(arg)) throw new CommandError(14, 'TypeMismatch', `Cannot ${verb} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`);
        if (current !== undefined && !isNumber(current)) {
          throw new CommandError(14, 'TypeMismatch', `Cannot apply ${op} to a value of non-numeric type. ${idText(doc)} has the field '${path.split('.').pop()}' of non-numeric type ${typeName(current)}`);
        }
      }
      if ((op === '$push' || op === '$addToSet') && current !== undefined && !Array.isArray(current)) {
        throw new CommandError(2, 'BadValue', `The field '${path}' must be an array but is of type ${typeName(current)} in document ${idText(doc)}`);
      }
    }
  }
}
