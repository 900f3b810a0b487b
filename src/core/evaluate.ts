// The model of one form, computed before any rule runs: each indicator's kind, rule score and agreement, the
// budget's rate and score, groups, categories, totals and grade. Rules read it; nothing here reports.
import { Decimal, dec, formatNumber, round, sum } from "./decimal";
import { toA1 } from "./grid";
import type {
  Budget,
  CategorySummary,
  GroupSummary,
  IndicatorKind,
  IndicatorRow,
  SummaryPart,
} from "./model";
import { comparable } from "./notation";
import type { ParsedForm, RawIndicator } from "./parse";
import { gradeOf, summaryLabel, type Profile } from "./profiles";
import { agreement, budgetRule, decimalsOf, ruleScore, totalOf, type Agreement } from "./score";

/** An indicator with what the rules need to judge it. */
export interface IndicatorFacts extends IndicatorRow {
  raw: RawIndicator;
  /** The weight as written, before a weight ≤ 0 was set aside. */
  writtenWeight: number | null;
  /** The written score is a number in [0, weight]. */
  scoreUsable: boolean;
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

export interface BudgetFacts {
  budget: Budget;
  /** The 年度资金总额 row was blank or 0 and the 其中 rows' sums were used. */
  filledFromSubRows: boolean;
  /** Σ 其中 rows per column, null when none written. */
  subSums: { planned: Decimal | null; adjusted: Decimal | null; executed: Decimal | null };
  /** The amount the rate is computed against, and whether it is the adjusted (全年预算数) one. */
  base: string | null;
  baseIsAdjusted: boolean;
  executedAmount: string | null;
  /** Exact rate (in %) and score; null when there is no budget amount. */
  exact: { rate: Decimal; score: Decimal } | null;
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
  totals: { computed: number; suggested: number; budgetWritten: number | null };
  gradeLabel: string;
  /** Σ weights (budget + indicators) − total weight, when the form has a 分值 column. */
  weightExcess: Decimal | null;
}

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
  hasWeights: boolean
): IndicatorFacts {
  const writtenWeight = raw.weight;
  const weight =
    hasWeights && raw.cells.weight && writtenWeight !== null && writtenWeight <= 0
      ? null
      : writtenWeight;
  const score = raw.score;
  const scoreUsable =
    score !== null &&
    !(raw.cells.score && (!raw.scoreText || score < 0 || (weight !== null && score > weight)));
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
      overAchieved =
        (t.op === ">=" || t.op === ">") &&
        dec(pair.a).greaterThan(0) &&
        dec(pair.b).greaterThanOrEqualTo(dec(pair.a).times(profile.overAchievementFactor));
      if (weight !== null) exact = r.score;
    }
  } else if (t.kind === "text" && a.kind !== "empty") {
    kind = "qualitative";
    band = a.kind === "text" ? a.qualitative : null;
    if (band) met = band === "achieved";
  }
  const ruleScoreValue = exact ? round(exact, profile.rounding).toNumber() : null;
  return {
    row: raw.row,
    level1: raw.level1,
    level2: raw.level2,
    name: raw.name,
    group: groupOf(raw.level1, raw.level2, profile),
    target: t,
    actual: a,
    weight,
    score,
    reason: raw.reason,
    kind,
    ruleScore: ruleScoreValue,
    completion,
    band,
    notApplicable: profile.notApplicable && /不适用/.test(t.raw + a.raw),
    cells: raw.cells,
    raw,
    writtenWeight,
    scoreUsable,
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

function budgetFacts(form: ParsedForm, profile: Profile): BudgetFacts | null {
  const fu = form.funding;
  if (!fu) return null;
  const total = fu.totalRow;
  const toNumber = (s: string | null | undefined) =>
    s === null || s === undefined ? null : Number(s);
  const subSum = (key: "executed" | "adjusted" | "planned") => {
    const xs = fu.subRows.map((r) => r[key]).filter((x): x is string => x !== null);
    return xs.length ? sum(xs) : null;
  };
  const subSums = {
    executed: subSum("executed"),
    adjusted: subSum("adjusted"),
    planned: subSum("planned"),
  };
  let executed = total?.executed ?? null;
  let adjusted = total?.adjusted ?? null;
  let planned = total?.planned ?? null;
  const isBlank = (x: string | null) => x === null || dec(x).isZero();
  const filledFromSubRows =
    !!total &&
    isBlank(executed) &&
    isBlank(adjusted) &&
    !!subSums.executed &&
    subSums.executed.greaterThan(0);
  if (filledFromSubRows) {
    executed = subSums.executed?.toString() ?? null;
    adjusted = subSums.adjusted?.toString() ?? null;
    planned = subSums.planned?.toString() ?? planned;
  }
  const baseIsAdjusted = adjusted !== null && !dec(adjusted).isZero();
  const base = baseIsAdjusted ? adjusted : planned;
  const weight = fu.weight.value ?? fu.declaredWeight ?? profile.budgetWeight;
  const exact = executed !== null && base !== null ? budgetRule(executed, base, weight) : null;
  // written rate: "50%", 0.5 formatted as %, a ratio 1, or 99.97 meaning %
  let writtenRate: number | null = null;
  if (fu.rate.value !== null)
    writtenRate = fu.rate.percent
      ? fu.rate.value
      : fu.rate.value <= 1.5
        ? dec(fu.rate.value).times(100).toNumber()
        : fu.rate.value;
  const cellOf = (col: number | undefined) =>
    total && col !== undefined ? toA1(total.row, col) : null;
  const cols = fu.header.cols;
  return {
    filledFromSubRows,
    subSums,
    base,
    baseIsAdjusted,
    executedAmount: executed,
    exact,
    budget: {
      weight,
      planned: toNumber(planned),
      adjusted: toNumber(adjusted),
      executed: toNumber(executed),
      rate: exact ? round(exact.rate, { decimals: 2, mode: "halfUp" }).toNumber() : null,
      writtenRate,
      score: {
        written: fu.score.value,
        rule: exact ? round(exact.score, profile.rounding).toNumber() : null,
      },
      cells: {
        rate: fu.rate.cell,
        score: fu.score.cell,
        weight: fu.weight.cell,
        executed: cellOf(cols.executed),
        adjusted: cellOf(cols.adjusted) ?? cellOf(cols.planned),
      },
      rows: fu.rows,
    },
  };
}

function summarizeGroups(form: ParsedForm, indicators: IndicatorRow[]): GroupSummary[] {
  const out: GroupSummary[] = [];
  const byRow = new Map(indicators.map((i) => [i.row, i]));
  for (const level of [1, 2] as const) {
    for (const gl of form.groupLabels.filter((g) => g.level === level)) {
      const members = gl.rows.map((r) => byRow.get(r)).filter((i): i is IndicatorRow => !!i);
      const weights = members.map((i) => i.weight).filter((w): w is number => w !== null);
      const childSum = weights.length ? sum(weights).toNumber() : null;
      out.push({
        name: gl.name,
        level,
        weight: gl.declared ?? childSum,
        declaredWeight: gl.declared,
        score: {
          written: sum(members.map((i) => i.score ?? 0)).toNumber(),
          rule: sum(members.map((i) => suggestedScore(i))).toNumber(),
        },
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
  const indicators = form.indicators.map((raw) =>
    indicatorFacts(raw, profile, formDecimals, hasWeights)
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
  const budgetForSuggested = budget?.budget.score.rule ?? budgetWritten ?? 0;
  const naWeight = sum(indicators.filter((i) => i.notApplicable).map((i) => i.weight ?? 0));
  const total = (xs: number[]) =>
    round(totalOf(xs, naWeight, profile.totalWeight), profile.rounding).toNumber();
  const computed = total([budgetWritten ?? 0, ...counted.map((i) => i.score ?? 0)]);
  const suggested = total([budgetForSuggested, ...counted.map((i) => suggestedScore(i))]);
  return {
    form,
    profile,
    hasWeights,
    formDecimals,
    indicators,
    budget,
    groups: summarizeGroups(form, indicators),
    categories,
    totals: { computed, suggested, budgetWritten },
    gradeLabel: gradeOf(computed, profile),
    weightExcess: hasWeights
      ? sum([budget?.budget.weight ?? 0, ...indicators.map((i) => i.weight ?? 0)]).minus(
          profile.totalWeight
        )
      : null,
  };
}

/** The summary (SPEC §7): parts keyed by summary-group key, and the sentence with the profile's labels. */
export function summarize(model: FormModel): { sentence: string; parts: SummaryPart[] } {
  const { profile, form } = model;
  const counted = model.indicators.filter((i) => !i.notApplicable);
  const parts: SummaryPart[] = [];
  if (model.budget) parts.push({ key: "budget", score: model.totals.budgetWritten ?? 0 });
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
  const sentence =
    `${projectName}自评得分${numText(model.totals.computed)}分，绩效级别为“${model.gradeLabel}”。` +
    (parts.length
      ? `其中：${parts.map((p) => `${summaryLabel(profile, p.key)}${numText(p.score)}分`).join("，")}。`
      : "");
  return { sentence, parts };
}
