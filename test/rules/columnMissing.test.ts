import { columnMissing, skippedChecksOf } from "../../src/core/rules/columnMissing";
import { weightsInLabels } from "../support/otherHands";
import { runRuleTests, seedForm, table } from "./ruleTester";

const NO_WEIGHT =
  "表中没有“分值”列：无法逐项核对得分是否符合计分规则、是否超过分值及定性指标档位，这些检查已跳过；只核对了预算执行、合计与标注在指标名称中的分值。";
const NO_SCORE = "表中没有“得分”列：无法核对任何得分。请在指标表头加上“得分”列。";
const NO_REASON = "表中没有“偏差原因分析及改进措施”列：未检查扣分指标是否说明原因。";

// header in row 2; 三级指标 in column C
const row = ["产出指标", "数量指标", "培训场次", "≥10场", "10场"];

runRuleTests(columnMissing, {
  valid: [
    { name: "the seed form has every column", form: seedForm() },
    {
      name: "synonyms count: 权重, 自评得分, 偏差原因",
      form: table([
        [
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "权重",
          "自评得分",
          "偏差原因",
        ],
        [...row, 90, 90, ""],
      ]),
    },
  ],
  invalid: [
    {
      // no 分值 column, but weights printed in the labels (（10分）…): scores can still be checked
      name: "weights taken from labels",
      form: weightsInLabels(),
      profile: "hubei",
      errors: [
        {
          cell: "D10",
          severity: "info",
          message:
            "表中没有“分值”列：分值取自指标或类别名称中标注的分值（如“（10分）”），已据此逐项核对得分；名称中没有标注分值的指标无法核对。",
        },
      ],
    },
    {
      name: "no 分值 column (Hubei style)",
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
        [...row, 80, ""],
      ]),
      errors: [{ cell: "C2", severity: "warning", message: NO_WEIGHT }],
    },
    {
      name: "no 得分 column",
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
        [...row, 90, ""],
      ]),
      errors: [{ cell: "C2", severity: "error", message: NO_SCORE }],
    },
    {
      name: "no reason column",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [...row, 90, 90],
      ]),
      errors: [{ cell: "C2", severity: "info", message: NO_REASON }],
    },
    {
      name: "all three missing: errors first, then warnings, then infos",
      form: table([
        ["三级指标", "年度指标值", "实际完成值"],
        ["培训场次", "≥10场", "10场"],
      ]),
      errors: [
        { cell: "A2", severity: "error", message: NO_SCORE },
        { cell: "A2", severity: "warning", message: NO_WEIGHT },
        { cell: "A2", severity: "info", message: NO_REASON },
      ],
    },
  ],
});

describe("skippedChecksOf: the checks a missing column makes impossible, listed in the Analysis", () => {
  it("names each skipped check per missing column", () => {
    expect(skippedChecksOf({ weight: 7, score: 8, reason: 9 })).toEqual([]);
    expect(skippedChecksOf({ weight: null, score: 8, reason: 9 })).toEqual([
      "逐项得分是否符合计分规则",
      "得分是否超过分值",
      "定性指标得分档位",
      "各类别分值",
    ]);
    expect(skippedChecksOf({ weight: 7, score: null, reason: 9 })).toEqual(["逐项得分", "总分"]);
    expect(skippedChecksOf({ weight: 7, score: 8, reason: null })).toEqual(["偏差原因是否填写"]);
  });
});
