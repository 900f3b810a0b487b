// The parts of a 自评表 around the indicator rows: columns, project header, funding block, 年度总体目标, the
// grade cell; and the number cells the indicator rows read too. Split out of parse.ts.
import { toA1, type Grid } from "./grid";
import { GRADE_LABELS, cellRightOf, findLabel, headerKey, valueRightOf } from "./headerWords";
import type { FundingHeader, IndicatorHeader } from "./locate";
import { parseNumberCell } from "./notation";
import { cellFacts, type CellFacts } from "./cellFacts";
import { evaluateFormula } from "./formula";
import type { Columns, FundingRow, ProjectInfo } from "./model";
import type { ParsedForm, ParsedFunding, TableSpan } from "./parse";
import { normalizeLabel } from "./text";
import { splitDeclaredWeight } from "./parseLabels";

export const NO_CELL: CellFacts = { kind: "empty" };

/** A cell read as a number; a formula the file holds no result for counts with its value computed here. */
export function numberCell(
  grid: Grid,
  row: number,
  col: number,
  withFormat = true
): { value: string; percent: boolean } | null {
  const c = grid.cell(row, col);
  const numFmt = withFormat ? c?.numFmt : undefined;
  if (c && c.value === null && c.formula) {
    const v = evaluateFormula(c.formula, grid);
    return v === null ? null : parseNumberCell(v, numFmt);
  }
  return parseNumberCell(c?.value ?? null, numFmt);
}

export function num(grid: Grid, row: number, col: number | undefined | null): number | null {
  if (col === undefined || col === null) return null;
  const n = numberCell(grid, row, col);
  return n ? Number(n.value) : null;
}

function amount(grid: Grid, row: number, col: number | undefined): string | null {
  if (col === undefined) return null;
  return numberCell(grid, row, col)?.value ?? null;
}

/** The first row of a merged area covering (row, col) over several rows, when `row` is not that first row. */
export function mergedFrom(grid: Grid, row: number, col: number | null): number | null {
  if (col === null) return null;
  const m = grid.mergeAt(row, col);
  return m && m.bottom > m.top && m.top !== row ? m.top : null;
}

export function readProject(grid: Grid, before: number, from = 1): ProjectInfo {
  const pick = (labels: string[]) => {
    const at = findLabel(grid, labels, from, before);
    return at ? (valueRightOf(grid, at)?.text ?? "") : "";
  };
  let title = "";
  let year = "";
  for (let r = from; r < before && (!title || !year); r++)
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      if (!title && /绩效自评表|自评表|绩效目标自评/.test(t)) title = t;
      const y = /((?:19|20)\d{2})\s*年度?/.exec(t.normalize("NFKC"));
      if (!year && y && t.length <= 20) year = y[1];
    }
  return {
    title,
    name: pick(["项目名称"]),
    dept: pick(["主管部门", "主管单位", "主管部门及代码"]),
    unit: pick(["实施单位", "项目实施单位", "预算单位"]),
    year,
    moneyUnit: "万元",
  };
}

/** A note such as 单位：元 or 金额单位：万元 above the table. */
function findUnitNote(grid: Grid, before: number, from = 1): string | null {
  for (let r = from; r < before; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const m = /单位\s*[:：]\s*(万元|元)/.exec(grid.isMaster(r, c) ? grid.text(r, c) : "");
      if (m) return m[1];
    }
  return null;
}

const FUNDING_TOTAL = /总额|总金额|合计|总计|资金总额|年度资金|预算执行/;

/** A row of the 年度总体目标 block (or the indicator block): the funding block ends there. */
const GOAL_BLOCK = /年度总体目标|总体目标|年度目标|绩效目标|绩效指标/;

