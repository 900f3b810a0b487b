import { budgetRate } from "../../src/core/rules/budgetRate";
import { runRuleTests, seedForm, table, withCell } from "./ruleTester";

// 年度资金总额 row 6: D 年初预算数, E 全年预算数, F 全年执行数, H 执行率 (1 formatted as 100.00%)
const differs = (written: string, executed: string, base: string, rate: string, note = "") =>
  note
    ? `执行率写的是${written}%，按全年执行数${executed}÷${base}计算为${rate}%，差异只是取整显示：如需精确，可改为${rate}%。`
    : `执行率写的是${written}%，按全年执行数${executed}÷${base}计算应为${rate}%：请更正。`;

runRuleTests(budgetRate, {
  valid: [
    { name: "the seed form: 137.85 ÷ 137.85 = 100%", form: seedForm() },
    { name: "99.97 meaning percent: 100 written as 100", form: seedForm({ H6: 100 }) },
    // 99.99 ÷ 100 = 99.99%, written 100%: 0.01 apart
    { name: "0.01 point apart is within the tolerance", form: seedForm({ E6: 100, F6: 99.99 }) },
    {
      name: "no budget amount: no rate to compare",
      form: seedForm({ D6: 0, E6: 0, F6: 0, D7: 0, E7: 0, F7: 0 }),
    },
    {
      name: "no 项目资金 table at all: nothing to check",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 10],
      ]),
    },
    {
      // no amount anywhere: the written −5% is the only evidence of the rate, not something to correct to 0%
      name: "only the rate written, no amounts: the written rate is taken as it is",
      form: seedForm({
        ...{ D6: null, E6: null, F6: null, D7: null, E7: null, F7: null },
        ...{ D8: null, E8: null, F8: null, D9: null, E9: null, F9: null },
        H6: -0.05,
      }),
    },
    {
      // no 执行率 column in the funding table: nowhere to write or check a rate
      name: "a funding table without an 执行率 column",
      form: seedForm({ H5: null, H6: null, H7: null, H8: null, H9: null }),
    },
    {
      // a formula Excel has not calculated is not a blank cell: no offer to fill it
      name: "a rate formula without a cached result is not called blank",
      form: withCell(seedForm(), "H6", { value: null, formula: "=其他表!A1" }),
    },
  ],
  invalid: [
    {
      // 137.85 ÷ 137.85 = 100%: the write-back fills it
      name: "a blank rate: an info that it can be filled",
      form: seedForm({ H6: null }),
      errors: [
        {
          cell: "H6",
          severity: "info",
          message: "执行率未填写：按全年执行数137.85÷全年预算数137.85为100%，可写回。",
        },
      ],
    },
    {
      // 154.74 ÷ 310.2 = 49.8839…% → 49.88%, written 48%
      name: "a wrong rate",
      form: seedForm({ E6: 310.2, F6: 154.74, H6: 0.48 }),
      errors: [
        {
          cell: "H6",
          severity: "error",
          message: differs("48", "154.74", "全年预算数310.2", "49.88"),
        },
      ],
    },
    {
      // 154.74 ÷ 310.2 = 49.88%, written 50%: integer rounding (SPEC §9)
      name: "a rate rounded to an integer is an info (rounded for display)",
      form: seedForm({ E6: 310.2, F6: 154.74, H6: 0.5 }),
      errors: [
        {
          cell: "H6",
          severity: "info",
          message: differs("50", "154.74", "全年预算数310.2", "49.88", "（差异来自取整）"),
        },
      ],
    },
    {
      // 49.8839… truncated to one decimal = 49.8
      name: "a rate truncated to one decimal is an info (rounded for display)",
      form: seedForm({ E6: 310.2, F6: 154.74, H6: 49.8 }),
      errors: [
        {
          cell: "H6",
          severity: "info",
          message: differs("49.8", "154.74", "全年预算数310.2", "49.88", "（差异来自取整）"),
        },
      ],
    },
    {
      // 99.98 ÷ 100 = 99.98%, written 100%: 0.02 apart, but 99.98 rounds to 100
      name: "0.02 point apart, explained by rounding",
      form: seedForm({ E6: 100, F6: 99.98 }),
      errors: [
        {
          cell: "H6",
          severity: "info",
          message: differs("100", "99.98", "全年预算数100", "99.98", "（差异来自取整）"),
        },
      ],
    },
    {
      // 全年预算数 blank: 150 ÷ 200 = 75%
      name: "without 全年预算数 the rate is against 年初预算数",
      form: seedForm({ D6: 200, E6: null, F6: 150, E7: null, E8: null, E9: null }),
      errors: [
        { cell: "H6", severity: "error", message: differs("100", "150", "年初预算数200", "75") },
      ],
    },
    {
      // 1.5 is read as a ratio: 150%
      name: "1.5 is a ratio (150%), not 1.5%",
      form: seedForm({ H6: 1.5 }),
      errors: [
        {
          cell: "H6",
          severity: "error",
          message: differs("150", "137.85", "全年预算数137.85", "100"),
        },
      ],
    },
    {
      name: "a rate in words",
      form: seedForm({ H6: "见附表" }),
      errors: [
        {
          cell: "H6",
          severity: "error",
          message: "执行率“见附表”不是数字：按137.85÷137.85应为100%。",
        },
      ],
    },
    {
      // 49.8839… truncated to an integer = 49
      name: "a rate truncated to an integer is an info (rounded for display)",
      form: seedForm({ E6: 310.2, F6: 154.74, H6: 0.49 }),
      errors: [
        {
          cell: "H6",
          severity: "info",
          message: differs("49", "154.74", "全年预算数310.2", "49.88", "（差异来自取整）"),
        },
      ],
    },
    {
      // 49.8839… rounded to one decimal = 49.9
      name: "a rate rounded to one decimal is an info (rounded for display)",
      form: seedForm({ E6: 310.2, F6: 154.74, H6: 49.9 }),
      errors: [
        {
          cell: "H6",
          severity: "info",
          message: differs("49.9", "154.74", "全年预算数310.2", "49.88", "（差异来自取整）"),
        },
      ],
    },
  ],
});
