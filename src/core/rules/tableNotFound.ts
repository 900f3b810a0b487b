import type { Finding } from "../model";
import { defineRule, findingOf } from "./rule";

/** TABLE_NOT_FOUND is decided before there is a model: analyze() asks this module for the finding. */
export const tableNotFound = defineRule({
  meta: {
    code: "TABLE_NOT_FOUND",
    severity: "error",
    title: "找不到绩效指标表",
    docs: "工作表中没有含“三级指标”“年度指标值”“实际完成值”等列名（或其同义词）的表头行时报告；该工作表不再做其他检查。",
    source: "SPEC §2（按表头文字定位，不依赖固定坐标）、§10",
  },
  messages: {
    noHeader: {
      severity: "error",
      text: "没有找到绩效指标表。{detail}请检查表头，或选择正确的工作表。",
    },
    noSuchSheet: {
      severity: "error",
      text: "工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}。",
    },
  },
  check: () => undefined,
});

/** `detail`: what header words were found where, and which are missing (locate.ts describeMissingHeader). */
export function tableNotFoundFinding(sheet: string, detail: string): Finding {
  return findingOf(tableNotFound, sheet, { messageId: "noHeader", cell: "A1", data: { detail } });
}

export function noSuchSheetFinding(sheet: string, existing: string[]): Finding {
  return findingOf(tableNotFound, sheet, {
    messageId: "noSuchSheet",
    cell: "A1",
    data: { sheet, sheets: existing.join("、") },
  });
}
