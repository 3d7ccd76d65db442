// Operators where mingo answers differently from MongoDB, answered as MongoDB does.
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import type { Doc } from './bson.js';
import { badValue, CommandError } from './errors.js';
import { pathValues } from './values.js';

type ExpressionOp = (obj: Doc, expr: unknown, options: Options) => unknown;

/** $mod in a query: numbers only (a string or null never matches), both sides truncated to integers. */
export function $modQuery(selector: string, value: unknown) {
  if (!Array.isArray(value) || value.length < 2) throw badValue('malformed mod, not enough elements');
  if (value.length > 2) throw badValue('malformed mod, too many elements');
  if (!value.every((v) => typeof v === 'number' && Number.isFinite(v))) throw badValue('malformed mod, divisor and remainder must be numbers');
  const [divisor, remainder] = value.map(Math.trunc) as [number, number];
  if (divisor === 0) throw badValue('divisor cannot be 0');
  return (doc: Doc) => pathValues(doc, selector).some((v) => typeof v === 'number' && Number.isFinite(v) && Math.trunc(v) % divisor === remainder);
}

/** $indexOfCP: the code-point index of a substring, from an optional start to an optional end; -1 if absent; null for a null string. */
export function $indexOfCP(obj: Doc, expr: unknown, options: Options): unknown {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new CommandError(28667, 'Location28667', 'Expression $indexOfCP takes at least 2 arguments, and at most 4');
  const [s, sub, start, end] = expr.map((e) => evalExpr(obj, e, options));
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string') throw new CommandError(40093, 'Location40093', '$indexOfCP requires a string as the first argument');
  if (typeof sub !== 'string') throw new CommandError(40094, 'Location40094', '$indexOfCP requires a string as the second argument');
  const chars = [...s];
  const needle = [...sub];
  const from = start === undefined ? 0 : Number(start);
  const to = end === undefined ? chars.length : Math.min(Number(end), chars.length);
  for (let i = from; i + needle.length <= to; i++) if (needle.every((c, j) => chars[i + j] === c)) return i;
  return -1;
}

/** $round of a double: to `place` decimal places (negative: tens, hundreds), a half to the even neighbour. */
export function $round(base: ExpressionOp): ExpressionOp {
  return (obj, expr, options) => {
    const [value, place = 0] = (Array.isArray(expr) ? expr : [expr]).map((e) => evalExpr(obj, e, options));
    if (typeof value !== 'number' || typeof place !== 'number' || !Number.isFinite(value)) return base(obj, expr, options);
    if (!Number.isInteger(place) || place < -20 || place > 100) throw new CommandError(51083, 'Location51083', `cannot apply $round with precision value ${place} value must be in [-20, 100]`);
    const factor = 10 ** Math.abs(place);
    const x = place >= 0 ? value * factor : value / factor;
    const floor = Math.floor(x);
    const diff = x - floor;
    const rounded = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1;
    return place >= 0 ? rounded / factor : rounded * factor;
  };
}

/** Operators of exactly one argument: `{$op: [x]}` is the argument list (x), as MongoDB parses it. */
const ONE_ARGUMENT = ['$abs', '$ceil', '$floor', '$exp', '$ln', '$log10', '$sqrt', '$not', '$isArray', '$size', '$reverseArray', '$toUpper', '$toLower', '$strLenBytes', '$strLenCP', '$objectToArray', '$arrayToObject', '$type', '$toBool', '$toDate', '$toDecimal', '$toDouble', '$toInt', '$toLong', '$toObjectId', '$toString', '$isNumber', '$anyElementTrue', '$allElementsTrue', '$binarySize', '$bsonSize'];

export function withArgumentLists(ops: Record<string, ExpressionOp>): Record<string, ExpressionOp> {
  const out = { ...ops };
  for (const name of ONE_ARGUMENT) {
    const base = ops[name];
    if (!base) continue;
    out[name] = (obj, expr, options) => {
      if (!Array.isArray(expr)) return base(obj, expr, options);
      if (expr.length !== 1) throw new CommandError(16020, 'Location16020', `Expression ${name} takes exactly 1 arguments. ${expr.length} were passed in.`);
      return base(obj, expr[0], options);
    };
  }
  return out;
}
