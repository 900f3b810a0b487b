import { weightGroup } from "../../src/core/rules/weightGroup";
import { runRuleTests, seedForm, table } from "./ruleTester";

const CENTRAL = "中央部门（财预〔2020〕10号）";
const profileWeight = (
  group: string,
  weight: number,
  profile: string,
  fixed: number,
  note: string
) => `“${group}”类指标分值合计${weight}分，${profile}规则为${fixed}分：请核对各指标分值${note}。`;
const ADJUSTABLE = "（特殊情况可调整，需说明）";

/** A Hubei-style block without a 分值 column: 年度绩效目标(80分) over 产出指标(50分) and 效益指标(x分). */
const blocks = (benefit: number) =>
  table(
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
      ["年度绩效目标(80分)", "产出指标(50分)", "数量指标", "培训场次", "≥10场", "10场", 50, ""],
      [null, `效益指标(${benefit}分)`, "社会效益指标", "受益人数", "≥100人", "100人", 30, ""],
    ],
    ["A3:A4"]
  );

/** Two blocks: 年度绩效目标(80分) over 产出(50分) + 效益(30分), and 满意度(block分) over 满意度指标(level1分). */
const twoBlocks = (block: number, level1: number) =>
  table(
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
      ["年度绩效目标(80分)", "产出指标(50分)", "数量指标", "培训场次", "≥10场", "10场", 50, ""],
      [null, "效益指标(30分)", "社会效益指标", "受益人数", "≥100人", "100人", 30, ""],
      [
        `满意度(${block}分)`,
        `满意度指标(${level1}分)`,
        "服务对象满意度指标",
        "群众满意度",
        "≥90%",
        "95%",
        level1,
        "",
      ],
    ],
    ["A3:A4"]
  );

runRuleTests(weightGroup, {
  valid: [
    { name: "the seed form under its own profile (55/20/10/5)", form: seedForm() },
    // 产出 55 + 0.01 = 55.01: within 0.01 of 55
    { name: "a group 0.01 off its profile weight", form: seedForm({ G15: 6.01 }) },
    {
      name: "a declared 一级 weight that its rows add up to",
      form: seedForm({ B13: "产出指标(55分)" }),
    },
    {
      name: "a declared block weight its 一级 labels add up to: 50 + 30 = 80",
      form: blocks(30),
      profile: "hubei",
    },
    { name: "hubei fixes no group weight", form: seedForm({ G6: 20, G15: 16 }), profile: "hubei" },
    {
      // 效益 declared 30 = the profile's 30; the 满意度 block 20 over its 一级 20
      name: "two blocks, each adding up",
      form: twoBlocks(20, 20),
      profile: "hubei",
    },
    {
      // 效益指标 declares no weight: the block's 80 cannot be added up, so it is not questioned
      name: "a block over a 一级 label without a weight",
      form: table(
        [
          ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
          ["年度绩效目标(80分)", "产出指标(50分)", "数量指标", "培训场次", "≥10场", "10场", 50],
          [null, "效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 30],
        ],
        ["A3:A4"]
      ),
      profile: "hubei",
    },
    {
      name: "a profile group without indicators is GROUP_MISSING's",
      form: seedForm({ B27: "其他指标", C27: "其他" }),
    },
  ],
  invalid: [
    {
      // 产出 rows 13–22 weigh 55; with G13 (8) blank they add up to 55 − 8 = 47
      name: "a declared 一级 weight over rows with one weight blank",
      form: seedForm({ B13: "产出指标(55分)", G13: null }),
      errors: [
        {
          cell: "B13",
          severity: "error",
          message: "“产出指标”标注为55分，但其下各项分值合计为47分：请核对分值。",
        },
        {
          cell: "B13",
          severity: "warning",
          message: profileWeight("产出", 47, "北京市西城区", 55, ADJUSTABLE),
        },
      ],
    },
    {
      // the 满意度 block declares 20, its only 一级 label 15
      name: "the second block declaring 20 over a 一级 label of 15",
      form: twoBlocks(20, 15),
      profile: "hubei",
      errors: [
        {
          cell: "A5",
          severity: "error",
          message: "“满意度”标注为20分，但其下各项分值合计为15分：请核对分值。",
        },
      ],
    },
    {
      // no 分值 column: 效益 declared 40 is not held against central's 30 (only the block's own sum is checked)
      name: "no 分值 column: no profile group weights are checked",
      form: blocks(40),
      profile: "central",
      errors: [
        {
          cell: "A3",
          severity: "error",
          message: "“年度绩效目标”标注为80分，但其下各项分值合计为90分：请核对分值。",
        },
      ],
    },
    {
      name: "central: 产出 55 and 满意度 5 where the profile says 50 and 10 (may be adjusted: warnings)",
      form: seedForm(),
      profile: "central",
      errors: [
        {
          cell: "B13",
          severity: "warning",
          message: profileWeight("产出", 55, CENTRAL, 50, ADJUSTABLE),
        },
        {
          cell: "B27",
          severity: "warning",
          message: profileWeight("满意度", 5, CENTRAL, 10, ADJUSTABLE),
        },
      ],
    },
    {
      name: "central made strict: errors, without the note",
      form: seedForm(),
      profile: "central",
      overrides: { groupWeightsStrict: true },
      errors: [
        { cell: "B13", severity: "error", message: profileWeight("产出", 55, CENTRAL, 50, "") },
        { cell: "B27", severity: "error", message: profileWeight("满意度", 5, CENTRAL, 10, "") },
      ],
    },
    {
      name: "xicheng: 可持续影响 written as a 二级 is reported at its 二级 cell",
      form: seedForm({ G26: 9 }),
      errors: [
        {
          cell: "C26",
          severity: "warning",
          message: profileWeight("可持续影响", 9, "北京市西城区", 10, ADJUSTABLE),
        },
      ],
    },
    {
      name: "hubei: the budget is worth 20 there",
      form: seedForm(),
      profile: "hubei",
      errors: [
        {
          cell: "G6",
          severity: "warning",
          message: "预算执行分值为10分，湖北省规则为20分：请核对。",
        },
      ],
    },
    {
      name: "hubei made strict: the budget weight is an error",
      form: seedForm(),
      profile: "hubei",
      overrides: { groupWeightsStrict: true },
      errors: [
        {
          cell: "G6",
          severity: "error",
          message: "预算执行分值为10分，湖北省规则为20分：请核对。",
        },
      ],
    },
    {
      // rows 13–22: 8 + 5 + 6 + 4 + 3 + 6 + 5 + 5 + 5 + 8 = 55
      name: "a 一级 label declaring 50 over rows adding up to 55",
      form: seedForm({ B13: "产出指标(50分)" }),
      errors: [
        {
          cell: "B13",
          severity: "error",
          message: "“产出指标”标注为50分，但其下各项分值合计为55分：请核对分值。",
        },
      ],
    },
    {
      // 50 + 40 = 90 ≠ 80
      name: "a block declaring 80 over 一级 labels adding up to 90",
      form: blocks(40),
      profile: "hubei",
      errors: [
        {
          cell: "A3",
          severity: "error",
          message: "“年度绩效目标”标注为80分，但其下各项分值合计为90分：请核对分值。",
        },
      ],
    },
  ],
});
