import { typeMismatch } from "../../src/core/rules/typeMismatch";
import { runRuleTests, seedForm } from "./ruleTester";

const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15: ≥300篇 / 270篇

runRuleTests(typeMismatch, {
  valid: [
    { name: "the seed form", form: seedForm() },
    { name: "万元 and 元 convert", form: seedForm({ E22: "≤1378500元", F22: "137.85万元" }) },
    { name: "a qualitative target with a word actual", form: seedForm({ F20: "达成年度指标" }) },
    { name: "two relative changes compare", form: seedForm({ E23: "提升10%", F23: "提升8%" }) },
  ],
  invalid: [
    {
      name: "a numeric target answered with 完成",
      form: seedForm({ F15: "完成" }),
      errors: [
        {
          cell: "F15",
          severity: "error",
          message: `${ARTICLES}的目标是数值“≥300篇”，实际完成值却写成“完成”：请填写实际数值（含单位），以便按规则计分。`,
        },
      ],
    },
    {
      name: "units that do not convert",
      form: seedForm({ F15: "270场" }),
      errors: [
        {
          cell: "F15",
          severity: "warning",
          message: `${ARTICLES}目标“≥300篇”与实际“270场”的单位不一致（篇／场），无法比较：请统一单位。`,
        },
      ],
    },
    {
      name: "a relative target against an absolute actual",
      form: seedForm({ E23: "提升10%" }),
      errors: [
        {
          cell: "F23",
          severity: "warning",
          message:
            "“辖区公民具备科学素质比例”目标“提升10%”与实际“28.5%”一个是变化幅度、一个是数值，无法比较：请用同一口径填写。",
        },
      ],
    },
  ],
});
