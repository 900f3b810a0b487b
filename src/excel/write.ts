// WritePlan → Office.js, and its undo. Each takes two syncs: one that loads everything the checks need
// (protection and locked cells, merged areas, existing sheet names, every target cell), then — only when every
// check passes — one that writes. If that write sync fails part way, a third sync finds what it left, and the
// error carries the undo for it (PartialWriteError).
import { replaceChangedMessage, replaceProtectedMessage } from "../core/planReplace";
import type { CellValue } from "../core/grid";
import { rangeToA1, toA1 } from "../core/grid";
import {
  PartialWriteError,
  partialWriteMessage,
  replacementState,
  type ReplacementState,
  WriteRefused,
} from "../core/host";
import {
  SHEET_BORDER_COLOR,
  SHEET_FONTS,
  SHEET_STYLES,
  tableCellLook,
  undoOf,
  writtenOf,
  type CellSnapshot,
  type NewSheet,
  type SheetContent,
  type SheetStyleLook,
  type UndoRecord,
  type WritePlan,
  type WrittenCell,
} from "../core/writePlan";
import {
  CellContent,
  cellName,
  changedCells,
  charsToPoints,
  contentOf,
  holds,
  needsTextFormat,
  normalizeFill,
  parseAreasAddress,
} from "./cells";
import { displayWidth } from "../core/text";

export interface WriteOptions {
  /** RangeFill.pattern is available (ExcelApi 1.9): tells "no fill" from a white fill exactly. */
  fillPattern: boolean;
  /** Range.getMergedAreasOrNullObject is available (ExcelApi 1.13): a merged non-master target is refused here. */
  merges?: boolean;
}

export { PartialWriteError };

/** undoOf(plan) with each `before` replaced by what the cell really held (number format and fill included). */
export interface ExcelUndoRecord extends UndoRecord {
  written?: WrittenCell[];
}

/** More cell writes than this suspend API calculation for the write sync (then one explicit recalculation). */
export const LARGE_WRITE = 200;

interface Target {
  sheet: string;
  address: string;
  range: Excel.Range;
  fill: Excel.RangeFill | null;
  /** Format → Protection → Locked, for a write to a protected sheet (ExcelApi 1.2). */
  lock: Excel.FormatProtection | null;
  merged: Excel.RangeAreas | null;
}

function loadTarget(
  sheets: Map<string, Excel.Worksheet>,
  sheet: string,
  address: string,
  withFill: boolean,
  options: WriteOptions,
  checks = true
): Target {
  const ws = sheets.get(sheet);
  if (!ws) throw new Error(`internal: sheet ${sheet} not queued`);
  const range = ws.getRange(address);
  range.load("values, formulas, numberFormat");
  // fill, lock and merged areas hang off the same range: every extra object costs request bytes per target
  // (a 2,000-cell plan's confirm request is megabytes through the real library, against a 5 MB limit)
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read --
     range.format is navigated to objects loaded on their own, not read */
  const fill: Excel.RangeFill | null = withFill ? range.format.fill : null;
  fill?.load(options.fillPattern ? "color, pattern" : "color");
  const lock = checks ? range.format.protection : null;
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
  lock?.load("locked");
  let merged: Excel.RangeAreas | null = null;
  if (checks && options.merges) {
    merged = range.getMergedAreasOrNullObject();
    merged.load("address");
  }
  return { sheet, address, range, fill, lock, merged };
}

function contentAt(t: Target): CellContent {
  return contentOf({
    value: t.range.values[0]?.[0],
    formula: t.range.formulas[0]?.[0],
    numFmt: t.range.numberFormat[0]?.[0],
  });
}

function fillAt(t: Target, options: WriteOptions): string | null | undefined {
  if (!t.fill) return undefined;
  return normalizeFill(t.fill.color, options.fillPattern ? t.fill.pattern : undefined);
}

