import { isPlaceholderText } from "../text";
import { defineRule } from "./rule";
import { fmt, quoted } from "./format";

const MEASURE_WORDS =
  /下一步|措施|改进|今后|后续|将|拟|计划|加强|完善|建立|优化|提高|提升|继续|持续|加大|做好|确保|推进/;
const BUDGET_REASON = /执行率|执行进度|支出进度|预算执行|资金.*(结余|未支付|未执行)/;

export const reasonMissing = defineRule({
  meta: {
    code: "REASON_MISSING",
    severity: "error",
    title: "缺少偏差原因或改进措施",
    docs:
      "扣了分（得分低于分值）或未达到目标的指标，必须在“偏差原因分析及改进措施”中说明；“0”“无”“暂无”“/”“-”等占位视为未填（错误）。" +
      "只写原因、没有改进措施时给出提示。预算执行率低于规则阈值（默认100%，部分省份90%）而各指标原因中都没有说明资金执行情况时给出警告（表中没有预算执行的原因格）。" +
      "已达到目标却扣了分的，由 SCORE_RULE 报告并请更正得分或说明依据，此处不重复；超额完成由 OVER_ACHIEVED 报告。",
    source: "SPEC §6；财预〔2020〕10号（偏差原因分析及改进措施）",
  },
  messages: {
    lostPoints: {
      severity: "error",
      text: "{name}得分{score}分低于分值{weight}分，但没有填写偏差原因：请说明未完成的原因和改进措施。",
    },
    notMet: {
      severity: "error",
      text: "{name}实际“{actual}”未达到目标“{target}”，但没有填写偏差原因：请说明未完成的原因和改进措施。",
    },
    noMeasure: {
      severity: "info",
      text: "{name}只写了原因，没有改进措施：建议补充下一步的改进措施。",
    },
    budget: {
      severity: "warning",
      text: "预算执行率{rate}%，低于{threshold}%：请在偏差原因分析中说明资金未执行完的原因和改进措施。",
    },
  },
  check({ model, report }) {
    for (const i of model.indicators) {
      const cell = i.cells.reason;
      if (!cell || i.overAchieved) continue;
      const lostPoints = i.weight !== null && i.score !== null && i.score < i.weight;
      // a met target scored below its weight is a scoring mistake (SCORE_RULE), not a missing reason; only a
      // quantitative indicator has an agreement, and one not met needs a reason anyway (below)
      const scoringMistake = !!i.agreement && i.agreement !== "ok";
      if (!((lostPoints && !scoringMistake) || i.met === false)) continue;
      const name = quoted(i.name);
      if (isPlaceholderText(i.reason))
        report(
          lostPoints
            ? {
                messageId: "lostPoints",
                cell,
                data: { name, score: fmt(i.score ?? 0), weight: fmt(i.weight ?? 0) },
              }
            : {
                messageId: "notMet",
                cell,
                data: { name, actual: i.actual.raw, target: i.target.raw },
              }
        );
      else if (!MEASURE_WORDS.test(i.reason + i.raw.measure))
        report({ messageId: "noMeasure", cell, data: { name } });
    }
    const b = model.budget;
    const threshold = model.profile.reasonBudgetThreshold;
    if (!b?.exact) return;
    const rate = b.budget.rate;
    // Stryker disable next-line ConditionalExpression: the rate is null only without an exact one (returned above)
    if (rate === null) return;
    if (rate >= threshold) return;
    if (BUDGET_REASON.test(model.form.indicators.map((i) => i.reason).join(""))) return;
    report({
      messageId: "budget",
      // Stryker disable next-line StringLiteral: an exact rate comes from an executed amount or a written rate
      cell: b.budget.cells.rate ?? b.budget.cells.executed ?? "A1",
      data: { rate: fmt(rate), threshold },
    });
  },
});
