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
    if (!model.weightSum) return;
    const budgetWeight = model.budget?.budget.weight ?? 0;
    const total = model.weightSum;
    const indicatorWeight = total.minus(budgetWeight);
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
