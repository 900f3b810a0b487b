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
const PLACEHOLDERS = new Set(["", "0", "无", "暂无", "/", "-", "—", "——", "--", "…", "……", "...", "......", "无。", "无偏差"]);

export function isPlaceholderText(text: string | null | undefined): boolean {
  if (text === null || text === undefined) return true;
  return PLACEHOLDERS.has(text.normalize("NFKC").replace(/\s+/g, "")) || PLACEHOLDERS.has(text.trim());
}