function queueSheets(context: Excel.RequestContext, names: string[]): Map<string, Excel.Worksheet> {
  const map = new Map<string, Excel.Worksheet>();
  for (const name of names) {
    const ws = context.workbook.worksheets.getItem(name);
    // options.allowFormatCells: whether a protected sheet lets the unlocked cells' formats change too
    ws.protection.load("protected, options");
    map.set(name, ws);
  }
  return map;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** The first sync: Excel reports ItemNotFound when a target sheet was renamed or deleted since the check. */
async function syncChecks(
  context: Excel.RequestContext,
  sheetNames: string[],
  action: string
): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ItemNotFound") {
      const list = sheetNames.map((n) => `“${n}”`).join("、");
      throw new WriteRefused(`找不到工作表${list}（可能已改名或删除）：请重新检查后再${action}。`);
    }
    throw e;
  }
}

/**
 * A protected sheet takes writes to its unlocked cells (a template's input cells), and format changes only when
 * its protection allows formatting cells; anything else is refused with the cells named, nothing written.
 */
function refuseProtected(
  sheets: Map<string, Excel.Worksheet>,
  targets: Target[],
  formats: boolean[],
  action: string
): void {
  for (const [name, ws] of sheets) {
    if (!ws.protection.protected) continue;
    const mine = targets.map((t, i) => ({ t, i })).filter(({ t }) => t.sheet === name);
    const locked = mine.filter(({ t }) => t.lock?.locked !== false).map(({ t }) => t.address);
    const how = `请先撤销工作表保护（审阅 → 撤销工作表保护）后再${action}`;
    if (locked.length === mine.length)
      throw new WriteRefused(`工作表“${name}”受保护，无法写入：${how}。`, locked);
    if (locked.length > 0)
      throw new WriteRefused(
        `工作表“${name}”受保护，${locked.join("、")} 已锁定，无法写入：${how}，或在“设置单元格格式 → 保护”中取消其“锁定”。`,
        locked
      );
    const styled = mine.filter(({ i }) => formats[i]).map(({ t }) => t.address);
    if (styled.length > 0 && !ws.protection.options.allowFormatCells)
      throw new WriteRefused(
        `工作表“${name}”受保护且不允许设置单元格格式，${styled.join("、")} 需要更改格式（数字格式或填充色），无法写入：${how}。`,
        styled
      );
  }
}

/** A target inside a merged area but not its top-left cell: what is written there would not show. */
function refuseMerged(targets: Target[], formSheet: string): void {
  for (const t of targets) {
    if (!t.merged || t.merged.isNullObject) continue;
    const area = parseAreasAddress(t.merged.address)[0];
    if (!area) continue;
    const master = toA1(area.top, area.left);
    if (master === t.address.replace(/\$/g, "").toUpperCase()) continue;
    const name = cellName(formSheet, t.sheet, t.address);
    throw new WriteRefused(
      `${name} 位于合并单元格 ${rangeToA1(area)} 中，不是其左上角单元格，写入的内容不会显示：请重新检查后再写回（应写入 ${master}）。`,
      [t.address]
    );
  }
}

// ---- writing one cell without Excel re-interpreting it ----

type Content = { formula: string } | { value: CellValue };

type Step = { fmt: string } | { formula: string } | { value: string | number | boolean };

/**
 * The assignments that write a value or formula and leave the cell with number format `finalFmt`. Order matters
 * (commands run in queue order): a string Excel would parse (=1场, -5, 2024, TRUE …) goes into a cell formatted
 * "@" (text) first; a formula or a number never goes into a text-formatted cell (it would be stored as text). The
 * format is set afterwards; changing a format does not re-enter the content, so text stays text and a formula
 * stays a formula.
 */
function contentSteps(content: Content, currentFmt: string, finalFmt: string): Step[] {
  const steps: Step[] = [];
  let fmt = currentFmt;
  const setFmt = (f: string) => {
    if (f === fmt) return;
    steps.push({ fmt: f });
    fmt = f;
  };
  if ("formula" in content) {
    setFmt(finalFmt === "@" ? "General" : finalFmt);
    steps.push({ formula: content.formula });
  } else if (typeof content.value === "string") {
    setFmt(needsTextFormat(content.value) ? "@" : finalFmt);
    steps.push({ value: content.value });
  } else if (content.value === null) {
    steps.push({ value: "" });
  } else {
    setFmt(finalFmt === "@" ? "General" : finalFmt);
    steps.push({ value: content.value });
  }
  setFmt(finalFmt);
  return steps;
}

