// Which findings get a 采用建议值 button: those core gave a suggestion for a score cell (PlanChoices.acceptSuggestions
// names SCORE_RULE / BUDGET_SCORE cells; the total's suggestion is what 写回总分和等级 writes anyway).
import type { Finding } from "../../core/model";

const SCORE_CODES: ReadonlySet<Finding["code"]> = new Set(["SCORE_RULE", "BUDGET_SCORE"]);

export function isFixable(f: Finding): boolean {
  return f.suggestion !== undefined && SCORE_CODES.has(f.code);
}
