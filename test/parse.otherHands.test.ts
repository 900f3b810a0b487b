// Issue 8, rows and tables laid out by other hands: two tables on one sheet, repeated block headers, 其中
// breakdown rows, weights printed in labels, a 年度总体目标 block holding amounts, remark rows at the foot.
// Every expected value is listed by hand from the fixture (test/support/otherHands.ts).
import { analyze } from "../src/core/analyze";
import type { Grid } from "../src/core/grid";
import type { Analysis } from "../src/core/model";
import { parseForms, splitDeclaredWeight } from "../src/core/parse";
import { getProfile } from "../src/core/profiles";
import { brief, errorsAndWarnings, findingAt } from "./support/analyzeHelpers";
import {
  KEPU_READ,
  breakdownAnnouncedByParent,
  breakdownRows,
  breakdownRowsNoWeightColumn,
  goalBlockWithAmounts,
  repeatedBlockHeaders,
  trailingRemarkRows,
  twoTablesAfterTotal,
  twoTablesNoTotals,
  twoTablesSideBySide,
  twoTablesOneSheet,
  weightsInLabels,
} from "./support/otherHands";

const central = getProfile("central");
const hubei = getProfile("hubei");

const read = (g: Grid, n = 0) =>
  parseForms(g)[n].indicators.map((i) => [i.name, i.weight, i.score]);

/** Findings whose cell is on one of `rows`. */
const onRows = (a: Analysis, rows: number[]) =>
  brief(a.findings.filter((f) => rows.includes(Number(/\d+$/.exec(f.cell)?.[0]))));

describe("two tables on one sheet", () => {
  it("two project forms one below the other: two forms, each with its own project, indicators and total", () => {
    const forms = parseForms(twoTablesOneSheet());
    expect(forms).toHaveLength(2);
    expect(forms.map((f) => f.project.name)).toEqual(["社区科普活动", "老年健康讲座"]);
    expect(forms[0].indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    expect(forms[1].indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ["健康讲座场次", 60, 60],
      ["老年人满意度", 30, 24],
    ]);
    expect(forms.map((f) => f.totalRow?.score)).toEqual([96, 94]);
    expect(forms.map((f) => f.totalRow?.scoreCell)).toEqual(["H17", "H32"]);
    // the second form's own funding block, not the first one's
    expect(forms[1].funding?.totalRow?.row).toBe(25);
    // the first table stops before the second one's title: nothing of it read as a placeholder
    expect(forms[0].placeholders).toEqual([]);
    expect(forms[0].rows).toEqual({ first: 10, last: 17 });
  });

  it("the first table alone (what analyze sees today) still checks clean", () => {
    const a = analyze(twoTablesOneSheet(), central);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
    expect(a.total.computed).toBe(96);
  });

  it("no 总分 rows, no blank row between: the second form's title ends the first", () => {
    const forms = parseForms(twoTablesNoTotals());
    expect(forms.map((f) => f.project.name)).toEqual(["社区科普活动", "老年健康讲座"]);
    expect(forms[0].indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    expect(forms[1].indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ["健康讲座场次", 60, 60],
      ["老年人满意度", 30, 24],
    ]);
    // the first form's rows end at its last indicator (row 16); the second form's title is row 17
    expect(forms[0].rows.last).toBe(16);
    expect(forms[0].notes).toEqual([]);
    expect(forms[0].placeholders).toEqual([]);
  });

  it("two forms side by side: each read from its own columns, with its own project, funding and total", () => {
    const forms = parseForms(twoTablesSideBySide());
    expect(forms.map((f) => f.project.name)).toEqual(["社区科普活动", "老年健康讲座"]);
    expect(forms[0].indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    expect(forms[1].indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ["健康讲座场次", 60, 60],
      ["老年人满意度", 30, 24],
    ]);
    // addresses are the sheet's own: the right form's cells are in K..S
    expect(forms[1].indicators[0].cells).toMatchObject({ name: "N11", score: "R11" });
    expect(forms.map((f) => f.totalRow?.scoreCell)).toEqual(["H17", "R13"]);
    expect(forms[1].funding?.score.cell).toBe("R6");
  });

  it("a new header right after a 总分 row starts a second table, even without a title", () => {
    const forms = parseForms(twoTablesAfterTotal());
    expect(forms).toHaveLength(2);
    expect(forms[0].indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    expect(forms[1].header).toMatchObject({ top: 18, row: 18 });
    expect(forms[1].indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ["健康讲座场次", 60, 60],
      ["老年人满意度", 30, 24],
    ]);
    expect(forms[1].totalRow).toMatchObject({ weight: 90, score: 84, scoreCell: "G21" });
    // no 项目名称 between the tables: the second does not borrow the first one's
    expect(forms[1].project.name).toBe("");
    expect(forms[1].funding).toBeNull();
  });
});

