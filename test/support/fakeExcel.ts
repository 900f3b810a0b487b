// A STRICT in-house fake of the Excel JavaScript API — only the parts src/excel calls.
//  - Commands are queued and run at context.sync(), in order; syncs are counted.
//  - A property read before load() + sync() throws PropertyNotLoaded, as Office.js does.
//  - Any API the fake does not implement does not exist: reading or calling it throws.
//  - Writes follow Excel's input rules pessimistically: a string written through Range.values is parsed as typed
//    input (=… / +… / -… / @… become formulas, "2024" a number) unless the cell is formatted "@" (text);
//    a number or formula written into a text-formatted cell is stored as text.
//  - Excel on the web's limits: a sync whose request or response carries more than 5 MB of JSON fails
//    (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and a range of more than 5,000,000
//    cells loads with null values; a formatted far cell inflates getUsedRange() but not getUsedRange(true).
//  - Sheet protection: on a protected sheet only unlocked cells (FakeCell.locked === false) take content, and
//    formats only where the protection allows formatting cells (FakeSheet.allowFormatCells).
// No Node APIs here: the same file is bundled as a fake Office host for browser tests (installFakeOffice).
import {
  CellValue,
  Grid,
  isErrorValue,
  Range as GridRange,
  WorkbookGrids,
  parseRangeA1,
  rangeToA1,
  toA1,
} from "../../src/core/grid";

// ---------------------------------------------------------------- the workbook

export interface FakeStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fontName?: string;
  borders?: Record<string, string>;
  borderColor?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface FakeCell {
  value: CellValue;
  /** With its leading "=". */
  formula?: string;
  numFmt?: string;
  fill?: string | null;
  style?: FakeStyle;
  /** The value is an Excel error (#DIV/0!…, held as its text in `value`): Range.valueTypes reports "Error". */
  error?: boolean;
  /** Format → Protection → Locked; Excel's default is locked (undefined = true). */
  locked?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  protected: boolean;
  /** Excel.SheetVisibility: "Visible" | "Hidden" | "VeryHidden". */
  visibility: string;
  cells: Map<number, FakeCell>;
  merges: GridRange[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** WorksheetProtectionOptions.allowFormatCells of a protected sheet (default false). */
  allowFormatCells?: boolean;
}

export interface FakeOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.12" (no merged areas) or "1.17" (default). */
  excelApi?: string;
  /** Change events carry triggerSource "ThisLocalAddin" for the add-in's own writes (ExcelApi 1.14). Default false. */
  triggerSource?: boolean;
  /** Result of a formula written through the API (the fake does not calculate); default null. */
  evaluate?: (sheet: string, address: string, formula: string) => CellValue;
  /** The next settings.saveAsync fails. */
  failSave?: boolean;
}

export interface FakeWrite {
  sync: number;
  op: string;
  sheet: string;
  address: string;
  detail?: unknown;
}

