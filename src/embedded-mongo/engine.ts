// Query, update and aggregation semantics: mingo, with the operators where it differs
// from MongoDB replaced (sort order, ObjectId conversions and $type, concise $lookup).
// The base classes, not the 'mingo' entry point: that one merges its default operators
// over any given context, and the defaults would win over the replacements below.
import { Aggregator } from 'mingo/aggregator';
import { Query } from 'mingo/query';
import { update as mingoUpdate } from 'mingo/updater';
import { Context, ProcessingMode, evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import type { Options } from 'mingo/types';
import { ObjectId, bsonTypeName, isObjectId, isPlainObject, type Doc } from './bson.js';
import { badValue, failedToParse, CommandError } from './errors.js';
import { checkOperatorUpdate } from './update-checks.js';
import { checkedFilter } from './filter-checks.js';
import { applyOwnOperators } from './own-operators.js';
import { decimalArithmetic, decimalDivide, decimalMean, decimalMod, decimalOf, isDecimal } from './decimal.js';
import { containsTypedNumber, isTypedNumber, numbersCopy, typedArithmetic, typedNumbersSeen } from './numbers.js';
import { typeCondition } from './type-operator.js';
import { $indexOfCP, $modQuery, $round, withArgumentLists } from './operator-fixes.js';
import { canonicalKey, cloneValue, collatedKey, collationComparator, collationFold, compareValues, exactScalar, expressionPath, getPath, normalizeCollation, pathValues, sortDocs, type StringComparator } from './values.js';
import { isPlainLookup, isPlainUnwind, plainLookupStage, plainProjectStage, plainProjection, plainUnwindStage, readOnly } from './plain-stages.js';

type AnyOp = (...args: never[]) => unknown;
type Opts = Options;

const baseQuery = queryOps as unknown as Record<string, AnyOp>;
const baseExpr = expressionOps as unknown as Record<string, AnyOp>;
const basePipeline = pipelineOps as unknown as Record<string, AnyOp>;

const TYPE_ALIASES: Record<string, string> = { '7': 'objectId', objectid: 'objectId', '5': 'binData', bindata: 'binData' };

/** BSON types mingo does not recognise among the driver's classes. */
const DRIVER_TYPES: Record<string, (v: unknown) => boolean> = {
  objectId: (v) => isObjectId(v),
  binData: (v) => bsonTypeName(v) === 'Binary',
};

/** `$type` that knows ObjectId (mingo does not recognise the driver's class). */
function $typeQuery(selector: string, value: unknown, options: Opts) {
  const wanted = (Array.isArray(value) ? value : [value]).map((t) => TYPE_ALIASES[String(t).toLowerCase()] ?? t);
  const others = wanted.filter((t) => !(t in DRIVER_TYPES));
  const otherTest = others.length
    ? (baseQuery.$type as unknown as (s: string, v: unknown, o: Opts) => (doc: Doc) => boolean)(selector, others, options)
    : () => false;
  const driverTests = wanted.filter((t) => t in DRIVER_TYPES).map((t) => DRIVER_TYPES[t as string]);
  return (doc: Doc) => otherTest(doc) || (driverTests.length > 0 && pathValues(doc, selector).some((v) => driverTests.some((test) => test(v))));
}

function toObjectId(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (isObjectId(v)) return v;
  if (typeof v === 'string' && /^[0-9a-fA-F]{24}$/.test(v)) return new ObjectId(v);
  throw new CommandError(241, 'ConversionFailure', `Failed to parse objectId '${String(v)}' in $convert with no onError value`);
}

function withObjectIds(name: string, convert: (v: unknown) => unknown) {
  return (obj: Doc, expr: unknown, options: Opts) => {
    const val = evalExpr(obj, expr, options);
    if (isObjectId(val)) return convert(val);
    return (baseExpr[name] as unknown as (o: Doc, e: unknown, op: Opts) => unknown)(obj, expr, options);
  };
}

function $convert(obj: Doc, expr: Doc, options: Opts) {
  const input = evalExpr(obj, expr.input, options);
  const to = String(evalExpr(obj, expr.to, options));
  try {
    if (to === 'objectId' || to === '7') return toObjectId(input);
    if (isObjectId(input)) {
      if (to === 'string' || to === '2') return input.toHexString();
      if (to === 'date' || to === '9') return input.getTimestamp();
    }
  } catch (e) {
    if ('onError' in expr) return evalExpr(obj, expr.onError, options);
    throw e;
  }
  return (baseExpr.$convert as unknown as (o: Doc, e: Doc, op: Opts) => unknown)(obj, expr, options);
}

/** $sort in MongoDB's order: null/missing first, BSON type order, arrays by min/max. */
function $sort(coll: Iterator, spec: Doc, options: Opts): Iterator {
  if (!spec || typeof spec !== 'object' || !Object.keys(spec).length) throw badValue('$sort stage must have at least one sort key');
  const cmp = collationComparator(options.collation);
  return coll.transform((docs: unknown[]) => Lazy(sortDocs(docs, spec, cmp)));
}

/** Concise $lookup (localField/foreignField plus pipeline): join first, then the pipeline. */
function $lookup(coll: Iterator, expr: Doc, options: Opts): Iterator {
  const base = basePipeline.$lookup as unknown as (c: Iterator, e: Doc, o: Opts) => Iterator;
  const pipeline = expr.pipeline as unknown[] | undefined;
  if (!(expr.localField && expr.foreignField && pipeline?.length)) return base(coll, expr, options);
  const foreign = typeof expr.from === 'string' ? (options.collectionResolver?.(expr.from) ?? []) : (expr.from as Doc[]);
  const byKey = new Map<string, Doc[]>();
  for (const doc of foreign) {
    for (const v of new Set(pathValues(doc, String(expr.foreignField)).map(canonicalKey))) {
      const list = byKey.get(v) ?? [];
      list.push(doc);
      byKey.set(v, list);
    }
  }
  return coll.map((doc: Doc) => {
    const seen = new Set<Doc>();
    for (const v of pathValues(doc, String(expr.localField))) for (const d of byKey.get(canonicalKey(v)) ?? []) seen.add(d);
    const joined = { from: [...seen], let: expr.let, pipeline, as: expr.as };
    return base(Lazy([doc]), joined, options).collect()[0];
  });
}

/** $bucket with MongoDB's [lower, upper) buckets (mingo puts a boundary in the lower one). */
function $bucket(coll: Iterator, expr: Doc, options: Opts): Iterator {
  const boundaries = expr.boundaries as unknown[];
  if (!Array.isArray(boundaries) || boundaries.length < 2) throw badValue("$bucket requires 'boundaries' with at least 2 values");
  const hasDefault = 'default' in expr;
  const branches = boundaries.slice(0, -1).map((lower, i) => ({
    case: { $and: [{ $gte: [expr.groupBy, lower] }, { $lt: [expr.groupBy, boundaries[i + 1]] }] },
    then: lower,
  }));
  const id = { $switch: { branches, ...(hasDefault ? { default: expr.default } : {}) } };
  const group = { $group: { _id: id, ...((expr.output as Doc | undefined) ?? { count: { $sum: 1 } }) } };
  const rank = (bucketId: unknown) => {
    const i = boundaries.findIndex((b) => canonicalKey(b) === canonicalKey(bucketId));
    return i < 0 ? boundaries.length : i;
  };
  return coll.transform((docs: Doc[]) => {
    const out = translate(() => new Aggregator([group], options).run<Doc>(docs));
    return Lazy(out.sort((a, b) => rank(a._id) - rank(b._id)));
  });
}

type Expr = (doc: Doc) => unknown;

/**
 * Compiles the expressions $group commonly uses: field paths, constants, objects of them.
 * A missing field is undefined: an object leaves it out, as MongoDB's expressions do.
 */
function simpleExpr(e: unknown): Expr | null {
  if (typeof e === 'string') {
    if (e.startsWith('$$')) return null;
    if (e.startsWith('$')) {
      const path = e.slice(1);
      return (doc) => expressionPath(doc, path);
    }
    return () => e;
  }
  if (e === null || typeof e === 'number' || typeof e === 'boolean') return () => e;
  if (e && typeof e === 'object' && !Array.isArray(e) && Object.getPrototypeOf(e) === Object.prototype) {
    const entries = Object.entries(e as Doc);
    if (entries.some(([k]) => k.startsWith('$'))) return null;
    const compiled = entries.map(([k, v]) => [k, simpleExpr(v)] as const);
    if (compiled.some(([, f]) => !f)) return null;
    return (doc) => {
      const out: Doc = {};
      for (const [k, f] of compiled) {
        const v = f!(doc);
        if (v !== undefined) out[k] = v;
      }
      return out;
    };
  }
  return null;
}

type Accumulator = { init: () => unknown; add: (state: unknown, doc: Doc) => unknown; done?: (state: unknown) => unknown };

const isNumber = (v: unknown) => typeof v === 'number' || isDecimal(v);

function simpleAccumulator(spec: unknown, fold?: (s: string) => string): Accumulator | null {
  if (!spec || typeof spec !== 'object') return null;
  const [op, arg, ...rest] = [...Object.entries(spec as Doc)].flat();
  if (rest.length) return null;
  if (op === '$count') return { init: () => 0, add: (n) => (n as number) + 1 };
  const f = simpleExpr(arg);
  if (!f) return null;
  const better = (dir: number) => (state: unknown, doc: Doc) => {
    const v = f(doc);
    if (v === null || v === undefined) return state;
    return state === undefined || Math.sign(compareValues(v, state)) === dir ? v : state;
  };
  switch (op) {
    case '$sum':
      return {
        init: () => 0,
        add: (n, doc) => {
          const v = f(doc);
          if (!isNumber(v) && !isTypedNumber(v)) return n;
          // A Decimal128 among them makes the sum an exact decimal, as MongoDB's; a kept Long
          // or Double keeps its type (a long sum of longs, a double with a double among them).
          if (isDecimal(v) || isDecimal(n)) return decimalOf('add', [n, v]);
          return isTypedNumber(v) || isTypedNumber(n) ? typedArithmetic('add', n, v) : (n as number) + (v as number);
        },
      };
    case '$avg':
      // A Decimal128 among the values makes the mean an exact decimal (decimals summed apart).
      return {
        init: () => ({ sum: 0, n: 0, decimals: undefined as unknown }),
        add: (st, doc) => {
          const v = f(doc);
          const s = st as { sum: number; n: number; decimals: unknown };
          if (typeof v === 'number' || isTypedNumber(v)) s.sum += Number(v);
          else if (isDecimal(v)) s.decimals = decimalOf('add', [s.decimals ?? 0, v]);
          else return s;
          s.n++;
          return s;
        },
        done: (st) => {
          const { sum, n, decimals } = st as { sum: number; n: number; decimals: unknown };
          if (!n) return null;
          return decimals === undefined ? sum / n : decimalDivide(decimalOf('add', [decimals, sum]), n);
        },
      };
    case '$min':
      return { init: () => undefined, add: better(-1), done: (v) => v ?? null };
    case '$max':
      return { init: () => undefined, add: better(1), done: (v) => v ?? null };
    case '$first':
      return { init: () => undefined, add: (st, doc) => (st === undefined ? { v: f(doc) } : st), done: (st) => (st as { v: unknown } | undefined)?.v ?? null };
    case '$last':
      return { init: () => undefined, add: (_st, doc) => ({ v: f(doc) }), done: (st) => (st as { v: unknown } | undefined)?.v ?? null };
    // $push and $addToSet leave out a missing value and keep a null, as MongoDB's.
    case '$push':
      return {
        init: () => [],
        add: (list, doc) => {
          const v = f(doc);
          if (v !== undefined) (list as unknown[]).push(v);
          return list;
        },
      };
    case '$addToSet':
      return {
        init: () => new Map<string, unknown>(),
        add: (m, doc) => {
          const v = f(doc);
          const key = collatedKey(v, fold);
          if (v !== undefined && !(m as Map<string, unknown>).has(key)) (m as Map<string, unknown>).set(key, v);
          return m;
        },
        done: (m) => [...(m as Map<string, unknown>).values()],
      };
  }
  return null;
}

/**
 * $group for plain keys and the common accumulators, grouping by canonical keys; anything
 * else goes to mingo's $group. (mingo hashes ObjectId keys slowly.)
 */
function $group(coll: Iterator, expr: Doc, options: Opts): Iterator {
  const base = basePipeline.$group as unknown as (c: Iterator, e: Doc, o: Opts) => Iterator;
  for (const field of Object.keys(isPlainObject(expr) ? expr : {})) {
    if (field.includes('.')) throw new CommandError(40235, 'Location40235', `The field name '${field}' cannot contain '.'`);
  }
  const idExpr = simpleExpr(expr._id);
  // Under a collation, keys (and $addToSet's values) that it holds equal are one.
  const fold = collationFold(options.collation);
  const accs = Object.entries(expr)
    .filter(([k]) => k !== '_id')
    .map(([k, v]) => [k, simpleAccumulator(v, fold)] as const);
  if ((!idExpr || accs.some(([, a]) => !a)) && fold) {
    // mingo's $group compares keys without the collation: partition by the collated key
    // first, then let it accumulate each part.
    return coll.transform((docs: Doc[]) => {
      const parts = new Map<string, { id: unknown; docs: Doc[] }>();
      for (const doc of docs) {
        const id = evalExpr(doc, expr._id, options) ?? null;
        const key = collatedKey(id, fold);
        const part = parts.get(key) ?? parts.set(key, { id, docs: [] }).get(key)!;
        part.docs.push(doc);
      }
      return Lazy([...parts.values()].map(({ id, docs: group }) => ({ ...base(Lazy(group), { ...expr, _id: null }, options).collect<Doc>()[0], _id: id })));
    });
  }
  if (!idExpr || accs.some(([, a]) => !a)) return base(coll, expr, options);
  return coll.transform((docs: Doc[]) => {
    const groups = new Map<string, { id: unknown; states: unknown[] }>();
    for (const doc of docs) {
      const id = idExpr(doc) ?? null;
      const key = collatedKey(id, fold);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { id, states: accs.map(([, a]) => a!.init()) }));
      for (let i = 0; i < accs.length; i++) g.states[i] = accs[i][1]!.add(g.states[i], doc);
    }
    return Lazy(
      [...groups.values()].map((g) => {
        const out: Doc = { _id: g.id };
        accs.forEach(([k, a], i) => (out[k] = a!.done ? a!.done(g.states[i]) : g.states[i]));
        return out;
      }),
    );
  });
}

