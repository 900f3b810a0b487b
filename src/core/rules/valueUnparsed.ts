import { defineRule } from "./rule";
import { quoted } from "./format";
import { isOutOfRange } from "../notation";

export const valueUnparsed = defineRule({
  meta: {
    code: "VALUE_UNPARSED",
    severity: "error",
    title: "值为空或无法读取",
    docs: "指标的分值为空、不是数字或是错误值、年度指标值为空、实际完成值为空时报告（有“分值”列时才检查分值）。实际完成值和得分都没填的行（尚未填写的表）每行只报一次。模板留下的空行另由 PLACEHOLDER 报告。",
    source: "SPEC §3、§5、§10",
  },
  messages: {
    weightEmpty: { severity: "error", text: "{name}的分值为空：请填写该指标的分值。" },
    weightNotNumber: {
      severity: "error",
      text: "{name}的分值“{text}”不是数字：请填写数字分值。",
    },
    targetEmpty: { severity: "error", text: "{name}的年度指标值为空：请填写目标值。" },
    actualEmpty: { severity: "error", text: "{name}的实际完成值为空：请填写实际完成情况。" },
    unfilled: {
      severity: "error",
      text: "{name}尚未填写实际完成值和得分：请填写实际完成情况，并按计分规则打分。",
    },
    weightOutOfRange: {
      severity: "error",
      text: "{name}的分值“{text}”超出范围，不可能是分值：请填写数字分值。",
    },
    weightError: { severity: "error", text: "{name}的分值是错误值{error}：请填写数字分值。" },
  },
  check({ model, report }) {
    for (const i of model.indicators) {
      const name = quoted(i.name);
      const weightCell = i.cells.weight;
      if (model.hasWeights && weightCell && i.raw.weightMergedFrom === null) {
        const facts = i.raw.weightFacts;
        if (facts.kind === "error")
          report({
            messageId: "weightError",
            cell: weightCell,
            data: { name, error: facts.error ?? "" },
          });
        else if (!i.raw.weightText)
          report({ messageId: "weightEmpty", cell: weightCell, data: { name } });
        else if (i.writtenWeight === null)
          report({
            messageId: isOutOfRange(i.raw.weightText) ? "weightOutOfRange" : "weightNotNumber",
            cell: weightCell,
            data: { name, text: i.raw.weightText },
          });
      }
      if (i.target.kind === "empty")
        report({ messageId: "targetEmpty", cell: i.cells.target, data: { name } });
      if (i.actual.kind === "empty")
        report({
          messageId: i.scoreBlank ? "unfilled" : "actualEmpty",
          cell: i.cells.actual,
          data: { name },
        });
    }
  },
});
