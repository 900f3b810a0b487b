// The Office.js gateway: WorkbookHost inside Excel. Each operation is one Excel.run around a function that takes
// the request context (read.ts, write.ts), so tests drive those functions with a fake context.
import type { Grid } from "../core/grid";
import type { StoredSettings, WorkbookHost, WorkbookSnapshot } from "../core/host";
import { WriteRefused } from "../core/host";
import type { UndoRecord, WritePlan } from "../core/writePlan";
import { readWorkbookIn } from "./read";
import { applyPlanIn, ExcelUndoRecord, PartialWriteError, undoIn, WriteOptions } from "./write";

/** Key of the add-in's entry in the workbook's settings (workbook.settings, or Office.context.document.settings). */
export const SETTINGS_KEY = "jixiao";

/** Events that arrive this long after the add-in's own write are taken as its echo, not as the user's edits. */
export const OWN_WRITE_GRACE_MS = 1500;

function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

function writeOptions(): WriteOptions {
  return { fillPattern: supports("1.9"), merges: supports("1.13") };
}

/** Runs a batch; lets Excel wait for the user to leave cell-edit mode (ExcelApi 1.11) instead of failing. */
function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return supports("1.11") ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
}

/** What Excel says while a cell is being edited: its own code, or InvalidOperation on hosts without it. */
export function isCellEditMode(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (err?.code === "InvalidOperationInCellEditMode") return true;
  // older hosts and Excel on the web answer InvalidOperation; its message names the edit mode
  return (
    err?.code === "InvalidOperation" && /edit\s*mode|编辑模式|编辑状态/i.test(err.message ?? "")
  );
}

/** Turns an Excel error into one the task pane can show; WriteRefused and PartialWriteError pass through. */
function explain(e: unknown, what: string): Error {
  if (e instanceof WriteRefused || e instanceof PartialWriteError) return e;
  const err = e as { code?: string; message?: string };
  if (isCellEditMode(e))
    return new Error(
      `Excel 正处于单元格编辑状态，无法${what}：请先按 Enter 或 Esc 结束单元格编辑，然后重试。`
    );
  if (err.code === "InvalidOperation")
    return new Error(
      `Excel 拒绝了此操作，无法${what}${err.message ? `（${err.message}）` : ""}：如果正在编辑单元格，请先按 Enter 或 Esc 结束单元格编辑，然后重试。`
    );
  const detail = err.message ? `（${err.message}）` : "";
  return new Error(`Excel 无法${what}${detail}：请稍后重试；如仍失败，请保存并重新打开工作簿。`);
}

function isStoredSettings(v: unknown): v is StoredSettings {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { profileId?: unknown }).profileId === "string"
  );
}

/**
 * `loadIsTableSheet` gives the engine's test for a sheet holding the form (core/analyze.ts isTableSheet), passed in
 * by the pane and loaded with the first read, so that the engine is not part of the pane's first load.
 */
