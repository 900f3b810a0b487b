// Reading a 自评表 off a Grid: project header, funding block, goals, indicator rows, total and grade cells.
// No judgement here: parse.ts says what is written, analyze.ts says whether it is right.
import { Grid } from "./grid";
import {
  findFundingHeader,
  findIndicatorHeaders,
  findLabel,
  sideBySideColumn,
  type FundingHeader,
  type IndicatorHeader,
} from "./locate";
import type { ParsedValue } from "./notation";
import type { CellFacts } from "./cellFacts";
import type { Columns, FundingRow, ProjectInfo } from "./model";
import { totalLabelIn } from "./parseLabels";
import { parseSpan } from "./parseRows";

export { cleanIndicatorName, splitDeclaredWeight } from "./parseLabels";

export interface RawIndicator {
  row: number;
  level1: string;
  level1Declared: number | null;
  level1Cell: string;
  level2: string;
  level2Declared: number | null;
  level2Cell: string;
  name: string;
  target: ParsedValue;
  actual: ParsedValue;
  weightText: string;
  weight: number | null;
  scoreText: string;
  score: number | null;
  /** What the 分值 and 得分 cells really hold: "7.2分" is textNumber (weight/score still 7.2), #DIV/0! an error… */
  weightFacts: CellFacts;
  scoreFacts: CellFacts;
  /**
   * The 得分 cell is merged down over several rows and this is not its first row: the row that holds the score.
   * `score` is then null here, so the total counts the merged score once, as Excel's SUM does.
   */
  scoreMergedFrom: number | null;
  /** The same for a 分值 cell merged down over several rows. */
  weightMergedFrom: number | null;
  reason: string;
  measure: string;
  /** Where the weight comes from: the 分值 column, a label on the name (（10分）), or derived from a group's label. */
  weightSource: "column" | "label" | "derived" | null;
  /** A weight printed in the name (（10分）), stripped from `name`; kept even when a 分值 column exists. */
  nameDeclared: number | null;
  /** “其中…” breakdown rows under this indicator (sub-items without 分值/得分 of their own). */
  parts: { row: number; name: string; cell: string }[];
  /** The name cell's text as written. */
  rawName: string;
  cells: {
    name: string;
    target: string;
    actual: string;
    weight: string | null;
    score: string;
    reason: string | null;
  };
}

export interface GroupLabel {
  name: string;
  declared: number | null;
  cell: string;
  level: 1 | 2 | 0; // 0 = a block label in the 绩效指标 column (年度绩效目标(80分))
  rows: number[];
}

export interface ParsedFunding {
  header: FundingHeader;
  moneyUnit: string;
  declaredWeight: number | null;
  rows: FundingRow[];
  totalRow: FundingRow | null;
  subRows: FundingRow[];
  /** Row holding the written weight / rate / score (the 年度资金总额 row, or a 其中 row when that is where they are). */
  weight: { value: number | null; cell: string | null; facts: CellFacts };
  rate: {
    value: number | null;
    percent: boolean;
    cell: string | null;
    text: string;
    facts: CellFacts;
  };
  score: { value: number | null; cell: string | null; text: string; facts: CellFacts };
}

export interface ParsedForm {
  sheet: string;
  project: ProjectInfo;
  header: IndicatorHeader;
  columns: Columns;
  funding: ParsedFunding | null;
  goals: { expected: string; actual: string; cell: string | null } | null;
  indicators: RawIndicator[];
  placeholders: { row: number; cell: string; text: string }[];
  groupLabels: GroupLabel[];
  totalRow: {
    row: number;
    weight: number | null;
    weightCell: string | null;
    score: number | null;
    scoreText: string;
    scoreCell: string | null;
    weightFacts: CellFacts;
    scoreFacts: CellFacts;
  } | null;
  grade: { written: string | null; cell: string | null; labelCell: string | null };
  /** Every header band of this table, top to bottom: the first is `header`; more when blocks repeat the header. */
  blocks: IndicatorHeader[];
  /** Rows of the table: from the header's first row to the last row read. */
  rows: { first: number; last: number };
  /** “其中…” breakdown rows (not indicators: no 分值/得分 of their own). */
  breakdowns: { row: number; cell: string; text: string; parentRow: number | null }[];
  /** Rows read as remarks, not indicators: 其他需要说明事项 | 无, 备注. */
  notes: { row: number; cell: string; text: string }[];
  /** No 分值 column, but weights printed in labels gave indicators their weights. */
  weightsFromLabels: boolean;
  /** The sheet is hidden in the workbook. */
  hidden: boolean;
}