function writeContent(range: Excel.Range, steps: Step[]): void {
  for (const s of steps) {
    if ("fmt" in s) range.numberFormat = [[s.fmt]];
    else if ("formula" in s) range.formulas = [[s.formula]];
    else range.values = [[s.value]];
  }
}

const changesFormat = (steps: Step[] | null, fill: boolean) =>
  fill || (steps?.some((s) => "fmt" in s) ?? false);

function writeFill(range: Excel.Range, fill: string | null): void {
  if (fill === null) range.format.fill.clear();
  else range.format.fill.color = fill;
}

// ---- new sheets ----

function styleBlock(block: Excel.Range, look: SheetStyleLook): void {
  const font = block.format.font;
  font.name = SHEET_FONTS[look.font];
  font.size = look.size;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.color) font.color = look.color;
  if (look.fill) block.format.fill.color = look.fill;
  if (look.border)
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ] as const) {
      const b = block.format.borders.getItem(edge);
      b.style = "Continuous";
      b.color = SHEET_BORDER_COLOR;
    }
  block.format.horizontalAlignment =
    look.horizontal === "center" ? "Center" : look.horizontal === "right" ? "Right" : "Left";
  block.format.verticalAlignment = look.vertical === "top" ? "Top" : "Center";
  block.format.wrapText = look.wrap;
}

function queueNewSheet(
  sheets: Excel.WorksheetCollection,
  ns: NewSheet,
  name = ns.name
): Excel.Worksheet {
  const ws = sheets.add(name);
  const height = ns.rows.length;
  const width = Math.max(
    1,
    ns.columnWidths.length,
    ...ns.rows.map((r) => Math.max(r.cells.length, r.span ?? 1))
  );
  if (height > 0) {
    const values: (string | number)[][] = [];
    const formats: string[][] = [];
    for (const row of ns.rows) {
      const v: (string | number)[] = [];
      const f: string[] = [];
      for (let c = 0; c < width; c++) {
        const cell = row.cells[c];
        const value = cell?.value ?? "";
        v.push(value);
        // text Excel would parse stays text: the cell is formatted "@" before the values are assigned
        f.push(
          typeof value === "string" && needsTextFormat(value) ? "@" : (cell?.numFmt ?? "General")
        );
      }
      values.push(v);
      formats.push(f);
    }
    const all = ws.getRangeByIndexes(0, 0, height, width);
    all.numberFormat = formats;
    all.values = values; // ONE assignment for the whole sheet
    all.format.verticalAlignment = "Center";
  }
  // styles by runs of rows (a table row cell by cell: its first column and score bars read from the left)
  let start = 0;
  for (let i = 1; i <= height; i++) {
    if (i < height && ns.rows[i].style === ns.rows[start].style) continue;
    const style = ns.rows[start].style;
    if (style === "table")
      for (let c = 0; c < width; c++) {
        const bar = ns.rows
          .slice(start, i)
          .find((r) => tableCellLook(r.cells[c]?.value ?? null, 2).color);
        styleBlock(
          ws.getRangeByIndexes(start, c, i - start, 1),
          tableCellLook(bar?.cells[c]?.value ?? null, c + 1)
        );
      }
    else styleBlock(ws.getRangeByIndexes(start, 0, i - start, width), SHEET_STYLES[style]);
    start = i;
  }
  const totalChars = ns.columnWidths.reduce((a, b) => a + b, 0) || width * 10;
  ns.rows.forEach((row, i) => {
    const span = row.span ?? 1;
    let height = row.height;
    if (span > 1) {
      const area = ws.getRangeByIndexes(i, 0, 1, span);
      area.merge(false);
      area.format.horizontalAlignment = row.style === "title" ? "Center" : "Left";
      if (height === undefined) {
        // Excel does not autofit the height of merged cells: size paragraphs by their length
        const text = String(row.cells[0]?.value ?? "");
        const spanChars =
          ns.columnWidths.slice(0, span).reduce((a, b) => a + b, 0) || (totalChars * span) / width;
        const lines = Math.ceil(displayWidth(text) / Math.max(1, spanChars - 1));
        if (lines > 1) height = 15 * lines;
      }
    }
    if (height !== undefined)
      ws.getRangeByIndexes(i, 0, 1, 1).format.rowHeight = Math.min(409, height);
  });
  ns.columnWidths.forEach((chars, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(chars);
  });
  queueSheetExtras(ws, ns);
  return ws;
}