export interface FakeChangedEvent {
  type: "WorksheetChanged";
  changeType: "RangeEdited";
  source: "Local";
  worksheetId: string;
  address: string;
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

// cells are keyed row * 16384 + col (test/support/fakeWps.ts decodes the same): column XFD (16384) would wrap
// to the next row, so the fake stops at XFC
export const KEY = (row: number, col: number) => {
  if (col >= 16384) throw new Error("fake Excel: column XFD is not modelled (use XFC)");
  return row * 16384 + col;
};

/** Excel on the web's payload limit for one request and one response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** More cells than this in one range: Range.values (and formulas, numberFormat, valueTypes) load as null. */
export const CELL_LIMIT = 5_000_000;

/** UTF-8 length of a string (no TextEncoder: this file also runs in jsdom and browser pages). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** What a loaded property adds to the response: its JSON, as Office.js carries it. */
export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8Length(JSON.stringify(v));
}
const ROW = (key: number) => Math.floor(key / 16384);
const COL = (key: number) => key % 16384;

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function quoteSheet(name: string): string {
  return /[^A-Za-z0-9_\u4e00-\u9fff]/.test(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

function intersects(a: GridRange, b: GridRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  workbookProtected = false;
  syncs = 0;
  calcSuspensions = 0;
  recalculations = 0;
  writes: FakeWrite[] = [];
  /** Saved document settings (what saveAsync persisted), and the in-memory copy. */
  savedSettings: Record<string, string> = {};
  settings: Record<string, string> = {};
  readonly options: Required<Omit<FakeOptions, "evaluate">> & Pick<FakeOptions, "evaluate">;
  listeners: { handler: (e: FakeChangedEvent) => Promise<unknown> | void; removed: boolean }[] = [];
  /** Request and response bytes of every sync, in order (what Excel on the web would carry). */
  payloads: { request: number; response: number; failed?: string }[] = [];
  /** Called as each sync starts, with its number (1 = the first): a co-author's edit between two syncs. */
  beforeSync: ((sync: number) => void) | null = null;
  /** Makes a write fail as it runs: return an error code to throw for (op, sheet, address), or undefined. */
  fault: ((op: string, sheet: string, address: string) => string | undefined) | null = null;
  private nextId = 1;

  constructor(options: FakeOptions = {}) {
    this.options = {
      excelApi: options.excelApi ?? "1.17",
      triggerSource: options.triggerSource ?? false,
      failSave: options.failSave ?? false,
      evaluate: options.evaluate,
    };
  }

  static fromGrids(book: WorkbookGrids, options: FakeOptions = {}): FakeWorkbook {
    const fake = new FakeWorkbook(options);
    for (const g of book.sheets) {
      const sheet = fake.addSheet(g.sheet);
      sheet.protected = g.protected;
      sheet.visibility = g.hidden ? "Hidden" : "Visible";
      sheet.merges = g.merges.map((m) => ({ ...m }));
      for (let r = 1; r <= g.rows; r++)
        for (let c = 1; c <= g.cols; c++) {
          const cell = g.get(r, c);
          if (!cell) continue;
          const fc: FakeCell = { value: cell.value };
          if (cell.formula) fc.formula = `=${cell.formula}`;
          if (cell.numFmt && cell.numFmt !== "General") fc.numFmt = cell.numFmt;
          if (cell.fill !== undefined) fc.fill = cell.fill;
          if (cell.error !== undefined) fc.error = true;
          sheet.cells.set(KEY(r, c), fc);
        }
    }
    fake.activeSheet = book.sheets[0]?.sheet ?? "";
    return fake;
  }

  supports(version: string): boolean {
    return versionAtLeast(this.options.excelApi, version);
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      protected: false,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
    };
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake workbook has no sheet ${name}`);
    return s;
  }

  findSheet(key: string): FakeSheet | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
  }

  /** Renames a sheet as a user would (the active sheet follows). */
  rename(from: string, to: string): void {
    const s = this.sheet(from);
    if (this.activeSheet === s.name) this.activeSheet = to;
    s.name = to;
  }

  /** Sets stored cell fields directly (seeding a state; no input parsing, no event). */
  put(sheet: string, address: string, fields: Partial<FakeCell>): FakeCell {
    const r = parseRangeA1(address);
    const cell = cellAt(this.sheet(sheet), r.top, r.left);
    Object.assign(cell, fields);
    return cell;
  }

  /** The cell as stored (undefined when never touched). */
  cell(sheet: string, address: string): FakeCell | undefined {
    const r = parseRangeA1(address);
    return this.sheet(sheet).cells.get(KEY(r.top, r.left));
  }

  /** The workbook's contents as Grids (what a reader would get), for comparisons. */
  toGrids(): WorkbookGrids {
    return {
      sheets: this.sheets.map((s) => {
        const g = new Grid(s.name, {
          merges: s.merges,
          protected: s.protected,
          hidden: s.visibility !== "Visible",
        });
        for (const [k, c] of s.cells) {
          if ((c.value === null || c.value === "") && !c.formula) continue;
          g.set(ROW(k), COL(k), {
            value: c.value,
            ...(c.formula ? { formula: c.formula.slice(1) } : {}),
            ...(c.numFmt && c.numFmt !== "General" ? { numFmt: c.numFmt } : {}),
            ...(c.error && typeof c.value === "string" ? { error: c.value } : {}),
          });
        }
        return g;
      }),
    };
  }

  /** A user edit in the Excel UI: typed input rules, then a change event (no triggerSource). */
  edit(sheet: string, address: string, input: string | number | boolean | null): void {
    const s = this.sheet(sheet);
    const r = parseRangeA1(address);
    setInput(this, s, r.top, r.left, input, false);
    this.emit(s, address, false);
  }

  emit(sheet: FakeSheet, address: string, byAddin: boolean): void {
    const event: FakeChangedEvent = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: "Local",
      worksheetId: sheet.id,
      address,
    };
    if (this.supports("1.14") && this.options.triggerSource)
      event.triggerSource = byAddin ? "ThisLocalAddin" : "Unknown";
    for (const l of this.listeners)
      if (!l.removed)
        setTimeout(() => {
          if (!l.removed) void l.handler(event);
        }, 0);
  }

  evaluate(sheet: string, address: string, formula: string): CellValue {
    return this.options.evaluate ? this.options.evaluate(sheet, address, formula) : null;
  }
}

// ---------------------------------------------------------------- Excel's input rules

export function cellAt(sheet: FakeSheet, row: number, col: number): FakeCell {
  usedCache.clear(); // the cell is about to change
  let c = sheet.cells.get(KEY(row, col));
  if (!c) {
    c = { value: null };
    sheet.cells.set(KEY(row, col), c);
  }
  return c;
}

function looksNumeric(s: string): number | null {
  const t = s.trim();
  const m = /^([+-]?)(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(%?)$/.exec(t);
  if (!m || (m[2] === undefined && m[4] === undefined)) return null;
  const n = Number(`${m[1]}${(m[2] ?? "0").replace(/,/g, "")}${m[4] ?? ""}`);
  return m[5] ? n / 100 : n;
}

/** Excel's rules for content arriving through Range.values (asFormula: Range.formulas). */
export function setInput(
  book: FakeWorkbook,
  sheet: FakeSheet,
  row: number,
  col: number,
  input: unknown,
  _asFormula: boolean
): void {
  if (input === null || input === undefined) return; // null in a values array leaves the cell unchanged
  const cell = cellAt(sheet, row, col);
  const text = cell.numFmt === "@";
  delete cell.formula;
  delete cell.error;
  if (input === "") {
    cell.value = null;
    return;
  }
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = text ? String(input).toUpperCase() : input; // into a text cell: stored as text
    return;
  }
  if (typeof input !== "string")
    throw new FakeOfficeError("InvalidArgument", `unsupported cell input ${String(input)}`);
  if (text) {
    cell.value = input;
    return;
  }
  const numeric = looksNumeric(input);
  const formulaLike =
    /^[=@]/.test(input) || (/^[+-]/.test(input) && input.length > 1 && numeric === null);
  if (formulaLike) {
    const formula = input.startsWith("=") ? input : `=${input}`;
    cell.formula = formula;
    cell.value = book.evaluate(sheet.name, toA1(row, col), formula);
    if (isErrorValue(cell.value)) cell.error = true;
    return;
  }
  if (numeric !== null) {
    cell.value = numeric;
    if (input.trim().endsWith("%") && !cell.numFmt) cell.numFmt = "0%";
    return;
  }
  if (isErrorValue(input.trim())) {
    cell.value = input.trim(); // a typed #N/A is an error value, as in Excel
    cell.error = true;
    return;
  }
  if (/^(true|false)$/i.test(input.trim())) {
    cell.value = input.trim().toUpperCase() === "TRUE";
    return;
  }
  cell.value = input;
}

// ---------------------------------------------------------------- strict proxy objects

const NOT_LOADED = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );

// things JavaScript itself probes on any object (await, JSON, jest's printer)
const PROBES = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "constructor",
  "inspect",
]);

function strict<T extends object>(obj: T): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
      if (PROBES.has(prop) || prop.startsWith("@@")) return undefined;
      throw new Error(
        `fake Excel: ${target.constructor.name}.${prop} is not implemented (an API the fake does not know)`
      );
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol" || prop in target)
        return Reflect.set(target, prop, value, receiver);
      throw new Error(
        `fake Excel: cannot set ${target.constructor.name}.${String(prop)} (an API the fake does not know)`
      );
    },
  });
}

function parseLoad(arg: unknown): string[] {
  if (arg === undefined)
    throw new Error(
      "fake Excel: load() without property names loads everything — name the properties"
    );
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  if (typeof arg === "object" && arg !== null && "select" in arg)
    return parseLoad((arg as { select: unknown }).select);
  throw new Error(`fake Excel: unsupported load argument ${JSON.stringify(arg)}`);
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplication;
  /** Queued commands, run at the next sync. */
  _queue: (() => void)[] = [];
  _afterSync: (() => void)[] = [];

  constructor(readonly _book: FakeWorkbook) {
    this.workbook = strict(new FakeWorkbookObject(this));
    this.application = strict(new FakeApplication(this));
  }

  /** JSON bytes of the queued request and of the responses loaded at this sync. */
  _requestBytes = 0;
  _responseBytes = 0;
  _onSuccess: (() => void)[] = [];

  _enqueue(cmd: () => void): void {
    this._queue.push(cmd);
  }

  async sync(): Promise<void> {
    const book = this._book;
    book.syncs++;
    book.beforeSync?.(book.syncs);
    usedCache.clear();
    const queue = this._queue;
    this._queue = [];
    const request = this._requestBytes + 64 * queue.length; // each action names its object path
    this._requestBytes = 0;
    this._responseBytes = 0;
    this._onSuccess = [];
    let suspended = false;
    const payload: { request: number; response: number; failed?: string } = {
      request,
      response: 0,
    };
    book.payloads.push(payload);
    try {
      if (request > PAYLOAD_LIMIT) {
        payload.failed = "RequestPayloadSizeLimitExceeded";
        throw new FakeOfficeError(
          "RequestPayloadSizeLimitExceeded",
          "The request payload size has exceeded the limit."
        );
      }
      for (const cmd of queue) {
        if (cmd === SUSPEND) suspended = true;
        cmd();
      }
      payload.response = this._responseBytes;
      // the commands ran; the response cannot come back
      if (this._responseBytes > PAYLOAD_LIMIT) {
        payload.failed = "ResponsePayloadSizeLimitExceeded";
        throw new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit."
        );
      }
      for (const f of this._onSuccess) f();
    } catch (e) {
      payload.failed ??= (e as { code?: string }).code ?? "Error";
      throw e;
    } finally {
      if (suspended) book.calcSuspensions++;
      const after = this._afterSync;
      this._afterSync = [];
      for (const f of after) f();
    }
  }
}

const SUSPEND = () => undefined;

abstract class FakeObject {
  _loaded = new Map<string, unknown>();
  constructor(readonly context: FakeRequestContext) {}
  protected abstract _loadable(): string[];
  protected abstract _read(prop: string): unknown;

  load(arg?: unknown): this {
    const props = parseLoad(arg);
    for (const p of props) {
      if (p.includes("/"))
        throw new Error(
          `fake Excel: navigational load "${p}" is not supported on ${this.constructor.name}`
        );
      if (!this._loadable().includes(p))
        throw new Error(`fake Excel: ${this.constructor.name} has no loadable property ${p}`);
    }
    this.context._enqueue(() => {
      for (const p of props) {
        const v = this._read(p);
        this.context._responseBytes += jsonBytes(v);
        // a property is loaded only when its response arrives (not when the sync fails)
        this.context._onSuccess.push(() => this._loaded.set(p, v));
      }
    });
    return this;
  }

  protected _get(prop: string): unknown {
    if (!this._loaded.has(prop)) throw NOT_LOADED(prop);
    return this._loaded.get(prop);
  }

  protected _book(): FakeWorkbook {
    return this.context._book;
  }
}

/** An object from an …OrNullObject method: isNullObject is known after the next sync. */
abstract class FakeNullable extends FakeObject {
  private _nullState: boolean | undefined = undefined;
  constructor(context: FakeRequestContext) {
    super(context);
    context._enqueue(() => {
      this._nullState = this._isNull();
    });
  }
  protected abstract _isNull(): boolean;
  get isNullObject(): boolean {
    if (this._nullState === undefined) throw NOT_LOADED("isNullObject");
    return this._nullState;
  }
  protected _assertNotNull(what: string): void {
    if (this._isNull())
      throw new FakeOfficeError("InvalidOperation", `fake Excel: ${what} on a null object`);
  }
}

class FakeWorkbookObject extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = strict(new FakeWorksheetCollection(context));
    this.protection = strict(new FakeWorkbookProtection(context));
  }
  /** ExcelApi 1.4: the add-in's settings, the same store as Office.context.document.settings. */
  get settings(): FakeSettingCollection {
    if (!this._book().supports("1.4"))
      throw new Error("fake Excel: workbook.settings needs ExcelApi 1.4");
    return strict(new FakeSettingCollection(this.context));
  }
  get application(): FakeApplication {
    return this.context.application;
  }
  protected _loadable(): string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
}

class FakeSettingCollection {
  constructor(readonly context: FakeRequestContext) {}
  getItemOrNullObject(key: string): FakeSetting {
    return strict(new FakeSetting(this.context, key));
  }
  /** Sets the value; it is saved with the workbook (no saveAsync). */
  add(key: string, value: unknown): FakeSetting {
    const book = this.context._book;
    const raw = JSON.stringify(value);
    this.context._requestBytes += utf8Length(raw);
    this.context._enqueue(() => {
      injectFault(book, "settings.add", "", key);
      book.settings[key] = raw;
      book.savedSettings = { ...book.savedSettings, [key]: raw };
    });
    return strict(new FakeSetting(this.context, key));
  }
}

class FakeSetting extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    private readonly _key: string
  ) {
    super(context);
  }
  protected _isNull(): boolean {
    return this._book().settings[this._key] === undefined;
  }
  protected _loadable(): string[] {
    return ["key", "value"];
  }
  protected _read(prop: string): unknown {
    const raw = this._book().settings[this._key];
    if (raw === undefined) return undefined;
    return prop === "key" ? this._key : JSON.parse(raw);
  }
  get value(): unknown {
    return this._get("value");
  }
}

class FakeWorkbookProtection extends FakeObject {
  protected _loadable(): string[] {
    return ["protected"];
  }
  protected _read(): unknown {
    return this._book().workbookProtected;
  }
  get protected(): boolean {
    return this._get("protected") as boolean;
  }
}

class FakeApplication extends FakeObject {
  protected _loadable(): string[] {
    return ["calculationMode"];
  }
  protected _read(): unknown {
    return "Automatic";
  }
  get calculationMode(): string {
    return this._get("calculationMode") as string;
  }
  suspendApiCalculationUntilNextSync(): void {
    if (!this._book().supports("1.6"))
      throw new Error("fake Excel: suspendApiCalculationUntilNextSync needs ExcelApi 1.6");
    this.context._enqueue(SUSPEND);
  }
  calculate(type: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(type))
      throw new FakeOfficeError("InvalidArgument", `calculate(${type})`);
    this.context._enqueue(() => {
      this._book().recalculations++;
    });
  }
}

class FakeEventHandlers {
  constructor(readonly _context: FakeRequestContext) {}
  add(handler: (e: FakeChangedEvent) => Promise<unknown>): FakeEventHandlerResult {
    const book = this._context._book;
    if (!book.supports("1.9"))
      throw new Error("fake Excel: WorksheetCollection.onChanged needs ExcelApi 1.9");
    const entry = { handler, removed: true };
    this._context._enqueue(() => {
      entry.removed = false;
      book.listeners.push(entry);
    });
    return strict(new FakeEventHandlerResult(this._context, entry));
  }
}

class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly _entry: { removed: boolean }
  ) {}
  remove(): void {
    const entry = this._entry;
    this.context._enqueue(() => {
      entry.removed = true;
    });
  }
}

class FakeWorksheetCollection extends FakeObject {
  private _items: FakeWorksheet[] | undefined = undefined;
  readonly onChanged: FakeEventHandlers;
  constructor(context: FakeRequestContext) {
    super(context);
    this.onChanged = strict(new FakeEventHandlers(context));
  }
  protected _loadable(): string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  override load(arg?: unknown): this {
    const props = parseLoad(arg).map((p) => p.replace(/^items\//, ""));
    for (const p of props)
      if (!["name", "id", "position"].includes(p))
        throw new Error(`fake Excel: worksheets.load(${p}) not supported`);
    this.context._enqueue(() => {
      this._items = this._book().sheets.map((s) => {
        const ws = strict(new FakeWorksheet(this.context, () => s));
        for (const p of props) ws._loaded.set(p, ws._readProp(p));
        return ws;
      });
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw NOT_LOADED("items");
    return this._items;
  }
  getItem(key: string): FakeWorksheet {
    const book = this._book();
    return strict(
      new FakeWorksheet(this.context, () => {
        const s = book.findSheet(key);
        if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
        return s;
      })
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    const book = this._book();
    return strict(new FakeWorksheet(this.context, () => book.sheet(book.activeSheet)));
  }
  add(name: string): FakeWorksheet {
    const book = this._book();
    let created: FakeSheet | undefined;
    this.context._enqueue(() => {
      injectFault(book, "addSheet", name, "");
      if (book.workbookProtected)
        throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name))
        throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}`);
      if (book.findSheet(name))
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      created = book.addSheet(name);
      book.writes.push({ sync: book.syncs, op: "addSheet", sheet: name, address: "" });
    });
    return strict(
      new FakeWorksheet(this.context, () => {
        if (!created) throw new FakeOfficeError("ItemNotFound", "The sheet was not added.");
        return created;
      })
    );
  }
}

