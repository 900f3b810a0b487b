// Issue 8's invariant: we never claim what Excel will not show. For every sample, seed variant, EXAMPLES form and
// tricky form (text numbers, merged scores, error values, dates, uncalculated formulas, blanks), every formula the
// write-back writes caches the value HyperFormula computes over the output workbook, and Analysis.total.computed is
// that value. Where the total cannot be stated, the plan writes no total and no grade, and says why.
import fc from "fast-check";
import { analyze } from "../src/core/analyze";
import type { Grid, WorkbookGrids } from "../src/core/grid";
import type { Analysis } from "../src/core/model";
import { confirmOverwrites } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import type { PlanChoices, WritePlan } from "../src/core/writePlan";
import { buildSeedForm, type SeedFormOptions } from "../scripts/samples/seedForm";
import { EXAMPLE_FORMS } from "./support/examples";
import { applyToGrids, excelValue } from "./support/excelOracle";
import {
  ARTICLES,
  CONTEST,
  LITERACY,
  MAIN_EVENT,
  PLAN_COUNT,
  STREETS,
  WEEKEND,
  tableSheet,
  trickyForms,
  withScoreBoolean,
  withScoreDate,
  withScoreError,
  withScoreMergedDown,
  withScoreText,
  withText,
  withUncachedFormula,
  scoreCellOf,
  type SeedForm,
} from "./support/trickyForms";

interface Outcome {
  a: Analysis;
  p: WritePlan;
  after: Grid;
}

function writeBack(grid: Grid, profileId: string, choices: Partial<PlanChoices> = {}): Outcome {
  const book: WorkbookGrids = { sheets: [grid] };
  const a = analyze(grid, getProfile(profileId));
  // the user confirms overwriting a hand-typed total, so the plan writes its live formula
  const p = confirmOverwrites(a, book, { gradeCell: a.grade.cell ? null : "Z1", ...choices });
  return { a, p, after: applyToGrids(book, p).sheets[0] };
}

/** The invariant, as one assertion a reviewer can read in a failure. */
function expectTruthful({ a, p, after }: Outcome, label: string, textConverted = true): void {
  const formulas = p.writes.filter((w) => w.formula);
  for (const w of formulas) {
    const shown = excelValue(after, w.address);
    if (typeof w.value === "number")
      expect([label, w.address, shown]).toEqual([label, w.address, expect.closeTo(w.value, 9)]);
    else expect([label, w.address, shown]).toEqual([label, w.address, w.value]);
  }
  const total = p.writes.find((w) => w.purpose === "total");
  if (total) {
    expect(a.total.status === "final" || a.total.status === "provisional").toBe(true);
    // (text numbers left as text: the cached total is Excel's, checked above, and differs from ours by them)
    if (textConverted)
      expect([label, excelValue(after, total.address)]).toEqual([
        label,
        expect.closeTo(a.total.computed, 9),
      ]);
  } else if (a.total.cell && a.columns.score !== null) {
    if (a.total.status === "final" || a.total.status === "provisional")
      // left alone because the cell already shows the computed total (typed by hand, or its own formula)
      expect([label, excelValue(after, a.total.cell)]).toEqual([
        label,
        expect.closeTo(a.total.computed, 9),
      ]);
    // no total written: the plan says why (a form not filled in, an error value…), never silently
    else
      expect([label, p.refusals.find((r) => r.address === a.total.cell)?.reason]).toEqual([
        label,
        "notComputable",
      ]);
  }
  if (a.total.status !== "final") expect(p.writes.some((w) => w.purpose === "grade")).toBe(false);
}

const SEED_VARIANTS: SeedFormOptions[] = [
  {},
  { variant: "errors" },
  { variant: "blankTotal" },
  { origin: "C4", sheetsBefore: ["说明"] },
  { percentAsNumbers: true },
  { amountsInYuan: true },
  { weightsInLabels: true, sustainabilityAsLevel1: true },
  { operatorUnitColumns: true },
  { placeholderRows: true, emptyLevel2Row: true },
  { mergesUnknown: true },
];

describe("the seed form and its layouts", () => {
  it.each(SEED_VARIANTS.map((o) => [JSON.stringify(o), o] as const))("%s", (label, options) => {
    const { workbook, layout } = buildSeedForm(options);
    const grid = workbook.sheets.find((g) => g.sheet === layout.sheet) as Grid;
    expectTruthful(writeBack(grid, "xicheng"), label);
  });
});

