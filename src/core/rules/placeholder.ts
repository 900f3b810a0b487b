import { defineRule } from "./rule";

export const placeholder = defineRule({
  meta: {
    code: "PLACEHOLDER",
    severity: "info",
    title: "模板留下的空行或说明文字",
    docs: "“指标1：”“……”之类模板留下的空行、只有名称没有数值的行、照抄的填表说明，不计入检查，提示可以删除。",
    source: "SPEC §2（模板占位行）、§9",
  },
  messages: {
    templateRow: {
      severity: "info",
      text: "第{row}行“{text}”是模板留下的空行或说明文字，未计入检查；如不需要可删除该行。",
    },
  },
  check({ model, report }) {
    for (const p of model.form.placeholders)
      report({ messageId: "templateRow", cell: p.cell, data: { row: p.row, text: p.text } });
  },
});
