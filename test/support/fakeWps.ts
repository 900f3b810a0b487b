// A STRICT fake of the WPS 表格 (ET) JavaScript object model — only what src/wps calls — over the same in-memory
// workbook as the Office.js fake (FakeWorkbook), so both gateways can be compared cell by cell.
//  - Synchronous, VBA-shaped: 1-based Item(i) / Item(r, c); Value2 and Formula of a multi-cell range are rows of
//    values, of one cell a scalar; dates are serial numbers; an error value reads as its COM code (-2146826281);
//    an empty cell's Value2 is undefined (VBA Empty); NumberFormat / MergeCells / Interior of a block answer
//    null when its cells differ; colours are BGR numbers; ColumnWidth is in characters.
//  - Only a merged area's top-left cell holds a value (its other cells read empty, even when the file kept a
//    value there); writing into another cell of the area throws.
//  - Writing on a protected sheet throws; Delete() throws while DisplayAlerts is on (WPS would ask the user).
//  - Strings assigned to Value2 follow the typed-input rules of the Office.js fake (=… a formula, "2024" a number)
//    unless the cell is formatted "@".
//  - Every property read, property write and method call on a model object counts in `calls`; a member the fake
//    does not implement throws.
import { parseRangeA1, Range as GridRange, rangeToA1, toA1, CellValue } from "../../src/core/grid";
import { charsToPoints } from "../../src/excel/cells";
import { ERROR_CODES, fromBgr } from "../../src/wps/et";
import { cellAt, FakeCell, FakeSheet, FakeWorkbook, KEY, setInput } from "./fakeExcel";

const CODE_OF: Record<string, number> = Object.fromEntries(
  Object.entries(ERROR_CODES).map(([code, text]) => [text, Number(code)])
);

const EDGE_NAMES: Record<number, string> = {
  7: "EdgeLeft",
  8: "EdgeTop",
  9: "EdgeBottom",
  10: "EdgeRight",
  11: "InsideVertical",
  12: "InsideHorizontal",
};
const HORIZONTAL: Record<number, string> = { [-4131]: "Left", [-4108]: "Center", [-4152]: "Right" };
const VERTICAL: Record<number, string> = { [-4160]: "Top", [-4108]: "Center", [-4107]: "Bottom" };
const PATTERN_NONE = -4142;
const PATTERN_SOLID = 1;

export class FakeEtError extends Error {}

