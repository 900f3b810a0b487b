import { fundingSum } from "../../src/core/rules/fundingSum";
import { runRuleTests, seedForm, table } from "./ruleTester";

// 年度资金总额 row 6 (D 年初预算数, E 全年预算数, F 全年执行数); 其中 rows 7–9: 137.85 / 0 / 0 in each column
runRuleTests(fundingSum, {
  valid: [
    { name: "the seed form", form: seedForm() },
    {
      name: "no 项目资金 table at all: nothing to check",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 10],
      ]),
    },
    { name: "0.01 apart is within the tolerance", form: seedForm({ F6: 137.86 }) },
    { name: "其中 rows all 0 say nothing about the total", form: seedForm({ D7: 0, D6: 100 }) },
    // 其中: 137.85 + blank + blank = 137.85, the total
    { name: "其中 rows partly blank", form: seedForm({ D8: null, D9: null, F8: null }) },
    // 年初预算数 may really be 0 (a project added during the year): a blank one is not taken from 其中
    { name: "年初预算数 blank while 全年预算数 is written", form: seedForm({ D6: null }) },
    {
      name: "a funding header without any row below it",
      form: seedForm(
        Object.fromEntries(
          ["B", "C", "D", "E", "F", "G", "H", "I"].flatMap((c) =>
            [6, 7, 8, 9].map((r) => [`${c}${r}`, null])
          )
        )
      ),
    },
  ],
  invalid: [
    {
      // 全年执行数 blank on the 年度资金总额 row; 其中 rows: 137.85
      name: "one blank amount on the total row is taken from the 其中 rows, at its own cell",
      form: seedForm({ F6: null }),
      errors: [
        {
          cell: "F6",
          severity: "warning",
          message:
            "“年度资金总额”行的全年执行数为空，其中各行合计为137.85万元：已按其中各行合计计算预算执行率，请补填该单元格。",
        },
      ],
    },
    {
      name: "the total row left at 0 while 其中 holds the money",
      form: seedForm({ D6: 0, E6: 0, F6: 0 }),
      errors: [
        {
          cell: "F6",
          severity: "warning",
          message:
            "“年度资金总额”行为空或为0，但其中各行合计执行137.85万元：已按其中各行合计计算，请补填“年度资金总额”行。",
        },
      ],
    },
    {
      name: "the total row left blank",
      form: seedForm({ D6: null, E6: null, F6: null }),
      errors: [
        {
          cell: "F6",
          severity: "warning",
          message:
            "“年度资金总额”行为空或为0，但其中各行合计执行137.85万元：已按其中各行合计计算，请补填“年度资金总额”行。",
        },
      ],
    },
    {
      // 全年执行数 0 on the total row is blank, taken from 其中 (137.85): filled, not also reported as different
      name: "an executed total of 0 is blank, not a difference",
      form: seedForm({ F6: 0 }),
      errors: [
        {
          cell: "F6",
          severity: "warning",
          message:
            "“年度资金总额”行的全年执行数为空，其中各行合计为137.85万元：已按其中各行合计计算预算执行率，请补填该单元格。",
        },
      ],
    },
    {
      // the row blank, and 其中 has no 全年预算数 either: 年初预算数 and 全年执行数 come from 其中, one finding
      name: "the total row blank where 其中 has no 全年预算数",
      form: seedForm({ D6: null, E6: null, F6: null, E7: null, E8: null, E9: null }),
      errors: [
        {
          cell: "F6",
          severity: "warning",
          message:
            "“年度资金总额”行为空或为0，但其中各行合计执行137.85万元：已按其中各行合计计算，请补填“年度资金总额”行。",
        },
      ],
    },
    {
      // 137.85 − 137.83 = 0.02 > 0.01
      name: "executed total 0.02 off the 其中 sum",
      form: seedForm({ F6: 137.83 }),
      errors: [
        {
          cell: "F6",
          severity: "warning",
          message: "“年度资金总额”全年执行数为137.83，但其中各行合计为137.85：请核对。",
        },
      ],
    },
    {
      // 其中: 100 + 20 + 0 = 120 against 137.85 in 年初预算数 and 全年预算数
      name: "two columns off: one finding each, left to right",
      form: seedForm({ D7: 100, D8: 20, E7: 100, E8: 20 }),
      errors: [
        {
          cell: "D6",
          severity: "warning",
          message: "“年度资金总额”年初预算数为137.85，但其中各行合计为120：请核对。",
        },
        {
          cell: "E6",
          severity: "warning",
          message: "“年度资金总额”全年预算数为137.85，但其中各行合计为120：请核对。",
        },
      ],
    },
  ],
});
