import { dec } from "../decimal";
import { toA1 } from "../grid";
import { defineRule } from "./rule";
import { fmt } from "./format";

const COLUMN_NAMES = {
  planned: "年初预算数",
  adjusted: "全年预算数",
  executed: "全年执行数",
} as const;

export const fundingSum = defineRule({
  meta: {
    code: "FUNDING_SUM",
    severity: "warning",
    title: "资金总额与其中各行不符",
    docs: "“年度资金总额”行整行或某一列为空（或为0）而“其中”各行有金额时（按其中各行合计计算预算执行，并指出要补填的单元格），或总额与其中各行合计相差超过0.01时报告。",
    source: "SPEC §4（预算执行）、§9（总额行留0而其中行有金额）",
  },
  messages: {
    totalBlank: {
      severity: "warning",
      text: "“{label}”行为空或为0，但其中各行合计执行{executed}{unit}：已按其中各行合计计算，请补填“{label}”行。",
    },
    cellBlank: {
      severity: "warning",
      text: "“{label}”行的{column}为空，其中各行合计为{sum}{unit}：已按其中各行合计计算预算执行率，请补填该单元格。",
    },
    differs: {
      severity: "warning",
      text: "“{label}”{column}为{total}，但其中各行合计为{sum}：请核对。",
    },
  },
  check({ model, report }) {
    const b = model.budget;
    const fu = model.form.funding;
    if (!fu?.totalRow) return;
    // Stryker disable next-line ConditionalExpression: the budget exists whenever the funding table does
    if (!b) return;
    const total = fu.totalRow;
    const cols = fu.header.cols;
    const cellOf = (key: keyof typeof COLUMN_NAMES) => {
      const col = cols[key];
      // Stryker disable next-line all: a column holding an amount always has its header, so its cell exists
      return col === undefined ? "A1" : toA1(total.row, col);
    };
    const filled = new Set(b.filledColumns);
    if (filled.has("executed") && (filled.has("adjusted") || total.adjusted === null)) {
      // the whole row is blank: one finding for the row
      report({
        messageId: "totalBlank",
        cell: cellOf("executed"),
        data: { label: total.label, executed: fmt(b.subSums.executed ?? 0), unit: fu.moneyUnit },
      });
      return;
    }
    for (const key of b.filledColumns)
      report({
        messageId: "cellBlank",
        cell: cellOf(key),
        data: {
          label: total.label,
          column: COLUMN_NAMES[key],
          sum: fmt(b.subSums[key] ?? 0),
          unit: fu.moneyUnit,
        },
      });
    for (const key of ["planned", "adjusted", "executed"] as const) {
      if (filled.has(key)) continue;
      const s = b.subSums[key];
      const v = total[key];
      if (v === null) continue;
      // Stryker disable next-line ConditionalExpression: Σ 其中 is null only when no 其中 row is written (below)
      if (s === null) continue;
      const subWritten = fu.subRows.some((r) => !dec(r[key] ?? 0).isZero());
      if (subWritten && !s.minus(v).abs().lessThanOrEqualTo("0.01"))
        report({
          messageId: "differs",
          cell: cellOf(key),
          data: { label: total.label, column: COLUMN_NAMES[key], total: fmt(v), sum: fmt(s) },
        });
    }
  },
});
