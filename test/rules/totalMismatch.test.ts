import { totalMismatch } from "../../src/core/rules/totalMismatch";
import { runRuleTests, seedForm } from "./ruleTester";

// 总分 row 28: H28 = 89.45 = 10 + 50.45 + 18.5 + 6.1 + 4.4 on the seed
runRuleTests(totalMismatch, {
  valid: [
    // no budget score written: the write-back fills it with the rule's 10, so the written 89.45 stands
    {
      name: "a blank budget score counts as the rule's (the write-back fills it)",
      form: seedForm({ I6: null }),
    },
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
      // weights 8 → 9 for the first indicator: Σ = 101; the scores add up to 89.45, the cell says 80
      name: "weights that do not add up: fix the weights first, no total proposed",
      form: seedForm({ G13: 9, H28: 80 }),
      errors: [
        {
          cell: "H28",
          severity: "error",
          message:
            "总分写的是80分，各项得分合计为89.45分；但分值合计101分，不等于100分：请先更正分值，再核对各项得分和总分。",
        },
      ],
    },
    {
      // one indicator's 实际完成值 and 得分 left blank: 尚未填写, no total to propose
      name: "a form not filled in: the blank total says why there is none",
      form: seedForm({ H28: null, H13: null, F13: null }),
      errors: [
        {
          cell: "H28",
          severity: "info",
          message: "尚未填写：1 项指标没有得分，无法评定等级，总分暂不能填写。",
        },
      ],
    },
  ],
});
