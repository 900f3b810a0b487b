import { scoreRange } from "../../src/core/rules/scoreRange";
import { runRuleTests, seedForm, table } from "./ruleTester";

const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15, weight 6

runRuleTests(scoreRange, {
  valid: [
    { name: "the seed form", form: seedForm() },
    { name: "a score equal to the weight (inclusive)", form: seedForm({ H15: 6 }) },
    { name: "a score of 0", form: seedForm({ H15: 0 }) },
    {
      name: "no weight to compare with: a high score is not over it",
      form: seedForm({ G15: null, H15: 100 }),
    },
    {
      name: "no 得分 column: COLUMN_MISSING says so, no score is asked for",
      form: table([
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 90, ""],
      ]),
    },
  ],
  invalid: [
    {
      name: "a blank score",
      form: seedForm({ H15: null }),
      errors: [{ cell: "H15", severity: "error", message: `${ARTICLES}的得分为空：请填写得分。` }],
    },
    {
      name: "a score in words",
      form: seedForm({ H15: "良" }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message: `${ARTICLES}的得分“良”不是数字：请填写数字得分。`,
        },
      ],
    },
    {
      name: "a negative score suggests 0",
      form: seedForm({ H15: -1 }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message: `${ARTICLES}的得分-1小于0：得分不能为负。`,
          suggestion: 0,
        },
      ],
    },
    {
      name: "just over the weight suggests full marks",
      form: seedForm({ H15: 6.01 }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message: `${ARTICLES}得分6.01分，超过了分值6分：得分不能超过分值。`,
          suggestion: 6,
        },
      ],
    },
  ],
});