describe("年度绩效目标1 / 年度绩效目标2, each block with its own header row", () => {
  const BOTH = [
    ["培训人次", 20, 20],
    ["培训合格率", 10, 10],
    ["按时完成率", 10, 9.5],
    ["就业率", 20, 18],
    ["学员满意度", 20, 20],
  ];

  it.each([
    ["label down the first column", "leftColumn", 14],
    ["label on a title row above each header", "titleRow", 16],
    ["label beside the rows only, the header's cell blank", "besideRows", 14],
  ] as const)(
    "%s: one form, both blocks read, the repeated header is no indicator",
    (_n, style, row) => {
      const g = repeatedBlockHeaders(style);
      const forms = parseForms(g);
      expect(forms).toHaveLength(1);
      expect(forms[0].blocks.map((b) => b.row)).toEqual([forms[0].header.row, row]);
      expect(read(g)).toEqual(BOTH);
      expect(
        forms[0].groupLabels.filter((x) => x.level === 0).map((x) => [x.name, x.declared])
      ).toEqual([
        ["年度绩效目标1", 40],
        ["年度绩效目标2", 40],
      ]);
      const a = analyze(g, hubei);
      expect(onRows(a, [row])).toEqual([]);
      expect(brief(errorsAndWarnings(a))).toEqual([]);
      // budget 20 + 20 + 10 + 9.5 + 18 + 20
      expect(a.total).toMatchObject({ written: 97.5, computed: 97.5 });
    }
  );

  it.each(["leftColumn", "titleRow", "besideRows"] as const)(
    "%s, no 分值 column: weights from （N分） labels, the unlabelled one by subtraction, and scores checked",
    (style) => {
      const g = repeatedBlockHeaders(style, false);
      const form = parseForms(g)[0];
      // 按时完成率: 40 − 20 − 10; 学员满意度: 40 − 20
      expect(form.indicators.map((i) => [i.name, i.weight, i.weightSource])).toEqual([
        ["培训人次", 20, "label"],
        ["培训合格率", 10, "label"],
        ["按时完成率", 10, "derived"],
        ["就业率", 20, "label"],
        ["学员满意度", 20, "derived"],
      ]);
      expect(form.weightsFromLabels).toBe(true);
      const a = analyze(g, hubei);
      // 95% of =100% is worth 9.5 of 10: the written 10 is caught
      const scoreCell = form.indicators[2].cells.score;
      expect(findingAt(a, "SCORE_RULE", scoreCell)).toMatchObject({ suggestion: 9.5 });
      // nothing on the repeated header row (the first header holds the 没有分值列 note)
      expect(onRows(a, [form.blocks[1].row])).toEqual([]);
    }
  );
});

describe("其中 breakdown rows are not indicators", () => {
  it("其中：线上讲座 / 线下讲座 and 其中: 老年居民满意度: no 分值/得分 findings, the six indicators only", () => {
    const g = breakdownRows();
    const form = parseForms(g)[0];
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    expect(form.breakdowns.map((b) => [b.row, b.text, b.parentRow])).toEqual([
      [12, "其中：线上讲座", 11],
      [13, "线下讲座", 11],
      [19, "其中: 老年居民满意度", 18],
    ]);
    expect(form.indicators[0].parts.map((p) => p.name)).toEqual(["其中：线上讲座", "线下讲座"]);
    const a = analyze(g, central);
    expect(onRows(a, [12, 13, 19])).toEqual([]);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
    expect(a.total.computed).toBe(96);
  });

  it("（其中）on a form without a 分值 column, its 得分 empty: no 得分为空 finding", () => {
    const g = breakdownRowsNoWeightColumn();
    const form = parseForms(g)[0];
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual([
      ["培训人次", 20, 20],
      ["培训合格率", 10, 10],
      ["按时完成率", 10, 10],
      ["就业率", 20, 18],
      ["学员满意度", 20, 20],
    ]);
    expect(form.breakdowns.map((b) => b.row)).toEqual([12]);
    const a = analyze(g, hubei);
    expect(onRows(a, [12])).toEqual([]);
    expect(a.findings.filter((f) => f.code === "SCORE_RANGE")).toEqual([]);
    expect(a.total.computed).toBe(98);
  });

  it("科普讲座场次，其中： announces 线上讲座 / 线下讲座 below it: they are its parts, not indicators", () => {
    const g = breakdownAnnouncedByParent();
    const form = parseForms(g)[0];
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    expect(form.indicators[0].parts.map((p) => [p.row, p.name])).toEqual([
      [12, "线上讲座"],
      [13, "线下讲座"],
    ]);
    const a = analyze(g, central);
    expect(onRows(a, [12, 13])).toEqual([]);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
  });

  it("a row after a breakdown that has a 分值 and 得分 of its own is an indicator again", () => {
    const form = parseForms(breakdownRows())[0];
    expect(form.indicators.find((i) => i.row === 14)).toMatchObject({
      name: "科普资料发放份数",
      weight: 10,
      parts: [],
    });
  });
});

