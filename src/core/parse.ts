// Reading a 自评表 off a Grid: project header, funding block, goals, indicator rows, total and grade cells.
// No judgement here: parse.ts says what is written, analyze.ts says whether it is right.
import { toA1, type Grid } from "./grid";
import {
  GRADE_LABELS,
  TOTAL_LABELS,
  cellRightOf,
  findFundingHeader,
  findLabel,
  headerKey,
  valueRightOf,
  type FundingHeader,
  type IndicatorHeader,
} from "./locate";
import { parseNumberCell, parseValue, type ParsedValue } from "./notation";
import { cellFacts, type CellFacts } from "./cellFacts";
import { evaluateFormula } from "./formula";
import type { Columns, FundingRow, ProjectInfo } from "./model";
import { normalizeLabel } from "./text";

/** "产出指标(55分)" → { name: "产出指标", declared: 55 } */
export function splitDeclaredWeight(label: string): { name: string; declared: number | null } {
  const norm = label.normalize("NFKC");
  const m = /[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(norm);
  if (!m) return { name: label.replace(/\s+/g, ""), declared: null };
  return { name: norm.replace(m[0], "").replace(/\s+/g, ""), declared: Number(m[1]) };
}

/** Strip template prefixes: "指标1：工程完工率" / "指标1工程完工率" / "1.工程完工率" → "工程完工率". */
export function cleanIndicatorName(name: string): string {
  return name
    .replace(/^\s*指标\s*\d+\s*[:：.、]?\s*/, "")
    .replace(/^\s*[(（]?\d+[)）.、]\s*/, "")
    .trim();
}

const TEMPLATE_NAME = /^(指标\s*\d*\s*[:：]?|…+|\.{3,}|其他|其他指标|……)$/;

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
}

const NO_CELL: CellFacts = { kind: "empty" };

