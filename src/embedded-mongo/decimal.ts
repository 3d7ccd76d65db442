// Decimal128 arithmetic for the update operators: exact sums and products of decimals (and
// of a decimal with another number), as MongoDB computes them, since JavaScript has none.
import { bsonTypeName, Decimal128, type Doc } from './bson.js';
import { getPath } from './values.js';
import { typedUpdate } from './numbers.js';

type Exact = { m: bigint; e: number } | 'NaN' | 'Infinity' | '-Infinity';

export const isDecimal = (v: unknown) => bsonTypeName(v) === 'Decimal128';

/**
 * A number or Decimal128 as mantissa × 10^exponent. A fractional double converts with 15
 * significant digits, as MongoDB converts doubles to decimals; an integral one as the integer.
 */
function exact(v: unknown): Exact {
  const n = typeof v === 'object' && v !== null && !isDecimal(v) ? Number(v) : v;
  const text = isDecimal(n) ? (n as { toString(): string }).toString() : typeof n === 'number' && Number.isFinite(n) && !Number.isInteger(n) ? n.toPrecision(15) : String(n);
  if (/^[+-]?(NaN|nan)$/.test(text)) return 'NaN';
  if (/^\+?Inf(inity)?$/i.test(text)) return 'Infinity';
  if (/^-Inf(inity)?$/i.test(text)) return '-Infinity';
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return 'NaN';
  const digits = `${m[2]}${m[3] ?? ''}` || '0';
  return { m: BigInt(`${m[1]}${digits}`), e: Number(m[4] ?? 0) - (m[3]?.length ?? 0) };
}

function toDecimal(x: Exact): InstanceType<typeof Decimal128> {
  if (typeof x === 'string') return Decimal128.fromString(x);
  const text = `${x.m}E${x.e}`;
  return Decimal128.fromStringWithRounding ? Decimal128.fromStringWithRounding(text) : Decimal128.fromString(text);
}

function add(a: Exact, b: Exact): Exact {
  if (typeof a === 'string' || typeof b === 'string') {
    if (a === 'NaN' || b === 'NaN' || (a === 'Infinity' && b === '-Infinity') || (a === '-Infinity' && b === 'Infinity')) return 'NaN';
    return typeof a === 'string' ? a : (b as Exact);
  }
  const e = Math.min(a.e, b.e);
  return { m: a.m * 10n ** BigInt(a.e - e) + b.m * 10n ** BigInt(b.e - e), e };
}

function multiply(a: Exact, b: Exact): Exact {
  if (typeof a === 'string' || typeof b === 'string') {
    if (a === 'NaN' || b === 'NaN') return 'NaN';
    const zero = (x: Exact) => typeof x !== 'string' && x.m === 0n;
    if (zero(a) || zero(b)) return 'NaN';
    const negative = (x: Exact) => x === '-Infinity' || (typeof x !== 'string' && x.m < 0n);
    return negative(a) !== negative(b) ? '-Infinity' : 'Infinity';
  }
  return { m: a.m * b.m, e: a.e + b.e };
}

/**
 * Moves the $inc and $mul paths where the stored value or the operand is a Decimal128 to
 * $set of the exact result (a missing field counts as 0: $inc sets the operand, $mul sets
 * 0). The others stay for the general update path.
 */
export function decimalArithmetic(doc: Doc, ops: Doc): void {
  for (const op of ['$inc', '$mul'] as const) {
    if (!ops[op]) continue;
    // A copy: the same update applies to every document an updateMany matches.
    const spec = { ...(ops[op] as Doc) };
    ops[op] = spec;
    for (const [path, operand] of Object.entries(spec)) {
      const current = getPath(doc, path);
      if (!isDecimal(operand) && !isDecimal(current)) {
        // Doubles and Longs keep their types, and two ints that overflow make a Long.
        const typed = path.includes('$') ? undefined : typedUpdate(op, current, operand);
        if (typed === undefined) continue;
        ops.$set = { ...((ops.$set as Doc) ?? {}), [path]: typed };
        delete spec[path];
        continue;
      }
      const before = exact(current ?? 0);
      const result = op === '$inc' ? add(before, exact(operand)) : current === undefined ? exact(0) : multiply(before, exact(operand));
      ops.$set = { ...((ops.$set as Doc) ?? {}), [path]: toDecimal(result) };
      delete spec[path];
    }
    if (!Object.keys(spec).length) delete ops[op];
  }
}

