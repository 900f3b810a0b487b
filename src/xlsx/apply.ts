// The .xlsx gateway's write: applies a WritePlan onto the user's own workbook (loaded from their bytes, so their
// formatting, widths and other sheets stay as they are) and returns the new bytes with the undo record.
// Works in Node and in the browser bundle (no fs here).
import * as ExcelJS from "exceljs";
import { parseA1, type Grid } from "../core/grid";
import { WriteRefused } from "../core/host";
import { replaceChangedMessage, replaceProtectedMessage, sheetContent } from "../core/planReplace";
import { sheetNameProblem } from "../core/sheetName";
import {
  SHEET_BORDER_COLOR,
  SHEET_FONTS,
  SHEET_STYLES,
  tableCellLook,
  type CellSnapshot,
  type CellWrite,
  type NewSheet,
  type SheetCellStyle,
  type SheetContent,
  type UndoRecord,
  type WritePlan,
} from "../core/writePlan";
import { cellText } from "../core/xmlSafe";
import { worksheetToGrid } from "./read";

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error("无法读取文件：不是有效的 .xlsx 工作簿，请在 Excel 中“另存为” .xlsx 后再试。");
  }
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array
    ? new Uint8Array(buffer)
    : new Uint8Array(buffer as ArrayBuffer);
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  return Boolean(p?.sheet);
}

function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === name);
}

const norm = (f: string | undefined) => (f ? f.replace(/^=/, "") : "");

function sameContent(grid: Grid, address: string, before: CellSnapshot): boolean {
  const p = parseA1(address);
  const cell = grid.get(p.row, p.col);
  const value = cell?.value ?? null;
  const was = before.value ?? null;
  const blank = (v: unknown) => v === null || v === "";
  if (!(value === was || (blank(value) && blank(was)))) return false;
  return norm(cell?.formula) === norm(before.formula);
}

function describe(grid: Grid, address: string): string {
  const p = parseA1(address);
  const cell = grid.get(p.row, p.col);
  if (!cell || (cell.value === null && !cell.formula)) return "空";
  return cell.value !== null ? `“${String(cell.value)}”` : `“=${cell.formula}”`;
}

// ---------------------------------------------------------------------------------------------------------
// Exact cell state (value with its ExcelJS type, and style) for the undo

type Revivable =
  { $date: string } | { [k: string]: unknown } | unknown[] | string | number | boolean | null;

function freeze(v: unknown): Revivable {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) return v.map(freeze);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = freeze(x);
    return out;
  }
  return v === undefined ? null : (v as Revivable);
}

function thaw(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(thaw);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.$date === "string" && Object.keys(o).length === 1) return new Date(o.$date);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) out[k] = thaw(x);
    return out;
  }
  return v;
}

function cellState(cell: ExcelJS.Cell): string {
  // a merged area's non-master cells hold a reference to the master, not a value of their own
  const value = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
  return JSON.stringify({ value: freeze(value), style: freeze(cell.style ?? {}) });
}

function restoreState(cell: ExcelJS.Cell, state: string): void {
  const { value, style } = thaw(JSON.parse(state)) as {
    value: ExcelJS.CellValue;
    style: Partial<ExcelJS.Style>;
  };
  cell.value = value ?? null;
  cell.style = style ?? {};
}

function solidFill(argb: string | null | undefined): string | null {
  if (!argb) return null;
  const hex = argb.length === 8 ? argb.slice(2) : argb;
  return `#${hex.toUpperCase()}`;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.style?.fill;
  if (f && f.type === "pattern" && f.pattern === "solid") return solidFill(f.fgColor?.argb);
  return null;
}

function snapshotOf(cell: ExcelJS.Cell, grid: Grid): CellSnapshot {
  const p = parseA1(cell.address);
  const g = grid.get(p.row, p.col);
  const s: CellSnapshot = {
    value: g?.value ?? null,
    fill: fillOf(cell),
    gatewayState: cellState(cell),
  };
  if (g?.formula) s.formula = `=${g.formula}`;
  if (cell.numFmt && cell.numFmt !== "General") s.numFmt = cell.numFmt;
  return s;
}

