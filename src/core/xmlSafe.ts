// Text that goes into an output file (.xlsx, .docx) must be well-formed XML: control characters pasted from Word
// (a vertical tab, U+0001…) or spelled as OOXML escapes ("_x0001_", which Excel decodes back into them) would make
// the file unreadable for openpyxl and LibreOffice. Pure: used by both file gateways and the Word report.

/** Excel's limit for the text of one cell. */
export const MAX_CELL_TEXT = 32767;

// XML 1.0 allows tab, line feed and carriage return only, below U+0020; U+FFFE/U+FFFF are never characters
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** "_x0001_" … "_x001F_" (not _x0009_, _x000A_, _x000D_): OOXML's escape for a character XML cannot hold. */
const ESCAPED_ILLEGAL = /_x00(?:0[0-8BbCcEeFf]|1[0-9A-Fa-f])_/g;
// a pair, kept, or a lone half, dropped (no lookbehind: EdgeHTML 18 and older Safari reject it, see webpack.config.js)
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** The text without characters XML 1.0 cannot hold (nor their `_xHHHH_` escapes). */
export function xmlSafeText(text: string): string {
  return text
    .replace(ESCAPED_ILLEGAL, "")
    .replace(ILLEGAL, "")
    .replace(SURROGATES, (s) => (s.length === 2 ? s : ""));
}

export const TRUNCATED_NOTE = "…（内容超过 Excel 单元格 32767 字的上限，已截断）";

/** Text fit for one Excel cell: XML-safe and at most 32,767 characters (cut with a note saying so). */
export function cellText(text: string): string {
  const safe = xmlSafeText(text);
  if (safe.length <= MAX_CELL_TEXT) return safe;
  let cut = MAX_CELL_TEXT - TRUNCATED_NOTE.length;
  // never split a surrogate pair
  if (/[\uD800-\uDBFF]/.test(safe[cut - 1])) cut--;
  return safe.slice(0, cut) + TRUNCATED_NOTE;
}

/** Escapes text for an XML element or attribute value (after xmlSafeText). */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
