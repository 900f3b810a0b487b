// The WPS 表格 gateway: WorkbookHost over the ET object model that WPS gives its web add-ins
// (window.Application). The only module that touches window.Application. The model is synchronous; each call
// crosses into WPS, so reads take whole-range arrays (read.ts).
import type { StoredSettings, WorkbookHost, WorkbookSnapshot } from "../core/host";
import { PartialWriteError, WriteRefused } from "../core/host";
import type { UndoRecord, WritePlan } from "../core/writePlan";
import type { EtApplication, EtWorksheet } from "./et";
import { XL } from "./et";
import { activeWorkbook, readWorkbookEt, SETTINGS_SHEET } from "./read";
import { applyPlanEt, undoEt, WpsUndoRecord } from "./write";

// in its own module, so that the pane's start-up code can ask without loading this gateway
export { wpsApplication } from "./wpsApplication";

function explain(e: unknown, what: string): Error {
  if (e instanceof WriteRefused || e instanceof PartialWriteError) return e;
  const detail = e instanceof Error && e.message ? `（${e.message}）` : "";
  return new Error(`WPS 无法${what}${detail}：请稍后重试；如仍失败，请保存并重新打开工作簿。`);
}

function isStoredSettings(v: unknown): v is StoredSettings {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { profileId?: unknown }).profileId === "string"
  );
}

// Settings live in the workbook (so colleagues get them; PluginStorage is per machine): JSON in A1 of a very
// hidden sheet, which the user cannot unhide from the UI and the read skips.
function settingsSheet(app: EtApplication): EtWorksheet | null {
  try {
    return activeWorkbook(app).Worksheets.Item(SETTINGS_SHEET);
  } catch {
    return null;
  }
}

/** SheetChange events this long after the add-in's own write are taken as its echo, not as the user's edits. */
export const OWN_WRITE_GRACE_MS = 1500;

export function createWpsHost(app: EtApplication): WorkbookHost {
  let writing = 0;
  let quietUntil = 0;
  const ownWrite = <T>(fn: () => T): T => {
    writing++;
    try {
      return fn();
    } finally {
      writing--;
      quietUntil = Date.now() + OWN_WRITE_GRACE_MS;
    }
  };

  return {
    kind: "wps",

    async read(): Promise<WorkbookSnapshot> {
      try {
        return readWorkbookEt(app);
      } catch (e) {
        throw explain(e, "读取工作簿");
      }
    },

    async apply(plan: WritePlan): Promise<UndoRecord> {
      try {
        return ownWrite(() => applyPlanEt(app, plan));
      } catch (e) {
        throw explain(e, "写回");
      }
    },

    async undo(record: UndoRecord): Promise<void> {
      try {
        ownWrite(() => undoEt(app, record as WpsUndoRecord));
      } catch (e) {
        throw explain(e, "撤销写回");
      }
    },

    async select(sheet: string, address: string): Promise<void> {
      let ws: EtWorksheet;
      try {
        ws = activeWorkbook(app).Worksheets.Item(sheet);
      } catch {
        throw new Error(`找不到工作表“${sheet}”（可能已改名或删除）：请重新检查。`);
      }
      try {
        ws.Activate();
        ws.Range(address).Select();
      } catch (e) {
        throw explain(e, `定位到单元格 ${address}`);
      }
    },

    async loadSettings(): Promise<StoredSettings | null> {
      const ws = settingsSheet(app);
      if (!ws) return null;
      const text = ws.Range("A1").Value2;
      if (typeof text !== "string") return null;
      try {
        const parsed: unknown = JSON.parse(text);
        return isStoredSettings(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },

    async saveSettings(settings: StoredSettings): Promise<void> {
      try {
        const book = activeWorkbook(app);
        let ws = settingsSheet(app);
        if (!ws) {
          if (book.ProtectStructure)
            throw new Error(
              "工作簿结构受保护，无法保存设置：请先撤销工作簿保护（审阅 → 保护工作簿）后重试。"
            );
          const list = book.Worksheets;
          const active = book.ActiveSheet;
          ws = ownWrite(() => {
            const added = list.Add(null, list.Item(list.Count));
            added.Name = SETTINGS_SHEET;
            added.Visible = XL.sheetVeryHidden;
            active.Activate();
            return added;
          });
        }
        const cell = ws.Range("A1");
        ownWrite(() => {
          cell.NumberFormat = "@"; // the JSON stays text
          cell.Value2 = JSON.stringify(settings);
        });
      } catch (e) {
        throw e instanceof Error && e.message.startsWith("工作簿结构")
          ? e
          : explain(e, "把设置保存到工作簿");
      }
    },

    async onChanged(handler: () => void): Promise<() => void> {
      const events = app.ApiEvent;
      if (!events) return () => undefined;
      events.AddApiEventListener("SheetChange", () => {
        // the add-in's own writes (and their echo shortly after) are not the user's edits
        if (writing > 0 || Date.now() < quietUntil) return;
        handler();
      });
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        events.RemoveApiEventListener("SheetChange");
      };
    },
  };
}
