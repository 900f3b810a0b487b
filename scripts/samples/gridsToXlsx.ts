// Grid(s) → .xlsx with ExcelJS: values, number formats, formulas (with their cached result), merges,
// and a form-like look (title, borders, readable column widths, wrapped long texts).
import * as ExcelJS from "exceljs";
import { Cell, Grid, Range, WorkbookGrids } from "../../src/core/grid";
import { displayWidth } from "../../src/core/text";

export interface WriteOptions {
  /** Creation and modification date written in the workbook properties (fix it for reproducible files). */
  date?: Date;
  /** Author written in the workbook properties; default "jixiao". */
  creator?: string;
  /** Form look (borders, title, widths, wrapping, print setup); default true. Values are written either way. */
  styled?: boolean;
}

const LINE_HEIGHT = 15;
const MIN_WIDTH = 10; // ExcelJS drops a width of exactly 9 (its default), so stay above it
const MAX_WIDTH = 30;

function cellText(cell: Cell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    const fmt = cell?.numFmt ?? "";
    if (fmt.includes("%")) return `${(v * 100).toFixed(2)}%`;
    return String(v);
  }
  return String(v);
}

/** Known header texts → column width, so the indicator names and reasons get room. */
const HEADER_WIDTHS: [RegExp, number][] = [
  [/^(三级指标|指标名称|绩效指标名称)$/, 30],
  [/原因|改进措施/, 40],
  [/^(年度指标值|指标值|年初目标值|年度目标值|目标值|实际完成值|完成值|全年实际值|实际值)$/, 16],
  [/^(全年\(调整\)绩效目标|全年目标实际完成情况)$/, 24],
];

function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")");
}

interface Used {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function usedRange(grid: Grid): Used | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell || (cell.value === null && !cell.formula)) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  for (const m of grid.merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  return bottom === 0 ? undefined : { top, left, bottom, right };
}

function areaOf(grid: Grid, r: number, c: number): Range {
  return grid.mergeAt(r, c) ?? { top: r, left: c, bottom: r, right: c };
}

/** Rows at the top that hold a single text merged across the whole width (the title, the year line). */
function titleRows(grid: Grid, used: Used): number[] {
  const rows: number[] = [];
  for (let r = used.top; r <= used.bottom && rows.length < 2; r++) {
    const m = grid.mergeAt(r, used.left);
    const spansAll =
      m && m.top === r && m.bottom === r && m.left === used.left && m.right === used.right;
    if (!spansAll || cellText(grid.get(r, used.left)) === "") break;
    rows.push(r);
  }
  return rows;
}