/** Sets a fill on a copy of the cell's style (ExcelJS shares style objects between cells). */
function setFill(cell: ExcelJS.Cell, fill: string | null): void {
  const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  if (fill)
    style.fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: `FF${fill.replace(/^#/, "").toUpperCase()}` },
    };
  else delete style.fill;
  cell.style = style;
}

function setNumFmt(cell: ExcelJS.Cell, numFmt: string | undefined): void {
  const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  if (numFmt && numFmt !== "General") style.numFmt = numFmt;
  else delete style.numFmt;
  cell.style = style;
}

/** Text is always written as text: ExcelJS turns only a { formula } object into a formula, never a string. */
function writeCell(cell: ExcelJS.Cell, w: CellWrite): void {
  if (!w.fillOnly) {
    if (w.formula) {
      const result = w.value === null ? undefined : w.value;
      cell.value = { formula: w.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
    } else cell.value = typeof w.value === "string" ? cellText(w.value) : w.value;
    if (w.numFmt) setNumFmt(cell, w.numFmt);
  }
  if (w.fill !== undefined) setFill(cell, w.fill);
}

// ---------------------------------------------------------------------------------------------------------
// New sheets (the report)

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const THIN_SIDE = { style: "thin" as const, color: { argb: argb(SHEET_BORDER_COLOR) } };

function styleFor(
  kind: SheetCellStyle,
  value: string | number | null,
  column: number
): Partial<ExcelJS.Style> {
  const look = kind === "table" ? tableCellLook(value, column) : SHEET_STYLES[kind];
  return {
    font: {
      name: SHEET_FONTS[look.font],
      size: look.size,
      ...(look.bold ? { bold: true } : {}),
      ...(look.italic ? { italic: true } : {}),
      ...(look.color ? { color: { argb: argb(look.color) } } : {}),
    },
    ...(look.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } } }
      : {}),
    ...(look.border
      ? { border: { top: THIN_SIDE, left: THIN_SIDE, bottom: THIN_SIDE, right: THIN_SIDE } }
      : {}),
    alignment: {
      horizontal: look.horizontal,
      vertical: look.vertical,
      ...(look.wrap ? { wrapText: true } : {}),
    },
  };
}

