// New sheets (the summary workbook of a batch check) written straight as SpreadsheetML: the same workbook
// apply.ts's sheetsToXlsx builds through ExcelJS — values, styles, links, merges, frozen panes, filters, data
// bars, column widths, row heights, print setup — in a few milliseconds instead of a second for a thousand rows.
// test/sheetsXlsx.test.ts reads both back with ExcelJS and compares them cell by cell.
// No Node APIs: the deflater is passed in (zlib's deflateRawSync in the CLI); without one parts are stored.
import {
  SHEET_BORDER_COLOR,
  SHEET_FONTS,
  SHEET_STYLES,
  tableCellLook,
  type NewSheet,
  type SheetCell,
  type SheetCellStyle,
} from "../core/writePlan";
import { cellText, escapeXml } from "../core/xmlSafe";
import { BUILTIN_FORMATS } from "./packageXml";

export type DeflateRaw = (data: Uint8Array) => Uint8Array;

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function colLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------------------
// Styles: each distinct look is one <xf>, as ExcelJS's style manager makes them

class Styles {
  private fonts = [
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ];
  private fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private numFmts: string[] = [];
  private xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private xfIndex = new Map<string, number>();

  private static indexOf(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  private numFmtId(code: string): number {
    for (const [id, f] of Object.entries(BUILTIN_FORMATS)) if (f === code) return Number(id);
    const i = this.numFmts.indexOf(code);
    if (i >= 0) return 164 + i;
    this.numFmts.push(code);
    return 164 + this.numFmts.length - 1;
  }

  private memo = new Map<string, number>();

  /** The s of a cell that looks like `kind` in column `column`, with the cell's own overrides. */
  idOf(kind: SheetCellStyle, cell: SheetCell | undefined, column: number): number {
    const value = cell?.value ?? null;
    // what the look depends on (a table cell's value only through whether it is a score bar)
    const key = `${kind}|${column}|${kind === "table" ? tableCellLook(value, column).color : ""}|${cell?.link ? 1 : 0}|${cell?.fill}|${cell?.horizontal}|${cell?.numFmt}`;
    let id = this.memo.get(key);
    if (id === undefined) this.memo.set(key, (id = this.build(kind, cell, column)));
    return id;
  }

  private build(kind: SheetCellStyle, cell: SheetCell | undefined, column: number): number {
    const value = cell?.value ?? null;
    const look = kind === "table" ? tableCellLook(value, column) : SHEET_STYLES[kind];
    const link = Boolean(cell?.link);
    const color = link ? "#0563C1" : look.color;
    const font =
      "<font>" +
      (look.bold ? "<b/>" : "") +
      (look.italic ? "<i/>" : "") +
      (link ? "<u/>" : "") +
      `<sz val="${look.size}"/>` +
      (color ? `<color rgb="${argb(color)}"/>` : "") +
      `<name val="${escapeXml(SHEET_FONTS[look.font])}"/></font>`;
    const fillColor = cell?.fill ?? look.fill;
    const fill = fillColor
      ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(fillColor)}"/></patternFill></fill>`
      : null;
    const side = (s: string) =>
      `<${s} style="thin"><color rgb="${argb(SHEET_BORDER_COLOR)}"/></${s}>`;
    const border = look.border
      ? `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`
      : null;
    const horizontal = cell?.horizontal ?? look.horizontal;
    const vertical = look.vertical === "middle" ? "center" : look.vertical;
    const alignment = `<alignment horizontal="${horizontal}" vertical="${vertical}"${look.wrap ? ' wrapText="1"' : ""}/>`;
    const numFmtId = cell?.numFmt ? this.numFmtId(cell.numFmt) : 0;
    const fontId = Styles.indexOf(this.fonts, font);
    const fillId = fill ? Styles.indexOf(this.fills, fill) : 0;
    const borderId = border ? Styles.indexOf(this.borders, border) : 0;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""} applyFont="1"${fill ? ' applyFill="1"' : ""}` +
      `${border ? ' applyBorder="1"' : ""} applyAlignment="1">${alignment}</xf>`;
    let id = this.xfIndex.get(xf);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push(xf);
      this.xfIndex.set(xf, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]) =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = this.numFmts.length
      ? list(
          "numFmts",
          this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`)
        )
      : "";
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}${list("fonts", this.fonts)}` +
      `${list("fills", this.fills)}${list("borders", this.borders)}` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `${list("cellXfs", this.xfs)}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0"/></styleSheet>`
    );
  }
}

class SharedStrings {
  private list: string[] = [];
  private index = new Map<string, number>();
  private count = 0;

