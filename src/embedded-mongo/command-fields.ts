// The types of the command fields the handlers read, checked before a handler runs, with
// the error mongod's command parser gives (code 14). Without it a string where a document
// belongs reached the handler and failed inside it.
import { bsonTypeName, isPlainObject, type Doc } from './bson.js';
import { typeMismatch } from './errors.js';

type Expected = 'object' | 'array' | 'string' | 'number' | 'bool';

const FIELDS: Record<string, Record<string, Expected[]>> = {
  find: { filter: ['object'], sort: ['object'], projection: ['object'], skip: ['number'], limit: ['number'], batchSize: ['number'], let: ['object'] },
  count: { query: ['object'], skip: ['number'], limit: ['number'] },
  distinct: { query: ['object'] },
  findandmodify: { query: ['object'], sort: ['object'], update: ['object', 'array'], fields: ['object'], remove: ['bool'], new: ['bool'], upsert: ['bool'], arrayFilters: ['array'], let: ['object'] },
  aggregate: { let: ['object'] },
  killcursors: { cursors: ['array'] },
  createindexes: { indexes: ['array'] },
  getmore: { batchSize: ['number'] },
};

/** A value's type as mongod's messages name it. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (v instanceof Date) return 'date';
  const bson = bsonTypeName(v);
  if (bson) return bson === 'ObjectId' ? 'objectId' : bson.toLowerCase();
  return 'object';
}

const isNumeric = (v: unknown) => typeof v === 'number' || ['Long', 'Double', 'Int32', 'Decimal128'].includes(bsonTypeName(v) ?? '');

const holds: Record<Expected, (v: unknown) => boolean> = {
  object: isPlainObject,
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  number: isNumeric,
  // mongod's parser takes a number where it wants a bool.
  bool: (v) => typeof v === 'boolean' || isNumeric(v),
};

/** Refuses a command whose known fields have the wrong type, as mongod's parser does. */
export function checkFieldTypes(name: string, cmd: Doc): void {
  const fields = FIELDS[name.toLowerCase()];
  if (!fields) return;
  for (const [field, expected] of Object.entries(fields)) {
    const v = cmd[field];
    if (v === undefined || expected.some((e) => holds[e](v))) continue;
    throw typeMismatch(`BSON field '${name}.${field}' is the wrong type '${typeName(v)}', expected type '${expected.join(' or ')}'`);
  }
}