describe("the EXAMPLES forms", () => {
  it.each(EXAMPLE_FORMS.map((f) => [f.id, f] as const))("%s", (id, form) => {
    expectTruthful(writeBack(form.grid, form.profile), id);
  });
});

describe("the tricky forms (issue 8: what Excel's SUM really adds up)", () => {
  const forms = [...trickyForms(), ...trickyForms({ origin: "B3" })];
  it.each(forms.map((f) => [f.title, f] as const))("%s", (title, form) => {
    const outcome = writeBack(tableSheet(form), "xicheng");
    expectTruthful(outcome, title);
  });

  it("a score stored as text (“７.２”) is converted to a number by the write-back, so Excel's total is 89.45", () => {
    const form = withScoreText(buildSeedForm(), PLAN_COUNT, "７.２");
    const { a, p, after } = writeBack(tableSheet(form), "xicheng");
    const cell = scoreCellOf(form, PLAN_COUNT);
    expect(a.findings.filter((f) => f.code === "NUMBER_AS_TEXT").map((f) => f.cell)).toEqual([
      cell,
    ]);
    expect(p.writes.find((w) => w.address === cell)).toMatchObject({
      value: 7.2,
      purpose: "numberFromText",
    });
    expect(excelValue(after, "H28")).toBeCloseTo(89.45, 9);
    expect(a.total.computed).toBe(89.45);
  });

  it("…and when the user declines the conversion, the cached total is what Excel shows: 82.25", () => {
    const form = withScoreText(buildSeedForm(), PLAN_COUNT, "7.2分");
    const { p, after } = writeBack(tableSheet(form), "xicheng", { convertTextNumbers: false });
    const total = p.writes.find((w) => w.purpose === "total");
    // 89.45 − 7.2 = 82.25: Excel's SUM skips the text
    expect(total?.value).toBe(82.25);
    expect(excelValue(after, "H28")).toBeCloseTo(82.25, 9);
  });

  it("a score merged over two rows counts once, as Excel's SUM does (89.45 − 5 = 84.45), and is reported", () => {
    const form = withScoreMergedDown(buildSeedForm(), PLAN_COUNT);
    const { a, after, p } = writeBack(tableSheet(form), "xicheng");
    expect(a.total.computed).toBe(84.45);
    expect(p.writes.find((w) => w.purpose === "total")?.value).toBe(84.45);
    expect(excelValue(after, "H28")).toBeCloseTo(84.45, 9);
    expect(a.findings.filter((f) => f.code === "SCORE_MERGED").map((f) => f.cell)).toEqual([
      scoreCellOf(form, PLAN_COUNT),
    ]);
    expect(a.findings.some((f) => f.code === "SCORE_RANGE")).toBe(false);
  });

  it("an error value in a score: no total, no grade, and the summary says why", () => {
    const form = withScoreError(buildSeedForm(), ARTICLES, "#DIV/0!", "5.4/0");
    const { a, p } = writeBack(tableSheet(form), "xicheng");
    const cell = scoreCellOf(form, ARTICLES);
    expect(a.total.status).toBe("uncomputable");
    expect(a.summary.sentence).toBe(
      `全区科普经费项目总分暂无法计算：${cell} 为错误值 #DIV/0!，请先更正。`
    );
    expect(a.grade.label).toBe("");
    expect(p.writes.filter((w) => w.purpose === "total" || w.purpose === "grade")).toEqual([]);
    expect(a.findings.find((f) => f.cell === cell)).toMatchObject({
      code: "SCORE_RANGE",
      message: expect.stringContaining("错误值#DIV/0!"),
    });
  });

  it("a date in a score is called a date, not 45292", () => {
    const form = withScoreDate(buildSeedForm(), WEEKEND, 45292);
    const { a } = writeBack(tableSheet(form), "xicheng");
    const f = a.findings.find((x) => x.cell === scoreCellOf(form, WEEKEND));
    expect(f?.message).toContain("日期（2024-01-01）");
    expect(f?.message).not.toContain("45292");
    expect(a.total.status).toBe("uncomputable");
  });

  it("a formula without a cached result is computed from the sheet when it can be, and said so", () => {
    const form = withUncachedFormula(buildSeedForm(), scoreCellOf(buildSeedForm(), CONTEST), "2*2");
    const { a } = writeBack(tableSheet(form), "xicheng");
    const f = a.findings.find((x) => x.cell === scoreCellOf(form, CONTEST));
    expect(f?.message).toContain("文件中没有计算结果（请在 Excel 中打开并保存）");
    expect(f?.message).not.toContain("得分为空");
    expect(a.total.computed).toBe(89.45);
  });

  it("a score of 1e308 (out of range): Excel would add it, so no total is claimed", () => {
    const form = withText(buildSeedForm(), scoreCellOf(buildSeedForm(), WEEKEND), "");
    const grid = tableSheet(form);
    const at = scoreCellOf(form, WEEKEND);
    grid.set(Number(at.replace(/^[A-Z]+/, "")), at.charCodeAt(0) - 64, { value: 1e308 });
    const { a, p } = writeBack(grid, "xicheng");
    expect(a.total.status).toBe("uncomputable");
    expect(a.total.note).toContain(`${at} 的数值超出范围`);
    expect(p.writes.filter((w) => w.purpose === "total" || w.purpose === "grade")).toEqual([]);
  });

  it("a boolean in a score is not a number (Excel's SUM skips it)", () => {
    const form = withScoreBoolean(buildSeedForm(), STREETS, true);
    const o = writeBack(tableSheet(form), "xicheng");
    expect(o.a.total.computed).toBe(84.45); // 89.45 − 5
    expectTruthful(o, "boolean");
  });
});

