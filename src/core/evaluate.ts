// The model of one form, computed before any rule runs: each indicator's kind, rule score and agreement, the
// budget's rate and score, groups, categories, totals and grade. Rules read it; nothing here reports.
import { Decimal, dec, formatNumber, round, sum } from "./decimal";
import type { CellFacts } from "./cellFacts";
import { budgetFacts, type BudgetFacts } from "./evaluateBudget";
import type {
  CategorySummary,
  GroupSummary,
  IndicatorKind,
  IndicatorRow,
  SummaryPart,
  TotalStatus,
} from "./model";
import { comparable } from "./notation";
import type { ParsedForm, RawIndicator } from "./parse";
import { gradeOf, summaryLabel, type Profile } from "./profiles";
import { agreement, decimalsOf, ruleScore, totalOf, type Agreement } from "./score";

export type { BudgetFacts } from "./evaluateBudget";

/** An indicator with what the rules need to judge it. */
export interface IndicatorFacts extends IndicatorRow {
  raw: RawIndicator;
  /** The weight as written, before a weight ≤ 0 was set aside. */
  writtenWeight: number | null;
  /** The written score is a number in [0, weight]. */
  scoreUsable: boolean;
  /** The 得分 cell holds nothing at all (not a merged score of the row above, not an uncalculated formula). */
  scoreBlank: boolean;
  /** Target and actual in one unit, when they compare. */
  pair: { a: string; b: string } | null;
  /** The target was met (quantitative), or the actual is in the achieved band (qualitative). */
  met: boolean | null;
  /** Actual ≥ k × target for an at-least target. */
  overAchieved: boolean;
  /** Exact (unrounded) rule score. */
  exactRuleScore: Decimal | null;
  /** How the written score agrees with the rule score (null when either is missing). */
  agreement: Agreement | null;
}

export interface FormModel {
  form: ParsedForm;
  profile: Profile;
  hasWeights: boolean;
  /** The form's own precision (0–2 decimals): integer rounding explains a difference only on a form of integers. */
  formDecimals: number;
  indicators: IndicatorFacts[];
  budget: BudgetFacts | null;
  groups: GroupSummary[];
  categories: CategorySummary[];
  totals: {
    computed: number;
    suggested: number;
    /** The budget score as written. */
    budgetWritten: number | null;
    /** The budget score the total counts: as written, or the rule's when the cell is blank (the write-back fills it). */
    budgetCounted: number | null;
  };
  /** Whether the total and grade can be stated, and if not, why (in Chinese). */
  status: { kind: TotalStatus; note: string | null };
  gradeLabel: string;
  /** Σ weights: budget + indicators (or the weights declared in labels without a 分值 column); null when unknown. */
  weightSum: Decimal | null;
  /** Σ weights (budget + indicators) − total weight, when the form has a 分值 column. */
  weightExcess: Decimal | null;
}

/** Cells whose content Excel cannot add up into a total we would stand behind. */
const UNCOUNTABLE: ReadonlySet<CellFacts["kind"]> = new Set(["error", "date"]);

/** Profile group of an indicator: a 二级-level group (可持续影响) first, then the 一级 name, then the 二级 name. */
export function groupOf(level1: string, level2: string, profile: Profile): string {
  for (const g of profile.groups)
    if (g.matchLevel2 && g.match.some((m) => level2.includes(m) || level1.includes(m)))
      return g.key;
  for (const g of profile.groups)
    if (!g.matchLevel2 && g.match.some((m) => level1.includes(m))) return g.key;
  // no 一级 column (渔业 form): 数量/质量/时效/成本 are 产出, 服务对象满意度 is 满意度
  const inferred = /数量|质量|时效|成本/.test(level2)
    ? "产出"
    : /效益|影响/.test(level2)
      ? "效益"
      : /满意/.test(level2)
        ? "满意度"
        : "";
  for (const g of profile.groups)
    if (g.key === inferred || g.match.some((m) => inferred && inferred.includes(m))) return g.key;
  for (const g of profile.groups) if (g.match.some((m) => level2.includes(m))) return g.key;
  return "";
}