/** $count as MongoDB's: no document at all for empty input. */
function $count(coll: Iterator, name: unknown, options: Opts): Iterator {
  if (typeof name !== 'string' || !name || name.startsWith('$') || name.includes('.')) throw badValue('the count field must be a non-empty string that does not start with $ or contain a .');
  const base = basePipeline.$count as unknown as (c: Iterator, e: unknown, o: Opts) => Iterator;
  return coll.transform((docs: Doc[]) => (docs.length ? base(Lazy(docs), name, options) : Lazy([])));
}

/** `$all` as MongoDB's: each value must match as an equality would, so `['a']` matches a plain 'a'. */
function $all(selector: string, values: unknown, options: Opts) {
  if (!Array.isArray(values)) throw badValue('$all needs an array');
  if (!values.length) return () => false;
  const tests = values.map((v) => new Query({ [selector]: v }, options));
  return (doc: Doc) => tests.every((q) => q.test(doc));
}


/** Equality with an embedded document is field order sensitive in MongoDB ({a,b} ≠ {b,a}). */
function $eqQuery(selector: string, value: unknown, options: Opts) {
  const base = (baseQuery.$eq as unknown as (s: string, v: unknown, o: Opts) => (doc: Doc) => boolean)(selector, value, options);
  if (!isPlainObject(value)) return base;
  const key = canonicalKey(value);
  return (doc: Doc) => pathValues(doc, selector).some((v) => canonicalKey(v) === key || (Array.isArray(v) && v.some((e) => canonicalKey(e) === key)));
}

