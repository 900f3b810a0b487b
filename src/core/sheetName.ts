// Excel's rules for sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe,
// not the reserved "History", unique in the workbook ignoring case.

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/;

/** Why a sheet name is not valid (Chinese), or null when it is. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "工作表名称不能为空";
  if ([...name].length > MAX_SHEET_NAME) return `工作表名称“${name}”超过${MAX_SHEET_NAME}个字符`;
  if (FORBIDDEN.test(name)) return `工作表名称“${name}”含有不允许的字符（: \\ / ? * [ ]）`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `工作表名称“${name}”不能以单引号开头或结尾`;
  if (name.toLowerCase() === "history") return "“History”是 Excel 保留的工作表名称";
  return null;
}

export function validSheetName(name: string): boolean {
  return sheetNameProblem(name) === null;
}

/** Replaces forbidden characters and trims to the length limit, so that any text can become a sheet name. */
export function cleanSheetName(text: string, maxLength = MAX_SHEET_NAME): string {
  let s = text
    .replace(/[:\\/?*[\]]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  const chars = [...s];
  if (chars.length > maxLength) s = chars.slice(0, maxLength).join("").trimEnd();
  if (!s || s.toLowerCase() === "history") s = "Sheet";
  return s;
}

/** `base`, or `base (2)`, `base (3)` … the first one not taken (names compare ignoring case, as Excel does). */
export function uniqueSheetName(base: string, existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const first = cleanSheetName(base);
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = cleanSheetName(base, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
