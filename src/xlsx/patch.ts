// The .xlsx gateway's surgical write: applies a WritePlan by editing the package in place (JSZip), so that everything
// the engine does not write — charts, pivot tables, macros, slicers, controls, the add-in's settings part, print
// areas, protection — stays byte-for-byte as the user saved it. Only these parts change: the form's sheet (the
// target cells' <c> elements and nothing else), styles.xml (new <xf>s appended, existing ones never edited),
// workbook.xml (the new sheet's <sheet>, fullCalcOnLoad), its rels, [Content_Types].xml and the new 自评报告 part
// (or, when the plan replaces the existing 自评报告, that sheet's part in place).
// Pure: no Node APIs, so the web page uses it too. ExcelJS stays for reading (the staleness check uses the Grid).
import JSZip from "jszip";
import { parseA1, parseRangeA1, toA1, type Range, type WorkbookGrids } from "../core/grid";
import { WriteRefused } from "../core/host";
import { replaceChangedMessage, replaceProtectedMessage, sheetContent } from "../core/planReplace";
import { sheetNameProblem } from "../core/sheetName";
import { cellText, escapeXml } from "../core/xmlSafe";
import {
  SHEET_BORDER_COLOR,
  SHEET_FONTS,
  SHEET_STYLES,
  tableCellLook,
  type CellSnapshot,
  type CellWrite,
  type NewSheet,
  type SheetStyleLook,
  type UndoRecord,
  type WritePlan,
} from "../core/writePlan";

/** The package holds something the patcher does not edit safely (a shared-formula master as target, rows without
 *  addresses, no styles part): the caller falls back to rebuilding with ExcelJS and warns what that loses. */
export class PatchUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatchUnsupported";
  }
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// ---------------------------------------------------------------------------------------------------------
// Small XML helpers (string based: the point is to leave every byte we do not mean to change alone)

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : null;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/(\s*\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** The namespace prefix ("x:" or "") the part uses for its root element. */
function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<(\\w+:)?${root}[\\s>]`).exec(xml);
  return m?.[1] ?? "";
}

/** Every element `name` (self-closing or with content) in `xml`, with its position. */
function elements(
  xml: string,
  name: string,
  p: string
): { start: number; end: number; open: string }[] {
  const out: { start: number; end: number; open: string }[] = [];
  const re = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*>`, "g");
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const open = m[0];
    let end = m.index + open.length;
    if (!open.endsWith("/>")) {
      const close = xml.indexOf(`</${p}${name}>`, end);
      if (close < 0) throw new PatchUnsupported(`<${name}> 没有结束标记`);
      end = close + `</${p}${name}>`.length;
    }
    out.push({ start: m.index, end, open });
    re.lastIndex = end;
  }
  return out;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

