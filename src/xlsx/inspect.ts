// Looks inside an .xlsx package before ExcelJS loads it. ExcelJS expands every merged area cell by cell and keeps
// every sheet in memory: one <mergeCell ref="A1:XFD1048576"/> on an unrelated sheet, a million-row sheet or a zip
// bomb costs gigabytes. So: tell the other formats apart, refuse what cannot be a workbook, and hand ExcelJS a
// reduced package that holds only what reading a form needs (cell values, formats, merges, protection).
// No Node APIs: the web page reads files through this too.
import JSZip from "jszip";
import {
  areaOf,
  attr,
  decodeXml,
  LIMITS,
  lastRowOf,
  parseRels,
  resolveTarget,
  type Rel,
} from "./packageXml";

export { areaOf, LIMITS, resolveTarget };

/** The file cannot be read; the message is one Chinese sentence for the user. */
export class PackageRefused extends Error {}

/** Words of an indicator table's header: a sheet without any of them cannot hold a form. */
const HEADER_WORDS = ["指标", "得分", "分值", "权重", "自评"];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export interface PreparedPackage {
  /** The reduced package for ExcelJS. */
  data: Uint8Array;
  /** Sheets not loaded (left empty in the reduced package), with why. */
  skipped: SkippedSheet[];
  /** Sheets whose state is hidden or veryHidden. */
  hidden: string[];
  /** Merged areas removed from a loaded sheet because they were too big, e.g. "附件1!A1:XFD1048576". */
  droppedMerges: string[];
}

const NOT_XLSX = "不是有效的 .xlsx 工作簿";

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Whether the UTF-16LE text occurs in the bytes (OLE2 directory names are UTF-16LE). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = Array.from(text).flatMap((ch) => [ch.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** Text that looks like CSV or TSV: printable, with separators on its first line. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20)) return false;
  return true;
}

/** Why the bytes are not a zip package: one sentence naming what the file is and what to do. */
function describeNotZip(bytes: Uint8Array): string {
  if (bytes.length === 0) return `文件为空（0 字节），${NOT_XLSX}。`;
  if (startsWith(bytes, OLE2)) {
    if (hasUtf16(bytes, "EncryptionInfo") || hasUtf16(bytes, "EncryptedPackage"))
      return "这个文件设置了打开密码（已加密），无法读取：请在 Excel 中取消密码并另存为 .xlsx 后再试。";
    return "这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取：请在 Excel 中“另存为” .xlsx 后再试。";
  }
  if (looksLikeText(bytes))
    return `这是文本文件（例如 CSV），${NOT_XLSX}：请在 Excel 中打开并“另存为” .xlsx 后再试。`;
  return `文件已损坏或是其他格式，${NOT_XLSX}：请在 Excel 中“另存为” .xlsx 后再试。`;
}

/** Declared uncompressed size of an entry (JSZip keeps it from the central directory). */
function declaredSize(f: JSZip.JSZipObject): number {
  const data = (f as unknown as { _data?: { uncompressedSize?: number } })._data;
  return typeof data?.uncompressedSize === "number" ? data.uncompressedSize : 0;
}

interface JSZipStream {
  on(event: "data", f: (chunk: Uint8Array) => void): JSZipStream;
  on(event: "error", f: (e: Error) => void): JSZipStream;
  on(event: "end", f: () => void): JSZipStream;
  pause(): JSZipStream;
  resume(): JSZipStream;
}

function decode(chunks: Uint8Array[], size: number): string {
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder("utf-8").decode(all);
}

/**
 * Inflates one entry as text, stopping as soon as it grows past `limit` (declared sizes can lie): null then, or
 * with `prefix` the first `limit` bytes or so (enough to see whether a sheet starts with a form's header).
 */
function readText(f: JSZip.JSZipObject, limit: number, prefix = false): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let done = false;
    // JSZip's public typing lacks internalStream, the one reader that can stop half-way
    const stream = (
      f as unknown as { internalStream(type: "uint8array"): JSZipStream }
    ).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        if (done) return;
        size += chunk.length;
        if (size > limit) {
          done = true;
          stream.pause();
          resolve(prefix ? decode([...chunks, chunk], size) : null);
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (e: Error) => {
        if (!done) reject(e);
        done = true;
      })
      .on("end", () => {
        if (done) return;
        done = true;
        resolve(decode(chunks, size));
      })
      .resume();
  });
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relative target from one part's folder to another part ("xl/" → "xl/worksheets/a.xml": "worksheets/a.xml"). */
function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function relsXml(rels: Rel[]): string {
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

const typeIs = (r: Rel, suffix: string) => r.type.endsWith(`/${suffix}`);

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** Elements of a sheet that point into parts reading never needs (drawings, comments, tables, controls). */
const SHEET_LINKS =
  /<(?:\w+:)?(tableParts|legacyDrawing|legacyDrawingHF|drawing|picture|oleObjects|controls|extLst)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?\1>)/g;

