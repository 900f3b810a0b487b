// The scoring rules of SPEC §4 at their edges: strict targets, exceeded ≤ targets, a target or a budget of 0,
// qualitative bands at their bounds, and how a written score is judged. Every expected value is worked out by
// hand in the test name or the comment beside it.
import { round } from "../src/core/decimal";
import { PROFILES } from "../src/core/profiles";
import {
  agreement,
  budgetRule,
  decimalsOf,
  inBand,
  qualitativeBand,
  ruleScore,
  totalOf,
} from "../src/core/score";

/** A rule result as plain numbers: score rounded half-up to 2 decimals, completion in % (2 decimals). */
function rule(...args: Parameters<typeof ruleScore>) {
  const r = ruleScore(...args);
  return {
    score: round(r.score).toNumber(),
    completion: r.completion === null ? null : round(r.completion).toNumber(),
    met: r.met,
  };
}

describe("at least (≥) and strictly more than (>)", () => {
  it("≥30场 with 27场, weight 8: 8 × 27/30 = 7.2, 90% done, not met", () =>
    expect(rule(">=", 30, 27, 8, "ratio")).toEqual({ score: 7.2, completion: 90, met: false }));
  it("≥30场 with exactly 30场: full marks and met", () =>
    expect(rule(">=", 30, 30, 8, "ratio")).toEqual({ score: 8, completion: 100, met: true }));
  it("≥30场 with 45场: full marks (never above the weight), 150% done", () =>
    expect(rule(">=", 30, 45, 8, "ratio")).toEqual({ score: 8, completion: 150, met: true }));
  it(">95% with 90%: scored like ≥, 6 × 90/95 = 5.68, 94.74% done", () =>
    expect(rule(">", 95, 90, 6, "ratio")).toEqual({ score: 5.68, completion: 94.74, met: false }));
  it(">20个 with 25个: met (a > target is not an = target)", () =>
    expect(rule(">", 20, 25, 4, "ratio")).toEqual({ score: 4, completion: 125, met: true }));
  it("≥0 (nothing required): full marks whatever the actual, no completion rate", () => {
    expect(rule(">=", 0, 0, 5, "ratio")).toEqual({ score: 5, completion: null, met: true });
    expect(rule(">", 0, 3, 5, "ratio")).toEqual({ score: 5, completion: null, met: true });
  });
  it("≥−5 (a fall of at most 5) with 0: full marks, and no completion rate (a rate of a negative target means nothing)", () =>
    expect(rule(">=", -5, 0, 5, "ratio")).toEqual({ score: 5, completion: null, met: true }));
  it("a negative actual counts as 0: 0 points and 0% done", () =>
    expect(rule(">=", 30, -5, 8, "ratio")).toEqual({ score: 0, completion: 0, met: false }));
});

describe("at most (≤) and strictly less than (<)", () => {
  it("≤137.85万元 with 120万元: full marks, met; completion 137.85/120 = 114.88%", () =>
    expect(rule("<=", 137.85, 120, 8, "ratio")).toEqual({
      score: 8,
      completion: 114.88,
      met: true,
    }));
  it("≤100 with exactly 100: full marks and met", () =>
    expect(rule("<=", 100, 100, 10, "linear")).toEqual({ score: 10, completion: 100, met: true }));
  it("≤10天 with 0天: full marks, completion shown as 100% (not A/0)", () =>
    expect(rule("<=", 10, 0, 5, "ratio")).toEqual({ score: 5, completion: 100, met: true }));
  it("≤100 exceeded with 125: ratio 8, 80% done, NOT met (a reason is due)", () =>
    expect(rule("<=", 100, 125, 10, "ratio")).toEqual({ score: 8, completion: 80, met: false }));
  it("≤100 exceeded with 125: linear 10 × (1 − 25/100) = 7.5, not met", () =>
    expect(rule("<=", 100, 125, 10, "linear")).toEqual({
      score: 7.5,
      completion: 80,
      met: false,
    }));
  it("≤100 with 250 under linear: 0, never negative", () =>
    expect(rule("<=", 100, 250, 10, "linear").score).toBe(0));
  it("<5% with 8%: scored like ≤, ratio 4 × 5/8 = 2.5, not met", () =>
    expect(rule("<", 5, 8, 4, "ratio")).toEqual({ score: 2.5, completion: 62.5, met: false }));
  it("<5% with 8% under linear: 4 × (1 − 3/5) = 1.6", () =>
    expect(rule("<", 5, 8, 4, "linear").score).toBe(1.6));
  it("<5% with 3%: full marks, met", () =>
    expect(rule("<", 5, 3, 4, "ratio")).toEqual({ score: 4, completion: 166.67, met: true }));
  it("≤0 (no accident allowed): 0 accidents → full marks; 1 accident → 0, not met", () => {
    expect(rule("<=", 0, 0, 5, "ratio")).toEqual({ score: 5, completion: null, met: true });
    expect(rule("<", 0, 1, 5, "linear")).toEqual({ score: 0, completion: null, met: false });
  });
});