/** Server-side JavaScript is off, as in a mongod started with --noscripting: $where is refused. */
function $where(): never {
  throw badValue('no globalScriptEngine in $where parsing');
}

/** $top and $bottom give the one value (mingo wraps it in an array, as $topN would). */
const single = (name: '$top' | '$bottom') => (collection: unknown, expr: unknown, options: Opts) => {
  const out = (accumulatorOps as unknown as Record<string, (c: unknown, e: unknown, o: Opts) => unknown>)[name](collection, expr, options);
  return Array.isArray(out) ? (out[0] ?? null) : out;
};

/** $add, $subtract and $multiply with a Decimal128 among numbers compute exactly, as MongoDB's; else as before. */
function decimalExpression(name: '$add' | '$subtract' | '$multiply') {
  const op = ({ $add: 'add', $subtract: 'subtract', $multiply: 'multiply' } as const)[name];
  return (obj: Doc, expr: unknown, options: Opts) => {
    const args = Array.isArray(expr) ? expr.map((e) => evalExpr(obj, e, options)) : [evalExpr(obj, expr, options)];
    if (!args.some(isDecimal) || !args.every(isNumber)) return baseExpr[name](obj as never, expr as never, options as never);
    return decimalOf(op, args);
  };
}

/** Each document's value of an accumulator's expression (mingo's $push evaluates it with that document as the root). */
const groupValues = (collection: Doc[], expr: unknown, options: Opts) => (accumulatorOps as unknown as Record<string, (c: Doc[], e: unknown, o: Opts) => unknown[]>).$push(collection, expr, options);

/** $divide and $mod with a Decimal128 among two numbers: an exact decimal, and MongoDB's error for a zero divisor. */
function decimalQuotient(name: '$divide' | '$mod') {
  return (obj: Doc, expr: unknown, options: Opts) => {
    const args = Array.isArray(expr) ? expr.map((e) => evalExpr(obj, e, options)) : [];
    if (args.length !== 2 || !args.some(isDecimal) || !args.every(isNumber)) return baseExpr[name](obj as never, expr as never, options as never);
    const result = name === '$divide' ? decimalDivide(args[0], args[1]) : decimalMod(args[0], args[1]);
    if (result !== undefined) return result;
    throw name === '$divide' ? badValue("can't $divide by zero") : new CommandError(16610, 'Location16610', "can't $mod by zero");
  };
}

/** $avg over values holding a Decimal128: their exact mean, a decimal (non-numbers ignored). */
function $avgAccumulator(collection: Doc[], expr: unknown, options: Opts) {
  const values = groupValues(collection, expr, options);
  if (!values.some(isDecimal)) return (accumulatorOps as unknown as Record<string, AnyOp>).$avg(collection as never, expr as never, options as never);
  return decimalMean(values.filter(isNumber));
}

/** $sum over values holding a Decimal128: an exact decimal (non-numbers ignored, as $sum does). */
function $sumAccumulator(collection: Doc[], expr: unknown, options: Opts) {
  const values = groupValues(collection, expr, options);
  if (!values.some(isDecimal)) return (accumulatorOps as unknown as Record<string, AnyOp>).$sum(collection as never, expr as never, options as never);
  return decimalOf('add', values.filter(isNumber));
}

const UTC_NAMES = new Set([undefined, null, 'UTC', 'GMT', 'Z', '+00:00', '+0000', 'Etc/UTC']);
const MONTHS_PER: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/** $dateAdd/$dateSubtract of months, quarters and years clamp to the month's end (Jan 31 + 1 month = Feb 29), as MongoDB's. */
function monthArithmetic(sign: 1 | -1, name: '$dateAdd' | '$dateSubtract') {
  return (obj: Doc, expr: Doc, options: Opts) => {
    const unit = evalExpr(obj, expr.unit, options);
    const tz = evalExpr(obj, expr.timezone, options);
    const start = evalExpr(obj, expr.startDate, options);
    const amount = evalExpr(obj, expr.amount, options);
    if (typeof unit !== 'string' || !(unit in MONTHS_PER) || !UTC_NAMES.has(tz as string) || !(start instanceof Date) || typeof amount !== 'number') {
      return (baseExpr[name] as unknown as (o: Doc, e: Doc, op: Opts) => unknown)(obj, expr, options);
    }
    const months = start.getUTCMonth() + sign * amount * MONTHS_PER[unit];
    const year = start.getUTCFullYear() + Math.floor(months / 12);
    const month = ((months % 12) + 12) % 12;
    const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay), start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds(), start.getUTCMilliseconds()));
  };
}

