// The shape of a rule, as ESLint's rule modules have it: metadata (its code, docs and source), its messages with
// ids and named placeholders, and check(ctx), which reads the computed model and reports. A rule never reads
// another rule's findings: whatever two rules share is a fact of the model (src/core/evaluate.ts).
import type { Finding, FindingCode, Severity } from "../model";
import type { FormModel } from "../evaluate";

export interface RuleMeta {
  code: FindingCode;
  /** The usual severity; a message may carry another (a rounding difference is a warning, not an error). */
  severity: Severity;
  /** One line in Chinese: what the rule checks. */
  title: string;
  /** What the rule checks and when, in Chinese, for the “为什么？” disclosure and docs/rules.md. */
  docs: string;
  /** Where the rule comes from (SPEC section, official document, a choice of ours). */
  source: string;
}

export interface MessageSpec {
  severity: Severity;
  /** Chinese text with {named} placeholders. */
  text: string;
}

export interface ReportDescriptor<Id extends string> {
  messageId: Id;
  cell: string;
  data?: Record<string, string | number>;
  /** Overrides the message's severity where a profile setting decides it (groupWeightsStrict). */
  severity?: Severity;
  /** A value the rules suggest for `cell`: what 采用建议值 writes. */
  suggestion?: number;
}

export interface RuleContext<Id extends string = string> {
  model: FormModel;
  report(d: ReportDescriptor<Id>): void;
}

export interface RuleModule<Id extends string = string> {
  meta: RuleMeta;
  messages: Record<Id, MessageSpec>;
  check(ctx: RuleContext<Id>): void;
}

/** Declares a rule with its message ids typed. */
export function defineRule<Id extends string>(rule: RuleModule<Id>): RuleModule<Id> {
  return rule;
}

/** "{name}得分{score}分" + { name, score } → the message; a placeholder without data is a bug, so it throws. */
export function fillMessage(text: string, data: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in data)) throw new Error(`message placeholder {${key}} has no data`);
    return String(data[key]);
  });
}

/** A finding of `rule`, as check() reports it (also used by rules that report outside a model: TABLE_NOT_FOUND). */
export function findingOf<Id extends string>(
  rule: RuleModule<Id>,
  sheet: string,
  d: ReportDescriptor<Id>
): Finding {
  const spec = rule.messages[d.messageId];
  return {
    code: rule.meta.code,
    severity: d.severity ?? spec.severity,
    sheet,
    cell: d.cell,
    message: fillMessage(spec.text, d.data),
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
  };
}

/** Runs rules over a model, each reporting into one list. */
export function runRules(rules: readonly RuleModule[], model: FormModel): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules)
    rule.check({
      model,
      report: (d) => findings.push(findingOf(rule, model.form.sheet, d)),
    });
  return findings;
}
