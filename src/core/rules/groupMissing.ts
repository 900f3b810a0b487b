import { toA1 } from "../grid";
import { defineRule } from "./rule";

export const groupMissing = defineRule({
  meta: {
    code: "GROUP_MISSING",
    severity: "warning",
    title: "缺少规则要求的指标类别",
    docs: "所选规则要求的一级类别（如产出、效益、满意度）没有任何指标，或要求的二级类别（如中央规则下产出须有数量、时效指标）缺失时报告。",
    source: "SPEC §5（规则要求的类别）、§8",
  },
  messages: {
    group: {
      severity: "warning",
      text: "没有“{group}”类指标：{profile}规则要求设置该类指标，请补充。",
    },
    level2: { severity: "warning", text: "“{group}”指标中没有“{level2}指标”：请按规则补充。" },
  },
  check({ model, report }) {
    const { form, profile } = model;
    const headerCell = toA1(form.header.row, form.columns.level1 ?? form.columns.name);
    for (const g of profile.groups) {
      const members = model.indicators.filter((i) => i.group === g.key);
      if (members.length === 0 && g.required)
        report({
          messageId: "group",
          cell: headerCell,
          data: { group: g.key, profile: profile.name },
        });
      for (const l2 of g.requiredLevel2 ?? [])
        if (members.length > 0 && !members.some((i) => i.level2.includes(l2)))
          report({
            messageId: "level2",
            cell: members[0].raw.level1Cell || members[0].cells.name,
            data: { group: g.key, level2: l2 },
          });
    }
  },
});
