// An ExcelJS-shaped cell value → a Grid cell. Shared by the ExcelJS reader (read.ts) and the direct sheet reader
// (fastRead.ts), so that both turn the same stored value into the same Grid cell. No ExcelJS at run time here.
import type * as ExcelJS from "exceljs";
import type { Cell, CellValue } from "../core/grid";

const MS_PER_DAY = 86400000;
/** Days between the Excel epoch (1899-12-30, 1900 system) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
/** Days between the 1900 and the 1904 date systems. */
const DATE1904_OFFSET = 1462;

/** ExcelJS reads dates as UTC instants; turn one back into an Excel serial number. */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial =
    date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET - (date1904 ? DATE1904_OFFSET : 0);
  // Dates come back as exact milliseconds; keep serials free of float noise.
  return Math.round(serial * 1e10) / 1e10;
}

export type ResultLike = ExcelJS.CellValue | ExcelJS.CellErrorValue | undefined;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function richTextToString(v: unknown): string {
  if (isObject(v) && Array.isArray(v.richText))
    return (v.richText as { text?: unknown }[])
      .map((r) => (typeof r.text === "string" ? r.text : ""))
      .join("");
  return typeof v === "string" ? v : "";
}

/** A plain value (never a formula): what ExcelJS holds in `value` or in a formula's `result`. */
function plainValue(v: ResultLike, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v, date1904);
  if (isObject(v)) {
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) return richTextToString(v);
    if ("hyperlink" in v || "text" in v) {
      const t = v.text;
      return typeof t === "string" ? t : richTextToString(t);
    }
  }
  return null;
}

/** What a reader needs of a cell: ExcelJS's `value`, `formula` (shared ones translated) and `numFmt`. */
export interface CellLike {
  value: ExcelJS.CellValue;
  formula?: string;
  numFmt?: string;
}

/** Reads one ExcelJS-shaped cell into a Grid cell; undefined when the cell is empty. */
export function readCell(c: CellLike, date1904: boolean): Cell | undefined {
  const raw = c.value;
  let value: CellValue;
  let formula: string | undefined;
  // the plain value, or a formula's cached result (undefined: a generator wrote the formula, nothing computed it)
  let held: ResultLike = raw;
  if (isObject(raw) && ("formula" in raw || "sharedFormula" in raw)) {
    formula = c.formula || undefined;
    held = (raw as ExcelJS.CellFormulaValue).result;
    value = plainValue(held, date1904);
  } else {
    value = plainValue(raw, date1904);
  }
  if (typeof value === "string" && value === "" && !formula) value = null;
  if (value === null && !formula) return undefined;
  const cell: Cell = { value };
  if (isObject(held) && typeof held.error === "string") cell.error = held.error;
  const numFmt = c.numFmt;
  if (numFmt && numFmt !== "General") cell.numFmt = numFmt;
  if (formula) cell.formula = formula.replace(/^=/, "");
  return cell;
}
