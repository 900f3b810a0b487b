// One row's record once parseSpan (parseRows.ts) has decided what the row is: an indicator, or the 总分 row.
// Kept out of parseSpan's row loop so that each is a small function of its own.
import { toA1, type Grid } from "./grid";
import { cellFacts } from "./cellFacts";
import type { Columns } from "./model";
import type { ParsedValue } from "./notation";
import type { ParsedForm, RawIndicator } from "./parse";
import { splitDeclaredWeight } from "./parseLabels";
import { NO_CELL, mergedFrom, num, numberCell } from "./parseFunding";

/** What parseSpan has read of an indicator row before its record is built. */
interface IndicatorRowText {
  /** The 一级 and 二级 labels (inherited from above when the cell is empty) and their cells. */
  l1: { text: string; cell: string };
  l2: { text: string; cell: string };
  /** The name with a weight printed in it (工程完工率（10分）) split off. */
  labelled: Readonly<{ name: string; declared: number | null }>;
  name: string;
  rawName: string;
  target: ParsedValue;
  actual: ParsedValue;
  weightText: string;
  scoreText: string;
}

/** The 总分 row: its weight and score as written, in the masters of merged cells. */
export function readTotalRow(
  grid: Grid,
  r: number,
  columns: Columns
): NonNullable<ParsedForm["totalRow"]> {
  const weightCell = columns.weight !== null ? grid.masterOf(r, columns.weight) : null;
  const scoreCell = columns.score !== null ? grid.masterOf(r, columns.score) : null;
  return {
    row: r,
    weight: weightCell ? num(grid, weightCell.row, weightCell.col) : null,
    weightCell: weightCell ? toA1(weightCell.row, weightCell.col) : null,
    score: scoreCell ? num(grid, scoreCell.row, scoreCell.col) : null,
    scoreText: scoreCell ? grid.text(scoreCell.row, scoreCell.col) : "",
    scoreCell: scoreCell ? toA1(scoreCell.row, scoreCell.col) : null,
    weightFacts: weightCell ? cellFacts(grid, weightCell.row, weightCell.col) : NO_CELL,
    scoreFacts: scoreCell ? cellFacts(grid, scoreCell.row, scoreCell.col) : NO_CELL,
  };
}

/** An indicator's record: its labels, values, weight and score as written, and the cells they sit in. */
export function indicatorOf(
  grid: Grid,
  r: number,
  columns: Columns,
  row: IndicatorRowText
): RawIndicator {
  const { l1, l2, labelled } = row;
  const l1s = splitDeclaredWeight(l1.text);
  const l2s = splitDeclaredWeight(l2.text);
  const nameCol = columns.name;
  const addressAt = (col: number | null) => (col === null ? null : toA1(r, col));
  // read without the number format, as before; an uncached formula counts with its computed value
  const weightParsed = columns.weight !== null ? numberCell(grid, r, columns.weight, false) : null;
  const scoreParsed = columns.score !== null ? numberCell(grid, r, columns.score, false) : null;
  // a score (or weight) merged down over several rows belongs to the first row only
  const scoreMergedFrom = mergedFrom(grid, r, columns.score);
  const weightMergedFrom = mergedFrom(grid, r, columns.weight);
  const columnWeight =
    weightParsed && weightMergedFrom === null ? Number(weightParsed.value) : null;
  const labelWeight = columns.weight === null ? labelled.declared : null;
  return {
    row: r,
    level1: l1s.name,
    level1Declared: l1s.declared,
    level1Cell: l1.cell,
    level2: l2s.name,
    level2Declared: l2s.declared,
    level2Cell: l2.cell,
    name: row.name,
    target: row.target,
    actual: row.actual,
    weightText: row.weightText,
    weight: columnWeight ?? labelWeight,
    scoreText: row.scoreText,
    score: scoreParsed && scoreMergedFrom === null ? Number(scoreParsed.value) : null,
    weightFacts: columns.weight !== null ? cellFacts(grid, r, columns.weight) : NO_CELL,
    scoreFacts: columns.score !== null ? cellFacts(grid, r, columns.score) : NO_CELL,
    scoreMergedFrom,
    weightMergedFrom,
    reason: columns.reason !== null ? grid.text(r, columns.reason) : "",
    measure: columns.measure !== null ? grid.text(r, columns.measure) : "",
    weightSource: columnWeight !== null ? "column" : labelWeight !== null ? "label" : null,
    nameDeclared: labelled.declared,
    parts: [],
    rawName: row.rawName,
    cells: {
      name: toA1(r, nameCol),
      target: addressAt(columns.target) ?? toA1(r, nameCol),
      actual: addressAt(columns.actual) ?? toA1(r, nameCol),
      weight: addressAt(columns.weight),
      score: addressAt(columns.score) ?? toA1(r, nameCol),
      reason: addressAt(columns.reason),
    },
  };
}