/** The header bands that belong to one table, and the rows it may use. */
export interface TableSpan {
  blocks: IndicatorHeader[];
  /** First row of the table's own preamble (title, 项目名称, funding): nothing above it belongs to it. */
  from: number;
  /** Last row the table may read. */
  limit: number;
}

const sameLayout = (a: IndicatorHeader, b: IndicatorHeader) =>
  (["name", "target", "actual", "weight", "score"] as const).every((k) => a.cols[k] === b.cols[k]);

/** First row in (after, before) that opens another form: a title, a 项目名称 label or a funding header. */
function preambleBetween(grid: Grid, after: number, before: number): number | null {
  if (before - after <= 1) return null;
  const funding = findFundingHeader(grid, before, after + 1);
  let first: number | null = funding ? funding.row : null;
  const project = findLabel(grid, ["项目名称"], after + 1, before - 1);
  if (project && (first === null || project.row < first)) first = project.row;
  for (let r = after + 1; r < before && (first === null || r < first); r++)
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      if (t && t.length <= 40 && /绩效自评表|自评表|绩效目标自评/.test(t)) {
        first = r;
        break;
      }
    }
  return first;
}

function totalRowBetween(grid: Grid, header: IndicatorHeader, after: number, before: number) {
  const right = Math.min(
    ...[header.cols.target, header.cols.actual].filter((c): c is number => c !== undefined)
  );
  for (let r = after + 1; r < before; r++) if (totalLabelIn(grid, r, 1, right - 1)) return r;
  return null;
}

/**
 * Splits a sheet's header bands into tables. A band that repeats the header of the table above (年度绩效目标1 /
 * 年度绩效目标2, each with its own header row) continues that table; a band after a 总分 row, a title, a
 * 项目名称 or a funding block, or with other columns, starts a new table.
 */
function tableSpans(grid: Grid, headers: IndicatorHeader[]): TableSpan[] {
  const spans: TableSpan[] = [];
  let current: TableSpan | null = null;
  for (const h of headers) {
    if (current) {
      const last = current.blocks[current.blocks.length - 1];
      const first = current.blocks[0];
      const preamble = preambleBetween(grid, last.row, h.top);
      const total = totalRowBetween(grid, first, last.row, h.top);
      if (preamble === null && total === null && sameLayout(first, h)) {
        current.blocks.push(h);
        continue;
      }
      const next = preamble ?? (total !== null ? total + 1 : h.top);
      current.limit = next - 1;
      spans.push(current);
      current = { blocks: [h], from: next, limit: grid.rows };
    } else current = { blocks: [h], from: 1, limit: grid.rows };
  }
  if (current) spans.push(current);
  return spans;
}

/** Every indicator table of the sheet, top to bottom (two tables on one sheet are two forms). */
export function parseForms(grid: Grid): ParsedForm[] {
  const headers = findIndicatorHeaders(grid);
  // two forms side by side: each read from its own columns (addresses stay those of the sheet)
  for (const h of headers) {
    const split = sideBySideColumn(grid, h);
    if (split !== null)
      return [
        ...parseForms(columnSlice(grid, 1, split - 1)),
        ...parseForms(columnSlice(grid, split, grid.cols)),
      ];
  }
  return tableSpans(grid, headers).map((span) => parseSpan(grid, span));
}

/** The sheet with only columns [from, to] (same addresses); merged areas reaching outside are dropped. */
function columnSlice(grid: Grid, from: number, to: number): Grid {
  const g = new Grid(grid.sheet, {
    merges: grid.merges.filter((m) => m.left >= from && m.right <= to),
    protected: grid.protected,
    mergesKnown: grid.mergesKnown,
    hidden: grid.hidden,
  });
  for (let r = 1; r <= grid.rows; r++)
    for (let c = from; c <= to; c++) {
      const cell = grid.get(r, c);
      if (cell) g.set(r, c, cell);
    }
  return g;
}

/** The table whose (first) header is `header`; a header band inside a table reads that whole table. */
export function parseForm(grid: Grid, header: IndicatorHeader): ParsedForm {
  const spans = tableSpans(grid, findIndicatorHeaders(grid));
  const span = spans.find((s) =>
    s.blocks.some((b) => b.row === header.row && b.top === header.top)
  );
  return parseSpan(grid, span ?? { blocks: [header], from: 1, limit: grid.rows });
}
