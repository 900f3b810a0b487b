// Decimal arithmetic for scores: binary floats give 9034/20000×10 = 4.5169999…, and a checker that
// disagrees with a calculator by 0.01 is worse than none.
import Decimal from "decimal.js-light";

export { Decimal };

export type Numeric = Decimal | number | string;

/** How the form (or the profile) rounds a score. */
export type RoundingMode = "halfUp" | "truncate";

export interface Rounding {
  decimals: number; // 2 by default; 1 or 0 in some regions
  mode: RoundingMode;
}

export const DEFAULT_ROUNDING: Rounding = { decimals: 2, mode: "halfUp" };

export function dec(x: Numeric): Decimal {
  // Stryker disable next-line ConditionalExpression: a Decimal passed on would be copied into an equal one
  if (x instanceof Decimal) return x;
  // a form repeats its weights, targets and scores on many rows: each distinct one is parsed once (Decimals are
  // immutable, so sharing one is safe)
  // Stryker disable all: a cache; a Decimal built anew is equal to the shared one
  const cache = typeof x === "number" ? numberDecimals : stringDecimals;
  let d = cache.get(x);
  if (d === undefined) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: new Decimal(n) reads n.toString() too
    d = new Decimal(typeof x === "number" ? String(x) : x);
    if (cache.size >= DECIMAL_CACHE_SIZE) cache.clear();
    cache.set(x, d);
  }
  // Stryker restore all
  return d;
}

const DECIMAL_CACHE_SIZE = 2000;
const numberDecimals = new Map<Numeric, Decimal>();
const stringDecimals = new Map<Numeric, Decimal>();

export function round(x: Numeric, rounding: Rounding = DEFAULT_ROUNDING): Decimal {
  const mode = rounding.mode === "truncate" ? Decimal.ROUND_DOWN : Decimal.ROUND_HALF_UP;
  return dec(x).toDecimalPlaces(rounding.decimals, mode);
}

const SCALE = 1e6;

/**
 * Exact sum. Plain numbers with at most 6 decimals (all scores and weights) are added as scaled integers, which is
 * exact and avoids a Decimal per term on a 2,000-row form; anything else goes through Decimal.
 */
export function sum(xs: Numeric[]): Decimal {
  let scaled = 0;
  let rest: Decimal | null = null;
  // an index, not for…of: a loop the JIT has not optimised yet allocates an iterator result per term
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k];
    // Stryker disable all: a fast path; the Decimal path below gives the same exact sum (the sum tests check it)
    if (typeof x === "number") {
      const n = Math.round(x * SCALE);
      if (n / SCALE === x && Number.isSafeInteger(scaled + n)) {
        scaled += n;
        continue;
      }
    }
    // Stryker restore all
    rest = (rest ?? new Decimal(0)).plus(dec(x));
  }
  const exact = scaledDecimal(scaled);
  return rest ? exact.plus(rest) : exact;
}

/** n × 10⁻⁶ for a safe integer n, written out as a decimal string (Decimal's long division costs far more). */
function scaledDecimal(n: number): Decimal {
  // a safe integer prints without an exponent; padded to 7 digits it always has an integer part
  const digits = String(Math.abs(n)).padStart(7, "0");
  const whole = digits.slice(0, -6);
  // Stryker disable next-line EqualityOperator: "-0.000000" is zero, as "0.000000" is
  // new Decimal, not dec(): sums are mostly one-off values, which would only crowd the shared cache
  return new Decimal(`${n < 0 ? "-" : ""}${whole}.${digits.slice(-6)}`);
}

export function min(a: Numeric, b: Numeric): Decimal {
  const x = dec(a);
  const y = dec(b);
  return x.lessThan(y) ? x : y;
}

export function max(a: Numeric, b: Numeric): Decimal {
  const x = dec(a);
  const y = dec(b);
  return x.greaterThan(y) ? x : y;
}

/** Clamp into [lo, hi]. */
export function clamp(x: Numeric, lo: Numeric, hi: Numeric): Decimal {
  return min(max(x, lo), hi);
}

export function toNumber(x: Numeric): number {
  return dec(x).toNumber();
}

/**
 * A number as the seed report prints it: no trailing zeros (24.6, not 24.60; 10, not 10.00),
 * at most `decimals` places. `fixed` keeps the zeros (a profile may ask for 24.60).
 */
export function formatNumber(x: Numeric, decimals = 2, fixed = false): string {
  // Stryker disable next-line ObjectLiteral,StringLiteral: half-up is also round()'s and toFixed()'s default
  const d = round(x, { decimals, mode: "halfUp" });
  const s = d.toFixed(decimals);
  if (fixed || decimals === 0) return s;
  return s.replace(/\.?0+$/, "");
}

/** |a − b| ≤ tolerance */
export function within(a: Numeric, b: Numeric, tolerance: Numeric = "0.01"): boolean {
  return dec(a).minus(dec(b)).abs().lessThanOrEqualTo(dec(tolerance));
}
