// A direct sheet-XML → Grid reader for checking many files (the CLI batch). It reads the zip's central directory,
// inflates only the parts a form needs (workbook, shared strings, styles, sheets) and builds the same Grids as the
// ExcelJS path (read.ts: preparePackage → ExcelJS → worksheetToGrid), ExcelJS's quirks included. Whatever it does
// not recognise with certainty (shared-formula copies, hyperlinks, rich inline text, odd part names, anything the
// package scan would refuse or reduce…) makes it answer null: the caller then reads the file through ExcelJS.
// test/fastRead.test.ts proves the identity over the samples, fixtures, tricky forms, hostile corpus and fuzz cases.
// No Node APIs: the inflater is passed in (zlib's inflateRawSync in the CLI).
import { Grid, parseRangeA1, type Range } from "../core/grid";
import { readCell, type CellLike } from "./cellValue";
import {
  areaOf,
  attr,
  BUILTIN_FORMATS,
  lastRowOf,
  LIMITS,
  parseRels,
  resolveTarget,
} from "./packageXml";
import type { ReadWorkbook } from "./read";
import { attrValue, partText, scanXml, xmlText, zipEntries, type InflateRaw } from "./zipScan";

export type { InflateRaw };

// ---------------------------------------------------------------------------------------------------------
// ExcelJS's own conversions, as it applies them while loading (lib/utils/utils.js, lib/xlsx/defaultnumformats.js)

function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return f.match(/[ymdhMsb]+/) !== null;
}

/** ExcelJS decodes a t="str" value a second time. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** ExcelJS's `_x000D_` escapes in <t> text. */
const unescapeX = (s: string) =>
  s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

// ---------------------------------------------------------------------------------------------------------
// Workbook-level parts

type SharedString = string | { richText: { text?: string }[] } | undefined;

/** Shared strings as ExcelJS holds them; undefined for an entry read differently there (never used then). */
function sharedStrings(xml: string): SharedString[] | null {
  const out: SharedString[] = [];
  let inSi = false;
  let depth = 0;
  let plain: string | undefined;
  let runs: { text?: string }[] | undefined;
  let run: { text?: string } | undefined;
  let text: string[] | null = null;
  let odd = false;
  let skip = 0; // inside <rPh>, <phoneticPr>, <rPr>
  const ok = scanXml(xml, {
    open(name, _attrs, selfClosing) {
      if (skip) {
        skip++;
        return true;
      }
      if (!inSi) {
        if (name === "si") {
          inSi = true;
          depth = 0;
          plain = undefined;
          runs = undefined;
          odd = false;
          if (selfClosing) odd = true;
        } else if (name !== "sst") return false;
        return true;
      }
      depth++;
      if (name === "rPh" || name === "phoneticPr" || (name === "rPr" && run)) {
        skip = 1; // its close comes through skip too
        depth--;
        return true;
      }
      if (name === "t" && (depth === 1 || (depth === 2 && run))) {
        text = [];
        return true;
      }
      if (name === "r" && depth === 1 && plain === undefined) {
        run = {};
        return true;
      }
      odd = true;
      return true;
    },
    close(name) {
      if (skip) {
        skip--;
        return true;
      }
      if (!inSi) return name === "sst";
      if (name === "si" && depth === 0) {
        inSi = false;
        out.push(odd ? undefined : runs ? { richText: runs } : plain);
        return true;
      }
      depth--;
      if (name === "t" && text) {
        const s = unescapeX(text.join(""));
        text = null;
        if (run) run.text = s;
        else if (runs || plain !== undefined) odd = true;
        else plain = s;
      } else if (name === "r" && run) {
        (runs ??= []).push(run);
        run = undefined;
      }
      return true;
    },
    text(raw) {
      if (text && !skip) text.push(xmlText(raw));
    },
  });
  return ok ? out : null;
}

