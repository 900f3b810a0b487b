import { weightNotPositive } from "../../src/core/rules/weightNotPositive";
import { runRuleTests, seedForm, table } from "./ruleTester";

const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15

runRuleTests(weightNotPositive, {
  valid: [
    { name: "the seed form", form: seedForm() },
    { name: "a small positive weight", form: seedForm({ G15: 0.01 }) },
    { name: "a blank weight is VALUE_UNPARSED's", form: seedForm({ G15: null }) },
    {
      name: "no 分值 column",
      form: table([
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 0, ""],
      ]),
    },
  ],
  invalid: [
    {
      name: "a weight of 0",
      form: seedForm({ G15: 0 }),
      errors: [
        {
          cell: "G15",
          severity: "error",
          message: `${ARTICLES}的分值为0：分值必须大于0，请更正。`,
        },
      ],
    },
    {
      name: "a negative weight",
      form: seedForm({ G15: -6 }),
      errors: [
        {
          cell: "G15",
          severity: "error",
          message: `${ARTICLES}的分值为-6：分值必须大于0，请更正。`,
        },
      ],
    },
  ],
});