describe("equal to (=)", () => {
  it("=1场 with 1场: met, full marks", () =>
    expect(rule("=", 1, 1, 5, "ratio")).toEqual({ score: 5, completion: 100, met: true }));
  it("=15个 with 12个: 5 × 12/15 = 4, 80% done, not met", () =>
    expect(rule("=", 15, 12, 5, "ratio")).toEqual({ score: 4, completion: 80, met: false }));
  it("=8个 with 10个: score capped at the weight, but not met (8 was asked, a reason is due)", () =>
    expect(rule("=", 8, 10, 4, "ratio")).toEqual({ score: 4, completion: 125, met: false }));
  it("=100% with 100% and with 101%: met", () => {
    expect(rule("=", 100, 100, 5, "ratio")).toEqual({ score: 5, completion: 100, met: true });
    expect(rule("=", 100, 101, 5, "ratio")).toEqual({ score: 5, completion: 101, met: true });
  });
  it("=100% with 98%: 5 × 0.98 = 4.9, not met", () =>
    expect(rule("=", 100, 98, 5, "ratio")).toEqual({ score: 4.9, completion: 98, met: false }));
  it("=0 with 0: met; =0 with 1: 0 points, not met", () => {
    expect(rule("=", 0, 0, 5, "ratio")).toEqual({ score: 5, completion: null, met: true });
    expect(rule("=", 0, 1, 5, "ratio")).toEqual({ score: 0, completion: null, met: false });
  });
});

describe("budget execution", () => {
  it("37.24 of 43.2 with weight 10: rate 86.20%, score 8.62", () => {
    const r = budgetRule(37.24, 43.2, 10)!;
    expect(round(r.rate).toNumber()).toBe(86.2);
    expect(round(r.score).toNumber()).toBe(8.62);
  });
  it("more spent than budgeted (110 of 100): rate 110%, score capped at the weight", () => {
    const r = budgetRule(110, 100, 10)!;
    expect(r.rate.toNumber()).toBe(110);
    expect(r.score.toNumber()).toBe(10);
  });
  it("exactly the budget: 100% and full marks", () => {
    const r = budgetRule(137.85, 137.85, 10)!;
    expect([r.rate.toNumber(), r.score.toNumber()]).toEqual([100, 10]);
  });
  it("a negative executed amount counts as 0", () => {
    const r = budgetRule(-5, 100, 10)!;
    expect([r.rate.toNumber(), r.score.toNumber()]).toEqual([0, 0]);
  });
  it("a budget of 0 (or below) has no rate: no score is made up", () => {
    expect(budgetRule(5, 0, 10)).toBeNull();
    expect(budgetRule(0, 0, 10)).toBeNull();
    expect(budgetRule(5, -1, 10)).toBeNull();
  });
});

