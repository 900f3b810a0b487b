import { toA1 } from "../grid";
import { defineRule } from "./rule";

export const columnMissing = defineRule({
  meta: {
    code: "COLUMN_MISSING",
    severity: "warning",
    title: "缺少需要的列",
    docs: "指标表没有“分值”列（逐项得分、超分、定性档位与类别分值无法核对，只核对预算执行、合计和标注在名称中的分值）、没有“得分”列（无法核对任何得分）或没有“偏差原因分析及改进措施”列（不检查扣分原因）时报告，并列出跳过的检查。",
    source: "SPEC §2（湖北式无分值列）、§10",
  },
  messages: {
    noWeight: {
      severity: "warning",
      text: "表中没有“分值”列：无法逐项核对得分是否符合计分规则、是否超过分值及定性指标档位，这些检查已跳过；只核对了预算执行、合计与标注在指标名称中的分值。",
    },
    weightFromLabels: {
      severity: "info",
      text: "表中没有“分值”列：分值取自指标或类别名称中标注的分值（如“（10分）”），已据此逐项核对得分；名称中没有标注分值的指标无法核对。",
    },
    noScore: {
      severity: "error",
      text: "表中没有“得分”列：无法核对任何得分。请在指标表头加上“得分”列。",
    },
    noReason: {
      severity: "info",
      text: "表中没有“偏差原因分析及改进措施”列：未检查扣分指标是否说明原因。",
    },
  },
  check({ model, report }) {
    const { columns, header } = model.form;
    const cell = toA1(header.row, columns.name);
    if (columns.weight === null)
      report({ messageId: model.form.weightsFromLabels ? "weightFromLabels" : "noWeight", cell });
    if (columns.score === null) report({ messageId: "noScore", cell });
    if (columns.reason === null) report({ messageId: "noReason", cell });
  },
});

/** The checks a missing column makes impossible, in Chinese, for the Analysis' skippedChecks. */
export function skippedChecksOf(
  columns: { weight: number | null; score: number | null; reason: number | null },
  weightsFromLabels = false
): string[] {
  const skipped: string[] = [];
  if (columns.weight === null && weightsFromLabels) skipped.push("各类别分值与规则的比较");
  else if (columns.weight === null)
    skipped.push("逐项得分是否符合计分规则", "得分是否超过分值", "定性指标得分档位", "各类别分值");
  if (columns.score === null) skipped.push("逐项得分", "总分");
  if (columns.reason === null) skipped.push("偏差原因是否填写");
  return skipped;
}