/** The score the rules give, or the written one kept within [0, weight] where the rules do not decide. */
export function suggestedScore(i: IndicatorRow): number {
  if (i.ruleScore !== null) return i.ruleScore;
  const s = i.score ?? 0;
  if (i.weight !== null && s > i.weight) return i.weight;
  return Math.max(0, s);
}

function indicatorFacts(
  raw: RawIndicator,
  profile: Profile,
  formDecimals: number,
  hasWeights: boolean,
  groupOfLabels: (level1: string, level2: string) => string
): IndicatorFacts {
  const writtenWeight = raw.weight;
  const weight =
    hasWeights && raw.cells.weight && writtenWeight !== null && writtenWeight <= 0
      ? null
      : writtenWeight;
  const sf = raw.scoreFacts;
  // a date or an error value in a score cell is no score (the parser reads a date's serial number)
  const score = UNCOUNTABLE.has(sf.kind) || sf.kind === "boolean" ? null : raw.score;
  const scoreUsable =
    score !== null &&
    !(
      raw.cells.score &&
      ((!raw.scoreText && sf.kind !== "uncachedFormula") ||
        score < 0 ||
        (weight !== null && score > weight))
    );
  const t = raw.target;
  const a = raw.actual;
  let kind: IndicatorKind = "unknown";
  let pair: IndicatorFacts["pair"] = null;
  let met: boolean | null = null;
  let completion: number | null = null;
  let exact: Decimal | null = null;
  let band: IndicatorRow["band"] = null;
  let overAchieved = false;
  if (t.kind === "number" && a.kind === "number") {
    pair = t.relative === a.relative ? comparable(t, a) : null;
    if (pair) {
      kind = "quantitative";
      const r = ruleScore(t.op, pair.a, pair.b, weight ?? 1, profile.atMostRule);
      met = r.met;
      completion = r.completion
        ? round(r.completion, { decimals: 2, mode: "halfUp" }).toNumber()
        : null;
      if (r.met && (t.op === ">=" || t.op === ">")) {
        const target = dec(pair.a);
        overAchieved =
          target.greaterThan(0) &&
          dec(pair.b).greaterThanOrEqualTo(target.times(profile.overAchievementFactor));
      }
      if (weight !== null) exact = r.score;
    }
  } else if (t.kind === "text" && a.kind !== "empty") {
    kind = "qualitative";
    // the actual written word for word as the target (“有效” / “有效”) says it was achieved
    const same = a.raw.replace(/\s+/g, "") === t.raw.replace(/\s+/g, "");
    band = a.kind === "text" ? (a.qualitative ?? (same ? "achieved" : null)) : null;
    if (band) met = band === "achieved";
  }
  const ruleScoreValue = exact ? round(exact, profile.rounding).toNumber() : null;
  return {
    row: raw.row,
    level1: raw.level1,
    level2: raw.level2,
    name: raw.name,
    group: groupOfLabels(raw.level1, raw.level2),
    target: t,
    actual: a,
    weight,
    score,
    reason: raw.reason,
    kind,
    ruleScore: ruleScoreValue,
    completion,
    band,
    notApplicable: profile.notApplicable && (t.raw + a.raw).includes("不适用"),
    cells: raw.cells,
    raw,
    writtenWeight,
    scoreUsable,
    scoreBlank: !!raw.cells.score && raw.scoreMergedFrom === null && sf.kind === "empty",
    pair,
    met,
    overAchieved,
    exactRuleScore: exact,
    agreement:
      exact && scoreUsable && score !== null
        ? agreement(score, exact, profile.rounding, formDecimals)
        : null,
  };
}

function summarizeGroups(form: ParsedForm, indicators: IndicatorRow[]): GroupSummary[] {
  const out: GroupSummary[] = [];
  const byRow = new Map<number, IndicatorRow>();
  for (const i of indicators) byRow.set(i.row, i);
  for (const level of [1, 2] as const) {
    for (const gl of form.groupLabels) {
      if (gl.level !== level) continue;
      const weights: number[] = [];
      const written: number[] = [];
      const rule: number[] = [];
      for (const r of gl.rows) {
        const i = byRow.get(r);
        if (!i) continue;
        if (i.weight !== null) weights.push(i.weight);
        written.push(i.score ?? 0);
        rule.push(suggestedScore(i));
      }
      out.push({
        name: gl.name,
        level,
        weight: gl.declared ?? (weights.length ? sum(weights).toNumber() : null),
        declaredWeight: gl.declared,
        score: { written: sum(written).toNumber(), rule: sum(rule).toNumber() },
        cell: gl.cell,
      });
    }
  }
  return out;
}

