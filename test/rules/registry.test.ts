// The registry of rules (src/core/rules/index.ts): every finding code has exactly one owning rule module, with
// docs and a source; every rule module has its own test; no finding is made outside src/core/rules/.
import * as fs from "fs";
import * as path from "path";
import type { FindingCode } from "../../src/core/model";
import { RULES, ruleFor } from "../../src/core/rules";
import type { RuleModule } from "../../src/core/rules/rule";

const ROOT = path.join(__dirname, "..", "..");
const RULES_DIR = path.join(ROOT, "src", "core", "rules");
/** The framework and helpers of rules/, not rules. */
const NOT_RULES = ["rule.ts", "index.ts", "format.ts", "docs.ts"];

/** The codes of the FindingCode union, read from the source of model.ts. */
function findingCodesInSource(): string[] {
  const src = fs.readFileSync(path.join(ROOT, "src", "core", "model.ts"), "utf8");
  const union = /export type FindingCode\s*=([^;]+);/.exec(src);
  if (!union) throw new Error("FindingCode union not found in src/core/model.ts");
  return [...union[1].matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]);
}

/** SPEC §10's codes and the two added since; checked against the type in both directions. */
const CODES = [
  "TABLE_NOT_FOUND",
  "COLUMN_MISSING",
  "VALUE_UNPARSED",
  "TYPE_MISMATCH",
  "WEIGHT_TOTAL",
  "WEIGHT_GROUP",
  "GROUP_MISSING",
  "SCORE_RANGE",
  "SCORE_RULE",
  "SCORE_BAND",
  "REASON_MISSING",
  "OVER_ACHIEVED",
  "BUDGET_RATE",
  "BUDGET_SCORE",
  "FUNDING_SUM",
  "TOTAL_MISMATCH",
  "GRADE_MISMATCH",
  "PLACEHOLDER",
  "TEXT_MISMATCH",
  "WEIGHT_NOT_POSITIVE",
  "BUDGET_DOUBLE_COUNTED",
  "NUMBER_AS_TEXT",
  "SCORE_MERGED",
  "TABLE_MULTIPLE",
] as const satisfies readonly FindingCode[];
// a FindingCode missing from CODES makes this line a type error
const everyCodeListed: Exclude<FindingCode, (typeof CODES)[number]> extends never ? true : false =
  true;

function ruleFiles(): string[] {
  return fs
    .readdirSync(RULES_DIR)
    .filter((f) => f.endsWith(".ts") && !NOT_RULES.includes(f))
    .sort();
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("the rule registry", () => {
  it("lists the codes of the FindingCode type", () => {
    expect(everyCodeListed).toBe(true);
    expect([...findingCodesInSource()].sort()).toEqual([...CODES].sort());
  });

  it("has exactly one rule per finding code, and no rule for anything else", () => {
    for (const code of CODES)
      expect([code, RULES.filter((r) => r.meta.code === code).length]).toEqual([code, 1]);
    expect(RULES.map((r) => r.meta.code).sort()).toEqual([...CODES].sort());
    for (const code of CODES) expect(ruleFor(code)?.meta.code).toBe(code);
    expect(ruleFor("NO_SUCH_CODE")).toBeUndefined();
  });

  it.each(RULES.map((r) => [r.meta.code, r] as [string, RuleModule]))(
    "%s has a title, docs, a source and messages",
    (_code, rule) => {
      expect(rule.meta.title.trim()).not.toBe("");
      expect(rule.meta.docs.trim()).not.toBe("");
      expect(rule.meta.source.trim()).not.toBe("");
      const specs = Object.values(rule.messages);
      expect(specs.length).toBeGreaterThan(0);
      for (const spec of specs) expect(spec.text.trim()).not.toBe("");
      // the usual severity is the severity of some message
      expect(specs.map((s) => s.severity)).toContain(rule.meta.severity);
    }
  );

  it("has one module per rule file, each in the registry, each with its own test that runs it", () => {
    const files = ruleFiles();
    expect(files.length).toBe(RULES.length);
    for (const file of files) {
      const mod = jest.requireActual<Record<string, unknown>>(path.join(RULES_DIR, file));
      const rules = Object.entries(mod).filter(([, v]) => RULES.includes(v as RuleModule));
      expect([file, rules.length]).toEqual([file, 1]);
      const [exportName] = rules[0];
      const testFile = path.join(__dirname, file.replace(/\.ts$/, ".test.ts"));
      expect([file, fs.existsSync(testFile)]).toEqual([file, true]);
      expect(fs.readFileSync(testFile, "utf8")).toContain(`runRuleTests(${exportName},`);
    }
  });

  it("no file under src/ outside src/core/rules/ makes a finding", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(ROOT, "src"))) {
      if (file.startsWith(RULES_DIR + path.sep)) continue;
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        const where = `${path.relative(ROOT, file)}:${i + 1}`;
        // an object literal carrying a finding code
        if (/\bcode\s*:\s*["'`][A-Z][A-Z_]+["'`]/.test(line))
          offenders.push(`${where} ${line.trim()}`);
        // a severity given a value (not a field's type, as in `severity: Severity;`) near a message
        if (/\bseverity\s*:/.test(line) && !/\bseverity\??\s*:\s*[\w|" ]+;\s*$/.test(line)) {
          const near = lines.slice(Math.max(0, i - 5), i + 6).join("\n");
          if (/\bmessage\s*:/.test(near)) offenders.push(`${where} ${line.trim()}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });
});
