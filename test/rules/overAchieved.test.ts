import { overAchieved } from "../../src/core/rules/overAchieved";
import { runRuleTests, seedForm } from "./ruleTester";

const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15: ≥300篇, reason written
const CONTEST = "“公民科学素质大赛（地推宣传、预赛、决赛）”"; // row 16: ≥3场, no reason

const explained = (name: string, actual: string, target: string, k: number) =>
  `${name}实际${actual}达到目标${target}的${k}倍以上：若目标设定偏低，按规定应适当扣分。`;
const unexplained = (name: string, actual: string, target: string, k: number) =>
  `${name}实际${actual}达到目标${target}的${k}倍以上：请在偏差原因中说明超额完成的原因；若目标设定偏低，按规定应适当扣分。`;

runRuleTests(overAchieved, {
  valid: [
    { name: "the seed form", form: seedForm() },
    { name: "just below 1.3 × 300 = 390", form: seedForm({ F15: "389篇", H15: 6 }) },
    {
      name: "an at-most target far undershot is not over-achieved",
      form: seedForm({ F22: "50万元" }),
    },
    { name: "an equal target is not over-achieved", form: seedForm({ F24: "30个" }) },
    { name: "a target of 0", form: seedForm({ E16: "≥0场" }) },
    {
      name: "a factor of 1.5: 4 < 1.5 × 3 = 4.5",
      form: seedForm({ F16: "4场" }),
      overrides: { overAchievementFactor: 1.5 },
    },
  ],
  invalid: [
    {
      name: "exactly 1.3 × 300 = 390, with a reason: info",
      form: seedForm({ F15: "390篇", H15: 6 }),
      errors: [
        { cell: "F15", severity: "info", message: explained(ARTICLES, "390篇", "≥300篇", 1.3) },
      ],
    },
    {
      name: "4 ≥ 1.3 × 3 = 3.9 without a reason: warning",
      form: seedForm({ F16: "4场" }),
      errors: [
        { cell: "F16", severity: "warning", message: unexplained(CONTEST, "4场", "≥3场", 1.3) },
      ],
    },
    {
      name: "a placeholder reason counts as none",
      form: seedForm({ F16: "4场", I16: "无" }),
      errors: [
        { cell: "F16", severity: "warning", message: unexplained(CONTEST, "4场", "≥3场", 1.3) },
      ],
    },
    {
      name: "a factor of 1.5: 4.5 ≥ 1.5 × 3",
      form: seedForm({ F16: "4.5场" }),
      overrides: { overAchievementFactor: 1.5 },
      errors: [
        { cell: "F16", severity: "warning", message: unexplained(CONTEST, "4.5场", "≥3场", 1.5) },
      ],
    },
  ],
});
