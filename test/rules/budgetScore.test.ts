import { budgetScore } from "../../src/core/rules/budgetScore";
import { runRuleTests, seedForm, table } from "./ruleTester";

// 年度资金总额 row 6: E 全年预算数, F 全年执行数, G 分值 10, I 得分
const differs = (written: string, rate: string, rule: string, weight = "10") =>
  `预算执行得分写的是${written}分，按${weight}×执行率${rate}%应为${rule}分：请更正。`;

runRuleTests(budgetScore, {
  valid: [
    { name: "the seed form: 10 × 100% = 10", form: seedForm() },
    // 150 ÷ 100 = 150%, capped at 100%: 10
    { name: "execution over 100% scores the weight", form: seedForm({ E6: 100, F6: 150 }) },
    // 10 × 37.24 ÷ 43.2 = 8.6203… → 8.62; 8.63 is 0.01 away
    { name: "0.01 from the rule score", form: seedForm({ E6: 43.2, F6: 37.24, I6: 8.63 }) },
    {
      name: "no budget amount: no rule score",
      form: seedForm({ D6: 0, E6: 0, F6: 0, D7: 0, E7: 0, F7: 0 }),
    },
    {
      name: "no 项目资金 table at all: nothing to check",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 10],
      ]),
    },
    {
      // nowhere to write the budget score: no offer to fill it
      name: "a funding table without a 得分 column",
      form: seedForm({ I5: null, I6: null, I7: null, I8: null, I9: null }),
    },
  ],
  invalid: [
    {
      // 10 × 37.24 ÷ 43.2 = 8.6203… → 8.62 (SPEC §9: written 9); the rate 86.2037…% → 86.2%
      name: "integer rounding on a form of two-decimal scores is an error",
      form: seedForm({ E6: 43.2, F6: 37.24, I6: 9 }),
      errors: [
        { cell: "I6", severity: "error", message: differs("9", "86.2", "8.62"), suggestion: 8.62 },
      ],
    },
    {
      // 10 × 96.852 ÷ 100 = 9.6852 → 9.69; 9.68 is the truncation
      name: "truncation is a rounding warning",
      form: seedForm({ E6: 100, F6: 96.852, I6: 9.68 }),
      errors: [
        {
          cell: "I6",
          severity: "warning",
          message:
            "预算执行得分写的是9.68分，按10×执行率96.85%＝9.69分，差异来自取整或截断：建议保留两位小数、四舍五入。",
          suggestion: 9.69,
        },
      ],
    },
    {
      // the 年度资金总额 row at 0: 10 × 137.85 ÷ 137.85 = 10 from the 其中 rows (SPEC §9: written 0)
      name: "score 0 while the money was spent",
      form: seedForm({ D6: 0, E6: 0, F6: 0, I6: 0 }),
      errors: [
        { cell: "I6", severity: "error", message: differs("0", "100", "10"), suggestion: 10 },
      ],
    },
    {
      // weight 20 written on the form: 20 × 103.97 ÷ 104 = 19.9942… → 19.99, rate 99.97%
      name: "the weight written on the form is used",
      form: seedForm({ G6: 20, E6: 104, F6: 103.97, I6: 19.5 }),
      errors: [
        {
          cell: "I6",
          severity: "error",
          message: differs("19.5", "99.97", "19.99", "20"),
          suggestion: 19.99,
        },
      ],
    },
    {
      name: "a blank score can be written back",
      form: seedForm({ I6: null }),
      errors: [
        {
          cell: "I6",
          severity: "info",
          message: "预算执行得分未填写：按规则为10分，可写回。",
          suggestion: 10,
        },
      ],
    },
    {
      name: "a dash counts as blank",
      form: seedForm({ I6: "—" }),
      errors: [
        {
          cell: "I6",
          severity: "info",
          message: "预算执行得分未填写：按规则为10分，可写回。",
          suggestion: 10,
        },
      ],
    },
    {
      name: "a score in words",
      form: seedForm({ I6: "满分" }),
      errors: [
        {
          cell: "I6",
          severity: "error",
          message: "预算执行得分“满分”不是数字：按规则应为10分。",
          suggestion: 10,
        },
      ],
    },
  ],
});
