// WPS ET object model → Grid. Per sheet a bounded number of calls: the used range's Value2 and Formula as whole
// arrays; number formats and merged areas by splitting a block until NumberFormat / MergeCells answer for all of
// it at once (the model has no call that lists them). Blocks are split from the top in bands that double (32, 32,
// 64, 128… rows): what lies below the last merge or format change is one call whatever its length. Merged areas are
// looked for only where the values leave empty cells unexplained (an area's cells but the top-left read empty), and
// a few such cells are probed directly. So the cost grows with the merged areas and formats, never with the rows
// that follow them. The Grid is built by the Office.js gateway's own usedRangeToGrid, so both agree.
import { Grid, parseRangeA1, Range, rangeToA1, WorkbookGrids } from "../core/grid";
import type { WorkbookSnapshot } from "../core/host";
import { usedRangeToGrid } from "../excel/read";
import { ERROR_CODES, EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { isErrorValue } from "../core/grid";

/** The very hidden sheet that keeps the add-in's settings in the document (see wpsHost.ts). */
export const SETTINGS_SHEET = "jixiao_settings";

/** A 2-D array from Value2/Formula: a one-cell range gives a scalar. */
export function rows2d(v: unknown, height: number, width: number): unknown[][] {
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row]));
  if (height === 1 && width === 1) return [[v]];
  throw new Error(`WPS 返回的单元格区域不是二维数组（${height}×${width}）`);
}

function parseAddress(address: string): Range {
  return parseRangeA1(address.replace(/\$/g, "").split("!").pop()!);
}

const size = (r: Range) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** Halves a block along its longer side. */
function halves(r: Range): [Range, Range] {
  if (r.bottom - r.top >= r.right - r.left) {
    const mid = Math.floor((r.top + r.bottom) / 2);
    return [
      { ...r, bottom: mid },
      { ...r, top: mid + 1 },
    ];
  }
  const mid = Math.floor((r.left + r.right) / 2);
  return [
    { ...r, right: mid },
    { ...r, left: mid + 1 },
  ];
}

/** The first band's height: a form's title, funding block and header fit in it. */
export const FIRST_BAND = 32;

/**
 * Splits a block of the used range whose top is `top`: a block taller than its band (FIRST_BAND rows, then as
 * many rows as lie above it, so bands double) loses its band from the top; a band is halved. Halving a 3,000-row
 * block would spend log2(3,000) calls on the way to a title merged in row 1; the band reaches it at once.
 */
export function split(r: Range, top: number): [Range, Range] {
  const band = Math.max(FIRST_BAND, r.top - top);
  if (r.bottom - r.top + 1 > band)
    return [
      { ...r, bottom: r.top + band - 1 },
      { ...r, top: r.top + band },
    ];
  return halves(r);
}

const inside = (a: Range, b: Range) =>
  a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

/** A block with at most this many empty cells left to explain has them probed one by one (MergeArea). */
export const PROBE_LIMIT = 16;

/**
 * Every merged area touching `block` (the used range; `holds[r][c]` says whether its cell has a value or a formula).
 * The model shows a merged area's value at its top-left cell only, so every other cell of an area reads empty: a
 * block whose empty cells all lie in areas already found holds no other area and costs no call. Otherwise
 * MergeCells answers false for a block without any; a block with a few empty cells left has them probed
 * (MergeArea), and a larger one is split.
 */
