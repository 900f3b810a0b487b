// Header words and labels of a 自评表: the key a header text is matched by, and the cells next to a label.
// Split out of locate.ts; every export here is re-exported there.
import type { Grid } from "./grid";
import { normalizeLabel, stripParens } from "./text";
import { boundedMemo } from "./memo";

/** A header cell's text reduced for matching: NFKC, no spaces, no parenthesised parts. */
export function headerKey(text: string): string {
  return keyOf(text);
}
// header texts repeat on every row of a long form; normalising each once keeps a 2,000-row check fast
const keyOf = boundedMemo((text: string) =>
  stripParens(normalizeLabel(text)).replace(/[:：]$/, "")
);

/** Longest text that can still be a header or label: longer cells are content, not worth normalising. */
export const MAX_LABEL_LENGTH = 40;

/** A label cell anywhere in rows [from, to]: first master cell whose key is one of `labels`. */
export function findLabel(
  grid: Grid,
  labels: readonly string[],
  from = 1,
  to = grid.rows
): { row: number; col: number } | null {
  for (let r = from; r <= to; r++)
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      if (t && t.length <= MAX_LABEL_LENGTH && labels.includes(headerKey(t)))
        return { row: r, col: c };
    }
  return null;
}

/** The first cell right of a label (past the label's merged area): its master. */
export function cellRightOf(
  grid: Grid,
  at: { row: number; col: number }
): { row: number; col: number } {
  const m = grid.mergeAt(at.row, at.col);
  const col = (m ? m.right : at.col) + 1;
  return grid.masterOf(at.row, col);
}

/** Text of the first non-empty cell right of a label on the same row. */
export function valueRightOf(
  grid: Grid,
  at: { row: number; col: number },
  maxCol = grid.cols
): { text: string; row: number; col: number } | null {
  const m = grid.mergeAt(at.row, at.col);
  for (let c = (m ? m.right : at.col) + 1; c <= maxCol; c++) {
    if (!grid.isMaster(at.row, c)) continue;
    const t = grid.text(at.row, c);
    if (t) return { text: t, row: at.row, col: c };
  }
  return null;
}

export const TOTAL_LABELS = ["总分", "合计", "总计", "合计得分", "总得分", "综合得分"];
export const GRADE_LABELS = [
  "绩效级别",
  "自评等级",
  "评价等级",
  "绩效等级",
  "等级",
  "自评结果",
  "评价结果",
];