export function readFunding(
  grid: Grid,
  header: FundingHeader,
  stopRow: number,
  from = 1
): ParsedFunding {
  const cols = header.cols;
  const firstAmount = Math.min(
    ...[cols.planned, cols.adjusted, cols.executed].filter((x): x is number => x !== undefined)
  );
  const rows: FundingRow[] = [];
  const labelText = normalizeLabel(header.labelText + Object.values(header.rawHeaders).join(""));
  const unitNote = findUnitNote(grid, stopRow, from);
  const moneyUnit =
    unitNote ??
    (/万元/.test(labelText)
      ? "万元"
      : /\(元\)|元\)/.test(labelText) || /[(（]元[)）]/.test(header.labelText)
        ? "元"
        : "万元");
  // the budget's weight as printed: 预算执行情况(20分), 分值(10分), or 得分(20分*执行率)
  const scoreHeaderWeight = /(\d+(?:\.\d+)?)\s*分/.exec(
    (header.rawHeaders.score ?? "").normalize("NFKC")
  )?.[1];
  const declaredWeight =
    splitDeclaredWeight(header.labelText).declared ??
    (header.rawHeaders.weight ? splitDeclaredWeight(header.rawHeaders.weight).declared : null) ??
    (scoreHeaderWeight !== undefined ? Number(scoreHeaderWeight) : null);
  for (let r = header.row + 1; r < stopRow; r++) {
    let label = "";
    for (let c = 1; c < firstAmount; c++) {
      const t = grid.text(r, c);
      // the block label merged down the first column is not a row label
      if (
        t &&
        !(
          header.labelCell &&
          grid.masterOf(r, c).row === header.labelCell.row &&
          grid.masterOf(r, c).col === header.labelCell.col
        )
      ) {
        label = t;
      }
    }
    const planned = amount(grid, r, cols.planned);
    const adjusted = amount(grid, r, cols.adjusted);
    const executed = amount(grid, r, cols.executed);
    const anyAmountCell = [cols.planned, cols.adjusted, cols.executed].some(
      (c) => c !== undefined && !grid.isEmpty(r, c)
    );
    if (!label && !anyAmountCell) break;
    if (label && /年度总体目标|绩效指标|总体目标/.test(headerKey(label))) break;
    // a 年度总体目标 block may hold amounts of its own (a breakdown of the goal): never funding rows
    let goalRow = false;
    for (let c = 1; c < firstAmount && !goalRow; c++) {
      const t = grid.text(r, c);
      goalRow = t.length > 0 && t.length <= 20 && GOAL_BLOCK.test(headerKey(t));
    }
    if (goalRow) break;
    rows.push({ label, row: r, planned, adjusted, executed });
  }
  const totalRow =
    rows.find((x) => FUNDING_TOTAL.test(headerKey(x.label)) && !/其中/.test(x.label)) ??
    rows[0] ??
    null;
  const subRows = rows.filter((x) => x !== totalRow);
  // weight/rate/score are on the total row, or (Chongqing style) on the first row that has them
  const holder =
    [totalRow, ...subRows].find(
      (x) =>
        x &&
        [cols.weight, cols.rate, cols.score].some(
          (c) => c !== undefined && num(grid, x.row, c) !== null
        )
    ) ?? totalRow;
  const at = (col: number | undefined) =>
    holder && col !== undefined ? toA1(holder.row, col) : null;
  const rateParsed =
    holder && cols.rate !== undefined ? numberCell(grid, holder.row, cols.rate) : null;
  const factsAt = (col: number | undefined) =>
    holder && col !== undefined ? cellFacts(grid, holder.row, col) : NO_CELL;
  return {
    header,
    moneyUnit,
    declaredWeight,
    rows,
    totalRow,
    subRows,
    weight: {
      value: holder ? num(grid, holder.row, cols.weight) : null,
      cell: at(cols.weight),
      facts: factsAt(cols.weight),
    },
    rate: {
      value: rateParsed ? Number(rateParsed.value) : null,
      percent: rateParsed?.percent ?? false,
      cell: at(cols.rate),
      text: holder && cols.rate !== undefined ? grid.text(holder.row, cols.rate) : "",
      facts: factsAt(cols.rate),
    },
    score: {
      value: holder ? num(grid, holder.row, cols.score) : null,
      cell: at(cols.score),
      text: holder && cols.score !== undefined ? grid.text(holder.row, cols.score) : "",
      facts: factsAt(cols.score),
    },
  };
}

/** The columns of the table, from its header. */
export function columnsOf(header: IndicatorHeader): Columns {
  const hc = header.cols;
  const columns: Columns = {
    level1: hc.level1 ?? null,
    level2: hc.level2 ?? null,
    name: hc.name ?? hc.level2 ?? header.left,
    target: hc.target ?? null,
    actual: hc.actual ?? null,
    weight: hc.weight ?? null,
    score: hc.score ?? null,
    reason: hc.reason ?? null,
    measure: hc.measure ?? null,
    operator: hc.operator ?? null,
    unit: hc.unit ?? null,
  };
  // a layout without a 三级 column names indicators in the 二级 column (渔业 form: 二级 | 三级 only has 三级)
  return columns;
}

/** The 年度总体目标 block above the table: expected and actual goal texts. */
export function readGoals(
  grid: Grid,
  header: IndicatorHeader,
  span: TableSpan
): ParsedForm["goals"] {
  let goals: ParsedForm["goals"] = null;
  const goalAt = findLabel(
    grid,
    ["年度总体目标", "总体目标", "年度目标"],
    span.from,
    header.top - 1
  );
  if (goalAt) {
    const m = grid.mergeAt(goalAt.row, goalAt.col);
    const lastRow = m ? m.bottom : goalAt.row;
    const texts: { text: string; cell: string }[] = [];
    for (let r = goalAt.row; r <= lastRow; r++) {
      let c = (m ? m.right : goalAt.col) + 1;
      while (c <= grid.cols) {
        const mm = grid.mergeAt(r, c);
        if (grid.isMaster(r, c)) {
          const t = grid.text(r, c);
          if (t && !["预期目标", "实际完成情况", "年度目标", "实际完成"].includes(headerKey(t)))
            texts.push({ text: t, cell: toA1(r, c) });
        }
        c = (mm ? mm.right : c) + 1;
      }
    }
    goals = {
      expected: texts[0]?.text ?? "",
      actual: texts[1]?.text ?? "",
      cell: texts[0]?.cell ?? null,
    };
  }
  return goals;
}

/** The grade cell: a 绩效级别 label anywhere below the header (or beside the total), and the cell right of it. */
export function readGrade(
  grid: Grid,
  header: IndicatorHeader,
  span: TableSpan
): ParsedForm["grade"] {
  const gradeAt = findLabel(grid, GRADE_LABELS, header.row + 1, span.limit);
  let grade: ParsedForm["grade"] = { written: null, cell: null, labelCell: null };
  if (gradeAt) {
    const cell = cellRightOf(grid, gradeAt);
    const written = grid.text(cell.row, cell.col);
    grade = {
      written: written || null,
      cell: toA1(cell.row, cell.col),
      labelCell: toA1(gradeAt.row, gradeAt.col),
    };
  }
  return grade;
}