/** The offset (ms) of a time zone from UTC at an instant. */
function zoneOffset(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** $dateFromString of a date written without a zone, read in the given time zone. */
function $dateFromString(obj: Doc, expr: Doc, options: Opts) {
  const text = evalExpr(obj, expr.dateString, options);
  const tz = evalExpr(obj, expr.timezone, options);
  const m = typeof text === 'string' && typeof tz === 'string' && !UTC_NAMES.has(tz) && expr.format === undefined ? LOCAL_DATE.exec(text) : null;
  if (!m) return (baseExpr.$dateFromString as unknown as (o: Doc, e: Doc, op: Opts) => unknown)(obj, expr, options);
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = m;
  return localToInstant(tz as string, Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms.padEnd(3, '0'))));
}

/** A zone's offset (ms) at an instant: a fixed ±hh:mm, or an IANA zone's at that time. */
function offsetIn(zone: string, at: number): number {
  if (/^[+-]\d{2}:?\d{2}$/.test(zone)) return (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  try {
    return zoneOffset(zone, at);
  } catch {
    throw new CommandError(40485, 'Location40485', `unrecognized time zone identifier: "${zone}"`);
  }
}

/** The instant a wall-clock time (given as if it were UTC) names in a zone; a second pass settles times next to a DST change. */
function localToInstant(zone: string, wall: number): Date {
  const first = wall - offsetIn(zone, wall);
  return new Date(wall - offsetIn(zone, first));
}

/** A date's wall clock in a zone, as a Date whose UTC fields read it (UTC when none is given). */
function wallClock(obj: Doc, expr: unknown, options: Opts): Date | undefined {
  const spec = isPlainObject(expr) && 'date' in expr ? expr : { date: expr };
  const date = evalExpr(obj, spec.date, options);
  if (!(date instanceof Date)) return undefined;
  const tz = evalExpr(obj, spec.timezone, options);
  return typeof tz === 'string' && !UTC_NAMES.has(tz) ? new Date(date.getTime() + offsetIn(tz, date.getTime())) : date;
}

/** The date a date operator reads: its argument, `{date}` or `[date]`. */
const dateArgument = (expr: unknown) => (Array.isArray(expr) ? expr[0] : isPlainObject(expr) && 'date' in expr ? expr.date : expr);

/** A date part of a missing or null date is null, as MongoDB's (mingo tries to convert it). */
function nullForMissingDate(name: string) {
  const base = baseExpr[name] as unknown as (o: Doc, e: unknown, op: Opts) => unknown;
  return (obj: Doc, expr: unknown, options: Opts) => {
    const date = evalExpr(obj, dateArgument(expr), options);
    return date === null || date === undefined ? null : base(obj, expr, options);
  };
}

const DATE_PART_OPERATORS = ['$year', '$month', '$dayOfMonth', '$dayOfYear', '$dayOfWeek', '$hour', '$minute', '$second', '$millisecond', '$isoWeek', '$isoWeekYear', '$isoDayOfWeek'];

/** $mergeObjects as $group's accumulator: the group's documents merged in order (mingo has only the expression). */
function $mergeObjects(obj: Doc | Doc[], expr: unknown, options: Opts) {
  const base = baseExpr.$mergeObjects as unknown as (o: unknown, e: unknown, op: Opts) => unknown;
  if (!Array.isArray(obj)) return base(obj, expr, options);
  const out: Doc = {};
  for (const v of groupValues(obj, expr, options)) {
    if (v === null || v === undefined) continue;
    if (!isPlainObject(v)) throw new CommandError(40400, 'Location40400', `$mergeObjects requires object inputs, but input ${JSON.stringify(v)} is of type ${typeof v}`);
    // A field a document lacks leaves the merged one as it was.
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = x;
  }
  return out;
}

/** $week as MongoDB's (strftime %U): weeks begin on Sunday, days before the year's first Sunday are week 0. */
function $week(obj: Doc, expr: unknown, options: Opts) {
  const wall = wallClock(obj, expr, options);
  if (!wall) return (baseExpr.$week as unknown as (o: Doc, e: unknown, op: Opts) => unknown)(obj, expr, options);
  const dayOfYear = Math.floor((wall.getTime() - Date.UTC(wall.getUTCFullYear(), 0, 1)) / 86_400_000);
  return Math.floor((dayOfYear + 7 - wall.getUTCDay()) / 7);
}

const DATE_PARTS = ['year', 'month', 'day', 'isoWeekYear', 'isoWeek', 'isoDayOfWeek', 'hour', 'minute', 'second', 'millisecond'];

/** $dateToParts with its parts in MongoDB's order (year, month, day … millisecond). */
function $dateToParts(obj: Doc, expr: unknown, options: Opts) {
  const parts = (baseExpr.$dateToParts as unknown as (o: Doc, e: unknown, op: Opts) => unknown)(obj, expr, options);
  if (!isPlainObject(parts)) return parts;
  return Object.fromEntries(DATE_PARTS.filter((k) => k in parts).map((k) => [k, parts[k]]));
}

/** $dateTrunc in a time zone: truncated on the zone's wall clock (mingo truncates in UTC only). */
function $dateTrunc(obj: Doc, expr: Doc, options: Opts) {
  const base = baseExpr.$dateTrunc as unknown as (o: Doc, e: Doc, op: Opts) => unknown;
  const tz = isPlainObject(expr) ? evalExpr(obj, expr.timezone, options) : undefined;
  const date = isPlainObject(expr) ? evalExpr(obj, expr.date, options) : undefined;
  if (typeof tz !== 'string' || UTC_NAMES.has(tz) || !(date instanceof Date)) return base(obj, expr, options);
  const wall = new Date(date.getTime() + offsetIn(tz, date.getTime()));
  const { timezone: _zone, ...inUtc } = expr;
  const truncated = base(obj, { ...inUtc, date: { $literal: wall } }, options);
  return truncated instanceof Date ? localToInstant(tz, truncated.getTime()) : truncated;
}

const ops = (m: unknown) => m as Record<string, never>;
/** mingo's own implementation of a stage. */
const stage = (name: string) => basePipeline[name] as unknown as (coll: Iterator, expr: Doc, options: Opts) => Iterator;

/** $match with the store's own filter test (collation included); a filter with $expr goes to the general stage. */
function $match(coll: Iterator, filter: Doc, options: Opts): Iterator {
  if (!isPlainObject(filter) || mentionsExpr(filter)) return stage('$match')(coll, filter, options);
  const test = compileFilter(filter, { collation: options.collation, variables: options.variables as Doc | undefined });
  return coll.filter((doc: Doc) => test(doc));
}

const mentionsExpr = (filter: Doc): boolean =>
  Object.entries(filter).some(([k, v]) => k === '$expr' || ((k === '$and' || k === '$or' || k === '$nor') && Array.isArray(v) && v.some((c) => isPlainObject(c) && mentionsExpr(c))));

/** $facet: each sub-pipeline reads the same documents, copied only for one that writes into them. */
function $facet(coll: Iterator, expr: Doc, options: Opts): Iterator {
  const pipelines = isPlainObject(expr) ? Object.values(expr) : [];
  // As MongoDB refuses them: a facet cannot hold another $facet, nor write out its results.
  for (const p of pipelines) {
    const refused = Array.isArray(p) ? p.map((s) => (isPlainObject(s) ? Object.keys(s)[0] : undefined)).find((name) => name === '$facet' || name === '$out' || name === '$merge') : undefined;
    if (refused) throw new CommandError(40600, 'Location40600', `${refused} is not allowed to be used within a $facet stage`);
  }
  if (!pipelines.length || !pipelines.every((p) => Array.isArray(p) && readOnly(p as Doc[]))) return stage('$facet')(coll, expr, options);
  return coll.transform((docs: Doc[]) => Lazy([Object.fromEntries(Object.entries(expr).map(([k, p]) => [k, new Aggregator(p as Doc[], options).run<Doc>(docs)]))]));
}

/** Whether a projection keeps the document's own _id (MongoDB then puts it first). */
const keepsOwnId = (projection: Doc) => !('_id' in projection) || projection._id === 1 || projection._id === true;
const idFirst = (doc: Doc): Doc => (!('_id' in doc) || Object.keys(doc)[0] === '_id' ? doc : { _id: doc._id, ...doc });

/**
 * $project in MongoDB's field order: the kept _id first, the included fields in the input
 * document's order, then the computed ones in the projection's order (mingo sorts those).
 */
function documentOrderStage(base: (coll: Iterator, expr: Doc, options: Opts) => Iterator) {
  return (coll: Iterator, expr: Doc, options: Opts) => {
    if (!isPlainObject(expr)) return base(coll, expr, options);
    const keepId = keepsOwnId(expr);
    return coll.transform((docs: Doc[]) => {
      const out = base(Lazy(docs), expr, options).collect<Doc>();
      return Lazy(
        out.map((projected, i) => {
          const ordered: Doc = keepId && '_id' in projected ? { _id: projected._id } : {};
          for (const k of Object.keys(docs[i])) if (k in projected && (expr[k] === 1 || expr[k] === true || !(k in expr))) ordered[k] = projected[k];
          for (const k of Object.keys(expr)) if (k in projected && !(k in ordered)) ordered[k] = projected[k];
          return Object.assign(ordered, projected);
        }),
      );
    });
  };
}

/** $redact leaves a pruned document out (mingo puts a null in its place). */
function $redact(coll: Iterator, expr: unknown, options: Opts): Iterator {
  return stage('$redact')(coll, expr as Doc, options).filter((doc: unknown) => doc !== null && doc !== undefined);
}

/** $bucketAuto's buckets with their _id first, as MongoDB writes them. */
function $bucketAuto(coll: Iterator, expr: Doc, options: Opts): Iterator {
  return stage('$bucketAuto')(coll, expr, options).map((doc: Doc) => idFirst(doc));
}

const PIPELINE_OPS = {
  ...ops(pipelineOps),
  $redact,
  $bucketAuto,
  $sort,
  $lookup: plainLookupStage($lookup),
  $bucket,
  $group,
  $count,
  $match,
  $facet,
  $project: plainProjectStage(documentOrderStage(stage('$project'))),
  $unwind: plainUnwindStage(stage('$unwind')),
};
const context = Context.init({
  accumulator: { ...ops(accumulatorOps), $top: single('$top'), $bottom: single('$bottom'), $sum: $sumAccumulator, $avg: $avgAccumulator } as never,
  expression: withArgumentLists({
    ...ops(expressionOps),
    $toString: withObjectIds('$toString', (v) => (v as InstanceType<typeof ObjectId>).toHexString()),
    $toObjectId: (obj: Doc, expr: unknown, options: Opts) => toObjectId(evalExpr(obj, expr, options)),
    $toDate: withObjectIds('$toDate', (v) => (v as InstanceType<typeof ObjectId>).getTimestamp()),
    $convert,
    $type: withObjectIds('$type', () => 'objectId'),
    $dateAdd: monthArithmetic(1, '$dateAdd'),
    $dateSubtract: monthArithmetic(-1, '$dateSubtract'),
    $dateFromString,
    $dateTrunc,
    ...Object.fromEntries(DATE_PART_OPERATORS.map((name) => [name, nullForMissingDate(name)])),
    $week,
    $dateToParts,
    $mergeObjects,
    $add: decimalExpression('$add'),
    $subtract: decimalExpression('$subtract'),
    $multiply: decimalExpression('$multiply'),
    $divide: decimalQuotient('$divide'),
    $mod: decimalQuotient('$mod'),
    $indexOfCP,
    $round: $round(baseExpr.$round as never),
  } as never) as never,
  pipeline: PIPELINE_OPS as never,
  projection: ops(projectionOps),
  query: { ...ops(queryOps), $type: $typeQuery, $all, $eq: $eqQuery, $mod: $modQuery, $where } as never,
  window: ops(windowOps),
});

export interface EngineOptions {
  collation?: unknown;
  variables?: Doc;
  resolveCollection?: (name: string) => Doc[];
}

function mingoOptions(o: EngineOptions = {}): Partial<Options> {
  return {
    context,
    idKey: '_id',
    processingMode: ProcessingMode.CLONE_OFF,
    useStrictMode: true,
    // mingo implements $setWindowFields with $function. Scripts are JS functions, and none
    // can arrive over the wire (BSON Code is never evaluated), so this opens nothing.
    scriptEnabled: true,
    collation: normalizeCollation(o.collation) as Options['collation'],
    variables: o.variables,
    collectionResolver: o.resolveCollection,
  };
}

/** mingo throws plain Errors for malformed queries; surface them as MongoDB's BadValue. */
function translate<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CommandError) throw e;
    const message = (e as Error).message;
    // An operator neither mingo nor the store knows: MongoDB's own words for it.
    const unknown = /^accumulator '(\$\w+)' is not registered/.exec(message);
    if (unknown) throw new CommandError(168, 'InvalidPipelineOperator', `Unrecognized expression '${unknown[1]}'`);
    if (/^cannot convert /.test(message)) throw new CommandError(241, 'ConversionFailure', `Failed to parse in $convert with no onError value: ${message}`);
    if (/^Invalid regular expression/.test(message)) throw new CommandError(51091, 'Location51091', `Regular expression is invalid: ${message}`);
    throw badValue(message);
  }
}

