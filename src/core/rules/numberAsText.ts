import { defineRule } from "./rule";
import { fmt, quoted } from "./format";
import type { CellFacts } from "../cellFacts";

export const numberAsText = defineRule({
  meta: {
    code: "NUMBER_AS_TEXT",
    severity: "warning",
    title: "数字存成了文本",
    docs:
      "得分或分值单元格里是“文本格式的数字”（如全角“７.２”、带单位的“7.2分”、前后有空格的“ 5.4 ”，或设为文本格式的单元格）。" +
      "本工具能读出这个数，但 Excel 的求和（SUM）会跳过它，表中的总分公式就会少算。写回时把这些单元格改为真正的数字（可预览、可撤销）；不改的话，写回的总分与 Excel 的算法一致，不计这些单元格。",
    source: "SPEC §2（以文本存储的数字）、§10；Excel SUM 忽略文本",
  },
  messages: {
    score: {
      severity: "warning",
      text: "{name}的得分“{text}”是文本，不是数字：Excel 求和时会跳过它，总分会少算{value}分。请改为数字{value}。",
    },
    weight: {
      severity: "warning",
      text: "{name}的分值“{text}”是文本，不是数字：Excel 求和时会跳过它。请改为数字{value}。",
    },
    budgetScore: {
      severity: "warning",
      text: "预算执行得分“{text}”是文本，不是数字：Excel 求和时会跳过它，总分会少算{value}分。请改为数字{value}。",
    },
    budgetWeight: {
      severity: "warning",
      text: "预算执行分值“{text}”是文本，不是数字：Excel 求和时会跳过它。请改为数字{value}。",
    },
  },
  check({ model, report }) {
    type MessageId = "score" | "weight" | "budgetScore" | "budgetWeight";
    // every number cell the form counts: its facts, the text written and the number read from it
    const cells: {
      id: MessageId;
      facts: CellFacts;
      cell: string | null;
      text: string;
      value: number | null;
      name?: string;
    }[] = model.indicators.flatMap((i) => [
      // a merged copy reads its master's text but has no score of its own (score null): the master's finding
      {
        id: "score" as const,
        facts: i.raw.scoreFacts,
        cell: i.cells.score,
        text: i.raw.scoreText,
        value: i.score,
        name: i.name,
      },
      {
        id: "weight" as const,
        facts: i.raw.weightFacts,
        cell: i.cells.weight,
        text: i.raw.weightText,
        value: i.writtenWeight,
        name: i.name,
      },
    ]);
    const fu = model.form.funding;
    if (fu) {
      cells.push({
        id: "budgetScore",
        facts: fu.score.facts,
        cell: fu.score.cell,
        text: fu.score.text,
        value: fu.score.value,
      });
      cells.push({
        id: "budgetWeight",
        facts: fu.weight.facts,
        cell: fu.weight.cell,
        text: String(fu.weight.value),
        value: fu.weight.value,
      });
    }
    for (const c of cells) {
      if (c.facts.kind !== "textNumber") continue;
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a number typed as text has a cell and a value
      if (!c.cell || c.value === null) continue;
      report({
        messageId: c.id,
        cell: c.cell,
        data: {
          ...(c.name !== undefined ? { name: quoted(c.name) } : {}),
          text: c.text,
          value: fmt(c.value),
        },
        suggestion: c.value,
      });
    }
  },
});