/** Adds `sheet` (values, styles, links, frozen panes, filters, data bars, print setup) to `wb`. */
export function addNewSheet(wb: ExcelJS.Workbook, sheet: NewSheet): ExcelJS.Worksheet {
  const freeze = sheet.freeze;
  const ws = wb.addWorksheet(sheet.name, {
    views: [
      freeze && (freeze.rows || freeze.columns)
        ? {
            state: "frozen",
            xSplit: freeze.columns,
            ySplit: freeze.rows,
            showGridLines: false,
          }
        : { showGridLines: false },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: sheet.print?.orientation ?? "portrait",
      fitToPage: sheet.print?.fitToWidth ?? true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    row.cells.forEach((cell, k) => {
      const xc = ws.getCell(r, k + 1);
      // data only: a string that starts with = + - @ stays a string
      const text = typeof cell.value === "string" ? cellText(cell.value) : cell.value;
      xc.value = cell.link && text !== null ? { text: String(text), hyperlink: cell.link } : text;
      const style = styleFor(row.style, cell.value, k + 1);
      xc.style = {
        ...style,
        ...(cell.link
          ? { font: { ...style.font, underline: true, color: { argb: argb("#0563C1") } } }
          : {}),
        ...(cell.fill
          ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(cell.fill) } } }
          : {}),
        ...(cell.horizontal
          ? { alignment: { ...style.alignment, horizontal: cell.horizontal } }
          : {}),
        ...(cell.numFmt ? { numFmt: cell.numFmt } : {}),
      };
    });
    if (row.span && row.span > 1) {
      const style = ws.getCell(r, 1).style;
      ws.mergeCells(r, 1, r, row.span);
      ws.getCell(r, 1).style = style;
    }
    if (row.height) ws.getRow(r).height = row.height;
  });
  if (sheet.autoFilter) {
    const f = sheet.autoFilter;
    ws.autoFilter = {
      from: { row: f.row, column: f.fromColumn },
      to: { row: Math.max(f.row, sheet.rows.length), column: f.toColumn },
    };
  }
  for (const bar of sheet.dataBars ?? []) {
    const col = ws.getColumn(bar.column).letter;
    ws.addConditionalFormatting({
      ref: `${col}${bar.fromRow}:${col}${bar.toRow}`,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: true,
          cfvo: [{ type: "num", value: 0 }, { type: "max" }],
          color: { argb: argb(bar.color) },
        } as unknown as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
  return ws;
}

/** ExcelJS orders the tabs by this field (untyped): a replacing sheet takes the replaced one's. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

/** A replaced sheet back from its recorded content (values, formulas, number formats, merges) at `orderNo`. */
function restoreSheet(
  wb: ExcelJS.Workbook,
  name: string,
  content: SheetContent,
  orderNo: number | undefined
): void {
  const ws = wb.addWorksheet(name);
  if (orderNo !== undefined) (ws as Ordered).orderNo = orderNo;
  for (const m of content.merges) if (m.includes(":")) ws.mergeCells(m);
  for (const c of content.cells) {
    const cell = ws.getCell(c.address);
    cell.value = c.formula
      ? ({
          formula: c.formula.replace(/^=/, ""),
          result: c.value ?? undefined,
        } as ExcelJS.CellFormulaValue)
      : typeof c.value === "string"
        ? cellText(c.value)
        : c.value;
    setNumFmt(cell, c.numFmt);
  }
}

/** A new workbook holding only `sheets` (the CLI's and the web page's summary workbook). */
export async function sheetsToXlsx(sheets: NewSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  for (const s of sheets) addNewSheet(wb, s);
  return save(wb);
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Applies the plan to the workbook `data` (the user's own file). Refuses (WriteRefused, nothing written) a
 * protected sheet, a cell that changed since the plan was made, a non-master cell of a merged area, and a new
 * sheet whose name is taken or invalid.
 */
export async function applyPlanToXlsx(
  data: Uint8Array,
  plan: WritePlan
): Promise<{ data: Uint8Array; undo: UndoRecord }> {
  const wb = await load(data);
  const problems: string[] = [];
  const cells: string[] = [];
  const grids = new Map<string, Grid>();
  const gridOf = (ws: ExcelJS.Worksheet) => {
    let g = grids.get(ws.name);
    if (!g) grids.set(ws.name, (g = worksheetToGrid(ws)));
    return g;
  };
  const reported = new Set<string>();
  for (const w of plan.writes) {
    const ws = findSheet(wb, w.sheet);
    if (!ws) {
      if (!reported.has(w.sheet))
        problems.push(`工作簿中找不到工作表“${w.sheet}”：请重新检查后再写回。`);
      reported.add(w.sheet);
      continue;
    }
    if (isProtected(ws)) {
      if (!reported.has(w.sheet))
        problems.push(
          `工作表“${w.sheet}”受保护，无法写入：请先在 Excel 中“审阅 → 撤销工作表保护”，再写回。`
        );
      reported.add(w.sheet);
      cells.push(`${w.sheet}!${w.address}`);
      continue;
    }
    const grid = gridOf(ws);
    const p = parseA1(w.address);
    if (!grid.isMaster(p.row, p.col)) {
      problems.push(
        `${w.address} 位于合并单元格中、不是其左上角单元格：写入的内容不会显示，已取消写回。`
      );
      cells.push(`${w.sheet}!${w.address}`);
    } else if (!w.fillOnly && !sameContent(grid, w.address, w.before)) {
      const was =
        w.before.value === null && !w.before.formula
          ? "空"
          : `“${w.before.value ?? w.before.formula}”`;
      problems.push(
        `${w.address} 在检查之后被修改过（原为${was}，现为${describe(grid, w.address)}）：请重新检查后再写回。`
      );
      cells.push(`${w.sheet}!${w.address}`);
    }
  }
  const names = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  for (const s of plan.newSheets) {
    const problem = sheetNameProblem(s.name);
    const old = s.replaces ? findSheet(wb, s.replaces.name) : undefined;
    if (problem) problems.push(`${problem}：无法新建工作表。`);
    else if (s.replaces && !old)
      problems.push(`工作簿中找不到工作表“${s.replaces.name}”：请重新检查后再生成。`);
    else if (s.replaces && old && (s.replaces.protected || isProtected(old)))
      problems.push(replaceProtectedMessage(s.replaces.name));
    else if (
      s.replaces &&
      old &&
      JSON.stringify(sheetContent(gridOf(old))) !== JSON.stringify(s.replaces.before)
    )
      problems.push(
        replaceChangedMessage(s.replaces.name, s.replaces.before, sheetContent(gridOf(old)))
      );
    else if (!s.replaces && names.has(s.name.toLowerCase()))
      problems.push(`工作簿中已有名为“${s.name}”的工作表：请重新检查后再写回。`);
    names.add(s.name.toLowerCase());
  }
  if (problems.length) throw new WriteRefused(`没有写入任何内容。${problems.join("")}`, cells);

  const restores: UndoRecord["restores"] = [];
  for (const w of plan.writes) {
    const ws = findSheet(wb, w.sheet) as ExcelJS.Worksheet;
    const cell = ws.getCell(w.address);
    const grid = gridOf(ws);
    const before = snapshotOf(cell, grid);
    restores.push({
      sheet: w.sheet,
      address: w.address,
      before,
      ...(w.fillOnly ? { fillOnly: true } : {}),
    });
    writeCell(cell, w);
    // later writes to the same cell see this one's content
    const p = parseA1(w.address);
    if (!w.fillOnly)
      grid.set(p.row, p.col, {
        value: w.value,
        ...(w.formula ? { formula: w.formula.replace(/^=/, "") } : {}),
      });
  }
  const replacedSheets: NonNullable<UndoRecord["replacedSheets"]> = [];
  for (const s of plan.newSheets) {
    const old = s.replaces ? findSheet(wb, s.replaces.name) : undefined;
    if (s.replaces && old) {
      // the new sheet takes the old one's place in the tabs
      const orderNo = (old as Ordered).orderNo;
      replacedSheets.push({ name: s.replaces.name, before: s.replaces.before, position: orderNo });
      wb.removeWorksheet(old.id);
      (addNewSheet(wb, s) as Ordered).orderNo = orderNo;
    } else addNewSheet(wb, s);
  }
  return {
    data: await save(wb),
    undo: {
      restores,
      addedSheets: plan.newSheets.map((s) => s.name),
      ...(replacedSheets.length ? { replacedSheets } : {}),
    },
  };
}

/** Puts back every cell the plan wrote (value, formula, format, fill) and deletes the sheets it added. */
export async function applyUndoToXlsx(data: Uint8Array, undo: UndoRecord): Promise<Uint8Array> {
  const wb = await load(data);
  const missing = [...new Set(undo.restores.map((r) => r.sheet))].filter((s) => !findSheet(wb, s));
  if (missing.length)
    throw new WriteRefused(`无法撤销：工作簿中找不到工作表“${missing.join("”“")}”。`);
  const locked = [...new Set(undo.restores.map((r) => r.sheet))].filter((s) =>
    isProtected(findSheet(wb, s) as ExcelJS.Worksheet)
  );
  if (locked.length)
    throw new WriteRefused(`无法撤销：工作表“${locked.join("”“")}”受保护，请先撤销工作表保护。`);
  for (const name of undo.addedSheets) {
    const ws = findSheet(wb, name);
    const orderNo = (ws as Ordered | undefined)?.orderNo;
    if (ws) wb.removeWorksheet(ws.id);
    // a replaced sheet comes back with its cells (formatting aside) where it was
    const replaced = undo.replacedSheets?.find((r) => r.name === name);
    if (replaced) restoreSheet(wb, name, replaced.before, replaced.position ?? orderNo);
  }
  for (const r of [...undo.restores].reverse()) {
    const cell = (findSheet(wb, r.sheet) as ExcelJS.Worksheet).getCell(r.address);
    const b = r.before;
    if (b.gatewayState) {
      restoreState(cell, b.gatewayState);
      continue;
    }
    // an undo made by another gateway: value, formula, format and fill as recorded
    if (!r.fillOnly) {
      cell.value = b.formula
        ? ({
            formula: b.formula.replace(/^=/, ""),
            result: b.value ?? undefined,
          } as ExcelJS.CellFormulaValue)
        : b.value;
      setNumFmt(cell, b.numFmt);
    }
    if (b.fill !== undefined) setFill(cell, b.fill);
  }
  return save(wb);
}
