// Text normalisation shared by header matching and value notation.

/**
 * Loose form of a label for matching: full-width → half-width (NFKC), no white space or line breaks,
 * brackets unified to "(" ")". "全年（调整）\n预算数" → "全年(调整)预算数".
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[【\[〔［]/g, "(")
    .replace(/[】\]〕］]/g, ")");
}

/** The label without any parenthesised part: "年度指标值(A)" → "年度指标值". */
export function stripParens(label: string): string {
  return label.replace(/\([^)]*\)/g, "");
}

/** Placeholder texts that count as empty in a reason or value cell (SPEC §6). */
const PLACEHOLDERS = new Set([
  "",
  "0",
  "无",
  "暂无",
  "/",
  "-",
  "—",
  "——",
  "--",
  "…",
  "……",
  "...",
  "......",
  "无。",
  "无偏差",
]);

export function isPlaceholderText(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return true;
  return (
    PLACEHOLDERS.has(text.normalize("NFKC").replace(/\s+/g, "")) || PLACEHOLDERS.has(text.trim())
  );
}

/** Width of a text in Excel column units: CJK, full-width characters, “” — … ≤ ≥ and the █ ░ bar blocks take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x2014 && code <= 0x201d) ||
      code === 0x2026 ||
      (code >= 0x2264 && code <= 0x2265) ||
      (code >= 0x2580 && code <= 0x259f);
    w += wide ? 2 : 1;
  }
  return w;
}
