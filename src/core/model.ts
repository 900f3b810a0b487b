// What the engine knows about one 自评表 after reading it: the public shape the CLI, the task pane and the
// write-back all use.
import type { ParsedValue } from "./notation";
import type { Profile } from "./profiles";

export type Severity = "error" | "warning" | "info";

export type FindingCode =
  | "TABLE_NOT_FOUND"
  | "COLUMN_MISSING"
  | "VALUE_UNPARSED"
  | "TYPE_MISMATCH"
  | "WEIGHT_TOTAL"
  | "WEIGHT_GROUP"
  | "GROUP_MISSING"
  | "SCORE_RANGE"
  | "SCORE_RULE"
  | "SCORE_BAND"
  | "REASON_MISSING"
  | "OVER_ACHIEVED"
  | "BUDGET_RATE"
  | "BUDGET_SCORE"
  | "FUNDING_SUM"
  | "TOTAL_MISMATCH"
  | "GRADE_MISMATCH"
  | "PLACEHOLDER"
  | "TEXT_MISMATCH"
  | "WEIGHT_NOT_POSITIVE"
  | "BUDGET_DOUBLE_COUNTED"
  | "NUMBER_AS_TEXT"
  | "SCORE_MERGED"
  | "TABLE_MULTIPLE";

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address (no sheet), the cell the finding is about. */
  cell: string;
  message: string;
  /** A value the rules suggest for `cell` (SCORE_RULE, BUDGET_SCORE): what 采用建议值 writes. */
  suggestion?: number;
}

/** A cell's position and what it held, so the write-back can confirm nothing changed since. */
export interface CellPos {
  row: number;
  col: number;
  address: string;
}

export interface ProjectInfo {
  name: string;
  dept: string;
  unit: string;
  year: string;
  /** 万元 or 元, from the 项目资金 label. */
  moneyUnit: string;
  title: string;
}

export interface FundingRow {
  label: string;
  row: number;
  planned: string | null;
  adjusted: string | null;
  executed: string | null;
}

export interface Budget {
  weight: number;
  planned: number | null;
  adjusted: number | null;
  executed: number | null;
  /** Computed rate in % (2 decimals), null when no budget amount. */
  rate: number | null;
  writtenRate: number | null;
  score: { written: number | null; rule: number | null };
  cells: {
    rate: string | null;
    score: string | null;
    weight: string | null;
    executed: string | null;
    adjusted: string | null;
  };
  rows: FundingRow[];
}

export type IndicatorKind = "quantitative" | "qualitative" | "unknown";

export interface IndicatorRow {
  row: number;
  level1: string;
  level2: string;
  name: string;
  /** Profile group key (产出, 效益, …) or "" when none matches. */
  group: string;
  target: ParsedValue;
  actual: ParsedValue;
  weight: number | null;
  score: number | null;
  reason: string;
  kind: IndicatorKind;
  /** Score the rules give (quantitative only; null when the rules do not determine it). */
  ruleScore: number | null;
  /** Completion rate in % (actual ÷ target for ≥, target ÷ actual for ≤), when computable. */
  completion: number | null;
  /** Marked 不适用 and left out of the total (only under a profile with `notApplicable`). */
  notApplicable: boolean;
  /** Qualitative band of the actual, when classified. */
  band: "achieved" | "partial" | "notAchieved" | null;
  cells: {
    name: string;
    target: string;
    actual: string;
    weight: string | null;
    score: string;
    reason: string | null;
  };
}

export interface GroupSummary {
  name: string;
  level: 1 | 2;
  /** Declared in the label (产出指标(55分)) or Σ children, null when no weights. */
  weight: number | null;
  declaredWeight: number | null;
  score: { written: number; rule: number };
  cell: string;
}

export interface CategorySummary {
  key: string;
  weight: number;
  profileWeight: number | null;
  score: { written: number; rule: number };
  indicators: number;
}

/**
 * final: the total and grade stand; provisional: the weights do not add up to the total weight, so the grade is only
 * indicative; incomplete: scores are not filled in; uncomputable: a score cell holds an error value, a date or a
 * formula without a result, so Excel's total would not be a number we can state.
 */
export type TotalStatus = "final" | "provisional" | "incomplete" | "uncomputable";

export interface Totals {
  status: TotalStatus;
  /** Why the total is not final, in Chinese (“尚未填写：3 项指标没有得分，无法评定等级”); null when final. */
  note: string | null;
  weight: number | null;
  /** Weight in the 总分 row's 分值 cell. */
  writtenWeight: number | null;
  written: number | null;
  computed: number;
  suggested: number;
  cell: string | null;
  weightCell: string | null;
}

export interface GradeInfo {
  label: string;
  written: string | null;
  cell: string | null;
  /** Where the 绩效级别 label is. */
  labelCell: string | null;
}

/** One part of the summary sentence: "budget", a summary group's key (its first group key), or "other". */
export interface SummaryPart {
  key: string;
  score: number;
}

export interface Summary {
  sentence: string;
  /** In the sentence's order; labels come from the profile (`summaryLabel`). */
  parts: SummaryPart[];
}

export interface Columns {
  level1: number | null;
  level2: number | null;
  name: number;
  target: number | null;
  actual: number | null;
  weight: number | null;
  score: number | null;
  reason: number | null;
  measure: number | null;
  operator: number | null;
  unit: number | null;
}

export interface Analysis {
  sheet: string;
  /** The sheet is hidden in the workbook (say so: the user may not see the table). */
  sheetHidden: boolean;
  profile: Profile;
  project: ProjectInfo;
  headerRow: number;
  columns: Columns;
  budget: Budget | null;
  goals: { expected: string; actual: string; cell: string | null } | null;
  indicators: IndicatorRow[];
  groups: GroupSummary[];
  categories: CategorySummary[];
  total: Totals;
  grade: GradeInfo;
  summary: Summary;
  findings: Finding[];
  /** Checks that could not run and why, in Chinese (e.g. no 分值 column). */
  skippedChecks: string[];
}

/** A sheet in which no indicator table was found. */
export interface SheetNotAnalyzed {
  sheet: string;
  findings: Finding[];
}
