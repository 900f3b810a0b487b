import { reasonMissing } from "../../src/core/rules/reasonMissing";
import { runRuleTests, seedForm, table } from "./ruleTester";

const ARTICLES = "“‘西城科普进行时’公众号发布科普文章”"; // row 15: ≥300篇 / 270篇, 5.4 of 6
const CLIMATE = "“‘爱科学、学科学、用科学’社会氛围”"; // row 25: qualitative, 4 of 5

const lostPoints = (name: string, score: string, weight: string) =>
  `${name}得分${score}分低于分值${weight}分，但没有填写偏差原因：请说明未完成的原因和改进措施。`;
const budget = (rate: string, threshold: number) =>
  `预算执行率${rate}%，低于${threshold}%：请在偏差原因分析中说明资金未执行完的原因和改进措施。`;

runRuleTests(reasonMissing, {
  valid: [
    { name: "the seed form: every lost point explained with a measure", form: seedForm() },
    {
      name: "met but scored below the weight is SCORE_RULE's, not a missing reason",
      form: seedForm({ H16: 3 }),
    },
    {
      // row 14: =1场 / 1场, weight 5, score left blank: no points known to be lost
      name: "a met target with a blank score needs no reason",
      form: seedForm({ H14: null }),
    },
    {
      name: "over-achieved is OVER_ACHIEVED's",
      form: seedForm({ F15: "390篇", H15: 5, I15: null }),
    },
    {
      name: "a measure in the reason column's neighbour words: 加强",
      form: seedForm({ I15: "编辑力量不足，需加强队伍" }),
    },
    {
      // 95 ÷ 100 = 95% ≥ sichuan's 90%
      name: "sichuan: 95% execution needs no reason",
      form: seedForm({ E6: 100, F6: 95 }),
      profile: "sichuan",
    },
    {
      // 90 ÷ 100 = 90%: the threshold itself is not below it
      name: "sichuan: exactly 90% needs no reason",
      form: seedForm({ E6: 100, F6: 90 }),
      profile: "sichuan",
    },
    {
      name: "low execution explained in some reason (资金…结余)",
      form: seedForm({ E6: 100, F6: 95, I13: "部分资金结余；下一步加快支出进度。" }),
    },
    {
      name: "no reason column: nothing to check",
      form: table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 90, 72],
      ]),
    },
    {
      // 95% < 100%, explained only by “资金…未支付”
      name: "low execution explained by money not yet paid",
      form: seedForm({ E6: 100, F6: 95, I13: "年底部分资金尚未支付；下一步加快结算。" }),
    },
  ],
  invalid: [
    {
      name: "lost points, no reason",
      form: seedForm({ I15: null }),
      errors: [{ cell: "I15", severity: "error", message: lostPoints(ARTICLES, "5.4", "6") }],
    },
    {
      name: "placeholders count as empty: 无",
      form: seedForm({ I15: "无" }),
      errors: [{ cell: "I15", severity: "error", message: lostPoints(ARTICLES, "5.4", "6") }],
    },
    {
      name: "placeholders count as empty: /",
      form: seedForm({ I15: "/" }),
      errors: [{ cell: "I15", severity: "error", message: lostPoints(ARTICLES, "5.4", "6") }],
    },
    {
      name: "a qualitative indicator that lost points",
      form: seedForm({ I25: null }),
      errors: [{ cell: "I25", severity: "error", message: lostPoints(CLIMATE, "4", "5") }],
    },
    {
      name: "target not met though scored full marks",
      form: seedForm({ H15: 6, I15: null }),
      errors: [
        {
          cell: "I15",
          severity: "error",
          message: `${ARTICLES}实际“270篇”未达到目标“≥300篇”，但没有填写偏差原因：请说明未完成的原因和改进措施。`,
        },
      ],
    },
    {
      name: "a cause without a measure",
      form: seedForm({ I15: "下半年编辑力量不足" }),
      errors: [
        {
          cell: "I15",
          severity: "info",
          message: `${ARTICLES}只写了原因，没有改进措施：建议补充下一步的改进措施。`,
        },
      ],
    },
    {
      // 95 ÷ 100 = 95% < the default 100%
      name: "execution below 100% and no reason mentions it",
      form: seedForm({ E6: 100, F6: 95 }),
      errors: [{ cell: "H6", severity: "warning", message: budget("95", 100) }],
    },
    {
      // 89.99 ÷ 100 = 89.99% < sichuan's 90%
      name: "sichuan: 89.99% is below 90%",
      form: seedForm({ E6: 100, F6: 89.99 }),
      profile: "sichuan",
      errors: [{ cell: "H6", severity: "warning", message: budget("89.99", 90) }],
    },
    {
      // no 执行率 column: 95 ÷ 100 = 95%, reported at the 全年执行数 cell
      name: "without a rate column the budget reason is asked at the executed amount",
      form: seedForm({ H5: null, H6: null, E6: 100, F6: 95 }),
      errors: [{ cell: "F6", severity: "warning", message: budget("95", 100) }],
    },
    {
      // met (3场 of ≥3场) and 3.99 is within 0.01 of the rule's 4: not a scoring mistake, but a lost point
      name: "a met target scored 0.01 below the weight still needs a reason",
      form: seedForm({ H16: 3.99 }),
      errors: [
        {
          cell: "I16",
          severity: "error",
          message: lostPoints("“公民科学素质大赛（地推宣传、预赛、决赛）”", "3.99", "4"),
        },
      ],
    },
  ],
});
