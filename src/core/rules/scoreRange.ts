import { defineRule } from "./rule";
import { fmt, quoted } from "./format";
import { isOutOfRange } from "../notation";

export const scoreRange = defineRule({
  meta: {
    code: "SCORE_RANGE",
    severity: "error",
    title: "得分为空、不是数字或超出范围",
    docs: "指标得分为空、不是数字、是错误值（#DIV/0!等）或日期、小于0或超过分值时报告；得分小于0时建议0分，超过分值时建议满分。这样的得分不再做计分规则和档位核对。得分是文件中没有计算结果的公式时，能按表中数值算出就照算并提示，算不出就按空白处理。实际完成值和得分都没填的行只报一次（VALUE_UNPARSED）。",
    source: "SPEC §4（得分不超过分值、不低于0）、§10",
  },
  messages: {
    empty: { severity: "error", text: "{name}的得分为空：请填写得分。" },
    errorValue: {
      severity: "error",
      text: "{name}的得分是错误值{error}：总分无法计算，请改为数字得分。",
    },
    date: {
      severity: "error",
      text: "{name}的得分单元格显示为日期（{date}），不是分数：请把单元格格式改为“常规”或“数值”并填写得分。",
    },
    uncached: {
      severity: "warning",
      text: "{name}的得分是公式“={formula}”，但公式没有计算结果（请在 Excel 中打开并保存），也无法从表中算出：暂按空白处理。",
    },
    uncachedEvaluated: {
      severity: "info",
      text: "{name}的得分是公式“={formula}”，文件中没有计算结果（请在 Excel 中打开并保存）：已按表中数值算出{score}分。",
    },
    notNumber: { severity: "error", text: "{name}的得分“{text}”不是数字：请填写数字得分。" },
    outOfRange: {
      severity: "error",
      text: "{name}的得分“{text}”超出范围，不可能是得分：请填写数字得分。",
    },
    negative: { severity: "error", text: "{name}的得分{score}小于0：得分不能为负。" },
    overWeight: {
      severity: "error",
      text: "{name}得分{score}分，超过了分值{weight}分：得分不能超过分值。",
    },
  },
  check({ model, report }) {
    for (const i of model.indicators) {
      const cell = i.cells.score;
      // without a 得分 column the cell is the name's; COLUMN_MISSING already says no score can be checked
      if (!cell || model.form.columns.score === null) continue;
      const name = quoted(i.name);
      const s = i.score;
      const facts = i.raw.scoreFacts;
      // rows under a merged score, and rows with nothing filled in, are reported once elsewhere
      if (i.raw.scoreMergedFrom !== null || (i.scoreBlank && i.actual.kind === "empty")) continue;
      if (facts.kind === "error")
        report({ messageId: "errorValue", cell, data: { name, error: facts.error ?? "" } });
      else if (facts.kind === "date")
        report({ messageId: "date", cell, data: { name, date: facts.date ?? "" } });
      else if (facts.kind === "uncachedFormula")
        report(
          s === null
            ? { messageId: "uncached", cell, data: { name, formula: facts.formula ?? "" } }
            : {
                messageId: "uncachedEvaluated",
                cell,
                data: { name, formula: facts.formula ?? "", score: fmt(s) },
              }
        );
      else if (!i.raw.scoreText) report({ messageId: "empty", cell, data: { name } });
      else if (s === null)
        report({
          messageId: isOutOfRange(i.raw.scoreText) ? "outOfRange" : "notNumber",
          cell,
          data: { name, text: i.raw.scoreText },
        });
      else if (s < 0)
        report({ messageId: "negative", cell, data: { name, score: fmt(s) }, suggestion: 0 });
      else if (i.weight !== null && s > i.weight)
        report({
          messageId: "overWeight",
          cell,
          data: { name, score: fmt(s), weight: fmt(i.weight) },
          suggestion: i.weight,
        });
    }
  },
});