/** Indices of the shared strings that hold a header word (the sheets that use one may hold a form). */
function headerStringIndices(sharedStrings: string): Set<number> {
  const found = new Set<number>();
  let k = 0;
  for (const m of sharedStrings.matchAll(
    /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g
  )) {
    const body = m[1] ?? "";
    if (HEADER_WORDS.some((w) => body.includes(w))) found.add(k);
    k++;
  }
  return found;
}

/** Whether a (big) sheet's XML holds a header word, inline or through a shared string. */
function mentionsHeader(xml: string, shared: Set<number>): boolean {
  if (HEADER_WORDS.some((w) => xml.includes(w))) return true; // inline strings, formulas
  if (shared.size === 0) return false;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>(\d+)<\/(?:\w+:)?v>/g))
    if (/\bt\s*=\s*["']s["']/.test(m[1]) && shared.has(Number(m[2]))) return true;
  return false;
}

/** Removes merged areas too big for a form; returns the kept XML and the refs removed. */
function dropHugeMerges(xml: string): { xml: string; dropped: string[] } {
  const dropped: string[] = [];
  const out = xml.replace(/<(?:\w+:)?mergeCell\b[^>]*\/>/g, (tag) => {
    const ref = attr(tag, "ref") ?? "";
    if (areaOf(ref).cells <= LIMITS.maxMergeCells) return tag;
    dropped.push(ref);
    return "";
  });
  return { xml: dropped.length ? out.replace(/count="\d+"/, "") : out, dropped };
}

const tooBig = (what: string) =>
  `文件中的${what}解压后过大（可能是“压缩炸弹”），不像是自评表，未读取。`;

/**
 * Reads the package's structure and returns a reduced copy to load; throws PackageRefused with a one-sentence
 * Chinese message for what is not an .xlsx workbook or cannot be read safely.
 */
export async function preparePackage(bytes: Uint8Array): Promise<PreparedPackage> {
  if (!startsWith(bytes, [0x50, 0x4b])) throw new PackageRefused(describeNotZip(bytes));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new PackageRefused(
      `文件不完整或已损坏（zip 结构无法读取，可能没有下载或复制完整），${NOT_XLSX}。`
    );
  }
  const names = Object.keys(zip.files);
  if (names.length > LIMITS.maxEntries)
    throw new PackageRefused(`文件中有 ${names.length} 个部件，不像是 Excel 工作簿，未读取。`);
  const mimetype = zip.file("mimetype");
  if (mimetype) {
    const m = (await readText(mimetype, 200)) ?? "";
    if (m.includes("opendocument.spreadsheet"))
      throw new PackageRefused(
        "这是 OpenDocument 表格（.ods，WPS 或 LibreOffice 的格式），无法直接读取：请在 WPS、LibreOffice 或 Excel 中“另存为” Excel 工作簿（.xlsx）后再试。"
      );
  }
  const workbookPath = await officeDocumentPath(zip);
  const workbookFile = workbookPath ? zip.file(workbookPath) : null;
  if (!workbookPath || !workbookFile)
    throw new PackageRefused(`文件是 zip 压缩包，但其中没有 Excel 工作簿，${NOT_XLSX}。`);

  let budget = LIMITS.maxTotalBytes;
  const read = async (path: string, what: string): Promise<string | null> => {
    const f = zip.file(path);
    if (!f) return null;
    const limit = Math.min(LIMITS.maxPartBytes, budget);
    if (declaredSize(f) > limit) throw new PackageRefused(tooBig(what));
    let text: string | null;
    try {
      text = await readText(f, limit);
    } catch {
      throw new PackageRefused(`文件已损坏（${what}无法解压），${NOT_XLSX}。`);
    }
    if (text === null) throw new PackageRefused(tooBig(what));
    budget -= text.length;
    // Excel never writes a DTD; entities defined in one can expand a few bytes into gigabytes
    if (/<!DOCTYPE|<!ENTITY/i.test(text.slice(0, 4096)))
      throw new PackageRefused(
        `文件中的${what}含有 XML 实体定义（DOCTYPE），不是 Excel 写出的文件，为安全起见未读取。`
      );
    return text;
  };

  const workbookXml = (await read(workbookPath, "工作簿目录")) ?? "";
  const wbRelsPath = relsPathOf(workbookPath);
  const wbRels = parseRels((await read(wbRelsPath, "工作簿关系")) ?? "");
  const byId = new Map(wbRels.map((r) => [r.id, r]));
  const partOf = (r: Rel) => resolveTarget(workbookPath, r.target);

  const sharedRel = wbRels.find((r) => typeIs(r, "sharedStrings"));
  const sharedPath = sharedRel ? partOf(sharedRel) : null;
  const sharedXml = sharedPath ? ((await read(sharedPath, "共享字符串")) ?? "") : "";
  const headerStrings = headerStringIndices(sharedXml);

  const out = new JSZip();
  const skipped: SkippedSheet[] = [];
  const hidden: string[] = [];
  const droppedMerges: string[] = [];
  const keptRels: Rel[] = [];

  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const tag = m[0];
    const name = decodeXml(attr(tag, "name") ?? "");
    const state = attr(tag, "state");
    if (state === "hidden" || state === "veryHidden") hidden.push(name);
    const rid = attr(tag, "r:id") ?? attr(tag, "id");
    const rel = rid ? byId.get(rid) : undefined;
    if (!rel || !typeIs(rel, "worksheet")) continue; // chart sheets, dialog sheets: nothing to read
    const part = partOf(rel);
    keptRels.push({ ...rel, target: relativeTarget(workbookPath, part) });
    const f = zip.file(part);
    if (!f) {
      out.file(part, EMPTY_SHEET);
      continue;
    }
    const size = declaredSize(f);
    const skip = (reason: string) => {
      skipped.push({ sheet: name, reason });
      out.file(part, EMPTY_SHEET);
    };
    if (size > LIMITS.maxPartBytes || size > budget) {
      skip(`解压后 ${Math.round(size / 1048576)} MB，过大`);
      continue;
    }
    let xml: string | null;
    try {
      // a form's header is near the top: a big sheet whose beginning has none is not inflated any further
      if (size > LIMITS.smallSheetBytes) {
        const head = (await readText(f, LIMITS.smallSheetBytes, true)) ?? "";
        if (!mentionsHeader(head, headerStrings)) {
          skip("没有指标表的表头，且内容很多");
          continue;
        }
      }
      xml = await readText(f, Math.min(LIMITS.maxPartBytes, budget));
    } catch {
      throw new PackageRefused(`文件已损坏（工作表“${name}”无法解压），${NOT_XLSX}。`);
    }
    if (xml === null) {
      skip("解压后过大");
      continue;
    }
    if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096))) {
      skip("含有 XML 实体定义");
      continue;
    }
    const small = xml.length <= LIMITS.smallSheetBytes;
    if (!small && !mentionsHeader(xml, headerStrings)) {
      skip("没有指标表的表头，且内容很多");
      continue;
    }
    if (lastRowOf(xml) > LIMITS.maxFormRows && !mentionsHeader(xml, headerStrings)) {
      skip("没有指标表的表头，且行数过多");
      continue;
    }
    budget -= xml.length;
    const merges = dropHugeMerges(xml);
    if (merges.dropped.length && !mentionsHeader(xml, headerStrings)) {
      skip(`合并区域 ${merges.dropped[0]} 过大`);
      continue;
    }
    droppedMerges.push(...merges.dropped.map((r) => `${name}!${r}`));
    out.file(part, merges.xml.replace(SHEET_LINKS, ""));
    // only hyperlinks may stay: every other relationship pointed at a part left out
    const sheetRelsText = zip.file(relsPathOf(part))
      ? await read(relsPathOf(part), "工作表关系")
      : null;
    if (sheetRelsText) {
      const links = parseRels(sheetRelsText).filter((r) => r.external && typeIs(r, "hyperlink"));
      out.file(relsPathOf(part), relsXml(links));
    }
  }

  // the parts a read needs, under their own names, with relative targets (ExcelJS fails on "/xl/…")
  for (const r of wbRels) {
    if (!["styles", "sharedStrings", "theme"].some((t) => typeIs(r, t)) || r.external) continue;
    const part = partOf(r);
    const text = part === sharedPath ? sharedXml : await read(part, "样式");
    if (text === null) continue;
    out.file(part, text);
    keptRels.push({ ...r, target: relativeTarget(workbookPath, part) });
  }
  out.file(workbookPath, workbookXml);
  out.file(wbRelsPath, relsXml(keptRels));
  out.file(
    "_rels/.rels",
    relsXml([
      {
        id: "rId1",
        type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        target: workbookPath,
        external: false,
      },
    ])
  );
  const types = await read("[Content_Types].xml", "内容类型");
  if (types) out.file("[Content_Types].xml", types);
  const data = await out.generateAsync({ type: "uint8array", compression: "STORE" });
  return { data, skipped, hidden, droppedMerges };
}

/** The workbook part named by the package relationships (xl/workbook.xml almost always). */
async function officeDocumentPath(zip: JSZip): Promise<string | null> {
  const f = zip.file("_rels/.rels");
  if (f) {
    const text = await readText(f, 1024 * 1024).catch(() => null);
    const rel = text ? parseRels(text).find((r) => typeIs(r, "officeDocument")) : undefined;
    if (rel) {
      const p = resolveTarget("", rel.target);
      if (zip.file(p)) return p;
    }
  }
  return zip.file("xl/workbook.xml") ? "xl/workbook.xml" : null;
}
