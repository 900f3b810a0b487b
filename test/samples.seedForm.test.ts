import * as fs from "fs";
import * as path from "path";
import { Grid, parseA1, rangeToA1, Range, toA1 } from "../src/core/grid";
import { Decimal } from "../src/core/decimal";
import { readWorkbook } from "../src/xlsx/read";
import { readWorkbookFile } from "../src/xlsx/readFile";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import {
  buildSeedForm,
  buildSeedWorkbook,
  SEED_ERRORS,
  SEED_FACTS,
  SeedFormOptions,
  withThousands,
} from "../scripts/samples/seedForm";

const FIXTURES = path.resolve(__dirname, "../../shared/fixtures");
const haveFixtures = fs.existsSync(path.join(FIXTURES, "xicheng-kepu-2024.xlsx"));
if (!haveFixtures)
  console.log(`note: ${FIXTURES} is absent; the comparisons with the shared fixtures are skipped`);
const describeFixtures = haveFixtures ? describe : describe.skip;

/** Every stored cell as "A1 → value [numFmt]", optionally shifted, for whole-sheet comparisons. */
function dump(grid: Grid, shift = { rows: 0, cols: 0 }): string[] {
  const out: string[] = [];
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell) continue;
      let line = `${toA1(r + shift.rows, c + shift.cols)} → ${JSON.stringify(cell.value)}`;
      if (cell.numFmt) line += ` [${cell.numFmt}]`;
      if (cell.formula) line += ` {${cell.formula}}`;
      out.push(line);
    }
  return out;
}

const mergeList = (g: Grid) => g.merges.map(rangeToA1).sort();
const form = (o: SeedFormOptions = {}) => {
  const wb = buildSeedWorkbook(o);
  return wb.sheets[wb.sheets.length - 1];
};
/** Value at an A1 address (merged areas filled). */
const at = (g: Grid, a1: string) => {
  const p = parseA1(a1);
  return g.value(p.row, p.col);
};
const cellAt = (g: Grid, a1: string) => {
  const p = parseA1(a1);
  return g.get(p.row, p.col);
};
const merged = (g: Grid, a1: string): string | undefined => {
  const p = parseA1(a1);
  const m = g.mergeAt(p.row, p.col);
  return m && rangeToA1(m);
};

describeFixtures("the rebuilt seed equals the shared fixtures", () => {
  const cases: [string, SeedFormOptions["variant"]][] = [
    ["xicheng-kepu-2024.xlsx", "seed"],
    ["xicheng-kepu-2024-errors.xlsx", "errors"],
    ["xicheng-kepu-2024-blank-total.xlsx", "blankTotal"],
  ];
  it.each(cases)("%s cell for cell and merge for merge (variant %s)", async (file, variant) => {
    const fixture = await readWorkbookFile(path.join(FIXTURES, file));
    const built = buildSeedWorkbook({ variant });
    expect(built.sheets.map((s) => s.sheet)).toEqual(fixture.sheets.map((s) => s.sheet));
    expect(dump(built.sheets[0])).toEqual(dump(fixture.sheets[0]));
    expect(mergeList(built.sheets[0])).toEqual(mergeList(fixture.sheets[0]));
  });

  it("the generated .xlsx reads back like the fixture", async () => {
    const fixture = (await readWorkbookFile(path.join(FIXTURES, "xicheng-kepu-2024.xlsx")))
      .sheets[0];
    const written = (await readWorkbook(await gridsToXlsx(buildSeedWorkbook()))).sheets[0];
    expect(dump(written)).toEqual(dump(fixture));
    expect(mergeList(written)).toEqual(mergeList(fixture));
  });
});

describe("the seed facts", () => {
  it("weights add up to 100 and scores to 89.45", () => {
    const weights = SEED_FACTS.indicators.reduce(
      (s, i) => s.plus(i.weight),
      new Decimal(SEED_FACTS.budget.weight)
    );
    const scores = SEED_FACTS.indicators.reduce(
      (s, i) => s.plus(i.score),
      new Decimal(SEED_FACTS.budget.score)
    );
    expect(weights.toNumber()).toBe(SEED_FACTS.total.weight);
    expect(scores.toNumber()).toBe(SEED_FACTS.total.score);
    const groups = SEED_FACTS.groupScores;
    const sum = Object.values(groups).reduce((s, v) => s.plus(v), new Decimal(0));
    expect(sum.toNumber()).toBe(89.45);
  });

  it("eight indicators lost points, each with a reason; seven scored full marks", () => {
    const lost = SEED_FACTS.indicators.filter((i) => i.score < i.weight);
    expect(lost).toHaveLength(8);
    expect(lost.every((i) => i.reason.length > 0)).toBe(true);
    expect(SEED_FACTS.indicators.filter((i) => i.score === i.weight)).toHaveLength(7);
  });
});

