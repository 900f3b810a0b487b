// The part of the WPS 表格 (ET) JavaScript object model that src/wps uses, typed by hand: the package wps-jsapi
// declares the whole model but is generated from the COM type library (methods that return objects are typed
// `void`, Value2 as `number`), so these are the shapes the WPS documentation describes. The model is the
// VBA one, synchronous: 1-based indexes, Value2/Formula of a multi-cell range as a 2-D array (one row per
// element) or a scalar for one cell, dates as serial numbers, colours as BGR numbers, enums as VBA constants.

export interface EtInterior {
  /** BGR: 0xBBGGRR. */
  Color: number;
  /** xlPatternNone (-4142) when the cell has no fill. */
  Pattern: number;
}

export interface EtFont {
  Name: string;
  Size: number;
  Bold: boolean;
  Italic: boolean;
  Color: number;
}

export interface EtBorder {
  LineStyle: number;
  Color: number;
}

export interface EtBorders {
  Item(index: number): EtBorder;
}

export interface EtRange {
  /** "$A$1:$I$30" (absolute, no sheet name). */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  /** A scalar for one cell, else rows of values. */
  Value2: unknown;
  Formula: unknown;
  /** A string when every cell has the same format, else null. */
  NumberFormat: unknown;
  /** true (all merged), false (none), null (some). */
  MergeCells: unknown;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  /** In characters of the standard font. */
  ColumnWidth: number;
  /** In points. */
  RowHeight: number;
  Merge(across?: boolean): void;
  Select(): void;
  Item(row: number, col?: number): EtRange;
}

export interface EtWorksheet {
  Name: string;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  /** -1 xlSheetVisible, 0 xlSheetHidden, 2 xlSheetVeryHidden. */
  Visible: number;
  Range(address: string): EtRange;
  readonly Cells: EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtWorksheets {
  readonly Count: number;
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtWorksheets;
  readonly ActiveSheet: EtWorksheet;
  readonly ProtectStructure: boolean;
}

/** WPS's event hub (the JS API's, not VBA's): one listener per event name and add-in. */
export interface EtApiEvent {
  AddApiEventListener(
    event: "SheetChange",
    callback: (sheet: unknown, range: unknown) => void
  ): void;
  RemoveApiEventListener(event: "SheetChange"): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  /** Absent on builds without the JS API's events. */
  readonly ApiEvent?: EtApiEvent;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

// VBA constants the model takes (WPS mirrors Excel's values).
export const XL = {
  patternNone: -4142,
  left: -4131,
  center: -4108,
  right: -4152,
  top: -4160,
  continuous: 1,
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  sheetVisible: -1,
  sheetVeryHidden: 2,
} as const;

/** Error values as Value2 reports them through the COM bridge: CVErr(xlErrDiv0) etc. as HRESULT 0x800A07xx. */
export const ERROR_CODES: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

/** "#RRGGBB" → BGR number, as Interior.Color and Font.Color take it. */
export function toBgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** BGR number → "#RRGGBB". */
export function fromBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}
