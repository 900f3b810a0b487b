// The mistakes of SPEC §9 that the seed fixtures do not hold, each put into the project's own seed form.
import { analyze, analyzeWorkbook } from "../src/core/analyze";
import { toA1 } from "../src/core/grid";
import type { Analysis } from "../src/core/model";
import { getProfile } from "../src/core/profiles";
import { buildSeedForm, buildSeedWorkbook } from "../scripts/samples/seedForm";
import { brief } from "./support/analyzeHelpers";

function seed(
  edit: (
    set: (row: number, col: number, value: string | number | null) => void,
    layout: ReturnType<typeof buildSeedForm>["layout"]
  ) => void,
  profileId = "xicheng"
): Analysis {
  const { workbook, layout } = buildSeedForm();
  const grid = workbook.sheets.find((g) => g.sheet === layout.sheet)!;
  edit((row, col, value) => grid.set(row, col, { value }), layout);
  return analyze(grid, getProfile(profileId));
}

const codesAt = (a: Analysis, cell: string) =>
  a.findings.filter((f) => f.cell === cell).map((f) => `${f.code}:${f.severity}`);

describe("funding block", () => {
  it("年度资金总额 left at 0 while the 其中 row holds the money: the sum is used, FUNDING_SUM says so, a score of 0 is wrong", () => {
    const a = seed((set, l) => {
      set(l.fundingTotalRow, l.columns.initial, 0);
      set(l.fundingTotalRow, l.columns.budget, 0);
      set(l.fundingTotalRow, l.columns.executed, 0);
      set(l.fundingTotalRow, l.columns.fundingScore, 0);
    });
    expect(a.budget).toMatchObject({
      executed: 137.85,
      adjusted: 137.85,
      rate: 100,
      score: { written: 0, rule: 10 },
    });
    expect(a.findings.find((f) => f.code === "FUNDING_SUM")?.severity).toBe("warning");
    expect(a.findings.find((f) => f.code === "BUDGET_SCORE")).toMatchObject({
      severity: "error",
      suggestion: 10,
    });
  });
  it("a written rate that is not the computed one: BUDGET_RATE at the rate cell", () => {
    const a = seed((set, l) => set(l.fundingTotalRow, l.columns.rate, "95%"));
    expect(a.findings.find((f) => f.code === "BUDGET_RATE")).toMatchObject({
      severity: "error",
      cell: a.budget?.cells.rate,
    });
  });
  it("年度资金总额 that differs from the sum of its 其中 rows: FUNDING_SUM", () => {
    const a = seed((set, l) => set(l.fundingTotalRow + 1, l.columns.executed, 130));
    expect(a.findings.some((f) => f.code === "FUNDING_SUM" && f.message.includes("130"))).toBe(
      true
    );
  });
});

describe("indicators", () => {
  it("a numeric target answered with a word: TYPE_MISMATCH at the actual", () => {
    const a = seed((set, l) => set(l.indicatorRows["项目总成本"], l.columns.actual, "完成"));
    const cell = toA1(22, 6);
    expect(codesAt(a, cell)).toContain("TYPE_MISMATCH:error");
  });
  it("units that do not compare: TYPE_MISMATCH, no guessed score", () => {
    const a = seed((set, l) =>
      set(l.indicatorRows["“科普之夏进社区”系列活动场次"], l.columns.actual, "27篇")
    );
    expect(codesAt(a, "F13")).toContain("TYPE_MISMATCH:warning");
    expect(a.indicators.find((i) => i.row === 13)?.ruleScore).toBeNull();
  });
  it("met its target but scored 9 of 10 with no reason: SCORE_RULE suggests full marks", () => {
    const a = seed((set, l) => set(l.indicatorRows["科普活动覆盖街道数"], l.columns.score, 4));
    expect(a.findings.find((f) => f.code === "SCORE_RULE" && f.cell === "H24")).toMatchObject({
      severity: "error",
      suggestion: 5,
    });
  });
  it("over-achievement (≥ 1.3 × target) without a reason: OVER_ACHIEVED warning, no deduction", () => {
    const a = seed((set, l) =>
      set(l.indicatorRows["“科普之夏进社区”系列活动场次"], l.columns.actual, "45场")
    );
    const f = a.findings.find((x) => x.code === "OVER_ACHIEVED");
    expect(f?.cell).toBe("F13");
    expect(a.indicators.find((i) => i.row === 13)?.ruleScore).toBe(8);
  });
  it("a reason that is a placeholder (无, /, 0) counts as missing", () => {
    for (const placeholder of ["无", "/", "0", "—"]) {
      const a = seed((set, l) =>
        set(l.indicatorRows["科技工作者“周末带娃行”活动"], l.columns.reason, placeholder)
      );
      expect(codesAt(a, "I17")).toContain("REASON_MISSING:error");
    }
  });
  it("a reason without a measure is an info", () => {
    const a = seed((set, l) =>
      set(l.indicatorRows["科技工作者“周末带娃行”活动"], l.columns.reason, "受天气影响取消2次")
    );
    expect(codesAt(a, "I17")).toEqual(["REASON_MISSING:info"]);
  });
  it("a weight of 0, negative or not a number is an error at the weight cell", () => {
    expect(
      codesAt(
        seed((set) => set(16, 7, 0)),
        "G16"
      )
    ).toContain("WEIGHT_NOT_POSITIVE:error");
    expect(
      codesAt(
        seed((set) => set(16, 7, -2)),
        "G16"
      )
    ).toContain("WEIGHT_NOT_POSITIVE:error");
    expect(
      codesAt(
        seed((set) => set(16, 7, "四")),
        "G16"
      )
    ).toContain("VALUE_UNPARSED:error");
  });
  it("an actual left empty is VALUE_UNPARSED at its cell", () => {
    expect(
      codesAt(
        seed((set) => set(16, 6, null)),
        "F16"
      )
    ).toContain("VALUE_UNPARSED:error");
  });
  it("a qualitative word that cannot be classified is said, not guessed", () => {
    const a = seed((set) => set(25, 6, "稳步推进中"));
    expect(codesAt(a, "F25")).toContain("SCORE_BAND:warning");
  });
  it("the two ≤ rules in real use give different suggestions: 150万元 against ≤137.85万元, weight 8", () => {
    const over = (profile: ReturnType<typeof getProfile>) => {
      const { workbook } = buildSeedForm();
      workbook.sheets[0].set(22, 6, { value: "150万元" });
      return analyze(workbook.sheets[0], profile).findings.find(
        (f) => f.code === "SCORE_RULE" && f.cell === "H22"
      )?.suggestion;
    };
    expect(over(getProfile("xicheng"))).toBe(7.35); // ratio: 8 × 137.85 ÷ 150
    expect(over(getProfile("xicheng", { atMostRule: "linear" }))).toBe(7.29); // linear: 8 × (1 − 12.15 ÷ 137.85)
  });
});

