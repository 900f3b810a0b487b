// The seed form damaged the ways real and generated workbooks are (issue 8): numbers stored as text, a score
// merged over two rows, error values, formulas without a cached result, a date or a boolean in a score cell.
// Each damage function takes a form and returns a changed copy, so they compose; trickyForms() is the catalogue
// with the facts a user would see, worked out by hand from the seed's scores (SEED_FACTS), never by the engine.
import type { CellKind } from "../../src/core/cellFacts";
import { Cell, Grid, parseA1, Range, toA1, WorkbookGrids } from "../../src/core/grid";
import { buildSeedForm, SeedFormOptions, SeedLayout } from "../../scripts/samples/seedForm";
import { gridsToXlsx } from "../../scripts/samples/gridsToXlsx";

export interface SeedForm {
  workbook: WorkbookGrids;
  layout: SeedLayout;
}

/** The sheet holding the table. */
export function tableSheet(form: SeedForm): Grid {
  const g = form.workbook.sheets.find((s) => s.sheet === form.layout.sheet);
  if (!g) throw new Error(`no sheet ${form.layout.sheet}`);
  return g;
}

/**
 * A copy of the form whose table sheet has been edited: `cells` maps A1 → the new cell (null empties it),
 * `merges` are added merged areas.
 */
export function editForm(
  form: SeedForm,
  cells: Record<string, Cell | null>,
  merges: Range[] = []
): SeedForm {
  const old = tableSheet(form);
  const grid = new Grid(old.sheet, {
    merges: [...old.merges.map((m) => ({ ...m })), ...merges],
    protected: old.protected,
    mergesKnown: old.mergesKnown,
  });
  for (let r = 1; r <= old.rows; r++)
    for (let c = 1; c <= old.cols; c++) {
      const cell = old.get(r, c);
      if (cell) grid.set(r, c, { ...cell });
    }
  const emptied = new Set<string>();
  for (const [address, cell] of Object.entries(cells)) {
    const { row, col } = parseA1(address);
    if (cell) grid.set(row, col, cell);
    else emptied.add(address);
  }
  // Grid has no delete: rebuild without the emptied cells
  const out =
    emptied.size === 0
      ? grid
      : (() => {
          const g = new Grid(grid.sheet, {
            merges: grid.merges,
            protected: grid.protected,
            mergesKnown: grid.mergesKnown,
          });
          for (let r = 1; r <= grid.rows; r++)
            for (let c = 1; c <= grid.cols; c++) {
              const cell = grid.get(r, c);
              if (cell && !emptied.has(toA1(r, c))) g.set(r, c, cell);
            }
          return g;
        })();
  return {
    workbook: { sheets: form.workbook.sheets.map((s) => (s === old ? out : s)) },
    layout: form.layout,
  };
}

function rowOf(form: SeedForm, indicator: string): number {
  const row = form.layout.indicatorRows[indicator];
  if (row === undefined) throw new Error(`no indicator ${indicator}`);
  return row;
}

/** The 得分 cell of an indicator, A1. */
export function scoreCellOf(form: SeedForm, indicator: string): string {
  return toA1(rowOf(form, indicator), form.layout.columns.score);
}

/** The 分值 cell of an indicator, A1. */
export function weightCellOf(form: SeedForm, indicator: string): string {
  return toA1(rowOf(form, indicator), form.layout.columns.weight);
}

/** A score typed as text: "７.２", "7.2分", " 5.4 " (Excel's SUM skips it). */
export function withScoreText(form: SeedForm, indicator: string, text: string): SeedForm {
  return editForm(form, { [scoreCellOf(form, indicator)]: { value: text } });
}

/** A weight typed as text. */
export function withWeightText(form: SeedForm, indicator: string, text: string): SeedForm {
  return editForm(form, { [weightCellOf(form, indicator)]: { value: text } });
}

/** Any cell as text (the budget score I6, the total H28…). */
export function withText(form: SeedForm, address: string, text: string): SeedForm {
  return editForm(form, { [address]: { value: text } });
}

