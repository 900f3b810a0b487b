import type { Finding } from "../model";
import type { ParsedForm } from "../parse";
import { toA1 } from "../grid";
import { defineRule, findingOf } from "./rule";

/** Decided when the sheet is split into forms, before any model: analyzeSheet asks this module for the finding. */
export const tableMultiple = defineRule({
  meta: {
    code: "TABLE_MULTIPLE",
    severity: "info",
    title: "一个工作表中有几张绩效指标表",
    docs: "一个工作表中上下或左右放了几张自评表（各有表头和总分）时，每张表分别检查，并在每张表的结果中说明还有哪几张，不会悄悄只查第一张。",
    source: "SPEC §2（工作簿中可能有多个项目的表）；issue 8",
  },
  messages: {
    others: {
      severity: "info",
      text: "工作表“{sheet}”中有{count}张绩效指标表（表头分别在第{rows}行）：每张表分别检查，这是第{row}行起的一张。",
    },
  },
  check: () => undefined,
});

export function otherTablesFinding(form: ParsedForm, headerRows: number[]): Finding {
  const top = form.header.top;
  return findingOf(tableMultiple, form.sheet, {
    messageId: "others",
    cell: toA1(top, form.header.left),
    data: { sheet: form.sheet, count: headerRows.length, rows: headerRows.join("、"), row: top },
  });
}