function intersects(a: GridRange, b: GridRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function toBgrNumber(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** The fake application and the workbook behind it. */
export class FakeEt {
  calls = 0;
  displayAlerts = true;
  /** Sheet visibility (FakeSheet has no such field): -1 visible, 0 hidden, 2 very hidden. */
  readonly visibility = new Map<FakeSheet, number>();
  /** ApiEvent listeners by event name (WPS keeps one per name and add-in). */
  readonly listeners = new Map<string, (sheet: unknown, range: unknown) => void>();
  readonly application: unknown;

  constructor(readonly book: FakeWorkbook) {
    this.application = this.strict(new AppObj(this), "Application");
  }

  /** The workbook's fault hook (FakeWorkbook.fault): a call that fails as it runs, as a WPS call can. */
  fault(op: string, sheet: string, address: string): void {
    const code = this.book.fault?.(op, sheet, address);
    if (code) throw new FakeEtError(`fake ET: injected ${code} at ${op} ${sheet}!${address}`);
  }

  /** Wraps a model object: counts every member access, throws on members it does not implement. */
  strict<T extends object>(obj: T, what: string): T {
    return new Proxy(obj, {
      get: (target, prop) => {
        if (typeof prop === "symbol" || prop === "then" || prop === "toJSON") return undefined;
        if (!(prop in target)) throw new FakeEtError(`fake ET: ${what}.${prop} is not implemented`);
        this.calls++;
        // getters run on the object itself: its own helpers are not model calls
        const v: unknown = Reflect.get(target, prop, target);
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
      set: (target, prop, value) => {
        if (typeof prop === "symbol" || !(prop in target))
          throw new FakeEtError(`fake ET: ${what}.${String(prop)} cannot be set`);
        this.calls++;
        return Reflect.set(target, prop, value);
      },
    });
  }

  sheetObj(sheet: FakeSheet): SheetObj {
    return this.strict(new SheetObj(this, sheet), `Worksheet(${sheet.name})`);
  }

  /** A cell edit, by the user or through the model: SheetChange arrives after the current task, as in WPS. */
  emitChange(sheet: FakeSheet, rect: GridRange): void {
    const listener = this.listeners.get("SheetChange");
    if (listener) setTimeout(() => listener(this.sheetObj(sheet), this.rangeObj(sheet, rect)), 0);
  }

  rangeObj(sheet: FakeSheet, rect: GridRange): RangeObj {
    return this.strict(new RangeObj(this, sheet, rect), `Range(${rangeToA1(rect)})`);
  }
}

class AppObj {
  constructor(private readonly et: FakeEt) {}
  get ActiveWorkbook(): BookObj {
    return this.et.strict(new BookObj(this.et), "Workbook");
  }
  get Worksheets(): SheetsObj {
    return this.et.strict(new SheetsObj(this.et), "Worksheets");
  }
  get ApiEvent(): ApiEventObj {
    return this.et.strict(new ApiEventObj(this.et), "ApiEvent");
  }
  get DisplayAlerts(): boolean {
    return this.et.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.et.displayAlerts = v;
  }
}

class ApiEventObj {
  constructor(private readonly et: FakeEt) {}
  AddApiEventListener(name: string, callback: (sheet: unknown, range: unknown) => void): void {
    if (name !== "SheetChange") throw new FakeEtError(`fake ET: event ${name} is not implemented`);
    this.et.listeners.set(name, callback);
  }
  RemoveApiEventListener(name: string): void {
    this.et.listeners.delete(name);
  }
}

class BookObj {
  constructor(private readonly et: FakeEt) {}
  get Worksheets(): SheetsObj {
    return this.et.strict(new SheetsObj(this.et), "Worksheets");
  }
  get ActiveSheet(): SheetObj {
    return this.et.sheetObj(this.et.book.sheet(this.et.book.activeSheet));
  }
  get ProtectStructure(): boolean {
    return this.et.book.workbookProtected;
  }
}

class SheetsObj {
  constructor(private readonly et: FakeEt) {}
  get Count(): number {
    return this.et.book.sheets.length;
  }
  Item(index: number | string): SheetObj {
    const book = this.et.book;
    const sheet =
      typeof index === "number"
        ? book.sheets[index - 1]
        : book.findSheet(index) && book.sheet(index);
    if (!sheet || (typeof index === "number" && (index < 1 || !Number.isInteger(index))))
      throw new FakeEtError(`fake ET: Worksheets.Item(${String(index)}): subscript out of range`);
    return this.et.sheetObj(sheet);
  }
  Add(before?: SheetObj | null, after?: SheetObj | null): SheetObj {
    const book = this.et.book;
    if (book.workbookProtected) throw new FakeEtError("fake ET: workbook structure is protected");
    let n = book.sheets.length + 1;
    while (book.findSheet(`Sheet${n}`)) n++;
    const sheet = book.addSheet(`Sheet${n}`); // appended at the end
    book.sheets.pop();
    const anchor = after ?? before ?? null;
    const at = anchor
      ? book.sheets.indexOf(anchor._sheet) + (after ? 1 : 0)
      : book.sheets.findIndex((s) => s.name === book.activeSheet);
    book.sheets.splice(at, 0, sheet);
    book.activeSheet = sheet.name; // Add activates the new sheet
    return this.et.sheetObj(sheet);
  }
}

class SheetObj {
  constructor(
    private readonly et: FakeEt,
    readonly _sheet: FakeSheet
  ) {}
  get Name(): string {
    return this._sheet.name;
  }
  set Name(v: string) {
    this.et.fault("renameSheet", this._sheet.name, "");
    const other = this.et.book.findSheet(v);
    if (other && other !== this._sheet) throw new FakeEtError(`fake ET: sheet name ${v} is taken`);
    if (/[:\\/?*[\]]/.test(v) || v.length > 31)
      throw new FakeEtError(`fake ET: bad sheet name ${v}`);
    this.et.book.rename(this._sheet.name, v);
  }
  get ProtectContents(): boolean {
    return this._sheet.protected;
  }
  get Visible(): number {
    return this.et.visibility.get(this._sheet) ?? -1;
  }
  set Visible(v: number) {
    if (![-1, 0, 2].includes(v)) throw new FakeEtError(`fake ET: Visible ${v}`);
    this.et.visibility.set(this._sheet, v);
  }
  get UsedRange(): RangeObj {
    const s = this._sheet;
    let rect: GridRange | null = null;
    const grow = (r: GridRange) => {
      rect = rect
        ? {
            top: Math.min(rect.top, r.top),
            left: Math.min(rect.left, r.left),
            bottom: Math.max(rect.bottom, r.bottom),
            right: Math.max(rect.right, r.right),
          }
        : { ...r };
    };
    for (const [k, c] of s.cells) {
      const used =
        (c.value !== null && c.value !== "") || c.formula || c.numFmt || c.fill || c.style;
      if (!used) continue;
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      grow({ top: row, left: col, bottom: row, right: col });
    }
    for (const m of s.merges) grow(m);
    return this.et.rangeObj(s, rect ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }
  Range(address: string): RangeObj {
    if (address.includes("!")) throw new FakeEtError("fake ET: Range() with a sheet name");
    return this.et.rangeObj(this._sheet, parseRangeA1(address.replace(/\$/g, "")));
  }
  get Cells(): RangeObj {
    return this.et.rangeObj(this._sheet, { top: 1, left: 1, bottom: 1048576, right: 16384 });
  }
  Activate(): void {
    if ((this.et.visibility.get(this._sheet) ?? -1) !== -1)
      throw new FakeEtError("fake ET: cannot activate a hidden sheet");
    this.et.book.activeSheet = this._sheet.name;
  }
  Delete(): void {
    const book = this.et.book;
    this.et.fault("deleteSheet", this._sheet.name, "");
    if (this.et.displayAlerts)
      throw new FakeEtError("fake ET: Delete() with DisplayAlerts on would ask the user");
    if (book.workbookProtected) throw new FakeEtError("fake ET: workbook structure is protected");
    book.sheets = book.sheets.filter((s) => s !== this._sheet);
    if (book.activeSheet === this._sheet.name) book.activeSheet = book.sheets[0]?.name ?? "";
  }
}

class RangeObj {
  constructor(
    private readonly et: FakeEt,
    readonly _sheet: FakeSheet,
    readonly _rect: GridRange
  ) {}

  private cells<T>(f: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    const { top, left, bottom, right } = this._rect;
    if ((bottom - top + 1) * (right - left + 1) > 1_000_000)
      throw new FakeEtError("fake ET: reading more than a million cells");
    for (let r = top; r <= bottom; r++) {
      const row: T[] = [];
      for (let c = left; c <= right; c++) row.push(f(this._sheet.cells.get(KEY(r, c)), r, c));
      out.push(row);
    }
    return out;
  }

  private single(): boolean {
    return this._rect.top === this._rect.bottom && this._rect.left === this._rect.right;
  }

  private shape<T>(rows: T[][]): T | T[][] {
    return this.single() ? rows[0][0] : rows;
  }

  /** One answer for the block, or null when its cells differ. */
  private uniform<T>(f: (cell: FakeCell | undefined) => T): T | null {
    let first: T | undefined;
    let set = false;
    for (const row of this.cells(f))
      for (const v of row) {
        if (!set) {
          first = v;
          set = true;
        } else if (v !== first) return null;
      }
    return first as T;
  }

  private each(f: (cell: FakeCell, r: number, c: number) => void): void {
    if (this._sheet.protected) throw new FakeEtError("fake ET: the sheet is protected");
    const { top, left, bottom, right } = this._rect;
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) f(cellAt(this._sheet, r, c), r, c);
  }

  private checkWritable(): void {
    if (this._sheet.protected) throw new FakeEtError("fake ET: the sheet is protected");
    for (const m of this._sheet.merges)
      if (intersects(m, this._rect)) {
        const inside =
          m.top >= this._rect.top &&
          m.bottom <= this._rect.bottom &&
          m.left >= this._rect.left &&
          m.right <= this._rect.right;
        if (!inside && !(m.top === this._rect.top && m.left === this._rect.left))
          throw new FakeEtError("fake ET: cannot change part of a merged cell");
      }
  }

  private input(v: unknown): void {
    this.checkWritable();
    this.et.fault("write", this._sheet.name, rangeToA1(this._rect));
    const { top, left, bottom, right } = this._rect;
    const rows = Array.isArray(v) ? (v as unknown[][]) : null;
    if (
      rows &&
      (rows.length !== bottom - top + 1 || rows.some((r) => r.length !== right - left + 1))
    )
      throw new FakeEtError("fake ET: array size differs from the range");
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const x = rows ? rows[r - top][c - left] : v;
        if (x !== null && typeof x === "object") throw new FakeEtError("fake ET: bad cell input");
        // the value of a merged area lives in its top-left cell only
        const m = this._sheet.merges.find(
          (g) => g.top <= r && r <= g.bottom && g.left <= c && c <= g.right
        );
        if (m && (m.top !== r || m.left !== c)) continue;
        setInput(this.et.book, this._sheet, r, c, x === undefined ? "" : x, false);
      }
    this.et.emitChange(this._sheet, this._rect);
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    const fmt = (row: number, col: number) => {
      const a = toA1(row, col);
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      return `${columnAbsolute ? "$" : ""}${m[1]}${rowAbsolute ? "$" : ""}${m[2]}`;
    };
    const a = fmt(this._rect.top, this._rect.left);
    return this.single() ? a : `${a}:${fmt(this._rect.bottom, this._rect.right)}`;
  }

  /** Inside a merged area but not its top-left cell: the model shows nothing there ("合并区域的值在该区域左上角的
   *  单元格中指定", WPS 开放平台 Range.Merge 方法), even when the file kept a value under the merge. */
  private hidden(r: number, c: number): boolean {
    return this._sheet.merges.some(
      (m) =>
        m.top <= r && r <= m.bottom && m.left <= c && c <= m.right && (m.top !== r || m.left !== c)
    );
  }

  get Value2(): unknown {
    return this.shape(
      this.cells((c, r, col) => {
        if (!c || c.value === null || (c.value === "" && !c.formula) || this.hidden(r, col))
          return undefined;
        if (c.error && typeof c.value === "string") return CODE_OF[c.value] ?? c.value;
        return c.value;
      })
    );
  }
  set Value2(v: unknown) {
    this.input(v);
  }

  get Formula(): unknown {
    return this.shape(
      this.cells((c, r, col) => {
        if (!c || this.hidden(r, col)) return "";
        if (c.formula) return c.formula;
        if (c.value === null) return "";
        if (typeof c.value === "boolean") return c.value ? "TRUE" : "FALSE";
        return String(c.value);
      })
    );
  }
  set Formula(v: unknown) {
    if (typeof v !== "string" && typeof v !== "number") throw new FakeEtError("fake ET: Formula");
    this.input(v);
  }

  get NumberFormat(): unknown {
    return this.uniform((c) => c?.numFmt ?? "General");
  }
  set NumberFormat(v: unknown) {
    if (typeof v !== "string") throw new FakeEtError("fake ET: NumberFormat must be a string");
    this.each((cell) => {
      if (v === "General") delete cell.numFmt;
      else cell.numFmt = v;
    });
  }

  get MergeCells(): unknown {
    return this.mergeState(this._sheet.merges);
  }

  private mergeState(merges: GridRange[]): boolean | null {
    let inMerge = 0;
    let total = 0;
    this.cells((_c, r, c) => {
      total++;
      if (merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right)) inMerge++;
      return null;
    });
    return inMerge === 0 ? false : inMerge === total ? true : null;
  }

  get MergeArea(): RangeObj {
    if (!this.single()) throw new FakeEtError("fake ET: MergeArea of more than one cell");
    const { top, left } = this._rect;
    const m = this._sheet.merges.find(
      (g) => g.top <= top && top <= g.bottom && g.left <= left && left <= g.right
    );
    return this.et.rangeObj(this._sheet, m ? { ...m } : this._rect);
  }

  Item(row: number, col = 1): RangeObj {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1)
      throw new FakeEtError(`fake ET: Item(${row}, ${col}) is 1-based`);
    const r = this._rect.top + row - 1;
    const c = this._rect.left + col - 1;
    return this.et.rangeObj(this._sheet, { top: r, left: c, bottom: r, right: c });
  }

  get Interior(): InteriorObj {
    return this.et.strict(new InteriorObj(this), "Interior");
  }
  get Font(): FontObj {
    return this.et.strict(new FontObj(this), "Font");
  }
  get Borders(): BordersObj {
    return this.et.strict(new BordersObj(this.et, this), "Borders");
  }
  set HorizontalAlignment(v: number) {
    if (!HORIZONTAL[v]) throw new FakeEtError(`fake ET: HorizontalAlignment ${v}`);
    this._style({ horizontalAlignment: HORIZONTAL[v] });
  }
  get HorizontalAlignment(): number {
    throw new FakeEtError("fake ET: reading HorizontalAlignment is not implemented");
  }
  set VerticalAlignment(v: number) {
    if (!VERTICAL[v]) throw new FakeEtError(`fake ET: VerticalAlignment ${v}`);
    this._style({ verticalAlignment: VERTICAL[v] });
  }
  get VerticalAlignment(): number {
    throw new FakeEtError("fake ET: reading VerticalAlignment is not implemented");
  }
  set WrapText(v: boolean) {
    this._style({ wrapText: v });
  }
  get WrapText(): boolean {
    throw new FakeEtError("fake ET: reading WrapText is not implemented");
  }
  set ColumnWidth(chars: number) {
    if (this._sheet.protected) throw new FakeEtError("fake ET: the sheet is protected");
    for (let c = this._rect.left; c <= this._rect.right; c++)
      this._sheet.columnWidths.set(c, charsToPoints(chars)); // kept in points, as the Office.js fake
  }
  get ColumnWidth(): number {
    throw new FakeEtError("fake ET: reading ColumnWidth is not implemented");
  }
  set RowHeight(points: number) {
    if (this._sheet.protected) throw new FakeEtError("fake ET: the sheet is protected");
    for (let r = this._rect.top; r <= this._rect.bottom; r++) this._sheet.rowHeights.set(r, points);
  }
  get RowHeight(): number {
    throw new FakeEtError("fake ET: reading RowHeight is not implemented");
  }

  Merge(across?: boolean): void {
    if (across) throw new FakeEtError("fake ET: Merge(true) is not implemented");
    if (this._sheet.protected) throw new FakeEtError("fake ET: the sheet is protected");
    if (this._sheet.merges.some((m) => intersects(m, this._rect)))
      throw new FakeEtError("fake ET: cannot merge over a merged area");
    const { top, left, bottom, right } = this._rect;
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++)
        if (r !== top || c !== left) this._sheet.cells.delete(KEY(r, c));
    this._sheet.merges.push({ ...this._rect });
  }

  Select(): void {
    if (this.et.book.activeSheet !== this._sheet.name)
      throw new FakeEtError("fake ET: Select() on a sheet that is not active");
    this.et.book.selection = { sheet: this._sheet.name, address: rangeToA1(this._rect) };
  }

  _style(fields: Partial<NonNullable<FakeCell["style"]>>): void {
    this.each((cell) => {
      cell.style = { ...cell.style, ...fields };
    });
  }

  _fill(fill: string | null): void {
    this.each((cell) => {
      cell.fill = fill;
    });
  }

  _uniform<T>(f: (cell: FakeCell | undefined) => T): T | null {
    return this.uniform(f);
  }
}

