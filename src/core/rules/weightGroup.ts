import { dec, sum } from "../decimal";
import { defineRule } from "./rule";
import { fmt, quoted } from "./format";

export const weightGroup = defineRule({
  meta: {
    code: "WEIGHT_GROUP",
    severity: "error",
    title: "类别分值不符",
    docs:
      "标注在名称中的类别分值（如“产出指标(55分)”“年度绩效目标(80分)”）与其下各项分值合计不等时为错误；" +
      "各一级类别（及规则指定的二级类别）的分值合计、预算执行分值与所选规则规定的不同时报告：规则允许特殊情况调整的为警告，规则要求严格的为错误。",
    source: "SPEC §5（类别分值）、§8（各地规则）",
  },
  messages: {
    budgetWeight: {
      severity: "warning",
      text: "预算执行分值为{weight}分，{profile}规则为{profileWeight}分：请核对。",
    },
    declared: {
      severity: "error",
      text: "{name}标注为{declared}分，但其下各项分值合计为{children}分：请核对分值。",
    },
    profileWeight: {
      severity: "warning",
      text: "“{group}”类指标分值合计{weight}分，{profile}规则为{profileWeight}分：请核对各指标分值{note}。",
    },
  },
  check({ model, report }) {
    const { form, profile } = model;
    const strict = profile.groupWeightsStrict ? "error" : "warning";
    const fu = form.funding;
    if (model.budget && fu?.weight.cell && model.budget.budget.weight !== profile.budgetWeight)
      report({
        messageId: "budgetWeight",
        cell: fu.weight.cell,
        severity: strict,
        data: {
          weight: fmt(model.budget.budget.weight),
          profile: profile.name,
          profileWeight: profile.budgetWeight,
        },
      });
    const byRow = new Map(model.indicators.map((i) => [i.row, i]));
    for (const gl of form.groupLabels) {
      if (gl.declared === null) continue;
      let childSum: number | null = null;
      if (gl.level === 0) {
        const children = model.groups.filter(
          (g) =>
            g.level === 1 &&
            form.groupLabels
              .find((x) => x.cell === g.cell && x.level === 1)
              ?.rows.some((r) => gl.rows.includes(r))
        );
        if (children.length && children.every((c) => c.weight !== null))
          childSum = sum(children.map((c) => c.weight as number)).toNumber();
      } else if (model.hasWeights) {
        const ws = gl.rows
          .map((r) => byRow.get(r)?.weight)
          .filter((w): w is number => w !== null && w !== undefined);
        if (ws.length) childSum = sum(ws).toNumber();
      }
      if (childSum !== null && !dec(childSum).minus(gl.declared).abs().lessThanOrEqualTo("0.01"))
        report({
          messageId: "declared",
          cell: gl.cell,
          data: { name: quoted(gl.name), declared: fmt(gl.declared), children: fmt(childSum) },
        });
    }
    if (!model.hasWeights) return;
    for (const g of profile.groups) {
      if (g.weight === null) continue;
      const members = model.indicators.filter((i) => i.group === g.key);
      if (!members.length) continue;
      const w = sum(members.map((i) => i.weight ?? 0));
      if (w.minus(g.weight).abs().lessThanOrEqualTo("0.01")) continue;
      const first = members[0].raw;
      const cell =
        (g.matchLevel2 && first.level2.includes(g.match[0])
          ? first.level2Cell
          : first.level1Cell) || members[0].cells.name;
      report({
        messageId: "profileWeight",
        cell,
        severity: strict,
        data: {
          group: g.key,
          weight: fmt(w),
          profile: profile.name,
          profileWeight: g.weight,
          note: profile.groupWeightsStrict ? "" : "（特殊情况可调整，需说明）",
        },
      });
    }
  },
});