export function mergedAreas(ws: EtWorksheet, block: Range, holds: boolean[][]): Range[] {
  const found = new Map<string, Range>();
  const width = block.right - block.left + 1;
  // cells of the block inside an area found so far
  const covered = new Uint8Array(width * (block.bottom - block.top + 1));
  const at = (row: number, col: number) => (row - block.top) * width + (col - block.left);
  const record = (area: Range) => {
    if (size(area) <= 1) return;
    found.set(rangeToA1(area), area);
    for (let row = Math.max(area.top, block.top); row <= Math.min(area.bottom, block.bottom); row++)
      for (
        let col = Math.max(area.left, block.left);
        col <= Math.min(area.right, block.right);
        col++
      )
        covered[at(row, col)] = 1;
  };
  const areaAt = (row: number, col: number): Range =>
    parseAddress(
      ws.Range(rangeToA1({ top: row, left: col, bottom: row, right: col })).MergeArea.Address()
    );
  const unexplained = (r: Range): { row: number; col: number }[] => {
    const out: { row: number; col: number }[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        if (!holds[row - block.top][col - block.left] && !covered[at(row, col)])
          out.push({ row, col });
    return out;
  };
  const visit = (r: Range): void => {
    if ([...found.values()].some((m) => inside(r, m))) return;
    if (!unexplained(r).length) return;
    const range = ws.Range(rangeToA1(r));
    const merged = range.MergeCells;
    if (merged === false) return;
    if (size(r) === 1 || merged === true) {
      const area = parseAddress(range.Item(1, 1).MergeArea.Address());
      record(area);
      if (inside(r, area)) return;
    }
    const left = unexplained(r);
    if (left.length <= PROBE_LIMIT) {
      // an empty cell still unexplained after earlier probes of this block is skipped: an area found covers it
      for (const { row, col } of left) if (!covered[at(row, col)]) record(areaAt(row, col));
      return;
    }
    if (size(r) > 1) for (const h of split(r, block.top)) visit(h);
  };
  visit(block);
  return [...found.values()];
}

/**
 * Number formats of the cells that hold something (the Grid keeps no format on an empty cell): NumberFormat of a
 * block is one string when all its cells share it, else null, and then each half is asked.
 */
export function numberFormats(ws: EtWorksheet, block: Range, holds: boolean[][]): string[][] {
  const out = holds.map((row) => row.map(() => "General"));
  const any = (r: Range) => {
    for (let i = r.top; i <= r.bottom; i++)
      for (let j = r.left; j <= r.right; j++) if (holds[i - block.top][j - block.left]) return true;
    return false;
  };
  const visit = (r: Range): void => {
    if (!any(r)) return;
    const fmt = ws.Range(rangeToA1(r)).NumberFormat;
    if (typeof fmt === "string" || size(r) === 1) {
      const f = typeof fmt === "string" && fmt !== "" ? fmt : "General";
      for (let i = r.top; i <= r.bottom; i++)
        for (let j = r.left; j <= r.right; j++) out[i - block.top][j - block.left] = f;
      return;
    }
    for (const h of split(r, block.top)) visit(h);
  };
  visit(block);
  return out;
}

/** Value2 reports an error as its COM code (a formula's text or a constant's Formula shows it as written). */
function errorOf(value: unknown, formula: unknown): string | null {
  if (typeof value === "number" && ERROR_CODES[value]) return ERROR_CODES[value];
  // WPS builds that pass errors as text: only a formula's result is taken for an error, a typed "#REF!" is text
  if (
    isErrorValue(value) &&
    typeof formula === "string" &&
    formula.startsWith("=") &&
    formula !== value
  )
    return value;
  return null;
}

export function readSheet(ws: EtWorksheet, name: string = ws.Name): Grid {
  const protectedSheet = Boolean(ws.ProtectContents);
  const used = ws.UsedRange;
  const block = parseAddress(used.Address());
  const height = block.bottom - block.top + 1;
  const width = block.right - block.left + 1;
  const raw = rows2d(used.Value2, height, width);
  const formulas = rows2d(used.Formula, height, width);
  const valueTypes: string[][] = [];
  const values = raw.map((row, r) => {
    valueTypes.push([]);
    return row.map((v, c) => {
      const error = errorOf(v, formulas[r]?.[c]);
      valueTypes[r].push(error ? "Error" : "Value");
      if (error) {
        // a constant error's Formula is the error text: keep it from reading as a formula
        if (formulas[r][c] === v) formulas[r][c] = error;
        return error;
      }
      return v;
    });
  });
  const holds = values.map((row, r) =>
    row.map((v, c) => (v !== null && v !== undefined && v !== "") || formulas[r][c] !== "")
  );
  const merges = mergedAreas(ws, block, holds);
  // a blank sheet's used range is A1 holding nothing: no format call at all then
  const numberFormat = numberFormats(ws, block, holds);
  return usedRangeToGrid(
    name,
    {
      rowIndex: block.top - 1,
      columnIndex: block.left - 1,
      values,
      formulas,
      numberFormat,
      valueTypes,
    },
    { merges, protected: protectedSheet }
  );
}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const book = app.ActiveWorkbook;
  if (!book) throw new Error("WPS 中没有打开的工作簿：请先打开自评表。");
  return book;
}

/** Every worksheet (but the settings sheet) in order, and the active one. */
export function readWorkbookEt(app: EtApplication): WorkbookSnapshot {
  const book = activeWorkbook(app);
  const list = book.Worksheets;
  const count = list.Count;
  const sheets: Grid[] = [];
  for (let i = 1; i <= count; i++) {
    const ws = list.Item(i);
    const name = ws.Name;
    if (name === SETTINGS_SHEET) continue;
    sheets.push(readSheet(ws, name));
  }
  const grids: WorkbookGrids = { sheets };
  return { book: grids, activeSheet: book.ActiveSheet.Name };
}