export type Matcher = (doc: Doc) => boolean;

export function compileFilter(filter: Doc | undefined, o?: EngineOptions): Matcher {
  if (!filter || !Object.keys(filter).length) return () => true;
  const checked = checkedFilter(filter);
  if (!Object.keys(checked).length) return () => true;
  return ownMatcher(checked, o?.collation ? collationComparator(o.collation) : undefined, o ?? {});
}

/** The query engine's test of a filter. */
function engineMatcher(filter: Doc, o: EngineOptions): Matcher {
  const q = translate(() => new Query(filter, mingoOptions(o)));
  // The engine compares JavaScript numbers: a kept Double or Long is shown to it as one.
  return (doc) => translate(() => q.test(typedNumbersSeen() && containsTypedNumber(doc) ? numbersCopy(doc) : doc));
}

const STRING_COMPARISONS: Record<string, (c: number) => boolean> = { $eq: (c) => c === 0, $gt: (c) => c > 0, $gte: (c) => c >= 0, $lt: (c) => c < 0, $lte: (c) => c <= 0 };

/** One field's condition on strings under a collation, or undefined when it is not only that. */
function collatedCondition(field: string, cond: unknown, strCmp: StringComparator): Matcher | undefined {
  const values = (doc: Doc) => pathValues(doc, field);
  const equalsOne = (doc: Doc, targets: string[]) => values(doc).some((x) => typeof x === 'string' && targets.some((v) => strCmp(x, v) === 0));
  if (typeof cond === 'string') return (doc) => equalsOne(doc, [cond]);
  if (!cond || typeof cond !== 'object' || Array.isArray(cond) || !Object.keys(cond).length) return undefined;
  const tests: Matcher[] = [];
  for (const [op, v] of Object.entries(cond as Doc)) {
    if (op in STRING_COMPARISONS && typeof v === 'string') {
      const holds = STRING_COMPARISONS[op];
      tests.push((doc) => values(doc).some((x) => typeof x === 'string' && holds(strCmp(x, v))));
    } else if (op === '$ne' && typeof v === 'string') tests.push((doc) => !equalsOne(doc, [v]));
    else if ((op === '$in' || op === '$nin') && Array.isArray(v) && v.length && v.every((x) => typeof x === 'string')) {
      tests.push(op === '$in' ? (doc) => equalsOne(doc, v as string[]) : (doc) => !equalsOne(doc, v as string[]));
    } else return undefined;
  }
  return (doc) => tests.every((test) => test(doc));
}

