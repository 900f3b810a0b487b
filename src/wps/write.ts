// WritePlan → WPS ET object model, and its undo. The model is synchronous, so "confirm, then write" is two
// passes: the first only reads (sheets, protection, merged areas, every target cell) and throws WriteRefused
// with nothing written; the second writes. Content rules are the Office.js gateway's (src/excel/cells.ts).
import type { CellValue } from "../core/grid";
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
import { displayWidth } from "../core/text";
import {
  CellContent,
  cellName,
  changedCells,
  contentOf,
  holds,
  needsTextFormat,
} from "../excel/cells";
import { readSheet, rows2d } from "./read";
import { replaceChangedMessage, replaceProtectedMessage, sheetContent } from "../core/planReplace";
import { activeWorkbook } from "./read";
import { EtApplication, EtRange, EtWorkbook, EtWorksheet, fromBgr, toBgr, XL } from "./et";

/** undoOf(plan) with each `before` replaced by what the cell really held (number format and fill included). */
export interface WpsUndoRecord extends UndoRecord {
  written?: WrittenCell[];
}

interface Target {
  sheet: string;
  address: string;
  range: EtRange;
  content: CellContent;
  fill?: string | null;
}

const unique = (xs: string[]) => [...new Set(xs)];

function sheetsByName(book: EtWorkbook, names: string[], action: string): Map<string, EtWorksheet> {
  const map = new Map<string, EtWorksheet>();
  const missing: string[] = [];
  for (const name of names) {
    try {
      map.set(name, book.Worksheets.Item(name));
    } catch {
      missing.push(name);
    }
  }
  if (missing.length > 0)
    throw new WriteRefused(
      `找不到工作表${missing.map((n) => `“${n}”`).join("、")}（可能已改名或删除）：请重新检查后再${action}。`
    );
  return map;
}

function refuseProtected(
  sheets: Map<string, EtWorksheet>,
  targets: { sheet: string; address: string }[],
  action: string
): void {
  for (const [name, ws] of sheets) {
    if (!ws.ProtectContents) continue;
    throw new WriteRefused(
      `工作表“${name}”受保护，无法写入：请先撤销工作表保护（审阅 → 撤销工作表保护）后再${action}。`,
      targets.filter((t) => t.sheet === name).map((t) => t.address)
    );
  }
}

function fillOf(range: EtRange): string | null {
  const interior = range.Interior;
  if (interior.Pattern === XL.patternNone) return null;
  return fromBgr(interior.Color);
}

function readTarget(ws: EtWorksheet, sheet: string, address: string, withFill: boolean): Target {
  const range = ws.Range(address);
  const cell = (v: unknown) => rows2d(v, 1, 1)[0][0];
  const content = contentOf({
    value: cell(range.Value2),
    formula: cell(range.Formula),
    numFmt: range.NumberFormat,
  });
  const t: Target = { sheet, address, range, content };
  if (withFill) t.fill = fillOf(range);
  return t;
}

/** A target inside a merged area but not its top-left cell: WPS would write nowhere visible. */
function refuseMerged(targets: Target[], formSheet: string, action: string): void {
  const bad = targets.filter((t) => {
    if (t.range.MergeCells !== true) return false;
    const area = t.range.MergeArea.Address(false, false);
    return !area.startsWith(`${t.address}:`) && area !== t.address;
  });
  if (bad.length > 0)
    throw new WriteRefused(
      `${bad.map((t) => cellName(formSheet, t.sheet, t.address)).join("、")} 在检查之后被合并到其他单元格中：请重新检查后再${action}。`,
      bad.map((t) => t.address)
    );
}

// ---- writing one cell without WPS re-interpreting it ----

type Content = { formula: string } | { value: CellValue };

/** As the Office.js gateway: text WPS would parse goes into a "@" cell; a formula or number never does. */
function writeContent(
  range: EtRange,
  content: Content,
  currentFmt: string,
  finalFmt: string
): void {
  let fmt = currentFmt;
  const setFmt = (f: string) => {
    if (f === fmt) return;
    range.NumberFormat = f;
    fmt = f;
  };
  if ("formula" in content) {
    setFmt(finalFmt === "@" ? "General" : finalFmt);
    range.Formula = content.formula;
  } else if (typeof content.value === "string") {
    setFmt(needsTextFormat(content.value) ? "@" : finalFmt);
    range.Value2 = content.value;
  } else if (content.value === null) {
    range.Value2 = "";
  } else {
    setFmt(finalFmt === "@" ? "General" : finalFmt);
    range.Value2 = content.value;
  }
  setFmt(finalFmt);
}

