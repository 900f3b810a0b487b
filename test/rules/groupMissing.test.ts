import { groupMissing } from "../../src/core/rules/groupMissing";
import { runRuleTests, seedForm, table } from "./ruleTester";

// the seed's 满意度 row 27 relabelled so that it belongs to no group
const noSatisfaction = { B27: "其他指标", C27: "其他" };

runRuleTests(groupMissing, {
  valid: [
    { name: "the seed form under xicheng", form: seedForm() },
    { name: "the seed form under central has 数量 and 时效", form: seedForm(), profile: "central" },
    { name: "hubei requires no group", form: seedForm(noSatisfaction), profile: "hubei" },
    { name: "sichuan does not require 满意度", form: seedForm(noSatisfaction), profile: "sichuan" },
  ],
  invalid: [
    {
      name: "xicheng requires 满意度",
      form: seedForm(noSatisfaction),
      errors: [
        {
          cell: "B12",
          severity: "warning",
          message: "没有“满意度”类指标：北京市西城区规则要求设置该类指标，请补充。",
        },
      ],
    },
    {
      name: "sichuan requires 效益",
      form: seedForm({ B23: "其他指标", C23: "其他", C26: "其他" }),
      profile: "sichuan",
      errors: [
        {
          cell: "B12",
          severity: "warning",
          message: "没有“效益”类指标：四川省规则要求设置该类指标，请补充。",
        },
      ],
    },
    {
      name: "central: 产出 without 时效",
      form: seedForm({ C21: "质量指标" }),
      profile: "central",
      errors: [
        { cell: "B13", severity: "warning", message: "“产出”指标中没有“时效指标”：请按规则补充。" },
      ],
    },
    {
      name: "central: 产出 without 数量 nor 时效",
      form: seedForm({ C13: "质量指标", C21: "质量指标" }),
      profile: "central",
      errors: [
        { cell: "B13", severity: "warning", message: "“产出”指标中没有“数量指标”：请按规则补充。" },
        { cell: "B13", severity: "warning", message: "“产出”指标中没有“时效指标”：请按规则补充。" },
      ],
    },
    {
      // no 一级 column: the groups are inferred from the 二级 names, findings sit on the 三级 column (B)
      name: "central, a form without a 一级 column holding one 质量 indicator",
      form: table([
        [
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        ["质量指标", "合格率", "=100%", "100%", 90, 90, ""],
      ]),
      profile: "central",
      errors: [
        {
          cell: "B2",
          severity: "warning",
          message: "没有“效益”类指标：中央部门（财预〔2020〕10号）规则要求设置该类指标，请补充。",
        },
        {
          cell: "B2",
          severity: "warning",
          message: "没有“满意度”类指标：中央部门（财预〔2020〕10号）规则要求设置该类指标，请补充。",
        },
        { cell: "B3", severity: "warning", message: "“产出”指标中没有“数量指标”：请按规则补充。" },
        { cell: "B3", severity: "warning", message: "“产出”指标中没有“时效指标”：请按规则补充。" },
      ],
    },
  ],
});