const isNumeric = (v: unknown) => (typeof v === 'number' && !Number.isNaN(v)) || isDecimal(v) || isTypedNumber(v);
const computedHere = (v: unknown) => isDecimal(v) || isTypedNumber(v);

/**
 * One field's comparisons with numbers: where the operand or the document's value is a
 * Decimal128 they compare as numbers (Decimal128('1.5') > 1), which the query engine does
 * not do; every other document gets the engine's answer.
 */
function numericCondition(field: string, cond: unknown, o: EngineOptions): Matcher | undefined {
  const ops = isNumeric(cond) ? { $eq: cond } : cond && typeof cond === 'object' && !Array.isArray(cond) && Object.keys(cond).length ? (cond as Doc) : undefined;
  if (!ops) return undefined;
  const operands: unknown[] = [];
  for (const [op, v] of Object.entries(ops)) {
    if ((op in STRING_COMPARISONS || op === '$ne') && isNumeric(v)) operands.push(v);
    else if ((op === '$in' || op === '$nin') && Array.isArray(v) && v.length && v.every(isNumeric)) operands.push(...v);
    else return undefined;
  }
  const values = (doc: Doc) => pathValues(doc, field);
  const numbers = (doc: Doc) => values(doc).filter(isNumeric);
  const equalsOne = (doc: Doc, targets: unknown[]) => numbers(doc).some((x) => targets.some((v) => compareValues(x, v) === 0));
  const tests: Matcher[] = Object.entries(ops).map(([op, v]) => {
    if (op === '$ne') return (doc) => !equalsOne(doc, [v]);
    if (op === '$in') return (doc) => equalsOne(doc, v as unknown[]);
    if (op === '$nin') return (doc) => !equalsOne(doc, v as unknown[]);
    const holds = STRING_COMPARISONS[op];
    return (doc) => numbers(doc).some((x) => holds(compareValues(x, v)));
  });
  const general = engineMatcher({ [field]: cond }, o);
  const decimalOperand = operands.some(computedHere);
  const slow: Matcher = (doc) => (decimalOperand || values(doc).some(computedHere) ? tests.every((test) => test(doc)) : general(doc));
  // The common case, a top-level field holding a plain number against plain numbers, is
  // compared here: the engine's test costs several times the comparison.
  const plainOperand = (v: unknown) => typeof v === 'number' && !Number.isNaN(v);
  if (field.includes('.') || !operands.every(plainOperand)) return slow;
  const scalarTests = Object.entries(ops).map(([op, v]): ((x: number) => boolean) => {
    if (op === '$in') return (x) => (v as number[]).includes(x);
    if (op === '$nin') return (x) => !(v as number[]).includes(x);
    if (op === '$ne') return (x) => x !== v;
    const holds = STRING_COMPARISONS[op];
    return (x) => holds(x === v ? 0 : x < (v as number) ? -1 : 1);
  });
  return (doc) => {
    const x = doc[field];
    return typeof x === 'number' && !Number.isNaN(x) ? scalarTests.every((test) => test(x)) : slow(doc);
  };
}

/**
 * A filter with the conditions the query engine gets wrong answered here: under a
 * collation, string equalities, ranges, $in and $nin compare as it orders (zh by pinyin;
 * strength 2 ignores case); comparisons involving Decimal128 compare as numbers. At any
 * depth of $and, $or and $nor; every other condition goes to the engine as before.
 */
function ownMatcher(filter: Doc, strCmp: StringComparator | undefined, o: EngineOptions): Matcher {
  const tests: Matcher[] = [];
  const rest: Doc = {};
  for (const [key, cond] of Object.entries(filter)) {
    if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(cond) && cond.length && cond.every((c) => c && typeof c === 'object' && !Array.isArray(c))) {
      const subs = (cond as Doc[]).map((c) => ownMatcher(c, strCmp, o));
      tests.push(key === '$and' ? (d) => subs.every((m) => m(d)) : key === '$or' ? (d) => subs.some((m) => m(d)) : (d) => !subs.some((m) => m(d)));
      continue;
    }
    const own = key.startsWith('$') ? undefined : (strCmp ? collatedCondition(key, cond, strCmp) : plainCondition(key, cond)) || typeCondition(key, cond) || numericCondition(key, cond, o);
    if (own) tests.push(own);
    else rest[key] = cond;
  }
  if (!tests.length) return engineMatcher(filter, o);
  if (Object.keys(rest).length) tests.push(engineMatcher(rest, o));
  return (doc) => tests.every((test) => test(doc));
}

/**
 * A field equal to a scalar, or `$eq`/`$in` of scalars (null among them meaning null or
 * missing): the shape of most lookups an application sends (by key, by name, by tenancy),
 * tested directly, since compiling it costs more than the test. As MongoDB: the field equals
 * a value in its type bracket, or is an array holding one. A dotted path (no array indexes)
 * is read through arrays as an index reads it; null through one is left to the engine.
 */
const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);

