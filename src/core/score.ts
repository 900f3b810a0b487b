// Scoring rules (SPEC §4), in decimal arithmetic. Functions return exact (unrounded) scores; callers round
// with the profile's rounding so that "explained by coarser rounding" can be judged against the exact value.
import { Decimal, clamp, dec, round, sum, type Numeric, type Rounding } from "./decimal";
import type { NumberValue, QualitativeClass } from "./notation";
import type { AtMostRule, Profile } from "./profiles";

export interface RuleResult {
  /** Exact score in [0, w]. */
  score: Decimal;
  /** Completion rate in % (B/A for at-least and equal, A/B for at-most), null when A or B is 0. */
  completion: Decimal | null;
  met: boolean;
}

const ZERO = new Decimal(0);

/**
 * Score of a quantitative indicator from target A and actual B (already in the same unit).
 * `atMost` chooses between the two ≤ rules in real use.
 */
export function ruleScore(
  op: NumberValue["op"],
  aIn: Numeric,
  bIn: Numeric,
  wIn: Numeric,
  atMost: AtMostRule
): RuleResult {
  const a = dec(aIn);
  const w = dec(wIn);
  let b = dec(bIn);
  if (b.isNegative()) b = ZERO; // a negative actual counts as 0
  const completionOf = (num: Decimal, den: Decimal) =>
    den.isZero() ? null : num.dividedBy(den).times(100);

  if (op === ">=" || op === ">") {
    if (a.lessThanOrEqualTo(0)) return { score: w, completion: null, met: true };
    // the strict form scores the same: at B = A the formula already gives w
    const met = b.greaterThanOrEqualTo(a);
    return {
      score: met ? w : clamp(w.times(b).dividedBy(a), ZERO, w),
      completion: completionOf(b, a),
      met,
    };
  }
  if (op === "<=" || op === "<") {
    if (a.isZero())
      return {
        score: b.lessThanOrEqualTo(0) ? w : ZERO,
        completion: null,
        met: b.lessThanOrEqualTo(0),
      };
    if (b.lessThanOrEqualTo(a))
      return { score: w, completion: completionOf(a, b) ?? new Decimal(100), met: true };
    const s =
      atMost === "ratio"
        ? w.times(a).dividedBy(b)
        : b.greaterThanOrEqualTo(a.times(2))
          ? ZERO
          : w.times(new Decimal(1).minus(b.minus(a).dividedBy(a)));
    return { score: clamp(s, ZERO, w), completion: completionOf(a, b), met: false };
  }
  // "=": A = 100% → B ≥ A counts as met
  if (a.isZero())
    return {
      score: b.lessThanOrEqualTo(0) ? w : ZERO,
      completion: null,
      met: b.lessThanOrEqualTo(0),
    };
  const met = b.equals(a) || (a.equals(100) && b.greaterThanOrEqualTo(a));
  return {
    score: met ? w : clamp(w.times(b).dividedBy(a), ZERO, w),
    completion: completionOf(b, a),
    met,
  };
}

/** Budget execution: rate = executed ÷ budget, score = w × min(rate, 100%). */
export function budgetRule(
  executed: Numeric,
  budget: Numeric,
  weight: Numeric
): { rate: Decimal; score: Decimal } | null {
  const base = dec(budget);
  if (base.lessThanOrEqualTo(0)) return null;
  const e = dec(executed).isNegative() ? ZERO : dec(executed);
  const rate = e.dividedBy(base);
  const capped = rate.greaterThan(1) ? new Decimal(1) : rate;
  return { rate: rate.times(100), score: dec(weight).times(capped) };
}

/** Band of scores allowed for a qualitative actual: [lo, hi] with hi exclusive except for the top band. */
export function qualitativeBand(
  cls: QualitativeClass,
  weight: Numeric,
  profile: Pick<Profile, "qualitativeBands">
): { lo: Decimal; hi: Decimal; hiInclusive: boolean } {
  const w = dec(weight);
  const { achieved, partial } = profile.qualitativeBands;
  if (cls === "achieved") return { lo: w.times(achieved), hi: w, hiInclusive: true };
  if (cls === "partial") return { lo: w.times(partial), hi: w.times(achieved), hiInclusive: false };
  return { lo: ZERO, hi: w.times(partial), hiInclusive: false };
}

export function inBand(
  score: Numeric,
  band: { lo: Decimal; hi: Decimal; hiInclusive: boolean }
): boolean {
  const s = dec(score);
  if (s.lessThan(band.lo)) return false;
  return band.hiInclusive ? s.lessThanOrEqualTo(band.hi) : s.lessThan(band.hi);
}

export type Agreement = "ok" | "rounding" | "differs";

/**
 * Does a written score agree with the exact rule score?
 * - equal to the exact score rounded the profile's way → ok;
 * - equal to it rounded coarser (integers, one decimal) or truncated → rounding (a warning: 9.68 for 9.6852,
 *   19 for 19.99). Integer rounding only explains a difference on a form that itself writes integers:
 *   `formDecimals` is the most decimals any score on the form shows;
 * - otherwise within 0.01 of the profile-rounded score → ok (another calculator's last digit);
 * - else differs.
 */
export function agreement(
  written: Numeric,
  exact: Numeric,
  rounding: Rounding,
  formDecimals: number
): Agreement {
  const w = dec(written);
  const expected = round(exact, rounding);
  if (w.equals(expected)) return "ok";
  const candidates: Rounding[] = [{ decimals: 2, mode: "truncate" }];
  for (const decimals of [0, 1]) {
    if (decimals < formDecimals) continue;
    // Stryker disable next-line StringLiteral: round() reads every mode but "truncate" as half-up
    candidates.push({ decimals, mode: "halfUp" }, { decimals, mode: "truncate" });
  }
  if (candidates.some((r) => round(exact, r).equals(w))) return "rounding";
  return w.minus(expected).abs().lessThanOrEqualTo("0.01") ? "ok" : "differs";
}

/**
 * The total: budget score + Σ indicator scores, scaled to the applicable weights when some indicators are 不适用
 * (Σ scores ÷ (total weight − their weights) × total weight). Exact; the caller rounds.
 */
export function totalOf(
  scores: Numeric[],
  notApplicableWeight: Numeric,
  totalWeight: Numeric
): Decimal {
  const exact = sum(scores);
  const na = dec(notApplicableWeight);
  return na.isZero() ? exact : exact.dividedBy(dec(totalWeight).minus(na)).times(totalWeight);
}

/** Number of decimals a number is written with (9.68 → 2, 19 → 0). */
export function decimalsOf(x: Numeric): number {
  return dec(x).decimalPlaces();
}