describe("goals text", () => {
  it("a breakdown that does not add up to its stated total: TEXT_MISMATCH", () => {
    const a = seed((set, l) =>
      set(
        l.goalRow + 1,
        2,
        "全年举办科普活动，其中活动经费100万元、宣传经费20万元、其他经费10万元，合计137.85万元。"
      )
    );
    const f = a.findings.find((x) => x.code === "TEXT_MISMATCH");
    expect(f).toMatchObject({ severity: "warning" });
    expect(f?.message).toContain("130");
  });
  it("a stated amount that is not the budget: TEXT_MISMATCH", () => {
    const a = seed((set, l) => set(l.goalRow + 1, 2, "项目总预算150万元，用于开展全区科普活动。"));
    expect(a.findings.some((x) => x.code === "TEXT_MISMATCH" && x.message.includes("137.85"))).toBe(
      true
    );
  });
});

describe("profiles change the verdict, not the code", () => {
  it("not-applicable indicators are left out and the total scaled to the applicable weights", () => {
    const { workbook } = buildSeedForm();
    const g = workbook.sheets[0];
    g.set(21, 5, { value: "不适用" });
    g.set(21, 6, { value: "不适用" });
    g.set(21, 8, { value: 0 });
    // (89.45 − 5) ÷ (100 − 5) × 100 = 88.89
    expect(analyze(g, getProfile("xicheng", { notApplicable: true })).total.computed).toBe(88.89);
    // without the setting the row is just a row scored 0
    expect(analyze(g, getProfile("xicheng")).total.computed).toBe(84.45);
  });
  it("a workbook with two table sheets reports each", () => {
    const one = buildSeedWorkbook();
    const two = buildSeedWorkbook({ sheetName: "附件2", variant: "errors" });
    const result = analyzeWorkbook(
      { sheets: [...one.sheets, ...two.sheets] },
      getProfile("xicheng")
    );
    expect(result.analyses.map((x) => [x.sheet, x.total.computed])).toEqual([
      ["附件1", 89.45],
      ["附件2", 93.05],
    ]);
    expect(brief(result.analyses[1].findings).length).toBeGreaterThan(8);
  });
});

describe("several table sheets", () => {
  it("opens the chosen one, else the active one, else 附件1 / …自评表, else the first", async () => {
    const { preferredTableSheet } = await import("../src/core/analyze");
    const sheets = ["项目A", "附件1", "附件2"];
    expect(preferredTableSheet(sheets, "附件2", "项目A")).toBe("附件2");
    expect(preferredTableSheet(sheets, undefined, "项目A")).toBe("项目A");
    expect(preferredTableSheet(sheets, undefined, "封面")).toBe("附件1");
    expect(preferredTableSheet(["甲", "乙项目自评表"], null, null)).toBe("乙项目自评表");
    expect(preferredTableSheet(["甲", "乙"], null, null)).toBe("甲");
    expect(preferredTableSheet([], null, null)).toBeNull();
  });
});