function plainCondition(field: string, cond: unknown): Matcher | undefined {
  if (field.startsWith('$')) return undefined;
  const dotted = field.includes('.');
  // A DBRef's $ref, $id and $db are read as its fields; no other part may start with $.
  if (dotted && field.split('.').some((p) => !p || /^\d+$/.test(p) || (p.startsWith('$') && !DBREF_FIELDS.has(p)))) return undefined;
  let targets: unknown[];
  if (exactScalar(cond)) targets = [cond];
  else if (!isPlainObject(cond) || Object.keys(cond).length !== 1) return undefined;
  else if ('$eq' in cond && exactScalar(cond.$eq)) targets = [cond.$eq];
  else if ('$in' in cond && Array.isArray(cond.$in) && cond.$in.length && cond.$in.every((v) => v === null || exactScalar(v))) targets = cond.$in;
  else return undefined;
  const orNull = targets.includes(null);
  if (dotted && orNull) return undefined;
  const values = targets.filter((v) => v !== null);
  // A long list is looked up by key (equal keys are exactly MongoDB's equal values).
  const keys = values.length > 8 ? new Set(values.map(canonicalKey)) : undefined;
  const equal = keys ? (x: unknown) => x != null && keys.has(canonicalKey(x)) : (x: unknown) => values.some((v) => (typeof v === 'string' ? x === v : compareValues(x, v) === 0));
  if (dotted) return (doc) => pathValues(doc, field).some(equal);
  return (doc) => {
    const x = doc[field];
    if (orNull && x == null) return true;
    return equal(x) || (Array.isArray(x) && x.some((e) => equal(e) || (orNull && e === null)));
  };
}

const isSlice = (v: unknown) => Boolean(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as Doc).length === 1 && '$slice' in (v as Doc));

/** Inclusion and exclusion do not mix (except _id), as MongoDB answers (31253, 31254). */
/** What `$meta` can name in MongoDB; the store answers textScore only (read before projecting). */
const META_NAMES = new Set(['textScore', 'indexKey', 'recordId', 'searchScore', 'searchHighlights', 'searchScoreDetails', 'searchSequenceToken', 'sortKey', 'geoNearDistance', 'geoNearPoint', 'vectorSearchScore', 'randVal']);

function checkProjection(projection: Doc) {
  let mode: 'include' | 'exclude' | undefined;
  for (const [field, v] of Object.entries(projection)) {
    if (isPlainObject(v) && '$meta' in v) {
      const name = v.$meta;
      if (typeof name !== 'string' || !META_NAMES.has(name)) throw new CommandError(17308, 'Location17308', `Unsupported argument to $meta: ${String(name)}`);
      throw new CommandError(115, 'CommandNotSupported', `$meta '${name}' is not supported by the embedded server (textScore is, after a $text query)`);
    }
    if (field === '_id' || (v && typeof v === 'object')) continue;
    const m = v === 0 || v === false ? 'exclude' : 'include';
    if (mode && m !== mode) {
      throw mode === 'include'
        ? new CommandError(31254, 'Location31254', `Cannot do exclusion on field ${field} in inclusion projection`)
        : new CommandError(31253, 'Location31253', `Cannot do inclusion on field ${field} in exclusion projection`);
    }
    mode = m;
  }
}

/** Projects documents; a positional `a.$` reads which element matched from the query's `filter`. */
export function project(docs: Doc[], projection: Doc | undefined, o?: EngineOptions, filter?: Doc): Doc[] {
  if (!projection || !Object.keys(projection).length) return docs;
  checkProjection(projection);
  // Only $slice fields: every field stays, those arrays are sliced (mingo would drop the rest).
  if (Object.values(projection).every(isSlice)) {
    return docs.map((doc) => {
      const out = { ...doc };
      for (const [field, spec] of Object.entries(projection)) {
        const arr = out[field];
        const arg = (spec as Doc).$slice;
        if (!Array.isArray(arr)) continue;
        if (typeof arg === 'number') out[field] = arg >= 0 ? arr.slice(0, arg) : arr.slice(arg);
        else if (Array.isArray(arg) && arg.length === 2) {
          const [skip, n] = arg as number[];
          const start = skip < 0 ? Math.max(0, arr.length + skip) : skip;
          out[field] = arr.slice(start, start + n);
        }
      }
      return out;
    });
  }
  const plain = plainProjection(projection);
  if (plain) return docs.map(plain);
  const positional = Object.keys(projection).some((k) => k.endsWith('.$'));
  const out = translate(() => new Query(positional ? (filter ?? {}) : {}, mingoOptions(o)).find<Doc>(docs, projection).all());
  return keepsOwnId(projection) ? out.map(idFirst) : out;
}

const STAGES = new Set(Object.keys(PIPELINE_OPS));

/** Whether $group runs without mingo: keys of field paths, the common accumulators. */
const isSimpleGroup = (spec: Doc) => simpleExpr(spec._id) !== null && Object.entries(spec).every(([k, v]) => k === '_id' || simpleAccumulator(v) !== null);

/**
 * Whether a pipeline only moves stored values about (no expression computes with them), so
 * a kept Long or Double can pass through it as it is; any other pipeline computes with
 * JavaScript numbers.
 */
function keepsNumberTypes(pipeline: Doc[]): boolean {
  return pipeline.every((stage) => {
    const [name, spec] = Object.entries(stage ?? {})[0] ?? [];
    switch (name) {
      case '$match':
        return isPlainObject(spec) && !mentionsExpr(spec);
      case '$sort':
      case '$limit':
      case '$skip':
      case '$count':
        return true;
      case '$project':
        return isPlainObject(spec) && plainProjection(spec) !== undefined;
      case '$unwind':
        return isPlainUnwind(spec);
      case '$lookup':
        return isPlainLookup(spec);
      case '$group':
        return isPlainObject(spec) && isSimpleGroup(spec);
      case '$facet':
        return isPlainObject(spec) && Object.values(spec).every((p) => Array.isArray(p) && keepsNumberTypes(p as Doc[]));
      default:
        return false;
    }
  });
}

export function aggregate(docs: Doc[], pipeline: Doc[], o?: EngineOptions): Doc[] {
  for (const stage of pipeline) {
    const name = stage && typeof stage === 'object' ? Object.keys(stage)[0] : undefined;
    if (name && name.startsWith('$') && !STAGES.has(name)) throw new CommandError(40324, 'Location40324', `Unrecognized pipeline stage name: '${name}'`);
  }
  // Pipelines that compute do so with JavaScript numbers: a kept Double or Long enters them as a number.
  const input = typedNumbersSeen() && !keepsNumberTypes(pipeline) ? docs.map((d) => (containsTypedNumber(d) ? numbersCopy(d) : d)) : docs;
  return translate(() => new Aggregator(pipeline, mingoOptions(o)).run<Doc>(input));
}

const SIMPLE_OPERATORS = new Set(['$set', '$unset', '$inc']);

/**
 * The common case without mingo: $set, $unset and $inc on plain dotted paths through
 * documents (checked already by checkOperatorUpdate). Returns false, having changed
 * nothing, when anything else is asked for.
 */