function columnWidths(grid: Grid, used: Used, singleText: boolean): Map<number, number> {
  const widths = new Map<number, number>();
  const hinted = new Set<number>();
  for (let r = used.top; r <= used.bottom; r++)
    for (let c = used.left; c <= used.right; c++) {
      if (!grid.isMaster(r, c)) continue;
      const area = areaOf(grid, r, c);
      if (area.left !== area.right) continue;
      const text = cellText(grid.get(r, c));
      if (!text) continue;
      const hint = HEADER_WIDTHS.find(([re]) => re.test(normalizeHeader(text)));
      if (hint) {
        widths.set(c, Math.max(hinted.has(c) ? (widths.get(c) ?? 0) : 0, hint[1]));
        hinted.add(c);
        continue;
      }
      if (hinted.has(c)) continue;
      // A label merged down over several rows may wrap into them.
      const rows = area.bottom - area.top + 1;
      const need = Math.ceil(displayWidth(text) / Math.min(rows, 3)) + 2;
      const cap = singleText ? 100 : MAX_WIDTH;
      widths.set(c, Math.min(cap, Math.max(widths.get(c) ?? MIN_WIDTH, need)));
    }
  for (let c = used.left; c <= used.right; c++) if (!widths.has(c)) widths.set(c, MIN_WIDTH);
  return widths;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function styleSheet(ws: ExcelJS.Worksheet, grid: Grid): void {
  const used = usedRange(grid);
  if (!used) return;
  const cols = used.right - used.left + 1;
  const isTable = grid.merges.length > 0 || cols >= 3;
  const widths = columnWidths(grid, used, !isTable);
  for (const [c, w] of widths) ws.getColumn(c).width = w;
  const titles = isTable ? titleRows(grid, used) : [];

  // Lines each row needs for its wrapped texts (a merged area shares its lines among its rows).
  const lines = new Map<number, number>();
  for (let r = used.top; r <= used.bottom; r++)
    for (let c = used.left; c <= used.right; c++) {
      if (!grid.isMaster(r, c)) continue;
      const cell = grid.get(r, c);
      const text = cellText(cell);
      const area = areaOf(grid, r, c);
      const isTitle = titles.includes(r);
      const xc = ws.getCell(r, c);
      const long = displayWidth(text) > 24;
      if (isTitle) {
        xc.alignment = { horizontal: "center", vertical: "middle" };
        if (r === titles[0]) xc.font = { bold: true, size: 16 };
        continue;
      }
      xc.alignment = { vertical: "middle", horizontal: long ? "left" : "center", wrapText: true };
      if (!text) continue;
      let avail = -1;
      for (let k = area.left; k <= area.right; k++) avail += widths.get(k) ?? MIN_WIDTH;
      // A CJK glyph (11 pt ≈ 14.7 px) is a little wider than two digits (2 × 7 px): keep a margin.
      const dw = displayWidth(text);
      const need = dw <= avail ? 1 : Math.ceil((dw * 1.05) / Math.max(1, avail));
      const rows = area.bottom - area.top + 1;
      const perRow = Math.ceil(need / rows);
      for (let k = area.top; k <= area.bottom; k++)
        lines.set(k, Math.max(lines.get(k) ?? 1, perRow));
    }
  for (const [r, n] of lines) if (n > 1) ws.getRow(r).height = n * LINE_HEIGHT + 3;
  if (titles.length > 0) ws.getRow(titles[0]).height = 28;

  if (isTable) {
    const first = titles.length > 0 ? titles[titles.length - 1] + 1 : used.top;
    for (let r = first; r <= used.bottom; r++)
      for (let c = used.left; c <= used.right; c++) ws.getCell(r, c).border = THIN;
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
}

function writeCell(xc: ExcelJS.Cell, cell: Cell): void {
  const v = cell.value;
  if (cell.formula) {
    const formula = cell.formula.replace(/^=/, "");
    let result: ExcelJS.CellFormulaValue["result"];
    if (typeof v === "string" && /^#(N\/A|REF!|NAME\?|DIV\/0!|NULL!|VALUE!|NUM!)$/.test(v))
      result = { error: v as ExcelJS.CellErrorValue["error"] };
    else result = v ?? undefined;
    xc.value = { formula, result };
  } else if (cell.error !== undefined) {
    // an error value typed or pasted as a value, not a text that reads "#REF!"
    xc.value = { error: cell.error as ExcelJS.CellErrorValue["error"] };
  } else {
    // Strings such as "=1场" stay strings: ExcelJS only writes a formula for a { formula } object.
    xc.value = v;
  }
  if (cell.numFmt && cell.numFmt !== "General") xc.numFmt = cell.numFmt;
}

function addSheet(wb: ExcelJS.Workbook, grid: Grid, styled: boolean): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(grid.sheet, grid.hidden ? { state: "hidden" } : {});
  for (const m of grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell || !grid.isMaster(r, c)) continue;
      if (cell.value === null && !cell.formula && !cell.numFmt) continue;
      writeCell(ws.getCell(r, c), cell);
    }
  if (styled) styleSheet(ws, grid);
  if (grid.protected) void ws.protect("", {});
  return ws;
}

/** Builds an ExcelJS workbook holding the grids' sheets, in order. */
export function gridsToWorkbook(
  grids: WorkbookGrids,
  options: WriteOptions = {}
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const date = options.date ?? new Date();
  wb.creator = options.creator ?? "jixiao";
  wb.lastModifiedBy = wb.creator;
  wb.created = date;
  wb.modified = date;
  for (const grid of grids.sheets) addSheet(wb, grid, options.styled ?? true);
  return wb;
}

/** The .xlsx bytes of the grids. */
export async function gridsToXlsx(
  grids: WorkbookGrids,
  options: WriteOptions = {}
): Promise<Uint8Array> {
  const wb = gridsToWorkbook(grids, options);
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}
