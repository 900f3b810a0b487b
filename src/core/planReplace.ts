// Replace on repeat: 生成报告 (or 生成汇总表) a second time replaces the sheet the first run added instead of adding
// “自评报告 (2)”. Decided here from the Grids as read, so that every gateway replaces the same sheet, and the
// confirmation says when the sheet holds what the new one will not (the user's edits): those are never lost silently.
import { parseA1, rangeToA1, toA1, type Grid, type WorkbookGrids } from "./grid";
import type { NewSheet, OnRepeat, ReplacedSheet, SheetContent } from "./writePlan";

/**
 * The new sheet `build` makes, named `base` in place of an existing sheet of that name (names compare ignoring
 * case, as Excel does) when `onRepeat` is "replace"; otherwise under a name no sheet has (`base (2)` …).
 */
export function placeSheet(
  base: string,
  book: WorkbookGrids,
  onRepeat: OnRepeat,
  build: (existingSheetNames: string[]) => NewSheet
): NewSheet {
  const names = book.sheets.map((g) => g.sheet);
  const old =
    onRepeat === "replace"
      ? book.sheets.find((g) => g.sheet.toLowerCase() === base.toLowerCase())
      : undefined;
  if (!old) return build(names);
  const sheet = build(names.filter((n) => n !== old.sheet));
  return { ...sheet, name: old.sheet, replaces: replacedSheet(old, sheet) };
}

/** A sheet's non-empty cells and merges as read. */
export function sheetContent(grid: Grid): SheetContent {
  const cells: SheetContent["cells"] = [];
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (!cell || !grid.isMaster(r, c)) continue;
      const blank = cell.value === null || cell.value === "";
      if (blank && !cell.formula) continue;
      cells.push({
        address: toA1(r, c),
        value: cell.value,
        ...(cell.formula ? { formula: `=${cell.formula.replace(/^=/, "")}` } : {}),
        ...(cell.numFmt && cell.numFmt !== "General" ? { numFmt: cell.numFmt } : {}),
      });
    }
  return { cells, merges: grid.merges.map(rangeToA1) };
}

// what a text says without its numbers and bars: the old report's sentences still match when only the form's
// numbers changed between the two runs
function skeleton(value: unknown): string {
  return String(value)
    .replace(/\s+/g, "")
    .replace(/[█░]+/g, "▇")
    .replace(/-?\d+(?:\.\d+)?/g, "#");
}

function replacedSheet(old: Grid, next: NewSheet): ReplacedSheet {
  const before = sheetContent(old);
  const width = Math.max(
    next.columnWidths.length,
    ...next.rows.map((r) => Math.max(r.cells.length, r.span ?? 1))
  );
  const at = new Map<string, unknown>();
  const said = new Set<string>();
  next.rows.forEach((row, i) =>
    row.cells.forEach((cell, k) => {
      if (cell.value === null || cell.value === "") return;
      at.set(toA1(i + 1, k + 1), cell.value);
      if (typeof cell.value === "string") said.add(skeleton(cell.value));
    })
  );
  const edited: string[] = [];
  for (const cell of before.cells) {
    const beyond = parseA1(cell.address).col > width;
    // a sentence is ours when the new sheet says it with other numbers; a number only where the new sheet has a
    // number too (a number the user typed elsewhere is theirs, whatever its value)
    const generated =
      at.get(cell.address) === cell.value ||
      (typeof cell.value === "string"
        ? said.has(skeleton(cell.value))
        : typeof at.get(cell.address) === "number");
    // we never write formulas in these sheets, nor beyond their columns
    const ours = !cell.formula && !beyond && generated;
    if (!ours) edited.push(cell.address);
  }
  const first = before.cells[0];
  const titled = first !== undefined && first.address === "A1" && !edited.includes("A1");
  return {
    name: old.sheet,
    before,
    ours: titled && edited.length * 2 < before.cells.length,
    edited,
    protected: old.protected,
  };
}

const LISTED = 5;

/**
 * What the confirmation says before replacing `sheet`'s namesake, or null when the sheet replaces nothing. It says
 * so whenever the existing sheet holds what the new one will not.
 */
export function replaceNotice(sheet: NewSheet): string | null {
  const r = sheet.replaces;
  if (!r) return null;
  const name = `“${r.name}”`;
  if (r.protected) return replaceProtectedMessage(r.name);
  if (!r.ours)
    return (
      `现有工作表${name}不像是本助手生成的（共 ${r.before.cells.length} 个非空单元格）：` +
      `替换会删除其全部内容（“撤销”可恢复）。如需保留，请选“另建新工作表”。`
    );
  if (r.edited.length) {
    const list = r.edited.slice(0, LISTED).join("、") + (r.edited.length > LISTED ? " 等" : "");
    return (
      `现有工作表${name}中有 ${r.edited.length} 个单元格（${list}）的内容不会出现在新生成的表中，可能是您修改或补充的：` +
      `替换后将被删除（“撤销”可恢复）。如需保留，请选“另建新工作表”。`
    );
  }
  return `将替换上次生成的工作表${name}（“撤销”可恢复）。`;
}

/** Refusing to replace a protected sheet: the confirmation's words, in every gateway. */
export function replaceProtectedMessage(name: string): string {
  return `工作表“${name}”受保护，无法替换：请先撤销工作表保护（审阅 → 撤销工作表保护），或选“另建新工作表”。`;
}

/** Refusing to replace a sheet changed since the check (every gateway), naming the cells that differ. */
export function replaceChangedMessage(
  name: string,
  before: SheetContent,
  now: SheetContent
): string {
  const key = (c: SheetContent["cells"][number]) => JSON.stringify([c.value, c.formula ?? null]);
  const was = new Map(before.cells.map((c) => [c.address, key(c)]));
  const is = new Map(now.cells.map((c) => [c.address, key(c)]));
  const changed = [...new Set([...was.keys(), ...is.keys()])].filter(
    (a) => was.get(a) !== is.get(a)
  );
  const list = changed.length
    ? `（${changed.slice(0, LISTED).join("、")}${changed.length > LISTED ? " 等" : ""}）`
    : "";
  return `工作表“${name}”在检查之后被修改过${list}：请重新检查后再生成。`;
}
