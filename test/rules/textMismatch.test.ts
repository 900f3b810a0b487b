import { textMismatch } from "../../src/core/rules/textMismatch";
import { runRuleTests, seedForm, table } from "./ruleTester";

// 年度总体目标 预期目标 text in B11; the table's amounts are 137.85 万元
const goals = (text: string) => seedForm({ B11: text });

runRuleTests(textMismatch, {
  valid: [
    {
      name: "no 年度总体目标 block at all",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 10],
      ]),
    },
    {
      // the stated total is the last amount: 100 + 37.85 = 137.85, the budget
      name: "parts first, the stated total last",
      form: goals("其中活动经费100万元、宣传经费37.85万元，共计137.85万元。"),
    },
    {
      // 年初预算数 137.85 matches though 全年预算数 was raised to 140
      name: "a stated total equal to one of the budget amounts",
      form: seedForm({ B11: "预算资金共计137.85万元。", E6: 140 }),
    },
    { name: "the seed's goal names no amount", form: seedForm() },
    { name: "a stated total equal to the budget", form: goals("项目预算资金共计137.85万元。") },
    // 1,378,500 元 = 137.85 万元
    { name: "a total in 元 converted to 万元", form: goals("项目预算资金共计1,378,500元。") },
    // 100 + 37.85 = 137.85
    {
      name: "parts adding up to the stated total",
      form: goals("共计137.85万元，其中活动经费100万元、宣传经费37.85万元。"),
    },
    { name: "amounts without a stated total", form: goals("活动经费100万元、宣传经费30万元。") },
    {
      name: "a table in 元: 137.85万元 = 1,378,500元",
      form: seedForm({ B11: "预算资金共计137.85万元。" }, { amountsInYuan: true }),
    },
    {
      name: "a stated total and a single part are not checked as parts",
      form: goals("共计137.85万元，其中活动经费100万元。"),
    },
    // 137.84 + 0.01 = 137.85
    {
      name: "parts 0.01 off the stated total",
      form: goals("共计137.85万元，其中活动经费100万元、宣传经费37.84万元。"),
    },
    { name: "a stated total 0.01 off the budget", form: goals("预算资金共计137.86万元。") },
    // 0.013785 亿元 = 137.85 万元 = 1,378,500 元
    { name: "亿元 on a table in 万元", form: goals("预算资金共计0.013785亿元。") },
    {
      name: "亿元 on a table in 元",
      form: seedForm({ B11: "预算资金共计0.013785亿元。" }, { amountsInYuan: true }),
    },
    {
      name: "a total word more than 8 characters before the amount is not a stated total",
      form: goals("项目预算资金共计（含当年财政拨款与上年结转资金）150万元。"),
    },
  ],
  invalid: [
    {
      // 100 + 30 = 130 ≠ 137.85; the total itself matches the budget
      name: "parts not adding up to the stated total",
      form: goals("共计137.85万元，其中活动经费100万元、宣传经费30万元。"),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中写明合计137.85万元，但分项金额加起来是130万元：请核对目标表述。",
        },
      ],
    },
    {
      // 全年预算数 blank on every row: the 预算数 named is 年初预算数 137.85
      name: "a stated total against the 年初预算数 when 全年预算数 is blank",
      form: seedForm({ B11: "预算资金共计150万元。", E6: null, E7: null, E8: null, E9: null }),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中的金额150万元与资金表中的预算数137.85万元不一致：请核对。",
        },
      ],
    },
    {
      name: "a stated total that is not the budget",
      form: goals("本项目预算资金共计150万元。"),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中的金额150万元与资金表中的预算数137.85万元不一致：请核对。",
        },
      ],
    },
    {
      // SPEC §9: 1,000,000 + 740,000 = 1,740,000 元 = 174 万元 against 2,026,400 元 = 202.64 万元 ≠ 137.85
      name: "the SPEC's example: parts 1,740,000 元 against a stated 2,026,400 元",
      form: goals("总预算2,026,400元，其中设备购置1,000,000元、活动经费740,000元。"),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中写明合计2026400元，但分项金额加起来是1740000元：请核对目标表述。",
        },
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中的金额202.64万元与资金表中的预算数137.85万元不一致：请核对。",
        },
      ],
    },
    {
      // 1.5 亿元 = 15000 万元
      name: "a total in 亿元",
      form: goals("预算资金共计1.5亿元。"),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中的金额15000万元与资金表中的预算数137.85万元不一致：请核对。",
        },
      ],
    },
    {
      // 150 万元 = 1,500,000 元 against 1,378,500 元
      name: "a total in 万元 on a table in 元",
      form: seedForm({ B11: "预算资金共计150万元。" }, { amountsInYuan: true }),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中的金额1500000元与资金表中的预算数1378500元不一致：请核对。",
        },
      ],
    },
    {
      name: "spaces between the word, the number and the unit",
      form: goals("预算资金共计 150 万元。"),
      errors: [
        {
          cell: "B11",
          severity: "warning",
          message: "年度总体目标中的金额150万元与资金表中的预算数137.85万元不一致：请核对。",
        },
      ],
    },
  ],
});
