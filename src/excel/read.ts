// Office.js → Grid, within Excel on the web's limits (5 MB per request and per response; a range of more than
// 5,000,000 cells loads with null values). The first sync learns the sheet names and, for each sheet read, its
// used range (valuesOnly: a formatted far cell does not count), protection, merged areas (ExcelApi 1.13) and the
// content of a bounded window; a form fits its window, so a check is one sync. A sheet larger than its window is
// read further, in row chunks under a byte budget, and only when needed: a sheet whose window shows a table, or
// every sheet when no table was found.
// Mirrors src/xlsx/read.ts: a merged area's value only in its master cell, formulas without "=", empty text dropped.
import { Cell, Grid, Range } from "../core/grid";
import type { WorkbookSnapshot } from "../core/host";
import { contentOf, parseAreasAddress } from "./cells";

export interface ReadOptions {
  /** Range.getMergedAreasOrNullObject is available (ExcelApi 1.13); otherwise grids get mergesKnown=false. */
  merges: boolean;
  /**
   * The workbook's sheet names from an earlier read. Office.js cannot list the sheets and load their contents in
   * the same round trip, so with them the read takes one sync (confirmed against the live list in that same sync);
   * without them, or when they are out of date, it takes one more.
   */
  sheetNames?: readonly string[];
  /** The active sheet at the earlier read: its window is the large one (the user is usually still there). */
  activeSheet?: string;
  /** Does a sheet hold the form? The engine decides (core/analyze.ts isTableSheet); the gateway only asks. */
  isTableSheet: (grid: Grid) => boolean;
}

/** Bytes one response may carry here: Excel on the web refuses more than 5 MB, and long texts cost more. */
export const READ_BUDGET_BYTES = 3_000_000;
/** What one cell costs in a response (values, formulas, numberFormat, valueTypes as JSON); the seed form's
 * cells average 43 bytes. */
export const BYTES_PER_CELL = 48;
/** Cells one response may carry: the first sync's windows together, and each chunk. */
export const BUDGET_CELLS = Math.floor(READ_BUDGET_BYTES / BYTES_PER_CELL);
/** The active sheet's window in the first sync: a form of 2,000 indicators in columns A:Z fits. */
export const ACTIVE_WINDOW = { rows: 2100, columns: 26 };
/** A sheet needing more chunk syncs than this is left unread (the active one is refused with a message). */
export const MAX_CHUNKS = 40;

interface Window {
  rows: number;
  columns: number;
}

/** A block of loaded cells, at 0-based sheet indexes. */
interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** Excel.RangeValueType per cell ("Error", "String", "Double", "Boolean", "Empty"…), when loaded. */
  valueTypes?: unknown[][];
}

interface SheetLoad {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  window: Excel.Range | null;
  win: Window | null;
  merged: Excel.RangeAreas | null;
}

/** One sheet after the first pass: what is known of it, and the content read so far. */
interface SheetRead {
  name: string;
  sheet: Excel.Worksheet;
  /** The used range (valuesOnly), 0-based. */
  used: { row: number; column: number; rows: number; columns: number };
  grid: Grid;
  /** The used range's rows from this one on are still to be read. */
  nextRow: number;
  complete: boolean;
}

interface Pass {
  liveNames: string[];
  activeName: string;
  reads: SheetRead[];
}

/** Windows for `names`: the likely active sheet gets the large one, the others share what is left. */
function windowsFor(names: readonly string[], big: string | undefined): Window[] {
  const columns = ACTIVE_WINDOW.columns;
  const hasBig = big !== undefined && names.includes(big);
  const others = names.length - (hasBig ? 1 : 0);
  const shared = BUDGET_CELLS - (hasBig ? ACTIVE_WINDOW.rows * columns : 0);
  const rows = Math.max(1, Math.floor(shared / Math.max(1, others) / columns));
  return names.map((n) => (hasBig && n === big ? ACTIVE_WINDOW : { rows, columns }));
}

function queueSheet(sheet: Excel.Worksheet, merges: boolean, win: Window | null): SheetLoad {
  sheet.load("name, visibility");
  sheet.protection.load("protected");
  // valuesOnly: one formatted cell far away would otherwise stretch the range to millions of cells
  const used = sheet.getUsedRange(true);
  used.load("rowIndex, columnIndex, rowCount, columnCount");
  let window: Excel.Range | null = null;
  if (win) {
    // valueTypes in the same load: it tells an error value (#DIV/0!) from a text that reads the same
    window = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, win.rows, win.columns));
    window.load("rowIndex, columnIndex, values, formulas, numberFormat, valueTypes");
  }
  let merged: Excel.RangeAreas | null = null;
  if (merges) {
    // over the whole used range (formats count there): a title merged past the last value is kept
    merged = sheet.getUsedRange().getMergedAreasOrNullObject();
    merged.load("address");
  }
  return { sheet, used, window, win, merged };
}