export function createExcelHost(
  loadIsTableSheet: () => Promise<(grid: Grid) => boolean>
): WorkbookHost {
  let sheetNames: string[] | undefined;
  let activeSheet: string | undefined;
  let writing = 0;
  let quietUntil = 0;

  const ownWrite = async <T>(fn: () => Promise<T>): Promise<T> => {
    writing++;
    try {
      return await fn();
    } finally {
      writing--;
      quietUntil = Date.now() + OWN_WRITE_GRACE_MS;
    }
  };

  return {
    kind: "excel",
    // the confirm sync reads format.protection.locked of every target: a template's unlocked cells can be written
    checksLockedCells: true,

    async read(): Promise<WorkbookSnapshot> {
      try {
        const isTableSheet = await loadIsTableSheet();
        const snapshot = await run((context) =>
          readWorkbookIn(context, {
            merges: supports("1.13"),
            sheetNames,
            activeSheet,
            isTableSheet,
          })
        );
        sheetNames = snapshot.book.sheets.map((g) => g.sheet);
        activeSheet = snapshot.activeSheet ?? undefined;
        return snapshot;
      } catch (e) {
        sheetNames = undefined;
        throw explain(e, "读取工作簿");
      }
    },

    async apply(plan: WritePlan): Promise<UndoRecord> {
      try {
        const record = await ownWrite(() =>
          run((context) => applyPlanIn(context, plan, writeOptions()))
        );
        // a replacing sheet keeps the replaced one's name and place
        if (sheetNames && plan.newSheets.length > 0)
          sheetNames = [
            ...sheetNames,
            ...plan.newSheets.filter((s) => !s.replaces).map((s) => s.name),
          ];
        return record;
      } catch (e) {
        sheetNames = undefined; // a write that failed part way may have added a sheet: learn the names again
        throw explain(e, "写回");
      }
    },

    async undo(record: UndoRecord): Promise<void> {
      try {
        await ownWrite(() =>
          run((context) => undoIn(context, record as ExcelUndoRecord, writeOptions()))
        );
        if (sheetNames)
          sheetNames = sheetNames.filter(
            (n) =>
              !record.addedSheets.includes(n) ||
              (record.replacedSheets ?? []).some((r) => r.name === n)
          );
      } catch (e) {
        throw explain(e, "撤销写回");
      }
    },

    async select(sheet: string, address: string): Promise<void> {
      try {
        await run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await context.sync();
        });
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === "ItemNotFound")
          throw new Error(`找不到工作表“${sheet}”（可能已改名或删除）：请重新检查。`);
        throw explain(e, `定位到单元格 ${address}`);
      }
    },

    async loadSettings(): Promise<StoredSettings | null> {
      if (supports("1.4")) {
        // workbook.settings (ExcelApi 1.4): the same per-add-in store, read in one sync
        const raw = await run(async (context) => {
          const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
          item.load("value");
          await context.sync();
          return item.isNullObject ? null : (item.value as unknown);
        });
        if (isStoredSettings(raw)) return raw;
        // otherwise what an earlier version saved through the document settings, if anything
      }
      const raw: unknown = Office.context.document.settings.get(SETTINGS_KEY);
      return isStoredSettings(raw) ? raw : null;
    },

    async saveSettings(settings: StoredSettings): Promise<void> {
      if (supports("1.4")) {
        try {
          // saved with the workbook: no saveAsync round trip
          await run(async (context) => {
            context.workbook.settings.add(SETTINGS_KEY, settings);
            await context.sync();
          });
          return;
        } catch (e) {
          if (isCellEditMode(e)) throw explain(e, "保存设置");
          throw new Error(
            `无法把设置保存到工作簿（${(e as { message?: string }).message ?? "未知错误"}）：请确认工作簿未以只读方式打开后重试。`
          );
        }
      }
      const store = Office.context.document.settings;
      store.set(SETTINGS_KEY, settings);
      await new Promise<void>((resolve, reject) => {
        store.saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed)
            reject(
              new Error(
                `无法把设置保存到工作簿（${result.error?.message ?? "未知错误"}）：请确认工作簿未以只读方式打开后重试。`
              )
            );
          else resolve();
        });
      });
    },

    async onChanged(handler: () => void): Promise<() => void> {
      if (!supports("1.9")) return () => undefined; // WorksheetCollection.onChanged needs ExcelApi 1.9
      const subscription = await run(async (context) => {
        const sheets = context.workbook.worksheets;
        // this sync is needed anyway: learn the sheet names with it, so that the first read takes one sync
        sheets.load("items/name");
        const result = sheets.onChanged.add(async (event) => {
          // the add-in's own writes echo back as change events: while writing (and shortly after), or when
          // Excel says so (triggerSource, ExcelApi 1.14), they are not the user's edits
          if (writing > 0 || Date.now() < quietUntil) return;
          if (event.triggerSource === "ThisLocalAddin") return;
          handler();
        });
        await context.sync();
        sheetNames ??= sheets.items.map((s) => s.name);
        return result;
      });
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        void Excel.run(subscription.context, async (context) => {
          subscription.remove();
          await context.sync();
        }).catch(() => undefined);
      };
    },
  };
}
