// The zip and XML layers of the direct reader (fastRead.ts): the central directory, one part inflated as text,
// and a small strict XML scanner. Each answers null or false for anything unusual, so that the caller falls back
// to the ExcelJS path. No Node APIs: the inflater is passed in.
import { attr, LIMITS } from "./packageXml";

/** Raw DEFLATE → bytes (zlib.inflateRawSync in Node). */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

export interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/** The zip's central directory; null for anything unusual (zip64, encryption, split archives, comments…). */
export function zipEntries(b: Uint8Array): Map<string, ZipEntry> | null {
  if (b.length < 22 || b[0] !== 0x50 || b[1] !== 0x4b) return null;
  const eocd = b.length - 22; // no archive comment: Excel, WPS and ExcelJS write none
  if (u32(b, eocd) !== 0x06054b50 || u16(b, eocd + 20) !== 0) return null;
  const count = u16(b, eocd + 10);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 8) !== count) return null;
  const cdSize = u32(b, eocd + 12);
  let at = u32(b, eocd + 16);
  if (count === 0xffff || at + cdSize !== eocd || count > LIMITS.maxEntries) return null;
  const out = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || u32(b, at) !== 0x02014b50) return null;
    const flags = u16(b, at + 8);
    const nameLength = u16(b, at + 28);
    const end = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
    if (end > eocd || flags & 0x41) return null; // encrypted
    let name = "";
    for (let i = at + 46; i < at + 46 + nameLength; i++) {
      if (b[i] >= 0x80) {
        name = "\0"; // a non-ASCII name is never one of the parts read here
        break;
      }
      name += String.fromCharCode(b[i]);
    }
    if (name !== "\0") {
      if (out.has(name)) return null;
      out.set(name, {
        method: u16(b, at + 10),
        compressedSize: u32(b, at + 20),
        size: u32(b, at + 24),
        offset: u32(b, at + 42),
      });
    }
    at = end;
  }
  return at === eocd ? out : null;
}

const utf8 = new TextDecoder("utf-8");

/** One part as text; null when it is absent, too big, or not plainly stored or deflated. */
export function partText(
  b: Uint8Array,
  entries: Map<string, ZipEntry>,
  name: string,
  inflate: InflateRaw
): string | null {
  const e = entries.get(name);
  if (!e || e.size > LIMITS.smallSheetBytes) return null;
  const h = e.offset;
  if (h + 30 > b.length || u32(b, h) !== 0x04034b50) return null;
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const raw = b.subarray(start, start + e.compressedSize);
  if (raw.length !== e.compressedSize) return null;
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else if (e.method === 8) data = inflate(raw);
  else return null;
  if (data.length !== e.size) return null;
  const text = utf8.decode(data);
  // what the package scan refuses or ExcelJS's XML parser rejects: left to the full path
  if (/<!|[\0-\x08\x0b\x0c\x0e-\x1f\ufffd]/.test(text)) return null;
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// A small, strict XML scanner: well-formed tags, known entities, balanced elements; anything else is null.

export interface XmlEvents {
  open(name: string, attrs: string, selfClosing: boolean): boolean;
  close(name: string): boolean;
  text(raw: string): void;
}

const TAG =
  /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const BAD_AMP = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** Calls back for each tag and text run; false when the XML is not plainly well-formed. */
export function scanXml(xml: string, ev: XmlEvents): boolean {
  if (BAD_AMP.test(xml)) return false;
  const stack: string[] = [];
  let at = 0;
  if (xml.startsWith("<?xml")) {
    at = xml.indexOf("?>");
    if (at < 0) return false;
    at += 2;
  }
  let rootSeen = false;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > at) {
      const t = xml.slice(at, textEnd);
      if (stack.length) ev.text(t);
      else if (t.trim()) return false;
    }
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(xml);
    if (!m) return false;
    at = TAG.lastIndex;
    const name = m[2];
    if (m[1]) {
      if (m[3] || m[4] || stack.pop() !== name || !ev.close(name)) return false;
    } else {
      if (!stack.length) {
        if (rootSeen) return false;
        rootSeen = true;
      }
      if (!ev.open(name, m[3], Boolean(m[4]))) return false;
      if (m[4]) {
        if (!ev.close(name)) return false;
      } else stack.push(name);
    }
  }
  return rootSeen && stack.length === 0;
}

/** Text as an XML parser reports it: entities decoded, line ends normalised. */
export function xmlText(raw: string): string {
  let s = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  if (s.includes("&"))
    s = s.replace(/&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      switch (e) {
        case "lt":
          return "<";
        case "gt":
          return ">";
        case "amp":
          return "&";
        case "quot":
          return '"';
        case "apos":
          return "'";
        default:
          return String.fromCodePoint(
            e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
          );
      }
    });
  return s;
}

/** An attribute's value, decoded; undefined when absent. */
export function attrValue(attrs: string, name: string): string | undefined {
  const v = attr(attrs, name);
  return v === null ? undefined : xmlText(v).replace(/[\t\n]/g, " ");
}
