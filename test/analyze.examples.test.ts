// The real forms of EXAMPLES.md, each with the checks it lists.
import { analyze } from "../src/core/analyze";
import type { Analysis, Finding, FindingCode } from "../src/core/model";
import { getProfile } from "../src/core/profiles";
import { exampleForm, type ExampleForm } from "./support/examples";
import { brief, partsByLabel } from "./support/analyzeHelpers";

// Called in beforeEach, not in the describe body or beforeAll: Stryker (npm run mutate) counts only what runs
// between a test's start and end as that test's coverage; anything else makes every mutant run every test.
function run(id: ExampleForm["id"]): { a: Analysis; ex: ExampleForm } {
  const ex = exampleForm(id);
  return { a: analyze(ex.grid, getProfile(ex.profile)), ex };
}

function only(a: Analysis, code: FindingCode, cell: string): Finding {
  const hits = a.findings.filter((f) => f.code === code && f.cell === cell);
  if (hits.length !== 1)
    throw new Error(`expected one ${code} at ${cell}, got:\n${brief(a.findings).join("\n")}`);
  return hits[0];
}

const errors = (a: Analysis) => a.findings.filter((f) => f.severity === "error");

describe("湖北 鄂州市科协 2022 (no 分值 column, budget worth 20)", () => {
  let a: Analysis;
  let ex: ExampleForm;
  beforeEach(() => ({ a, ex } = run("hubei-ezhou-2022")));
  it("budget 20 × 103.97/104 = 19.99, written 19: BUDGET_SCORE (floor on a form of integers → rounding warning)", () => {
    expect(a.budget).toMatchObject({
      weight: 20,
      rate: 99.97,
      score: { written: 19, rule: 19.99 },
    });
    const f = only(a, "BUDGET_SCORE", ex.cells.budgetScore);
    expect(f).toMatchObject({ severity: "warning", suggestion: 19.99 });
  });
  it("the rate written 99.97 without % is read as 99.97%", () => {
    expect(a.budget?.writtenRate).toBe(99.97);
    expect(a.findings.some((f) => f.code === "BUDGET_RATE")).toBe(false);
  });
  it("no 分值 column: COLUMN_MISSING names the skipped checks; no per-indicator rule finding is guessed", () => {
    const f = a.findings.find((x) => x.code === "COLUMN_MISSING" && x.severity === "warning");
    expect(f?.message).toContain("已跳过");
    expect(a.skippedChecks).toContain("逐项得分是否符合计分规则");
    expect(
      a.findings.some((x) =>
        ["SCORE_RULE", "SCORE_RANGE", "SCORE_BAND", "WEIGHT_TOTAL"].includes(x.code)
      )
    ).toBe(false);
    expect(a.total.weight).toBeNull();
  });
  it("9场 of 10场 with no reason: REASON_MISSING at its reason cell", () => {
    const ind = ex.cells.indicators["开展全国科普日专题科普活动"];
    expect(only(a, "REASON_MISSING", ind.reason as string).severity).toBe("error");
  });
  it("totals only: 19 + 63 = 82 as written", () => {
    expect(a.total).toMatchObject({ written: 82, computed: 82 });
  });
});

describe("湖北 渔业成品油价格改革补贴 2020 (no 一级 column)", () => {
  let a: Analysis;
  beforeEach(() => ({ a } = run("hubei-yuye-2020")));
  it("20 + 20 + 10 + 10 + 40 = 100, nothing wrong in the totals", () => {
    expect(a.total).toMatchObject({ written: 100, computed: 100 });
    expect(partsByLabel(a)).toMatchObject({ 预算执行: 20, 服务对象满意度: 40 });
    expect(errors(a)).toEqual([]);
  });
  it("the rate written as a ratio (1) is 100%", () => {
    expect(a.budget).toMatchObject({ writtenRate: 100, rate: 100 });
    expect(a.findings.some((f) => f.code === "BUDGET_RATE")).toBe(false);
  });
  it("indicators are grouped by their 二级 when there is no 一级", () => {
    expect(a.indicators.map((i) => i.group)).toEqual(["产出", "产出", "产出", "满意度"]);
  });
});

