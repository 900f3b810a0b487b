import { Decimal, sum } from "../decimal";
import { toA1 } from "../grid";
import { defineRule } from "./rule";
import { fmt } from "./format";

export const weightTotal = defineRule({
  meta: {
    code: "WEIGHT_TOTAL",
    severity: "error",
    title: "分值合计不等于总分",
    docs:
      "预算执行分值加各指标分值应等于规则的总分值（通常100分），也应等于总分行“分值”格写的数。没有分值列时，用名称中标注的类别或区块分值相加。" +
      "合计不等于总分值时只报这一处；合计正确而总分行写错时报总分行。",
    source: "SPEC §5（分值合计）、§9（分值合计110或120而总分行写100）",
  },
  messages: {
    notTotal: {
      severity: "error",
      text: "分值合计不等于{totalWeight}分：{parts}。请核对各项分值。",
    },
    totalRowDiffers: {
      severity: "error",
      text: "总分行的分值写的是{written}分，但{parts}：请更正。",
    },
  },
  check({ model, report }) {
    const { form, profile } = model;
    const level1 = model.groups.filter((g) => g.level === 1);
    let indicatorWeight: Decimal | null = null;
    if (model.hasWeights) indicatorWeight = sum(model.indicators.map((i) => i.weight ?? 0));
    else {
      const blocks = form.groupLabels.filter((g) => g.level === 0 && g.declared !== null);
      if (level1.length && level1.every((g) => g.declaredWeight !== null))
        indicatorWeight = sum(level1.map((g) => g.declaredWeight as number));
      else if (blocks.length) indicatorWeight = sum(blocks.map((b) => b.declared as number));
    }
    if (indicatorWeight === null) return;
    const budgetWeight = model.budget?.budget.weight ?? 0;
    const total = indicatorWeight.plus(budgetWeight);
    const tr = form.totalRow;
    const cell =
      tr?.weightCell ??
      (form.columns.weight !== null
        ? toA1(form.header.row, form.columns.weight)
        : (tr?.scoreCell ?? toA1(form.header.row, form.header.left)));
    const parts = `预算执行${fmt(budgetWeight)}分＋指标${fmt(indicatorWeight)}分＝${fmt(total)}分`;
    if (!total.minus(profile.totalWeight).abs().lessThanOrEqualTo("0.01"))
      report({ messageId: "notTotal", cell, data: { totalWeight: profile.totalWeight, parts } });
    else if (
      tr?.weight !== null &&
      tr?.weight !== undefined &&
      !total.minus(tr.weight).abs().lessThanOrEqualTo("0.01")
    )
      report({ messageId: "totalRowDiffers", cell, data: { written: fmt(tr.weight), parts } });
  },
});
