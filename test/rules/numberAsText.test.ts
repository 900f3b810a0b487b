import { numberAsText } from "../../src/core/rules/numberAsText";
import { merged, runRuleTests, seedForm, table } from "./ruleTester";

// seed rows: 13 “科普之夏进社区”系列活动场次 (G13 分值 8, H13 得分 7.2); I6 budget score 10, G6 budget weight 10
const NAME = "“‘科普之夏进社区’系列活动场次”";

runRuleTests(numberAsText, {
  valid: [
    { name: "real numbers everywhere (the seed)", form: seedForm() },
    {
      name: "no 项目资金 table at all",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 10],
      ]),
    },
    {
      name: "text that is no number is not this rule's (SCORE_RANGE says so)",
      form: seedForm({ H13: "七点二" }),
    },
  ],
  invalid: [
    {
      name: "a full-width score typed as text: Excel's SUM skips it",
      form: seedForm({ H13: "７.２" }),
      errors: [
        {
          cell: "H13",
          severity: "warning",
          message: `${NAME}的得分“７.２”是文本，不是数字：Excel 求和时会跳过它，总分会少算7.2分。请改为数字7.2。`,
          suggestion: 7.2,
        },
      ],
    },
    {
      name: "a score with its unit, and a weight typed as text",
      form: seedForm({ H13: "7.2分", G13: "8" }),
      errors: [
        {
          cell: "G13",
          severity: "warning",
          message: `${NAME}的分值“8”是文本，不是数字：Excel 求和时会跳过它。请改为数字8。`,
          suggestion: 8,
        },
        {
          cell: "H13",
          severity: "warning",
          message: `${NAME}的得分“7.2分”是文本，不是数字：Excel 求和时会跳过它，总分会少算7.2分。请改为数字7.2。`,
          suggestion: 7.2,
        },
      ],
    },
    {
      // rows 13–14 share one merged score cell holding text: one finding, at the master
      name: "a text score merged over two rows is reported once",
      form: merged("H", 13, 14, { H13: "7.2" }),
      errors: [
        {
          cell: "H13",
          severity: "warning",
          message: `${NAME}的得分“7.2”是文本，不是数字：Excel 求和时会跳过它，总分会少算7.2分。请改为数字7.2。`,
          suggestion: 7.2,
        },
      ],
    },
    {
      name: "a text weight merged over two rows is reported once",
      form: merged("G", 13, 14, { G13: "8" }),
      errors: [
        {
          cell: "G13",
          severity: "warning",
          message: `${NAME}的分值“8”是文本，不是数字：Excel 求和时会跳过它。请改为数字8。`,
          suggestion: 8,
        },
      ],
    },
    {
      name: "the budget score and weight typed as text",
      form: seedForm({ I6: " 10 ", G6: "10" }),
      errors: [
        {
          cell: "G6",
          severity: "warning",
          message: "预算执行分值“10”是文本，不是数字：Excel 求和时会跳过它。请改为数字10。",
          suggestion: 10,
        },
        {
          cell: "I6",
          severity: "warning",
          message:
            "预算执行得分“10”是文本，不是数字：Excel 求和时会跳过它，总分会少算10分。请改为数字10。",
          suggestion: 10,
        },
      ],
    },
  ],
});
