import { defineRule } from "./rule";
import { quoted } from "./format";

export const typeMismatch = defineRule({
  meta: {
    code: "TYPE_MISMATCH",
    severity: "error",
    title: "目标与实际无法比较",
    docs: "数值目标的实际完成值写成了文字（错误：无法按规则计分），或目标与实际的单位不一致、一个是变化幅度一个是数值（警告：无法比较）时报告。",
    source: "SPEC §3（数值目标配文字实际为类型不符；单位一致或可换算时才比较）",
  },
  messages: {
    relative: {
      severity: "warning",
      text: "{name}目标“{target}”与实际“{actual}”一个是变化幅度、一个是数值，无法比较：请用同一口径填写。",
    },
    units: {
      severity: "warning",
      text: "{name}目标“{target}”与实际“{actual}”的单位不一致（{targetUnit}／{actualUnit}），无法比较：请统一单位。",
    },
    wordForNumber: {
      severity: "error",
      text: "{name}的目标是数值“{target}”，实际完成值却写成“{actual}”：请填写实际数值（含单位），以便按规则计分。",
    },
  },
  check({ model, report }) {
    for (const i of model.indicators) {
      const t = i.target;
      const a = i.actual;
      const data = { name: quoted(i.name), target: t.raw, actual: a.raw };
      const cell = i.cells.actual;
      if (t.kind === "number" && a.kind === "number") {
        if (t.relative !== a.relative) report({ messageId: "relative", cell, data });
        else if (!i.pair)
          report({
            messageId: "units",
            cell,
            data: { ...data, targetUnit: t.unit || "无", actualUnit: a.unit || "无" },
          });
      } else if (t.kind === "number" && a.kind === "text")
        report({ messageId: "wordForNumber", cell, data });
    }
  },
});