function writeFill(range: EtRange, fill: string | null): void {
  if (fill === null) range.Interior.Pattern = XL.patternNone;
  else range.Interior.Color = toBgr(fill);
}

// ---- the report sheet ----

const EDGES = [
  XL.edgeTop,
  XL.edgeBottom,
  XL.edgeLeft,
  XL.edgeRight,
  XL.insideHorizontal,
  XL.insideVertical,
];

function styleBlock(block: EtRange, look: SheetStyleLook): void {
  const font = block.Font;
  font.Name = SHEET_FONTS[look.font];
  font.Size = look.size;
  if (look.bold) font.Bold = true;
  if (look.italic) font.Italic = true;
  if (look.color) font.Color = toBgr(look.color);
  if (look.fill) block.Interior.Color = toBgr(look.fill);
  if (look.border)
    for (const edge of EDGES) {
      const b = block.Borders.Item(edge);
      b.LineStyle = XL.continuous;
      b.Color = toBgr(SHEET_BORDER_COLOR);
    }
  block.HorizontalAlignment =
    look.horizontal === "center" ? XL.center : look.horizontal === "right" ? XL.right : XL.left;
  block.VerticalAlignment = look.vertical === "top" ? XL.top : XL.center;
  block.WrapText = look.wrap;
}

const area = (top: number, left: number, height: number, width: number) =>
  `${colName(left)}${top}:${colName(left + width - 1)}${top + height - 1}`;

function colName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function addSheet(
  book: EtWorkbook,
  ns: NewSheet,
  name = ns.name,
  after?: EtWorksheet
): EtWorksheet {
  const list = book.Worksheets;
  const ws = list.Add(null, after ?? list.Item(list.Count));
  ws.Name = name;
  const height = ns.rows.length;
  const width = Math.max(
    1,
    ns.columnWidths.length,
    ...ns.rows.map((r) => Math.max(r.cells.length, r.span ?? 1))
  );
  if (height > 0) {
    const values: (string | number)[][] = ns.rows.map((row) =>
      Array.from({ length: width }, (_, c) => row.cells[c]?.value ?? "")
    );
    // formats before values: text WPS would parse is stored as text only in a "@" cell
    ns.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        const v = cell?.value;
        const fmt = typeof v === "string" && needsTextFormat(v) ? "@" : cell?.numFmt;
        if (fmt && fmt !== "General") ws.Range(area(r + 1, c + 1, 1, 1)).NumberFormat = fmt;
      })
    );
    const all = ws.Range(area(1, 1, height, width));
    all.Value2 = values; // ONE assignment for the whole sheet
    all.VerticalAlignment = XL.center;
  }
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
          ws.Range(area(start + 1, c + 1, i - start, 1)),
          tableCellLook(bar?.cells[c]?.value ?? null, c + 1)
        );
      }
    else styleBlock(ws.Range(area(start + 1, 1, i - start, width)), SHEET_STYLES[style]);
    start = i;
  }
  const totalChars = ns.columnWidths.reduce((a, b) => a + b, 0) || width * 10;
  ns.rows.forEach((row, i) => {
    const span = row.span ?? 1;
    let rowHeight = row.height;
    if (span > 1) {
      const merged = ws.Range(area(i + 1, 1, 1, span));
      merged.Merge(false);
      merged.HorizontalAlignment = row.style === "title" ? XL.center : XL.left;
      if (rowHeight === undefined) {
        // merged cells do not autofit their height: size paragraphs by their length
        const text = String(row.cells[0]?.value ?? "");
        const spanChars =
          ns.columnWidths.slice(0, span).reduce((a, b) => a + b, 0) || (totalChars * span) / width;
        const lines = Math.ceil(displayWidth(text) / Math.max(1, spanChars - 1));
        if (lines > 1) rowHeight = 15 * lines;
      }
    }
    if (rowHeight !== undefined)
      ws.Range(area(i + 1, 1, 1, 1)).RowHeight = Math.min(409, rowHeight);
  });
  // ColumnWidth is in characters here (Office.js takes points)
  ns.columnWidths.forEach((chars, c) => {
    ws.Range(area(1, c + 1, 1, 1)).ColumnWidth = chars;
  });
  return ws;
}