/** Parse → model: everything the rules and the Analysis need, computed once. */
export function evaluate(form: ParsedForm, profile: Profile): FormModel {
  const hasWeights = form.columns.weight !== null;
  const writtenScores = [
    ...form.indicators.map((i) => i.score),
    form.funding?.score.value ?? null,
  ].filter((x): x is number => x !== null);
  const formDecimals = Math.max(0, ...writtenScores.map((x) => Math.min(decimalsOf(x), 2)));
  // a long form repeats the same 一级/二级 pair on most rows: each pair is matched against the profile once
  const groupsByLabels = new Map<string, string>();
  const groupOfLabels = (level1: string, level2: string) => {
    const key = `${level1}\u0000${level2}`;
    let group = groupsByLabels.get(key);
    if (group === undefined) {
      group = groupOf(level1, level2, profile);
      groupsByLabels.set(key, group);
    }
    return group;
  };
  const indicators = form.indicators.map((raw) =>
    indicatorFacts(raw, profile, formDecimals, hasWeights, groupOfLabels)
  );
  const budget = budgetFacts(form, profile);
  const counted = indicators.filter((i) => !i.notApplicable);
  const categories: CategorySummary[] = profile.groups.map((g) => {
    const members = counted.filter((i) => i.group === g.key);
    return {
      key: g.key,
      weight: sum(members.map((i) => i.weight ?? 0)).toNumber(),
      profileWeight: g.weight,
      score: {
        written: sum(members.map((i) => i.score ?? 0)).toNumber(),
        rule: sum(members.map((i) => suggestedScore(i))).toNumber(),
      },
      indicators: members.length,
    };
  });
  const budgetWritten = budget?.budget.score.written ?? null;
  const budgetCell = form.funding?.score;
  // a blank budget score is filled with the rule's by the write-back: the total counts that
  const budgetCounted =
    budgetWritten ??
    (budgetCell?.cell && budgetCell.facts.kind === "empty"
      ? (budget?.budget.score.rule ?? null)
      : null);
  const budgetForSuggested = budget?.budget.score.rule ?? budgetWritten ?? 0;
  const naWeight = sum(indicators.filter((i) => i.notApplicable).map((i) => i.weight ?? 0));
  const total = (xs: number[]) =>
    round(totalOf(xs, naWeight, profile.totalWeight), profile.rounding).toNumber();
  const computed = total([budgetCounted ?? 0, ...counted.map((i) => i.score ?? 0)]);
  const suggested = total([budgetForSuggested, ...counted.map((i) => suggestedScore(i))]);
  const groups = summarizeGroups(form, indicators);
  const weightSum = weightSumOf(form, hasWeights, indicators, groups, budget);
  return {
    form,
    profile,
    hasWeights,
    formDecimals,
    indicators,
    budget,
    groups,
    categories,
    totals: { computed, suggested, budgetWritten, budgetCounted },
    status: statusOf(form, profile, counted, weightSum),
    gradeLabel: gradeOf(computed, profile),
    weightSum,
    weightExcess: hasWeights && weightSum ? weightSum.minus(profile.totalWeight) : null,
  };
}

/** Budget + indicator weights; without a 分值 column, the weights declared in labels (一级, else blocks). */
function weightSumOf(
  form: ParsedForm,
  hasWeights: boolean,
  indicators: IndicatorRow[],
  groups: GroupSummary[],
  budget: BudgetFacts | null
): Decimal | null {
  let indicatorWeight: Decimal | null = null;
  if (hasWeights) indicatorWeight = sum(indicators.map((i) => i.weight ?? 0));
  else {
    const level1 = groups.filter((g) => g.level === 1);
    const blocks = form.groupLabels.filter((g) => g.level === 0 && g.declared !== null);
    if (level1.length && level1.every((g) => g.declaredWeight !== null))
      indicatorWeight = sum(level1.map((g) => g.declaredWeight as number));
    else if (blocks.length) indicatorWeight = sum(blocks.map((b) => b.declared as number));
  }
  return indicatorWeight === null ? null : indicatorWeight.plus(budget?.budget.weight ?? 0);
}

