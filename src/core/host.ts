// The port both gateways implement: the Office.js gateway inside Excel, the ExcelJS gateway on the web page.
// The task pane talks only to this.
import type { WorkbookGrids } from "./grid";
import type { ProfileOverrides } from "./profiles";
import type { PlanChoices, UndoRecord, WritePlan } from "./writePlan";

export interface WorkbookSnapshot {
  book: WorkbookGrids;
  /** The sheet the user is on, when known. */
  activeSheet: string | null;
}

/** Kept with the workbook (Office document settings) so that colleagues opening it get the same settings. */
export interface StoredSettings {
  profileId: string;
  overrides?: ProfileOverrides;
  choices?: Partial<PlanChoices>;
  /** The sheet the user chose when several hold a table. */
  sheet?: string;
  /** Highlights the add-in set, so the next run removes them. */
  highlights?: PlanChoices["previousHighlights"];
  liveCheck?: boolean;
}

/** A write refused before anything was written: a Chinese message naming the cells and what to do. */
export class WriteRefused extends Error {
  constructor(
    message: string,
    readonly cells: string[] = []
  ) {
    super(message);
    this.name = "WriteRefused";
  }
}

/**
 * The write failed after part of it ran (a co-author's edit, a cell that became protected): `undo` puts back what
 * was written and deletes what was added, so the user can return to the state before the write.
 */
export class PartialWriteError extends Error {
  constructor(
    message: string,
    readonly undo: UndoRecord
  ) {
    super(message);
    this.name = "PartialWriteError";
  }
}

/** How far a replaced sheet (生成报告 a second time) got before a write failed part way. */
export type ReplacementState = "replaced" | "oldDeletedStagingLeft" | "stagingAdded";

/** The state from what the workbook shows after the failure: is the old sheet gone, is the staging sheet there? */
export function replacementState(oldDeleted: boolean, stagingLeft: boolean): ReplacementState {
  if (!oldDeleted) return "stagingAdded";
  return stagingLeft ? "oldDeletedStagingLeft" : "replaced";
}

/**
 * The message of a write that failed part way, the same in every gateway: what was written, what the user can do.
 * `cells` as the user reads them (H15, 自评报告!B3); `replacements` with the staging name the new sheet was built under.
 */
export function partialWriteMessage(
  reason: string,
  cells: string[],
  replacements: { name: string; staging: string; state: ReplacementState }[],
  addedSheets: string[]
): string {
  const what = [
    cells.length > 0
      ? `已写入 ${cells.length} 个单元格（${cells.slice(0, 5).join("、")}${cells.length > 5 ? "等" : ""}）`
      : "",
    ...replacements.map((r) =>
      r.state === "replaced"
        ? `原工作表“${r.name}”已替换为新表`
        : r.state === "oldDeletedStagingLeft"
          ? `原工作表“${r.name}”已删除，新表仍名为“${r.staging}”`
          : `已添加工作表“${r.staging}”`
    ),
    addedSheets.length > 0 ? `已添加工作表${addedSheets.map((n) => `“${n}”`).join("、")}` : "",
  ]
    .filter(Boolean)
    .join("，");
  return `写回中途失败（${reason}）：${what}，其余未写入。可点“撤销”恢复到写回之前。`;
}

export interface WorkbookHost {
  readonly kind: "excel" | "wps" | "file";
  /** apply() refuses locked cells of a protected sheet itself and writes unlocked ones (PlanChoices.lockedCellsChecked). */
  readonly checksLockedCells?: boolean;
  /** Every sheet as a Grid (Excel: a single sync with the workbook). */
  read(): Promise<WorkbookSnapshot>;
  /** Confirms the target cells still hold what the plan saw, then writes (Excel: one sync to confirm, one to write).
   *  Throws WriteRefused (nothing written) for a protected sheet or a cell changed since. */
  apply(plan: WritePlan): Promise<UndoRecord>;
  /** Puts back every cell the plan wrote and deletes the sheets it added. */
  undo(record: UndoRecord): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  loadSettings(): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings): Promise<void>;
  /** Calls `handler` when the user edits the workbook (not for the add-in's own writes); returns an unsubscribe. */
  onChanged?(handler: () => void): Promise<() => void>;
}
