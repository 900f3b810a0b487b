import { totalMismatch } from "../../src/core/rules/totalMismatch";
import { runRuleTests, seedForm } from "./ruleTester";

// 总分 row 28: H28 = 89.45 = 10 + 50.45 + 18.5 + 6.1 + 4.4 on the seed
runRuleTests(totalMismatch, {
  valid: [
    { name: "the seed form", form: seedForm() },
    { name: "0.01 above", form: seedForm({ H28: 89.46 }) },
    { name: "0.01 below", form: seedForm({ H28: 89.44 }) },
    { name: "no 总分 row", form: seedForm({ A28: null, G28: null, H28: null }) },
  ],
  invalid: [
    {
      name: "a blank total can be written back",
      form: seedForm({ H28: null }),
      errors: [
        {
          cell: "H28",
          severity: "info",
          message: "总分未填写：按各项得分合计为89.45分，可写回。",
          suggestion: 89.45,
        },
      ],
    },
    {
      name: "a total in words",
      form: seedForm({ H28: "见上" }),
      errors: [
        {
          cell: "H28",
          severity: "error",
          message: "总分“见上”不是数字：按各项得分合计应为89.45分。",
          suggestion: 89.45,
        },
      ],
    },
    {
      // 89.45 − 10 = 79.45
      name: "the total leaves out the budget score",
      form: seedForm({ H28: 79.45 }),
      errors: [
        {
          cell: "H28",
          severity: "error",
          message: "总分写的是79.45分，漏计了预算执行得分10分：应为89.45分。",
          suggestion: 89.45,
        },
      ],
    },
    {
      name: "0.02 off, and the rules agree with the written scores",
      form: seedForm({ H28: 89.47 }),
      errors: [
        {
          cell: "H28",
          severity: "error",
          message:
            "总分写的是89.47分，但预算执行和各项指标得分合计为89.45分（按计分规则应为89.45分）：请改为89.45分，或先更正各项得分。",
          suggestion: 89.45,
        },
      ],
    },
    {
      // H15 written 5 instead of 6 × 270 ÷ 300 = 5.4: computed 89.45 − 0.4 = 89.05, by the rules 89.45
      name: "the total the rules give, over scores written lower",
      form: seedForm({ H15: 5 }),
      errors: [
        {
          cell: "H28",
          severity: "error",
          message:
            "总分写的是89.45分，但预算执行和各项指标得分合计为89.05分：请改为89.05分，或先更正各项得分。",
          suggestion: 89.05,
        },
      ],
    },
    {
      // no budget score written: 89.45 − 10 = 79.45; by the rules the budget gets 10 again: 89.45
      name: "a blank budget score: the total is what was written",
      form: seedForm({ I6: null }),
      errors: [
        {
          cell: "H28",
          severity: "error",
          message:
            "总分写的是89.45分，但预算执行和各项指标得分合计为79.45分：请改为79.45分，或先更正各项得分。",
          suggestion: 79.45,
        },
      ],
    },
  ],
});
