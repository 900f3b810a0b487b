// Office.js → Grid: every sheet's used range (values, formulas, number formats), merged areas (ExcelApi 1.13),
// protection and the active sheet, loaded in ONE context.sync() when the sheet names are known.
// Mirrors src/xlsx/read.ts: a merged area's value only in its master cell, formulas without "=", empty text dropped.
import { Cell, Grid, Range, WorkbookGrids } from "../core/grid";
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
  /** Does a sheet hold the form? The engine decides (core/analyze.ts isTableSheet); the gateway only asks. */
  isTableSheet: (grid: Grid) => boolean;
}

interface SheetLoad {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

interface QueuedRead {
  sheets: Excel.WorksheetCollection;
  active: Excel.Worksheet;
  loads: SheetLoad[];
}

function queueSheet(sheet: Excel.Worksheet, name: string, merges: boolean): SheetLoad {
  sheet.load("name, visibility");
  sheet.protection.load("protected");
  // getUsedRange (not …OrNullObject): a blank sheet gives A1, so the merged-areas call never hangs off a null object
  const used = sheet.getUsedRange();
  // valueTypes in the same load: it tells an error value (#DIV/0!) from a text that reads the same
  used.load(
    "rowIndex, columnIndex, rowCount, columnCount, values, formulas, numberFormat, valueTypes"
  );
  let merged: Excel.RangeAreas | null = null;
  if (merges) {
    merged = used.getMergedAreasOrNullObject();
    merged.load("address");
  }
  return { name, sheet, used, merged };
}

function queueRead(
  context: Excel.RequestContext,
  names: readonly string[] | null,
  merges: boolean
): QueuedRead {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  // names unknown (the first check): read the active sheet, where the user almost always is, in the same sync
  const loads = names
    ? names.map((name) => queueSheet(sheets.getItem(name), name, merges))
    : [queueSheet(active, "", merges)];
  return { sheets, active, loads };
}

/** Builds one Grid from a loaded used range; cells are placed at absolute rows/columns (the range may start at C4). */
export function usedRangeToGrid(
  name: string,
  data: {
    rowIndex: number;
    columnIndex: number;
    values: unknown[][];
    formulas: unknown[][];
    numberFormat: unknown[][];
    /** Excel.RangeValueType per cell ("Error", "String", "Double", "Boolean", "Empty"…), when loaded. */
    valueTypes?: unknown[][];
  },
  options: { merges: Range[] | null; protected: boolean; hidden?: boolean }
): Grid {
  const grid = new Grid(name, {
    merges: options.merges ?? [],
    protected: options.protected,
    hidden: options.hidden ?? false,
    mergesKnown: options.merges !== null,
  });
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
  return grid;
}

function collect(
  q: QueuedRead,
  merges: boolean
): { snapshot: WorkbookSnapshot; liveNames: string[] } {
  const book: WorkbookGrids = {
    sheets: q.loads.map((l) => {
      const areas =
        merges && l.merged && !l.merged.isNullObject ? parseAreasAddress(l.merged.address) : [];
      return usedRangeToGrid(
        l.sheet.name,
        {
          rowIndex: l.used.rowIndex,
          columnIndex: l.used.columnIndex,
          values: l.used.values,
          formulas: l.used.formulas,
          numberFormat: l.used.numberFormat,
          valueTypes: l.used.valueTypes,
        },
        {
          merges: merges ? areas : null,
          protected: l.sheet.protection.protected,
          // Hidden and VeryHidden sheets are still read: their tables are checked and named as hidden
          hidden: l.sheet.visibility !== "Visible",
        }
      );
    }),
  };
  return {
    snapshot: { book, activeSheet: q.active.name },
    liveNames: q.sheets.items.map((s) => s.name),
  };
}

async function readNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

async function readKnown(
  context: Excel.RequestContext,
  names: readonly string[] | null,
  merges: boolean
): Promise<{ snapshot: WorkbookSnapshot; liveNames: string[] }> {
  const q = queueRead(context, names, merges);
  await context.sync();
  return collect(q, merges);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Reads every sheet. One sync when `options.sheetNames` is still the workbook's list. Without names (the first
 * check) the active sheet and the names come in one sync, and that is the whole read when the active sheet holds
 * the table (the other sheets come back as empty grids, read on the next check); otherwise one more sync. If the merged areas cannot be read (more than 512 in a used range makes
 * getMergedAreasOrNullObject fail), the read is repeated without them and the grids say mergesKnown=false.
 */
export async function readWorkbookIn(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<WorkbookSnapshot> {
  let names: string[] | null = null;
  if (options.sheetNames && options.sheetNames.length > 0) {
    try {
      const first = await readKnown(context, options.sheetNames, options.merges);
      if (sameList(first.liveNames, options.sheetNames)) return first.snapshot;
      names = first.liveNames; // sheets added, removed or moved: read again with the live list
    } catch {
      names = null; // a sheet was renamed or deleted (ItemNotFound), or the merges failed: start over
    }
  }
  if (!names) {
    // first check: the active sheet and the list of names in one sync; the other sheets only if it holds no table
    try {
      const first = await readKnown(context, null, options.merges);
      if (first.snapshot.book.sheets.some(options.isTableSheet)) {
        const active = first.snapshot.book.sheets[0];
        // the other sheets by name only (no content yet): enough for sheet-name checks; the next check reads them
        const sheets = first.liveNames.map((n) => (n === active.sheet ? active : new Grid(n)));
        return { book: { sheets }, activeSheet: active.sheet };
      }
      names = first.liveNames;
    } catch {
      names = await readNames(context);
    }
  }
  try {
    return (await readKnown(context, names, options.merges)).snapshot;
  } catch (e) {
    if (!options.merges) throw e;
    return (await readKnown(context, names, false)).snapshot;
  }
}
