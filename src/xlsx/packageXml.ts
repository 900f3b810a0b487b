// Small readers of package XML (relationships, attributes, A1 ranges) and the limits of what is read, shared by
// the package scan (inspect.ts, which loads JSZip) and the direct reader (fastRead.ts, which must not).

/** Limits chosen so that the reduced package loads in well under 1 GB and 10 s. */
export const LIMITS = {
  /** Zip entries; Excel writes a few dozen, a form with pictures a few hundred. */
  maxEntries: 10000,
  /** Uncompressed size of one part we read (sheet XML, shared strings, styles). */
  maxPartBytes: 60 * 1024 * 1024,
  /** Uncompressed size of all the parts we read together. */
  maxTotalBytes: 150 * 1024 * 1024,
  /** A sheet this small is loaded whatever it holds. */
  smallSheetBytes: 2 * 1024 * 1024,
  /** A merged area bigger than this (cells) cannot be part of a form: ExcelJS would allocate each cell. */
  maxMergeCells: 200000,
  /** A sheet that reaches further down than this is not a form (a form has at most a few thousand rows). */
  maxFormRows: 100000,
};

const attrPatterns = new Map<string, RegExp>();

/** An attribute's raw value in a tag's text; null when absent. */
export function attr(tag: string, name: string): string | null {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[2] ?? m[3]) : null;
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, "&");
}

/** "xl/workbook.xml" + "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "/xl/x.xml" → "xl/x.xml". */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const parts = t.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function parseRels(xml: string): Rel[] {
  const rels: Rel[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    rels.push({
      id: attr(tag, "Id") ?? "",
      type: attr(tag, "Type") ?? "",
      target: decodeXml(attr(tag, "Target") ?? ""),
      external: attr(tag, "TargetMode") === "External",
    });
  }
  return rels;
}

/** Column letters → number (A → 1, XFD → 16384). */
function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Rows × columns of an A1 range ("A1:XFD1048576"); a single cell is 1. */
export function areaOf(ref: string): { cells: number; lastRow: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return { cells: 1, lastRow: 1 };
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return {
    cells: (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1),
    lastRow: Math.max(r1, r2),
  };
}

export function lastRowOf(xml: string): number {
  const dim = /<(?:\w+:)?dimension\b[^>]*>/.exec(xml);
  const declared = dim ? areaOf(attr(dim[0], "ref") ?? "").lastRow : 0;
  // the dimension may be missing or wrong: the last <row r=…> counts too
  const tail = xml.slice(-20000);
  let last = 0;
  for (const m of tail.matchAll(/<(?:\w+:)?row\b[^>]*\sr="(\d+)"/g)) last = Number(m[1]);
  return Math.max(declared, last);
}

/** The number formats Excel knows by id without writing them down (ExcelJS's table: lib/xlsx/defaultnumformats.js). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};