/** Builds one Grid from a loaded used range; cells are placed at absolute rows/columns (the range may start at C4). */
export function usedRangeToGrid(
  name: string,
  data: Block,
  options: { merges: Range[] | null; protected: boolean; hidden?: boolean }
): Grid {
  const grid = new Grid(name, {
    merges: options.merges ?? [],
    protected: options.protected,
    hidden: options.hidden ?? false,
    mergesKnown: options.merges !== null,
  });
  fillGrid(grid, data);
  return grid;
}

/** Puts a block's cells into a grid at their absolute rows/columns. */
function fillGrid(grid: Grid, data: Block): void {
  const top = data.rowIndex + 1;
  const left = data.columnIndex + 1;
  data.values.forEach((row, r) => {
    row.forEach((v, c) => {
      const rr = top + r;
      const cc = left + c;
      if (!grid.isMaster(rr, cc)) return; // Excel reports "" there anyway
      const content = contentOf({
        value: v,
        formula: data.formulas[r]?.[c],
        numFmt: data.numberFormat[r]?.[c],
      });
      if (content.value === null && !content.formula) return;
      const cell: Cell = { value: content.value };
      if (content.numFmt !== "General") cell.numFmt = content.numFmt;
      if (content.formula) cell.formula = content.formula.slice(1);
      if (data.valueTypes?.[r]?.[c] === "Error" && typeof content.value === "string")
        cell.error = content.value;
      grid.set(rr, cc, cell);
    });
  });
}

function collectSheet(l: SheetLoad, merges: boolean): SheetRead {
  const areas =
    merges && l.merged && !l.merged.isNullObject ? parseAreasAddress(l.merged.address) : [];
  const grid = new Grid(l.sheet.name, {
    merges: areas,
    protected: l.sheet.protection.protected,
    // Hidden and VeryHidden sheets are still read: their tables are checked and named as hidden
    hidden: l.sheet.visibility !== "Visible",
    mergesKnown: merges,
  });
  const used = {
    row: l.used.rowIndex,
    column: l.used.columnIndex,
    rows: l.used.rowCount,
    columns: l.used.columnCount,
  };
  let nextRow = used.row;
  let complete = false;
  if (l.win && l.window && !l.window.isNullObject && Array.isArray(l.window.values)) {
    fillGrid(grid, l.window);
    // the window holds every column: only the rows below it remain
    if (used.column + used.columns <= l.win.columns) {
      nextRow = Math.max(used.row, l.win.rows);
      complete = used.row + used.rows <= l.win.rows;
    }
  }
  return { name: l.sheet.name, sheet: l.sheet, used, grid, nextRow, complete };
}

async function runPass(
  context: Excel.RequestContext,
  names: readonly string[] | null,
  merges: boolean,
  windows: boolean,
  big: string | undefined
): Promise<Pass> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  let loads: SheetLoad[];
  if (names === null) loads = [queueSheet(active, merges, windows ? ACTIVE_WINDOW : null)];
  else {
    const wins = windowsFor(names, big);
    loads = names.map((n, i) => queueSheet(sheets.getItem(n), merges, windows ? wins[i] : null));
  }
  await context.sync();
  return {
    liveNames: sheets.items.map((s) => s.name),
    activeName: active.name,
    reads: loads.map((l) => collectSheet(l, merges)),
  };
}

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code;
const PAYLOAD_CODES = ["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded"];
const tooBig = (e: unknown) => PAYLOAD_CODES.includes(codeOf(e) ?? "");

/**
 * The first pass, with two ways out: a response over the limit (long texts in the windows) is read again without
 * windows (then in chunks); merged areas that cannot be read (more than 512 in a used range) are left out.
 */
async function pass(
  context: Excel.RequestContext,
  names: readonly string[] | null,
  merges: boolean,
  big: string | undefined
): Promise<Pass> {
  try {
    return await runPass(context, names, merges, true, big);
  } catch (e) {
    if (tooBig(e)) return runPass(context, names, merges, false, big);
    if (!merges || codeOf(e) === "ItemNotFound") throw e;
    return pass(context, names, false, big);
  }
}

const chunkRows = (columns: number) => Math.max(1, Math.floor(BUDGET_CELLS / Math.max(1, columns)));

/** Chunk syncs `r` still needs. */
export function chunksNeeded(r: {
  used: { row: number; rows: number; columns: number };
  nextRow: number;
  complete: boolean;
}): number {
  if (r.complete) return 0;
  return Math.ceil((r.used.row + r.used.rows - r.nextRow) / chunkRows(r.used.columns));
}

