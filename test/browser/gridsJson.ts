// WorkbookGrids ⇄ JSON, to hand a workbook read in Node to the fake Office host running in the browser page.
// No Node APIs here (bundled into the page).
import { Grid, type Cell, type Range, type WorkbookGrids } from "../../src/core/grid";

export interface SheetJson {
  sheet: string;
  merges: Range[];
  protected: boolean;
  mergesKnown: boolean;
  cells: [number, number, Cell][];
}

export function gridsToJson(book: WorkbookGrids): { sheets: SheetJson[] } {
  return {
    sheets: book.sheets.map((g) => {
      const cells: [number, number, Cell][] = [];
      for (let r = 1; r <= g.rows; r++)
        for (let c = 1; c <= g.cols; c++) {
          const cell = g.get(r, c);
          if (cell) cells.push([r, c, cell]);
        }
      return {
        sheet: g.sheet,
        merges: g.merges,
        protected: g.protected,
        mergesKnown: g.mergesKnown,
        cells,
      };
    }),
  };
}

export function gridsFromJson(json: { sheets: SheetJson[] }): WorkbookGrids {
  return {
    sheets: json.sheets.map((s) => {
      const g = new Grid(s.sheet, {
        merges: s.merges,
        protected: s.protected,
        mergesKnown: s.mergesKnown,
      });
      for (const [r, c, cell] of s.cells) g.set(r, c, cell);
      return g;
    }),
  };
}
