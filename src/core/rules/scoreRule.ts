import { dec } from "../decimal";
import type { IndicatorFacts } from "../evaluate";
import type { Profile } from "../profiles";
import { defineRule } from "./rule";
import { fmt, quoted } from "./format";

/** How the rule score comes about, for the message: 6×270÷300, or 实际达到目标，得满分6. */
function ruleExplanation(i: IndicatorFacts, profile: Profile): string {
  const pair = i.pair as { a: string; b: string };
  const w = fmt(i.weight ?? 0);
  if (i.target.kind === "number" && (i.target.op === "<=" || i.target.op === "<")) {
    if (dec(pair.b).lessThanOrEqualTo(pair.a)) return `实际未超过目标，得满分${w}`;
    return profile.atMostRule === "ratio"
      ? `${w}×${pair.a}÷${pair.b}`
      : `${w}×(1−(${pair.b}−${pair.a})÷${pair.a})`;
  }
  if (dec(pair.b).greaterThanOrEqualTo(pair.a)) return `实际达到目标，得满分${w}`;
  return `${w}×${pair.b}÷${pair.a}`;
}

export const scoreRule = defineRule({
  meta: {
    code: "SCORE_RULE",
    severity: "error",
    title: "定量指标得分不符合计分规则",
    docs:
      "定量指标的得分与按计分规则算出的得分相差超过0.01分时报告（正向指标 w×B÷A，反向指标按规则设置的 ratio 或 linear，达到目标得满分）。" +
      "差异恰好来自表格自身更粗的取整或截断时为警告，否则为错误，并给出建议得分。" +
      "已达到目标却扣了分的，只报此项并请更正得分或说明依据，不再另报“缺少偏差原因”。" +
      "各项分值合计正好多出的分数等于该指标被扣的分数时，更可能是分值写错：改为提示先核对分值，不给建议得分。",
    source: "SPEC §4（计分规则、容差）、§9（真实表格中的取整错误；分值多写）",
  },
  messages: {
    rounding: {
      severity: "warning",
      text: "{name}得分{score}分，按规则{how}＝{rule}分，差异来自取整或截断：建议保留两位小数、四舍五入。",
    },
    differs: {
      severity: "error",
      text: "{name}得分{score}分，按计分规则应为{rule}分（{how}）：请更正得分或说明依据。",
    },
    weightLikelyWrong: {
      severity: "warning",
      text: "{name}已达到目标，得分{score}分却低于分值{weight}分；而各项分值合计正好多出{excess}分：更可能是分值写错（应为{likelyWeight}分），请先核对分值。",
    },
  },
  check({ model, report }) {
    const excess = model.weightExcess;
    for (const i of model.indicators) {
      if (i.kind !== "quantitative" || !i.agreement || i.agreement === "ok") continue;
      const score = i.score as number;
      const weight = i.weight as number;
      const name = quoted(i.name);
      if (
        excess?.greaterThan(0) &&
        i.ruleScore === weight &&
        dec(weight).minus(score).equals(excess)
      ) {
        report({
          messageId: "weightLikelyWrong",
          cell: i.cells.score,
          data: {
            name,
            score: fmt(score),
            weight: fmt(weight),
            excess: fmt(excess),
            likelyWeight: fmt(dec(weight).minus(excess)),
          },
        });
        continue;
      }
      const data = {
        name,
        score: fmt(score),
        rule: fmt(i.ruleScore ?? 0),
        how: ruleExplanation(i, model.profile),
      };
      report({
        messageId: i.agreement === "rounding" ? "rounding" : "differs",
        cell: i.cells.score,
        data,
        suggestion: i.ruleScore ?? undefined,
      });
    }
  },
});