/** Worksheets.Add activates the new sheet; the user stays on the form, as in Excel. */
function addSheets(
  app: EtApplication,
  book: EtWorkbook,
  sheets: NewSheet[],
  replacing: Map<NewSheet, EtWorksheet>,
  progress: Map<NewSheet, ReplaceProgress>
): void {
  if (sheets.length === 0) return;
  const active = book.ActiveSheet.Name;
  for (const ns of sheets) {
    const old = replacing.get(ns);
    if (!old) addSheet(book, ns);
    else {
      const step: ReplaceProgress = { staging: "", oldDeleted: false };
      progress.set(ns, step);
      replaceSheet(app, book, old, ns.name, (staging) => addSheet(book, ns, staging, old), step);
    }
  }
  book.Worksheets.Item(active).Activate();
}

// ---- replacing a sheet (生成报告 a second time) ----

const cellKeys = (x: SheetContent) =>
  JSON.stringify(
    x.cells.map((c) => [
      c.address,
      c.value ?? null,
      c.formula ? c.formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase() : null,
    ])
  );

/** A name no sheet has, for building the new sheet before the old one goes (nothing lost if a call fails). */
function stagingName(book: EtWorkbook, name: string): string {
  const list = book.Worksheets;
  const taken = new Set<string>();
  for (let i = 1, n = list.Count; i <= n; i++) taken.add(list.Item(i).Name.toLowerCase());
  for (let n = 1; ; n++) {
    const candidate = `${name.slice(0, 24)}~${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** How far a replacement went: what a call failing part way leaves to undo (the ET model is synchronous). */
interface ReplaceProgress {
  staging: string;
  oldDeleted: boolean;
}

/** Builds the new sheet right after the old one under a staging name, deletes the old one, takes its name. */
function replaceSheet(
  app: EtApplication,
  book: EtWorkbook,
  old: EtWorksheet,
  name: string,
  build: (staging: string) => EtWorksheet,
  progress: ReplaceProgress = { staging: "", oldDeleted: false }
): void {
  progress.staging = stagingName(book, name);
  const ws = build(progress.staging);
  // Delete() asks the user to confirm unless alerts are off
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    old.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
  progress.oldDeleted = true;
  ws.Name = name;
}

/** Writes a replaced sheet's recorded cells and merges into `ws` (the undo). */
function writeSheetContent(ws: EtWorksheet, content: SheetContent): void {
  for (const m of content.merges) if (m.includes(":")) ws.Range(m).Merge(false);
  for (const c of content.cells) {
    // a TRUE/FALSE cell goes back as a boolean, not as the text "true"
    writeContent(
      ws.Range(c.address),
      c.formula ? { formula: c.formula } : { value: c.value },
      "General",
      c.numFmt ?? "General"
    );
  }
}

// ---- apply ----

/**
 * Applies a WritePlan: reads everything the checks need, throws WriteRefused — nothing written — for a protected
 * sheet, a target merged into another cell, a cell changed since the check, or a new sheet whose name is taken;
 * then writes. Returns what the undo needs to put every cell back exactly.
 */
export function applyPlanEt(app: EtApplication, plan: WritePlan): WpsUndoRecord {
  const action = "写回";
  const book = activeWorkbook(app);
  const names = unique(plan.writes.map((w) => w.sheet));
  const sheets = sheetsByName(book, names, action);
  refuseProtected(sheets, plan.writes, action);
  const withFill = plan.writes.some((w) => w.fill !== undefined || w.fillOnly);
  const targets = plan.writes.map((w) =>
    readTarget(sheets.get(w.sheet)!, w.sheet, w.address, withFill)
  );
  refuseMerged(targets, plan.sheet, action);
  const stale = plan.writes
    .map((w, i) => ({
      w,
      content: targets[i].content,
      name: cellName(plan.sheet, w.sheet, w.address),
    }))
    .filter(
      ({ w, content }) => !holds(content, { value: w.before.value, formula: w.before.formula })
    );
  if (stale.length > 0)
    throw new WriteRefused(
      `${changedCells(stale, "在检查之后被修改过")}：请重新检查后再写回。`,
      stale.map((x) => x.w.address)
    );
  const replacing = new Map<NewSheet, EtWorksheet>();
  const replaced: NonNullable<UndoRecord["replacedSheets"]> = [];
  for (const ns of plan.newSheets) {
    const r = ns.replaces;
    if (!r) continue;
    const ws = sheetsByName(book, [r.name], "生成").get(r.name)!;
    if (r.protected || ws.ProtectContents) throw new WriteRefused(replaceProtectedMessage(r.name));
    // the undo must give back what the sheet holds now: refuse if it changed since the check
    const now = sheetContent(readSheet(ws, r.name));
    if (cellKeys(now) !== cellKeys(r.before))
      throw new WriteRefused(replaceChangedMessage(r.name, r.before, now));
    replacing.set(ns, ws);
    // its place in the tabs (0-based), for an undo that must add it back after a failure deleted it
    const position = sheetNamesOf(book).findIndex((n) => n === r.name);
    replaced.push({ name: r.name, before: now, position });
  }
  if (plan.newSheets.length > 0) {
    const list = book.Worksheets;
    const existing = new Set<string>();
    for (let i = 1, n = list.Count; i <= n; i++) existing.add(list.Item(i).Name.toLowerCase());
    for (const ns of plan.newSheets) {
      if (ns.replaces) continue;
      if (existing.has(ns.name.toLowerCase()))
        throw new WriteRefused(`工作簿中已有名为“${ns.name}”的工作表：请将其改名或删除后再写回。`);
      existing.add(ns.name.toLowerCase());
    }
    if (book.ProtectStructure)
      throw new WriteRefused(
        `工作簿结构受保护，无法添加工作表“${plan.newSheets[0].name}”：请先撤销工作簿保护（审阅 → 保护工作簿）后再写回。`
      );
  }

  // ---- every check passed: write ----
  // the undo is known before anything is written: a call failing part way still leaves the user a way back
  const record: WpsUndoRecord = undoOf(plan);
  if (replaced.length) record.replacedSheets = replaced;
  record.restores = record.restores.map((r, i) => {
    const cur = targets[i].content;
    const before: CellSnapshot = { ...r.before, value: cur.value, numFmt: cur.numFmt };
    if (cur.formula) before.formula = cur.formula;
    else delete before.formula;
    if (targets[i].fill !== undefined) before.fill = targets[i].fill;
    return { ...r, before };
  });
  record.written = writtenOf(plan);
  const sheetsBefore = sheetNamesOf(book);
  const progress = new Map<NewSheet, ReplaceProgress>();
  let done = 0;
  try {
    plan.writes.forEach((w, i) => {
      const t = targets[i];
      if (!w.fillOnly) {
        const content: Content = w.formula ? { formula: w.formula } : { value: w.value };
        writeContent(t.range, content, t.content.numFmt, w.numFmt ?? t.content.numFmt);
      }
      if (w.fill !== undefined) writeFill(t.range, w.fill);
      done = i + 1;
    });
    addSheets(app, book, plan.newSheets, replacing, progress);
  } catch (e) {
    throw partialFailure(e, { book, plan, record, sheets, done, sheetsBefore, progress });
  }
  return record;
}

function sheetNamesOf(book: EtWorkbook): string[] {
  const list = book.Worksheets;
  const names: string[] = [];
  for (let i = 1, n = list.Count; i <= n; i++) names.push(list.Item(i).Name);
  return names;
}

/**
 * A WPS call failed part way through the writes: what was written so far becomes a PartialWriteError carrying its
 * undo (the cells written, the sheets added, a replaced sheet to bring back). Nothing written: the error itself.
 */
function partialFailure(
  error: unknown,
  at: {
    book: EtWorkbook;
    plan: WritePlan;
    record: WpsUndoRecord;
    sheets: Map<string, EtWorksheet>;
    done: number;
    sheetsBefore: string[];
    progress: Map<NewSheet, ReplaceProgress>;
  }
): unknown {
  const { book, plan, record, done } = at;
  const reason = error instanceof Error && error.message ? error.message : String(error);
  let now: string[];
  let failingHolds = false;
  try {
    now = sheetNamesOf(book);
    // the write that failed may have put its value in before its fill failed
    const w = plan.writes[done];
    if (w && !w.fillOnly) {
      const t = readTarget(at.sheets.get(w.sheet)!, w.sheet, w.address, false);
      failingHolds = holds(t.content, { value: w.value, formula: w.formula }, false);
    }
  } catch {
    return new Error(
      `写回中途失败（${reason}），且无法确认已写入了哪些单元格：请在 WPS 中检查，必要时按 Ctrl+Z 撤销。`
    );
  }
  const kept = done + (failingHolds ? 1 : 0);
  const before = new Set(at.sheetsBefore.map((n) => n.toLowerCase()));
  const added = now.filter((n) => !before.has(n.toLowerCase()));
  const replacedSheets: NonNullable<UndoRecord["replacedSheets"]> = [];
  const states: { name: string; staging: string; state: ReplacementState }[] = [];
  for (const [ns, step] of at.progress) {
    const stagingLeft = added.includes(step.staging);
    if (step.oldDeleted) {
      const old = record.replacedSheets?.find((r) => r.name === ns.name);
      if (old) replacedSheets.push(old);
      added.push(ns.name);
    }
    if (step.oldDeleted || stagingLeft)
      states.push({
        name: ns.name,
        staging: step.staging,
        state: replacementState(step.oldDeleted, stagingLeft),
      });
  }
  const partial: WpsUndoRecord = {
    restores: record.restores.slice(0, kept),
    addedSheets: added,
    written: (record.written ?? []).slice(0, kept),
    ...(replacedSheets.length ? { replacedSheets } : {}),
  };
  if (partial.restores.length === 0 && added.length === 0) return error;
  const cells = partial.restores.map((r) => cellName(plan.sheet, r.sheet, r.address));
  // sheets added outright (a replacement's sheets are told of in its own words)
  const ofReplacements = [...at.progress].flatMap(([ns, step]) => [ns.name, step.staging]);
  const newSheets = added.filter((n) => !ofReplacements.includes(n));
  return new PartialWriteError(partialWriteMessage(reason, cells, states, newSheets), partial);
}

// ---- undo ----

/** Puts back every cell the plan wrote and deletes the sheets it added, after confirming nobody changed them. */
export function undoEt(app: EtApplication, record: WpsUndoRecord): void {
  const action = "撤销写回";
  const book = activeWorkbook(app);
  const names = unique(record.restores.map((r) => r.sheet));
  const sheets = sheetsByName(book, names, action);
  refuseProtected(sheets, record.restores, action);
  const withFill =
    record.restores.some((r) => r.fillOnly || r.before.fill !== undefined) ||
    (record.written ?? []).some((w) => w.fill !== undefined);
  const targets = record.restores.map((r) =>
    readTarget(sheets.get(r.sheet)!, r.sheet, r.address, withFill)
  );
  const written = record.written;
  if (written && written.length === record.restores.length) {
    const oneSheet = names.length === 1 ? names[0] : "";
    const changed = written
      .map((w, i) => ({
        w,
        i,
        content: targets[i].content,
        name: cellName(oneSheet, w.sheet, w.address),
      }))
      .filter(({ w, i, content }) =>
        w.fillOnly
          ? w.fill !== undefined &&
            targets[i].fill !== undefined &&
            targets[i].fill !== (w.fill?.toUpperCase() ?? null)
          : !holds(content, { value: w.value, formula: w.formula }, false)
      );
    if (changed.length > 0)
      throw new WriteRefused(
        `${changedCells(changed, "在写回之后又被修改过")}：撤销会覆盖这些修改，请手动恢复这些单元格，或重新检查后再写回。`,
        changed.map((x) => x.w.address)
      );
  }

  record.restores.forEach((r, i) => {
    const t = targets[i];
    const b = r.before;
    if (!r.fillOnly) {
      const content: Content = b.formula ? { formula: b.formula } : { value: b.value ?? null };
      writeContent(t.range, content, t.content.numFmt, b.numFmt ?? t.content.numFmt);
    }
    const fillChanged = written
      ? written[i]?.fill !== undefined
      : r.fillOnly || b.fill !== undefined;
    if (fillChanged && b.fill !== undefined) writeFill(t.range, b.fill);
  });
  if (record.addedSheets.length > 0) {
    const list = book.Worksheets;
    const live = new Map<string, EtWorksheet>();
    for (let i = 1, n = list.Count; i <= n; i++) {
      const ws = list.Item(i);
      live.set(ws.Name, ws);
    }
    // Delete() asks the user to confirm unless alerts are off
    const alerts = app.DisplayAlerts;
    const active = book.ActiveSheet.Name;
    app.DisplayAlerts = false;
    try {
      for (const name of record.addedSheets) {
        const replaced = record.replacedSheets?.find((r) => r.name === name);
        const ws = live.get(name);
        if (!replaced) ws?.Delete();
        // a replaced sheet comes back (its cells, number formats and merges) in the new one's place
        else if (ws)
          replaceSheet(app, book, ws, name, (staging) => {
            const back = list.Add(null, ws);
            back.Name = staging;
            writeSheetContent(back, replaced.before);
            return back;
          });
        else {
          // the old sheet's place, where a sheet still stands there; else the end
          const at = replaced.position ?? list.Count;
          const back =
            at < list.Count
              ? list.Add(list.Item(at + 1), null)
              : list.Add(null, list.Item(list.Count));
          back.Name = name;
          writeSheetContent(back, replaced.before);
        }
      }
      // Worksheets.Add activated the restored sheet: the user stays where they were
      if (record.replacedSheets?.length && !record.addedSheets.includes(active))
        book.Worksheets.Item(active).Activate();
    } finally {
      app.DisplayAlerts = alerts;
    }
  }
}
