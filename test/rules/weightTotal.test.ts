import { weightTotal } from "../../src/core/rules/weightTotal";
import { runRuleTests, seedForm, table } from "./ruleTester";

const notTotal = (parts: string) => `分值合计不等于100分：${parts}。请核对各项分值。`;

/** No 分值 column: weights only in the 一级 labels; no funding block (budget 0). */
const labelsOnly = (output: number, benefit: number) =>
  table([
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    [`产出指标(${output}分)`, "数量指标", "培训场次", "≥10场", "10场", output, ""],
    [`效益指标(${benefit}分)`, "社会效益指标", "受益人数", "≥100人", "100人", benefit, ""],
    ["总分", null, null, null, null, output + benefit, null],
  ]);

runRuleTests(weightTotal, {
  valid: [
    { name: "the seed form: 10 + 90 = 100, as the 总分 row says", form: seedForm() },
    // 10 + 90.01 = 100.01: within 0.01
    { name: "0.01 over 100", form: seedForm({ G15: 6.01 }) },
    { name: "the 总分 row's 分值 0.01 off", form: seedForm({ G28: 100.01 }) },
    { name: "a blank 总分 row 分值 is not compared", form: seedForm({ G28: null }) },
    {
      name: "no 分值 column: the 一级 labels add up, 60 + 40 = 100",
      form: labelsOnly(60, 40),
      profile: "hubei",
    },
    {
      name: "no 分值 column and no declared weight: nothing to add up",
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
      // the weights add up to 10 + 90 = 100: only the 总分 row is wrong, and it is reported once
      name: "the 总分 row says 95 while the weights add up to 100: exactly one finding",
      form: seedForm({ G28: 95 }),
      errors: [
        {
          cell: "G28",
          severity: "error",
          message: "总分行的分值写的是95分，但预算执行10分＋指标90分＝100分：请更正。",
        },
      ],
    },
    {
      name: "the 总分 row 0.02 off",
      form: seedForm({ G28: 100.02 }),
      errors: [
        {
          cell: "G28",
          severity: "error",
          message: "总分行的分值写的是100.02分，但预算执行10分＋指标90分＝100分：请更正。",
        },
      ],
    },
    {
      // 90 − 6 + 7 = 91 → 10 + 91 = 101
      name: "weights adding up to 101 while the 总分 row says 100",
      form: seedForm({ G15: 7 }),
      errors: [
        { cell: "G28", severity: "error", message: notTotal("预算执行10分＋指标91分＝101分") },
      ],
    },
    {
      name: "weights adding up to 101 and the 总分 row says 101: still wrong, reported once",
      form: seedForm({ G15: 7, G28: 101 }),
      errors: [
        { cell: "G28", severity: "error", message: notTotal("预算执行10分＋指标91分＝101分") },
      ],
    },
    {
      // 90 − 6 + 6.02 = 90.02
      name: "0.02 over 100",
      form: seedForm({ G15: 6.02 }),
      errors: [
        {
          cell: "G28",
          severity: "error",
          message: notTotal("预算执行10分＋指标90.02分＝100.02分"),
        },
      ],
    },
    {
      // 50 + 30 = 80, no budget block: reported at the 总分 row's 得分 cell (there is no 分值 column)
      name: "no 分值 column: labels adding up to 80",
      form: labelsOnly(50, 30),
      profile: "hubei",
      errors: [{ cell: "F5", severity: "error", message: notTotal("预算执行0分＋指标80分＝80分") }],
    },
    {
      // no 总分 row: 10 + 91 = 101 reported at the 分值 header G12
      name: "no 总分 row: reported at the 分值 header",
      form: seedForm({ A28: null, G28: null, H28: null, G15: 7 }),
      errors: [
        { cell: "G12", severity: "error", message: notTotal("预算执行10分＋指标91分＝101分") },
      ],
    },
    {
      // neither a 分值 column nor a 总分 row: reported at the header's first cell
      name: "no 分值 column and no 总分 row",
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
        ["产出指标(50分)", "数量指标", "培训场次", "≥10场", "10场", 50, ""],
        ["效益指标(30分)", "社会效益指标", "受益人数", "≥100人", "100人", 30, ""],
      ]),
      profile: "hubei",
      errors: [{ cell: "A2", severity: "error", message: notTotal("预算执行0分＋指标80分＝80分") }],
    },
    {
      // 一级 labels without weights: the block's 80 counts, no budget block
      name: "no 分值 column: a block label declaring 80",
      form: table(
        [
          [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "得分",
            "偏差原因分析及改进措施",
          ],
          ["年度绩效目标(80分)", "产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, ""],
          [null, "效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 30, ""],
        ],
        ["A3:A4"]
      ),
      profile: "hubei",
      errors: [{ cell: "A2", severity: "error", message: notTotal("预算执行0分＋指标80分＝80分") }],
    },
  ],
});
