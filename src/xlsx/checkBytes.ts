// One .xlsx's check results as `check --json` gives them, from its bytes: the web page's unit of work (no fs here).
// A file that cannot be read or has no table is one failure.
import type { CheckResult } from "../core/summarySheet";
import { checkReadWorkbook } from "./checkBook";
import { readWorkbook } from "./read";

export function checkWorkbookBytes(
  file: string,
  data: Uint8Array,
  profile: string,
  sheet?: string
): Promise<CheckResult[]> {
  return checkReadWorkbook(file, () => readWorkbook(data), profile, sheet);
}
