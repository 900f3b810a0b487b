import { scoreRange } from "../../src/core/rules/scoreRange";
import { runRuleTests, seedForm } from "./ruleTester";

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