describe("forms not filled in", () => {
  /** The seed with the 实际完成值 and 得分 of `names` left blank. */
  function unfilled(names: string[]): SeedForm {
    let form = buildSeedForm();
    for (const n of names) {
      const cell = scoreCellOf(form, n);
      form = withText(form, cell, "");
      const actual = cell.replace(/^[A-Z]+/, (col) => String.fromCharCode(col.charCodeAt(0) - 2));
      form = withText(form, actual, "");
    }
    return form;
  }

  it("no total, no grade, no “自评得分0分，绩效级别为‘差’”: 尚未填写, one finding per row", () => {
    const names = [PLAN_COUNT, MAIN_EVENT, ARTICLES, CONTEST, WEEKEND, LITERACY];
    const { a, p } = writeBack(tableSheet(unfilled(names)), "xicheng");
    expect(a.total.status).toBe("incomplete");
    expect(a.summary.sentence).toBe("全区科普经费项目尚未填写：6 项指标没有得分，无法评定等级。");
    expect(a.grade.label).toBe("");
    expect(p.writes.filter((w) => w.purpose === "total" || w.purpose === "grade")).toEqual([]);
    for (const n of names) {
      const row = a.indicators.find((i) => i.name === n)?.row;
      const onRow = a.findings.filter(
        (f) => f.severity !== "info" && Number(f.cell.replace(/^[A-Z]+/, "")) === row
      );
      expect([n, onRow.map((f) => f.code)]).toEqual([n, ["VALUE_UNPARSED"]]);
    }
  });
});

describe("property: random damage never makes the write-back claim what Excel will not show", () => {
  const NAMES = [PLAN_COUNT, MAIN_EVENT, ARTICLES, CONTEST, WEEKEND, LITERACY, STREETS];
  const damage = fc.constantFrom("text", "textUnit", "merge", "error", "blank", "date", "formula");
  it("holds over 150 random forms", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), damage), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (edits, convert) => {
          let form = buildSeedForm();
          for (const [name, kind] of edits) {
            const cell = scoreCellOf(form, name);
            const v = tableSheet(form).get(
              Number(cell.replace(/^[A-Z]+/, "")),
              cell.charCodeAt(0) - 64
            )?.value;
            const n = typeof v === "number" ? v : 1;
            if (kind === "text") form = withScoreText(form, name, String(n));
            else if (kind === "textUnit") form = withScoreText(form, name, `${n}分`);
            else if (kind === "merge") form = withScoreMergedDown(form, name);
            else if (kind === "error") form = withScoreError(form, name, "#REF!");
            else if (kind === "blank") form = withText(form, cell, "");
            else if (kind === "date") form = withScoreDate(form, name, 45000);
            else form = withUncachedFormula(form, cell, `${n}*1`);
          }
          expectTruthful(
            writeBack(tableSheet(form), "xicheng", { convertTextNumbers: convert }),
            JSON.stringify(edits),
            convert
          );
        }
      ),
      { numRuns: 150 }
    );
  });
});
