// What a cell really holds, as Excel sees it: the rules must not call "７.２" (text) a number Excel adds up, a
// date a score of 45292, or an uncalculated formula an empty cell. Pure: reads a Grid cell, never a workbook.
import { isErrorValue, type Cell, type Grid } from "./grid";
import { evaluateFormula } from "./formula";
import { isDateFormat, parseNumberCell } from "./notation";

export type CellKind =
  "number" | "textNumber" | "text" | "empty" | "error" | "date" | "uncachedFormula" | "boolean";

export interface CellFacts {
  /**
   * number: a real number (Excel's SUM counts it); textNumber: text that reads as a number (７.２, 7.2分, " 5.4 "),
   * which SUM skips; date: a number shown as a date (SUM counts its serial); uncachedFormula: a formula the file
   * holds no result for (written by a generator, never calculated by Excel).
   */
  kind: CellKind;
  /** The formula without "=", whenever the cell holds one (whatever its kind). */
  formula?: string;
  /** kind "error": the error value, e.g. "#DIV/0!". */
  error?: string;
  /** kind "date": the date as shown to the user, yyyy-mm-dd (1900 date system). */
  date?: string;
  /** kind "uncachedFormula": the value computed from the sheet's own cells, or null when it cannot be. */
  evaluated?: number | null;
}

const MS_PER_DAY = 86400000;

/** An Excel serial day (1900 system, with Excel's phantom 1900-02-29) as yyyy-mm-dd; "" when out of range. */
export function serialToIsoDate(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return "";
  const day = Math.floor(serial);
  if (day === 60) return "1900-02-29";
  // before the phantom day Excel counts from 1899-12-31, after it from 1899-12-30
  const ms = Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Facts about a cell as the grid holds it (for a merged area, pass the master's cell). */
export function factsOf(cell: Cell | undefined, grid?: Grid): CellFacts {
  if (!cell) return { kind: "empty" };
  const formula = cell.formula ? cell.formula.replace(/^=/, "") : undefined;
  const withFormula = (f: CellFacts): CellFacts => (formula ? { ...f, formula } : f);
  const v = cell.value;
  if (cell.error !== undefined || (formula && isErrorValue(v)))
    return withFormula({ kind: "error", error: cell.error ?? String(v) });
  if (v === null) {
    if (!formula) return { kind: "empty" };
    return {
      kind: "uncachedFormula",
      formula,
      evaluated: grid ? evaluateFormula(formula, grid) : null,
    };
  }
  if (typeof v === "boolean") return withFormula({ kind: "boolean" });
  if (typeof v === "number") {
    if (isDateFormat(cell.numFmt)) return withFormula({ kind: "date", date: serialToIsoDate(v) });
    return withFormula({ kind: "number" });
  }
  if (v.trim() === "") return withFormula({ kind: "empty" });
  return withFormula({ kind: parseNumberCell(v) ? "textNumber" : "text" });
}

/** Facts about the cell at (row, col), read through a merged area to its master. */
export function cellFacts(grid: Grid, row: number, col: number): CellFacts {
  const m = grid.masterOf(row, col);
  return factsOf(grid.get(m.row, m.col), grid);
}
