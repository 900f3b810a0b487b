// The same seed form in other hands gives the same analysis (issue: "the same seed form in other hands").
import { buildSeedWorkbook, SEED_FACTS, type SeedFormOptions } from "../scripts/samples/seedForm";
import { analyzeBook, brief, errorsAndWarnings, partsByLabel } from "./support/analyzeHelpers";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { readWorkbook } from "../src/xlsx/read";

const variants: [string, SeedFormOptions][] = [
  ["starting at C4", { origin: "C4" }],
  ["after another sheet", { sheetsBefore: ["说明", "报告正文"] }],
  ["weights in labels", { weightsInLabels: true }],
  ["可持续影响 as its own 一级", { sustainabilityAsLevel1: true }],
  [
    "可持续影响 as its own 一级 with weights in labels",
    { sustainabilityAsLevel1: true, weightsInLabels: true },
  ],
  ["percentages as numbers", { percentAsNumbers: true }],
  ["amounts in 元", { amountsInYuan: true }],
  ["合计 for 总分", { totalLabel: "合计" }],
  ["权重 for 分值", { weightHeader: "权重" }],
  ["operator and unit columns", { operatorUnitColumns: true }],
  ["placeholder rows", { placeholderRows: true }],
  ["an empty 二级 row", { emptyLevel2Row: true }],
  ["merges unknown (ExcelApi < 1.13)", { mergesUnknown: true }],
  [
    "everything at once",
    {
      origin: "B3",
      sheetsBefore: ["封面"],
      weightsInLabels: true,
      percentAsNumbers: true,
      amountsInYuan: true,
      totalLabel: "合计",
      weightHeader: "权重",
      operatorUnitColumns: true,
      placeholderRows: true,
      emptyLevel2Row: true,
    },
  ],
];

// What the seed says (SPEC §7, seed-report.txt), not what the engine made of the plain build: a variant and the
// plain build could be wrong the same way.
const SEED_SENTENCE =
  "全区科普经费项目自评得分89.45分，绩效级别为“良好”。其中：预算执行10分，项目产出50.45分，项目效益24.6分，服务对象满意度4.4分。";
const SEED_PARTS = { 预算执行: 10, 项目产出: 50.45, 项目效益: 24.6, 服务对象满意度: 4.4 };
// 10 产出 rows, 3 效益 rows, 1 可持续影响 row, 1 满意度 row, in the form's order
const SEED_GROUPS = [
  ...Array<string>(10).fill("产出"),
  ...Array<string>(3).fill("效益"),
  "可持续影响",
  "满意度",
];
const SEED_INDICATORS = SEED_FACTS.indicators.map((i, k) => [
  i.name,
  i.score,
  i.weight,
  SEED_GROUPS[k],
]);

describe("the seed form in other hands", () => {
  it("the seed's facts add up to the report's figures (the oracle below is right)", () => {
    expect(SEED_INDICATORS).toHaveLength(15);
    // 产出 7.2+5+5.4+4+1.5+6+5+3.35+5+8 = 50.45; 效益 9.5+5+4 + 可持续影响 6.1 = 24.6; 满意度 4.4
    const byGroup = (keys: string[]) =>
      SEED_INDICATORS.filter((i) => keys.includes(i[3] as string)).map((i) => i[1] as number);
    expect(byGroup(["产出"])).toEqual([7.2, 5, 5.4, 4, 1.5, 6, 5, 3.35, 5, 8]);
    expect(byGroup(["效益", "可持续影响"])).toEqual([9.5, 5, 4, 6.1]);
    expect(byGroup(["满意度"])).toEqual([4.4]);
  });
  it.each(variants)(
    "%s: same total, grade, parts and indicators, no error or warning",
    (_name, options) => {
      const a = analyzeBook(buildSeedWorkbook(options));
      expect(brief(errorsAndWarnings(a))).toEqual([]);
      expect(a.total.computed).toBe(89.45);
      expect(a.grade.label).toBe("良好");
      expect(a.summary.sentence).toBe(SEED_SENTENCE);
      expect(partsByLabel(a)).toEqual(SEED_PARTS);
      expect(a.budget?.rate).toBe(100);
      expect(a.indicators.map((i) => [i.name, i.score, i.weight, i.group])).toEqual(
        SEED_INDICATORS
      );
    }
  );

  it("placeholder rows are skipped and reported as info at their cells", () => {
    const a = analyzeBook(buildSeedWorkbook({ placeholderRows: true }));
    const placeholders = a.findings.filter((f) => f.code === "PLACEHOLDER");
    expect(placeholders.length).toBe(2);
    expect(placeholders.every((f) => f.severity === "info")).toBe(true);
  });

  it("amounts in 元 are read in 元", () => {
    const a = analyzeBook(buildSeedWorkbook({ amountsInYuan: true }));
    expect(a.project.moneyUnit).toBe("元");
    expect(a.budget?.executed).toBe(1378500);
  });

  it("mistakes are found at shifted cells when the table starts at C4", () => {
    const a = analyzeBook(buildSeedWorkbook({ variant: "errors", origin: "C4" }));
    // H15 shifts by 2 columns and 3 rows → J18
    expect(a.findings.find((f) => f.code === "SCORE_RULE" && f.cell === "J18")?.suggestion).toBe(
      5.4
    );
    expect(a.findings.some((f) => f.code === "TOTAL_MISMATCH" && f.cell === "J31")).toBe(true);
  });

  it("a declared group weight that its parts do not add up to is reported at the label", () => {
    const book = buildSeedWorkbook({ weightsInLabels: true, variant: "errors" });
    const a = analyzeBook(book);
    const f = a.findings.find((x) => x.code === "WEIGHT_GROUP" && x.severity === "error");
    expect(f?.message).toMatch(/产出指标.*55.*56/);
  });

  it("survives a round trip through .xlsx", async () => {
    const book = buildSeedWorkbook({ percentAsNumbers: true, amountsInYuan: true, origin: "C4" });
    const again = await readWorkbook(await gridsToXlsx(book));
    const a = analyzeBook(again);
    expect(a.total.computed).toBe(89.45);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
  });
});
