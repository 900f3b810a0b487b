// The Grid: one worksheet as the engine sees it, independent of Office.js or ExcelJS.
// Rows and columns are 1-based, as in Excel.

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The value (for a formula: its cached result). Only a merged area's master holds a value. */
  value: CellValue;
  /** Excel number format, e.g. "0.00%"; absent or "General" when none. */
  numFmt?: string;
  /** Formula without the leading "=", when the cell holds one. */
  formula?: string;
  /** Solid fill colour "#RRGGBB", when the source reports one (highlights restore it). */
  fill?: string | null;
  /**
   * The error value ("#DIV/0!", "#REF!"…) when the cell, or its formula's result, is an Excel error; `value` then
   * holds the same text. Set by the gateways, so a text cell that merely reads "#REF!" is told apart.
   */
  error?: string;
}

/** Excel's error values, as written in a cell. */
export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

export function isErrorValue(v: unknown): v is string {
  return typeof v === "string" && (ERROR_VALUES as readonly string[]).includes(v);
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellRef {
  row: number;
  col: number;
}

// every row of a form names the same few columns: their letters are computed once
const columnLetters: string[] = [];

export function colToLetters(col: number): string {
  const known = columnLetters[col];
  if (known !== undefined) return known;
  const letters = lettersOf(col);
  if (Number.isInteger(col) && col > 0 && col <= 16384) columnLetters[col] = letters;
  return letters;
}

function lettersOf(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row}`;
}

export function parseA1(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`不是有效的单元格地址：${address}`);
  return { row: Number(m[2]), col: lettersToCol(m[1]) };
}

export function rangeToA1(r: Range): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function parseRangeA1(text: string): Range {
  const [a, b] = text.split(":");
  const p = parseA1(a);
  const q = b ? parseA1(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Sheet-qualified address as shown to users and in findings: 附件1!H15 */
export function sheetAddress(sheet: string, address: string): string {
  const needsQuotes = /[^A-Za-z0-9_\u4e00-\u9fff]/.test(sheet);
  return `${needsQuotes ? `'${sheet.replace(/'/g, "''")}'` : sheet}!${address}`;
}

export class Grid {
  readonly sheet: string;
  readonly merges: Range[];
  /** Whether the sheet is protected (writes are refused). */
  readonly protected: boolean;
  /** False when the source could not report merged areas (ExcelApi < 1.13): the parser then inherits labels. */
  readonly mergesKnown: boolean;
  /** The sheet is hidden (or very hidden) in the workbook: a table there is named as hidden. */
  readonly hidden: boolean;
  private readonly cells: (Cell | undefined)[][] = [];
  private rowCount = 0;
  private colCount = 0;
  // master lookup for merged cells, keyed row*16384+col
  private readonly mergeIndex = new Map<number, Range>();
  // rows that hold part of a merged area: most cells of a long form are in none, and need no lookup
  private readonly mergedRows: boolean[] = [];
  // text(row, col) as computed: the parser looks at each label cell several times per row. Not enumerable: two
  // grids with the same cells are equal (toEqual, JSON) whichever of them has been read.
  declare private texts: (string | undefined)[][];

  constructor(
    sheet: string,
    options: { merges?: Range[]; protected?: boolean; mergesKnown?: boolean; hidden?: boolean } = {}
  ) {
    this.sheet = sheet;
    this.merges = options.merges ? [...options.merges] : [];
    this.protected = options.protected ?? false;
    this.mergesKnown = options.mergesKnown ?? true;
    this.hidden = options.hidden ?? false;
    Object.defineProperty(this, "texts", { value: [], writable: true, enumerable: false });
    for (const m of this.merges) this.indexMerge(m);
  }

  /** Builds a grid from rows of plain values (row 1 first); handy in tests and benches. */
  static fromRows(
    sheet: string,
    rows: CellValue[][],
    options: {
      merges?: (Range | string)[];
      origin?: string;
      protected?: boolean;
      hidden?: boolean;
    } = {}
  ): Grid {
    const merges = (options.merges ?? []).map((m) => (typeof m === "string" ? parseRangeA1(m) : m));
    const grid = new Grid(sheet, { merges, protected: options.protected, hidden: options.hidden });
    const origin = options.origin ? parseA1(options.origin) : { row: 1, col: 1 };
    rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "")
          grid.set(origin.row + r, origin.col + c, { value: v });
      })
    );
    return grid;
  }

  private indexMerge(m: Range): void {
    for (let r = m.top; r <= m.bottom; r++) {
      this.mergedRows[r] = true;
      for (let c = m.left; c <= m.right; c++) this.mergeIndex.set(r * 16384 + c, m);
    }
  }

  addMerge(range: Range): void {
    this.texts = [];
    this.merges.push(range);
    this.indexMerge(range);
    this.rowCount = Math.max(this.rowCount, range.bottom);
    this.colCount = Math.max(this.colCount, range.right);
  }

  set(row: number, col: number, cell: Cell): void {
    if (this.texts.length) this.texts = [];
    if (!this.cells[row]) this.cells[row] = [];
    this.cells[row][col] = cell;
    if (row > this.rowCount) this.rowCount = row;
    if (col > this.colCount) this.colCount = col;
  }

  /** The raw cell as stored (for a non-master merged cell: what the source held there, normally empty). */
  get(row: number, col: number): Cell | undefined {
    return this.cells[row]?.[col];
  }

  get rows(): number {
    return this.rowCount;
  }

  get cols(): number {
    return this.colCount;
  }

  mergeAt(row: number, col: number): Range | undefined {
    return this.mergedRows[row] === true ? this.mergeIndex.get(row * 16384 + col) : undefined;
  }

  /** The master (top-left) of the merged area holding (row, col), or the cell itself. */
  masterOf(row: number, col: number): CellRef {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  isMaster(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return !m || (m.top === row && m.left === col);
  }

  /** The cell as a reader sees it: a merged area's value is filled across the whole area. */
  cell(row: number, col: number): Cell | undefined {
    const m = this.mergeAt(row, col);
    return m ? this.get(m.top, m.left) : this.get(row, col);
  }

  value(row: number, col: number): CellValue {
    return this.cell(row, col)?.value ?? null;
  }

  /** Display-ish text of a cell (merged areas filled), trimmed; "" when empty. */
  text(row: number, col: number): string {
    const known = this.texts[row]?.[col];
    if (known !== undefined) return known;
    const v = this.value(row, col);
    const t = v === null || v === undefined ? "" : String(v).trim();
    (this.texts[row] ??= [])[col] = t;
    return t;
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }
}

/** A workbook as the engine sees it: its sheets in order. */
export interface WorkbookGrids {
  sheets: Grid[];
}
