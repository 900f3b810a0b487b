// What a write-back leaves wrong: the errors whose cell the plan does not write, and among them the score cells the
// written total adds up (so the preview can say the total and grade will be built from scores that are still wrong).
import type { Analysis } from "./model";
import type { WritePlan } from "./writePlan";

export interface OpenErrors {
  count: number;
  scoreCells: string[];
}

export function openErrorsAfter(analysis: Analysis, plan: WritePlan | null): OpenErrors {
  // a highlight (fill only) fixes nothing
  const written = new Set((plan?.writes ?? []).filter((w) => !w.fillOnly).map((w) => w.address));
  const open = analysis.findings.filter((f) => f.severity === "error" && !written.has(f.cell));
  // without a 得分 column an indicator's score cell stands for its name cell: no score cell to speak of
  const scores = new Set(
    analysis.columns.score === null ? [] : analysis.indicators.map((i) => i.cells.score)
  );
  if (analysis.budget?.cells.score) scores.add(analysis.budget.cells.score);
  return {
    count: open.length,
    scoreCells: [...new Set(open.filter((f) => scores.has(f.cell)).map((f) => f.cell))],
  };
}
