// Plain numbers (SPEC §3): canonical decimal strings, Excel number formats, and amount / weight / score cells.
// Split out of notation.ts; every export here is re-exported there.
import type { CellValue } from "./grid";

// ───────────────────────────── decimal strings ─────────────────────────────

const MAX_EXPONENT = 400;
// "0", "137.85", "-0.5" (never "-0", "0137", "1.50", "1e3")
// Stryker disable next-line Regex: read only by canonicalDecimal's fast path
const CANONICAL = /^(0|-?[1-9]\d*(\.\d*[1-9])?|-?0\.\d*[1-9])$/;

/**
 * Canonical decimal string of a plain or exponent-notation number, optionally multiplied by 10^shift:
 * "1,378,500.00" is NOT accepted here (strip separators first); "0137.8500" → "137.85", "-0" → "0",
 * "1e-7" → "0.0000001", canonicalDecimal("0.285", 2) → "28.5". null when the text is not a number.
 */
export function canonicalDecimal(text: string, shift = 0): string | null {
  // already canonical (every value the parser keeps): nothing to rebuild
  // Stryker disable next-line all: a fast path; the general path below gives the same string (the tests cover both)
  if (shift === 0 && CANONICAL.test(text)) return text;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/.exec(text);
  if (!m) return null;
  const intPart = m[2];
  const frac = m[3] ?? "";
  if (intPart === "" && frac === "") return null;
  const exp = (m[4] ? parseInt(m[4], 10) : 0) + shift;
  if (!Number.isFinite(exp) || Math.abs(exp) > MAX_EXPONENT) return null;
  let digits = intPart + frac;
  let point = intPart.length + exp;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const i = digits.slice(0, point).replace(/^0+/, "") || "0";
  const f = digits.slice(point).replace(/0+$/, "");
  const body = f ? `${i}.${f}` : i;
  if (/^[0.]+$/.test(body)) return "0";
  return (m[1] === "-" ? "-" : "") + body;
}

export function pow10(n: number): string {
  if (n >= 0) return "1" + "0".repeat(n);
  return "0." + "0".repeat(-n - 1) + "1";
}

// ───────────────────────────── number formats ─────────────────────────────

/** The format without its literal parts: quoted strings, backslash escapes, [Red]/[$-804] sections. */
function formatCode(numFmt: string): string {
  return numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/** An Excel number format that shows the value as a percent ("0%", "0.00%"; not `0"%"`). */
export function isPercentFormat(numFmt: string | undefined | null): boolean {
  if (typeof numFmt !== "string") return false;
  return formatCode(numFmt).includes("%");
}

/**
 * An Excel number format that shows the value as a date or a time ("yyyy/m/d", `yyyy"年"m"月"d"日"`, "mm-dd-yy",
 * "h:mm"): the cell holds a serial day number that Excel's SUM would count, but the user sees a date.
 */
export function isDateFormat(numFmt: string | undefined | null): boolean {
  if (typeof numFmt !== "string" || /^\s*(general|@)?\s*$/i.test(numFmt)) return false;
  // [h]:mm elapsed time keeps its bracket letter; other [..] sections (colours, locales, conditions) go
  const code = formatCode(numFmt.replace(/\[(h+|m+|s+)\]/gi, "$1"))
    .split(";")[0]
    .replace(/[_*]./g, "") // padding and fill characters
    .toLowerCase();
  return /[ydhs]|m/.test(code.replace(/general/g, "").replace(/e[+-]/g, ""));
}

// ───────────────────────────── plain number cells ─────────────────────────────

/**
 * No amount, weight or score of a form reaches 10^15 (Excel keeps 15 digits): a cell beyond that (1e308) is read
 * as out of range, never as a number, so that no product or quotient of two cells overflows into Infinity.
 */
export const MAX_CELL_MAGNITUDE = 1e15;
/** Targets and actuals may be counts of anything, but their ratio must stay a finite double. */
export const MAX_VALUE_MAGNITUDE = 1e100;
/** Below this a stored number is float noise (0.1+0.2−0.3 = 5.6e-17), shown as 0 by Excel: read as 0. */
export const TINY_NUMBER = 1e-9;

/** A typed number so close to 0 that a ratio over it would overflow ("0.000000000001"). */
export function isTiny(value: string): boolean {
  const n = Math.abs(Number(value));
  return n !== 0 && n < TINY_NUMBER;
}

/** A cell value that looks like a number but is too large to be one of the form's (1e308, "1e20"). */
export function isOutOfRange(input: CellValue, max = MAX_CELL_MAGNITUDE): boolean {
  const n =
    typeof input === "number" ? input : typeof input === "string" ? Number(input.trim()) : NaN;
  if (typeof input === "number" && !Number.isFinite(input)) return true;
  return Number.isFinite(n) ? Math.abs(n) > max : /^[+-]?Infinity$/.test(String(input).trim());
}

const NUMBER_CELL_RE =
  /^[¥$]?([-−+]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(%|百分比|分|元|千元|万元|亿元|万)?$/;

/**
 * A plain amount / weight / score / rate cell → canonical decimal string, or null when not a number.
 * "3,724,055.00" → "3724055", "１３７．８５" → "137.85", "10分" → "10", "50%" → { "50", percent },
 * 0.5 with a percent format → { "50", percent }. "—", "", "/" → null. Never throws.
 */
export function parseNumberCell(
  input: CellValue,
  numFmt?: string
): { value: string; percent: boolean } | null {
  try {
    if (typeof input === "number") {
      if (!Number.isFinite(input) || isOutOfRange(input)) return null;
      if (Math.abs(input) < TINY_NUMBER) input = 0;
      const percent = isPercentFormat(numFmt);
      const value = canonicalDecimal(String(input), percent ? 2 : 0);
      return value === null ? null : { value, percent };
    }
    if (typeof input !== "string") return null;
    const s = input.normalize("NFKC").replace(/\s+/g, "");
    const m = NUMBER_CELL_RE.exec(s);
    if (!m) return null;
    const value = canonicalDecimal(
      (m[1] === "-" || m[1] === "−" ? "-" : "") + m[2].replace(/,/g, "")
    );
    if (value === null || isOutOfRange(Number(value)) || isTiny(value)) return null;
    return { value, percent: m[3] === "%" || m[3] === "百分比" };
  } catch {
    return null;
  }
}
