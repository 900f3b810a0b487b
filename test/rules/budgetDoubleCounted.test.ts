import { budgetDoubleCounted } from "../../src/core/rules/budgetDoubleCounted";
import { runRuleTests, seedForm } from "./ruleTester";

const MESSAGE = (name: string) =>
  `${name}与资金部分的“预算执行率”重复计分：预算执行已单独计分，建议换成其他产出指标。`;

runRuleTests(budgetDoubleCounted, {
  valid: [
    { name: "the seed form has no budget indicator", form: seedForm() },
    { name: "执行 alone is not 执行率", form: seedForm({ D16: "项目执行考核" }) },
  ],
  invalid: [
    {
      name: "预算资金执行率 as a 产出 indicator",
      form: seedForm({ D16: "预算资金执行率" }),
      errors: [{ cell: "D16", severity: "warning", message: MESSAGE("“预算资金执行率”") }],
    },
    {
      name: "预算执行率, 资金执行率, 预算执行进度 and 支出进度 are all the same thing",
      form: seedForm({
        D13: "预算执行率",
        D14: "专项资金执行率",
        D15: "预算执行进度",
        D16: "季度支出进度",
      }),
      errors: [
        { cell: "D13", severity: "warning", message: MESSAGE("“预算执行率”") },
        { cell: "D14", severity: "warning", message: MESSAGE("“专项资金执行率”") },
        { cell: "D15", severity: "warning", message: MESSAGE("“预算执行进度”") },
        { cell: "D16", severity: "warning", message: MESSAGE("“季度支出进度”") },
      ],
    },
    {
      name: "a name holding “ ” keeps them as ‘ ’ inside the quotes",
      form: seedForm({ D16: "“科普经费”预算执行率" }),
      errors: [{ cell: "D16", severity: "warning", message: MESSAGE("“‘科普经费’预算执行率”") }],
    },
  ],
});
