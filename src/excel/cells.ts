// Pure helpers shared by the Office.js read, write and undo: how a cell's content looks through Range.values /
// Range.formulas / Range.numberFormat, and how to put content back without Excel re-interpreting it.
// No Excel.* or Office.* calls here.
import type { CellValue, Range } from "../core/grid";
import { parseRangeA1, sheetAddress } from "../core/grid";

/** One cell as Office.js reports it: `values[0][0]`, `formulas[0][0]`, `numberFormat[0][0]`. */
export interface RawCell {
  value: unknown;
  formula: unknown;
  numFmt: unknown;
}

/** What a cell holds, in the engine's terms. `formula` keeps its leading "=". */
export interface CellContent {
  value: CellValue;
  formula?: string;
  numFmt: string;
}

/**
 * A formula cell reports "=…" in `formulas` and its result in `values`. A text cell that merely starts with "="
 * (the seed's "=1场", kept as text) reports the same string in both — a formula's text never equals its result.
 */
export function isFormulaCell(value: unknown, formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

export function contentOf(raw: RawCell): CellContent {
  const numFmt = typeof raw.numFmt === "string" && raw.numFmt !== "" ? raw.numFmt : "General";
  if (isFormulaCell(raw.value, raw.formula)) {
    // a formula's result is kept even when it is "" (as the ExcelJS gateway does)
    const v = raw.value;
    const value: CellValue =
      typeof v === "string" || typeof v === "number" || typeof v === "boolean"
        ? v
        : v == null
          ? null
          : String(v);
    return { value, formula: raw.formula, numFmt };
  }
  return { value: plainValue(raw.value), numFmt };
}

function sameFormula(a: string, b: string): boolean {
  // Excel may re-case function names and drop spaces the user typed; compare loosely outside that
  const norm = (f: string) => f.replace(/\s+/g, "").toUpperCase();
  return norm(a) === norm(b);
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a === "" || a === undefined ? null : a;
  const y = b === "" || b === undefined ? null : b;
  if (typeof x === "number" && typeof y === "number")
    return x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  return x === y;
}

/** Whether the cell still holds `expected` (value, or formula and its result when `checkResult`). */
export function holds(
  actual: CellContent,
  expected: { value: CellValue | undefined; formula?: string },
  checkResult = true
): boolean {
  if (expected.formula) {
    if (!actual.formula || !sameFormula(actual.formula, expected.formula)) return false;
    return !checkResult || sameValue(actual.value, expected.value);
  }
  if (actual.formula) return false;
  return sameValue(actual.value, expected.value);
}

/** The cell's content as shown in a message: （现为“89.5”）, （现为公式 =SUM(H6:H27)）, （现为空白）. */
export function describeContent(c: CellContent): string {
  if (c.formula) return `现为公式 ${c.formula}`;
  if (c.value === null || c.value === "") return "现为空白";
  if (typeof c.value === "boolean") return `现为 ${c.value ? "TRUE" : "FALSE"}`;
  return `现为“${String(c.value)}”`;
}

/**
 * Strings Excel would not keep as typed text when written through Range.values: the Range.values documentation
 * says a value that starts with "+", "-" or "=" is interpreted as a formula; "@" starts an implicit-intersection
 * formula; numbers, percentages, dates, times, TRUE/FALSE, error literals (#N/A) and a leading apostrophe are
 * parsed as a typed entry would be. Such strings are written into a cell formatted as text ("@") first.
 */
export function needsTextFormat(s: string): boolean {
  if (s === "") return false;
  if (/^\s*[=+\-@'#.(（$¥￥€£０-９＋－＝]/.test(s)) return true;
  if (/^\s*\d/.test(s)) return true;
  if (/^\s*(true|false)\s*$/i.test(s)) return true;
  return false;
}

/**
 * Parses the address of a RangeAreas ("附件1!A1:I1, 附件1!A12:A27", "'My sheet'!$B$2:$C$3,…") into ranges.
 * Only the part after each "!" counts, so sheet names with commas or spaces do not matter.
 */
export function parseAreasAddress(address: string): Range[] {
  const out: Range[] = [];
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*[,;]|\s*$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(address)) !== null) out.push(parseRangeA1(m[1].replace(/\$/g, "")));
  if (out.length === 0 && address.trim() !== "") {
    // no sheet prefix at all: "A1:I1, A12:A27"
    for (const part of address.split(/[,;]/)) {
      const t = part.trim().replace(/\$/g, "");
      if (/^[A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?$/.test(t)) out.push(parseRangeA1(t));
    }
  }
  return out;
}

/** A fill as the engine keeps it: "#RRGGBB", or null for none. Excel reports an unfilled cell as white. */
export function normalizeFill(color: unknown, pattern?: unknown): string | null {
  if (pattern === "None") return null;
  if (typeof color !== "string" || color === "") return null;
  const c = color.toUpperCase();
  if (pattern === undefined && c === "#FFFFFF") return null;
  return c;
}

/** Column width in characters → points (RangeFormat.columnWidth is in points; 7 px per character at 100%). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A cell as a message names it: H15 on the form's sheet, 自评报告!B3 elsewhere. */
export function cellName(formSheet: string, sheet: string, address: string): string {
  return sheet === formSheet ? address : sheetAddress(sheet, address);
}

/** "H28 在检查之后被修改过（现为“88”）" or "H28、H15 在检查之后被修改过（H28 现为“88”，H15 现为空白）". */
export function changedCells(
  items: { name: string; content: CellContent }[],
  what: string
): string {
  if (items.length === 1) return `${items[0].name} ${what}（${describeContent(items[0].content)}）`;
  const names = items.map((i) => i.name).join("、");
  return `${names} ${what}（${items.map((i) => `${i.name} ${describeContent(i.content)}`).join("，")}）`;
}
