import { defineRule } from "./rule";
import { fmt, quoted } from "./format";

export const scoreMerged = defineRule({
  meta: {
    code: "SCORE_MERGED",
    severity: "warning",
    title: "几项指标共用一个合并的得分或分值单元格",
    docs:
      "得分（或分值）单元格向下合并，跨了几项指标：合并区域只有左上角有值，Excel 的求和只计一次。本工具也只计一次（与 Excel 的总分一致），" +
      "并指出这些指标没有各自的得分，请拆分单元格、分别填写。",
    source: "SPEC §2（合并单元格只有左上角有值）；Excel SUM 对合并区域只计一次",
  },
  messages: {
    score: {
      severity: "warning",
      text: "{names}共用一个合并的得分单元格（{score}）：Excel 求和只计一次，总分按一次计算。请拆分单元格，分别填写每项指标的得分。",
    },
    weight: {
      severity: "warning",
      text: "{names}共用一个合并的分值单元格（{weight}）：Excel 求和只计一次，分值按一次计算。请拆分单元格，分别填写每项指标的分值。",
    },
  },
  check({ model, report }) {
    const byRow = new Map(model.indicators.map((i) => [i.row, i]));
    for (const kind of ["score", "weight"] as const) {
      const groups = new Map<number, string[]>();
      for (const i of model.indicators) {
        const from = kind === "score" ? i.raw.scoreMergedFrom : i.raw.weightMergedFrom;
        // Stryker disable next-line ConditionalExpression: a row merged from nowhere has no master, skipped below
        if (from === null) continue;
        const names = groups.get(from) ?? [];
        names.push(quoted(i.name));
        groups.set(from, names);
      }
      for (const [from, names] of groups) {
        const master = byRow.get(from);
        const cell = kind === "score" ? master?.cells.score : master?.cells.weight;
        if (!master || !cell) continue;
        const value = kind === "score" ? master.score : master.writtenWeight;
        report({
          messageId: kind,
          cell,
          data: {
            names: [quoted(master.name), ...names].join("、"),
            [kind]: value === null ? "空白" : `${fmt(value)}分`,
          },
        });
      }
    }
  },
});