/** A relationship target as a zip path: absolute ("/xl/…", as openpyxl writes) or relative to the source part. */
function resolveTarget(sourcePart: string, target: string): string {
  const parts = target.startsWith("/") ? [] : dirOf(sourcePart).split("/").filter(Boolean);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg) parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(dir ? dir.length + 1 : 0);
  return `${dir ? dir + "/" : ""}_rels/${base}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  start: number;
  end: number;
}

function relationships(xml: string): Relationship[] {
  const p = prefixOf(xml, "Relationships");
  return elements(xml, "Relationship", p).map((e) => ({
    id: attr(e.open, "Id") ?? "",
    type: attr(e.open, "Type") ?? "",
    target: attr(e.open, "Target") ?? "",
    start: e.start,
    end: e.end,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// The package

class Package {
  private names = new Map<string, string>();
  readonly texts = new Map<string, string>();
  readonly changed = new Set<string>();
  workbookPath = "xl/workbook.xml";

  constructor(readonly zip: JSZip) {
    zip.forEach((name, f) => {
      if (!f.dir) this.names.set(name.toLowerCase(), name);
    });
  }

  /** The zip's own spelling of a part name (OPC part names are case-insensitive). */
  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  async text(part: string): Promise<string | null> {
    const name = this.names.get(part.toLowerCase());
    if (!name) return null;
    let t = this.texts.get(name);
    if (t === undefined) {
      t = await (this.zip.file(name) as JSZip.JSZipObject).async("string");
      this.texts.set(name, t);
    }
    return t;
  }

  put(part: string, xml: string): void {
    const name = this.names.get(part.toLowerCase()) ?? part;
    this.names.set(part.toLowerCase(), name);
    this.texts.set(name, xml);
    this.changed.add(name);
  }

  remove(part: string): void {
    const name = this.names.get(part.toLowerCase());
    if (!name) return;
    this.zip.remove(name);
    this.names.delete(part.toLowerCase());
    this.texts.delete(name);
    this.changed.delete(name);
  }

  async bytes(): Promise<Uint8Array> {
    for (const name of this.changed) this.zip.file(name, this.texts.get(name) as string);
    return this.zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      compressionOptions: { level: 6 },
    });
  }
}

interface SheetEntry {
  name: string;
  part: string;
  relId: string;
}

async function openPackage(data: Uint8Array): Promise<Package> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new Error("无法读取文件：不是有效的 .xlsx 工作簿，请在 Excel 中“另存为” .xlsx 后再试。");
  }
  const pkg = new Package(zip);
  const rootRels = await pkg.text("_rels/.rels");
  const office = rootRels
    ? relationships(rootRels).find((r) => /\/officeDocument$/.test(r.type))
    : undefined;
  if (office) pkg.workbookPath = resolveTarget("", office.target);
  if (!(await pkg.text(pkg.workbookPath)))
    throw new Error("无法读取文件：不是有效的 .xlsx 工作簿（没有 workbook.xml）。");
  return pkg;
}

async function sheetEntries(pkg: Package): Promise<SheetEntry[]> {
  const wb = (await pkg.text(pkg.workbookPath)) as string;
  const rels = relationships((await pkg.text(relsPathOf(pkg.workbookPath))) ?? "");
  const p = prefixOf(wb, "workbook");
  return elements(wb, "sheet", p).map((e) => {
    const relId = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(e.open)?.[1] ?? "";
    const rel = rels.find((r) => r.id === relId);
    return {
      name: attr(e.open, "name") ?? "",
      relId,
      part: rel ? resolveTarget(pkg.workbookPath, rel.target) : "",
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Styles: new <xf>s appended to cellXfs (existing ones are never edited: other cells share them)

const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const hexRgb = (color: string) => `FF${color.replace(/^#/, "").toUpperCase()}`;

class Styles {
  private p: string;
  private cache = new Map<string, number>();

  constructor(private xml: string) {
    this.p = prefixOf(xml, "styleSheet");
  }

  get text(): string {
    return this.xml;
  }

  /** Appends `item` to the list element `list` (creating it after `after` when absent); returns its index. */
  private append(list: string, item: string, before: string[]): number {
    const p = this.p;
    const found = elements(this.xml, list, p)[0];
    if (!found) {
      // the list elements follow a fixed order in styleSheet: insert before the first later one that exists
      let at = -1;
      for (const b of before) {
        const e = elements(this.xml, b, p)[0];
        if (e) {
          at = e.start;
          break;
        }
      }
      if (at < 0) at = this.xml.lastIndexOf(`</${p}styleSheet>`);
      this.xml = `${this.xml.slice(0, at)}<${p}${list} count="1">${item}</${p}${list}>${this.xml.slice(at)}`;
      return 0;
    }
    const childName = list === "cellXfs" ? "xf" : list.replace(/s$/, "");
    const inner = found.open.endsWith("/>")
      ? ""
      : this.xml.slice(found.start + found.open.length, found.end - `</${p}${list}>`.length);
    const count = elements(inner, childName, p).length;
    const open = setAttr(found.open.replace(/\s*\/>$/, ">"), "count", String(count + 1));
    this.xml = `${this.xml.slice(0, found.start)}${open}${inner}${item}</${p}${list}>${this.xml.slice(found.end)}`;
    return count;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const p = this.p;
    let max = 163;
    for (const e of elements(this.xml, "numFmt", p)) {
      const id = Number(attr(e.open, "numFmtId"));
      if (attr(e.open, "formatCode") === code) return id;
      if (id > max) max = id;
    }
    const id = max + 1;
    this.append("numFmts", `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`, [
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
    ]);
    return id;
  }

  private fillId(color: string): number {
    const p = this.p;
    return this.append(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${hexRgb(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      ["borders", "cellStyleXfs", "cellXfs"]
    );
  }

  private cellXf(index: number): string {
    const p = this.p;
    const list = elements(this.xml, "cellXfs", p)[0];
    const xfs = list ? elements(this.xml.slice(list.start, list.end), "xf", p) : [];
    const xf = xfs[index] ?? xfs[0];
    if (!xf) return `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    return this.xml.slice(list.start + xf.start, list.start + xf.end);
  }

  /** A copy of cell style `base` with another number format and/or fill: the new style's index. */
  derive(base: number, change: { numFmt?: string; fill?: string | null }): number {
    const key = JSON.stringify([base, change.numFmt ?? null, change.fill ?? "keep"]);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xf = this.cellXf(base);
    let open = /^<[^>]*>/.exec(xf)?.[0] as string;
    const rest = xf.slice(open.length);
    if (change.numFmt !== undefined) {
      open = setAttr(open, "numFmtId", String(this.numFmtId(change.numFmt)));
      open = setAttr(open, "applyNumberFormat", "1");
    }
    if (change.fill !== undefined) {
      open = setAttr(open, "fillId", String(change.fill ? this.fillId(change.fill) : 0));
      open = setAttr(open, "applyFill", "1");
    }
    const index = this.append("cellXfs", open + rest, [
      "cellStyles",
      "dxfs",
      "tableStyles",
      "colors",
      "extLst",
    ]);
    this.cache.set(key, index);
    return index;
  }

  /** A style for the report sheet, from its look (fonts 黑体/仿宋, fill, thin border, alignment). */
  look(look: SheetStyleLook, numFmt?: string): number {
    const key = JSON.stringify(["look", look, numFmt ?? null]);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const font =
      `<${p}font>${look.bold ? `<${p}b/>` : ""}${look.italic ? `<${p}i/>` : ""}<${p}sz val="${look.size}"/>` +
      `${look.color ? `<${p}color rgb="${hexRgb(look.color)}"/>` : ""}<${p}name val="${SHEET_FONTS[look.font]}"/><${p}charset val="134"/></${p}font>`;
    const fontId = this.append("fonts", font, ["fills", "borders", "cellStyleXfs", "cellXfs"]);
    const fillId = look.fill ? this.fillId(look.fill) : 0;
    let borderId = 0;
    if (look.border) {
      const side = (s: string) =>
        `<${p}${s} style="thin"><${p}color rgb="${hexRgb(SHEET_BORDER_COLOR)}"/></${p}${s}>`;
      borderId = this.append(
        "borders",
        `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`,
        ["cellStyleXfs", "cellXfs"]
      );
    }
    const fmt = numFmt ? this.numFmtId(numFmt) : 0;
    const xf =
      `<${p}xf numFmtId="${fmt}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"` +
      `${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${fmt ? ' applyNumberFormat="1"' : ""} applyAlignment="1">` +
      `<${p}alignment horizontal="${look.horizontal}" vertical="${look.vertical === "middle" ? "center" : "top"}"${look.wrap ? ' wrapText="1"' : ""}/></${p}xf>`;
    const index = this.append("cellXfs", xf, [
      "cellStyles",
      "dxfs",
      "tableStyles",
      "colors",
      "extLst",
    ]);
    this.cache.set(key, index);
    return index;
  }
}

async function stylesPart(pkg: Package): Promise<string> {
  const rels = relationships((await pkg.text(relsPathOf(pkg.workbookPath))) ?? "");
  const rel = rels.find((r) => /\/styles$/.test(r.type));
  const part = rel ? resolveTarget(pkg.workbookPath, rel.target) : "";
  if (!part || !(await pkg.text(part)))
    throw new PatchUnsupported("工作簿没有样式部件（styles.xml）");
  return part;
}

// ---------------------------------------------------------------------------------------------------------
// Cells

type CellContent = { value: string | number | null; formula?: string };

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new WriteRefused(`没有写入任何内容：要写入的数值 ${n} 无效。`);
  return String(n);
}

/** A cell's XML: a formula as <f> with its cached <v>, text always as an inline string (never a formula). */
function cellXml(p: string, address: string, style: string | null, c: CellContent): string {
  const s = style !== null ? ` s="${style}"` : "";
  if (c.formula) {
    const f = `<${p}f>${escapeXml(cellText(c.formula.replace(/^=/, "")))}</${p}f>`;
    if (c.value === null) return `<${p}c r="${address}"${s}>${f}</${p}c>`;
    if (typeof c.value === "number")
      return `<${p}c r="${address}"${s}>${f}<${p}v>${numberText(c.value)}</${p}v></${p}c>`;
    return `<${p}c r="${address}"${s} t="str">${f}<${p}v>${escapeXml(cellText(c.value))}</${p}v></${p}c>`;
  }
  if (c.value === null || c.value === "") return `<${p}c r="${address}"${s}/>`;
  if (typeof c.value === "number")
    return `<${p}c r="${address}"${s}><${p}v>${numberText(c.value)}</${p}v></${p}c>`;
  return `<${p}c r="${address}"${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(cellText(c.value))}</${p}t></${p}is></${p}c>`;
}

interface RowSpan {
  start: number;
  end: number;
  open: string;
}

class SheetXml {
  readonly p: string;
  constructor(public xml: string) {
    this.p = prefixOf(xml, "worksheet");
  }

  protectedSheet(): boolean {
    const e = elements(this.xml, "sheetProtection", this.p)[0];
    if (!e) return false;
    const v = attr(e.open, "sheet");
    return v === "1" || v === "true";
  }

  merges(): Range[] {
    return elements(this.xml, "mergeCell", this.p)
      .map((e) => attr(e.open, "ref"))
      .filter((r): r is string => Boolean(r))
      .map((r) => parseRangeA1(r));
  }

  private sheetData(): { start: number; end: number; innerStart: number; innerEnd: number } {
    const e = elements(this.xml, "sheetData", this.p)[0];
    if (!e) throw new PatchUnsupported("工作表没有 sheetData");
    if (e.open.endsWith("/>")) {
      // <sheetData/>: open it up so that rows can go in
      const p = this.p;
      this.xml = `${this.xml.slice(0, e.start)}<${p}sheetData></${p}sheetData>${this.xml.slice(e.end)}`;
      return this.sheetData();
    }
    return {
      start: e.start,
      end: e.end,
      innerStart: e.start + e.open.length,
      innerEnd: e.end - `</${this.p}sheetData>`.length,
    };
  }

  /** The <row> element of row `row` (absolute positions), or where a new one goes. */
  row(row: number): { found?: RowSpan; insertAt: number } {
    const sd = this.sheetData();
    const inner = this.xml.slice(sd.innerStart, sd.innerEnd);
    for (const r of elements(inner, "row", this.p)) {
      const rn = Number(attr(r.open, "r"));
      if (!rn) throw new PatchUnsupported("行没有行号（r）");
      if (rn > row) return { insertAt: sd.innerStart + r.start };
      if (rn === row)
        return {
          found: { start: sd.innerStart + r.start, end: sd.innerStart + r.end, open: r.open },
          insertAt: sd.innerStart + r.start,
        };
    }
    return { insertAt: sd.innerEnd };
  }

  rowXml(row: number): string | null {
    const r = this.row(row).found;
    return r ? this.xml.slice(r.start, r.end) : null;
  }

  /** Replaces row `row` by `xml` (null: removes it). */
  setRow(row: number, xml: string | null): void {
    const r = this.row(row);
    if (r.found)
      this.xml = this.xml.slice(0, r.found.start) + (xml ?? "") + this.xml.slice(r.found.end);
    else if (xml !== null)
      this.xml = this.xml.slice(0, r.insertAt) + xml + this.xml.slice(r.insertAt);
  }

  /** The <c> element of the cell (absolute positions) or where a new one goes in its row. */
  private cell(address: string): { cell?: RowSpan; insertAt?: number; row?: RowSpan } {
    const { row, col } = parseA1(address);
    const p = this.p;
    const r = this.row(row).found;
    if (!r || r.open.endsWith("/>")) return { row: r };
    const innerStart = r.start + r.open.length;
    const inner = this.xml.slice(innerStart, r.end - `</${p}row>`.length);
    for (const c of elements(inner, "c", p)) {
      const ref = attr(c.open, "r");
      if (!ref) throw new PatchUnsupported("单元格没有地址（r）");
      const cc = parseA1(ref).col;
      if (cc === col)
        return { cell: { start: innerStart + c.start, end: innerStart + c.end, open: c.open } };
      if (cc > col) return { insertAt: innerStart + c.start };
    }
    return { insertAt: innerStart + inner.length };
  }

  cellAt(address: string): string | null {
    const c = this.cell(address).cell;
    return c ? this.xml.slice(c.start, c.end) : null;
  }

  /** Puts `xml` as the cell's <c>, creating (or opening up) its <row> when needed. */
  setCell(address: string, xml: string): void {
    const l = this.cell(address);
    const p = this.p;
    if (l.cell) this.xml = this.xml.slice(0, l.cell.start) + xml + this.xml.slice(l.cell.end);
    else if (l.insertAt !== undefined)
      this.xml = this.xml.slice(0, l.insertAt) + xml + this.xml.slice(l.insertAt);
    else {
      const row = parseA1(address).row;
      const open = l.row ? l.row.open.replace(/\s*\/>$/, ">") : `<${p}row r="${row}">`;
      this.setRow(row, `${open}${xml}</${p}row>`);
    }
  }
}

function styleIndexOf(cellXml: string | null): number {
  if (!cellXml) return 0;
  const open = /^<[^>]*>/.exec(cellXml)?.[0] ?? "";
  return Number(attr(open, "s") ?? 0) || 0;
}

/** A formula the target cell shares with others (master of a shared or multi-cell array formula). */
function ownsOtherCells(cellXml: string | null): boolean {
  if (!cellXml) return false;
  const f = /<(\w+:)?f\b[^>]*>/.exec(cellXml)?.[0];
  if (!f) return false;
  const t = attr(f, "t");
  const ref = attr(f, "ref");
  return (t === "shared" && ref !== null) || (t === "array" && ref !== null && ref.includes(":"));
}

// ---------------------------------------------------------------------------------------------------------
// The 自评报告 sheet as a new worksheet part

function newSheetXml(sheet: NewSheet, styles: Styles): string {
  const rows: string[] = [];
  const merges: string[] = [];
  let maxCol = 1;
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    const cells = row.cells.map((cell, k) => {
      const look =
        row.style === "table" ? tableCellLook(cell.value, k + 1) : SHEET_STYLES[row.style];
      const s = styles.look(look, cell.numFmt);
      // data only: a string that starts with = + - @ stays a string
      return cellXml("", toA1(r, k + 1), String(s), { value: cell.value });
    });
    maxCol = Math.max(maxCol, row.cells.length, row.span ?? 1);
    const ht = row.height ? ` ht="${row.height}" customHeight="1"` : "";
    rows.push(`<row r="${r}"${ht}>${cells.join("")}</row>`);
    if (row.span && row.span > 1) merges.push(`<mergeCell ref="A${r}:${toA1(r, row.span)}"/>`);
  });
  const cols = sheet.columnWidths.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const last = toA1(Math.max(1, sheet.rows.length), maxCol);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rows.join("")}</sheetData>` +
    (merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/></worksheet>`
  );
}

async function addSheet(pkg: Package, sheet: NewSheet, styles: Styles): Promise<void> {
  const wbPath = pkg.workbookPath;
  const relsPath = relsPathOf(wbPath);
  let wb = (await pkg.text(wbPath)) as string;
  let rels = (await pkg.text(relsPath)) as string;
  let types = (await pkg.text("[Content_Types].xml")) as string;
  let n = 1;
  while (pkg.has(`${dirOf(wbPath) ? dirOf(wbPath) + "/" : ""}worksheets/sheet${n}.xml`)) n++;
  const part = `${dirOf(wbPath) ? dirOf(wbPath) + "/" : ""}worksheets/sheet${n}.xml`;
  const ids = new Set(relationships(rels).map((r) => r.id));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const relId = `rId${k}`;
  const rp = prefixOf(rels, "Relationships");
  const relsClose = rels.lastIndexOf(`</${rp}Relationships>`);
  rels =
    rels.slice(0, relsClose) +
    `<${rp}Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/>` +
    rels.slice(relsClose);

  const p = prefixOf(wb, "workbook");
  const rPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(
    /^[\s\S]*?<[^?][^>]*>/.exec(wb)?.[0] ?? ""
  )?.[1];
  const ids2 = elements(wb, "sheet", p).map((e) => Number(attr(e.open, "sheetId")) || 0);
  const sheetId = Math.max(0, ...ids2) + 1;
  const rAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  const tag = `<${p}sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}" ${rAttr}/>`;
  const sheetsClose = wb.indexOf(`</${p}sheets>`);
  if (sheetsClose < 0) throw new PatchUnsupported("workbook.xml 没有 sheets");
  wb = wb.slice(0, sheetsClose) + tag + wb.slice(sheetsClose);

  const tp = prefixOf(types, "Types");
  const typesClose = types.lastIndexOf(`</${tp}Types>`);
  types =
    types.slice(0, typesClose) +
    `<${tp}Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>` +
    types.slice(typesClose);

  pkg.put(part, newSheetXml(sheet, styles));
  pkg.put(wbPath, wb);
  pkg.put(relsPath, rels);
  pkg.put("[Content_Types].xml", types);
}

async function removeSheet(pkg: Package, name: string): Promise<void> {
  const entry = (await sheetEntries(pkg)).find((s) => s.name === name);
  if (!entry) return;
  const wbPath = pkg.workbookPath;
  const relsPath = relsPathOf(wbPath);
  let wb = (await pkg.text(wbPath)) as string;
  const p = prefixOf(wb, "workbook");
  const tag = elements(wb, "sheet", p).find((e) => attr(e.open, "name") === name);
  if (tag) wb = wb.slice(0, tag.start) + wb.slice(tag.end);
  let rels = (await pkg.text(relsPath)) as string;
  const rel = relationships(rels).find((r) => r.id === entry.relId);
  if (rel) rels = rels.slice(0, rel.start) + rels.slice(rel.end);
  let types = (await pkg.text("[Content_Types].xml")) as string;
  const tp = prefixOf(types, "Types");
  const o = elements(types, "Override", tp).find(
    (e) => (attr(e.open, "PartName") ?? "").toLowerCase() === `/${entry.part}`.toLowerCase()
  );
  if (o) types = types.slice(0, o.start) + types.slice(o.end);
  pkg.put(wbPath, wb);
  pkg.put(relsPath, rels);
  pkg.put("[Content_Types].xml", types);
  pkg.remove(entry.part);
  pkg.remove(relsPathOf(entry.part));
}

/** Excel recalculates every formula on open (the cached values we write are ours, not Excel's). */
function fullCalcOnLoad(wb: string): string {
  const p = prefixOf(wb, "workbook");
  const calc = elements(wb, "calcPr", p)[0];
  if (calc) {
    const open = setAttr(calc.open, "fullCalcOnLoad", "1");
    return wb.slice(0, calc.start) + open + wb.slice(calc.start + calc.open.length);
  }
  // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr, oleSize, …
  let at = -1;
  for (const before of [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
  ]) {
    const e = elements(wb, before, p)[0];
    if (e) {
      at = e.start;
      break;
    }
  }
  if (at < 0) at = wb.lastIndexOf(`</${p}workbook>`);
  return `${wb.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${wb.slice(at)}`;
}

// ---------------------------------------------------------------------------------------------------------

interface PatchCellState {
  patch: 1;
  /** The cell's whole <row> element before the write, or null when the row did not exist: the undo puts it
   *  back as it was (writes are undone last first, so each sees the row as its write left it). */
  row: string | null;
}

const norm = (f: string | undefined) => (f ? f.replace(/^=/, "") : "");

function describeSnapshot(s: CellSnapshot): string {
  if (s.value === null && !s.formula) return "空";
  return `“${s.value ?? s.formula}”`;
}

/**
 * Applies the plan by patching the package `data`. Refuses (WriteRefused, nothing written) a protected sheet
 * (sheet="1" or "true"), a non-master cell of a merged area, a cell that changed since the plan was made (when
 * `book`, the workbook as read, is given), and a new sheet whose name is taken or invalid. Throws PatchUnsupported
 * when the package cannot be patched safely.
 */
export async function patchPlanIntoXlsx(
  data: Uint8Array,
  plan: WritePlan,
  book?: WorkbookGrids
): Promise<{ data: Uint8Array; undo: UndoRecord }> {
  const pkg = await openPackage(data);
  const entries = await sheetEntries(pkg);
  const problems: string[] = [];
  const cells: string[] = [];
  const reported = new Set<string>();
  const sheets = new Map<string, { part: string; xml: SheetXml }>();
  for (const w of plan.writes) {
    let s = sheets.get(w.sheet);
    if (!s) {
      const entry = entries.find((e) => e.name === w.sheet);
      const text = entry?.part ? await pkg.text(entry.part) : null;
      if (!entry || text === null) {
        if (!reported.has(w.sheet))
          problems.push(`工作簿中找不到工作表“${w.sheet}”：请重新检查后再写回。`);
        reported.add(w.sheet);
        continue;
      }
      s = { part: entry.part, xml: new SheetXml(text) };
      sheets.set(w.sheet, s);
    }
    if (s.xml.protectedSheet()) {
      if (!reported.has(w.sheet))
        problems.push(
          `工作表“${w.sheet}”受保护，无法写入：请先在 Excel 中“审阅 → 撤销工作表保护”，再写回。`
        );
      reported.add(w.sheet);
      cells.push(`${w.sheet}!${w.address}`);
      continue;
    }
    const p = parseA1(w.address);
    const merge = s.xml
      .merges()
      .find((m) => p.row >= m.top && p.row <= m.bottom && p.col >= m.left && p.col <= m.right);
    if (merge && (merge.top !== p.row || merge.left !== p.col)) {
      problems.push(
        `${w.address} 位于合并单元格中、不是其左上角单元格：写入的内容不会显示，已取消写回。`
      );
      cells.push(`${w.sheet}!${w.address}`);
      continue;
    }
    const grid = book?.sheets.find((g) => g.sheet === w.sheet);
    const now = grid?.get(p.row, p.col);
    const blank = (v: unknown) => v === null || v === undefined || v === "";
    if (
      grid &&
      !w.fillOnly &&
      !(
        (now?.value === w.before.value || (blank(now?.value) && blank(w.before.value))) &&
        norm(now?.formula) === norm(w.before.formula)
      )
    ) {
      const current: CellSnapshot = { value: now?.value ?? null };
      if (now?.formula) current.formula = now.formula;
      problems.push(
        `${w.address} 在检查之后被修改过（原为${describeSnapshot(w.before)}，现为${describeSnapshot(current)}）：请重新检查后再写回。`
      );
      cells.push(`${w.sheet}!${w.address}`);
    }
  }
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  // sheets the plan replaces (生成报告 again): the part keeps its place in the package and in the tabs
  const replaced = new Map<NewSheet, { part: string; xml: string }>();
  for (const s of plan.newSheets) {
    const problem = sheetNameProblem(s.name);
    if (problem) problems.push(`${problem}：无法新建工作表。`);
    else if (s.replaces) {
      const r = s.replaces;
      const entry = entries.find((e) => e.name === r.name);
      const text = entry?.part ? await pkg.text(entry.part) : null;
      const grid = book?.sheets.find((g) => g.sheet === r.name);
      if (!entry || text === null)
        problems.push(`工作簿中找不到工作表“${r.name}”：请重新检查后再生成。`);
      else if (r.protected || new SheetXml(text).protectedSheet())
        problems.push(replaceProtectedMessage(r.name));
      else if (grid && JSON.stringify(sheetContent(grid)) !== JSON.stringify(r.before))
        problems.push(replaceChangedMessage(r.name, r.before, sheetContent(grid)));
      else replaced.set(s, { part: entry.part, xml: text });
    } else if (names.has(s.name.toLowerCase()))
      problems.push(`工作簿中已有名为“${s.name}”的工作表：请重新检查后再写回。`);
    names.add(s.name.toLowerCase());
  }
  if (problems.length) throw new WriteRefused(`没有写入任何内容。${problems.join("")}`, cells);

  for (const [, s] of sheets)
    for (const w of plan.writes.filter((x) => sheets.get(x.sheet) === s))
      if (ownsOtherCells(s.xml.cellAt(w.address)))
        throw new PatchUnsupported(`${w.address} 是共享公式的首格`);

  const needStyles =
    plan.newSheets.length > 0 || plan.writes.some((w) => w.numFmt || w.fill !== undefined);
  const stylesPath = needStyles ? await stylesPart(pkg) : "";
  const styles = needStyles ? new Styles((await pkg.text(stylesPath)) as string) : null;

  const restores: UndoRecord["restores"] = [];
  for (const w of plan.writes) {
    const s = sheets.get(w.sheet) as { part: string; xml: SheetXml };
    const old = s.xml.cellAt(w.address);
    const state: PatchCellState = { patch: 1, row: s.xml.rowXml(parseA1(w.address).row) };
    s.xml.setCell(w.address, patchedCell(s.xml.p, w, old, styles));
    restores.push({
      sheet: w.sheet,
      address: w.address,
      before: { ...w.before, gatewayState: JSON.stringify(state) },
      ...(w.fillOnly ? { fillOnly: true } : {}),
    });
  }
  for (const [, s] of sheets) pkg.put(s.part, s.xml.xml);
  const replacedSheets: NonNullable<UndoRecord["replacedSheets"]> = [];
  for (const sheet of plan.newSheets) {
    const old = replaced.get(sheet);
    if (!old) {
      await addSheet(pkg, sheet, styles as Styles);
      continue;
    }
    // the old part's XML is the undo: its rels (links, drawings) stay, unused until the undo puts it back
    pkg.put(old.part, newSheetXml(sheet, styles as Styles));
    const state: PatchSheetState = { patch: 1, xml: old.xml };
    replacedSheets.push({
      name: sheet.name,
      before: (sheet.replaces as NonNullable<NewSheet["replaces"]>).before,
      gatewayState: JSON.stringify(state),
    });
  }
  if (styles) pkg.put(stylesPath, styles.text);
  if (plan.writes.length || plan.newSheets.length)
    pkg.put(pkg.workbookPath, fullCalcOnLoad((await pkg.text(pkg.workbookPath)) as string));
  return {
    data: await pkg.bytes(),
    undo: {
      restores,
      addedSheets: plan.newSheets.map((s) => s.name),
      ...(replacedSheets.length ? { replacedSheets } : {}),
    },
  };
}

/** A replaced sheet's part as it was (the patcher's undo puts it back byte for byte). */
interface PatchSheetState {
  patch: 1;
  xml: string;
}

function patchSheetState(gatewayState: string | undefined): PatchSheetState | null {
  try {
    const parsed = JSON.parse(gatewayState ?? "null") as PatchSheetState | null;
    return parsed?.patch === 1 && typeof parsed.xml === "string" ? parsed : null;
  } catch {
    return null;
  }
}

function patchedCell(p: string, w: CellWrite, old: string | null, styles: Styles | null): string {
  const base = styleIndexOf(old);
  let style: number | null = old && /\ss\s*=/.test(/^<[^>]*>/.exec(old)?.[0] ?? "") ? base : null;
  const change: { numFmt?: string; fill?: string | null } = {};
  if (!w.fillOnly && w.numFmt) change.numFmt = w.numFmt;
  if (w.fill !== undefined) change.fill = w.fill;
  if (styles && (change.numFmt !== undefined || change.fill !== undefined))
    style = styles.derive(base, change);
  if (w.fillOnly) {
    if (!old) return `<${p}c r="${w.address}"${style !== null ? ` s="${style}"` : ""}/>`;
    const open = /^<[^>]*>/.exec(old)?.[0] as string;
    const nextOpen = style !== null ? setAttr(open, "s", String(style)) : removeAttr(open, "s");
    return nextOpen + old.slice(open.length);
  }
  return cellXml(p, w.address, style !== null ? String(style) : null, {
    value: w.value,
    formula: w.formula,
  });
}

/** Puts back every cell the plan wrote and deletes the sheets it added, by patching again: the form's sheet
 *  part comes back byte-for-byte (the styles the write appended stay, unused). A record made by another gateway
 *  (no patch state) is restored from its snapshots (value, formula, format, fill). */
export async function patchUndoIntoXlsx(data: Uint8Array, undo: UndoRecord): Promise<Uint8Array> {
  const pkg = await openPackage(data);
  const entries = await sheetEntries(pkg);
  const sheets = new Map<string, { part: string; xml: SheetXml }>();
  for (const name of new Set(undo.restores.map((r) => r.sheet))) {
    const entry = entries.find((e) => e.name === name);
    const text = entry?.part ? await pkg.text(entry.part) : null;
    if (!entry || text === null)
      throw new WriteRefused(`无法撤销：工作簿中找不到工作表“${name}”。`);
    const xml = new SheetXml(text);
    if (xml.protectedSheet())
      throw new WriteRefused(`无法撤销：工作表“${name}”受保护，请先撤销工作表保护。`);
    sheets.set(name, { part: entry.part, xml });
  }
  let styles: Styles | null = null;
  let stylesPath = "";
  for (const r of [...undo.restores].reverse()) {
    const s = sheets.get(r.sheet) as { part: string; xml: SheetXml };
    let state: PatchCellState | null = null;
    try {
      const parsed = r.before.gatewayState ? (JSON.parse(r.before.gatewayState) as unknown) : null;
      if (parsed && (parsed as PatchCellState).patch === 1) state = parsed as PatchCellState;
    } catch {
      state = null;
    }
    if (state) {
      s.xml.setRow(parseA1(r.address).row, state.row);
      continue;
    }
    if (!styles && (r.before.numFmt !== undefined || r.before.fill !== undefined)) {
      stylesPath = await stylesPart(pkg);
      styles = new Styles((await pkg.text(stylesPath)) as string);
    }
    const b = r.before;
    const w: CellWrite = {
      sheet: r.sheet,
      address: r.address,
      value: typeof b.value === "boolean" ? String(b.value) : b.value,
      ...(b.formula ? { formula: b.formula } : {}),
      ...(b.numFmt ? { numFmt: b.numFmt } : {}),
      ...(b.fill !== undefined ? { fill: b.fill } : {}),
      ...(r.fillOnly ? { fillOnly: true } : {}),
      before: b,
      purpose: "total",
      label: "",
    };
    s.xml.setCell(r.address, patchedCell(s.xml.p, w, s.xml.cellAt(r.address), styles));
  }
  for (const [, s] of sheets) pkg.put(s.part, s.xml.xml);
  for (const name of undo.addedSheets) {
    const state = patchSheetState(undo.replacedSheets?.find((r) => r.name === name)?.gatewayState);
    const entry = entries.find((e) => e.name === name);
    // a replaced sheet: its old part back in place (same tab, same rels), else the added sheet goes
    if (state && entry?.part) pkg.put(entry.part, state.xml);
    else await removeSheet(pkg, name);
  }
  if (styles) pkg.put(stylesPath, styles.text);
  return pkg.bytes();
}

/** True when every cell of the record was written by the patcher (its undo restores the rows byte for byte). */
export function isPatchUndo(undo: UndoRecord): boolean {
  if ((undo.replacedSheets ?? []).some((r) => !patchSheetState(r.gatewayState))) return false;
  return undo.restores.every((r) => {
    try {
      return (JSON.parse(r.before.gatewayState ?? "null") as PatchCellState | null)?.patch === 1;
    } catch {
      return false;
    }
  });
}

/** Names of the sheets protected in any spelling (sheet="1" as Excel writes it, sheet="true" as LibreOffice does;
 *  ExcelJS sees only the first). Empty when the package cannot be read. */
export async function protectedSheetNames(data: Uint8Array): Promise<Set<string>> {
  return (await sheetPackageFacts(data)).protectedSheets;
}

// a cell element with content (a self-closing <c …/> has none: it must not swallow the next cell's); its start tag
// ends in ">" after anything but "/" (no lookbehind: EdgeHTML 18 and older Safari reject it)
const CELL_XML = /<c\b(?=[^>]*\br="([A-Z]{1,3}[0-9]+)")(?:[^>]*[^>/])?>([\s\S]*?)<\/c>/g;

/**
 * What ExcelJS does not report: protection in any spelling, and formulas whose cached result is 0 (ExcelJS drops a
 * <v>0</v> result, so they would look uncalculated). Empty when the package cannot be read.
 */
export async function sheetPackageFacts(
  data: Uint8Array
): Promise<{ protectedSheets: Set<string>; zeroFormulas: Map<string, Set<string>> }> {
  const protectedSheets = new Set<string>();
  const zeroFormulas = new Map<string, Set<string>>();
  try {
    const pkg = await openPackage(data);
    for (const e of await sheetEntries(pkg)) {
      const text = e.part ? await pkg.text(e.part) : null;
      if (!text) continue;
      if (new SheetXml(text).protectedSheet()) protectedSheets.add(e.name);
      const zeros = new Set<string>();
      for (const m of text.matchAll(CELL_XML))
        if (/<f[\s>/]/.test(m[2]) && /<v>\s*-?0+(?:\.0+)?\s*<\/v>/.test(m[2])) zeros.add(m[1]);
      if (zeros.size) zeroFormulas.set(e.name, zeros);
    }
  } catch {
    // unreadable package: the reader reports that itself
  }
  return { protectedSheets, zeroFormulas };
}

// ---------------------------------------------------------------------------------------------------------
// The add-in's settings part: what Office.context.document.settings saves inside the workbook. The web page writes
// the same part into a downloaded file, so that the add-in (and the page, and the CLI) find the user's settings
// there. Format ([MS-OWEXML]): /_rels/.rels → xl/webextensions/taskpanes.xml → webextensionN.xml, whose
// <we:reference id> is the manifest's <Id> and whose <we:properties> hold one <we:property name value> per
// setting, the value JSON-encoded as Office.js stores it.

/** manifest.xml's <Id> and <Version> (test/settingsPart.test.ts checks that they agree). */
export const ADDIN_ID = "31aa06b9-e429-4ce5-a5c7-10728256b806";
export const ADDIN_VERSION = "1.0.0.0";
/** The property the add-in keeps its settings under (src/excel/excelHost.ts SETTINGS_KEY). */
export const SETTINGS_PROPERTY = "jixiao";

const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const TASKPANES_TYPE =
  "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WEBEXTENSION_TYPE = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const TASKPANES_CT = "application/vnd.ms-office.webextensiontaskpanes+xml";
const WEBEXTENSION_CT = "application/vnd.ms-office.webextension+xml";
/** Our instance of the add-in in a file the page writes (Excel gives each instance its own GUID). */
const INSTANCE_ID = "{0B9E4C2D-5A7F-4E61-9C3B-7D2A1F8E6B40}";

const sameId = (a: string | null) =>
  (a ?? "").replace(/[{}]/g, "").toLowerCase() === ADDIN_ID.toLowerCase();

/** The webextension parts that are this add-in's (by <we:reference id>, the manifest's Id). */
async function ownWebExtensions(pkg: Package): Promise<{ part: string; xml: string }[]> {
  const out: { part: string; xml: string }[] = [];
  for (const name of Object.keys(pkg.zip.files)) {
    if (!/^xl\/webextensions\/webextension\d*\.xml$/i.test(name)) continue;
    const xml = await pkg.text(name);
    if (!xml) continue;
    const p = prefixOf(xml, "webextension");
    if (elements(xml, "reference", p).some((e) => sameId(attr(e.open, "id"))))
      out.push({ part: name, xml });
  }
  return out;
}

/** The JSON of a setting as an attribute value: XML-illegal characters become JSON escapes, not raw bytes. */
function settingValue(settings: unknown): string {
  const json = JSON.stringify(settings);
  // a surrogate pair stays; a lone surrogate and U+FFFE/U+FFFF become \uXXXX (no lookbehind: EdgeHTML has none)
  let out = "";
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    const next = i + 1 < json.length ? json.charCodeAt(i + 1) : 0;
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += json[i] + json[i + 1];
      i++;
    } else if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += json[i];
  }
  return escapeXml(out);
}

/** The settings the add-in (or the page) saved in the workbook, or null (none, or unreadable). */
export async function settingsFromXlsx(data: Uint8Array): Promise<unknown> {
  try {
    const pkg = await openPackage(data);
    for (const { xml } of await ownWebExtensions(pkg)) {
      const p = prefixOf(xml, "webextension");
      const prop = elements(xml, "property", p).find(
        (e) => attr(e.open, "name") === SETTINGS_PROPERTY
      );
      const value = prop && attr(prop.open, "value");
      if (value) return JSON.parse(value) as unknown;
    }
  } catch {
    // no package, no part or no JSON: as if no settings were saved
  }
  return null;
}

function appendBefore(xml: string, close: string, fragment: string, what: string): string {
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new PatchUnsupported(`${what} 没有 ${close}`);
  return xml.slice(0, at) + fragment + xml.slice(at);
}

function freeRelId(rels: string): string {
  const ids = new Set(relationships(rels).map((r) => r.id));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  return `rId${k}`;
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/**
 * Writes `settings` into the add-in's settings part: its property in this add-in's existing webextension part (the
 * rest of that part as it was), or a new part with its task pane entry (hidden: the pane is not opened for the
 * user), relationships and content types. Every other part stays byte for byte; unchanged settings leave the file
 * as it was.
 */
export async function patchSettingsIntoXlsx(
  data: Uint8Array,
  settings: unknown
): Promise<Uint8Array> {
  const pkg = await openPackage(data);
  const value = settingValue(settings);
  const property = `<we:property name="${SETTINGS_PROPERTY}" value="${value}"/>`;
  const own = (await ownWebExtensions(pkg))[0];
  if (own) {
    const p = prefixOf(own.xml, "webextension");
    const prop = elements(own.xml, "property", p).find(
      (e) => attr(e.open, "name") === SETTINGS_PROPERTY
    );
    if (
      prop &&
      JSON.stringify(JSON.parse(attr(prop.open, "value") ?? "null")) === JSON.stringify(settings)
    )
      return data;
    const tag = `<${p}property name="${SETTINGS_PROPERTY}" value="${value}"/>`;
    let xml: string;
    if (prop) xml = own.xml.slice(0, prop.start) + tag + own.xml.slice(prop.end);
    else {
      const props = elements(own.xml, "properties", p)[0];
      if (!props) throw new PatchUnsupported("加载项设置部件没有 properties");
      xml = props.open.endsWith("/>")
        ? own.xml.slice(0, props.start) +
          `<${p}properties>${tag}</${p}properties>` +
          own.xml.slice(props.end)
        : appendBefore(own.xml, `</${p}properties>`, tag, "webextension");
    }
    pkg.put(own.part, xml);
    return pkg.bytes();
  }

  let n = 1;
  while (pkg.has(`xl/webextensions/webextension${n}.xml`)) n++;
  const part = `xl/webextensions/webextension${n}.xml`;
  pkg.put(
    part,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      `<we:webextension xmlns:we="${WE_NS}" id="${INSTANCE_ID}">` +
      `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="developer" storeType="Registry"/>` +
      `<we:alternateReferences/><we:properties>${property}</we:properties><we:bindings/>` +
      `<we:snapshot xmlns:r="${REL_NS}"/></we:webextension>`
  );

  let types = (await pkg.text("[Content_Types].xml")) as string;
  const tp = prefixOf(types, "Types");
  const override = (partName: string, ct: string) =>
    `<${tp}Override PartName="/${partName}" ContentType="${ct}"/>`;
  let added = override(part, WEBEXTENSION_CT);

  // the task pane list that points at the part: the existing one (another add-in's), or a new one
  const rootRels = (await pkg.text("_rels/.rels")) as string;
  const paneRel = relationships(rootRels).find((r) => r.type === TASKPANES_TYPE);
  const panesPart = paneRel ? resolveTarget("", paneRel.target) : "xl/webextensions/taskpanes.xml";
  const panesRelsPath = relsPathOf(panesPart);
  const panesRels = (await pkg.text(panesRelsPath)) ?? EMPTY_RELS;
  const relId = freeRelId(panesRels);
  const rp = prefixOf(panesRels, "Relationships");
  // beside the task pane list as Office writes it, else an absolute target (valid OPC, read by resolveTarget)
  const target = dirOf(panesPart) === dirOf(part) ? part.slice(dirOf(part).length + 1) : `/${part}`;
  pkg.put(
    panesRelsPath,
    appendBefore(
      panesRels,
      `</${rp}Relationships>`,
      `<${rp}Relationship Id="${relId}" Type="${WEBEXTENSION_TYPE}" Target="${target}"/>`,
      "taskpanes.xml.rels"
    )
  );
  const pane = (pp: string) =>
    `<${pp}taskpane dockstate="right" visibility="0" width="350" row="0">` +
    `<${pp}webextensionref xmlns:r="${REL_NS}" r:id="${relId}"/></${pp}taskpane>`;
  const panes = paneRel ? await pkg.text(panesPart) : null;
  if (panes) {
    const pp = prefixOf(panes, "taskpanes");
    pkg.put(panesPart, appendBefore(panes, `</${pp}taskpanes>`, pane(pp), "taskpanes.xml"));
  } else {
    pkg.put(
      panesPart,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
        `<wetp:taskpanes xmlns:wetp="${WETP_NS}">${pane("wetp:")}</wetp:taskpanes>`
    );
    added += override(panesPart, TASKPANES_CT);
    const rrp = prefixOf(rootRels, "Relationships");
    pkg.put(
      "_rels/.rels",
      appendBefore(
        rootRels,
        `</${rrp}Relationships>`,
        `<${rrp}Relationship Id="${freeRelId(rootRels)}" Type="${TASKPANES_TYPE}" Target="${panesPart}"/>`,
        "_rels/.rels"
      )
    );
  }
  types = appendBefore(types, `</${tp}Types>`, added, "[Content_Types].xml");
  pkg.put("[Content_Types].xml", types);
  return pkg.bytes();
}
