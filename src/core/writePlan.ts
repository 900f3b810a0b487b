// The WritePlan: pure data saying which cells get which value or formula and which new sheet gets which content.
// Both gateways (Office.js and ExcelJS) apply the same plan, so every rule about writing lives in core.
import type { CellValue } from "./grid";

/** What a cell held when the plan was made: checked again before writing, and restored by the undo. */
export interface CellSnapshot {
  value: CellValue;
  /** Formula with its leading "=", when the cell held one. */
  formula?: string;
  numFmt?: string;
  /** Fill colour as "#RRGGBB", when known (highlights restore it). */
  fill?: string | null;
  /** Opaque state the gateway that made the undo needs to restore the cell exactly (the .xlsx gateway: the ExcelJS
   *  value and style as JSON). Absent in a plan's `before`. */
  gatewayState?: string;
}

export type WritePurpose =
  | "total"
  | "grade"
  | "budgetRate"
  | "budgetScore"
  | "suggestedScore"
  | "numberFromText"
  | "highlight";

export interface CellWrite {
  sheet: string;
  /** A1 address of a master cell (never a non-master cell of a merged area). */
  address: string;
  /** A literal value, or the formula's computed result when `formula` is set (for viewers that do not recalculate). */
  value: string | number | null;
  /** Formula with its leading "=", e.g. "=I6+SUM(H13:H27)". */
  formula?: string;
  numFmt?: string;
  /** Highlight (fill) to set, "#RRGGBB", or null to remove one the add-in set earlier. */
  fill?: string | null;
  /** Only the fill changes; value and formula are left as they are. */
  fillOnly?: boolean;
  before: CellSnapshot;
  purpose: WritePurpose;
  /** Chinese description shown in the preview: 总分、绩效级别、采用建议值 … */
  label: string;
}

export type SheetCellStyle =
  "title" | "heading" | "subheading" | "body" | "tableHeader" | "table" | "draft" | "note";

/** How a style looks, the same in Excel, in the downloaded .xlsx and in the Word report. */
export interface SheetStyleLook {
  font: "heading" | "body";
  /** Points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB" */
  color?: string;
  fill?: string;
  border?: boolean;
  horizontal: "left" | "center" | "right";
  vertical: "top" | "middle";
  wrap: boolean;
}

/** The report's fonts: 黑体 for headings, 仿宋 for text, as official documents set them. */
export const SHEET_FONTS = { heading: "黑体", body: "仿宋" } as const;
export const SHEET_BORDER_COLOR = "#8EA9DB";
/** The score bars (█░) in the report's table. */
export const SHEET_BAR_COLOR = "#4472C4";

export const SHEET_STYLES: Record<SheetCellStyle, SheetStyleLook> = {
  title: {
    font: "heading",
    size: 16,
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  },
  heading: {
    font: "heading",
    size: 13,
    bold: true,
    horizontal: "left",
    vertical: "middle",
    wrap: false,
  },
  subheading: {
    font: "body",
    size: 12,
    bold: true,
    horizontal: "left",
    vertical: "top",
    wrap: true,
  },
  body: { font: "body", size: 11, horizontal: "left", vertical: "top", wrap: true },
  // 待补充 drafts stand out as text people must still write
  draft: {
    font: "body",
    size: 11,
    italic: true,
    color: "#9C5700",
    fill: "#FFF2CC",
    horizontal: "left",
    vertical: "top",
    wrap: true,
  },
  note: {
    font: "body",
    size: 9,
    italic: true,
    color: "#7F7F7F",
    horizontal: "left",
    vertical: "top",
    wrap: true,
  },
  tableHeader: {
    font: "heading",
    size: 11,
    bold: true,
    fill: "#D9E1F2",
    border: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
  },
  table: {
    font: "body",
    size: 11,
    border: true,
    horizontal: "right",
    vertical: "middle",
    wrap: true,
  },
};

