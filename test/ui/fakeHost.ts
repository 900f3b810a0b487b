// A fake WorkbookHost over Grids for the task-pane tests: reads, writes (plan → cells), undo, selection and
// settings, each a jest.fn so tests can assert the calls.
import { Grid, parseA1, type WorkbookGrids } from "../../src/core/grid";
import {
  WriteRefused,
  type StoredSettings,
  type WorkbookHost,
  type WorkbookSnapshot,
} from "../../src/core/host";
import { undoOf, type UndoRecord, type WritePlan } from "../../src/core/writePlan";

export function cloneGrid(g: Grid, name = g.sheet): Grid {
  const copy = new Grid(name, {
    merges: g.merges.map((m) => ({ ...m })),
    protected: g.protected,
    mergesKnown: g.mergesKnown,
  });
  for (let r = 1; r <= g.rows; r++)
    for (let c = 1; c <= g.cols; c++) {
      const cell = g.get(r, c);
      if (cell) copy.set(r, c, { ...cell });
    }
  return copy;
}

export function cloneBook(book: WorkbookGrids): WorkbookGrids {
  return { sheets: book.sheets.map((g) => cloneGrid(g)) };
}

export interface FakeHostOptions {
  settings?: StoredSettings | null;
  activeSheet?: string | null;
  /** Make the next apply() throw this. */
  refuse?: WriteRefused;
  kind?: "excel" | "file";
  /** Provide onChanged (实时检查). */
  events?: boolean;
}

export class FakeHost implements WorkbookHost {
  readonly kind: "excel" | "file";
  book: WorkbookGrids;
  stored: StoredSettings | null;
  activeSheet: string | null;
  refuse: WriteRefused | undefined;
  selection: { sheet: string; address: string } | null = null;
  private handlers: (() => void)[] = [];

  readonly read = jest.fn(async (): Promise<WorkbookSnapshot> => ({
    book: cloneBook(this.book),
    activeSheet: this.activeSheet,
  }));

  readonly apply = jest.fn(async (plan: WritePlan): Promise<UndoRecord> => {
    if (this.refuse) {
      const e = this.refuse;
      this.refuse = undefined;
      throw e;
    }
    for (const w of plan.writes) {
      const grid = this.grid(w.sheet);
      const { row, col } = parseA1(w.address);
      const old = grid.get(row, col);
      if (w.fillOnly) grid.set(row, col, { ...(old ?? { value: null }), fill: w.fill ?? null });
      else
        grid.set(row, col, {
          value: w.value,
          ...(w.formula ? { formula: w.formula.replace(/^=/, "") } : {}),
          ...(w.numFmt ? { numFmt: w.numFmt } : {}),
          ...(w.fill !== undefined
            ? { fill: w.fill }
            : old?.fill !== undefined
              ? { fill: old.fill }
              : {}),
        });
    }
    for (const s of plan.newSheets) {
      const g = new Grid(s.name);
      s.rows.forEach((row, r) =>
        row.cells.forEach((c, k) => c.value !== null && g.set(r + 1, k + 1, { value: c.value }))
      );
      // a sheet that replaces another (生成报告 again) takes its place
      const at = s.replaces ? this.book.sheets.findIndex((x) => x.sheet === s.replaces?.name) : -1;
      if (at >= 0) this.book.sheets[at] = g;
      else this.book.sheets.push(g);
    }
    return undoOf(plan);
  });

  readonly undo = jest.fn(async (record: UndoRecord): Promise<void> => {
    for (const r of record.restores) {
      const grid = this.grid(r.sheet);
      const { row, col } = parseA1(r.address);
      const b = r.before;
      grid.set(row, col, {
        value: b.value,
        ...(b.formula ? { formula: b.formula.replace(/^=/, "") } : {}),
        ...(b.numFmt ? { numFmt: b.numFmt } : {}),
        ...(b.fill !== undefined ? { fill: b.fill } : {}),
      });
    }
    this.book.sheets = this.book.sheets.flatMap((g) => {
      if (!record.addedSheets.includes(g.sheet)) return [g];
      const replaced = record.replacedSheets?.find((r) => r.name === g.sheet);
      if (!replaced) return [];
      const back = new Grid(g.sheet);
      for (const c of replaced.before.cells) {
        const { row, col } = parseA1(c.address);
        back.set(row, col, { value: c.value });
      }
      return [back];
    });
  });

  readonly select = jest.fn(async (sheet: string, address: string): Promise<void> => {
    this.selection = { sheet, address };
    this.activeSheet = sheet;
  });

  readonly loadSettings = jest.fn(async (): Promise<StoredSettings | null> => this.stored);

  readonly saveSettings = jest.fn(async (settings: StoredSettings): Promise<void> => {
    this.stored = JSON.parse(JSON.stringify(settings)) as StoredSettings;
  });

  onChanged?: (handler: () => void) => Promise<() => void>;

  constructor(book: WorkbookGrids, options: FakeHostOptions = {}) {
    this.book = cloneBook(book);
    this.stored = options.settings === undefined ? null : options.settings;
    this.activeSheet = options.activeSheet ?? null;
    this.refuse = options.refuse;
    this.kind = options.kind ?? "excel";
    if (options.events)
      this.onChanged = async (handler) => {
        this.handlers.push(handler);
        return () => {
          this.handlers = this.handlers.filter((h) => h !== handler);
        };
      };
  }

  grid(sheet: string): Grid {
    const g = this.book.sheets.find((s) => s.sheet === sheet);
    if (!g) throw new Error(`no sheet ${sheet}`);
    return g;
  }

  /** What a cell holds now: value, or formula with its leading "=". */
  cell(sheet: string, address: string) {
    const { row, col } = parseA1(address);
    return this.grid(sheet).get(row, col);
  }

  /** The user edits a cell (fires onChanged handlers). */
  edit(sheet: string, address: string, value: string | number | null): void {
    const { row, col } = parseA1(address);
    this.grid(sheet).set(row, col, { value });
    for (const h of this.handlers) h();
  }
}
