// The `file` WorkbookHost of the web page: an .xlsx held in memory, read with ExcelJS and written by patching the
// package (src/xlsx/patch.ts), both loaded on demand so that neither is part of the page's start-up code. Settings are
// read from the file's add-in settings part (as the Excel add-in saved them) or else from the browser (localStorage,
// per file name), and written into that part of the downloaded file, so that they travel with it.
import type { StoredSettings, WorkbookHost, WorkbookSnapshot } from "../../core/host";
import type { WorkbookGrids } from "../../core/grid";
import type { UndoRecord, WritePlan } from "../../core/writePlan";

export interface FileHost extends WorkbookHost {
  readonly kind: "file";
  readonly fileName: string;
  /** The workbook as it stands (with every write applied). */
  data(): Uint8Array;
  /** The file to download: data() with the settings in the add-in's settings part (the same as the add-in's). */
  download(): Promise<Uint8Array>;
  /** True once a write or undo changed the bytes. */
  modified(): boolean;
  /** The workbook differs from the file as opened and from the last download: closing now loses changes. */
  unsaved(): boolean;
  /** The workbook is the file as opened (every write undone, or none made). */
  pristine(): boolean;
  /** The current state was downloaded. */
  markDownloaded(): void;
  /** Called after every change of unsaved()/pristine(); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The cell last selected from a finding. */
  selection(): { sheet: string; address: string } | null;
}

type SettingsStore = Pick<Storage, "getItem" | "setItem">;

function browserStorage(): SettingsStore | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings): settings live for the session only
  }
}

export const SETTINGS_PREFIX = "jixiao.settings:";

function isStoredSettings(v: unknown): v is StoredSettings {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { profileId?: unknown }).profileId === "string"
  );
}

export function createFileHost(
  initial: Uint8Array,
  fileName: string,
  storage: SettingsStore | null = browserStorage()
): FileHost {
  let bytes = initial;
  let changed = false;
  let grids: WorkbookGrids | null = null;
  let selected: { sheet: string; address: string } | null = null;
  let memorySettings: StoredSettings | null = null;
  const key = SETTINGS_PREFIX + fileName;
  // one id per state of the workbook: a write pushes one, its undo pops it; 0 is the file as opened (on disk)
  const states = [0];
  let nextState = 1;
  let downloaded = 0;
  const listeners = new Set<() => void>();
  const current = () => states[states.length - 1];
  const changedTo = (push: boolean) => {
    if (push) states.push(nextState++);
    else if (states.length > 1) states.pop();
    listeners.forEach((l) => l());
  };

  return {
    kind: "file",
    fileName,
    data: () => bytes,
    modified: () => changed,
    unsaved: () => current() !== 0 && current() !== downloaded,
    pristine: () => current() === 0,
    markDownloaded() {
      downloaded = current();
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    selection: () => selected,

    async download(): Promise<Uint8Array> {
      if (!memorySettings) return bytes;
      const { patchSettingsIntoXlsx } = await import(
        /* webpackChunkName: "xlsx-patch" */ "../../xlsx/patch"
      );
      try {
        return await patchSettingsIntoXlsx(bytes, memorySettings);
      } catch {
        return bytes; // a package the patcher cannot edit: the file without the settings, never no file
      }
    },

    async read(): Promise<WorkbookSnapshot> {
      if (!grids) {
        const { readWorkbook } = await import(
          /* webpackChunkName: "xlsx-read" */ "../../xlsx/read"
        );
        grids = await readWorkbook(bytes);
      }
      return { book: grids, activeSheet: selected?.sheet ?? null };
    },

    async apply(plan: WritePlan): Promise<UndoRecord> {
      // surgical: the downloaded file keeps its charts, macros, protection… (only the planned cells change)
      const { PatchUnsupported, patchPlanIntoXlsx } = await import(
        /* webpackChunkName: "xlsx-patch" */ "../../xlsx/patch"
      );
      let result: { data: Uint8Array; undo: UndoRecord };
      try {
        result = await patchPlanIntoXlsx(bytes, plan, grids ?? undefined);
      } catch (e) {
        if (!(e instanceof PatchUnsupported)) throw e;
        const { applyPlanToXlsx } = await import(
          /* webpackChunkName: "xlsx-apply" */ "../../xlsx/apply"
        );
        result = await applyPlanToXlsx(bytes, plan);
      }
      bytes = result.data;
      grids = null;
      changed = true;
      changedTo(true);
      return result.undo;
    },

    async undo(record: UndoRecord): Promise<void> {
      const { isPatchUndo, patchUndoIntoXlsx } = await import(
        /* webpackChunkName: "xlsx-patch" */ "../../xlsx/patch"
      );
      if (isPatchUndo(record)) bytes = await patchUndoIntoXlsx(bytes, record);
      else {
        // a write the patcher could not make went through ExcelJS: so does its undo
        const { applyUndoToXlsx } = await import(
          /* webpackChunkName: "xlsx-apply" */ "../../xlsx/apply"
        );
        bytes = await applyUndoToXlsx(bytes, record);
      }
      grids = null;
      changed = true;
      changedTo(false);
    },

    async select(sheet: string, address: string): Promise<void> {
      selected = { sheet, address };
    },

    async loadSettings(): Promise<StoredSettings | null> {
      if (memorySettings) return memorySettings;
      // the file's own settings first: they came with it, as the add-in's do
      const { settingsFromXlsx } = await import(
        /* webpackChunkName: "xlsx-patch" */ "../../xlsx/patch"
      );
      const inFile = await settingsFromXlsx(bytes);
      if (isStoredSettings(inFile)) return (memorySettings = inFile);
      try {
        const raw = storage?.getItem(key);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        if (isStoredSettings(parsed)) return (memorySettings = parsed);
      } catch {
        // unreadable entry: start from the defaults
      }
      return null;
    },

    async saveSettings(settings: StoredSettings): Promise<void> {
      memorySettings = settings;
      try {
        storage?.setItem(key, JSON.stringify(settings));
      } catch {
        // storage full or blocked: the settings still hold for this session
      }
    },
  };
}