describe("qualitative bands (central 80/60, hubei 80/50)", () => {
  const central = PROFILES.central;
  const hubei = PROFILES.hubei;
  const within = (cls: Parameters<typeof qualitativeBand>[0], w: number, p = central) => {
    const band = qualitativeBand(cls, w, p);
    return (s: number) => inBand(s, band);
  };
  it("achieved, weight 10: 8 to 10 inclusive", () => {
    const ok = within("achieved", 10);
    expect([7.99, 8, 9, 10, 10.01].map(ok)).toEqual([false, true, true, true, false]);
  });
  it("partial, weight 10: 6 inclusive to 8 exclusive", () => {
    const ok = within("partial", 10);
    expect([5.99, 6, 7.99, 8].map(ok)).toEqual([false, true, true, false]);
  });
  it("not achieved, weight 10: 0 inclusive to 6 exclusive; a negative score is outside", () => {
    const ok = within("notAchieved", 10);
    expect([-0.01, 0, 5.99, 6].map(ok)).toEqual([false, true, true, false]);
  });
  it("hubei partial, weight 5: 2.5 inclusive to 4 exclusive", () => {
    const ok = within("partial", 5, hubei);
    expect([2.49, 2.5, 3.99, 4].map(ok)).toEqual([false, true, true, false]);
  });
  it("hubei not achieved, weight 5: below 2.5", () => {
    const ok = within("notAchieved", 5, hubei);
    expect([0, 2.49, 2.5].map(ok)).toEqual([true, true, false]);
  });
  it("the band bounds themselves: partial of weight 5 is [3, 4)", () => {
    const b = qualitativeBand("partial", 5, central);
    expect([b.lo.toNumber(), b.hi.toNumber(), b.hiInclusive]).toEqual([3, 4, false]);
    const top = qualitativeBand("achieved", 5, central);
    expect([top.lo.toNumber(), top.hi.toNumber(), top.hiInclusive]).toEqual([4, 5, true]);
    const low = qualitativeBand("notAchieved", 5, central);
    expect([low.lo.toNumber(), low.hi.toNumber(), low.hiInclusive]).toEqual([0, 3, false]);
  });
});

describe("a written score against the rule", () => {
  const r2 = { decimals: 2, mode: "halfUp" as const };
  it("8 of an exact 8 on a form of integers: ok, not a rounding warning", () =>
    expect(agreement(8, 8, r2, 0)).toBe("ok"));
  it("9.69 for 9.6852: ok", () => expect(agreement(9.69, "9.6852", r2, 2)).toBe("ok"));
  it("8.6 for 8.6204 on a form that writes one decimal: rounding", () =>
    expect(agreement(8.6, "8.6204", r2, 1)).toBe("rounding"));
  it("9 for 8.6204 on a form that writes one decimal: differs (integers would be coarser)", () =>
    expect(agreement(9, "8.6204", r2, 1)).toBe("differs"));
  it("8 for 8.6204 (floor) on a form of integers: rounding", () =>
    expect(agreement(8, "8.6204", r2, 0)).toBe("rounding"));
  it("7.93 for 7.9224: one cent off the calculator, ok; 7.94 differs", () => {
    expect(agreement(7.93, "7.9224", r2, 2)).toBe("ok");
    expect(agreement(7.94, "7.9224", r2, 2)).toBe("differs");
  });
  it("a profile of one decimal: 8.6 for 8.6204 is ok", () =>
    expect(agreement(8.6, "8.6204", { decimals: 1, mode: "halfUp" }, 1)).toBe("ok"));
});

describe("the total", () => {
  it("10 + 50.45 + 24.6 + 4.4 = 89.45", () =>
    expect(totalOf([10, 50.45, 24.6, 4.4], 0, 100).toNumber()).toBe(89.45));
  it("不适用 indicators worth 10: 80 of the applicable 90 → 80/90 × 100 = 88.89", () =>
    expect(round(totalOf([10, 70], 10, 100)).toNumber()).toBe(88.89));
  it("the decimals a score is written with: 9.68 → 2, 19 → 0, 24.6 → 1", () =>
    expect([9.68, 19, 24.6].map(decimalsOf)).toEqual([2, 0, 1]));
});
