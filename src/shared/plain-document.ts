// A new document our own service composed, put in the form mongoose would store it without
// building a mongoose document: _id, the discriminator's value, defaults, timestamps and the
// version key added, undefined fields dropped, empty subdocuments minimized, fields outside the
// schema left out, and the schema's required and enum rules checked. Building and validating a
// mongoose document cost an import ~0.3 ms a record, most of a commit's CPU.
//
// It applies only where every value is already in the form mongoose would cast it to (a
// string for a String, an ObjectId for an ObjectId, a finite number, a valid Date...) and the
// schema asks nothing it does not check (custom validators, min/max, function defaults,
// nested paths): anywhere else it answers null and the caller builds the document with
// mongoose. test/shared/plain-document.test.ts holds both ways equal for every model that
// inserts through it.
import { Types, type Schema, type SchemaType } from 'mongoose';

/** Whether a value is in stored form (and valid) for one path; null/undefined are handled apart. */
type Accepts = (value: unknown) => boolean;

interface PathPlan {
  path: string;
  accepts: Accepts;
  /** A subdocument's (or each array element's) own plan. */
  nested?: Plan;
  /** The value given when the document has none: [] for arrays, a schema constant otherwise. */
  fallback?: () => unknown;
  required?: true | ((this: Record<string, unknown>) => boolean);
  /** A required String must also be non-empty, as mongoose checks it. */
  nonEmpty: boolean;
}

interface Plan {
  paths: PathPlan[];
  id: boolean;
  /** createdAt and updatedAt, as `timestamps: true` names them. */
  timestamps: boolean;
}

const SIMPLE_VALIDATORS = new Set(['required', 'enum']);
const plans = new WeakMap<Schema, Plan | null>();

/** Other types (Mixed, Decimal128, Buffer...) are left to mongoose whenever a value is given. */
function acceptsScalar(type: SchemaType): Accepts {
  const enumValues = (type as unknown as { enumValues?: string[] }).enumValues;
  switch (type.instance) {
    case 'String': {
      if (enumValues?.length) {
        const allowed = new Set(enumValues);
        return (v) => typeof v === 'string' && allowed.has(v);
      }
      return (v) => typeof v === 'string';
    }
    case 'Number':
      return (v) => typeof v === 'number' && !Number.isNaN(v);
    case 'Boolean':
      return (v) => typeof v === 'boolean';
    case 'Date':
      return (v) => v instanceof Date && !Number.isNaN(v.getTime());
    case 'ObjectId':
    case 'ObjectID':
      return (v) => v instanceof Types.ObjectId;
    default:
      return () => false;
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

function pathPlan(path: string, type: SchemaType): PathPlan | null {
  const validators = (type as unknown as { validators: { type?: string }[] }).validators;
  if (validators.some((v) => !SIMPLE_VALIDATORS.has(v.type ?? ''))) return null;
  const options = type.options as { default?: unknown };
  const required = (type as unknown as { isRequired?: boolean; originalRequiredValue?: unknown }).isRequired
    ? ((type as unknown as { originalRequiredValue: true | ((this: Record<string, unknown>) => boolean) }).originalRequiredValue)
    : undefined;
  if (required !== undefined && required !== true && typeof required !== 'function') return null;
  const base = { path, required, nonEmpty: type.instance === 'String' };
  const schema = (type as unknown as { schema?: Schema }).schema;
  if (type.instance === 'Embedded' && schema) {
    const nested = planOf(schema);
    if (!nested || options.default !== undefined) return null;
    return { ...base, nested, accepts: isPlainObject };
  }
  if (type.instance === 'Array') {
    const fallback = options.default === undefined || (Array.isArray(options.default) && options.default.length === 0) ? () => [] : null;
    if (!fallback) return null;
    if (schema) {
      const nested = planOf(schema);
      return nested ? { ...base, nested, fallback, accepts: (v) => Array.isArray(v) && v.every(isPlainObject) } : null;
    }
    const element = (type as unknown as { embeddedSchemaType?: SchemaType }).embeddedSchemaType;
    if (!element) return null;
    const accepts = acceptsScalar(element);
    return { ...base, fallback, accepts: (v) => Array.isArray(v) && v.every(accepts) };
  }
  // A function default (other than an array's) is mongoose's to call.
  if (typeof options.default === 'function') return null;
  const value = options.default;
  return { ...base, accepts: acceptsScalar(type), fallback: value === undefined ? undefined : () => value };
}

function planOf(schema: Schema): Plan | null {
  if (plans.has(schema)) return plans.get(schema)!;
  const options = schema.options as { timestamps?: unknown; strict?: unknown; _id?: boolean; minimize?: boolean };
  // In the order of the schema's definition, as mongoose sets a new document's fields (the
  // audit entry of a new record lists its fields in that order).
  const tree = Object.keys((schema as unknown as { tree: object }).tree);
  const position = (name: string) => (tree.includes(name) ? tree.indexOf(name) : tree.length);
  const names = Object.keys(schema.paths).sort((a, b) => position(a) - position(b));
  const simple = options.strict !== false && options.minimize !== false && !names.some((n) => n.includes('.')) && (options.timestamps === undefined || typeof options.timestamps === 'boolean');
  const paths = simple ? names.filter((n) => n !== '_id').map((n) => pathPlan(n, schema.paths[n])) : [];
  const plan = simple && paths.every((p) => p !== null) ? { paths: paths as PathPlan[], id: options._id !== false && '_id' in schema.paths, timestamps: options.timestamps === true } : null;
  plans.set(schema, plan);
  return plan;
}

/** `doc` in stored form by `plan`, or null when some value is not (the caller uses mongoose). */
function build(plan: Plan, doc: Record<string, unknown>, now: Date): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  if (plan.id) {
    const id = doc._id ?? new Types.ObjectId();
    if (!(id instanceof Types.ObjectId)) return null;
    out._id = id;
  }
  for (const p of plan.paths) {
    let value = doc[p.path];
    if (value === undefined && p.fallback) value = p.fallback();
    if (value !== undefined && value !== null) {
      if (!p.accepts(value)) return null;
      if (p.nested) {
        const nested = p.nested;
        if (Array.isArray(value)) {
          const items = value.map((item) => build(nested, item as Record<string, unknown>, now));
          if (items.includes(null)) return null;
          value = items;
        } else {
          const built = build(nested, value as Record<string, unknown>, now);
          if (!built) return null;
          // mongoose minimizes an empty subdocument away.
          value = Object.keys(built).length ? built : undefined;
        }
      }
    }
    if (p.required && (p.required === true || p.required.call(doc))) {
      if (value === undefined || value === null || (p.nonEmpty && value === '')) return null;
    }
    if (value !== undefined) out[p.path] = value;
  }
  if (plan.timestamps) {
    out.createdAt ??= doc.createdAt ?? now;
    out.updatedAt ??= doc.updatedAt ?? now;
  }
  return out;
}

/**
 * `doc` as a new document of the model with `schema` (discriminator key included), or null
 * when mongoose must build it. Neither stamps the institution nor sets the version key: the
 * caller does both.
 */
export function plainDocument(schema: Schema, doc: Record<string, unknown>): Record<string, unknown> | null {
  const plan = planOf(schema);
  return plan && build(plan, doc, new Date());
}
