// The rule framework: how a report becomes the finding a user reads.
import { defineRule, fillMessage, findingOf, runRules } from "../../src/core/rules/rule";
import type { FormModel } from "../../src/core/evaluate";

const demo = defineRule({
  meta: {
    code: "SCORE_RULE",
    severity: "error",
    title: "示例",
    docs: "示例规则。",
    source: "测试",
  },
  messages: { differs: { severity: "error", text: "{name}得分{score}分，应为{rule}分。" } },
  check({ report }) {
    report({ messageId: "differs", cell: "H15", data: { name: "甲", score: 5, rule: 5.4 } });
    report({
      messageId: "differs",
      cell: "H16",
      severity: "warning",
      data: { name: "乙", score: 3, rule: 4 },
      suggestion: 4,
    });
  },
});

describe("the rule framework", () => {
  it("fills named placeholders, numbers printed as given", () => {
    expect(fillMessage("{name}得分{score}分", { name: "甲", score: 7.2 })).toBe("甲得分7.2分");
  });

  it("refuses a placeholder without data (a rule bug, not a message with a hole)", () => {
    expect(() => fillMessage("{name}得分{score}分", { name: "甲" })).toThrow(
      "message placeholder {score} has no data"
    );
  });

  it("makes findings with the message's severity unless the report overrides it", () => {
    expect(runRules([demo], { form: { sheet: "附件1" } } as unknown as FormModel)).toEqual([
      {
        code: "SCORE_RULE",
        severity: "error",
        sheet: "附件1",
        cell: "H15",
        message: "甲得分5分，应为5.4分。",
      },
      {
        code: "SCORE_RULE",
        severity: "warning",
        sheet: "附件1",
        cell: "H16",
        message: "乙得分3分，应为4分。",
        suggestion: 4,
      },
    ]);
  });

  it("a finding without a suggestion has no suggestion key", () => {
    const f = findingOf(demo, "附件1", {
      messageId: "differs",
      cell: "A1",
      data: { name: "丙", score: 1, rule: 1 },
    });
    expect("suggestion" in f).toBe(false);
  });
});
