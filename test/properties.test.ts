// Property tests: the rules hold for every input, not only for the examples.
import fc from "fast-check";
import { dec, round, sum } from "../src/core/decimal";
import { ruleScore, budgetRule } from "../src/core/score";
import { analyze } from "../src/core/analyze";
import { getProfile } from "../src/core/profiles";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { parseValue } from "../src/core/notation";
import { partsByLabel } from "./support/analyzeHelpers";

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
      })
    );
  });
  it("an at-least score never decreases as the actual grows", () => {
    fc.assert(
      fc.property(positive, amount, amount, weight, (a, b1, b2, w) => {
        const [lo, hi] = dec(b1).lessThan(b2) ? [b1, b2] : [b2, b1];
        return ruleScore(">=", a, lo, w, "ratio").score.lessThanOrEqualTo(
          ruleScore(">=", a, hi, w, "ratio").score
        );
      })
    );
  });
  it("an at-most score never increases as the actual grows", () => {
    fc.assert(
      fc.property(positive, amount, amount, weight, rule, (a, b1, b2, w, r) => {
        const [lo, hi] = dec(b1).lessThan(b2) ? [b1, b2] : [b2, b1];
        return ruleScore("<=", a, lo, w, r).score.greaterThanOrEqualTo(
          ruleScore("<=", a, hi, w, r).score
        );
      })
    );
  });
  it("the budget score lies within [0, weight] and is full at or above 100%", () => {
    fc.assert(
      fc.property(amount, positive, weight, (e, b, w) => {
        const r = budgetRule(e, b, w)!;
        const inRange = r.score.greaterThanOrEqualTo(0) && r.score.lessThanOrEqualTo(w);
        return inRange && (dec(e).lessThan(b) || r.score.equals(w));
      })
    );
  });
});

describe("totals", () => {
  // The oracle is integer arithmetic in cents, not the engine: scores are written as n/100.
  const xichengGrade = (cents: number) =>
    cents >= 9000 ? "优秀" : cents >= 8000 ? "良好" : cents >= 6000 ? "中等" : "较差";
  const total = (ns: number[]) => ns.reduce((s, n) => s + n, 0);
  it("the total, the grade and the summary sentence follow the written scores", () => {
    const profile = getProfile("xicheng");
    fc.assert(
      fc.property(
        // scores up to each row's own weight: the seed's weights are 8 5 6 4 3 6 5 5 5 8 | 10 5 5 | 10 | 5
        fc.tuple(
          ...[8, 5, 6, 4, 3, 6, 5, 5, 5, 8, 10, 5, 5, 10, 5].map((w) =>
            fc.integer({ min: 0, max: w * 100 })
          )
        ),
        fc.integer({ min: 0, max: 1000 }),
        (scores, budget) => {
          const g = buildSeedWorkbook().sheets[0];
          scores.forEach((s, i) => g.set(13 + i, 8, { value: s / 100 }));
          g.set(6, 9, { value: budget / 100 });
          const a = analyze(g, profile);
          const output = total(scores.slice(0, 10));
          const benefit = total(scores.slice(10, 14)); // 效益 + 可持续影响
          const satisfaction = scores[14];
          const sum = budget + output + benefit + satisfaction;
          expect(a.total.computed).toBe(sum / 100);
          expect(a.grade.label).toBe(xichengGrade(sum));
          expect(partsByLabel(a)).toEqual({
            预算执行: budget / 100,
            项目产出: output / 100,
            项目效益: benefit / 100,
            服务对象满意度: satisfaction / 100,
          });
          // String(n / 100) prints 24.6 and 10 the seed's way
          expect(a.summary.sentence).toBe(
            `全区科普经费项目自评得分${String(sum / 100)}分，绩效级别为“${xichengGrade(sum)}”。` +
              `其中：预算执行${String(budget / 100)}分，项目产出${String(output / 100)}分，` +
              `项目效益${String(benefit / 100)}分，服务对象满意度${String(satisfaction / 100)}分。`
          );
        }
      ),
      { numRuns: 50 }
    );
  });
});

describe("the notation parser", () => {
  // parseValue catches everything, so "never throws" cannot fail; what it returns can.
  it("keeps what was written, and calls a cell empty exactly when it holds no letter and no digit", () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (v, fmt) => {
        const parsed = parseValue(v, fmt);
        expect(parsed.raw).toBe(v);
        const blank = !/[\p{L}\p{N}]/u.test(v.normalize("NFKC"));
        expect(parsed.kind === "empty").toBe(blank);
        if (parsed.kind === "number") expect(v.normalize("NFKC")).toMatch(/\d/);
      }),
      { numRuns: 2000 }
    );
  });
  it("reads every cell number in range as that number; an infinite or out-of-range one (> 1e100) as text", () => {
    const inRange = fc
      .double({ min: -1e100, max: 1e100, noNaN: true })
      .filter((x) => x === 0 || Math.abs(x) >= 1e-9);
    fc.assert(
      fc.property(inRange, (x) => {
        const parsed = parseValue(x);
        expect(parsed).toMatchObject({ kind: "number", op: ">=", explicitOp: false });
        if (parsed.kind === "number") expect(dec(parsed.value).equals(dec(String(x)))).toBe(true);
      }),
      { numRuns: 500 }
    );
    for (const x of [Infinity, -Infinity, 1e101, -1e300, 1e308])
      expect(parseValue(x)).toMatchObject({ kind: "text", raw: String(x) });
  });
});

describe("the engine on damaged forms", () => {
  const cellValue = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    // JSON numbers carry parts exactly up to 2^53: amounts beyond ±1e9 are not forms, only noise
    fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(
      "≥30场",
      "≤137.85万元",
      "=100%",
      "达成年度指标",
      "部分达成",
      "—",
      "无",
      "总分",
      "合计",
      "分值",
      "年度指标值",
      "0",
      "-5",
      "=SUM(A1)"
    )
  );
  it("never throws, whatever is typed into any cell of the form, and its parts still add up to its total", () => {
    const profile = getProfile("xicheng");
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 10 }), cellValue),
          { minLength: 1, maxLength: 25 }
        ),
        (edits) => {
          const g = buildSeedWorkbook().sheets[0];
          for (const [r, c, v] of edits) g.set(r, c, { value: v as never });
          let a;
          try {
            a = analyze(g, profile);
          } catch (e) {
            // the only acceptable failure: the header itself was destroyed
            return (e as Error).name === "Error" && /没有找到绩效指标表/.test((e as Error).message);
          }
          return (
            round(sum(a.summary.parts.map((p) => p.score))).equals(a.total.computed) &&
            a.findings.every((f) => f.message.length > 0 && /^[A-Z]{1,3}\d+$/.test(f.cell))
          );
        }
      ),
      { numRuns: 300 }
    );
  });
});
