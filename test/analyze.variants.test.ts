// The same seed form in other hands gives the same analysis (issue: "the same seed form in other hands").
import { buildSeedWorkbook, type SeedFormOptions } from "../scripts/samples/seedForm";
import { analyzeBook, brief, errorsAndWarnings } from "./support/analyzeHelpers";
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

describe("the seed form in other hands", () => {
  const reference = analyzeBook(buildSeedWorkbook());
  it.each(variants)(
    "%s: same total, grade, parts and indicators, no error or warning",
    (_name, options) => {
      const a = analyzeBook(buildSeedWorkbook(options));
      expect(brief(errorsAndWarnings(a))).toEqual([]);
      expect(a.total.computed).toBe(reference.total.computed);
      expect(a.grade.label).toBe("良好");
      expect(a.summary.sentence).toBe(reference.summary.sentence);
      expect(a.summary.parts).toEqual(reference.summary.parts);
      expect(a.budget?.rate).toBe(100);
      expect(a.indicators.map((i) => [i.name, i.score, i.weight, i.group])).toEqual(
        reference.indicators.map((i) => [i.name, i.score, i.weight, i.group])
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