/** Each cell style's number format, as ExcelJS's style manager gives it (index = the cell's s). */
function cellFormats(xml: string): (string | undefined)[] | null {
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  const path: string[] = [];
  const ok = scanXml(xml, {
    open(name, attrs) {
      const parent = path[path.length - 1];
      if (name === "numFmt" && parent === "numFmts") {
        const id = attrValue(attrs, "numFmtId");
        const code = attrValue(attrs, "formatCode");
        if (id === undefined || code === undefined) return false;
        custom.set(parseInt(id, 10), code.replace(/[\\](.)/g, "$1"));
      } else if (name === "xf" && parent === "cellXfs") {
        const id = parseInt(attrValue(attrs, "numFmtId") ?? "", 10);
        xfs.push(id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined);
      }
      path.push(name);
      return true;
    },
    close() {
      path.pop();
      return true;
    },
    text() {},
  });
  return ok && path.length === 0 ? xfs : null;
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

interface RawCell {
  row: number;
  col: number;
  address: string;
  t?: string;
  styleId?: number;
  formula?: string;
  fType?: string;
  fRef?: string;
  value?: string;
}

const ADDRESS = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;
const MERGE_REF = /^([A-Z]{1,3})([1-9][0-9]{0,6}):([A-Z]{1,3})([1-9][0-9]{0,6})$/;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** Names the scan must see unprefixed (ExcelJS would not recognise a prefixed one). */
const SHEET_NAMES = new Set([
  "sheetData",
  "row",
  "c",
  "v",
  "f",
  "is",
  "t",
  "mergeCell",
  "mergeCells",
]);

interface SheetParse {
  cells: RawCell[];
  merges: string[];
  protected: boolean;
}

function parseSheet(xml: string): SheetParse | null {
  const cells: RawCell[] = [];
  const merges: string[] = [];
  let prot = false;
  let protections = 0;
  let inMerges = false;
  let inData = false;
  let row = 0;
  let lastCol = 0;
  let cell: RawCell | null = null;
  let current: "f" | "v" | "t" | null = null;
  let inIs = false;
  let depth = 0;
  let rootSeen = false;
  let fail = false;
  const ok = scanXml(xml, {
    open(name, attrs, selfClosing) {
      depth++;
      if (!rootSeen) {
        rootSeen = true;
        return name === "worksheet";
      }
      if (name.includes(":") && SHEET_NAMES.has(name.slice(name.indexOf(":") + 1))) return false;
      if (name === "hyperlinks" || name === "hyperlink") return false;
      if (cell) {
        if (current) return false;
        if (name === "is" && !inIs && !selfClosing) inIs = true;
        else if (name === "t" && inIs) current = "t";
        else if ((name === "v" || name === "f") && !inIs) {
          if (name === "f") {
            if (cell.fType !== undefined || cell.formula !== undefined) return false;
            cell.fType = attrValue(attrs, "t") ?? "";
            cell.fRef = attrValue(attrs, "ref");
          }
          current = name;
        } else return false;
        if (selfClosing) current = null;
        return true;
      }
      if (inData) {
        if (name === "row" && depth === 3) {
          const r = Number(attr(attrs, "r"));
          if (!Number.isInteger(r) || r <= row || attr(attrs, "r") !== String(r)) return false;
          row = r;
          lastCol = 0;
          return true;
        }
        if (name === "c" && depth === 4 && row) {
          const address = attr(attrs, "r") ?? "";
          const m = ADDRESS.exec(address);
          if (!m || Number(m[2]) !== row) return false;
          const col = colNumber(m[1]);
          if (col <= lastCol || col > 16384) return false;
          lastCol = col;
          const s = attr(attrs, "s");
          cell = {
            row,
            col,
            address,
            t: attrValue(attrs, "t"),
            styleId: s ? parseInt(s, 10) : undefined,
          };
          if (selfClosing) {
            cells.push(cell);
            cell = null;
          }
          return true;
        }
        return false;
      }
      if (name === "sheetData" && depth === 2) {
        if (selfClosing) return true;
        inData = true;
        return true;
      }
      if (name === "mergeCells" && depth === 2) inMerges = !selfClosing;
      else if (name === "mergeCell") {
        const ref = attr(attrs, "ref");
        if (ref === null || !inMerges || depth !== 3) return false;
        merges.push(ref);
      } else if (name === "sheetProtection") {
        // ExcelJS reads the one below <worksheet>, read.ts the first anywhere: the same when there is one
        if (protections++ || depth !== 2) return false;
        const v = attr(attrs, "sheet");
        prot = v === "1" || v === "true";
      }
      return true;
    },
    close(name) {
      depth--;
      if (cell) {
        if (name === "c") {
          cells.push(cell);
          cell = null;
          current = null;
          inIs = false;
        } else if (name === "is") inIs = false;
        else current = null;
        return true;
      }
      if (name === "sheetData" && inData) inData = false;
      if (name === "mergeCells") inMerges = false;
      return true;
    },
    text(raw) {
      if (!cell) return;
      if (current === null) {
        if (raw.trim()) fail = true; // ExcelJS ignores it; the scan for a cached 0 might not
        return;
      }
      const t = xmlText(raw);
      if (!t) return;
      if (current === "f") cell.formula = (cell.formula ?? "") + t;
      else cell.value = (cell.value ?? "") + t;
    },
  });
  if (!ok || fail) return null;
  return { cells, merges, protected: prot };
}

/** The cells' inner XML, in document order, for the check read.ts makes for a formula cached as 0. */
// an open tag whose last character before ">" is not "/" (no lookbehind: Office 2019's EdgeHTML has none)
const CELL_XML = /<c\b(?=[^>]*\br="([A-Z]{1,3}[0-9]+)")(?:[^>]*[^>/])?>([\s\S]*?)<\/c>/g;

function cachedZeros(xml: string): Set<string> {
  const zeros = new Set<string>();
  for (const m of xml.matchAll(CELL_XML))
    if (/<f[\s>/]/.test(m[2]) && /<v>\s*-?0+(?:\.0+)?\s*<\/v>/.test(m[2])) zeros.add(m[1]);
  return zeros;
}

function mergeRanges(refs: string[]): Range[] | null {
  const out: Range[] = [];
  for (const ref of refs) {
    const m = MERGE_REF.exec(ref);
    if (!m) return null;
    const r: Range = {
      top: Number(m[2]),
      left: colNumber(m[1]),
      bottom: Number(m[4]),
      right: colNumber(m[3]),
    };
    if (r.top > r.bottom || r.left > r.right || (r.top === r.bottom && r.left === r.right))
      return null;
    if (r.right > 16384 || areaOf(ref).cells > LIMITS.maxMergeCells) return null;
    // ExcelJS refuses overlapping merged areas (the whole load fails)
    for (const o of out)
      if (r.left <= o.right && o.left <= r.right && r.top <= o.bottom && o.top <= r.bottom)
        return null;
    out.push(r);
  }
  // the same ranges as ExcelJS reports them (A1:B2 form)
  return refs.map((ref) => parseRangeA1(ref));
}

/** ExcelJS's value for one cell (what `cell.value` and `cell.formula` return); null: not sure, give up. */
function excelJsCell(
  c: RawCell,
  strings: SharedString[],
  formats: (string | undefined)[],
  date1904: boolean
): CellLike | "empty" | "merge" | null {
  // the style ExcelJS applies (s="0" counts as none there)
  let numFmt: string | undefined;
  let styled = false;
  if (c.styleId) {
    if (c.styleId >= formats.length) return null;
    styled = true;
    numFmt = formats[c.styleId];
  }
  const dateFmt = styled && isDateFmt(numFmt);
  if (c.fType !== undefined) {
    // plain formulas, array formulas and the master of a shared formula; its copies are left to ExcelJS
    if (!c.formula || !["", "array", "shared"].includes(c.fType)) return null;
    if (c.fType === "shared" && !c.fRef) return null;
    let result: unknown;
    if (c.value) {
      if (c.t === "str") result = xmlDecodeAgain(c.value);
      else if (c.t === "b") result = parseInt(c.value, 10) !== 0;
      else if (c.t === "e") result = { error: c.value };
      else result = parseFloat(c.value);
    }
    if (result !== undefined && dateFmt) result = excelToDate(result, date1904);
    const value: Record<string, unknown> = { formula: c.formula };
    if (result) value.result = result; // ExcelJS drops a falsy result (0, false, "")
    if (c.fRef) value.ref = c.fRef;
    if (c.fType) value.shareType = c.fType;
    return { value: value as unknown as CellLike["value"], formula: c.formula, numFmt };
  }
  if (c.value !== undefined) {
    let value: unknown;
    switch (c.t) {
      case "s": {
        const s = strings[parseInt(c.value, 10)];
        if (s === undefined) return null;
        value = s;
        break;
      }
      case "str":
        value = xmlDecodeAgain(c.value);
        break;
      case "inlineStr":
        value = c.value;
        break;
      case "b":
        value = parseInt(c.value, 10) !== 0;
        break;
      case "e":
        value = { error: c.value };
        break;
      default:
        value = parseFloat(c.value);
        if (dateFmt) value = excelToDate(value, date1904);
    }
    return { value: value as CellLike["value"], numFmt };
  }
  return c.styleId ? "empty" : "merge";
}

/**
 * The workbook's Grids as readWorkbook gives them, or null when this reader is not sure it would give the same
 * (then call readWorkbook).
 */
export function readWorkbookFast(data: Uint8Array, inflate: InflateRaw): ReadWorkbook | null {
  try {
    return readFast(data, inflate);
  } catch {
    return null;
  }
}

function readFast(data: Uint8Array, inflate: InflateRaw): ReadWorkbook | null {
  const entries = zipEntries(data);
  if (!entries || entries.has("mimetype")) return null;
  let total = 0;
  const text = (name: string) => {
    const t = partText(data, entries, name, inflate);
    total += t?.length ?? 0;
    return total > LIMITS.maxTotalBytes ? null : t;
  };
  // the package scan refuses these with an entity definition in them: so does this reader (it answers null)
  if (entries.has("[Content_Types].xml") && text("[Content_Types].xml") === null) return null;
  // ExcelJS finds parts by these names: anything else is left to the full path
  const root = text("_rels/.rels");
  if (root === null) return null;
  const office = parseRels(root).filter((r) => r.type.endsWith("/officeDocument"));
  if (office.length !== 1 || resolveTarget("", office[0].target) !== "xl/workbook.xml") return null;
  const workbookXml = text("xl/workbook.xml");
  const relsXml = text("xl/_rels/workbook.xml.rels");
  if (workbookXml === null || relsXml === null) return null;
  const rels = parseRels(relsXml);
  const byId = new Map(rels.map((r) => [r.id, r]));
  if (byId.size !== rels.length) return null;

  let strings: SharedString[] = [];
  let formats: (string | undefined)[] | null = null;
  for (const r of rels) {
    if (r.external) continue;
    const part = resolveTarget("xl/workbook.xml", r.target);
    if (r.type.endsWith("/sharedStrings")) {
      if (part !== "xl/sharedStrings.xml" || r.target.startsWith("/")) return null;
      const xml = text(part);
      const parsed = xml === null ? null : sharedStrings(xml);
      if (!parsed) return null;
      strings = parsed;
    } else if (r.type.endsWith("/theme")) {
      if (entries.has(part) && text(part) === null) return null;
    } else if (r.type.endsWith("/styles")) {
      if (part !== "xl/styles.xml" || r.target.startsWith("/")) return null;
      const xml = text(part);
      formats = xml === null ? null : cellFormats(xml);
      if (!formats) return null;
    }
  }
  if (!formats) return null;

  // <workbookPr date1904="1"/>; ExcelJS reads only "1"
  let date1904 = false;
  const sheets: { name: string; state?: string; id: number; part: string }[] = [];
  let bookDepth = 0;
  const ok = scanXml(workbookXml, {
    open(name, attrs) {
      bookDepth++;
      if (bookDepth === 1 && name !== "workbook") return false;
      if (name === "workbookPr" && attr(attrs, "date1904") === "1") date1904 = true;
      if (name === "sheet" && bookDepth === 3) {
        const rid = attr(attrs, "r:id");
        const rel = rid === null ? undefined : byId.get(rid);
        const id = Number(attr(attrs, "sheetId"));
        const rawName = attr(attrs, "name");
        if (!rel || rel.external || !rel.type.endsWith("/worksheet") || rawName === null)
          return false;
        if (!/^worksheets\/sheet[0-9]+\.xml$/.test(rel.target)) return false;
        if (!Number.isInteger(id) || id < 1 || String(id) !== attr(attrs, "sheetId")) return false;
        const name = xmlText(rawName);
        // names ExcelJS changes or refuses, and names it would decode a second time
        if (
          !name ||
          name.length > 31 ||
          name.includes("&") ||
          name === "History" ||
          /[*?:/\\[\]]|^'|'$/.test(name)
        )
          return false;
        const state = attr(attrs, "state") ?? undefined;
        sheets.push({ name, state, id, part: `xl/${rel.target}` });
      } else if (/(^|:)sheet$/.test(name) && name !== "sheet") return false;
      return true;
    },
    close() {
      bookDepth--;
      return true;
    },
    text() {},
  });
  if (!ok || !sheets.length) return null;
  if (new Set(sheets.map((s) => s.id)).size !== sheets.length) return null;
  if (new Set(sheets.map((s) => s.part)).size !== sheets.length) return null;

  const grids: Grid[] = [];
  for (const s of sheets) {
    const relsPart = s.part.replace(/([^/]+)$/, "_rels/$1.rels");
    if (entries.has(relsPart) && text(relsPart) === null) return null;
    const xml = text(s.part);
    if (xml === null || lastRowOf(xml) > LIMITS.maxFormRows) return null;
    const parsed = parseSheet(xml);
    if (!parsed) return null;
    const merges = mergeRanges(parsed.merges);
    if (!merges) return null;
    const grid = new Grid(s.name, {
      merges,
      protected: parsed.protected,
      mergesKnown: true,
      hidden: s.state === "hidden" || s.state === "veryHidden",
    });
    const zeros = cachedZeros(xml);
    for (const c of parsed.cells) {
      const master = grid.isMaster(c.row, c.col);
      const like = excelJsCell(c, strings, formats, date1904);
      if (like === null) return null;
      if (like === "merge") {
        if (master) return null; // an empty unstyled cell outside a merged area: ExcelJS reads it oddly
        continue;
      }
      if (like === "empty" || !master) continue;
      const cell = readCell(like, date1904);
      if (cell?.formula && cell.value === null && zeros.has(c.address)) cell.value = 0;
      if (cell) grid.set(c.row, c.col, cell);
    }
    grids.push(grid);
  }
  return {
    sheets: grids,
    notes: {
      skipped: [],
      hidden: sheets
        .filter((s) => s.state === "hidden" || s.state === "veryHidden")
        .map((s) => s.name),
      droppedMerges: [],
    },
  };
}
