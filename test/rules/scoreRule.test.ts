import { scoreRule } from "../../src/core/rules/scoreRule";
import { runRuleTests, seedForm } from "./ruleTester";

const SUMMER = "“‘科普之夏进社区’系列活动场次”"; // row 13: ≥30场, weight 8
const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15: ≥300篇 / 270篇, weight 6, score 5.4
const CONTEST = "“公民科学素质大赛（地推宣传、预赛、决赛）”"; // row 16: ≥3场 / 3场, weight 4
const COST = "“项目总成本”"; // row 22: ≤137.85万元, weight 8

runRuleTests(scoreRule, {
  valid: [
    { name: "the seed form (6 × 270 ÷ 300 = 5.4 written 5.4)", form: seedForm() },
    {
      name: "0.01 above the rule score is another calculator's last digit",
      form: seedForm({ H15: 5.41 }),
    },
    { name: "0.01 below the rule score", form: seedForm({ H15: 5.39 }) },
    {
      name: "a score over the weight is SCORE_RANGE's, not judged here",
      form: seedForm({ H15: 7 }),
    },
    { name: "a qualitative indicator is SCORE_BAND's", form: seedForm({ H20: 5 }) },
    {
      name: "≤ met: 130万元 ≤ 137.85万元 gives full marks",
      form: seedForm({ F22: "130万元" }),
    },
    {
      // 8 × 28 ÷ 30 = 7.4666… → 7.47
      name: "the rule score rounded half up",
      form: seedForm({ F13: "28场", H13: 7.47 }),
    },
  ],
  invalid: [
    {
      name: "at least, not met: 6 × 270 ÷ 300 = 5.4, written 5",
      form: seedForm({ H15: 5 }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message: `${ARTICLES}得分5分，按计分规则应为5.4分（6×270÷300）：请更正得分或说明依据。`,
          suggestion: 5.4,
        },
      ],
    },
    {
      name: "0.02 away is beyond the tolerance",
      form: seedForm({ H15: 5.42 }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message: `${ARTICLES}得分5.42分，按计分规则应为5.4分（6×270÷300）：请更正得分或说明依据。`,
          suggestion: 5.4,
        },
      ],
    },
    {
      // 8 × 28 ÷ 30 = 7.4666… → 7.47; 7.46 is the truncation
      name: "truncation is a rounding warning",
      form: seedForm({ F13: "28场", H13: 7.46 }),
      errors: [
        {
          cell: "H13",
          severity: "warning",
          message: `${SUMMER}得分7.46分，按规则8×28÷30＝7.47分，差异来自取整或截断：建议保留两位小数、四舍五入。`,
          suggestion: 7.47,
        },
      ],
    },
    {
      // the seed writes 3.35 elsewhere: a form of two-decimal scores does not explain 7.5 by rounding
      name: "one-decimal rounding on a two-decimal form is an error",
      form: seedForm({ F13: "28场", H13: 7.5 }),
      errors: [
        {
          cell: "H13",
          severity: "error",
          message: `${SUMMER}得分7.5分，按计分规则应为7.47分（8×28÷30）：请更正得分或说明依据。`,
          suggestion: 7.47,
        },
      ],
    },
    {
      // with H20 3.4 instead of 3.35 every score on the form has at most one decimal
      name: "one-decimal rounding on a one-decimal form is a warning",
      form: seedForm({ F13: "28场", H13: 7.5, H20: 3.4 }),
      errors: [
        {
          cell: "H13",
          severity: "warning",
          message: `${SUMMER}得分7.5分，按规则8×28÷30＝7.47分，差异来自取整或截断：建议保留两位小数、四舍五入。`,
          suggestion: 7.47,
        },
      ],
    },
    {
      name: "met but scored below the weight",
      form: seedForm({ H16: 3 }),
      errors: [
        {
          cell: "H16",
          severity: "error",
          message: `${CONTEST}得分3分，按计分规则应为4分（实际达到目标，得满分4）：请更正得分或说明依据。`,
          suggestion: 4,
        },
      ],
    },
    {
      // weights 10 + 91 = 101: one point too many, and the indicator lost exactly 5 − 4 = 1 point
      name: "the weight is blamed when the excess equals the points lost",
      form: seedForm({ G16: 5, H16: 4 }),
      errors: [
        {
          cell: "H16",
          severity: "warning",
          message: `${CONTEST}已达到目标，得分4分却低于分值5分；而各项分值合计正好多出1分：更可能是分值写错（应为4分），请先核对分值。`,
        },
      ],
    },
    {
      // excess 1, points lost 5 − 3 = 2: not the weight's fault
      name: "the score is blamed when the excess differs from the points lost",
      form: seedForm({ G16: 5, H16: 3 }),
      errors: [
        {
          cell: "H16",
          severity: "error",
          message: `${CONTEST}得分3分，按计分规则应为5分（实际达到目标，得满分5）：请更正得分或说明依据。`,
          suggestion: 5,
        },
      ],
    },
    {
      // ratio: 8 × 137.85 ÷ 150 = 7.352 → 7.35
      name: "at most, exceeded, ratio rule",
      form: seedForm({ F22: "150万元" }),
      errors: [
        {
          cell: "H22",
          severity: "error",
          message: `${COST}得分8分，按计分规则应为7.35分（8×137.85÷150）：请更正得分或说明依据。`,
          suggestion: 7.35,
        },
      ],
    },
    {
      // linear: 8 × (1 − (150 − 137.85) ÷ 137.85) = 8 × 125.7 ÷ 137.85 = 7.2948… → 7.29
      name: "at most, exceeded, linear rule",
      form: seedForm({ F22: "150万元" }),
      overrides: { atMostRule: "linear" },
      errors: [
        {
          cell: "H22",
          severity: "error",
          message: `${COST}得分8分，按计分规则应为7.29分（8×(1−(150−137.85)÷137.85)）：请更正得分或说明依据。`,
          suggestion: 7.29,
        },
      ],
    },
    {
      name: "at most, met, scored below the weight",
      form: seedForm({ F22: "130万元", H22: 7 }),
      errors: [
        {
          cell: "H22",
          severity: "error",
          message: `${COST}得分7分，按计分规则应为8分（实际未超过目标，得满分8）：请更正得分或说明依据。`,
          suggestion: 8,
        },
      ],
    },
    {
      name: "a strict > target scores as ≥: 6 × 270 ÷ 300 = 5.4",
      form: seedForm({ E15: ">300篇", H15: 5 }),
      errors: [
        {
          cell: "H15",
          severity: "error",
          message: `${ARTICLES}得分5分，按计分规则应为5.4分（6×270÷300）：请更正得分或说明依据。`,
          suggestion: 5.4,
        },
      ],
    },
    {
      // 8 × 137.85 ÷ 150 = 7.352 → 7.35
      name: "a strict < target scores as ≤",
      form: seedForm({ E22: "<137.85万元", F22: "150万元" }),
      errors: [
        {
          cell: "H22",
          severity: "error",
          message: `${COST}得分8分，按计分规则应为7.35分（8×137.85÷150）：请更正得分或说明依据。`,
          suggestion: 7.35,
        },
      ],
    },
    {
      // weights 10 + 91 = 101 (G16 5): row 16 met and lost exactly 1 → the weight; row 13 lost 8 − 7 = 1 too,
      // but did not meet its target (8 × 27 ÷ 30 = 7.2) → the score
      name: "only a met target blames the weight",
      form: seedForm({ G16: 5, H16: 4, H13: 7 }),
      errors: [
        {
          cell: "H13",
          severity: "error",
          message: `${SUMMER}得分7分，按计分规则应为7.2分（8×27÷30）：请更正得分或说明依据。`,
          suggestion: 7.2,
        },
        {
          cell: "H16",
          severity: "warning",
          message: `${CONTEST}已达到目标，得分4分却低于分值5分；而各项分值合计正好多出1分：更可能是分值写错（应为4分），请先核对分值。`,
        },
      ],
    },
    {
      name: "at most, exactly at the target, scored below the weight",
      form: seedForm({ H22: 7 }),
      errors: [
        {
          cell: "H22",
          severity: "error",
          message: `${COST}得分7分，按计分规则应为8分（实际未超过目标，得满分8）：请更正得分或说明依据。`,
          suggestion: 8,
        },
      ],
    },
  ],
});
