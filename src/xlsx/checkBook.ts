// One workbook's check results as `check --json` gives them, whichever reader produced its Grids (ExcelJS in
// checkBytes.ts and the web page, the direct reader first in the CLI batch). A file that cannot be read or has no
// table is one failure row.
import { notAnalyzedJson, toCheckJson } from "../core/contract";
import { analyzeWorkbookResolved } from "../core/profileChoice";
import type { CheckResult } from "../core/summarySheet";
import type { ReadWorkbook } from "./read";

export async function checkReadWorkbook(
  file: string,
  read: () => Promise<ReadWorkbook>,
  profile: string,
  sheet?: string
): Promise<CheckResult[]> {
  let book;
  try {
    book = await read();
  } catch (e) {
    return [
      {
        file,
        sheet: null,
        error: `无法读取“${file}”：${e instanceof Error ? e.message : String(e)}`,
        findings: [],
      },
    ];
  }
  const result = analyzeWorkbookResolved(book, profile, sheet);
  if (!result.analyses.length) {
    // one row per file: the first sheet's reason stands for the workbook
    const first = result.notAnalyzed[0];
    return [
      first
        ? { ...notAnalyzedJson(file, first), findings: [] }
        : { file, sheet: sheet ?? "", error: "没有找到绩效指标表", findings: [] },
    ];
  }
  return result.analyses.map((a, k) => toCheckJson(file, a, result.resolved[k].reason));
}
