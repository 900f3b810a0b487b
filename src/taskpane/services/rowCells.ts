// The web page cannot select a cell in a worksheet the user does not see: a finding shows its row instead, the
// filled cells of that row as read (a merged area once, at its first cell).
import { colToLetters, parseA1, type WorkbookGrids } from "../../core/grid";
import { formatNumber } from "../../core/decimal";
import type { Finding } from "../../core/model";

export interface RowCell {
  address: string;
  text: string;
  /** The finding's own cell. */
  target: boolean;
}

export function rowCells(book: WorkbookGrids | null, f: Finding): RowCell[] {
  const grid = book?.sheets.find((g) => g.sheet === f.sheet);
  if (!grid) return [];
  let at: { row: number; col: number };
  try {
    at = parseA1(f.cell);
  } catch {
    return [];
  }
  const out: RowCell[] = [];
  for (let col = 1; col <= grid.cols; col++) {
    const cell = grid.get(at.row, col);
    const value = cell?.value;
    const target = col === at.col;
    if (!target && (value === null || value === undefined || value === "")) continue;
    const text =
      value === null || value === undefined || value === ""
        ? "（空）"
        : typeof value === "number"
          ? formatNumber(value, 4)
          : String(value);
    out.push({ address: `${colToLetters(col)}${at.row}`, text, target });
  }
  return out;
}
