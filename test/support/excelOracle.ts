// An independent oracle for "never claim what Excel will not show": the plan's writes applied to a copy of the
// grids, then evaluated by HyperFormula (an engine that shares no code with ours), with cells typed as Excel
// holds them: text stays text (SUM skips it), error values stay errors, merged areas count once.
import { HyperFormula } from "hyperformula";
import { Grid, parseA1, type WorkbookGrids } from "../../src/core/grid";
import type { WritePlan } from "../../src/core/writePlan";

/** The book with the plan's writes made (values, formulas, formats), as a new set of grids. */
export function applyToGrids(book: WorkbookGrids, p: WritePlan): WorkbookGrids {
  return {
    sheets: book.sheets.map((g) => {
      const out = new Grid(g.sheet, { merges: g.merges, protected: g.protected });
      for (let r = 1; r <= g.rows; r++)
        for (let c = 1; c <= g.cols; c++) {
          const cell = g.get(r, c);
          if (cell) out.set(r, c, { ...cell });
        }
      for (const w of p.writes.filter((x) => x.sheet === g.sheet && !x.fillOnly)) {
        const at = parseA1(w.address);
        const old = out.get(at.row, at.col);
        out.set(at.row, at.col, {
          value: w.value,
          ...(w.formula ? { formula: w.formula.slice(1) } : {}),
          ...((w.numFmt ?? old?.numFmt) ? { numFmt: w.numFmt ?? old?.numFmt } : {}),
        });
      }
      return out;
    }),
  };
}

/** What Excel shows at `address` of `grid` once it recalculates. */
export function excelValue(grid: Grid, address: string): unknown {
  const rows: unknown[][] = [];
  for (let r = 1; r <= grid.rows; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell || !grid.isMaster(r, c)) row.push(null);
      else if (cell.formula) row.push(`=${cell.formula}`);
      else if (cell.error) row.push(`=${cell.error}`);
      // every string is text in Excel's eyes: "7.2" typed into a text cell is not a number
      else if (typeof cell.value === "string") row.push(`'${cell.value}`);
      else row.push(cell.value);
    }
    rows.push(row);
  }
  const hf = HyperFormula.buildFromArray(rows as never, { licenseKey: "gpl-v3" });
  const p = parseA1(address);
  const v = hf.getCellValue({ sheet: 0, row: p.row - 1, col: p.col - 1 });
  hf.destroy();
  return v;
}
