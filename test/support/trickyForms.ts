// The seed form damaged the ways real and generated workbooks are (issue 8): numbers stored as text, a score
// merged over two rows, error values, formulas without a cached result, a date or a boolean in a score cell.
// Each damage function takes a form and returns a changed copy, so they compose; trickyForms() is the catalogue
// with the facts a user would see, worked out by hand from the seed's scores (SEED_FACTS), never by the engine.
import type { CellKind } from "../../src/core/cellFacts";
import { Cell, Grid, parseA1, Range, toA1, WorkbookGrids } from "../../src/core/grid";
import { buildSeedForm, SeedFormOptions, SeedLayout } from "../../src/samples/seedForm";
import { gridsToXlsx } from "../../src/xlsx/write";

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
  /** The damaged cells (sheet coordinates of the default seed: A1 origin) and the kind each must be read as. */
  damaged: Record<string, CellKind>;
  /**
   * What Excel shows for =SUM over the indicator score column (H13:H27), worked out by hand from the seed's
   * scores (Σ = 79.45; budget 10; total 89.45); null when Excel shows an error.
   */
  excelIndicatorSum: number | null;
  /** Σ of the indicator weights Excel's SUM gives over G13:G27 (the seed's is 90). */
  excelWeightSum: number;
}

function tricky(
  id: string,
  title: string,
  form: SeedForm,
  damaged: Record<string, CellKind>,
  excelIndicatorSum: number | null,
  excelWeightSum = 90
): TrickyForm {
  return { id, title, ...form, damaged, excelIndicatorSum, excelWeightSum };
}

/** Every tricky form built on the seed (options: the seed variant to start from; keep origin A1). */
export function trickyForms(options: SeedFormOptions = {}): TrickyForm[] {
  const seed = (): SeedForm => buildSeedForm(options);
  return [
    tricky(
      "fullWidthScore",
      "得分 ７.２ 写成全角文本",
      withScoreText(seed(), PLAN_COUNT, "７.２"),
      {
        H13: "textNumber",
      },
      72.25
    ),
    tricky(
      "scoreWithUnit",
      "得分写成 5.4分",
      withScoreText(seed(), ARTICLES, "5.4分"),
      {
        H15: "textNumber",
      },
      74.05
    ),
    tricky(
      "scoreWithSpaces",
      "得分写成“ 5.4 ”（前后有空格的文本）",
      withScoreText(seed(), ARTICLES, " 5.4 "),
      {
        H15: "textNumber",
      },
      74.05
    ),
    tricky(
      "twoTextScores",
      "两个得分是文本（７.２ 和 5）：Excel 的合计 77.25",
      withScoreText(withScoreText(seed(), PLAN_COUNT, "７.２"), MAIN_EVENT, "5"),
      { H13: "textNumber", H14: "textNumber" },
      67.25
    ),
    tricky(
      "weightAsText",
      "分值 10 写成文本",
      withWeightText(seed(), LITERACY, "10"),
      {
        G23: "textNumber",
      },
      79.45,
      80
    ),
    tricky(
      "budgetScoreAsText",
      "预算执行得分 10 写成文本",
      withText(seed(), "I6", "10"),
      {
        I6: "textNumber",
      },
      79.45
    ),
    tricky(
      "totalAsText",
      "总分 89.45 写成文本",
      withText(seed(), "H28", "89.45"),
      {
        H28: "textNumber",
      },
      79.45
    ),
    tricky(
      "mergedScore",
      "7.2 分的得分单元格向下合并了两行（Excel 的 SUM 只计一次：84.45）",
      withScoreMergedDown(seed(), PLAN_COUNT),
      { H13: "number" },
      74.45
    ),
    tricky(
      "mergedScoreThreeRows",
      "5.4 分的得分单元格向下合并了三行",
      withScoreMergedDown(seed(), ARTICLES, 3),
      { H15: "number" },
      73.95
    ),
    tricky(
      "divZeroScore",
      "得分是公式 =G15/0 的 #DIV/0!",
      withScoreError(seed(), ARTICLES, "#DIV/0!", "G15/0"),
      {
        H15: "error",
      },
      null
    ),
    tricky(
      "refErrorScore",
      "得分是错误值 #REF!",
      withScoreError(seed(), WEEKEND, "#REF!"),
      {
        H17: "error",
      },
      null
    ),
    tricky(
      "uncachedScore",
      "得分是没有计算结果的公式 =ROUND(G13*27/30,2)",
      withUncachedFormula(seed(), "H13", "ROUND(G13*27/30,2)"),
      { H13: "uncachedFormula" },
      79.45
    ),
    tricky(
      "uncachedTotal",
      "总分是没有计算结果的公式 =I6+SUM(H13:H27)",
      withUncachedFormula(seed(), "H28", "I6+SUM(H13:H27)"),
      { H28: "uncachedFormula" },
      79.45
    ),
    tricky(
      "uncachedBudgetScore",
      "预算执行得分是没有计算结果的公式 =ROUND(G6*MIN(F6/E6,1),2)",
      withUncachedFormula(seed(), "I6", "ROUND(G6*MIN(F6/E6,1),2)"),
      { I6: "uncachedFormula" },
      79.45
    ),
    tricky(
      "uncachedOverText",
      "总分是没有计算结果的公式，合计范围里有文本得分 ７.２",
      withUncachedFormula(withScoreText(seed(), PLAN_COUNT, "７.２"), "H28", "I6+SUM(H13:H27)"),
      { H13: "textNumber", H28: "uncachedFormula" },
      72.25
    ),
    tricky(
      "dateScore",
      "得分单元格是日期 2024/1/1（序号 45292）",
      withScoreDate(seed(), ARTICLES, 45292),
      {
        H15: "date",
      },
      45366.05
    ),
    tricky(
      "dateScoreChinese",
      "得分单元格是日期 2024年12月31日（序号 45657）",
      withScoreDate(seed(), STREETS, 45657, 'yyyy"年"m"月"d"日"'),
      { H24: "date" },
      45731.45
    ),
    tricky(
      "falseScore",
      "得分是 FALSE",
      withScoreBoolean(seed(), ON_TIME, false),
      { H21: "boolean" },
      74.45
    ),
    tricky(
      "budgetScoreError",
      "预算执行得分是错误值 #VALUE!",
      withError(seed(), "I6", "#VALUE!"),
      { I6: "error" },
      79.45
    ),
    tricky(
      "totalError",
      "总分是错误值 #N/A",
      withError(seed(), "H28", "#N/A"),
      { H28: "error" },
      79.45
    ),
    tricky(
      "mergedWeight",
      "分值 8 的单元格向下合并了两行（Excel 的 SUM 只计一次：分值合计 85）",
      withWeightMergedDown(seed(), PLAN_COUNT),
      { G13: "number" },
      79.45,
      85
    ),
    tricky(
      "uncachedWeight",
      "分值是没有计算结果的公式 =4*2",
      withUncachedFormula(seed(), "G13", "4*2"),
      { G13: "uncachedFormula" },
      79.45
    ),
    tricky(
      "booleanScore",
      "得分是 TRUE",
      withScoreBoolean(seed(), CONTEST, true),
      {
        H16: "boolean",
      },
      75.45
    ),
  ];
}

/** The form as .xlsx bytes, written with ExcelJS (uncached formulas have no <v>, errors are t="e"). */
export async function trickyXlsx(form: SeedForm): Promise<Uint8Array> {
  return gridsToXlsx(form.workbook, { date: new Date(Date.UTC(2025, 0, 1)) });
}