describe("weights printed in labels, no 分值 column", () => {
  it("产出（50分）/ 数量（30分）/ 名称（20分）: every indicator weighed, the unlabelled ones by subtraction", () => {
    const g = weightsInLabels();
    const form = parseForms(g)[0];
    expect(form.indicators.map((i) => [i.name, i.weight, i.weightSource])).toEqual([
      ["科普讲座场次", 20, "label"],
      ["科普资料发放份数", 10, "derived"], // 数量指标 30 − 20
      ["活动验收合格率", 10, "label"],
      ["活动按时完成率", 10, "label"],
      ["居民科学素质提升", 30, "derived"], // the only one under 效益指标（30分）
      ["居民满意度", 10, "derived"], // the only one under 满意度指标（10分）
    ]);
    const a = analyze(g, central);
    expect(a.findings.filter((f) => /SCORE_(RULE|RANGE|BAND)/.test(f.code))).toEqual([]);
    expect(a.total.computed).toBe(96);
  });

  it.each([
    ["产出指标（50分）", "产出指标", 50],
    ["效益指标【权重30】", "效益指标", 30],
    ["满意度指标(权重:10%)", "满意度指标", 10],
    ["科普讲座场次 （ 20 分 ）", "科普讲座场次", 20],
    ["培训合格率［分值7.5］", "培训合格率", 7.5],
    ["培训人次（人次）", "培训人次（人次）", null],
    ["指标(1)", "指标(1)", null],
  ])("the label %s weighs %s %s", (label, name, declared) => {
    expect(splitDeclaredWeight(label)).toEqual({ name, declared });
  });

  it("a score above its label weight is caught (12 written for a 10-point indicator)", () => {
    const g = weightsInLabels();
    g.set(12, 7, { value: 12 });
    const a = analyze(g, central);
    expect(findingAt(a, "SCORE_RANGE", "G12")?.message).toContain("超过了分值10分");
  });

  it("two unlabelled indicators under one unlabelled group: no weight is guessed for them", () => {
    const form = parseForms(weightsInLabels(true))[0];
    expect(form.indicators.map((i) => [i.name, i.weight])).toEqual([
      ["科普讲座场次", 20],
      ["科普资料发放份数", 10],
      ["活动验收合格率", null],
      ["活动按时完成率", null],
      ["居民科学素质提升", 30],
      ["居民满意度", 10],
    ]);
  });
});

describe("a 年度总体目标 block holding amounts", () => {
  it.each([
    ["label merged over the goal rows", true],
    ["label on the first goal row only", false],
  ])("%s: its amounts are not 其中 funding rows, no FUNDING_SUM", (_n, merged) => {
    const g = goalBlockWithAmounts(merged);
    const form = parseForms(g)[0];
    expect(form.funding?.rows.map((r) => r.label)).toEqual([
      "年度资金总额",
      "其中：当年财政拨款",
      "上年结转资金",
    ]);
    const a = analyze(g, central);
    expect(a.findings.filter((f) => f.code === "FUNDING_SUM")).toEqual([]);
    expect(a.budget).toMatchObject({ adjusted: 50, executed: 50, rate: 100 });
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
  });
});

describe("remark rows at the foot of a table without 总分", () => {
  it.each([
    ["其他需要说明事项 | 无, merged", "merged", "其他需要说明事项"],
    ["其他需要说明的事项： in the first column", "firstColumn", "其他需要说明的事项："],
    ["备注 | 本表金额单位为万元", "备注", "备注"],
    ["其他需要说明事项 above a 总分 row", "before总分", "其他需要说明事项"],
  ] as const)(
    "%s: not an indicator, no finding on it or on the signature line",
    (_n, variant, text) => {
      const g = trailingRemarkRows(variant);
      const form = parseForms(g)[0];
      expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
      expect(form.notes).toEqual([{ row: 17, cell: "A17", text }]);
      expect(form.placeholders).toEqual([]);
      const a = analyze(g, central);
      expect(onRows(a, [17, 18])).toEqual([]);
      expect(a.total.computed).toBe(96);
    }
  );
});
