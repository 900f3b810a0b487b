import { dec, round } from "../decimal";
import { defineRule } from "./rule";
import { fmt } from "./format";

export const budgetRate = defineRule({
  meta: {
    code: "BUDGET_RATE",
    severity: "error",
    title: "预算执行率写错",
    docs: "执行率 = 全年执行数 ÷ 全年预算数（全年预算数为空或0时用年初预算数）。表中写的执行率与算出的相差超过0.01个百分点时报告；差异只是把执行率取整到整数或一位小数显示（99%对99.10%）时只作提示。执行率未填写时提示可写回；表中没有任何金额、只写了执行率时，以写的执行率为准，不再核对。“50%”、0.5设为百分比格式、99.97（指百分数）都能读。",
    source: "SPEC §4（预算执行率）、§9（写50%而实为49.88%）",
  },
  messages: {
    notNumber: {
      severity: "error",
      text: "执行率“{text}”不是数字：按{executed}÷{base}应为{rate}%。",
    },
    differs: {
      severity: "error",
      text: "执行率写的是{written}%，按全年执行数{executed}÷{baseName}{base}计算应为{rate}%：请更正。",
    },
    blank: {
      severity: "info",
      text: "执行率未填写：按全年执行数{executed}÷{baseName}{base}为{rate}%，可写回。",
    },
    coarse: {
      severity: "info",
      text: "执行率写的是{written}%，按全年执行数{executed}÷{baseName}{base}计算为{rate}%，差异只是取整显示：如需精确，可改为{rate}%。",
    },
  },
  check({ model, report }) {
    const b = model.budget;
    const fu = model.form.funding;
    // a rate computed from the written rate itself has nothing to be compared with
    if (!b?.exact || b.fromWrittenRate) return;
    // Stryker disable next-line OptionalChaining: a budget exists only where the funding table does
    if (!fu?.rate.cell) return;
    // Stryker disable next-line ConditionalExpression: the rate is null only without an exact one (returned above)
    if (b.budget.rate === null) return;
    const cell = fu.rate.cell;
    const { exact } = b;
    const written = b.budget.writtenRate;
    const amounts = {
      executed: fmt(b.executedAmount ?? 0),
      base: fmt(b.base ?? 0),
      rate: fmt(b.budget.rate),
    };
    const baseName = b.baseIsAdjusted ? "全年预算数" : "年初预算数";
    if (written === null) {
      if (fu.rate.text)
        report({ messageId: "notNumber", cell, data: { text: fu.rate.text, ...amounts } });
      else if (fu.rate.facts.kind === "empty")
        report({ messageId: "blank", cell, data: { ...amounts, baseName } });
      return;
    }
    if (dec(written).minus(exact.rate).abs().lessThanOrEqualTo("0.01")) return;
    const coarse = [0, 1].some(
      (d) =>
        // Stryker disable next-line StringLiteral: round() rounds half up for every mode but "truncate"
        round(exact.rate, { decimals: d, mode: "halfUp" }).equals(written) ||
        round(exact.rate, { decimals: d, mode: "truncate" }).equals(written)
    );
    report({
      messageId: coarse ? "coarse" : "differs",
      cell,
      data: {
        ...amounts,
        written: fmt(written),
        baseName,
      },
    });
  },
});
