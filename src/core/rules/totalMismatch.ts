import { dec } from "../decimal";
import { defineRule } from "./rule";
import { fmt } from "./format";

export const totalMismatch = defineRule({
  meta: {
    code: "TOTAL_MISMATCH",
    severity: "error",
    title: "总分与各项得分合计不符",
    docs:
      "总分格应等于预算执行得分加各指标得分（规则允许“不适用”时按适用分值折算）。相差超过0.01分为错误，并指出是否漏计了预算执行得分；总分未填写时给出提示并可写回；不是数字时为错误。" +
      "还有指标没有得分、得分是错误值或日期时，不给出总分（没填完的表不是0分的表）。分值合计不等于总分值时，先请更正分值，不给出建议总分。",
    source: "SPEC §7（总分）、§9（总分漏计预算执行得分）",
  },
  messages: {
    notNumber: {
      severity: "error",
      text: "总分“{text}”不是数字：按各项得分合计应为{computed}分。",
    },
    blank: {
      severity: "info",
      text: "总分未填写：按各项得分合计为{computed}分，可写回。",
    },
    notYet: {
      severity: "info",
      text: "{note}，总分暂不能填写。",
    },
    weightsFirst: {
      severity: "error",
      text: "总分写的是{written}分，各项得分合计为{computed}分；但分值合计{weightSum}分，不等于{totalWeight}分：请先更正分值，再核对各项得分和总分。",
    },
    budgetLeftOut: {
      severity: "error",
      text: "总分写的是{written}分，漏计了预算执行得分{budget}分：应为{computed}分。",
    },
    differs: {
      severity: "error",
      text: "总分写的是{written}分，但预算执行和各项指标得分合计为{computed}分{byRules}：请改为{computed}分，或先更正各项得分。",
    },
  },
  check({ model, report }) {
    const tr = model.form.totalRow;
    if (!tr?.scoreCell) return;
    const cell = tr.scoreCell;
    const { computed, suggested, budgetWritten } = model.totals;
    const written = tr.score;
    const { status } = model;
    if (status.kind === "incomplete" || status.kind === "uncomputable") {
      // no total to propose while scores are missing or cannot be added up
      if (written === null && !tr.scoreText)
        report({ messageId: "notYet", cell, data: { note: status.note ?? "" } });
      return;
    }
    if (written === null) {
      report(
        tr.scoreText
          ? {
              messageId: "notNumber",
              cell,
              data: { text: tr.scoreText, computed: fmt(computed) },
              suggestion: computed,
            }
          : { messageId: "blank", cell, data: { computed: fmt(computed) }, suggestion: computed }
      );
      return;
    }
    const near = (x: number, y: number) => dec(x).minus(y).abs().lessThanOrEqualTo("0.01");
    if (near(written, computed)) return;
    if (status.kind === "provisional" && model.weightSum)
      report({
        messageId: "weightsFirst",
        cell,
        data: {
          written: fmt(written),
          computed: fmt(computed),
          weightSum: fmt(model.weightSum),
          totalWeight: model.profile.totalWeight,
        },
      });
    else if (budgetWritten !== null && near(written, dec(computed).minus(budgetWritten).toNumber()))
      report({
        messageId: "budgetLeftOut",
        cell,
        data: { written: fmt(written), budget: fmt(budgetWritten), computed: fmt(computed) },
        suggestion: computed,
      });
    else
      report({
        messageId: "differs",
        cell,
        data: {
          written: fmt(written),
          computed: fmt(computed),
          byRules: near(written, suggested) ? "" : `（按计分规则应为${fmt(suggested)}分）`,
        },
        suggestion: computed,
      });
  },
});
