import { scoreRange } from "../../src/core/rules/scoreRange";
import { runRuleTests, seedForm, table, withCell } from "./ruleTester";

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
      // 1e308: a number, but no score can be that (it would overflow every sum)
      name: "a score out of range",
      form: seedForm({ H15: 1e308 }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message:
            "“‘西城科普进行时’公众号发布科普文章”的得分“1e+308”超出范围，不可能是得分：请填写数字得分。",
        },
      ],
    },
    {
      // row 15 “西城科普进行时” (分值 6): a division by zero in its score
      name: "an error value in a score",
      form: withCell(seedForm(), "H15", { value: "#DIV/0!", error: "#DIV/0!", formula: "5.4/0" }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message:
            "“‘西城科普进行时’公众号发布科普文章”的得分是错误值#DIV/0!：总分无法计算，请改为数字得分。",
        },
      ],
    },
    {
      // 45292 = 2024-01-01 shown as a date
      name: "a date in a score is called a date",
      form: withCell(seedForm(), "H15", { value: 45292, numFmt: "yyyy/m/d" }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message:
            "“‘西城科普进行时’公众号发布科普文章”的得分单元格显示为日期（2024-01-01），不是分数：请把单元格格式改为“常规”或“数值”并填写得分。",
        },
      ],
    },
    {
      // written by a generator: no cached result; 6*0.9 = 5.4 computed from the formula
      name: "a formula without a cached result that can be computed",
      form: withCell(seedForm(), "H15", { value: null, formula: "6*0.9" }),
      errors: [
        {
          cell: "H15",
          severity: "info",
          message:
            "“‘西城科普进行时’公众号发布科普文章”的得分是公式“=6*0.9”，文件中没有计算结果（请在 Excel 中打开并保存）：已按表中数值算出5.4分。",
        },
      ],
    },
    {
      // a reference to another sheet cannot be computed here
      name: "a formula without a cached result that cannot be computed",
      form: withCell(seedForm(), "H15", { value: null, formula: "其他!A1" }),
      errors: [
        {
          cell: "H15",
          severity: "warning",
          message:
            "“‘西城科普进行时’公众号发布科普文章”的得分是公式“=其他!A1”，但公式没有计算结果（请在 Excel 中打开并保存），也无法从表中算出：暂按空白处理。",
        },
      ],
    },
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
