// Reading the indicator rows of one table: indicators, groups (一级/二级/block labels), breakdowns (其中…),
// placeholders, notes and the 总分 row. Split out of parse.ts.
import { toA1, type Grid } from "./grid";
import { GRADE_LABELS, findFundingHeader, headerKey } from "./locate";
import { parseNumberCell, parseValue } from "./notation";
import { indicatorOf, readTotalRow } from "./parseIndicator";
import type { GroupLabel, ParsedForm, RawIndicator, TableSpan } from "./parse";
import {
  BREAKDOWN,
  COLUMN_CODE,
  blockColumn,
  OPENS_BREAKDOWN,
  TEMPLATE_NAME,
  cleanIndicatorName,
  footLabel,
  splitDeclaredWeight,
  totalLabelIn,
  weightsFromLabels,
} from "./parseLabels";
import { columnsOf, readFunding, readGoals, readGrade, readProject } from "./parseFunding";
import { normalizeLabel } from "./text";

export function parseSpan(grid: Grid, span: TableSpan): ParsedForm {
  const sheet = grid.sheet;
  const header = span.blocks[0];
  const columns = columnsOf(header);
  const project = readProject(grid, header.top, span.from);
  const fundingHeader = findFundingHeader(grid, header.top, span.from);
  const funding = fundingHeader ? readFunding(grid, fundingHeader, header.top, span.from) : null;
  if (funding) project.moneyUnit = funding.moneyUnit;

  // 年度总体目标
  const goals = readGoals(grid, header, span);

  const indicators: RawIndicator[] = [];
  const placeholders: ParsedForm["placeholders"] = [];
  const breakdowns: ParsedForm["breakdowns"] = [];
  const notes: ParsedForm["notes"] = [];
  const groupLabels: (GroupLabel & { text: string })[] = [];
  let totalRow: ParsedForm["totalRow"] = null;
  const valueCols = [columns.target, columns.actual, columns.weight, columns.score].filter(
    (c): c is number => c !== null
  );
  const firstValueCol = Math.min(...valueCols, columns.name + 1);
  let prev1 = { text: "", cell: "" };
  let prev2 = { text: "", cell: "" };
  let lastRow = header.row;
  // the indicator a “其中…” row breaks down, while its breakdown rows go on
  let breakdownOf: {
    parent: RawIndicator | null;
    level1Cell: string;
    level2Cell: string;
    row: number;
  } | null = null;
  // a row whose one cell runs across the name and the values: a title or a remark, never an indicator
  const wideRow = (r: number): { text: string; cell: string } | null => {
    if (columns.target === null) return null;
    const a = grid.masterOf(r, columns.name);
    // the cell's master is the name cell's master (compared without building a CellRef per cell)
    const inside = (col: number) => {
      const m = grid.mergeAt(r, col);
      return m ? m.top === a.row && m.left === a.col : r === a.row && col === a.col;
    };
    const t = grid.text(r, columns.name);
    if (!t || !inside(columns.target)) return null;
    // an indicator whose name runs over the 指标值 cell still has its own 完成值/分值/得分
    const own = [columns.actual, columns.weight, columns.score].some(
      (c) => c !== null && !inside(c) && !grid.isEmpty(r, c)
    );
    return own ? null : { text: t, cell: toA1(a.row, a.col) };
  };
  // a block title on a row of its own (年度绩效目标2（40分） merged across the table), also just above the header
  let blockTitle: { text: string; cell: string; row: number } | null = null;
  const above = header.top > 1 ? wideRow(header.top - 1) : null;
  if (above && splitDeclaredWeight(above.text).declared !== null)
    blockTitle = { ...above, row: header.top - 1 };

  const labelAt = (row: number, col: number | null, prev: { text: string; cell: string }) => {
    if (col === null) return { text: "", cell: "" };
    const t = grid.text(row, col);
    if (t) {
      const m = grid.masterOf(row, col);
      return { text: t, cell: toA1(m.row, m.col) };
    }
    return prev; // an empty 一级/二级 cell inherits the nearest one above
  };
  // a group is a run of rows under the same label: one merged cell, or the same text written on every row
  const current: Partial<Record<0 | 1 | 2, GroupLabel & { text: string }>> = {};
  const noteGroup = (
    text: string,
    cell: string,
    level: 0 | 1 | 2,
    row: number
  ): GroupLabel | undefined => {
    if (!text) return undefined;
    const g = current[level];
    if (g && g.text === text) {
      if (g.rows[g.rows.length - 1] !== row) g.rows.push(row);
      return g;
    }
    const s = splitDeclaredWeight(text);
    const created = { name: s.name, declared: s.declared, cell, level, rows: [row], text };
    groupLabels.push(created);
    current[level] = created;
    if (level === 1) delete current[2]; // a new 一级 starts new 二级 groups
    if (level === 0) {
      delete current[1];
      delete current[2];
    }
    return created;
  };
  const blockCol = blockColumn(grid, columns, header, span);
  const numberingRow = (r: number): boolean => {
    let codes = 0;
    for (let c = header.left; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c) || grid.isEmpty(r, c)) continue;
      if (!COLUMN_CODE.test(grid.text(r, c).normalize("NFKC").replace(/\s+/g, ""))) return false;
      codes++;
    }
    return codes >= 3 && COLUMN_CODE.test(grid.text(r, columns.name).normalize("NFKC"));
  };
  // the row above, past blank rows: a breakdown goes on only on the next non-blank row
  const lastBreakdownRow = (r: number) => {
    let x = r - 1;
    while (x > header.row && !rowCols.some((c) => grid.isMaster(x, c) && !grid.isEmpty(x, c))) x--;
    return x;
  };
  const cellAt = (r: number, col: number | null) => (col === null ? undefined : grid.cell(r, col));
  const rowCols = [
    columns.level1,
    columns.level2,
    columns.name,
    columns.reason,
    ...valueCols,
  ].filter((c): c is number => c !== null);

  for (let r = header.row + 1; r <= span.limit; r++) {
    // a repeated header (年度绩效目标2 with its own header row) is not an indicator: the next block starts below it
    const block = span.blocks.find((b) => b !== header && b.top <= r && r <= b.row);
    if (block) {
      r = block.row;
      lastRow = r;
      prev1 = { text: "", cell: "" };
      prev2 = { text: "", cell: "" };
      delete current[0];
      delete current[1];
      delete current[2];
      breakdownOf = null;
      // a block title belongs to the block only when it sits on the row just above the block's header
      if (blockTitle && blockTitle.row !== block.top - 1) blockTitle = null;
      continue;
    }
    if (totalLabelIn(grid, r, Math.min(header.left, blockCol ?? header.left), firstValueCol - 1)) {
      totalRow = readTotalRow(grid, r, columns);
      lastRow = r;
      break;
    }
    // the table ends at the first row with nothing in any of its columns after a gap, or at another header
    const blank = !rowCols.some((c) => grid.isMaster(r, c) && !grid.isEmpty(r, c));
    if (blank) {
      if (r - lastRow > 2) break; // two blank rows end a table that has no 总分 row
      continue;
    }
    if (
      rowCols.some((c) => {
        const t = grid.text(r, c);
        return t.length > 0 && t.length <= 8 && GRADE_LABELS.includes(headerKey(t));
      })
    )
      break;
    // a row of column numbers right under the header (1 | 2 | 3 | (4)=(3)/(2)), not an indicator
    if (r === header.row + 1 && numberingRow(r)) {
      lastRow = r;
      notes.push({ row: r, cell: toA1(r, columns.name), text: grid.text(r, columns.name) });
      continue;
    }
    const foot = footLabel(grid, r, firstValueCol - 1);
    if (foot?.kind === "signature") break;
    lastRow = r;
    if (foot) {
      notes.push({ row: r, cell: foot.cell, text: foot.text });
      continue;
    }
    // one cell across the name and the values: a block title (年度绩效目标2（40分）), not an indicator
    const title = wideRow(r);
    if (title) {
      if (splitDeclaredWeight(title.text).declared !== null) {
        blockTitle = { ...title, row: r };
        delete current[0];
        delete current[1];
        delete current[2];
      } else notes.push({ row: r, cell: title.cell, text: title.text });
      continue;
    }

    // block label in the leftmost 绩效指标 column (年度绩效目标(80分)), or the block title above
    let leftLabel = false;
    if (blockCol !== null) {
      const t = grid.text(r, blockCol);
      const m = grid.masterOf(r, blockCol);
      if (t && splitDeclaredWeight(t).declared !== null) {
        noteGroup(t, toA1(m.row, m.col), 0, r);
        leftLabel = true;
      }
    }
    if (!leftLabel && blockTitle) noteGroup(blockTitle.text, blockTitle.cell, 0, r);
    const l1 = labelAt(r, columns.level1, prev1);
    const l2 =
      columns.name !== columns.level2 ? labelAt(r, columns.level2, prev2) : { text: "", cell: "" };
    // a new 一级 resets the inherited 二级
    if (l1.cell !== prev1.cell && columns.level2 !== null && grid.text(r, columns.level2) === "")
      l2.text = "";
    prev1 = l1;
    prev2 = l2;

    const nameCol = columns.name;
    const rawName =
      grid.isMaster(r, nameCol) || columns.name !== columns.level2 ? grid.text(r, nameCol) : "";
    const cleanName = cleanIndicatorName(rawName);
    const labelled = splitDeclaredWeight(cleanName);
    const name = (labelled.declared !== null ? labelled.name : cleanName)
      // 培训人次，其中： → 培训人次 (its breakdown rows follow)
      .replace(/[,，、;；]?\s*其中\s*[:：]?$/, "");
    const opCell = cellAt(r, columns.operator);
    const unitCell = cellAt(r, columns.unit);
    const colsExtra =
      columns.operator !== null || columns.unit !== null
        ? { operator: opCell?.value ?? null, unit: unitCell?.value ?? null }
        : undefined;
    const targetC = cellAt(r, columns.target);
    const actualC = cellAt(r, columns.actual);
    const target = parseValue(targetC?.value ?? null, targetC?.numFmt, colsExtra);
    const actual = parseValue(actualC?.value ?? null, actualC?.numFmt, colsExtra);
    const weightText = columns.weight !== null ? grid.text(r, columns.weight) : "";
    const scoreText = columns.score !== null ? grid.text(r, columns.score) : "";
    const hasValues =
      target.kind !== "empty" || actual.kind !== "empty" || weightText !== "" || scoreText !== "";

    const trimmed = rawName.trim();
    // “其中…” rows, and the rows that go on with the breakdown, have no 分值/得分 of their own
    const ownScore = weightText !== "" || scoreText !== "";
    if (trimmed && !ownScore) {
      // a “其中…” row, or the first row under an indicator whose name ends with 其中： (培训人次，其中：)
      const prior = indicators[indicators.length - 1];
      const opened =
        prior !== undefined &&
        prior.row === lastBreakdownRow(r) &&
        OPENS_BREAKDOWN.test(normalizeLabel(prior.rawName)) &&
        prior.level1Cell === l1.cell &&
        prior.level2Cell === l2.cell;
      const starts = BREAKDOWN.test(normalizeLabel(trimmed)) || opened;
      // the next row of the same breakdown (其中：线上培训 / 线下培训), right below it in the same group
      const goesOn =
        breakdownOf !== null &&
        breakdownOf.row === lastBreakdownRow(r) &&
        l1.cell === breakdownOf.level1Cell &&
        l2.cell === breakdownOf.level2Cell;
      if (starts || goesOn) {
        const last = indicators[indicators.length - 1];
        const parent: RawIndicator | null = starts
          ? (last ?? null)
          : ((breakdownOf as { parent: RawIndicator | null } | null)?.parent ?? null);
        const sameGroup: boolean =
          parent !== null && parent.level1Cell === l1.cell && parent.level2Cell === l2.cell;
        breakdownOf = {
          parent: sameGroup ? parent : null,
          level1Cell: l1.cell,
          level2Cell: l2.cell,
          row: r,
        };
        breakdowns.push({
          row: r,
          cell: toA1(r, nameCol),
          text: trimmed,
          parentRow: breakdownOf.parent?.row ?? null,
        });
        breakdownOf.parent?.parts.push({ row: r, name: trimmed, cell: toA1(r, nameCol) });
        continue;
      }
    }
    breakdownOf = null;
    if (!trimmed) {
      // no 三级 name: an empty 二级 row (normal), or a subtotal row declaring its group's weight
      if (weightText && target.kind === "empty" && actual.kind === "empty") {
        const declared = parseNumberCell(cellAt(r, columns.weight)?.value ?? null);
        const g = l2.text ? { ...l2, level: 2 as const } : { ...l1, level: 1 as const };
        const gl = noteGroup(g.text, g.cell, g.level, r);
        if (gl && gl.declared === null && declared) gl.declared = Number(declared.value);
      } else if (hasValues) {
        placeholders.push({ row: r, cell: toA1(r, nameCol), text: "（无指标名称）" });
      }
      continue;
    }
    if (TEMPLATE_NAME.test(trimmed) || !name || !hasValues) {
      placeholders.push({ row: r, cell: toA1(r, nameCol), text: trimmed });
      continue;
    }
    noteGroup(l1.text, l1.cell, 1, r);
    noteGroup(l2.text, l2.cell, 2, r);
    indicators.push(
      indicatorOf(grid, r, columns, {
        l1,
        l2,
        labelled,
        name,
        rawName,
        target,
        actual,
        weightText,
        scoreText,
      })
    );
  }

  const groups = groupLabels.map(({ text: _text, ...g }) => g);
  let fromLabels = false;
  if (columns.weight === null && indicators.length) {
    weightsFromLabels(indicators, groupLabels);
    fromLabels = indicators.some((i) => i.weight !== null);
  }

  const grade = readGrade(grid, header, span);

  return {
    sheet,
    project,
    header,
    columns,
    funding,
    goals,
    indicators,
    placeholders,
    groupLabels: groups,
    totalRow,
    grade,
    blocks: span.blocks,
    rows: { first: header.top, last: lastRow },
    breakdowns,
    notes,
    weightsFromLabels: fromLabels,
    hidden: grid.hidden,
  };
}
