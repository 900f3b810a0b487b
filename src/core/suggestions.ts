// Which findings carry a score the user may accept (采用建议值): the plan writes exactly these, the pane offers them.
import type { Finding } from "./model";

const SUGGESTION_CODES: ReadonlySet<Finding["code"]> = new Set(["SCORE_RULE", "BUDGET_SCORE"]);

/** A SCORE_RULE / BUDGET_SCORE finding with a suggested score (the total's suggestion is what the write-back writes anyway). */
export function isAcceptableSuggestion(f: Finding): boolean {
  return f.suggestion !== undefined && SUGGESTION_CODES.has(f.code);
}
