// The first thing the pane says after a check: how many errors and warnings, and what to do next. A sentence that
// says everything was checked must not be said when a missing column made a check impossible, or when the total
// cannot be stated.
import type { Analysis } from "./model";

export interface Verdict {
  errors: number;
  warnings: number;
  tone: "bad" | "warn" | "good";
  /** “9 项错误、2 项警告”, or “未发现错误” (with the warnings, if any). */
  heading: string;
  /** What to do next, in one sentence. */
  advice: string;
}

export function verdictOf(
  analysis: Pick<Analysis, "findings" | "skippedChecks" | "total">
): Verdict {
  const errors = analysis.findings.filter((f) => f.severity === "error").length;
  const warnings = analysis.findings.filter((f) => f.severity === "warning").length;
  const heading =
    errors === 0
      ? warnings
        ? `未发现错误，${warnings} 项警告`
        : "未发现错误"
      : warnings
        ? `${errors} 项错误、${warnings} 项警告`
        : `${errors} 项错误`;
  const { status, note } = analysis.total;
  const skipped = analysis.skippedChecks;
  const advice = errors
    ? "请先更正错误：总分和等级要在更正后才作数。"
    : (status === "incomplete" || status === "uncomputable") && note
      ? `${note}。`
      : warnings
        ? "请逐项看一下警告，确认无误即可。"
        : skipped.length
          ? `表中缺少相应的列，以下检查未做：${skipped.join("、")}。`
          : "分值、得分、总分和等级都核对无误。";
  return { errors, warnings, tone: errors ? "bad" : warnings ? "warn" : "good", heading, advice };
}