/** The summary's links, frozen header, filters, data bars and print setup (all within ExcelApi 1.9, the baseline). */
function queueSheetExtras(ws: Excel.Worksheet, ns: NewSheet): void {
  ns.rows.forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      // only links inside this workbook ("#'附件1'!H28"): the pane's summary never names another file
      if (!cell.link?.startsWith("#")) return;
      ws.getRangeByIndexes(i, c, 1, 1).hyperlink = {
        documentReference: cell.link.slice(1),
        textToDisplay: String(cell.value ?? ""),
      };
    })
  );
  const fr = ns.freeze;
  if (fr?.rows && fr.columns)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr.rows, fr.columns));
  else if (fr?.rows) ws.freezePanes.freezeRows(fr.rows);
  const f = ns.autoFilter;
  if (f)
    ws.autoFilter.apply(
      ws.getRangeByIndexes(
        f.row - 1,
        f.fromColumn - 1,
        Math.max(1, ns.rows.length - f.row + 1),
        f.toColumn - f.fromColumn + 1
      )
    );
  for (const bar of ns.dataBars ?? []) {
    const range = ws.getRangeByIndexes(
      bar.fromRow - 1,
      bar.column - 1,
      bar.toRow - bar.fromRow + 1,
      1
    );
    range.conditionalFormats.add("DataBar").dataBar.positiveFormat.fillColor = bar.color;
  }
  if (ns.print) {
    ws.pageLayout.orientation = ns.print.orientation === "landscape" ? "Landscape" : "Portrait";
    if (ns.print.fitToWidth)
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}

// ---- replacing a sheet (生成报告 a second time) ----

/** A replaced sheet as the undo needs it, read in the confirm sync. */
interface ReplacedTarget {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
}

function loadReplaced(context: Excel.RequestContext, name: string): ReplacedTarget {
  const ws = context.workbook.worksheets.getItem(name);
  ws.load("position, id");
  ws.protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex, columnIndex, values, formulas, numberFormat");
  return { name, ws, used };
}

/** The non-empty cells the replaced sheet holds now (what the undo writes back). */
function liveContent(t: ReplacedTarget, merges: string[]): SheetContent {
  const cells: SheetContent["cells"] = [];
  if (!t.used.isNullObject)
    t.used.values.forEach((row, r) =>
      row.forEach((raw, c) => {
        const content = contentOf({
          value: raw,
          formula: t.used.formulas[r]?.[c],
          numFmt: t.used.numberFormat[r]?.[c],
        });
        if ((content.value === null || content.value === "") && !content.formula) return;
        cells.push({
          address: toA1(t.used.rowIndex + r + 1, t.used.columnIndex + c + 1),
          value: content.value,
          ...(content.formula ? { formula: content.formula } : {}),
          ...(content.numFmt && content.numFmt !== "General" ? { numFmt: content.numFmt } : {}),
        });
      })
    );
  return { cells, merges };
}

const cellKeys = (x: SheetContent) =>
  JSON.stringify(
    x.cells.map((c) => [
      c.address,
      c.value ?? null,
      c.formula ? c.formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase() : null,
    ])
  );
