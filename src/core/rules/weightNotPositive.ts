import { defineRule } from "./rule";
import { quoted } from "./format";

export const weightNotPositive = defineRule({
  meta: {
    code: "WEIGHT_NOT_POSITIVE",
    severity: "error",
    title: "分值不大于0",
    docs: "指标的分值为 0 或负数时报告；该分值不参与得分核对。",
    source: "SPEC §5（分值为0、负数或非数字为错误）",
  },
  messages: {
    notPositive: { severity: "error", text: "{name}的分值为{weight}：分值必须大于0，请更正。" },
  },
  check({ model, report }) {
    if (!model.hasWeights) return;
    for (const i of model.indicators)
      if (i.cells.weight && i.writtenWeight !== null && i.writtenWeight <= 0)
        report({
          messageId: "notPositive",
          cell: i.cells.weight,
          data: { name: quoted(i.name), weight: i.writtenWeight },
        });
  },
});