/** Reads the rest of a sheet, one sync per chunk of rows; a chunk over the limit is halved and read again. */
async function readRest(context: Excel.RequestContext, r: SheetRead): Promise<void> {
  const end = r.used.row + r.used.rows;
  let rows = chunkRows(r.used.columns);
  while (r.nextRow < end) {
    const n = Math.min(rows, end - r.nextRow);
    const range = r.sheet.getRangeByIndexes(r.nextRow, r.used.column, n, r.used.columns);
    range.load("rowIndex, columnIndex, values, formulas, numberFormat, valueTypes");
    try {
      // one chunk per sync is the point: each response must stay under the payload limit
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!tooBig(e) || n === 1) throw e;
      rows = Math.ceil(n / 2);
      continue;
    }
    if (!Array.isArray(range.values)) {
      // too many cells for one response (values come back null): smaller chunks
      if (n === 1) throw new Error(`Excel returned no values for a row of ${r.name}`);
      rows = Math.ceil(n / 2);
      continue;
    }
    fillGrid(r.grid, range);
    r.nextRow += n;
  }
  r.complete = true;
}

/** Reads the rest of a sheet unless that would take more than MAX_CHUNKS syncs; says whether it did. */
async function complete(
  context: Excel.RequestContext,
  r: SheetRead,
  required: boolean
): Promise<boolean> {
  if (r.complete) return true;
  if (chunksNeeded(r) > MAX_CHUNKS) {
    if (!required) return false;
    throw new Error(
      `工作表“${r.name}”的已用区域过大（${r.used.rows} 行 × ${r.used.columns} 列），无法分批读取：请删除表格以外的内容，或把表格复制到新工作表后重试。`
    );
  }
  await readRest(context, r);
  return true;
}

/**
 * Reads further what is needed, in order (the active sheet first): every sheet whose window shows a table; then,
 * if no sheet holds a table, every sheet. A sheet left unread comes back as an empty grid with its name.
 */
async function settle(
  context: Excel.RequestContext,
  p: Pass,
  isTableSheet: (grid: Grid) => boolean
): Promise<WorkbookSnapshot> {
  const order = [
    ...p.reads.filter((r) => r.name === p.activeName),
    ...p.reads.filter((r) => r.name !== p.activeName),
  ];
  for (const r of order)
    if (!r.complete && isTableSheet(r.grid)) await complete(context, r, r.name === p.activeName);
  if (!p.reads.some((r) => r.complete && isTableSheet(r.grid)))
    for (const r of order) await complete(context, r, false);
  const sheets = p.reads.map((r) =>
    r.complete
      ? r.grid
      : new Grid(r.name, {
          merges: r.grid.merges,
          protected: r.grid.protected,
          hidden: r.grid.hidden,
          mergesKnown: r.grid.mergesKnown,
        })
  );
  return { book: { sheets }, activeSheet: p.activeName };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Reads the workbook. One sync when `options.sheetNames` is still the workbook's list and every sheet fits its
 * window. Without names (the first check) the active sheet and the names come in one sync, and that is the whole
 * read when the active sheet holds the table (the other sheets come back as empty grids, read on the next check);
 * otherwise one more sync reads the other sheets. Beyond that, one sync per chunk of a sheet larger than its
 * window (see settle). If the merged areas cannot be read, the grids say mergesKnown=false.
 */
export async function readWorkbookIn(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<WorkbookSnapshot> {
  const { merges, isTableSheet } = options;
  let names: string[] | null = null;
  if (options.sheetNames && options.sheetNames.length > 0) {
    try {
      const first = await pass(context, options.sheetNames, merges, options.activeSheet);
      if (sameList(first.liveNames, options.sheetNames))
        return await settle(context, first, isTableSheet);
      names = first.liveNames; // sheets added, removed or moved: read again with the live list
    } catch (e) {
      if (codeOf(e) !== "ItemNotFound") throw e;
      names = null; // a sheet was renamed or deleted: start over
    }
  }
  if (!names) {
    // first check: the active sheet and the list of names in one sync; the other sheets only if it holds no table
    const first = await pass(context, null, merges, undefined);
    const active = first.reads[0];
    if (isTableSheet(active.grid)) {
      await complete(context, active, true);
      if (isTableSheet(active.grid)) {
        // the other sheets by name only (no content yet): enough for sheet-name checks; the next check reads them
        const sheets = first.liveNames.map((n) => (n === active.name ? active.grid : new Grid(n)));
        return { book: { sheets }, activeSheet: active.name };
      }
    }
    const others = first.liveNames.filter((n) => n !== active.name);
    const rest = others.length > 0 ? await pass(context, others, merges, undefined) : null;
    const reads = first.liveNames.map((n) =>
      n === active.name ? active : rest!.reads.find((r) => r.name === n)!
    );
    return settle(
      context,
      { liveNames: first.liveNames, activeName: active.name, reads },
      isTableSheet
    );
  }
  return settle(context, await pass(context, names, merges, options.activeSheet), isTableSheet);
}