/** A table cell's alignment: the first column and the score bars read from the left. */
export function tableCellLook(value: string | number | null, column: number): SheetStyleLook {
  const bar = typeof value === "string" && /^[█░]+$/.test(value);
  return {
    ...SHEET_STYLES.table,
    horizontal: column === 1 || bar ? "left" : "right",
    ...(bar ? { color: SHEET_BAR_COLOR } : {}),
  };
}

export interface SheetCell {
  /** Always written as data: a string that starts with =, +, - or @ stays text. */
  value: string | number | null;
  numFmt?: string;
  /** A link the cell opens: "#'附件1'!H28" in the same workbook, "单位/表.xlsx#'附件1'!H28" in another file. */
  link?: string;
  /** Background "#RRGGBB" over the row style's (a status colour). */
  fill?: string;
  /** Alignment over the row style's (text columns of a table read from the left). */
  horizontal?: "left" | "center" | "right";
}

export interface SheetRow {
  cells: SheetCell[];
  style: SheetCellStyle;
  /** Merge the first cell across this many columns (paragraphs span the page). */
  span?: number;
  /** Row height in points, when the text needs more than one line (wrapped paragraphs). */
  height?: number;
}

export interface NewSheet {
  /** Unique in the workbook, ≤ 31 characters, none of : \ / ? * [ ]. */
  name: string;
  rows: SheetRow[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows and columns kept in view when scrolling (a frozen header). */
  freeze?: { rows: number; columns: number };
  /** The filter buttons on a table: its header row and columns (1-based). */
  autoFilter?: { row: number; fromColumn: number; toColumn: number };
  /** Data bars over a column's numbers: rows and column 1-based, inclusive. */
  dataBars?: { column: number; fromRow: number; toRow: number; color: string }[];
  /** Print setup (default: portrait, fit to width). */
  print?: { orientation: "portrait" | "landscape"; fitToWidth: boolean };
  /** The existing sheet of the same name this one replaces (生成报告 a second time), at its place in the tabs. */
  replaces?: ReplacedSheet;
}

/** A sheet's cells and merges: what a replaced sheet held, which the undo puts back. */
export interface SheetContent {
  /** Non-empty cells only (master cells of merged areas), row by row; `formula` with its leading "=". */
  cells: { address: string; value: CellValue; formula?: string; numFmt?: string }[];
  /** Merged areas, "A1:E1". */
  merges: string[];
}

export interface ReplacedSheet {
  /** The existing sheet's name; the new sheet takes it. */
  name: string;
  /** What it held when the plan was made: confirmed again before replacing, restored by the undo. */
  before: SheetContent;
  /** Recognisably a sheet this add-in generated (its title and most of its cells are what we write). */
  ours: boolean;
  /** Cells whose content the new sheet does not carry: the user's edits or additions, lost unless undone. */
  edited: string[];
  /** The sheet is protected: it cannot be replaced (the gateways refuse). */
  protected: boolean;
}

export type RefusalReason =
  | "nonEmpty"
  | "merged"
  | "protected"
  | "invalidAddress"
  | "noSuggestion"
  /** The total or grade cannot be stated yet (scores blank, error values, weights that do not add up). */
  | "notComputable";

/** A write the plan refuses to make, with a Chinese message naming the cell and what to do. */
export interface Refusal {
  sheet: string;
  address: string;
  message: string;
  /** Why: "nonEmpty" is lifted by listing the address in `PlanChoices.overwrite`. */
  reason: RefusalReason;
}

export interface WritePlan {
  /** The sheet the form is on. */
  sheet: string;
  writes: CellWrite[];
  newSheets: NewSheet[];
  refusals: Refusal[];
  /** Highlights the workbook holds once the plan is applied, with the fill each cell had before the first one:
   *  keep them (StoredSettings.highlights) and pass them as `previousHighlights` next time. */
  highlights?: PlanChoices["previousHighlights"];
}

/** Enough to put the workbook back exactly as it was. */
export interface UndoRecord {
  restores: { sheet: string; address: string; before: CellSnapshot; fillOnly?: boolean }[];
  /** Sheets the plan added: the undo deletes them. */
  addedSheets: string[];
  /** Sheets the plan replaced: once the added sheets are deleted, the undo adds these back with their content.
   *  `gatewayState`: what the gateway that replaced it needs to restore it exactly (the .xlsx: the old part). */
  replacedSheets?: {
    name: string;
    before: SheetContent;
    position?: number;
    gatewayState?: string;
  }[];
}

export function undoOf(plan: WritePlan): UndoRecord {
  return {
    restores: plan.writes.map((w) => ({
      sheet: w.sheet,
      address: w.address,
      before: w.before,
      fillOnly: w.fillOnly,
    })),
    addedSheets: plan.newSheets.map((s) => s.name),
    ...(plan.newSheets.some((s) => s.replaces)
      ? {
          replacedSheets: plan.newSheets.flatMap((s) =>
            s.replaces ? [{ name: s.replaces.name, before: s.replaces.before }] : []
          ),
        }
      : {}),
  };
}

/** What the user chose for a write-back (all optional: defaults in `DEFAULT_CHOICES`). */
export interface PlanChoices {
  /** The 总分 得分 cell as a live formula (default) or a plain value. */
  totalAs: "formula" | "value";
  /** The grade cell as a formula over the total built from the profile's bands (default) or a value. */
  gradeAs: "formula" | "value";
  /** A cell the user names for the grade when the form has no 绩效级别 cell; null = write no grade. */
  gradeCell: string | null;
  /** Fill the budget 执行率 and 得分 cells when they are blank. */
  fillBudget: boolean;
  /** Turn scores and weights stored as text (NUMBER_AS_TEXT) into numbers, so that Excel's SUM counts them. */
  convertTextNumbers: boolean;
  /** Cells (A1, on the form's sheet) of SCORE_RULE / BUDGET_SCORE findings whose suggested score the user accepts. */
  acceptSuggestions: string[];
  /** Highlight cells with errors (a fill), recorded so that the next run removes it. */
  highlightErrors: boolean;
  /** Highlights an earlier run set: removed (their previous fill restored) by this plan. */
  previousHighlights: { sheet: string; address: string; fill: string | null }[];
  /** Non-empty cells the user confirmed overwriting. */
  overwrite: string[];
  /** Add the 自评报告 sheet. */
  report: boolean;
  /** When the workbook already has the sheet (自评报告, 汇总): replace it (default) or add “自评报告 (2)”. */
  onRepeat: OnRepeat;
  /**
   * The host refuses locked cells of a protected sheet itself, when it confirms the plan (Office.js reads each
   * target's format.protection.locked): on a protected sheet the writes are planned, so that a template's unlocked
   * input cells can be filled. Otherwise (default) a protected sheet refuses every write here.
   */
  lockedCellsChecked: boolean;
}

export type OnRepeat = "replace" | "new";

export const DEFAULT_CHOICES: PlanChoices = {
  totalAs: "formula",
  gradeAs: "formula",
  gradeCell: null,
  fillBudget: true,
  convertTextNumbers: true,
  acceptSuggestions: [],
  highlightErrors: false,
  previousHighlights: [],
  overwrite: [],
  report: false,
  onRepeat: "replace",
  lockedCellsChecked: false,
};

/** What one write put in a cell, so that the undo can confirm the cell still holds it. */
export interface WrittenCell {
  sheet: string;
  address: string;
  value: string | number | null;
  formula?: string;
  fill?: string | null;
  fillOnly?: boolean;
}

/** What each write of the plan puts in its cell, as the undo checks it (the gateways' `written`). */
export function writtenOf(plan: WritePlan): WrittenCell[] {
  return plan.writes.map((w) => {
    const out: WrittenCell = { sheet: w.sheet, address: w.address, value: w.value };
    if (w.formula) out.formula = w.formula;
    if (w.fill !== undefined) out.fill = w.fill;
    if (w.fillOnly) out.fillOnly = true;
    return out;
  });
}