describe("北京 海淀区学院路街道 2016 (分值 before the values, 得分计算方法 column)", () => {
  let a: Analysis;
  let ex: ExampleForm;
  beforeEach(() => ({ a, ex } = run("beijing-haidian-2016")));
  it("154.74/310.2 = 49.88%, written 50%: BUDGET_RATE", () => {
    expect(a.budget?.rate).toBe(49.88);
    expect(only(a, "BUDGET_RATE", ex.cells.budgetRate).message).toContain("49.88");
  });
  it("no 全年预算数 column: the rate uses 年初预算数", () => {
    expect(a.budget).toMatchObject({ planned: 310.2, adjusted: null });
  });
  it("4.99 written 5: a rounding warning, not an error", () => {
    expect(only(a, "BUDGET_SCORE", ex.cells.budgetScore)).toMatchObject({
      severity: "warning",
      suggestion: 4.99,
    });
  });
  it("execution of 50% needs a reason", () => {
    expect(
      a.findings.some((f) => f.code === "REASON_MISSING" && f.message.includes("49.88%"))
    ).toBe(true);
  });
  it("the 产出指标(50分) label agrees with its parts and nothing else is an error", () => {
    expect(a.groups.find((g) => g.name === "产出指标")).toMatchObject({
      declaredWeight: 50,
      weight: 50,
    });
    expect(errors(a)).toEqual([]);
  });
});

describe("重庆 忠县科协 2024 (元, thousands separators)", () => {
  let a: Analysis;
  let ex: ExampleForm;
  beforeEach(() => ({ a, ex } = run("chongqing-zhongxian-2024")));
  it("amounts in 元 with separators are read", () => {
    expect(a.project.moneyUnit).toBe("元");
    expect(a.budget).toMatchObject({ adjusted: 4764453.11, executed: 4614453.11, rate: 96.85 });
  });
  it("96.8517% → 9.6852 → 9.69 half-up; 9.68 is truncation: a rounding warning, not an error", () => {
    expect(a.budget?.score.rule).toBe(9.69);
    expect(only(a, "BUDGET_SCORE", ex.cells.budgetScore)).toMatchObject({
      severity: "warning",
      suggestion: 9.69,
    });
    expect(errors(a)).toEqual([]);
  });
  it("with a truncating profile, 9.68 is right", () => {
    const t = analyze(
      exampleForm("chongqing-zhongxian-2024").grid,
      getProfile("central", { rounding: { decimals: 2, mode: "truncate" } })
    );
    expect(t.budget?.score.rule).toBe(9.68);
    expect(t.findings.some((f) => f.code === "BUDGET_SCORE")).toBe(false);
  });
});

describe("湖北 市级服务贸易发展资金 2020 (blocks that do not add up)", () => {
  let a: Analysis;
  let ex: ExampleForm;
  beforeEach(() => ({ a, ex } = run("hubei-fuwumaoyi-2020")));
  it("产出(60) + 效益(40) = 100 ≠ the block's 80: WEIGHT_GROUP at the block label", () => {
    const f = only(a, "WEIGHT_GROUP", ex.cells.blockLabels["年度绩效目标(80分)"]);
    expect(f.message).toMatch(/80.*100/);
  });
  it("budget 20 + 100 = 120 ≠ 100: WEIGHT_TOTAL", () => {
    const f = a.findings.find((x) => x.code === "WEIGHT_TOTAL" && x.severity === "error");
    expect(f?.message).toContain("120");
  });
  it("budget execution counted again as a 产出 indicator: a warning", () => {
    const ind = ex.cells.indicators["预算资金执行率"];
    expect(
      a.findings.find((f) => f.code === "BUDGET_DOUBLE_COUNTED" && f.cell === ind.name)?.severity
    ).toBe("warning");
  });
  it("在岸 at 116.7% of target is below the 130% over-achievement threshold", () => {
    expect(a.findings.some((f) => f.code === "OVER_ACHIEVED")).toBe(false);
    const onshore = a.indicators.find((i) => i.name.startsWith("服务外包在岸"));
    expect(onshore?.completion).toBe(116.67);
  });
});
