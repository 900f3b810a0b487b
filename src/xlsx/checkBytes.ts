// One .xlsx's check results as `check --json` gives them, from its bytes: the batch's unit of work in the CLI's
// worker threads and in the web page alike (no fs here). A file that cannot be read or has no table is one failure.
import { notAnalyzedJson, toCheckJson } from "../core/contract";
import { analyzeWorkbookResolved } from "../core/profileChoice";
import type { CheckResult } from "../core/summarySheet";
import { readWorkbook } from "./read";

export async function checkWorkbookBytes(
  file: string,
  data: Uint8Array,
  profile: string,
  sheet?: string
): Promise<CheckResult[]> {
  let book;
  try {
    book = await readWorkbook(data);
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
