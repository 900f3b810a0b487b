// Whole-sheet comparisons of Grids: every stored cell as "A1 → value [numFmt] {formula}".
import { rangeToA1, toA1, type Grid, type WorkbookGrids } from "../../src/core/grid";

export function gridLines(grid: Grid): string[] {
  const out: string[] = [];
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell) continue;
      let line = `${toA1(r, c)} → ${JSON.stringify(cell.value)}`;
      if (cell.numFmt) line += ` [${cell.numFmt}]`;
      if (cell.formula) line += ` {${cell.formula}}`;
      out.push(line);
    }
  return out;
}

/** Every sheet: a header line with protection and merges, then its cells. */
export function bookLines(book: WorkbookGrids): string[] {
  return book.sheets.flatMap((g) => [
    `# ${g.sheet} protected=${g.protected} merges=${g.merges.map(rangeToA1).sort().join(" ")}`,
    ...gridLines(g),
  ]);
}
