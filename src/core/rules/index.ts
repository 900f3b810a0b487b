// The registry: every rule of the checker, in the order their findings were always reported (the list is then
// sorted by severity and cell). A new rule is a new file here and one line below.
import type { FindingCode } from "../model";
import type { RuleModule } from "./rule";
import { budgetDoubleCounted } from "./budgetDoubleCounted";
import { budgetRate } from "./budgetRate";
import { budgetScore } from "./budgetScore";
import { numberAsText } from "./numberAsText";
import { scoreMerged } from "./scoreMerged";
import { columnMissing } from "./columnMissing";
import { fundingSum } from "./fundingSum";
import { gradeMismatch } from "./gradeMismatch";
import { groupMissing } from "./groupMissing";
import { overAchieved } from "./overAchieved";
import { placeholder } from "./placeholder";
import { reasonMissing } from "./reasonMissing";
import { scoreBand } from "./scoreBand";
import { scoreRange } from "./scoreRange";
import { scoreRule } from "./scoreRule";
import { tableNotFound } from "./tableNotFound";
import { tableMultiple } from "./tableMultiple";
import { textMismatch } from "./textMismatch";
import { totalMismatch } from "./totalMismatch";
import { typeMismatch } from "./typeMismatch";
import { valueUnparsed } from "./valueUnparsed";
import { weightGroup } from "./weightGroup";
import { weightNotPositive } from "./weightNotPositive";
import { weightTotal } from "./weightTotal";

/** Rules that run over a model, in order. */
export const FORM_RULES: readonly RuleModule[] = [
  columnMissing,
  valueUnparsed,
  weightNotPositive,
  scoreRange,
  scoreMerged,
  numberAsText,
  typeMismatch,
  scoreRule,
  scoreBand,
  overAchieved,
  budgetDoubleCounted,
  placeholder,
  fundingSum,
  budgetRate,
  budgetScore,
  reasonMissing,
  weightGroup,
  weightTotal,
  groupMissing,
  totalMismatch,
  gradeMismatch,
  textMismatch,
] as RuleModule[];

/** Every rule, one per finding code. */
export const RULES: readonly RuleModule[] = [
  tableNotFound as RuleModule,
  tableMultiple as RuleModule,
  ...FORM_RULES,
];

export function ruleFor(code: FindingCode | string): RuleModule | undefined {
  return RULES.find((r) => r.meta.code === code);
}

export type { RuleMeta, RuleModule } from "./rule";