function applySimple(doc: Doc, ops: Doc): boolean {
  const entries = Object.entries(ops);
  if (!entries.every(([op, spec]) => SIMPLE_OPERATORS.has(op) && isPlainObject(spec))) return false;
  const steps: [string, string[], unknown][] = [];
  for (const [op, spec] of entries) {
    for (const [path, value] of Object.entries(spec as Doc)) {
      const parts = path.split('.');
      if (parts.some((p) => !p || p.startsWith('$') || /^\d+$/.test(p))) return false;
      // Every container on the way must be a plain document (or missing).
      let cur: unknown = doc;
      for (const p of parts.slice(0, -1)) {
        cur = (cur as Doc)[p];
        if (cur === undefined) break;
        if (!isPlainObject(cur)) return false;
      }
      if (op === '$inc') {
        const before = cur === undefined ? undefined : (cur as Doc)[parts[parts.length - 1]];
        if (typeof value !== 'number' || (before !== undefined && typeof before !== 'number')) return false;
      }
      steps.push([op, parts, value]);
    }
  }
  for (const [op, parts, value] of steps) {
    let cur = doc;
    for (const p of parts.slice(0, -1)) {
      if (cur[p] === undefined) {
        if (op === '$unset') break;
        cur[p] = {};
      }
      cur = cur[p] as Doc;
    }
    const last = parts[parts.length - 1];
    if (op === '$unset') {
      if (isPlainObject(cur)) delete cur[last];
    } else if (op === '$inc') cur[last] = ((cur[last] as number | undefined) ?? 0) + (value as number);
    else cur[last] = cloneValue(value);
  }
  return true;
}

/** A copy of `doc` with the value at `path` replaced (copies only along the path). */
function withValueAt(doc: Doc, parts: string[], value: unknown): Doc {
  const [head, ...rest] = parts;
  const out = { ...doc };
  out[head] = rest.length ? withValueAt(isPlainObject(doc[head]) ? (doc[head] as Doc) : {}, rest, value) : value;
  return out;
}

/**
 * The positional operator `$`: the first element of the array that the query matched. It is
 * resolved to its index here, once per array, so sibling paths under one `$`
 * (`comments.$.title` with `comments.$.votes`) update the same element.
 */
function resolvePositional(doc: Doc, ops: Doc, condition: Doc, collation: unknown) {
  const indexOf = new Map<string, number>();
  const conditions = [condition, ...(((condition.$and as Doc[] | undefined) ?? []).filter(isPlainObject))];
  const find = (prefix: string): number => {
    const known = indexOf.get(prefix);
    if (known !== undefined) return known;
    const parts = prefix.split('.');
    const arr = getPath(doc, prefix);
    const relevant = Object.fromEntries(conditions.flatMap((c) => Object.entries(c).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`))));
    if (!Array.isArray(arr) || !Object.keys(relevant).length) throw badValue('The positional operator did not find the match needed from the query.');
    const matches = compileFilter(relevant, { collation });
    const index = arr.findIndex((e) => matches(withValueAt(doc, parts, [e])));
    if (index < 0) throw badValue('The positional operator did not find the match needed from the query.');
    indexOf.set(prefix, index);
    return index;
  };
  for (const [op, spec] of Object.entries(ops)) {
    if (!isPlainObject(spec)) continue;
    const paths = Object.keys(spec);
    if (!paths.some((p) => p.split('.').includes('$'))) continue;
    ops[op] = Object.fromEntries(
      paths.map((path) => {
        const parts = path.split('.');
        const at = parts.indexOf('$');
        if (at < 1) return [path, spec[path]];
        const prefix = parts.slice(0, at).join('.');
        return [[...parts.slice(0, at), String(find(prefix)), ...parts.slice(at + 1)].join('.'), spec[path]];
      }),
    );
  }
}

/**
 * $pull whose condition is a query with $or/$and/$nor, applied to each element as to a
 * document (mingo ignores these); done here in place. Returns the rest of the $pull.
 */
function pullLogical(doc: Doc, pull: Doc, collation: unknown): Doc {
  const rest: Doc = {};
  for (const [path, cond] of Object.entries(pull)) {
    const logical = isPlainObject(cond) && Object.keys(cond).some((k) => k === '$or' || k === '$and' || k === '$nor');
    const parts = path.split('.');
    if (!logical || parts.some((p) => p.startsWith('$'))) {
      rest[path] = cond;
      continue;
    }
    const parent = parts.length > 1 ? getPath(doc, parts.slice(0, -1).join('.')) : doc;
    const last = parts[parts.length - 1];
    const arr = parent && typeof parent === 'object' ? (parent as Doc)[last] : undefined;
    if (!Array.isArray(arr)) continue;
    const matches = compileFilter(cond as Doc, { collation });
    (parent as Doc)[last] = arr.filter((e) => !(isPlainObject(e) && matches(e)));
  }
  return rest;
}

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pull', '$pullAll',
  '$addToSet', '$pop', '$currentDate', '$bit', '$setOnInsert',
]);

/** Applies an operator update in place; $setOnInsert only when inserting. */
export function applyUpdate(doc: Doc, modifier: Doc, opts: { arrayFilters?: Doc[]; isInsert: boolean; condition?: Doc; collation?: unknown }) {
  const keys = Object.keys(modifier);
  if (!keys.length) throw failedToParse("Update document requires atomic operators ('$set', ...)");
  const ops: Doc = {};
  for (const k of keys) {
    if (!UPDATE_OPERATORS.has(k)) throw failedToParse(`Unknown modifier: ${k}. Expected a valid update modifier or pipeline-style update specified as an array`);
    const spec = modifier[k];
    if (!spec || typeof spec !== 'object') throw failedToParse(`Modifiers operate on fields but we found type ${typeof spec} instead.`);
    if (k === '$setOnInsert') {
      if (opts.isInsert) ops.$set = { ...((ops.$set as Doc) ?? {}), ...(spec as Doc) };
    } else if (k === '$set') {
      // $set of _id to the value it has is allowed (the caller refused any other value).
      const { _id: _same, ...rest } = spec as Doc;
      ops.$set = { ...((ops.$set as Doc) ?? {}), ...('_id' in (spec as Doc) && !opts.isInsert ? rest : (spec as Doc)) };
    }
    else ops[k] = spec;
  }
  checkOperatorUpdate(doc, modifier, opts.isInsert);
  if (!opts.isInsert) resolvePositional(doc, ops, opts.condition ?? {}, opts.collation);
  if (ops.$pull) ops.$pull = pullLogical(doc, ops.$pull as Doc, opts.collation);
  if (ops.$set && !Object.keys(ops.$set as Doc).length) delete ops.$set;
  if (ops.$pull && !Object.keys(ops.$pull as Doc).length) delete ops.$pull;
  if (!Object.keys(ops).length) return;
  decimalArithmetic(doc, ops);
  applyOwnOperators(doc, ops);
  if (applySimple(doc, ops)) return;
  translate(() =>
    // The positional $ is resolved above; without a condition mingo compiles no query per update.
    mingoUpdate(doc, ops, opts.arrayFilters, undefined, {
      cloneMode: 'deep',
      queryOptions: mingoOptions({ collation: opts.collation }),
    }),
  );
}