class InteriorObj {
  constructor(private readonly range: RangeObj) {}
  get Color(): number | null {
    // an unfilled cell reports white, as Excel does
    return this.range._uniform((c) => (c?.fill ? toBgrNumber(c.fill) : 0xffffff));
  }
  set Color(v: number) {
    this.range._fill(fromBgr(v));
  }
  get Pattern(): number | null {
    return this.range._uniform((c) => (c?.fill ? PATTERN_SOLID : PATTERN_NONE));
  }
  set Pattern(v: number) {
    if (v !== PATTERN_NONE) throw new FakeEtError(`fake ET: Pattern ${v} is not implemented`);
    this.range._fill(null);
  }
}

class FontObj {
  constructor(private readonly range: RangeObj) {}
  set Name(v: string) {
    this.range._style({ fontName: v });
  }
  get Name(): string {
    throw new FakeEtError("fake ET: reading Font.Name is not implemented");
  }
  set Size(v: number) {
    this.range._style({ size: v });
  }
  get Size(): number {
    throw new FakeEtError("fake ET: reading Font.Size is not implemented");
  }
  set Bold(v: boolean) {
    this.range._style({ bold: v });
  }
  get Bold(): boolean {
    throw new FakeEtError("fake ET: reading Font.Bold is not implemented");
  }
  set Italic(v: boolean) {
    this.range._style({ italic: v });
  }
  get Italic(): boolean {
    throw new FakeEtError("fake ET: reading Font.Italic is not implemented");
  }
  set Color(v: number) {
    this.range._style({ fontColor: fromBgr(v) });
  }
  get Color(): number {
    throw new FakeEtError("fake ET: reading Font.Color is not implemented");
  }
}