describe("default build", () => {
  // in beforeEach: Stryker (npm run mutate) counts only what runs inside a test as that test's coverage
  let workbook: ReturnType<typeof buildSeedForm>["workbook"];
  let layout: ReturnType<typeof buildSeedForm>["layout"];
  let g: Grid;
  beforeEach(() => {
    ({ workbook, layout } = buildSeedForm());
    g = workbook.sheets[0];
  });

  it("is one sheet 附件1 with the title at A1 and the 23 merges", () => {
    expect(workbook.sheets).toHaveLength(1);
    expect(g.sheet).toBe("附件1");
    expect(g.mergesKnown).toBe(true);
    expect(at(g, "A1")).toBe("项目支出绩效自评表");
    expect(g.merges).toHaveLength(23);
    expect(g.rows).toBe(28);
    expect(g.cols).toBe(9);
  });

  it("reports where things are", () => {
    expect(layout.addresses).toEqual({
      title: "A1",
      budgetRate: "H6",
      budgetScore: "I6",
      totalWeight: "G28",
      totalScore: "H28",
      grade: undefined,
    });
    expect(layout.headerRow).toBe(12);
    expect(layout.firstIndicatorRow).toBe(13);
    expect(layout.lastIndicatorRow).toBe(27);
    expect(layout.indicatorRows["项目总成本"]).toBe(22);
    expect(cellAt(g, "H6")).toEqual({ value: 1, numFmt: "0.00%" });
    expect(at(g, "E14")).toBe("=1场");
  });
});

