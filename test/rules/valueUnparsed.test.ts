import { valueUnparsed } from "../../src/core/rules/valueUnparsed";
import { runRuleTests, seedForm, table, withCell } from "./ruleTester";

const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15
const CONTEST = "“公民科学素质大赛（地推宣传、预赛、决赛）”"; // row 16

runRuleTests(valueUnparsed, {
  valid: [
    { name: "the seed form", form: seedForm() },
    {
      name: "a weight of 0 is a number (WEIGHT_NOT_POSITIVE reports it)",
      form: seedForm({ G15: 0 }),
    },
    {
      name: "without a 分值 column weights are not asked for",
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
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 80, ""],
      ]),
    },
  ],
  invalid: [
    {
      name: "a weight out of range",
      form: seedForm({ G13: 1e308 }),
      errors: [
        {
          cell: "G13",
          severity: "error",
          message:
            "“‘科普之夏进社区’系列活动场次”的分值“1e+308”超出范围，不可能是分值：请填写数字分值。",
        },
      ],
    },
    {
      // nothing filled in on row 13: one finding for the row, not two
      name: "an unfilled row (实际完成值 and 得分 blank) is one finding",
      form: seedForm({ F13: null, H13: null }),
      errors: [
        {
          cell: "F13",
          severity: "error",
          message:
            "“‘科普之夏进社区’系列活动场次”尚未填写实际完成值和得分：请填写实际完成情况，并按计分规则打分。",
        },
      ],
    },
    {
      name: "an error value in a weight",
      form: withCell(seedForm(), "G13", { value: "#REF!", error: "#REF!" }),
      errors: [
        {
          cell: "G13",
          severity: "error",
          message: "“‘科普之夏进社区’系列活动场次”的分值是错误值#REF!：请填写数字分值。",
        },
      ],
    },
    {
      name: "a blank weight",
      form: seedForm({ G15: null }),
      errors: [
        { cell: "G15", severity: "error", message: `${ARTICLES}的分值为空：请填写该指标的分值。` },
      ],
    },
    {
      name: "a weight in words",
      form: seedForm({ G15: "六分" }),
      errors: [
        {
          cell: "G15",
          severity: "error",
          message: `${ARTICLES}的分值“六分”不是数字：请填写数字分值。`,
        },
      ],
    },
    {
      name: "a blank target",
      form: seedForm({ E16: null }),
      errors: [
        { cell: "E16", severity: "error", message: `${CONTEST}的年度指标值为空：请填写目标值。` },
      ],
    },
    {
      name: "a blank actual",
      form: seedForm({ F16: null }),
      errors: [
        {
          cell: "F16",
          severity: "error",
          message: `${CONTEST}的实际完成值为空：请填写实际完成情况。`,
        },
      ],
    },
    {
      name: "weight, target and actual all blank on one row: one finding each, left to right",
      form: seedForm({ E15: null, F15: null, G15: null }),
      errors: [
        { cell: "E15", severity: "error", message: `${ARTICLES}的年度指标值为空：请填写目标值。` },
        {
          cell: "F15",
          severity: "error",
          message: `${ARTICLES}的实际完成值为空：请填写实际完成情况。`,
        },
        { cell: "G15", severity: "error", message: `${ARTICLES}的分值为空：请填写该指标的分值。` },
      ],
    },
  ],
});
