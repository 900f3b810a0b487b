import { defineRule } from "./rule";
import { fmt, quoted } from "./format";

export const scoreRange = defineRule({
  meta: {
    code: "SCORE_RANGE",
    severity: "error",
    title: "得分为空、不是数字或超出范围",
    docs: "指标得分为空、不是数字、小于0或超过分值时报告；得分小于0时建议0分，超过分值时建议满分。这样的得分不再做计分规则和档位核对。",
    source: "SPEC §4（得分不超过分值、不低于0）、§10",
  },
  messages: {
    empty: { severity: "error", text: "{name}的得分为空：请填写得分。" },
    notNumber: { severity: "error", text: "{name}的得分“{text}”不是数字：请填写数字得分。" },
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
      if (!i.raw.scoreText) report({ messageId: "empty", cell, data: { name } });
      else if (s === null)
        report({ messageId: "notNumber", cell, data: { name, text: i.raw.scoreText } });
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