/**
 * The indicator's score cell merged down over `rows` rows (its own and the next ones'): only the first keeps a
 * value, as in Excel, so SUM counts it once and the rows below have no score of their own.
 */
export function withScoreMergedDown(form: SeedForm, indicator: string, rows = 2): SeedForm {
  const top = rowOf(form, indicator);
  const col = form.layout.columns.score;
  const emptied: Record<string, null> = {};
  for (let r = top + 1; r < top + rows; r++) emptied[toA1(r, col)] = null;
  return editForm(form, emptied, [{ top, left: col, bottom: top + rows - 1, right: col }]);
}

/** The indicator's weight cell merged down over `rows` rows: SUM counts the weight once. */
export function withWeightMergedDown(form: SeedForm, indicator: string, rows = 2): SeedForm {
  const top = rowOf(form, indicator);
  const col = form.layout.columns.weight;
  const emptied: Record<string, null> = {};
  for (let r = top + 1; r < top + rows; r++) emptied[toA1(r, col)] = null;
  return editForm(form, emptied, [{ top, left: col, bottom: top + rows - 1, right: col }]);
}

/** An error value at any cell (the budget score, the total…), typed or pasted. */
export function withError(form: SeedForm, address: string, error: string): SeedForm {
  return editForm(form, { [address]: { value: error, error } });
}

/** An error value in a score cell: typed/pasted, or the result of `formula` (without "="). */
export function withScoreError(
  form: SeedForm,
  indicator: string,
  error: string,
  formula?: string
): SeedForm {
  const cell: Cell = { value: error, error };
  if (formula) cell.formula = formula;
  return editForm(form, { [scoreCellOf(form, indicator)]: cell });
}

/** A formula with no cached result (as generators write them) at `address`; `formula` without "=". */
export function withUncachedFormula(form: SeedForm, address: string, formula: string): SeedForm {
  const old = tableSheet(form).get(parseA1(address).row, parseA1(address).col);
  const cell: Cell = { value: null, formula };
  if (old?.numFmt) cell.numFmt = old.numFmt;
  return editForm(form, { [address]: cell });
}

/** A date in a score cell: the serial `serial` shown through a date format. */
export function withScoreDate(
  form: SeedForm,
  indicator: string,
  serial: number,
  numFmt = "yyyy/m/d"
): SeedForm {
  return editForm(form, { [scoreCellOf(form, indicator)]: { value: serial, numFmt } });
}

/** TRUE or FALSE in a score cell. */
export function withScoreBoolean(form: SeedForm, indicator: string, value: boolean): SeedForm {
  return editForm(form, { [scoreCellOf(form, indicator)]: { value } });
}

// ---------------------------------------------------------------- the catalogue

export const PLAN_COUNT = "“科普之夏进社区”系列活动场次"; // row 13: 分值 8, 得分 7.2
export const MAIN_EVENT = "全国科普日主场活动暨科普奇妙夜"; // row 14: 5, 5
export const ARTICLES = "“西城科普进行时”公众号发布科普文章"; // row 15: 6, 5.4
export const CONTEST = "公民科学素质大赛（地推宣传、预赛、决赛）"; // row 16: 4, 4
export const WEEKEND = "科技工作者“周末带娃行”活动"; // row 17: 3, 1.5
export const ON_TIME = "活动按计划时间完成率"; // row 21: 5, 5
export const LITERACY = "辖区公民具备科学素质比例"; // row 23: 10, 9.5
export const STREETS = "科普活动覆盖街道数"; // row 24: 5, 5

export interface TrickyForm extends SeedForm {
  id: string;
  /** What was done to the seed, in words. */
  title: string;
  /** The damaged cells (A1, in the built form's own coordinates) and the kind each must be read as. */
  damaged: Record<string, CellKind>;
  /**
   * What Excel shows for =SUM over the indicator score column (H13:H27 in the default layout), worked out by hand
   * from the seed's scores (Σ = 79.45; budget 10; total 89.45); null when Excel shows an error.
   */
  excelIndicatorSum: number | null;
  /** Σ of the indicator weights Excel's SUM gives over the weight column (the seed's is 90). */
  excelWeightSum: number;
}

