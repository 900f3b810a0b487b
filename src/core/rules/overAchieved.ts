import { isPlaceholderText } from "../text";
import { defineRule } from "./rule";
import { quoted } from "./format";

export const overAchieved = defineRule({
  meta: {
    code: "OVER_ACHIEVED",
    severity: "warning",
    title: "大幅超额完成",
    docs: "正向指标的实际值达到目标的 k 倍以上（默认1.3，规则设置）时报告：未说明原因为警告，已说明为提示。规定要求目标设定偏低时适当扣分，本工具只提示、不扣分。",
    source: "SPEC §4（超额完成）、§6",
  },
  messages: {
    unexplained: {
      severity: "warning",
      text: "{name}实际{actual}达到目标{target}的{factor}倍以上：请在偏差原因中说明超额完成的原因；若目标设定偏低，按规定应适当扣分。",
    },
    explained: {
      severity: "info",
      text: "{name}实际{actual}达到目标{target}的{factor}倍以上：若目标设定偏低，按规定应适当扣分。",
    },
  },
  check({ model, report }) {
    for (const i of model.indicators)
      if (i.overAchieved)
        report({
          messageId: isPlaceholderText(i.reason) ? "unexplained" : "explained",
          cell: i.cells.actual,
          data: {
            name: quoted(i.name),
            actual: i.actual.raw,
            target: i.target.raw,
            factor: model.profile.overAchievementFactor,
          },
        });
  },
});
