// Reading a 自评表 off a Grid: project header, funding block, goals, indicator rows, total and grade cells.
// No judgement here: parse.ts says what is written, analyze.ts says whether it is right.
import { Grid, toA1 } from "./grid";
import {
  GRADE_LABELS,
  TOTAL_LABELS,
  cellRightOf,
  findFundingHeader,
  findIndicatorHeaders,
  findLabel,
  sideBySideColumn,
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
import { dec, sum } from "./decimal";

/** "产出指标(55分)" / "效益指标【权重30】" / "满意度指标（权重10%）" → { name: "产出指标", declared: 55 } */
export function splitDeclaredWeight(label: string): { name: string; declared: number | null } {
  const norm = label.normalize("NFKC");
  const m =
    /[(（\[【]\s*(\d+(?:\.\d+)?)\s*分\s*[)）\]】]/.exec(norm) ??
    /[(（\[【]\s*(?:分值|权重)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*[分%]?\s*[)）\]】]/.exec(norm);
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

function readProject(grid: Grid, before: number, from = 1): ProjectInfo {
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

function readFunding(grid: Grid, header: FundingHeader, stopRow: number, from = 1): ParsedFunding {
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

/** Is this row the 总分/合计 row? The label sits left of the values. */
function totalLabelIn(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const t = grid.text(row, c);
    if (t && t.length <= 8 && TOTAL_LABELS.includes(headerKey(t))) return true;
  }
  return false;
}

/** A remark row at the foot of the table: 其他需要说明事项 | 无. Not an indicator. */
const NOTE_LABEL =
  /^(其他需要?说明的?(事项|问题|情况)?|需要说明的?(其他)?(事项|问题|情况)|其他说明(事项)?|说明事项|备注|说明)$/;
/** Signature lines below the table: the table has ended. */
const SIGNATURE_LABEL =
  /^((填表人|填报人|填表日期|填报日期|联系电话|联系人|审核人|复核人|单位负责人|财务负责人|项目负责人|部门负责人)([:：]|$)|单位(盖章|公章))/;

/** A column number under a header: 3, (3), ③, C, 栏次, or a formula between numbers such as (4)=(3)/(2). */
const COLUMN_CODE = /^([(]?([0-9]{1,2}|[A-Z]|[①-⑳])[)]?([=*/+-][(]?([0-9]{1,2}|[A-Z])[)]?)*|栏次)$/;

/** “其中：线上培训”, “其中,”, “(其中)…”: a breakdown of the indicator above. */
const BREAKDOWN = /^[(（]?其中/;
/** An indicator name that announces its breakdown rows: 培训人次，其中： */
const OPENS_BREAKDOWN = /其中[:：]?$/;

/** Label cells of a row (left of the values) that start on this row: a note or a signature line. */
function footLabel(
  grid: Grid,
  row: number,
  right: number
): { kind: "note" | "signature"; text: string; cell: string } | null {
  for (let c = 1; c <= right; c++) {
    if (!grid.isMaster(row, c)) continue;
    const t = grid.text(row, c);
    if (!t || t.length > 40) continue;
    const key = headerKey(t);
    if (NOTE_LABEL.test(key)) return { kind: "note", text: t, cell: toA1(row, c) };
    // 填表人：张三 or 填表人 张三 (the first word), never an indicator that starts with the same characters
    const first = t.normalize("NFKC").trim().split(/\s+/)[0];
    if (SIGNATURE_LABEL.test(normalizeLabel(t)) || SIGNATURE_LABEL.test(first))
      return { kind: "signature", text: t, cell: toA1(row, c) };
  }
  return null;
}

/** The header bands that belong to one table, and the rows it may use. */
interface TableSpan {
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

/** A group in the weight tree: a block (0), a 一级 (1) or a 二级 (2) label, or an indicator. */
interface WeightNode {
  weight: number | null;
  children: WeightNode[];
  indicator?: RawIndicator;
}

/**
 * With no 分值 column, weights printed in labels still weigh the indicators: an indicator's own （10分）, or what
 * its group's label leaves when every other member is labelled (40 − 10 − 15 − 5 = 10).
 */
function weightsFromLabels(indicators: RawIndicator[], groups: GroupLabel[]): void {
  const groupNodes = new Map<GroupLabel, WeightNode>();
  for (const g of groups) groupNodes.set(g, { weight: g.declared, children: [] });
  const root: WeightNode = { weight: null, children: [] };
  // the innermost group holding a row; a group's parent is the next level up holding its first row
  const holder = (row: number, below: number): WeightNode => {
    for (const level of [2, 1, 0] as const) {
      if (level >= below) continue;
      const g = groups.find((x) => x.level === level && x.rows.includes(row));
      if (g) return groupNodes.get(g) as WeightNode;
    }
    return root;
  };
  for (const g of [...groups].sort((a, b) => b.level - a.level))
    holder(g.rows[0], g.level === 0 ? -1 : g.level).children.push(groupNodes.get(g) as WeightNode);
  for (const i of indicators)
    holder(i.row, 3).children.push({ weight: i.weight, children: [], indicator: i });
  // a group with no declared weight weighs what its members weigh, when they are all known
  const up = (n: WeightNode): number | null => {
    const ws = n.children.map(up);
    if (n.weight === null && n.children.length && ws.every((w) => w !== null))
      n.weight = sum(ws as number[]).toNumber();
    return n.weight;
  };
  // a known weight with exactly one unknown member: that member weighs the rest
  const down = (n: WeightNode): void => {
    const unknown = n.children.filter((c) => c.weight === null);
    if (n.weight !== null && unknown.length === 1) {
      const rest = dec(n.weight).minus(
        sum(n.children.filter((c) => c.weight !== null).map((c) => c.weight as number))
      );
      if (rest.greaterThan(0)) {
        unknown[0].weight = rest.toNumber();
        if (unknown[0].indicator) {
          unknown[0].indicator.weight = unknown[0].weight;
          unknown[0].indicator.weightSource = "derived";
        }
      }
    }
    n.children.forEach(down);
  };
  for (let pass = 0; pass < 3; pass++) {
    up(root);
    down(root);
  }
}

function parseSpan(grid: Grid, span: TableSpan): ParsedForm {
  const sheet = grid.sheet;
  const header = span.blocks[0];
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
  const project = readProject(grid, header.top, span.from);
  const fundingHeader = findFundingHeader(grid, header.top, span.from);
  const funding = fundingHeader ? readFunding(grid, fundingHeader, header.top, span.from) : null;
  if (funding) project.moneyUnit = funding.moneyUnit;

  // 年度总体目标
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

  const indicators: RawIndicator[] = [];
  const placeholders: ParsedForm["placeholders"] = [];
  const breakdowns: ParsedForm["breakdowns"] = [];
  const notes: ParsedForm["notes"] = [];
  const groupLabels: (GroupLabel & { text: string })[] = [];
  let totalRow: ParsedForm["totalRow"] = null;
  const valueCols = [columns.target, columns.actual, columns.weight, columns.score].filter(
    (c): c is number => c !== null
  );
  const firstValueCol = Math.min(...valueCols, columns.name + 1);
  let prev1 = { text: "", cell: "" };
  let prev2 = { text: "", cell: "" };
  let lastRow = header.row;
  // the indicator a “其中…” row breaks down, while its breakdown rows go on
  let breakdownOf: {
    parent: RawIndicator | null;
    level1Cell: string;
    level2Cell: string;
    row: number;
  } | null = null;
  // a row whose one cell runs across the name and the values: a title or a remark, never an indicator
  const wideRow = (r: number): { text: string; cell: string } | null => {
    if (columns.target === null) return null;
    const a = grid.masterOf(r, columns.name);
    const inside = (col: number) => {
      const m = grid.masterOf(r, col);
      return m.row === a.row && m.col === a.col;
    };
    const t = grid.text(r, columns.name);
    if (!t || !inside(columns.target)) return null;
    // an indicator whose name runs over the 指标值 cell still has its own 完成值/分值/得分
    const own = [columns.actual, columns.weight, columns.score].some(
      (c) => c !== null && !inside(c) && !grid.isEmpty(r, c)
    );
    return own ? null : { text: t, cell: toA1(a.row, a.col) };
  };
  // a block title on a row of its own (年度绩效目标2（40分） merged across the table), also just above the header
  let blockTitle: { text: string; cell: string; row: number } | null = null;
  const above = header.top > 1 ? wideRow(header.top - 1) : null;
  if (above && splitDeclaredWeight(above.text).declared !== null)
    blockTitle = { ...above, row: header.top - 1 };

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
    if (level === 0) {
      delete current[1];
      delete current[2];
    }
    return created;
  };
  // the column of block labels (年度绩效目标1（40分）): the 绩效指标 column of the header, or, when the header
  // leaves it blank, the column just left of 一级 if a row of the table holds a label with points there
  const firstLabelCol = columns.level1 ?? columns.level2 ?? columns.name;
  let blockCol: number | null = header.left < firstLabelCol ? header.left : null;
  if (blockCol === null && firstLabelCol > 1)
    for (let r = header.row + 1; r <= Math.min(span.limit, grid.rows) && blockCol === null; r++) {
      const t = grid.text(r, firstLabelCol - 1);
      if (t && t.length <= 40 && /目标|指标/.test(t) && splitDeclaredWeight(t).declared !== null)
        blockCol = firstLabelCol - 1;
    }
  const numberingRow = (r: number): boolean => {
    let codes = 0;
    for (let c = header.left; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c) || grid.isEmpty(r, c)) continue;
      if (!COLUMN_CODE.test(grid.text(r, c).normalize("NFKC").replace(/\s+/g, ""))) return false;
      codes++;
    }
    return codes >= 3 && COLUMN_CODE.test(grid.text(r, columns.name).normalize("NFKC"));
  };
  // the row above, past blank rows: a breakdown goes on only on the next non-blank row
  const lastBreakdownRow = (r: number) => {
    let x = r - 1;
    while (x > header.row && !rowCols.some((c) => grid.isMaster(x, c) && !grid.isEmpty(x, c))) x--;
    return x;
  };
  const rowCols = [
    columns.level1,
    columns.level2,
    columns.name,
    columns.reason,
    ...valueCols,
  ].filter((c): c is number => c !== null);

  for (let r = header.row + 1; r <= span.limit; r++) {
    // a repeated header (年度绩效目标2 with its own header row) is not an indicator: the next block starts below it
    const block = span.blocks.find((b) => b !== header && b.top <= r && r <= b.row);
    if (block) {
      r = block.row;
      lastRow = r;
      prev1 = { text: "", cell: "" };
      prev2 = { text: "", cell: "" };
      delete current[0];
      delete current[1];
      delete current[2];
      breakdownOf = null;
      // a block title belongs to the block only when it sits on the row just above the block's header
      if (blockTitle && blockTitle.row !== block.top - 1) blockTitle = null;
      continue;
    }
    if (totalLabelIn(grid, r, Math.min(header.left, blockCol ?? header.left), firstValueCol - 1)) {
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
    // a row of column numbers right under the header (1 | 2 | 3 | (4)=(3)/(2)), not an indicator
    if (r === header.row + 1 && numberingRow(r)) {
      lastRow = r;
      notes.push({ row: r, cell: toA1(r, columns.name), text: grid.text(r, columns.name) });
      continue;
    }
    const foot = footLabel(grid, r, firstValueCol - 1);
    if (foot?.kind === "signature") break;
    lastRow = r;
    if (foot) {
      notes.push({ row: r, cell: foot.cell, text: foot.text });
      continue;
    }
    // one cell across the name and the values: a block title (年度绩效目标2（40分）), not an indicator
    const title = wideRow(r);
    if (title) {
      if (splitDeclaredWeight(title.text).declared !== null) {
        blockTitle = { ...title, row: r };
        delete current[0];
        delete current[1];
        delete current[2];
      } else notes.push({ row: r, cell: title.cell, text: title.text });
      continue;
    }

    // block label in the leftmost 绩效指标 column (年度绩效目标(80分)), or the block title above
    let leftLabel = false;
    if (blockCol !== null) {
      const t = grid.text(r, blockCol);
      const m = grid.masterOf(r, blockCol);
      if (t && splitDeclaredWeight(t).declared !== null) {
        noteGroup(t, toA1(m.row, m.col), 0, r);
        leftLabel = true;
      }
    }
    if (!leftLabel && blockTitle) noteGroup(blockTitle.text, blockTitle.cell, 0, r);
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
    const labelled = splitDeclaredWeight(cleanIndicatorName(rawName));
    const name = (labelled.declared !== null ? labelled.name : cleanIndicatorName(rawName))
      // 培训人次，其中： → 培训人次 (its breakdown rows follow)
      .replace(/[,，、;；]?\s*其中\s*[:：]?$/, "");
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
    // “其中…” rows, and the rows that go on with the breakdown, have no 分值/得分 of their own
    const ownScore = weightText !== "" || scoreText !== "";
    if (trimmed && !ownScore) {
      // a “其中…” row, or the first row under an indicator whose name ends with 其中： (培训人次，其中：)
      const prior = indicators[indicators.length - 1];
      const opened =
        prior !== undefined &&
        prior.row === lastBreakdownRow(r) &&
        OPENS_BREAKDOWN.test(normalizeLabel(prior.rawName)) &&
        prior.level1Cell === l1.cell &&
        prior.level2Cell === l2.cell;
      const starts = BREAKDOWN.test(normalizeLabel(trimmed)) || opened;
      // the next row of the same breakdown (其中：线上培训 / 线下培训), right below it in the same group
      const goesOn =
        breakdownOf !== null &&
        breakdownOf.row === lastBreakdownRow(r) &&
        l1.cell === breakdownOf.level1Cell &&
        l2.cell === breakdownOf.level2Cell;
      if (starts || goesOn) {
        const last = indicators[indicators.length - 1];
        const parent: RawIndicator | null = starts
          ? (last ?? null)
          : ((breakdownOf as { parent: RawIndicator | null } | null)?.parent ?? null);
        const sameGroup: boolean =
          parent !== null && parent.level1Cell === l1.cell && parent.level2Cell === l2.cell;
        breakdownOf = {
          parent: sameGroup ? parent : null,
          level1Cell: l1.cell,
          level2Cell: l2.cell,
          row: r,
        };
        breakdowns.push({
          row: r,
          cell: toA1(r, nameCol),
          text: trimmed,
          parentRow: breakdownOf.parent?.row ?? null,
        });
        breakdownOf.parent?.parts.push({ row: r, name: trimmed, cell: toA1(r, nameCol) });
        continue;
      }
    }
    breakdownOf = null;
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
    const columnWeight =
      weightParsed && weightMergedFrom === null ? Number(weightParsed.value) : null;
    const labelWeight = columns.weight === null ? labelled.declared : null;
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
      weight: columnWeight ?? labelWeight,
      scoreText,
      score: scoreParsed && scoreMergedFrom === null ? Number(scoreParsed.value) : null,
      weightFacts: columns.weight !== null ? cellFacts(grid, r, columns.weight) : NO_CELL,
      scoreFacts: columns.score !== null ? cellFacts(grid, r, columns.score) : NO_CELL,
      scoreMergedFrom,
      weightMergedFrom,
      reason: columns.reason !== null ? grid.text(r, columns.reason) : "",
      measure: columns.measure !== null ? grid.text(r, columns.measure) : "",
      weightSource: columnWeight !== null ? "column" : labelWeight !== null ? "label" : null,
      nameDeclared: labelled.declared,
      parts: [],
      rawName,
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

  const groups = groupLabels.map(({ text: _text, ...g }) => g);
  let fromLabels = false;
  if (columns.weight === null && indicators.length) {
    weightsFromLabels(indicators, groupLabels);
    fromLabels = indicators.some((i) => i.weight !== null);
  }

  // grade cell: a 绩效级别 label anywhere below the header (or beside the total)
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

  return {
    sheet,
    project,
    header,
    columns,
    funding,
    goals,
    indicators,
    placeholders,
    groupLabels: groups,
    totalRow,
    grade,
    blocks: span.blocks,
    rows: { first: header.top, last: lastRow },
    breakdowns,
    notes,
    weightsFromLabels: fromLabels,
    hidden: grid.hidden,
  };
}