/**
 * Every tricky form built on the seed. `options` picks the seed layout (origin, extra columns, sheets before…):
 * addresses and formulas follow it. The sums hold for the seed's own scores, hence no `variant`.
 */
export function trickyForms(options: Omit<SeedFormOptions, "variant"> = {}): TrickyForm[] {
  const seed = (): SeedForm => buildSeedForm(options);
  const base = seed();
  const L = base.layout;
  const score = (name: string) => scoreCellOf(base, name);
  const weight = (name: string) => weightCellOf(base, name);
  const budgetScore = L.addresses.budgetScore;
  const totalScore = L.addresses.totalScore;
  const fundingRow = L.fundingTotalRow;
  const scoreRange = `${toA1(L.firstIndicatorRow, L.columns.score)}:${toA1(L.lastIndicatorRow, L.columns.score)}`;
  const totalFormula = `${budgetScore}+SUM(${scoreRange})`;
  const budgetFormula = `ROUND(${toA1(fundingRow, L.columns.fundingWeight)}*MIN(${toA1(
    fundingRow,
    L.columns.executed
  )}/${toA1(fundingRow, L.columns.budget)},1),2)`;
  const one = (
    id: string,
    title: string,
    form: SeedForm,
    damaged: [string, CellKind][],
    excelIndicatorSum: number | null,
    excelWeightSum = 90
  ): TrickyForm => ({
    id,
    title,
    ...form,
    damaged: Object.fromEntries(damaged),
    excelIndicatorSum,
    excelWeightSum,
  });
  return [
    // numbers stored as text: SUM skips them
    one(
      "fullWidthScore",
      "得分 ７.２ 写成全角文本",
      withScoreText(seed(), PLAN_COUNT, "７.２"),
      [[score(PLAN_COUNT), "textNumber"]],
      72.25
    ),
    one(
      "scoreWithUnit",
      "得分写成 5.4分",
      withScoreText(seed(), ARTICLES, "5.4分"),
      [[score(ARTICLES), "textNumber"]],
      74.05
    ),
    one(
      "scoreWithSpaces",
      "得分写成“ 5.4 ”（前后有空格的文本）",
      withScoreText(seed(), ARTICLES, " 5.4 "),
      [[score(ARTICLES), "textNumber"]],
      74.05
    ),
    one(
      "twoTextScores",
      "两个得分是文本（７.２ 和 5）：Excel 的合计 77.25",
      withScoreText(withScoreText(seed(), PLAN_COUNT, "７.２"), MAIN_EVENT, "5"),
      [
        [score(PLAN_COUNT), "textNumber"],
        [score(MAIN_EVENT), "textNumber"],
      ],
      67.25
    ),
    one(
      "weightAsText",
      "分值 10 写成文本",
      withWeightText(seed(), LITERACY, "10"),
      [[weight(LITERACY), "textNumber"]],
      79.45,
      80
    ),
    one(
      "budgetScoreAsText",
      "预算执行得分 10 写成文本",
      withText(seed(), budgetScore, "10"),
      [[budgetScore, "textNumber"]],
      79.45
    ),
    one(
      "totalAsText",
      "总分 89.45 写成文本",
      withText(seed(), totalScore, "89.45"),
      [[totalScore, "textNumber"]],
      79.45
    ),
    // merged down: only the first row holds the value
    one(
      "mergedScore",
      "7.2 分的得分单元格向下合并了两行（Excel 的 SUM 只计一次：84.45）",
      withScoreMergedDown(seed(), PLAN_COUNT),
      [[score(PLAN_COUNT), "number"]],
      74.45
    ),
    one(
      "mergedScoreThreeRows",
      "5.4 分的得分单元格向下合并了三行",
      withScoreMergedDown(seed(), ARTICLES, 3),
      [[score(ARTICLES), "number"]],
      73.95
    ),
    one(
      "mergedWeight",
      "分值 8 的单元格向下合并了两行（Excel 的 SUM 只计一次：分值合计 85）",
      withWeightMergedDown(seed(), PLAN_COUNT),
      [[weight(PLAN_COUNT), "number"]],
      79.45,
      85
    ),
    // error values
    one(
      "divZeroScore",
      "得分是公式 =分值/0 的 #DIV/0!",
      withScoreError(seed(), ARTICLES, "#DIV/0!", `${weight(ARTICLES)}/0`),
      [[score(ARTICLES), "error"]],
      null
    ),
    one(
      "refErrorScore",
      "得分是错误值 #REF!",
      withScoreError(seed(), WEEKEND, "#REF!"),
      [[score(WEEKEND), "error"]],
      null
    ),
    one(
      "budgetScoreError",
      "预算执行得分是错误值 #VALUE!",
      withError(seed(), budgetScore, "#VALUE!"),
      [[budgetScore, "error"]],
      79.45
    ),
    one(
      "totalError",
      "总分是错误值 #N/A",
      withError(seed(), totalScore, "#N/A"),
      [[totalScore, "error"]],
      79.45
    ),
    // formulas a generator wrote without a result
    one(
      "uncachedScore",
      "得分是没有计算结果的公式 =ROUND(分值*27/30,2)",
      withUncachedFormula(seed(), score(PLAN_COUNT), `ROUND(${weight(PLAN_COUNT)}*27/30,2)`),
      [[score(PLAN_COUNT), "uncachedFormula"]],
      79.45
    ),
    one(
      "uncachedWeight",
      "分值是没有计算结果的公式 =4*2",
      withUncachedFormula(seed(), weight(PLAN_COUNT), "4*2"),
      [[weight(PLAN_COUNT), "uncachedFormula"]],
      79.45
    ),
    one(
      "uncachedTotal",
      "总分是没有计算结果的公式 =预算得分+SUM(得分列)",
      withUncachedFormula(seed(), totalScore, totalFormula),
      [[totalScore, "uncachedFormula"]],
      79.45
    ),
    one(
      "uncachedBudgetScore",
      "预算执行得分是没有计算结果的公式 =ROUND(分值*MIN(执行数/预算数,1),2)",
      withUncachedFormula(seed(), budgetScore, budgetFormula),
      [[budgetScore, "uncachedFormula"]],
      79.45
    ),
    one(
      "uncachedOverText",
      "总分是没有计算结果的公式，合计范围里有文本得分 ７.２",
      withUncachedFormula(withScoreText(seed(), PLAN_COUNT, "７.２"), totalScore, totalFormula),
      [
        [score(PLAN_COUNT), "textNumber"],
        [totalScore, "uncachedFormula"],
      ],
      72.25
    ),
    // dates and booleans
    one(
      "dateScore",
      "得分单元格是日期 2024/1/1（序号 45292）",
      withScoreDate(seed(), ARTICLES, 45292),
      [[score(ARTICLES), "date"]],
      45366.05
    ),
    one(
      "dateScoreChinese",
      "得分单元格是日期 2024年12月31日（序号 45657）",
      withScoreDate(seed(), STREETS, 45657, 'yyyy"年"m"月"d"日"'),
      [[score(STREETS), "date"]],
      45731.45
    ),
    one(
      "booleanScore",
      "得分是 TRUE",
      withScoreBoolean(seed(), CONTEST, true),
      [[score(CONTEST), "boolean"]],
      75.45
    ),
    one(
      "falseScore",
      "得分是 FALSE",
      withScoreBoolean(seed(), ON_TIME, false),
      [[score(ON_TIME), "boolean"]],
      74.45
    ),
  ];
}

/** The form as .xlsx bytes, written with ExcelJS (uncached formulas have no <v>, errors are t="e"). */
export async function trickyXlsx(form: SeedForm): Promise<Uint8Array> {
  return gridsToXlsx(form.workbook, { date: new Date(Date.UTC(2025, 0, 1)) });
}
