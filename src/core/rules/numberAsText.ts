import { defineRule } from "./rule";
import { fmt, quoted } from "./format";
import type { CellFacts } from "../cellFacts";

export const numberAsText = defineRule({
  meta: {
    code: "NUMBER_AS_TEXT",
    severity: "warning",
    title: "数字存成了文本",
    docs:
      "得分或分值单元格里是“文本格式的数字”（如全角“７.２”、带单位的“7.2分”、前后有空格的“ 5.4 ”，或设为文本格式的单元格）。" +
      "本工具能读出这个数，但 Excel 的求和（SUM）会跳过它，表中的总分公式就会少算。写回时把这些单元格改为真正的数字（可预览、可撤销）；不改的话，写回的总分与 Excel 的算法一致，不计这些单元格。",
    source: "SPEC §2（以文本存储的数字）、§10；Excel SUM 忽略文本",
  },
  messages: {
    score: {
      severity: "warning",
      text: "{name}的得分“{text}”是文本，不是数字：Excel 求和时会跳过它，总分会少算{value}分。请改为数字{value}。",
    },
    weight: {
      severity: "warning",
      text: "{name}的分值“{text}”是文本，不是数字：Excel 求和时会跳过它。请改为数字{value}。",
    },
    budgetScore: {
      severity: "warning",
      text: "预算执行得分“{text}”是文本，不是数字：Excel 求和时会跳过它，总分会少算{value}分。请改为数字{value}。",
    },
    budgetWeight: {
      severity: "warning",
      text: "预算执行分值“{text}”是文本，不是数字：Excel 求和时会跳过它。请改为数字{value}。",
    },
  },
  check({ model, report }) {
    const isText = (f: CellFacts) => f.kind === "textNumber";
    for (const i of model.indicators) {
      const name = quoted(i.name);
      // a merged copy reads its master's text but has no score of its own: the master's finding
      if (isText(i.raw.scoreFacts) && i.score !== null) {
        const { score: cell } = i.cells;
        // Stryker disable next-line ConditionalExpression: a number typed as text has a cell
        if (cell)
          report({
            messageId: "score",
            cell,
            data: { name, text: i.raw.scoreText, value: fmt(i.score) },
            suggestion: i.score,
          });
      }
      if (isText(i.raw.weightFacts) && i.writtenWeight !== null) {
        const { weight: cell } = i.cells;
        // Stryker disable next-line ConditionalExpression: a number typed as text has a cell
        if (cell)
          report({
            messageId: "weight",
            cell,
            data: { name, text: i.raw.weightText, value: fmt(i.writtenWeight) },
            suggestion: i.writtenWeight,
          });
      }
    }
    const fu = model.form.funding;
    if (fu && isText(fu.score.facts)) {
      const { cell, value } = fu.score;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a number typed as text has a cell and a value
      if (cell && value !== null)
        report({
          messageId: "budgetScore",
          cell,
          data: { text: fu.score.text, value: fmt(value) },
          suggestion: value,
        });
    }
    if (fu && isText(fu.weight.facts)) {
      const { cell, value } = fu.weight;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a number typed as text has a cell and a value
      if (cell && value !== null)
        report({
          messageId: "budgetWeight",
          cell,
          data: { text: String(value), value: fmt(value) },
          suggestion: value,
        });
    }
  },
});