const fmt2 = (x: Decimal | number) => formatNumber(x, 2);

/** Can the total and grade be stated? Not while a score is missing, an error value, a date or an uncalculated formula. */
function statusOf(
  form: ParsedForm,
  profile: Profile,
  counted: IndicatorFacts[],
  weightSum: Decimal | null
): FormModel["status"] {
  const bad: string[] = [];
  const describe = (cell: string, f: CellFacts) =>
    f.kind === "error"
      ? `${cell} 为错误值 ${f.error}`
      : f.kind === "date"
        ? `${cell} 为日期 ${f.date}`
        : `${cell} 的公式没有计算结果`;
  const uncountable = (f: CellFacts) =>
    UNCOUNTABLE.has(f.kind) || (f.kind === "uncachedFormula" && f.evaluated === null);
  const fu = form.funding;
  if (fu?.score.cell && uncountable(fu.score.facts))
    bad.push(describe(fu.score.cell, fu.score.facts));
  for (const i of counted) {
    if (!i.cells.score || i.raw.scoreMergedFrom !== null) continue;
    if (uncountable(i.raw.scoreFacts)) bad.push(describe(i.cells.score, i.raw.scoreFacts));
    // a number Excel adds up but we cannot read (1e308: out of range): Excel's total would not be ours
    else if (i.raw.scoreFacts.kind === "number" && i.raw.score === null)
      bad.push(`${i.cells.score} 的数值超出范围`);
  }
  if (bad.length)
    return {
      kind: "uncomputable",
      note: `总分暂无法计算：${bad.slice(0, 3).join("，")}${bad.length > 3 ? ` 等 ${bad.length} 处` : ""}，请先更正`,
    };
  const blank = counted.filter((i) => i.scoreBlank).length;
  if (blank > 0 && form.columns.score !== null)
    return { kind: "incomplete", note: `尚未填写：${blank} 项指标没有得分，无法评定等级` };
  if (weightSum && !weightSum.minus(profile.totalWeight).abs().lessThanOrEqualTo("0.01"))
    return { kind: "provisional", note: `分值合计${fmt2(weightSum)}分，等级仅供参考` };
  return { kind: "final", note: null };
}

/** The summary (SPEC §7): parts keyed by summary-group key, and the sentence with the profile's labels. */
export function summarize(model: FormModel): { sentence: string; parts: SummaryPart[] } {
  const { profile, form } = model;
  const counted = model.indicators.filter((i) => !i.notApplicable);
  const parts: SummaryPart[] = [];
  if (model.budget) parts.push({ key: "budget", score: model.totals.budgetCounted ?? 0 });
  const assigned = new Set<string>();
  for (const sg of profile.summaryGroups) {
    const members = counted.filter((i) => sg.groups.includes(i.group));
    sg.groups.forEach((g) => assigned.add(g));
    if (members.length || sg.groups.some((g) => profile.groups.find((p) => p.key === g)?.required))
      parts.push({ key: sg.groups[0], score: sum(members.map((i) => i.score ?? 0)).toNumber() });
  }
  const others = counted.filter((i) => !assigned.has(i.group));
  if (others.length)
    parts.push({ key: "other", score: sum(others.map((i) => i.score ?? 0)).toNumber() });
  const numText = (x: number) =>
    formatNumber(x, profile.rounding.decimals, profile.summaryFixedDecimals);
  const projectName = form.project.name || "本项目";
  const { status } = model;
  if (status.kind === "incomplete" || status.kind === "uncomputable")
    return { sentence: `${projectName}${status.note}。`, parts };
  const caveat = status.kind === "provisional" ? `（${status.note}）` : "";
  const sentence =
    `${projectName}自评得分${numText(model.totals.computed)}分，绩效级别为“${model.gradeLabel}”${caveat}。` +
    (parts.length
      ? `其中：${parts.map((p) => `${summaryLabel(profile, p.key)}${numText(p.score)}分`).join("，")}。`
      : "");
  return { sentence, parts };
}