  idOf(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map(
      (t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ""}>${escapeXml(t)}</t></si>`
    );
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

// ---------------------------------------------------------------------------------------------------------

function sheetXml(
  sheet: NewSheet,
  styles: Styles,
  strings: SharedStrings
): { xml: string; links: string[] } {
  const rowsXml: string[] = [];
  const merges: string[] = [];
  const links: string[] = [];
  const linkRefs: string[] = [];
  let maxCol = 1;
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    const cells: string[] = [];
    const span = row.span && row.span > 1 ? row.span : 1;
    // a merged area's other cells carry the first cell's look (its borders and fill show across) and no value
    const masterStyle =
      span > 1 && row.cells.length ? styles.idOf(row.style, row.cells[0], 1) : null;
    const last = Math.max(row.cells.length, span);
    for (let k = 0; k < last; k++) {
      const ref = `${colLetters(k + 1)}${r}`;
      if (k > 0 && k < span) {
        if (masterStyle !== null) cells.push(`<c r="${ref}" s="${masterStyle}"/>`);
        continue;
      }
      const cell = row.cells[k];
      if (!cell) continue;
      const s = styles.idOf(row.style, cell, k + 1);
      // data only: text is always a shared string, never a formula
      const text = typeof cell.value === "string" ? cellText(cell.value) : cell.value;
      if (cell.link && text !== null) {
        cells.push(`<c r="${ref}" s="${s}" t="s"><v>${strings.idOf(String(text))}</v></c>`);
        links.push(cell.link);
        linkRefs.push(ref);
      } else if (typeof text === "string")
        cells.push(`<c r="${ref}" s="${s}" t="s"><v>${strings.idOf(text)}</v></c>`);
      else if (typeof text === "number" && Number.isFinite(text))
        cells.push(`<c r="${ref}" s="${s}"><v>${text}</v></c>`);
      else cells.push(`<c r="${ref}" s="${s}"/>`);
    }
    if (span > 1) merges.push(`A${r}:${colLetters(span)}${r}`);
    maxCol = Math.max(maxCol, last);
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : "";
    if (cells.length || height) rowsXml.push(`<row r="${r}"${height}>${cells.join("")}</row>`);
  });

  const freeze = sheet.freeze;
  let view = '<sheetView workbookViewId="0" showGridLines="0"';
  if (freeze && (freeze.rows || freeze.columns)) {
    const pane =
      freeze.rows && freeze.columns ? "bottomRight" : freeze.rows ? "bottomLeft" : "topRight";
    view +=
      `><pane${freeze.columns ? ` xSplit="${freeze.columns}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""}` +
      ` topLeftCell="${colLetters(freeze.columns + 1)}${freeze.rows + 1}" activePane="${pane}" state="frozen"/>` +
      `<selection pane="${pane}"/></sheetView>`;
  } else view += "/>";
  const cols = sheet.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const f = sheet.autoFilter;
  const filter = f
    ? `<autoFilter ref="${colLetters(f.fromColumn)}${f.row}:${colLetters(f.toColumn)}${Math.max(f.row, sheet.rows.length)}"/>`
    : "";
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const bars = (sheet.dataBars ?? [])
    .map((b) => {
      const col = colLetters(b.column);
      return (
        `<conditionalFormatting sqref="${col}${b.fromRow}:${col}${b.toRow}"><cfRule type="dataBar" priority="1">` +
        `<dataBar><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="${argb(b.color)}"/></dataBar></cfRule></conditionalFormatting>`
      );
    })
    .join("");
  const hyperlinks = linkRefs.length
    ? `<hyperlinks>${linkRefs.map((ref, i) => `<hyperlink ref="${ref}" r:id="rId${i + 1}"/>`).join("")}</hyperlinks>`
    : "";
  const fit = sheet.print?.fitToWidth ?? true;
  const dimension = `A1:${colLetters(maxCol)}${Math.max(sheet.rows.length, 1)}`;
  const xml =
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="${fit ? 1 : 0}"/></sheetPr><dimension ref="${dimension}"/>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rowsXml.join("")}</sheetData>` +
    `${filter}${mergeXml}${bars}${hyperlinks}` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="${sheet.print?.orientation ?? "portrait"}" fitToWidth="1" fitToHeight="0"/>` +
    `</worksheet>`;
  return { xml, links };
}

function relsXml(rels: { type: string; target: string; external?: boolean }[]): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    rels
      .map(
        (r, i) =>
          `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
      )
      .join("") +
    "</Relationships>"
  );
}

// ---------------------------------------------------------------------------------------------------------
// A zip writer (stored or deflated entries, UTF-8 names)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function zip(files: [string, string][], deflate?: DeflateRaw): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const nameBytes = enc.encode(name);
    const raw = enc.encode(text);
    const packed = deflate ? deflate(raw) : raw;
    const crc = crc32(raw);
    const method = deflate ? 8 : 0;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint16(10, 0, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    chunks.push(local, packed);
    central.push(entry);
    offset += local.length + packed.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let at = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A new workbook holding only `sheets`: what sheetsToXlsx (apply.ts) writes through ExcelJS. */
export function newSheetsXlsx(sheets: NewSheet[], deflate?: DeflateRaw): Uint8Array {
  const styles = new Styles();
  const strings = new SharedStrings();
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: [string, string][] = [];
  const overrides: string[] = [];
  const sheetTags: string[] = [];
  const bookRels: { type: string; target: string }[] = [];
  sheets.forEach((s, i) => {
    const { xml, links } = sheetXml(s, styles, strings);
    const part = `xl/worksheets/sheet${i + 1}.xml`;
    files.push([part, xml]);
    if (links.length)
      files.push([
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        relsXml(links.map((target) => ({ type: `${REL}/hyperlink`, target, external: true }))),
      ]);
    overrides.push(
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    bookRels.push({ type: `${REL}/worksheet`, target: `worksheets/sheet${i + 1}.xml` });
    sheetTags.push(`<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  bookRels.push({ type: `${REL}/styles`, target: "styles.xml" });
  bookRels.push({ type: `${REL}/sharedStrings`, target: "sharedStrings.xml" });
  files.push(
    ["xl/styles.xml", styles.xml()],
    ["xl/sharedStrings.xml", strings.xml()],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView/></bookViews>` +
        `<sheets>${sheetTags.join("")}</sheets><calcPr calcId="171027"/></workbook>`,
    ],
    ["xl/_rels/workbook.xml.rels", relsXml(bookRels)],
    [
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>绩效自评助手</dc:creator></cp:coreProperties>`,
    ],
    [
      "_rels/.rels",
      relsXml([
        { type: `${REL}/officeDocument`, target: "xl/workbook.xml" },
        {
          type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          target: "docProps/core.xml",
        },
      ]),
    ],
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        overrides.join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `</Types>`,
    ]
  );
  // [Content_Types].xml first, as Excel writes it
  files.unshift(files.pop() as [string, string]);
  return zip(files, deflate);
}
