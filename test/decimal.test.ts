// Decimal traps: binary floats give 9034/20000×10 = 4.5169999…; a checker that disagrees with a calculator is useless.
import { clamp, formatNumber, max, min, round, sum, toNumber, within } from "../src/core/decimal";
import { agreement, budgetRule, ruleScore } from "../src/core/score";

describe("rounding half-up to 2 decimals", () => {
  it.each([
    [4.517, "4.52"],
    [1.005, "1.01"], // Math.round(1.005 * 100) / 100 gives 1
    [9.6852, "9.69"],
    [2.675, "2.68"], // (2.675).toFixed(2) gives "2.67"
    [0.125, "0.13"],
  ])("%s → %s", (x, expected) => {
    expect(round(x).toFixed(2)).toBe(expected);
  });
  it("truncation profile: 9.6852 → 9.68", () => {
    expect(round(9.6852, { decimals: 2, mode: "truncate" }).toFixed(2)).toBe("9.68");
  });
  it("9034/20000 × 10 is exactly 4.517 and rounds to 4.52", () => {
    const r = ruleScore(">=", 20000, 9034, 10, "ratio");
    expect(r.score.toString()).toBe("4.517");
    expect(round(r.score).toNumber()).toBe(4.52);
  });
  it("the seed's 忠县 budget: 4,614,453.11 / 4,764,453.11 × 10 = 9.6852 → 9.69", () => {
    const b = budgetRule("4614453.11", "4764453.11", 10)!;
    expect(round(b.score).toNumber()).toBe(9.69);
    expect(round(b.rate).toNumber()).toBe(96.85);
  });
});

describe("numbers printed the seed's way", () => {
  it.each([
    [24.6, "24.6"],
    [10, "10"],
    [50.45, "50.45"],
    [89.45, "89.45"],
    [0.1 + 0.2, "0.3"],
  ])("%s → %s", (x, s) => expect(formatNumber(x)).toBe(s));
  it("fixed decimals when the profile asks", () =>
    expect(formatNumber(24.6, 2, true)).toBe("24.60"));
});

describe("≤ rules in real use (A=100, B=125, w=10)", () => {
  it("ratio gives 8.00", () =>
    expect(round(ruleScore("<=", 100, 125, 10, "ratio").score).toNumber()).toBe(8));
  it("linear gives 7.50", () =>
    expect(round(ruleScore("<=", 100, 125, 10, "linear").score).toNumber()).toBe(7.5));
  it("linear gives 0 at twice the target", () =>
    expect(ruleScore("<=", 100, 200, 10, "linear").score.toNumber()).toBe(0));
  it("at or under the target: full marks", () =>
    expect(ruleScore("<=", 137.85, 137.85, 8, "ratio").score.toNumber()).toBe(8));
});

describe("= and edge cases", () => {
  it("=100% met by 100% and by more", () => {
    expect(ruleScore("=", 100, 100, 5, "ratio").met).toBe(true);
    expect(ruleScore("=", 100, 101, 5, "ratio").score.toNumber()).toBe(5);
  });
  it("=15个 with 12个: 5 × 12/15 = 4", () =>
    expect(ruleScore("=", 15, 12, 5, "ratio").score.toNumber()).toBe(4));
  it("A = 0 with =: B ≤ 0 full marks, else 0", () => {
    expect(ruleScore("=", 0, 0, 5, "ratio").score.toNumber()).toBe(5);
    expect(ruleScore("=", 0, 1, 5, "ratio").score.toNumber()).toBe(0);
  });
  it("a negative actual counts as 0", () =>
    expect(ruleScore(">=", 30, -5, 8, "ratio").score.toNumber()).toBe(0));
});

