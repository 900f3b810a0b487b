// The verdict the pane shows first after 检查 (core/verdict.ts): it never says everything was checked when a
// missing column made a check impossible, nor when the total cannot be stated yet.
import type { Analysis, Finding } from "../src/core/model";
import { verdictOf } from "../src/core/verdict";

const finding = (severity: Finding["severity"]): Finding => ({
  code: "SCORE_RULE",
  severity,
  sheet: "附件1",
  cell: "H15",
  message: "…",
});

function analysis(
  findings: Finding[],
  skippedChecks: string[] = [],
  total: Partial<Analysis["total"]> = {}
): Pick<Analysis, "findings" | "skippedChecks" | "total"> {
  return {
    findings,
    skippedChecks,
    total: { status: "final", note: null, ...total } as Analysis["total"],
  };
}

it("counts errors and warnings and says to correct the errors first", () => {
  expect(verdictOf(analysis([finding("error"), finding("error"), finding("warning")]))).toEqual({
    errors: 2,
    warnings: 1,
    tone: "bad",
    heading: "2 项错误、1 项警告",
    advice: "请先更正错误：总分和等级要在更正后才作数。",
  });
  expect(verdictOf(analysis([finding("error")])).heading).toBe("1 项错误");
  expect(verdictOf(analysis([finding("warning"), finding("info")]))).toMatchObject({
    tone: "warn",
    heading: "未发现错误，1 项警告",
    advice: "请逐项看一下警告，确认无误即可。",
  });
});

it("says everything was checked only when nothing was skipped and the total stands", () => {
  expect(verdictOf(analysis([])).advice).toBe("分值、得分、总分和等级都核对无误。");
  expect(verdictOf(analysis([], ["逐项得分", "总分"]))).toMatchObject({
    tone: "good",
    heading: "未发现错误",
    advice: "表中缺少相应的列，以下检查未做：逐项得分、总分。",
  });
  expect(
    verdictOf(
      analysis([], [], { status: "incomplete", note: "尚未填写：3 项指标没有得分，无法评定等级" })
    ).advice
  ).toBe("尚未填写：3 项指标没有得分，无法评定等级。");
});