describe("variants", () => {
  it("errors: the eight mistakes of the fixtures README at their cells", () => {
    const g = form({ variant: "errors" });
    expect(at(g, "G14")).toBe(6);
    expect(at(g, "H15")).toBe(5.6);
    expect(at(g, "I17")).toBeNull();
    expect(at(g, "F22")).toBe("139.2万元");
    expect(at(g, "H25")).toBe(5.5);
    expect(at(g, "H26")).toBe(8.5);
    expect(at(g, "I6")).toBe(SEED_ERRORS.budgetScore);
    expect(at(g, "H28")).toBe(SEED_ERRORS.totalScore);
    // everything else is as in the seed
    const seed = dump(form());
    const diff = dump(g).filter((l) => !seed.includes(l));
    expect(diff.map((l) => l.split(" ")[0]).sort()).toEqual([
      "F22",
      "G14",
      "H15",
      "H25",
      "H26",
      "H28",
      "I6",
    ]);
  });

  it("blankTotal: 总分 得分 empty and a 绩效级别 row with its value cell merged G29:I29", () => {
    const { workbook, layout } = buildSeedForm({ variant: "blankTotal" });
    const g = workbook.sheets[0];
    expect(at(g, "H28")).toBeNull();
    expect(at(g, "G28")).toBe(100);
    expect(at(g, "A29")).toBe("绩效级别");
    expect(merged(g, "A29")).toBe("A29:F29");
    expect(merged(g, "H29")).toBe("G29:I29");
    expect(layout.addresses.grade).toBe("G29");
  });

  it("origin C4 shifts every cell and merge by 3 rows and 2 columns", () => {
    const { workbook, layout } = buildSeedForm({ origin: "C4" });
    const g = workbook.sheets[0];
    expect(at(g, "C4")).toBe("项目支出绩效自评表");
    expect(at(g, "A1")).toBeNull();
    expect(dump(g)).toEqual(dump(form(), { rows: 3, cols: 2 }));
    const shifted = form().merges.map((m: Range) =>
      rangeToA1({ top: m.top + 3, bottom: m.bottom + 3, left: m.left + 2, right: m.right + 2 })
    );
    expect(mergeList(g)).toEqual(shifted.sort());
    expect(layout.addresses.totalScore).toBe("J31");
    expect(layout.indicatorRows["项目总成本"]).toBe(25);
  });

  it("sheetsBefore puts report sheets first, without any indicator header", () => {
    const wb = buildSeedWorkbook({ sheetsBefore: ["绩效自评报告", "说明"], sheetName: "自评表" });
    expect(wb.sheets.map((s) => s.sheet)).toEqual(["绩效自评报告", "说明", "自评表"]);
    const report = wb.sheets[0];
    const texts = dump(report).join("\n");
    expect(texts).toContain("绩效评价报告");
    for (const header of ["三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"])
      expect(texts).not.toContain(header);
    expect(dump(wb.sheets[2])).toEqual(dump(form()));
  });

  it("weightsInLabels writes the 一级 weights into the labels", () => {
    const g = form({ weightsInLabels: true });
    expect(at(g, "B13")).toBe("产出指标(55分)");
    expect(at(g, "B23")).toBe("效益指标(30分)");
    expect(at(g, "B27")).toBe("满意度指标(5分)");
    expect(at(g, "C13")).toBe("数量指标");
  });

  it("sustainabilityAsLevel1 makes 可持续影响指标 its own 一级", () => {
    const g = form({ sustainabilityAsLevel1: true, weightsInLabels: true });
    expect(merged(g, "B23")).toBe("B23:B25");
    expect(at(g, "B23")).toBe("效益指标(20分)");
    expect(at(g, "B26")).toBe("可持续影响指标(10分)");
    expect(g.isMaster(26, 2)).toBe(true);
    expect(at(g, "C26")).toBe("可持续影响指标");
    expect(at(g, "D26")).toBe("科普品牌活动持续影响力");
    const plain = form({ sustainabilityAsLevel1: true });
    expect(at(plain, "B26")).toBe("可持续影响指标");
  });

  it("percentAsNumbers turns bare percentages into formatted numbers, keeps targets with operators as text", () => {
    const g = form({ percentAsNumbers: true });
    expect(cellAt(g, "F23")).toEqual({ value: 0.285, numFmt: "0.0%" });
    expect(cellAt(g, "F27")).toEqual({ value: 0.836, numFmt: "0.0%" });
    expect(cellAt(g, "F18")).toEqual({ value: 1, numFmt: "0%" });
    expect(cellAt(g, "F21")).toEqual({ value: 1, numFmt: "0%" });
    expect(cellAt(g, "H6")).toEqual({ value: 1, numFmt: "0%" });
    expect(at(g, "E23")).toBe("≥30%");
    expect(at(g, "E18")).toBe("=100%");
    expect(at(g, "F13")).toBe("27场");
  });

  it("amountsInYuan writes 元 with thousands separators", () => {
    const g = form({ amountsInYuan: true });
    expect(at(g, "A5")).toBe("项目资金（元）");
    expect(at(g, "D6")).toBe("1,378,500.00");
    expect(at(g, "F7")).toBe("1,378,500.00");
    expect(at(g, "E8")).toBe("0.00");
    expect(at(g, "E22")).toBe("≤1,378,500元");
    expect(at(g, "F22")).toBe("1,378,500元");
    expect(at(form({ amountsInYuan: true, variant: "errors" }), "F22")).toBe("1,392,000元");
    expect(withThousands(1234567.5, 2)).toBe("1,234,567.50");
  });

  it("totalLabel and weightHeader change the labels", () => {
    const g = form({ totalLabel: "合计", weightHeader: "权重" });
    expect(at(g, "A28")).toBe("合计");
    expect(at(g, "G5")).toBe("权重");
    expect(at(g, "G12")).toBe("权重");
  });

  it("operatorUnitColumns splits operator, bare number and unit into three cells", () => {
    const { workbook, layout } = buildSeedForm({ operatorUnitColumns: true });
    const g = workbook.sheets[0];
    const header = Array.from({ length: 11 }, (_, i) => g.text(12, i + 1));
    expect(header).toEqual([
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "指标性质",
      "年度指标值",
      "度量单位",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
    // “科普之夏进社区” ≥30场 / 27场
    expect([at(g, "E13"), at(g, "F13"), at(g, "G13"), at(g, "H13")]).toEqual(["≥", 30, "场", 27]);
    expect([at(g, "E14"), at(g, "F14"), at(g, "G14"), at(g, "H14")]).toEqual(["=", 1, "场", 1]);
    expect([at(g, "E22"), at(g, "F22"), at(g, "G22"), at(g, "H22")]).toEqual([
      "≤",
      137.85,
      "万元",
      137.85,
    ]);
    expect([at(g, "E23"), at(g, "F23"), at(g, "G23"), at(g, "H23")]).toEqual(["≥", 30, "%", 28.5]);
    // qualitative: 定性, no unit
    expect([at(g, "E20"), at(g, "F20"), at(g, "G20"), at(g, "H20")]).toEqual([
      "定性",
      "保持全市前列",
      null,
      "部分达成年度指标并具有一定效果",
    ]);
    expect([at(g, "I13"), at(g, "J13")]).toEqual([8, 7.2]);
    // the other blocks widen
    expect(merged(g, "A1")).toBe("A1:K1");
    expect(merged(g, "B3")).toBe("B3:K3");
    expect(merged(g, "B6")).toBe("B6:E6");
    expect([at(g, "F5"), at(g, "K5")]).toEqual(["年初预算数", "得分"]);
    expect(cellAt(g, "J6")).toEqual({ value: 1, numFmt: "0.00%" });
    expect(merged(g, "A28")).toBe("A28:H28");
    expect([at(g, "I28"), at(g, "J28")]).toEqual([100, 89.45]);
    expect(layout.addresses.totalScore).toBe("J28");
    expect(layout.columns.operator).toBe(5);
    const yuan = form({ operatorUnitColumns: true, amountsInYuan: true });
    expect([at(yuan, "F22"), at(yuan, "G22"), at(yuan, "H22")]).toEqual([1378500, "元", 1378500]);
  });

  it("placeholderRows adds 指标1： under 数量指标 and …… after the 满意度 row", () => {
    const { workbook, layout } = buildSeedForm({ placeholderRows: true });
    const g = workbook.sheets[0];
    expect(at(g, "D18")).toBe("指标1：");
    for (const c of ["E18", "F18", "G18", "H18", "I18"]) expect(at(g, c)).toBeNull();
    expect(merged(g, "C18")).toBe("C13:C18");
    expect(merged(g, "B18")).toBe("B13:B23");
    expect(at(g, "D28")).toBe("参与活动群众满意度");
    expect(at(g, "D29")).toBe("……");
    expect(at(g, "A30")).toBe("总分");
    expect(merged(g, "A29")).toBe("A12:A29");
    expect(layout.addresses.totalScore).toBe("H30");
    expect(at(g, "H30")).toBe(89.45);
  });

  it("emptyLevel2Row adds 生态效益指标 under 效益 with no indicator", () => {
    const g = form({ emptyLevel2Row: true });
    expect(at(g, "C26")).toBe("生态效益指标");
    expect(at(g, "B26")).toBe("效益指标");
    expect(merged(g, "B23")).toBe("B23:B27");
    for (const c of ["D26", "E26", "F26", "G26", "H26", "I26"]) expect(at(g, c)).toBeNull();
    expect(at(g, "D27")).toBe("科普品牌活动持续影响力");
    expect(at(g, "H29")).toBe(89.45);
  });

  it("mergesUnknown has no merges and leaves merged areas' other cells empty", () => {
    const g = form({ mergesUnknown: true });
    expect(g.mergesKnown).toBe(false);
    expect(g.merges).toHaveLength(0);
    expect(dump(g)).toEqual(dump(form()));
    expect(at(g, "B14")).toBeNull();
    expect(at(g, "B13")).toBe("产出指标");
  });

  it("combined options shift the table and keep merges consistent", () => {
    const { workbook, layout } = buildSeedForm({
      origin: "B3",
      placeholderRows: true,
      emptyLevel2Row: true,
      operatorUnitColumns: true,
      variant: "blankTotal",
    });
    const g = workbook.sheets[0];
    expect(at(g, "B3")).toBe("项目支出绩效自评表");
    expect(layout.totalRow).toBe(3 + 27 + 3);
    expect(at(g, toA1(layout.gradeRow!, 2))).toBe("绩效级别");
    expect(layout.addresses.grade).toBe(toA1(layout.gradeRow!, layout.columns.weight));
  });
});

describe("every variant is a well-formed sheet", () => {
  const combos: SeedFormOptions[] = [
    {},
    { variant: "errors", origin: "C4" },
    { variant: "blankTotal", operatorUnitColumns: true },
    {
      sustainabilityAsLevel1: true,
      weightsInLabels: true,
      emptyLevel2Row: true,
      placeholderRows: true,
    },
    { operatorUnitColumns: true, amountsInYuan: true, percentAsNumbers: true, origin: "D2" },
    { sheetsBefore: ["报告"], totalLabel: "合计", weightHeader: "权重" },
  ];
  it.each(combos.map((c) => [JSON.stringify(c), c] as const))("%s", async (_name, options) => {
    const wb = buildSeedWorkbook(options);
    const g = wb.sheets[wb.sheets.length - 1];
    // merges never overlap
    const seen = new Set<string>();
    for (const m of g.merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          const key = `${r},${c}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
    // values sit in master cells only
    for (let r = 1; r <= g.rows; r++)
      for (let c = 1; c <= g.cols; c++) if (g.get(r, c)) expect(g.isMaster(r, c)).toBe(true);
    // and the .xlsx round trip keeps it all
    const back = await readWorkbook(await gridsToXlsx(wb));
    expect(back.sheets.map((s) => dump(s))).toEqual(wb.sheets.map((s) => dump(s)));
    expect(mergeList(back.sheets[back.sheets.length - 1])).toEqual(mergeList(g));
  });
});