describe("agreement of a written score with the rule", () => {
  const r2 = { decimals: 2, mode: "halfUp" as const };
  it("9.68 for 9.6852 is truncation: rounding", () =>
    expect(agreement(9.68, "9.6852", r2, 2)).toBe("rounding"));
  it("9 for 8.62 on a form of integers: rounding", () =>
    expect(agreement(9, "8.6204", r2, 0)).toBe("rounding"));
  it("9 for 8.62 on a form that writes 2 decimals: differs", () =>
    expect(agreement(9, "8.6204", r2, 2)).toBe("differs"));
  it("19 for 19.99 (floor) on a form of integers: rounding", () =>
    expect(agreement(19, "19.99", r2, 0)).toBe("rounding"));
  it("5.6 for 5.4: differs", () => expect(agreement(5.6, "5.4", r2, 2)).toBe("differs"));
  it("7.92 for 7.9224: ok", () => expect(agreement(7.92, "7.92241379", r2, 2)).toBe("ok"));
});

describe("whole numbers and sums", () => {
  it("whole-number rounding keeps the zeros of the number itself: 10 → 10, 90 → 90, 89.45 → 89", () => {
    expect(formatNumber(10, 0)).toBe("10");
    expect(formatNumber(90, 0)).toBe("90");
    expect(formatNumber(89.45, 0)).toBe("89");
    expect(formatNumber(89.5, 0)).toBe("90");
  });
  it("one decimal: 89.45 → 89.5 (half-up), 24.6 → 24.6, 100 → 100", () => {
    expect(formatNumber(89.45, 1)).toBe("89.5");
    expect(formatNumber(24.6, 1)).toBe("24.6");
    expect(formatNumber(100, 1)).toBe("100");
  });
  it("fixed decimals keep the zeros: 10 → 10.00, 4.4 → 4.40", () => {
    expect(formatNumber(10, 2, true)).toBe("10.00");
    expect(formatNumber(4.4, 2, true)).toBe("4.40");
  });
  it("a score of 0 prints 0, 0.004 prints 0", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(0.004)).toBe("0");
  });
  it("the seed's scores add up exactly: 7.2 + 5 + 5.4 + 4 + 1.5 + 6 + 5 + 3.35 + 5 + 8 = 50.45", () =>
    expect(sum([7.2, 5, 5.4, 4, 1.5, 6, 5, 3.35, 5, 8]).toString()).toBe("50.45"));
  it("0.1 + 0.2 = 0.3 exactly, not 0.30000000000000004", () =>
    expect(sum([0.1, 0.2]).toString()).toBe("0.3"));
  it("more than 6 decimals are not cut: 0.1234567 + 1 = 1.1234567", () =>
    expect(sum([0.1234567, 1]).toString()).toBe("1.1234567"));
  it("strings and Decimals add too: '137.85' + 0.15 = 138", () =>
    expect(sum(["137.85", 0.15]).toString()).toBe("138"));
  it("amounts in 元 beyond 2^53 millionths still add exactly: 9,000,000,000.01 × 2", () =>
    expect(sum([9000000000.01, 9000000000.01]).toString()).toBe("18000000000.02"));
  it("an empty list adds to 0", () => expect(sum([]).toString()).toBe("0"));
  it("min, max and clamp", () => {
    expect([min(3, 5).toNumber(), min(5, 3).toNumber()]).toEqual([3, 3]);
    expect([max(3, 5).toNumber(), max(5, 3).toNumber()]).toEqual([5, 5]);
    expect([clamp(-1, 0, 10), clamp(11, 0, 10), clamp(4.5, 0, 10)].map(toNumber)).toEqual([
      0, 10, 4.5,
    ]);
  });
  it("within 0.01: 89.45 against 89.46 yes, 89.47 no; a wider tolerance on request", () => {
    expect(within(89.45, 89.46)).toBe(true);
    expect(within(89.45, 89.47)).toBe(false);
    expect(within(89.45, 89.47, "0.05")).toBe(true);
  });
  it("round defaults to 2 decimals half-up", () => expect(round(2.675).toString()).toBe("2.68"));
});
