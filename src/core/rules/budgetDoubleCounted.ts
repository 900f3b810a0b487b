import { defineRule } from "./rule";
import { quoted } from "./format";

const BUDGET_INDICATOR = /预算(资金)?执行率|资金执行率|预算执行进度|支出进度/;

export const budgetDoubleCounted = defineRule({
  meta: {
    code: "BUDGET_DOUBLE_COUNTED",
    severity: "warning",
    title: "预算执行重复计分",
    docs: "指标表中又设了“预算执行率”“资金执行率”“支出进度”之类的指标：预算执行已在资金部分单独计分，重复设置等于计分两次。",
    source: "SPEC §9（预算执行作为产出指标重复计分）",
  },
  messages: {
    duplicated: {
      severity: "warning",
      text: "{name}与资金部分的“预算执行率”重复计分：预算执行已单独计分，建议换成其他产出指标。",
    },
  },
  check({ model, report }) {
    for (const i of model.indicators)
      if (BUDGET_INDICATOR.test(i.name))
        report({ messageId: "duplicated", cell: i.cells.name, data: { name: quoted(i.name) } });
  },
});
