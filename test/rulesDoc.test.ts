// docs/rules.md is generated from the rule modules: a rule whose docs changed without `npm run docs:rules` fails here.
import * as fs from "node:fs";
import * as path from "node:path";
import { rulesMarkdown, ruleDocs, ruleText } from "../src/core/rules/docs";

describe("docs/rules.md", () => {
  it("is what the rule modules say (run `npm run docs:rules` after changing a rule)", () => {
    const committed = fs.readFileSync(path.resolve(__dirname, "../docs/rules.md"), "utf8");
    expect(committed).toBe(rulesMarkdown());
  });
  it("lists every code with its title, and each message with its severity", () => {
    const md = rulesMarkdown();
    expect(md).toContain("## SCORE_RULE");
    expect(md).toContain("**定量指标得分不符合计分规则**");
    expect(md).toContain("- `rounding`（警告）：{name}得分{score}分，按规则{how}＝{rule}分");
    expect(ruleDocs().map((d) => d.code)).toContain("WEIGHT_NOT_POSITIVE");
  });
  it("a rule as plain text names its severities and its source", () => {
    const d = ruleDocs().find((x) => x.code === "BUDGET_RATE");
    expect(d && ruleText(d)).toMatch(/^BUDGET_RATE {2}预算执行率写错（错误／提示）\n/);
    expect(d && ruleText(d)).toContain("依据：SPEC §4");
  });
});