const sameCells = (a: SheetContent, b: SheetContent) => cellKeys(a) === cellKeys(b);

/** A name no sheet has, for building the new sheet before the old one goes (nothing lost if a command fails). */
function stagingName(name: string, existing: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${name.slice(0, 24)}~${n}`;
    if (!existing.has(candidate.toLowerCase())) return candidate;
  }
}

/** Queues: build `ns` under a staging name, delete the old sheet, take its name and place. */
function queueReplace(
  collection: Excel.WorksheetCollection,
  existing: Set<string>,
  old: Excel.Worksheet,
  position: number,
  name: string,
  build: (stagingName: string) => Excel.Worksheet
): string {
  const staging = stagingName(name, existing);
  existing.add(staging.toLowerCase());
  const ws = build(staging);
  old.delete();
  ws.name = name;
  ws.position = position;
  return staging;
}

/** A sheet being replaced in the write sync: what a failure part way needs to leave the user a way back. */
interface Replacement {
  name: string;
  staging: string;
  /** The old sheet's id: still there after a failure means the old sheet was never deleted. */
  oldId: string;
  before: SheetContent;
  position: number;
}

/** Writes a replaced sheet's recorded cells and merges into `ws` (the undo). */
function queueContent(ws: Excel.Worksheet, content: SheetContent): void {
  for (const m of content.merges) if (m.includes(":")) ws.getRange(m).merge(false);
  for (const c of content.cells) {
    const range = ws.getRange(c.address);
    // a TRUE/FALSE cell goes back as a boolean: as text "true" it would need the "@" format and stay text
    writeContent(
      range,
      contentSteps(
        c.formula ? { formula: c.formula } : { value: c.value },
        "General",
        c.numFmt ?? "General"
      )
    );
  }
}

// ---- apply ----

/** The undo of `plan` with each `before` replaced by what the cell really held (number format and fill). */
function recordOf(
  plan: WritePlan,
  current: CellContent[],
  targets: Target[],
  options: WriteOptions
): ExcelUndoRecord {
  const record: ExcelUndoRecord = undoOf(plan);
  record.restores = record.restores.map((r, i) => {
    const cur = current[i];
    const fill = fillAt(targets[i], options);
    const before: CellSnapshot = { ...r.before, value: cur.value, numFmt: cur.numFmt };
    if (cur.formula) before.formula = cur.formula;
    else delete before.formula;
    if (fill !== undefined) before.fill = fill;
    return { ...r, before };
  });
  record.written = writtenOf(plan);
  return record;
}

/**
 * After a write sync failed: one more sync finds which target cells hold what the plan wrote and which new
 * sheets exist, and returns the error to throw — PartialWriteError with the undo of exactly that, or the
 * original error when nothing was written.
 */
async function afterFailure(
  context: Excel.RequestContext,
  error: unknown,
  plan: WritePlan,
  record: ExcelUndoRecord,
  sheets: Map<string, Excel.Worksheet>,
  existing: Set<string>,
  options: WriteOptions,
  replacements: Replacement[] = []
): Promise<unknown> {
  const reason = (error as { message?: string }).message ?? String(error);
  let now: { content: CellContent; fill: string | null | undefined }[];
  let live: string[];
  let liveIds: string[];
  try {
    const collection = context.workbook.worksheets;
    collection.load("items/name, items/id");
    const withFill = plan.writes.some((w) => w.fill !== undefined);
    const again = plan.writes.map((w) =>
      loadTarget(sheets, w.sheet, w.address, withFill, options, false)
    );
    await context.sync();
    now = again.map((t) => ({ content: contentAt(t), fill: fillAt(t, options) }));
    live = collection.items.map((s) => s.name.toLowerCase());
    liveIds = collection.items.map((s) => s.id);
  } catch {
    return new Error(
      `写回中途失败（${reason}），且无法确认已写入了哪些单元格：请在 Excel 中检查，必要时按 Ctrl+Z 撤销。`
    );
  }
  const written = record.written ?? [];
  const keep = plan.writes.map((w, i) =>
    w.fillOnly
      ? w.fill !== undefined && now[i].fill === (w.fill?.toUpperCase() ?? null)
      : holds(now[i].content, { value: w.value, formula: w.formula }, false)
  );
  // a sheet the plan adds is ours when it exists now and did not at the check — unless Excel said the name was
  // taken (a co-author's sheet of that name arrived between the two syncs): that one is never deleted
  const taken = (error as { code?: string }).code === "ItemAlreadyExists";
  const added = taken
    ? []
    : plan.newSheets
        .map((ns) => ns.name)
        .filter((n) => live.includes(n.toLowerCase()) && !existing.has(n.toLowerCase()));
  // a replaced sheet: once the old one is deleted, the undo must bring it back (its name holds the new sheet, or
  // nothing when the rename did not happen); a staging sheet left behind is ours and goes with the undo
  const replaced: NonNullable<ExcelUndoRecord["replacedSheets"]> = [];
  const states: { name: string; staging: string; state: ReplacementState }[] = [];
  for (const rep of replacements) {
    const oldGone = !liveIds.includes(rep.oldId);
    const stagingLeft = live.includes(rep.staging.toLowerCase());
    if (oldGone) {
      replaced.push({ name: rep.name, before: rep.before, position: rep.position });
      added.push(rep.name);
    }
    // with the old sheet still there, a sheet of the staging name is ours unless Excel said a name was taken
    if (stagingLeft && (oldGone || !taken)) added.push(rep.staging);
    if (oldGone || (stagingLeft && !taken))
      states.push({
        name: rep.name,
        staging: rep.staging,
        state: replacementState(oldGone, stagingLeft),
      });
  }
  const partial: ExcelUndoRecord = {
    restores: record.restores.filter((_, i) => keep[i]),
    addedSheets: added,
    written: written.filter((_, i) => keep[i]),
    ...(replaced.length ? { replacedSheets: replaced } : {}),
  };
  if (partial.restores.length === 0 && added.length === 0) return error;
  const cells = partial.restores.map((r) => cellName(plan.sheet, r.sheet, r.address));
  // sheets added outright (a replacement's sheets are told of in its own words)
  const newSheets = added.filter((n) => !replacements.some((r) => r.name === n || r.staging === n));
  return new PartialWriteError(partialWriteMessage(reason, cells, states, newSheets), partial);
}

/**
 * Applies a WritePlan: one sync to confirm (protection and locked cells, merged areas, sheet names, each target
 * cell), one sync to write. Throws WriteRefused — with nothing written — for a locked cell of a protected sheet, a
 * merged non-master target, a cell changed since the check, or a new sheet whose name is taken. Returns what the
 * undo needs to put every cell back exactly; if the write sync fails part way, throws PartialWriteError with it.
 */
export async function applyPlanIn(
  context: Excel.RequestContext,
  plan: WritePlan,
  options: WriteOptions
): Promise<ExcelUndoRecord> {
  const action = "写回";
  // ---- sync 1: everything the checks need ----
  const sheetNames = unique(plan.writes.map((w) => w.sheet));
  const collection = context.workbook.worksheets;
  collection.load("items/name");
  let bookProtection: Excel.WorkbookProtection | null = null;
  if (plan.newSheets.length > 0) {
    bookProtection = context.workbook.protection;
    bookProtection.load("protected");
  }
  const sheets = queueSheets(context, sheetNames);
  const withFill = plan.writes.some((w) => w.fill !== undefined || w.fillOnly);
  const targets = plan.writes.map((w) => loadTarget(sheets, w.sheet, w.address, withFill, options));
  const replacing = plan.newSheets.flatMap((ns) =>
    ns.replaces ? [{ ns, r: ns.replaces, t: loadReplaced(context, ns.replaces.name) }] : []
  );
  await syncChecks(context, [...sheetNames, ...replacing.map((x) => x.r.name)], action);

  // ---- checks: nothing is written unless all pass ----
  const current = targets.map(contentAt);
  const steps = plan.writes.map((w, i) =>
    w.fillOnly
      ? null
      : contentSteps(
          w.formula ? { formula: w.formula } : { value: w.value },
          current[i].numFmt,
          w.numFmt ?? current[i].numFmt
        )
  );
  refuseProtected(
    sheets,
    targets,
    plan.writes.map((w, i) => changesFormat(steps[i], w.fill !== undefined)),
    action
  );
  refuseMerged(targets, plan.sheet);
  const stale = plan.writes
    .map((w, i) => ({ w, content: current[i], name: cellName(plan.sheet, w.sheet, w.address) }))
    .filter(
      ({ w, content }) => !holds(content, { value: w.before.value, formula: w.before.formula })
    );
  if (stale.length > 0)
    throw new WriteRefused(
      `${changedCells(stale, "在检查之后被修改过")}：请重新检查后再写回。`,
      stale.map((x) => x.w.address)
    );
  const existing = new Set(collection.items.map((s) => s.name.toLowerCase()));
  const before = new Set(existing);
  const live = new Map<string, SheetContent>();
  for (const { r, t } of replacing) {
    if (r.protected || t.ws.protection.protected)
      throw new WriteRefused(replaceProtectedMessage(r.name));
    const now = liveContent(t, r.before.merges);
    // the undo must give back what the sheet holds now: refuse if it changed since the check
    if (!sameCells(now, r.before))
      throw new WriteRefused(replaceChangedMessage(r.name, r.before, now));
    live.set(r.name, now);
  }
  for (const ns of plan.newSheets) {
    if (ns.replaces) continue;
    if (existing.has(ns.name.toLowerCase()))
      throw new WriteRefused(`工作簿中已有名为“${ns.name}”的工作表：请将其改名或删除后再写回。`);
    existing.add(ns.name.toLowerCase());
  }
  if (bookProtection?.protected)
    throw new WriteRefused(
      `工作簿结构受保护，无法添加工作表“${plan.newSheets[0].name}”：请先撤销工作簿保护（审阅 → 保护工作簿）后再写回。`
    );

  // the undo is known before anything is written: a failure part way still leaves the user a way back
  const record = recordOf(plan, current, targets, options);
  if (replacing.length)
    record.replacedSheets = replacing.map(({ r, t }) => ({
      name: r.name,
      before: live.get(r.name) ?? r.before,
      position: t.ws.position,
    }));

  // ---- sync 2: write everything ----
  const contentWrites = plan.writes.filter((w) => !w.fillOnly).length;
  const heavy = contentWrites > LARGE_WRITE;
  if (heavy) context.application.suspendApiCalculationUntilNextSync();
  // new sheets first: a name taken in the meantime stops the sync before any cell of the form changes; a
  // replaced sheet is built under a staging name before the old one goes, then takes its name and place
  const replacements: Replacement[] = [];
  for (const ns of plan.newSheets) {
    const rep = replacing.find((x) => x.ns === ns);
    if (!rep) queueNewSheet(collection, ns);
    else {
      const position = rep.t.ws.position;
      const staging = queueReplace(collection, existing, rep.t.ws, position, ns.name, (s) =>
        queueNewSheet(collection, ns, s)
      );
      const before = live.get(rep.r.name) ?? rep.r.before;
      replacements.push({ name: ns.name, staging, oldId: rep.t.ws.id, before, position });
    }
  }
  plan.writes.forEach((w, i) => {
    const t = targets[i];
    const cellSteps = steps[i];
    if (cellSteps) writeContent(t.range, cellSteps);
    if (w.fill !== undefined) writeFill(t.range, w.fill);
  });
  // calculation was suspended for this batch: recalculate so the written total and grade show their results
  if (heavy) context.application.calculate("Recalculate");
  try {
    await context.sync();
  } catch (e) {
    throw await afterFailure(context, e, plan, record, sheets, before, options, replacements);
  }
  return record;
}

// ---- undo ----

/**
 * Puts back every cell the plan wrote and deletes the sheets it added: one sync to confirm that the cells still
 * hold what the plan wrote (otherwise WriteRefused, nothing restored), one sync to restore.
 */
export async function undoIn(
  context: Excel.RequestContext,
  record: ExcelUndoRecord,
  options: WriteOptions
): Promise<void> {
  const action = "撤销写回";
  const sheetNames = unique(record.restores.map((r) => r.sheet));
  const collection = context.workbook.worksheets;
  collection.load("items/name");
  const sheets = queueSheets(context, sheetNames);
  const withFill =
    record.restores.some((r) => r.fillOnly || r.before.fill !== undefined) ||
    (record.written ?? []).some((w) => w.fill !== undefined);
  const checkOptions = { ...options, merges: false }; // the undo puts back what was there, merged or not
  const targets = record.restores.map((r) =>
    loadTarget(sheets, r.sheet, r.address, withFill, checkOptions)
  );
  await syncChecks(context, sheetNames, action);

  const current = targets.map(contentAt);
  const written = record.written;
  // the fill is put back only where the plan changed it
  const fillBack = record.restores.map((r, i) => {
    const changed = written
      ? written[i]?.fill !== undefined
      : r.fillOnly || r.before.fill !== undefined;
    return changed && r.before.fill !== undefined;
  });
  const steps = record.restores.map((r, i) =>
    r.fillOnly
      ? null
      : contentSteps(
          r.before.formula ? { formula: r.before.formula } : { value: r.before.value ?? null },
          current[i].numFmt,
          r.before.numFmt ?? current[i].numFmt
        )
  );
  refuseProtected(
    sheets,
    targets,
    record.restores.map((_, i) => changesFormat(steps[i], fillBack[i])),
    action
  );
  if (written && written.length === record.restores.length) {
    const oneSheet = sheetNames.length === 1 ? sheetNames[0] : "";
    const changed = written
      .map((w, i) => ({ w, i, content: current[i], name: cellName(oneSheet, w.sheet, w.address) }))
      .filter(({ w, i, content }) =>
        w.fillOnly
          ? w.fill !== undefined &&
            targets[i].fill !== null &&
            fillAt(targets[i], options) !== (w.fill?.toUpperCase() ?? null)
          : !holds(content, { value: w.value, formula: w.formula }, false)
      );
    if (changed.length > 0)
      throw new WriteRefused(
        `${changedCells(changed, "在写回之后又被修改过")}：撤销会覆盖这些修改，请手动恢复这些单元格，或重新检查后再写回。`,
        changed.map((x) => x.w.address)
      );
  }

  const live = new Set(collection.items.map((s) => s.name));
  const existing = new Set(collection.items.map((s) => s.name.toLowerCase()));
  if (record.restores.length > LARGE_WRITE)
    context.application.suspendApiCalculationUntilNextSync();
  record.restores.forEach((r, i) => {
    const t = targets[i];
    const cellSteps = steps[i];
    if (cellSteps) writeContent(t.range, cellSteps);
    if (fillBack[i] && r.before.fill !== undefined) writeFill(t.range, r.before.fill);
  });
  for (const name of record.addedSheets) {
    const replaced = record.replacedSheets?.find((r) => r.name === name);
    if (!live.has(name)) {
      // the new sheet is gone already: the replaced one still comes back
      if (replaced && !existing.has(name.toLowerCase())) {
        const ws = collection.add(name);
        queueContent(ws, replaced.before);
        ws.position = replaced.position ?? 0;
      }
      continue;
    }
    // a replaced sheet comes back (its cells, formats of numbers and merges) before the new one goes
    if (replaced)
      queueReplace(
        collection,
        existing,
        collection.getItem(name),
        replaced.position ?? 0,
        name,
        (staging) => {
          const ws = collection.add(staging);
          queueContent(ws, replaced.before);
          return ws;
        }
      );
    else collection.getItem(name).delete();
  }
  if (record.restores.length > LARGE_WRITE) context.application.calculate("Recalculate");
  await context.sync();
}
