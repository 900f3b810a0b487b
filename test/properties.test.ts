// Property tests: the rules hold for every input, not only for the examples.
import fc from "fast-check";
import { dec, round, sum } from "../src/core/decimal";
import { ruleScore, budgetRule } from "../src/core/score";
import { analyze } from "../src/core/analyze";
import { getProfile } from "../src/core/profiles";
import { buildSeedWorkbook } from "../src/samples/seedForm";
import { parseValue } from "../src/core/notation";

const amount = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toString());
const positive = fc.integer({ min: 1, max: 10_000_000 }).map((n) => (n / 100).toString());
const weight = fc.integer({ min: 1, max: 4000 }).map((n) => (n / 100).toString());
const op = fc.constantFrom(">=", ">", "<=", "<", "=" as const);
const rule = fc.constantFrom("ratio", "linear" as const);

describe("scores", () => {
  it("every score lies within [0, weight]", () => {
    fc.assert(
      fc.property(op, amount, amount, weight, rule, (o, a, b, w, r) => {
        const s = ruleScore(o, a, b, w, r).score;
        return s.greaterThanOrEqualTo(0) && s.lessThanOrEqualTo(w);
      }),
    );
  });
  it("an at-least score never decreases as the actual grows", () => {
    fc.assert(
      fc.property(positive, amount, amount, weight, (a, b1, b2, w) => {
        const [lo, hi] = dec(b1).lessThan(b2) ? [b1, b2] : [b2, b1];
        return ruleScore(">=", a, lo, w, "ratio").score.lessThanOrEqualTo(ruleScore(">=", a, hi, w, "ratio").score);
      }),
    );
  });
  it("an at-most score never increases as the actual grows", () => {
    fc.assert(
      fc.property(positive, amount, amount, weight, rule, (a, b1, b2, w, r) => {
        const [lo, hi] = dec(b1).lessThan(b2) ? [b1, b2] : [b2, b1];
        return ruleScore("<=", a, lo, w, r).score.greaterThanOrEqualTo(ruleScore("<=", a, hi, w, r).score);
      }),
    );
  });
  it("the budget score lies within [0, weight] and is full at or above 100%", () => {
    fc.assert(
      fc.property(amount, positive, weight, (e, b, w) => {
        const r = budgetRule(e, b, w)!;
        const inRange = r.score.greaterThanOrEqualTo(0) && r.score.lessThanOrEqualTo(w);
        return inRange && (dec(e).lessThan(b) || r.score.equals(w));
      }),
    );
  });
});

describe("totals", () => {
  it("total = Σ parts, whatever the written scores", () => {
    const profile = getProfile("xicheng");
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 15, maxLength: 15 }), fc.integer({ min: 0, max: 1000 }), (scores, budget) => {
        const book = buildSeedWorkbook();
        const g = book.sheets[0];
        scores.forEach((s, i) => g.set(13 + i, 8, { value: s / 100 }));
        g.set(6, 9, { value: budget / 100 });
        const a = analyze(g, profile);
        const parts = sum(Object.values(a.summary.parts));
        return round(parts).equals(a.total.computed) && a.summary.sentence.includes(`${a.total.computed}分`);
      }),
      { numRuns: 50 },
    );
  });
});

describe("the notation parser", () => {
  it("never throws, whatever is in the cell", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), fc.option(fc.string()), (v, fmt) => {
        parseValue(v as never, fmt ?? undefined);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