const negate = (x: Exact): Exact => (x === 'Infinity' ? '-Infinity' : x === '-Infinity' ? 'Infinity' : x === 'NaN' ? x : { m: -x.m, e: x.e });

/** Numbers of which at least one is a Decimal128, added, subtracted (a − b) or multiplied exactly; a Decimal128. */
export function decimalOf(op: 'add' | 'subtract' | 'multiply', values: unknown[]) {
  const [first, ...rest] = values.map(exact);
  const step = { add, subtract: (a: Exact, b: Exact) => add(a, negate(b)), multiply }[op];
  return toDecimal(rest.reduce(step, first ?? exact(op === 'multiply' ? 1 : 0)));
}

const DECIMAL_DIGITS = 34;
const digitCount = (m: bigint) => (m < 0n ? -m : m).toString().length;

/**
 * a ÷ b to Decimal128's 34 digits, rounded half to even; an exact quotient takes the exponent
 * nearest the operands' difference (1.1 ÷ 2 = 0.55), as IEEE 754 decimal division does.
 * Undefined for a zero divisor (the caller answers MongoDB's error).
 */
function divide(a: Exact, b: Exact): Exact | undefined {
  if (typeof b !== 'string' && b.m === 0n) return undefined;
  if (typeof a === 'string' || typeof b === 'string') {
    if (a === 'NaN' || b === 'NaN' || (typeof a === 'string' && typeof b === 'string')) return 'NaN';
    if (typeof b === 'string') return { m: 0n, e: 0 };
    const negative = (a === '-Infinity') !== b.m < 0n;
    return negative ? '-Infinity' : 'Infinity';
  }
  const ideal = a.e - b.e;
  // Enough extra digits that the truncated quotient holds 34 and one to round by.
  const scale = Math.max(0, DECIMAL_DIGITS + 1 + digitCount(b.m) - digitCount(a.m));
  const numerator = a.m * 10n ** BigInt(scale);
  let m = numerator / b.m;
  let e = ideal - scale;
  if (numerator % b.m === 0n) {
    while (e < ideal && m % 10n === 0n) {
      m /= 10n;
      e++;
    }
    return { m, e };
  }
  // A sticky last digit: an inexact quotient never rounds as if it were exactly half.
  m = m * 10n + ((a.m < 0n) !== (b.m < 0n) ? -1n : 1n);
  return { m, e: e - 1 };
}

/** a ÷ b where either is a Decimal128: a Decimal128, or undefined for a zero divisor. */
export function decimalDivide(a: unknown, b: unknown) {
  const q = divide(exact(a), exact(b));
  return q === undefined ? undefined : toDecimal(q);
}

/** The remainder of a ÷ b (the dividend's sign), where either is a Decimal128; undefined for a zero divisor. */
export function decimalMod(a: unknown, b: unknown) {
  const x = exact(a);
  const y = exact(b);
  if (typeof y !== 'string' && y.m === 0n) return undefined;
  if (typeof x === 'string' || typeof y === 'string') return toDecimal(typeof x === 'string' || y === 'NaN' ? 'NaN' : x);
  const e = Math.min(x.e, y.e);
  const r = (x.m * 10n ** BigInt(x.e - e)) % (y.m * 10n ** BigInt(y.e - e));
  return toDecimal({ m: r, e });
}

/** The mean of numbers of which at least one is a Decimal128: their exact sum ÷ their count. */
export function decimalMean(values: unknown[]) {
  const sum = values.map(exact).reduce(add, exact(0));
  return toDecimal(divide(sum, exact(values.length))!);
}