class FakeWorksheetProtection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly _sheet: () => FakeSheet
  ) {
    super(context);
  }
  protected _loadable(): string[] {
    return ["protected", "options"];
  }
  protected _read(prop: string): unknown {
    const s = this._sheet();
    if (prop === "options") return { allowFormatCells: s.allowFormatCells ?? false };
    return s.protected;
  }
  get protected(): boolean {
    return this._get("protected") as boolean;
  }
  get options(): { allowFormatCells: boolean } {
    return this._get("options") as { allowFormatCells: boolean };
  }
}

/** Records a write-only sheet setting (frozen panes, filter, page layout) in `book.writes`. */
function recordSheetOp(
  context: FakeRequestContext,
  sheetOf: () => FakeSheet,
  op: string,
  address: () => string,
  detail?: unknown
): void {
  const book = context._book;
  // resolved at sync, when a sheet added in the same batch exists
  context._enqueue(() =>
    book.writes.push({ sync: book.syncs, op, sheet: sheetOf().name, address: address(), detail })
  );
}

class FakeWorksheet extends FakeObject {
  readonly protection: FakeWorksheetProtection;
  /** ExcelApi 1.7 / 1.9: what the summary sheet sets, recorded as writes (ops freeze, autoFilter, pageLayout.*). */
  readonly freezePanes: { freezeRows(n: number): void; freezeAt(r: FakeRange): void };
  readonly autoFilter: { apply(r: FakeRange): void };
  readonly pageLayout: { orientation: string; zoom: unknown };
  constructor(
    context: FakeRequestContext,
    readonly _sheet: () => FakeSheet
  ) {
    super(context);
    this.protection = strict(new FakeWorksheetProtection(context, _sheet));
    const rec = (op: string, address: () => string, detail?: unknown) =>
      recordSheetOp(context, _sheet, op, address, detail);
    const a1 = (r: FakeRange) => () => rangeToA1(r._target().rect);
    this.freezePanes = strict({
      freezeRows: (n: number) => rec("freezeRows", () => "", n),
      freezeAt: (r: FakeRange) => rec("freezeAt", a1(r)),
    });
    this.autoFilter = strict({ apply: (r: FakeRange) => rec("autoFilter", a1(r)) });
    this.pageLayout = strict({
      set orientation(v: string) {
        rec("pageLayout.orientation", () => "", v);
      },
      get orientation(): string {
        throw new Error("fake Excel: pageLayout is write-only here");
      },
      set zoom(v: unknown) {
        rec("pageLayout.zoom", () => "", v);
      },
      get zoom(): unknown {
        throw new Error("fake Excel: pageLayout is write-only here");
      },
    });
  }
  protected _loadable(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  _readProp(prop: string): unknown {
    return this._read(prop);
  }
  protected _read(prop: string): unknown {
    const s = this._sheet();
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    if (prop === "visibility") return s.visibility;
    return this._book().sheets.indexOf(s);
  }
  get name(): string {
    return this._get("name") as string;
  }
  /** Renaming to a name another sheet has fails, as in Excel (recorded as op renameSheet). */
  set name(to: string) {
    const book = this._book();
    this.context._enqueue(() => {
      const s = this._sheet();
      injectFault(book, "renameSheet", s.name, "");
      const other = book.findSheet(to);
      if (other && other !== s)
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${to} already exists.`);
      book.writes.push({
        sync: book.syncs,
        op: "renameSheet",
        sheet: s.name,
        address: "",
        detail: to,
      });
      if (book.activeSheet === s.name) book.activeSheet = to;
      s.name = to;
    });
  }
  get id(): string {
    return this._get("id") as string;
  }
  get position(): number {
    return this._get("position") as number;
  }
  /** Moves the sheet to a 0-based place in the tabs (recorded as op moveSheet). */
  set position(to: number) {
    const book = this._book();
    this.context._enqueue(() => {
      const s = this._sheet();
      injectFault(book, "moveSheet", s.name, "");
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.sheets.splice(Math.min(to, book.sheets.length), 0, s);
      book.writes.push({
        sync: book.syncs,
        op: "moveSheet",
        sheet: s.name,
        address: "",
        detail: to,
      });
    });
  }
  get visibility(): string {
    return this._get("visibility") as string;
  }
  getRange(address?: string): FakeRange {
    if (!address) throw new Error("fake Excel: getRange() without an address is not implemented");
    const rect = parseRangeA1(address.replace(/\$/g, ""));
    return strict(new FakeRange(this.context, this._sheet, () => rect));
  }
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): FakeRange {
    if (rowCount < 1 || columnCount < 1)
      throw new FakeOfficeError("InvalidArgument", "getRangeByIndexes: empty range");
    const rect = {
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    };
    return strict(new FakeRange(this.context, this._sheet, () => rect));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    const sheet = this._sheet;
    return strict(
      new FakeRange(
        this.context,
        sheet,
        () => usedRect(sheet(), Boolean(valuesOnly)) ?? { top: 1, left: 1, bottom: 1, right: 1 }
      )
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const sheet = this._sheet;
    return strict(
      new FakeNullableRange(this.context, sheet, () => usedRect(sheet(), Boolean(valuesOnly)))
    );
  }
  activate(): void {
    const book = this._book();
    this.context._enqueue(() => {
      book.activeSheet = this._sheet().name;
      book.selection = null;
    });
  }
  delete(): void {
    const book = this._book();
    this.context._enqueue(() => {
      const s = this._sheet();
      injectFault(book, "deleteSheet", s.name, "");
      if (book.workbookProtected)
        throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      if (book.sheets.length === 1)
        throw new FakeOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one sheet."
        );
      const i = book.sheets.indexOf(s);
      book.sheets.splice(i, 1);
      if (book.activeSheet === s.name) book.activeSheet = book.sheets[Math.max(0, i - 1)].name;
      if (book.selection?.sheet === s.name) book.selection = null;
      book.writes.push({ sync: book.syncs, op: "deleteSheet", sheet: s.name, address: "" });
    });
  }
}

function injectFault(book: FakeWorkbook, op: string, sheet: string, address: string): void {
  const code = book.fault?.(op, sheet, address);
  if (code)
    throw new FakeOfficeError(code, `fake Excel: injected ${code} at ${op} ${sheet}!${address}`);
}

function anyLocked(sheet: FakeSheet, rect: GridRange): boolean {
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++)
      if (sheet.cells.get(KEY(r, c))?.locked !== false) return true;
  return false;
}

// a million-cell sheet is scanned once per sync, not once per property read (cleared when a cell is created)
const usedCache = new Map<FakeSheet, Map<boolean, GridRange | null>>();

function usedRect(sheet: FakeSheet, valuesOnly: boolean): GridRange | null {
  let cached = usedCache.get(sheet);
  if (!cached) usedCache.set(sheet, (cached = new Map()));
  if (cached.has(valuesOnly)) return cached.get(valuesOnly)!;
  const rect = scanUsed(sheet, valuesOnly);
  cached.set(valuesOnly, rect);
  return rect;
}

function scanUsed(sheet: FakeSheet, valuesOnly: boolean): GridRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const take = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const [k, c] of sheet.cells) {
    const hasValue = (c.value !== null && c.value !== "") || Boolean(c.formula);
    const hasFormat = Boolean((c.numFmt && c.numFmt !== "General") || c.fill || c.style);
    if (hasValue || (!valuesOnly && hasFormat)) take(ROW(k), COL(k));
  }
  if (!valuesOnly)
    for (const m of sheet.merges) {
      take(m.top, m.left);
      take(m.bottom, m.right);
    }
  return bottom === 0 ? null : { top, left, bottom, right };
}

class FakeRange extends FakeObject {
  readonly format: FakeRangeFormat;
  constructor(
    context: FakeRequestContext,
    readonly _sheet: () => FakeSheet,
    readonly _rectOf: () => GridRange | null
  ) {
    super(context);
    this.format = strict(new FakeRangeFormat(context, this));
  }
  /** ExcelApi 1.7: a link inside the workbook, recorded as a write (op hyperlink). */
  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string }) {
    recordSheetOp(this.context, this._sheet, "hyperlink", () => rangeToA1(this._target().rect), v);
  }
  /** ExcelApi 1.6: data bars only, recorded as a write (op dataBar, detail the fill colour). */
  get conditionalFormats(): {
    add(type: string): { dataBar: { positiveFormat: { fillColor: string } } };
  } {
    const context = this.context;
    const sheetOf = this._sheet;
    const address = () => rangeToA1(this._target().rect);
    return {
      add(type: string) {
        if (type !== "DataBar") throw new Error(`fake Excel: conditional format ${type}`);
        return {
          dataBar: {
            positiveFormat: {
              set fillColor(color: string) {
                recordSheetOp(context, sheetOf, "dataBar", address, color);
              },
              get fillColor(): string {
                throw new Error("fake Excel: dataBar colour is write-only here");
              },
            },
          },
        };
      },
    };
  }
  _target(): { sheet: FakeSheet; rect: GridRange } {
    const rect = this._rectOf();
    if (!rect)
      throw new FakeOfficeError("InvalidOperation", "fake Excel: operation on a null range");
    return { sheet: this._sheet(), rect };
  }
  protected _loadable(): string[] {
    return [
      "address",
      "values",
      "formulas",
      "numberFormat",
      "valueTypes",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
  }
  protected _read(prop: string): unknown {
    const { sheet, rect } = this._target();
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    const grid = (f: (c: FakeCell | undefined, r: number, col: number) => unknown) => {
      if (cells > CELL_LIMIT) return null; // Excel on the web: too many cells, the values come back null
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(sheet.cells.get(KEY(r, c)), r, c));
        out.push(row);
      }
      return out;
    };
    const isCovered = (r: number, c: number) =>
      sheet.merges.some(
        (m) =>
          r >= m.top &&
          r <= m.bottom &&
          c >= m.left &&
          c <= m.right &&
          !(r === m.top && c === m.left)
      );
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rangeToA1(rect)}`;
      case "rowIndex":
        return rect.top - 1;
      case "columnIndex":
        return rect.left - 1;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        return grid((c, r, col) => (isCovered(r, col) || !c || c.value === null ? "" : c.value));
      case "formulas":
        return grid((c, r, col) =>
          isCovered(r, col) || !c ? "" : c.formula ? c.formula : c.value === null ? "" : c.value
        );
      case "numberFormat":
        return grid((c) => c?.numFmt ?? "General");
      case "valueTypes":
        // Excel.RangeValueType; a merged area's other cells are empty
        return grid((c, r, col) => {
          if (isCovered(r, col) || !c || c.value === null) return "Empty";
          if (c.value === "") return c.formula ? "String" : "Empty";
          if (typeof c.value === "number") return "Double";
          if (typeof c.value === "boolean") return "Boolean";
          return c.error ? "Error" : "String";
        });
    }
    throw new Error(`fake Excel: Range.${prop}`);
  }
  get address(): string {
    return this._get("address") as string;
  }
  get rowIndex(): number {
    return this._get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this._get("columnIndex") as number;
  }
  get rowCount(): number {
    return this._get("rowCount") as number;
  }
  get columnCount(): number {
    return this._get("columnCount") as number;
  }
  get values(): unknown[][] {
    return this._get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this._write(
      "values",
      v,
      (sheet, r, c, x) => setInput(this._book(), sheet, r, c, x, false),
      true
    );
  }
  get formulas(): unknown[][] {
    return this._get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this._write(
      "formulas",
      v,
      (sheet, r, c, x) => setInput(this._book(), sheet, r, c, x, true),
      true
    );
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat") as unknown[][];
  }
  get valueTypes(): unknown[][] {
    return this._get("valueTypes") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this._write(
      "numberFormat",
      v,
      (sheet, r, c, x) => {
        if (x === null || x === undefined) return;
        if (typeof x !== "string")
          throw new FakeOfficeError("InvalidArgument", "numberFormat must be a string");
        const cell = cellAt(sheet, r, c);
        if (x === "General") delete cell.numFmt;
        else cell.numFmt = x;
      },
      false
    );
  }

  /** Queues a 2D assignment; the array must match the range's shape. */
  private _write(
    op: string,
    v: unknown[][],
    each: (sheet: FakeSheet, r: number, c: number, x: unknown) => void,
    content: boolean
  ): void {
    if (!Array.isArray(v) || !v.every((row) => Array.isArray(row)))
      throw new Error(`fake Excel: Range.${op} must be assigned a 2D array`);
    const snapshot = v.map((row) => [...row]);
    this.context._requestBytes += jsonBytes(snapshot);
    const book = this._book();
    this.context._enqueue(() => {
      const { sheet, rect } = this._target();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (snapshot.length !== rows || snapshot.some((row) => row.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${op}).`
        );
      injectFault(book, op, sheet.name, rangeToA1(rect));
      if (sheet.protected && (content ? anyLocked(sheet, rect) : !sheet.allowFormatCells))
        throw new FakeOfficeError(
          "AccessDenied",
          `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`
        );
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) each(sheet, rect.top + r, rect.left + c, snapshot[r][c]);
      const address = rangeToA1(rect);
      book.writes.push({
        sync: book.syncs,
        op,
        sheet: sheet.name,
        address,
        detail: rows * cols === 1 ? snapshot[0][0] : `${rows}x${cols}`,
      });
      if (content) this.context._afterSync.push(() => book.emit(sheet, address, true));
    });
  }

  /** ExcelApi 1.4: the overlap of two ranges of one sheet, or a null object when they do not meet. */
  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    const sheetOf = this._sheet;
    return strict(
      new FakeNullableRange(this.context, sheetOf, () => {
        const a = this._target();
        const b = other._target();
        if (a.sheet !== b.sheet)
          throw new FakeOfficeError("InvalidArgument", "The ranges are on different sheets.");
        if (!intersects(a.rect, b.rect)) return null;
        return {
          top: Math.max(a.rect.top, b.rect.top),
          left: Math.max(a.rect.left, b.rect.left),
          bottom: Math.min(a.rect.bottom, b.rect.bottom),
          right: Math.min(a.rect.right, b.rect.right),
        };
      })
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const book = this._book();
    return strict(
      new FakeRangeAreas(this.context, () => {
        if (!book.supports("1.13"))
          throw new FakeOfficeError(
            "ApiNotFound",
            "getMergedAreasOrNullObject needs ExcelApi 1.13"
          );
        const { sheet, rect } = this._target();
        const list = sheet.merges.filter((m) => intersects(m, rect));
        if (list.length > 512)
          throw new FakeOfficeError("GeneralException", "More than 512 merged areas in the range.");
        return { sheet, list };
      })
    );
  }

  merge(across?: boolean): void {
    if (across) throw new Error("fake Excel: merge(across=true) is not implemented");
    const book = this._book();
    this.context._enqueue(() => {
      const { sheet, rect } = this._target();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "protected sheet");
      if (sheet.merges.some((m) => intersects(m, rect)))
        throw new FakeOfficeError("InvalidOperation", "Cannot merge over a merged area.");
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++)
          if (r !== rect.top || c !== rect.left) sheet.cells.delete(KEY(r, c));
      usedCache.clear();
      sheet.merges.push({ ...rect });
      book.writes.push({
        sync: book.syncs,
        op: "merge",
        sheet: sheet.name,
        address: rangeToA1(rect),
      });
    });
  }

  select(): void {
    const book = this._book();
    this.context._enqueue(() => {
      const { sheet, rect } = this._target();
      if (book.activeSheet !== sheet.name)
        throw new FakeOfficeError(
          "InvalidOperation",
          "fake Excel: select() on a range of a sheet that is not active"
        );
      book.selection = { sheet: sheet.name, address: rangeToA1(rect) };
    });
  }

  /** Applies `f` to every cell of the range (creating cells), at sync. */
  _eachCell(op: string, detail: unknown, f: (cell: FakeCell) => void): void {
    const book = this._book();
    this.context._enqueue(() => {
      const { sheet, rect } = this._target();
      injectFault(book, op, sheet.name, rangeToA1(rect));
      if (sheet.protected && !sheet.allowFormatCells)
        throw new FakeOfficeError("AccessDenied", "protected sheet");
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) f(cellAt(sheet, r, c));
      book.writes.push({
        sync: book.syncs,
        op,
        sheet: sheet.name,
        address: rangeToA1(rect),
        detail,
      });
    });
  }
}

class FakeNullableRange extends FakeRange {
  private _nullState: boolean | undefined = undefined;
  constructor(context: FakeRequestContext, sheet: () => FakeSheet, rectOf: () => GridRange | null) {
    super(context, sheet, rectOf);
    context._enqueue(() => {
      this._nullState = rectOf() === null;
    });
  }
  get isNullObject(): boolean {
    if (this._nullState === undefined) throw NOT_LOADED("isNullObject");
    return this._nullState;
  }
  protected override _read(prop: string): unknown {
    return this._rectOf() === null ? undefined : super._read(prop);
  }
}

class FakeRangeAreas extends FakeNullable {
  constructor(
    context: FakeRequestContext,
    private readonly _areas: () => { sheet: FakeSheet; list: GridRange[] }
  ) {
    super(context);
  }
  protected _isNull(): boolean {
    return this._areas().list.length === 0;
  }
  protected _loadable(): string[] {
    return ["address", "areaCount"];
  }
  protected _read(prop: string): unknown {
    const { sheet, list } = this._areas();
    if (list.length === 0) return undefined;
    if (prop === "areaCount") return list.length;
    return list.map((m) => `${quoteSheet(sheet.name)}!${rangeToA1(m)}`).join(", ");
  }
  get address(): string {
    return this._get("address") as string;
  }
  get areaCount(): number {
    return this._get("areaCount") as number;
  }
}

class FakeRangeFormat extends FakeObject {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorders;
  readonly protection: FakeFormatProtection;
  constructor(
    context: FakeRequestContext,
    private readonly _range: FakeRange
  ) {
    super(context);
    this.protection = strict(new FakeFormatProtection(context, _range));
    this.fill = strict(new FakeRangeFill(context, _range));
    this.font = strict(new FakeRangeFont(context, _range));
    this.borders = strict(new FakeRangeBorders(context, _range));
  }
  protected _loadable(): string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  private _style(key: keyof FakeStyle, v: unknown): void {
    this._range._eachCell(`format.${key}`, v, (cell) => {
      cell.style = { ...cell.style, [key]: v };
    });
  }
  set wrapText(v: boolean) {
    this._style("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    if (
      ![
        "General",
        "Left",
        "Center",
        "Right",
        "Fill",
        "Justify",
        "CenterAcrossSelection",
        "Distributed",
      ].includes(v)
    )
      throw new Error(`fake Excel: horizontalAlignment ${v}`);
    this._style("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(v))
      throw new Error(`fake Excel: verticalAlignment ${v}`);
    this._style("verticalAlignment", v);
  }
  set columnWidth(points: number) {
    const book = this.context._book;
    const range = this._range;
    this.context._enqueue(() => {
      const { sheet, rect } = range._target();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
      book.writes.push({
        sync: book.syncs,
        op: "format.columnWidth",
        sheet: sheet.name,
        address: rangeToA1(rect),
        detail: points,
      });
    });
  }
  set rowHeight(points: number) {
    const book = this.context._book;
    const range = this._range;
    this.context._enqueue(() => {
      const { sheet, rect } = range._target();
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, points);
      book.writes.push({
        sync: book.syncs,
        op: "format.rowHeight",
        sheet: sheet.name,
        address: rangeToA1(rect),
        detail: points,
      });
    });
  }
}

/** Range.format.protection (ExcelApi 1.2): locked is true, false, or null when the cells differ. */
class FakeFormatProtection extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly _range: FakeRange
  ) {
    super(context);
  }
  protected _loadable(): string[] {
    return ["locked"];
  }
  protected _read(): unknown {
    const { sheet, rect } = this._range._target();
    const seen = new Set<boolean>();
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++)
        seen.add(sheet.cells.get(KEY(r, c))?.locked !== false);
    return seen.size > 1 ? null : [...seen][0];
  }
  get locked(): boolean | null {
    return this._get("locked") as boolean | null;
  }
}

class FakeRangeFill extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly _range: FakeRange
  ) {
    super(context);
  }
  protected _loadable(): string[] {
    return this._book().supports("1.9") ? ["color", "pattern"] : ["color"];
  }
  protected _read(prop: string): unknown {
    const { sheet, rect } = this._range._target();
    const fills = new Set<string | null>();
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++)
        fills.add(sheet.cells.get(KEY(r, c))?.fill ?? null);
    if (fills.size > 1) return null;
    const fill = [...fills][0];
    if (prop === "pattern") return fill ? "Solid" : "None";
    return fill ?? "#FFFFFF"; // Excel reports an unfilled range as white
  }
  get color(): string {
    return this._get("color") as string;
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new Error(`fake Excel: fill colour ${v} (use #RRGGBB)`);
    this._range._eachCell("format.fill.color", v, (cell) => {
      cell.fill = v.toUpperCase();
    });
  }
  get pattern(): string {
    return this._get("pattern") as string;
  }
  clear(): void {
    this._range._eachCell("format.fill.clear", null, (cell) => {
      cell.fill = null;
    });
  }
}

class FakeRangeFont extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly _range: FakeRange
  ) {
    super(context);
  }
  protected _loadable(): string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  private _style(key: keyof FakeStyle, v: unknown): void {
    this._range._eachCell(`format.font.${key}`, v, (cell) => {
      cell.style = { ...cell.style, [key]: v };
    });
  }
  set bold(v: boolean) {
    this._style("bold", v);
  }
  set italic(v: boolean) {
    this._style("italic", v);
  }
  set size(v: number) {
    this._style("size", v);
  }
  set color(v: string) {
    this._style("fontColor", v);
  }
  set name(v: string) {
    this._style("fontName", v);
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

class FakeRangeBorders extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly _range: FakeRange
  ) {
    super(context);
  }
  protected _loadable(): string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw new Error(`fake Excel: border index ${index}`);
    return strict(new FakeRangeBorder(this.context, this._range, index));
  }
}

class FakeRangeBorder extends FakeObject {
  constructor(
    context: FakeRequestContext,
    private readonly _range: FakeRange,
    private readonly _index: string
  ) {
    super(context);
  }
  protected _loadable(): string[] {
    return [];
  }
  protected _read(): unknown {
    return undefined;
  }
  set style(v: string) {
    if (
      ![
        "None",
        "Continuous",
        "Dash",
        "DashDot",
        "DashDotDot",
        "Dot",
        "Double",
        "SlantDashDot",
      ].includes(v)
    )
      throw new Error(`fake Excel: border style ${v}`);
    const index = this._index;
    this._range._eachCell(`format.borders.${index}.style`, v, (cell) => {
      cell.style = { ...cell.style, borders: { ...cell.style?.borders, [index]: v } };
    });
  }
  set color(v: string) {
    this._range._eachCell(`format.borders.${this._index}.color`, v, (cell) => {
      cell.style = { ...cell.style, borderColor: v };
    });
  }
}

// ---------------------------------------------------------------- Office and Excel globals

export interface FakeAsyncResult {
  status: "succeeded" | "failed";
  error?: { message: string };
}

function settingsOf(book: FakeWorkbook) {
  return {
    get(name: string): unknown {
      const raw = book.settings[name];
      return raw === undefined ? null : JSON.parse(raw);
    },
    set(name: string, value: unknown): void {
      book.settings[name] = JSON.stringify(value);
    },
    remove(name: string): void {
      delete book.settings[name];
    },
    saveAsync(a?: unknown, b?: unknown): void {
      const callback = (typeof a === "function" ? a : b) as
        ((r: FakeAsyncResult) => void) | undefined;
      setTimeout(() => {
        if (book.options.failSave) {
          book.options.failSave = false;
          callback?.({ status: "failed", error: { message: "The document is read-only." } });
          return;
        }
        book.savedSettings = { ...book.settings };
        callback?.({ status: "succeeded" });
      }, 0);
    },
  };
}

/** A fresh request context on the fake workbook (what Excel.run passes to the batch). */
export function fakeContext(book: FakeWorkbook): Excel.RequestContext {
  return strict(new FakeRequestContext(book)) as unknown as Excel.RequestContext;
}

/**
 * Defines `Office` (onReady, context.requirements, context.document.settings, AsyncResultStatus) and `Excel.run`
 * on `globalObj` (globalThis in jest, window in a browser page). Returns a function that removes them.
 */
export function installFakeOffice(
  globalObj: object,
  book: FakeWorkbook,
  options: { platform?: string } = {}
): () => void {
  const g = globalObj as Record<string, unknown>;
  const before = { Office: g.Office, Excel: g.Excel };
  const Office = {
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: options.platform ?? "PC" };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      requirements: {
        isSetSupported(name: string, version?: string | number) {
          if (name !== "ExcelApi") return false;
          return book.supports(version === undefined ? "1.1" : String(version));
        },
      },
      document: { settings: settingsOf(book) },
    },
  };
  const run = async (...args: unknown[]): Promise<unknown> => {
    const batch = args[args.length - 1] as (ctx: unknown) => Promise<unknown>;
    if (typeof batch !== "function")
      throw new Error("fake Excel.run: the last argument must be the batch function");
    const first = args.length > 1 ? args[0] : undefined;
    const context =
      first instanceof FakeRequestContext
        ? first
        : first &&
            typeof first === "object" &&
            (first as { context?: unknown }).context instanceof FakeRequestContext
          ? (first as { context: FakeRequestContext }).context
          : strict(new FakeRequestContext(book));
    const result = await batch(context);
    if (context._queue.length > 0)
      throw new Error(
        `fake Excel.run: ${context._queue.length} queued command(s) were never synced`
      );
    return result;
  };
  g.Office = Office;
  g.Excel = {
    run,
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      accessDenied: "AccessDenied",
      invalidArgument: "InvalidArgument",
    },
  };
  return () => {
    g.Office = before.Office;
    g.Excel = before.Excel;
  };
}
