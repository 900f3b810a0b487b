import { sameGrade } from "../profiles";
import { defineRule } from "./rule";
import { describeBands, fmt } from "./format";

export const gradeMismatch = defineRule({
  meta: {
    code: "GRADE_MISMATCH",
    severity: "error",
    title: "绩效级别与总分不符",
    docs: "表中写的绩效级别应是总分（按各项得分合计）在所选规则等级中的级别（下限含本数，如中央规则优≥90、良≥80、中≥60）。“良”与“良好”、“优”与“优秀”视为相同。",
    source: "SPEC §7（等级）、§8",
  },
  messages: {
    differs: {
      severity: "error",
      text: "绩效级别写的是“{written}”，但总分{total}分对应“{grade}”（{bands}）。",
    },
  },
  check({ model, report }) {
    const g = model.form.grade;
    if (!g.cell || !g.written || sameGrade(g.written, model.gradeLabel)) return;
    // no grade to compare with while the total cannot be stated
    if (model.status.kind === "incomplete" || model.status.kind === "uncomputable") return;
    report({
      messageId: "differs",
      cell: g.cell,
      data: {
        written: g.written,
        total: fmt(model.totals.computed),
        grade: model.gradeLabel,
        bands: describeBands(model.profile),
      },
    });
  },
});