class BordersObj {
  constructor(
    private readonly et: FakeEt,
    private readonly range: RangeObj
  ) {}
  Item(index: number): BorderObj {
    const name = EDGE_NAMES[index];
    if (!name) throw new FakeEtError(`fake ET: Borders.Item(${index})`);
    return this.et.strict(new BorderObj(this.range, name), `Border(${name})`);
  }
}

class BorderObj {
  constructor(
    private readonly range: RangeObj,
    private readonly name: string
  ) {}
  set LineStyle(v: number) {
    if (v !== 1) throw new FakeEtError(`fake ET: LineStyle ${v} is not implemented`);
    this.applyBorder("Continuous");
  }
  get LineStyle(): number {
    throw new FakeEtError("fake ET: reading LineStyle is not implemented");
  }
  set Color(v: number) {
    this.range._style({ borderColor: fromBgr(v) });
  }
  get Color(): number {
    throw new FakeEtError("fake ET: reading Border.Color is not implemented");
  }
  private applyBorder(style: string): void {
    if (this.range._sheet.protected) throw new FakeEtError("fake ET: the sheet is protected");
    const { top, left, bottom, right } = this.range._rect;
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const cell = cellAt(this.range._sheet, r, c);
        cell.style = { ...cell.style, borders: { ...cell.style?.borders, [this.name]: style } };
      }
  }
}

/** A user's typed edit in the WPS UI (the same input rules). */
export function typeInto(et: FakeEt, sheet: string, address: string, input: CellValue): void {
  const s = et.book.sheet(sheet);
  const r = parseRangeA1(address);
  setInput(et.book, s, r.top, r.left, input ?? "", false);
  et.emitChange(s, r);
}

/** Runs `write` with the workbook's fault hook set (cleared after), and returns what it threw (null: nothing). */
export function thrownWithFault(
  et: FakeEt,
  fault: NonNullable<FakeWorkbook["fault"]>,
  write: () => void
): unknown {
  et.book.fault = fault;
  try {
    write();
    return null;
  } catch (e) {
    return e;
  } finally {
    et.book.fault = null;
  }
}
