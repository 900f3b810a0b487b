import { defineRule } from "./rule";
import { fmt } from "./format";
import { agreement } from "../score";

export const budgetScore = defineRule({
  meta: {
    code: "BUDGET_SCORE",
    severity: "error",
    title: "预算执行得分不符合规则",
    docs: "预算执行得分 = 分值 × min(执行率, 100%)。得分未填写时给出提示并可写回；不是数字或与规则得分相差超过0.01分时为错误；差异恰好来自表格自身更粗的取整或截断时为警告。都给出建议得分。",
    source: "SPEC §4（预算执行）、§9（写9分而应为8.62分；写19分而应为19.99分）",
  },
  messages: {
    notNumber: {
      severity: "error",
      text: "预算执行得分“{text}”不是数字：按规则应为{rule}分。",
    },
    blank: { severity: "info", text: "预算执行得分未填写：按规则为{rule}分，可写回。" },
    rounding: {
      severity: "warning",
      text: "预算执行得分写的是{written}分，按{weight}×执行率{rate}%＝{rule}分，差异来自取整或截断：建议保留两位小数、四舍五入。",
    },
    differs: {
      severity: "error",
      text: "预算执行得分写的是{written}分，按{weight}×执行率{rate}%应为{rule}分：请更正。",
    },
  },
  check({ model, report }) {
    const b = model.budget;
    const fu = model.form.funding;
    // Stryker disable next-line OptionalChaining: a budget exists only where the funding table does
    if (!fu?.score.cell || !b?.exact) return;
    const rule = b.budget.score.rule;
    // Stryker disable next-line ConditionalExpression: the rule score is null only without an exact one
    if (rule === null) return;
    const cell = fu.score.cell;
    const written = b.budget.score.written;
    if (written === null) {
      if (fu.score.text && fu.score.text !== "—")
        report({
          messageId: "notNumber",
          cell,
          data: { text: fu.score.text, rule: fmt(rule) },
          suggestion: rule,
        });
      else report({ messageId: "blank", cell, data: { rule: fmt(rule) }, suggestion: rule });
      return;
    }
    const ag = agreement(written, b.exact.score, model.profile.rounding, model.formDecimals);
    if (ag === "ok") return;
    report({
      messageId: ag === "rounding" ? "rounding" : "differs",
      cell,
      data: {
        written: fmt(written),
        weight: fmt(b.budget.weight),
        rate: fmt(b.budget.rate ?? 0),
        rule: fmt(rule),
      },
      suggestion: rule,
    });
  },
});