/** A cell read as a number; a formula the file holds no result for counts with its value computed here. */
function numberCell(
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

function num(grid: Grid, row: number, col: number | undefined | null): number | null {
  if (col === undefined || col === null) return null;
  const n = numberCell(grid, row, col);
  return n ? Number(n.value) : null;
}

function amount(grid: Grid, row: number, col: number | undefined): string | null {
  if (col === undefined) return null;
  return numberCell(grid, row, col)?.value ?? null;
}

/** The first row of a merged area covering (row, col) over several rows, when `row` is not that first row. */
function mergedFrom(grid: Grid, row: number, col: number | null): number | null {
  if (col === null) return null;
  const m = grid.mergeAt(row, col);
  return m && m.bottom > m.top && m.top !== row ? m.top : null;
}

function readProject(grid: Grid, before: number): ProjectInfo {
  const pick = (labels: string[]) => {
    const at = findLabel(grid, labels, 1, before);
    return at ? (valueRightOf(grid, at)?.text ?? "") : "";
  };
  let title = "";
  let year = "";
  for (let r = 1; r < before && (!title || !year); r++)
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
function findUnitNote(grid: Grid, before: number): string | null {
  for (let r = 1; r < before; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const m = /单位\s*[:：]\s*(万元|元)/.exec(grid.isMaster(r, c) ? grid.text(r, c) : "");
      if (m) return m[1];
    }
  return null;
}

const FUNDING_TOTAL = /总额|总金额|合计|总计|资金总额|年度资金|预算执行/;

function readFunding(grid: Grid, header: FundingHeader, stopRow: number): ParsedFunding {
  const cols = header.cols;
  const firstAmount = Math.min(
    ...[cols.planned, cols.adjusted, cols.executed].filter((x): x is number => x !== undefined)
  );
  const rows: FundingRow[] = [];
  const labelText = normalizeLabel(header.labelText + Object.values(header.rawHeaders).join(""));
  const unitNote = findUnitNote(grid, stopRow);
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

/** Is this row the 总分/合计 row? The label sits left of the values. */
function totalLabelIn(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c);
    if (t && t.length <= 8 && TOTAL_LABELS.includes(headerKey(t))) return true;
  }
  return false;
}

export function parseForm(grid: Grid, header: IndicatorHeader): ParsedForm {
  const sheet = grid.sheet;
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
  const project = readProject(grid, header.row);
  const fundingHeader = findFundingHeader(grid, header.row);
  const funding = fundingHeader ? readFunding(grid, fundingHeader, header.row) : null;
  if (funding) project.moneyUnit = funding.moneyUnit;

  // 年度总体目标
  let goals: ParsedForm["goals"] = null;
  const goalAt = findLabel(grid, ["年度总体目标", "总体目标", "年度目标"], 1, header.row - 1);
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

  const indicators: RawIndicator[] = [];
  const placeholders: ParsedForm["placeholders"] = [];
  const groupLabels: (GroupLabel & { text: string })[] = [];
  let totalRow: ParsedForm["totalRow"] = null;
  const valueCols = [columns.target, columns.actual, columns.weight, columns.score].filter(
    (c): c is number => c !== null
  );
  const firstValueCol = Math.min(...valueCols, columns.name + 1);
  let prev1 = { text: "", cell: "" };
  let prev2 = { text: "", cell: "" };
  let lastRow = header.row;

  const labelAt = (row: number, col: number | null, prev: { text: string; cell: string }) => {
    if (col === null) return { text: "", cell: "" };
    const t = grid.text(row, col);
    if (t) {
      const m = grid.masterOf(row, col);
      return { text: t, cell: toA1(m.row, m.col) };
    }
    return prev; // an empty 一级/二级 cell inherits the nearest one above
  };
  // a group is a run of rows under the same label: one merged cell, or the same text written on every row
  const current: Partial<Record<0 | 1 | 2, GroupLabel & { text: string }>> = {};
  const noteGroup = (
    text: string,
    cell: string,
    level: 0 | 1 | 2,
    row: number
  ): GroupLabel | undefined => {
    if (!text) return undefined;
    const g = current[level];
    if (g && g.text === text) {
      if (g.rows[g.rows.length - 1] !== row) g.rows.push(row);
      return g;
    }
    const s = splitDeclaredWeight(text);
    const created = { name: s.name, declared: s.declared, cell, level, rows: [row], text };
    groupLabels.push(created);
    current[level] = created;
    if (level === 1) delete current[2]; // a new 一级 starts new 二级 groups
    return created;
  };

  for (let r = header.row + 1; r <= grid.rows; r++) {
    if (totalLabelIn(grid, r, header.left, firstValueCol - 1)) {
      const weightCell = columns.weight !== null ? grid.masterOf(r, columns.weight) : null;
      const scoreCell = columns.score !== null ? grid.masterOf(r, columns.score) : null;
      totalRow = {
        row: r,
        weight: weightCell ? num(grid, weightCell.row, weightCell.col) : null,
        weightCell: weightCell ? toA1(weightCell.row, weightCell.col) : null,
        score: scoreCell ? num(grid, scoreCell.row, scoreCell.col) : null,
        scoreText: scoreCell ? grid.text(scoreCell.row, scoreCell.col) : "",
        scoreCell: scoreCell ? toA1(scoreCell.row, scoreCell.col) : null,
        weightFacts: weightCell ? cellFacts(grid, weightCell.row, weightCell.col) : NO_CELL,
        scoreFacts: scoreCell ? cellFacts(grid, scoreCell.row, scoreCell.col) : NO_CELL,
      };
      lastRow = r;
      break;
    }
    // the table ends at the first row with nothing in any of its columns after a gap, or at another header
    const rowCols = [
      columns.level1,
      columns.level2,
      columns.name,
      columns.reason,
      ...valueCols,
    ].filter((c): c is number => c !== null);
    const blank = !rowCols.some((c) => grid.isMaster(r, c) && !grid.isEmpty(r, c));
    if (blank) {
      if (r - lastRow > 2) break; // two blank rows end a table that has no 总分 row
      continue;
    }
    if (
      rowCols.some((c) => {
        const t = grid.text(r, c);
        return t.length > 0 && t.length <= 8 && GRADE_LABELS.includes(headerKey(t));
      })
    )
      break;
    lastRow = r;

    // block label in the leftmost 绩效指标 column (年度绩效目标(80分))
    if (header.left < (columns.level1 ?? columns.level2 ?? columns.name)) {
      const t = grid.text(r, header.left);
      const m = grid.masterOf(r, header.left);
      if (t && splitDeclaredWeight(t).declared !== null) noteGroup(t, toA1(m.row, m.col), 0, r);
    }
    const l1 = labelAt(r, columns.level1, prev1);
    const l2 =
      columns.name !== columns.level2 ? labelAt(r, columns.level2, prev2) : { text: "", cell: "" };
    // a new 一级 resets the inherited 二级
    if (l1.cell !== prev1.cell && columns.level2 !== null && grid.text(r, columns.level2) === "")
      l2.text = "";
    prev1 = l1;
    prev2 = l2;

    const nameCol = columns.name;
    const rawName =
      grid.isMaster(r, nameCol) || columns.name !== columns.level2 ? grid.text(r, nameCol) : "";
    const name = cleanIndicatorName(rawName);
    const cellOf = (col: number | null) => (col === null ? null : toA1(r, col));
    const c = (col: number | null) => (col === null ? undefined : grid.cell(r, col));
    const opCell = c(columns.operator);
    const unitCell = c(columns.unit);
    const colsExtra =
      columns.operator !== null || columns.unit !== null
        ? { operator: opCell?.value ?? null, unit: unitCell?.value ?? null }
        : undefined;
    const targetC = c(columns.target);
    const actualC = c(columns.actual);
    const target = parseValue(targetC?.value ?? null, targetC?.numFmt, colsExtra);
    const actual = parseValue(actualC?.value ?? null, actualC?.numFmt, colsExtra);
    const weightText = columns.weight !== null ? grid.text(r, columns.weight) : "";
    const scoreText = columns.score !== null ? grid.text(r, columns.score) : "";
    const hasValues =
      target.kind !== "empty" || actual.kind !== "empty" || weightText !== "" || scoreText !== "";

    const l1s = splitDeclaredWeight(l1.text);
    const l2s = splitDeclaredWeight(l2.text);
    const trimmed = rawName.trim();
    if (!trimmed) {
      // no 三级 name: an empty 二级 row (normal), or a subtotal row declaring its group's weight
      if (weightText && target.kind === "empty" && actual.kind === "empty") {
        const declared = parseNumberCell(c(columns.weight)?.value ?? null);
        const g = l2.text ? { ...l2, level: 2 as const } : { ...l1, level: 1 as const };
        const gl = noteGroup(g.text, g.cell, g.level, r);
        if (gl && gl.declared === null && declared) gl.declared = Number(declared.value);
      } else if (hasValues) {
        placeholders.push({ row: r, cell: toA1(r, nameCol), text: "（无指标名称）" });
      }
      continue;
    }
    if (TEMPLATE_NAME.test(trimmed) || !name || !hasValues) {
      placeholders.push({ row: r, cell: toA1(r, nameCol), text: trimmed });
      continue;
    }
    noteGroup(l1.text, l1.cell, 1, r);
    noteGroup(l2.text, l2.cell, 2, r);
    // read without the number format, as before; an uncached formula counts with its computed value
    const weightParsed =
      columns.weight !== null ? numberCell(grid, r, columns.weight, false) : null;
    const scoreParsed = columns.score !== null ? numberCell(grid, r, columns.score, false) : null;
    // a score (or weight) merged down over several rows belongs to the first row only
    const scoreMergedFrom = mergedFrom(grid, r, columns.score);
    const weightMergedFrom = mergedFrom(grid, r, columns.weight);
    indicators.push({
      row: r,
      level1: l1s.name,
      level1Declared: l1s.declared,
      level1Cell: l1.cell,
      level2: l2s.name,
      level2Declared: l2s.declared,
      level2Cell: l2.cell,
      name,
      target,
      actual,
      weightText,
      weight: weightParsed && weightMergedFrom === null ? Number(weightParsed.value) : null,
      scoreText,
      score: scoreParsed && scoreMergedFrom === null ? Number(scoreParsed.value) : null,
      weightFacts: columns.weight !== null ? cellFacts(grid, r, columns.weight) : NO_CELL,
      scoreFacts: columns.score !== null ? cellFacts(grid, r, columns.score) : NO_CELL,
      scoreMergedFrom,
      weightMergedFrom,
      reason: columns.reason !== null ? grid.text(r, columns.reason) : "",
      measure: columns.measure !== null ? grid.text(r, columns.measure) : "",
      cells: {
        name: toA1(r, nameCol),
        target: cellOf(columns.target) ?? toA1(r, nameCol),
        actual: cellOf(columns.actual) ?? toA1(r, nameCol),
        weight: cellOf(columns.weight),
        score: cellOf(columns.score) ?? toA1(r, nameCol),
        reason: cellOf(columns.reason),
      },
    });
  }

  // grade cell: a 绩效级别 label anywhere below the header (or beside the total)
  const gradeAt = findLabel(grid, GRADE_LABELS, header.row + 1);
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

  return {
    sheet,
    project,
    header,
    columns,
    funding,
    goals,
    indicators,
    placeholders,
    groupLabels: groupLabels.map(({ text: _text, ...g }) => g),
    totalRow,
    grade,
  };
}
