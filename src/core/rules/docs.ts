// The rules' own metadata as documentation: docs/rules.md, `jixiao rules`, and the pane's “为什么？”.
import type { Severity } from "../model";
import { RULES } from "./index";
import type { RuleModule } from "./rule";

export const SEVERITY_NAMES: Record<Severity, string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export interface RuleDoc {
  code: string;
  severity: Severity;
  title: string;
  docs: string;
  source: string;
  messages: { id: string; severity: Severity; text: string }[];
}

export function ruleDoc(rule: RuleModule): RuleDoc {
  return {
    ...rule.meta,
    messages: Object.entries(rule.messages).map(([id, m]) => ({ id, ...m })),
  };
}

export function ruleDocs(): RuleDoc[] {
  return RULES.map(ruleDoc);
}

/** One rule as plain text (the CLI's `jixiao rules CODE`). */
export function ruleText(d: RuleDoc): string {
  const severities = [...new Set(d.messages.map((m) => SEVERITY_NAMES[m.severity]))].join("／");
  return [
    `${d.code}  ${d.title}（${severities}）`,
    `  ${d.docs}`,
    `  依据：${d.source}`,
    ...d.messages.map((m) => `  · [${SEVERITY_NAMES[m.severity]}] ${m.text}`),
  ].join("\n");
}

/** docs/rules.md, generated: a test fails when the committed file is stale. */
export function rulesMarkdown(): string {
  const docs = ruleDocs();
  const lines = [
    "# 检查规则（finding codes）",
    "",
    "<!-- Generated from the rule modules in src/core/rules/ by `npm run docs:rules`; do not edit by hand. -->",
    "",
    "每条检查结果都有一个代码（`code`）、严重程度（错误／警告／提示）、所在单元格和一段中文说明。",
    "本页由规则模块自身的说明生成：每个代码对应 `src/core/rules/` 中的一个模块。",
    "",
    "| 代码 | 检查什么 | 严重程度 |",
    "|---|---|---|",
    ...docs.map(
      (d) =>
        `| [\`${d.code}\`](#${d.code.toLowerCase()}) | ${d.title} | ${[...new Set(d.messages.map((m) => SEVERITY_NAMES[m.severity]))].join("／")} |`
    ),
    "",
  ];
  for (const d of docs) {
    lines.push(
      `## ${d.code}`,
      "",
      `**${d.title}**`,
      "",
      d.docs,
      "",
      `依据：${d.source}`,
      "",
      "消息：",
      ""
    );
    for (const m of d.messages)
      lines.push(`- \`${m.id}\`（${SEVERITY_NAMES[m.severity]}）：${m.text}`);
    lines.push("");
  }
  return lines.join("\n");
}
