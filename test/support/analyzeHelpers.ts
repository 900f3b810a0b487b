import { summaryLabel } from "../../src/core/profiles";
import { analyze } from "../../src/core/analyze";
import type { WorkbookGrids } from "../../src/core/grid";
import type { Analysis, Finding, FindingCode } from "../../src/core/model";
import { getProfile } from "../../src/core/profiles";
import { findTableSheets } from "../../src/core/analyze";

export function analyzeBook(book: WorkbookGrids, profileId = "xicheng"): Analysis {
  const sheets = findTableSheets(book);
  if (sheets.length !== 1) throw new Error(`expected one table sheet, found ${sheets.join(",")}`);
  return analyze(
    book.sheets.find((g) => g.sheet === sheets[0])!,
    getProfile(profileId)
  );
}

export const errorsAndWarnings = (a: Analysis): Finding[] =>
  a.findings.filter((f) => f.severity !== "info");

export function findingAt(a: Analysis, code: FindingCode, cell: string): Finding | undefined {
  return a.findings.find((f) => f.code === code && f.cell === cell);
}

/** A compact view for failure messages: "H15 SCORE_RULE error". */
export const brief = (fs: Finding[]) =>
  fs.map((f) => `${f.cell} ${f.code} ${f.severity}: ${f.message}`);

/** The summary parts as the report sentence names them: { 预算执行: 10, 项目产出: 50.45, … }. */
export function partsByLabel(a: Analysis): Record<string, number> {
  return Object.fromEntries(a.summary.parts.map((p) => [summaryLabel(a.profile, p.key), p.score]));
}
