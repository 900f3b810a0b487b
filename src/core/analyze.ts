// analyze(grid, profile) → Analysis: the one entry point of the engine.
import { Decimal, dec, formatNumber, round, sum, type Numeric } from "./decimal";
import { parseA1, toA1, type Grid, type WorkbookGrids } from "./grid";
import { findIndicatorHeaders } from "./locate";
import type {
  Analysis,
  Budget,
  CategorySummary,
  Finding,
  FindingCode,
  GroupSummary,
  IndicatorKind,
  IndicatorRow,
  Severity,
  SheetNotAnalyzed,
} from "./model";
import { comparable, type NumberValue } from "./notation";
import { parseForm, type ParsedForm, type RawIndicator } from "./parse";
import { gradeOf, sameGrade, type Profile } from "./profiles";
import {
  agreement,
  budgetRule,
  decimalsOf,
  inBand,
  qualitativeBand,
  ruleScore,
  totalOf,
} from "./score";
import { isPlaceholderText } from "./text";

export class TableNotFoundError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

const fmt = (x: Numeric) => formatNumber(x, 2);

/** A name in “ ”, its own double quotes turned single as Chinese typesetting nests them: “‘西城科普进行时’公众号…”. */
export function quoted(text: string): string {
  return `“${text.replace(/“/g, "‘").replace(/”/g, "’")}”`;
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

const MEASURE_WORDS =
  /下一步|措施|改进|今后|后续|将|拟|计划|加强|完善|建立|优化|提高|提升|继续|持续|加大|做好|确保|推进/;
const BUDGET_INDICATOR = /预算(资金)?执行率|资金执行率|预算执行进度|支出进度/;

class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly sheet: string) {}
  add(
    code: FindingCode,
    severity: Severity,
    cell: string,
    message: string,
    suggestion?: number
  ): void {
    this.list.push({
      code,
      severity,
      sheet: this.sheet,
      cell,
      message,
      ...(suggestion !== undefined ? { suggestion } : {}),
    });
  }
}

/** Sheets of a workbook that hold an indicator header. */
export function findTableSheets(book: WorkbookGrids): string[] {
  return book.sheets.filter((g) => findIndicatorHeaders(g, 1).length > 0).map((g) => g.sheet);
}

/**
 * Which of several table sheets to open first: the one the user chose before, else the active one, else one named
 * 附件1 or containing 自评表 (a hint, not a rule: SPEC §2), else the first.
 */
export function preferredTableSheet(
  tableSheets: string[],
  chosen?: string | null,
  active?: string | null
): string | null {
  if (chosen && tableSheets.includes(chosen)) return chosen;
  if (active && tableSheets.includes(active)) return active;
  return tableSheets.find((s) => /附件\s*1|自评表/.test(s)) ?? tableSheets[0] ?? null;
}

function notFound(grid: Grid): Finding {
  return {
    code: "TABLE_NOT_FOUND",
    severity: "error",
    sheet: grid.sheet,
    cell: "A1",
    message: `工作表“${grid.sheet}”中没有找到绩效指标表：请确认表头含有“三级指标”“年度指标值”“实际完成值”等列名（可为同义词），或选择正确的工作表。`,
  };
}

export function analyze(grid: Grid, profile: Profile): Analysis {
  const headers = findIndicatorHeaders(grid, 1);
  if (headers.length === 0) throw new TableNotFoundError(notFound(grid));
  const form = parseForm(grid, headers[0]);
  return check(form, profile);
}

export interface WorkbookAnalysis {
  analyses: Analysis[];
  notAnalyzed: SheetNotAnalyzed[];
}

/** Every sheet with a table (or only `sheet`); sheets without one are reported when nothing was found at all. */
export function analyzeWorkbook(
  book: WorkbookGrids,
  profile: Profile,
  sheet?: string
): WorkbookAnalysis {
  const grids = sheet ? book.sheets.filter((g) => g.sheet === sheet) : book.sheets;
  const analyses: Analysis[] = [];
  const notAnalyzed: SheetNotAnalyzed[] = [];
  if (sheet && grids.length === 0) {
    notAnalyzed.push({
      sheet,
      findings: [
        {
          code: "TABLE_NOT_FOUND",
          severity: "error",
          sheet,
          cell: "A1",
          message: `工作簿中没有名为“${sheet}”的工作表。现有工作表：${book.sheets.map((g) => g.sheet).join("、")}。`,
        },
      ],
    });
  }
  for (const g of grids) {
    try {
      analyses.push(analyze(g, profile));
    } catch (e) {
      if (e instanceof TableNotFoundError)
        notAnalyzed.push({ sheet: g.sheet, findings: [e.finding] });
      else throw e;
    }
  }
  return {
    analyses,
    notAnalyzed: analyses.length ? notAnalyzed.filter((n) => sheet === n.sheet) : notAnalyzed,
  };
}

function check(form: ParsedForm, profile: Profile): Analysis {
  const f = new Findings(form.sheet);
  const { columns } = form;
  const skippedChecks: string[] = [];
  const rounding = profile.rounding;
  const hasWeights = columns.weight !== null;
  const headerCell = (col: number | null) =>
    col === null ? toA1(form.header.row, form.header.left) : toA1(form.header.row, col);

  if (!hasWeights) {
    skippedChecks.push(
      "逐项得分是否符合计分规则",
      "得分是否超过分值",
      "定性指标得分档位",
      "各类别分值"
    );
    f.add(
      "COLUMN_MISSING",
      "warning",
      headerCell(columns.name),
      "表中没有“分值”列：无法逐项核对得分是否符合计分规则、是否超过分值及定性指标档位，这些检查已跳过；只核对了预算执行、合计与标注在指标名称中的分值。"
    );
  }
  if (columns.score === null) {
    skippedChecks.push("逐项得分", "总分");
    f.add(
      "COLUMN_MISSING",
      "error",
      headerCell(columns.name),
      "表中没有“得分”列：无法核对任何得分。请在指标表头加上“得分”列。"
    );
  }
  if (columns.reason === null) {
    skippedChecks.push("偏差原因是否填写");
    f.add(
      "COLUMN_MISSING",
      "info",
      headerCell(columns.name),
      "表中没有“偏差原因分析及改进措施”列：未检查扣分指标是否说明原因。"
    );
  }

  // the form's own precision: integer rounding explains a difference only on a form that writes integers
  const writtenScores = [
    ...form.indicators.map((i) => i.score),
    form.funding?.score.value ?? null,
  ].filter((x): x is number => x !== null);
  const formDecimals = Math.max(0, ...writtenScores.map((x) => Math.min(decimalsOf(x), 2)));

  const indicators: IndicatorRow[] = form.indicators.map((raw) =>
    scoreIndicator(raw, profile, f, formDecimals, hasWeights)
  );

  for (const p of form.placeholders)
    f.add(
      "PLACEHOLDER",
      "info",
      p.cell,
      `第${p.row}行“${p.text}”是模板留下的空行或说明文字，未计入检查；如不需要可删除该行。`
    );

  const budget = checkBudget(form, profile, f, formDecimals);
  const notApplicable = indicators.filter((i) => i.notApplicable);
  const counted = indicators.filter((i) => !i.notApplicable);

  // weights
  const groups = summarizeGroups(form, indicators);
  checkWeights(form, profile, f, indicators, groups, budget);
  blameWeightsWhereLikely(form, profile, f, indicators, budget);

  // categories (profile groups)
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
  for (const g of profile.groups) {
    const members = indicators.filter((i) => i.group === g.key);
    if (members.length === 0 && g.required)
      f.add(
        "GROUP_MISSING",
        "warning",
        headerCell(columns.level1 ?? columns.name),
        `没有“${g.key}”类指标：${profile.name}规则要求设置该类指标，请补充。`
      );
    for (const l2 of g.requiredLevel2 ?? [])
      if (members.length > 0 && !members.some((i) => i.level2.includes(l2)))
        f.add(
          "GROUP_MISSING",
          "warning",
          level1CellOf(members[0], form),
          `“${g.key}”指标中没有“${l2}指标”：请按规则补充。`
        );
  }

  // totals
  const budgetWritten = budget?.score.written ?? null;
  const budgetForSuggested = budget?.score.rule ?? budgetWritten ?? 0;
  const naWeight = sum(notApplicable.map((i) => i.weight ?? 0));
  const computed = round(
    totalOf(
      [budgetWritten ?? 0, ...counted.map((i) => i.score ?? 0)],
      naWeight,
      profile.totalWeight
    ),
    rounding
  ).toNumber();
  const suggested = round(
    totalOf(
      [budgetForSuggested, ...counted.map((i) => suggestedScore(i))],
      naWeight,
      profile.totalWeight
    ),
    rounding
  ).toNumber();
  const tr = form.totalRow;
  const written = tr?.score ?? null;
  if (tr && tr.scoreCell) {
    if (written === null) {
      if (tr.scoreText)
        f.add(
          "TOTAL_MISMATCH",
          "error",
          tr.scoreCell,
          `总分“${tr.scoreText}”不是数字：按各项得分合计应为${fmt(computed)}分。`,
          computed
        );
      else
        f.add(
          "TOTAL_MISMATCH",
          "info",
          tr.scoreCell,
          `总分未填写：按各项得分合计为${fmt(computed)}分，可用“写回总分和等级”填入。`,
          computed
        );
    } else if (!dec(written).minus(computed).abs().lessThanOrEqualTo("0.01")) {
      const withoutBudget =
        budgetWritten !== null &&
        dec(written).minus(dec(computed).minus(budgetWritten)).abs().lessThanOrEqualTo("0.01");
      const rulesToo = dec(written).minus(suggested).abs().lessThanOrEqualTo("0.01");
      f.add(
        "TOTAL_MISMATCH",
        "error",
        tr.scoreCell,
        withoutBudget
          ? `总分写的是${fmt(written)}分，漏计了预算执行得分${fmt(budgetWritten ?? 0)}分：应为${fmt(computed)}分。`
          : `总分写的是${fmt(written)}分，但预算执行和各项指标得分合计为${fmt(computed)}分${rulesToo ? "" : `（按计分规则应为${fmt(suggested)}分）`}：请改为${fmt(computed)}分，或先更正各项得分。`,
        computed
      );
    }
  }

  // grade
  const gradeLabel = gradeOf(computed, profile);
  if (form.grade.cell && form.grade.written && !sameGrade(form.grade.written, gradeLabel))
    f.add(
      "GRADE_MISMATCH",
      "error",
      form.grade.cell,
      `绩效级别写的是“${form.grade.written}”，但总分${fmt(computed)}分对应“${gradeLabel}”（${describeBands(profile)}）。`
    );

  checkGoalText(form, budget, f);

  // summary sentence (SPEC §7)
  const parts: Record<string, number> = {};
  if (budget) parts["预算执行"] = budgetWritten ?? 0;
  const assigned = new Set<string>();
  for (const sg of profile.summaryGroups) {
    const members = counted.filter((i) => sg.groups.includes(i.group));
    sg.groups.forEach((g) => assigned.add(g));
    if (members.length || sg.groups.some((g) => profile.groups.find((p) => p.key === g)?.required))
      parts[sg.label] = sum(members.map((i) => i.score ?? 0)).toNumber();
  }
  const others = counted.filter((i) => !assigned.has(i.group));
  if (others.length) parts["其他指标"] = sum(others.map((i) => i.score ?? 0)).toNumber();
  const numText = (x: number) => formatNumber(x, rounding.decimals, profile.summaryFixedDecimals);
  const projectName = form.project.name || "本项目";
  const sentence =
    `${projectName}自评得分${numText(computed)}分，绩效级别为“${gradeLabel}”。` +
    (Object.keys(parts).length
      ? `其中：${Object.entries(parts)
          .map(([k, v]) => `${k}${numText(v)}分`)
          .join("，")}。`
      : "");

  const indicatorWeightsKnown =
    hasWeights ||
    (groups.some((g) => g.level === 1) &&
      groups.filter((g) => g.level === 1).every((g) => g.declaredWeight !== null));
  const totalWeight = indicatorWeightsKnown
    ? sum([
        budget?.weight ?? 0,
        ...groups.filter((g) => g.level === 1).map((g) => g.weight ?? 0),
      ]).toNumber()
    : null;

  return {
    sheet: form.sheet,
    profile,
    project: form.project,
    headerRow: form.header.row,
    columns,
    budget,
    goals: form.goals,
    indicators,
    groups,
    categories,
    total: {
      weight: totalWeight,
      writtenWeight: tr?.weight ?? null,
      written,
      computed,
      suggested,
      cell: tr?.scoreCell ?? null,
      weightCell: tr?.weightCell ?? null,
    },
    grade: {
      label: gradeLabel,
      written: form.grade.written,
      cell: form.grade.cell,
      labelCell: form.grade.labelCell,
    },
    summary: { sentence, parts },
    findings: sortFindings(f.list),
    skippedChecks,
  };
}

function level1CellOf(i: IndicatorRow, form: ParsedForm): string {
  const raw = form.indicators.find((r) => r.row === i.row);
  return raw?.level1Cell || i.cells.name;
}

function describeBands(profile: Profile): string {
  return profile.grades.map((g) => `${g.label}${g.min > 0 ? `≥${g.min}` : ""}`).join("，");
}

function suggestedScore(i: IndicatorRow): number {
  if (i.ruleScore !== null) return i.ruleScore;
  const s = i.score ?? 0;
  if (i.weight !== null && s > i.weight) return i.weight;
  return Math.max(0, s);
}

function sortFindings(list: Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const pos = (a: string) => {
    try {
      const p = parseA1(a);
      return p.row * 1000 + p.col;
    } catch {
      return 0;
    }
  };
  return [...list].sort((a, b) => rank[a.severity] - rank[b.severity] || pos(a.cell) - pos(b.cell));
}

function describeValue(v: { raw: string }): string {
  return v.raw || "（空）";
}

function scoreIndicator(
  raw: RawIndicator,
  profile: Profile,
  f: Findings,
  formDecimals: number,
  hasWeights: boolean
): IndicatorRow {
  const group = groupOf(raw.level1, raw.level2, profile);
  const label = quoted(raw.name);
  let kind: IndicatorKind = "unknown";
  let ruleScoreValue: number | null = null;
  let completion: number | null = null;
  let band: IndicatorRow["band"] = null;
  let met: boolean | null = null;
  let overAchieved = false;

  // weight and score cells
  let weight = raw.weight;
  if (hasWeights && raw.cells.weight) {
    if (!raw.weightText)
      f.add(
        "VALUE_UNPARSED",
        "error",
        raw.cells.weight,
        `${label}的分值为空：请填写该指标的分值。`
      );
    else if (weight === null)
      f.add(
        "VALUE_UNPARSED",
        "error",
        raw.cells.weight,
        `${label}的分值“${raw.weightText}”不是数字：请填写数字分值。`
      );
    else if (weight <= 0) {
      f.add(
        "WEIGHT_GROUP",
        "error",
        raw.cells.weight,
        `${label}的分值为${weight}：分值必须大于0，请更正。`
      );
      weight = null;
    }
  }
  const score = raw.score;
  let scoreUsable = score !== null;
  if (raw.cells.score) {
    if (!raw.scoreText) {
      f.add("SCORE_RANGE", "error", raw.cells.score, `${label}的得分为空：请填写得分。`);
      scoreUsable = false;
    } else if (score === null) {
      f.add(
        "SCORE_RANGE",
        "error",
        raw.cells.score,
        `${label}的得分“${raw.scoreText}”不是数字：请填写数字得分。`
      );
      scoreUsable = false;
    } else if (score < 0) {
      f.add(
        "SCORE_RANGE",
        "error",
        raw.cells.score,
        `${label}的得分${fmt(score)}小于0：得分不能为负。`,
        0
      );
      scoreUsable = false;
    } else if (weight !== null && score > weight) {
      f.add(
        "SCORE_RANGE",
        "error",
        raw.cells.score,
        `${label}得分${fmt(score)}分，超过了分值${fmt(weight)}分：得分不能超过分值。`,
        weight
      );
      scoreUsable = false;
    }
  }

  const t = raw.target;
  const a = raw.actual;
  if (t.kind === "empty")
    f.add("VALUE_UNPARSED", "error", raw.cells.target, `${label}的年度指标值为空：请填写目标值。`);
  if (a.kind === "empty")
    f.add(
      "VALUE_UNPARSED",
      "error",
      raw.cells.actual,
      `${label}的实际完成值为空：请填写实际完成情况。`
    );

  if (t.kind === "number" && a.kind === "number") {
    const pair = comparable(t, a);
    if (t.relative !== a.relative) {
      f.add(
        "TYPE_MISMATCH",
        "warning",
        raw.cells.actual,
        `${label}目标“${t.raw}”与实际“${a.raw}”一个是变化幅度、一个是数值，无法比较：请用同一口径填写。`
      );
    } else if (!pair) {
      f.add(
        "TYPE_MISMATCH",
        "warning",
        raw.cells.actual,
        `${label}目标“${t.raw}”与实际“${a.raw}”的单位不一致（${t.unit || "无"}／${a.unit || "无"}），无法比较：请统一单位。`
      );
    } else {
      kind = "quantitative";
      const r = ruleScore(t.op, pair.a, pair.b, weight ?? 1, profile.atMostRule);
      met = r.met;
      completion = r.completion
        ? round(r.completion, { decimals: 2, mode: "halfUp" }).toNumber()
        : null;
      if (
        (t.op === ">=" || t.op === ">") &&
        dec(pair.a).greaterThan(0) &&
        dec(pair.b).greaterThanOrEqualTo(dec(pair.a).times(profile.overAchievementFactor))
      )
        overAchieved = true;
      if (weight !== null) {
        ruleScoreValue = round(r.score, profile.rounding).toNumber();
        if (scoreUsable && score !== null) {
          const ag = agreement(score, r.score, profile.rounding, formDecimals);
          if (ag !== "ok") {
            const how = ruleExplanation(t, a, pair, weight, profile);
            f.add(
              "SCORE_RULE",
              ag === "rounding" ? "warning" : "error",
              raw.cells.score,
              ag === "rounding"
                ? `${label}得分${fmt(score)}分，按规则${how}＝${fmt(ruleScoreValue)}分，差异来自取整或截断：建议保留两位小数、四舍五入。`
                : `${label}得分${fmt(score)}分，按计分规则应为${fmt(ruleScoreValue)}分（${how}）：请更正得分或说明依据。`,
              ruleScoreValue
            );
          }
        }
      }
    }
  } else if (t.kind === "number" && a.kind === "text") {
    f.add(
      "TYPE_MISMATCH",
      "error",
      raw.cells.actual,
      `${label}的目标是数值“${t.raw}”，实际完成值却写成“${a.raw}”：请填写实际数值（含单位），以便按规则计分。`
    );
  } else if (t.kind === "text" && a.kind !== "empty") {
    kind = "qualitative";
    const cls = a.kind === "text" ? a.qualitative : null;
    band = cls;
    if (!cls) {
      // without a weight there is no band to check, so an unclassified word changes nothing
      if (weight !== null)
        f.add(
          "SCORE_BAND",
          "warning",
          raw.cells.actual,
          `${label}的实际完成情况“${describeValue(a)}”无法判断属于哪一档：请写成“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”。`
        );
    } else {
      met = cls === "achieved";
      if (weight !== null && scoreUsable && score !== null) {
        const b = qualitativeBand(cls, weight, profile);
        if (!inBand(score, b)) {
          const name = cls === "achieved" ? "达成" : cls === "partial" ? "部分达成" : "未达成";
          const range = `${fmt(b.lo)}${b.hiInclusive ? "–" : "至不足"}${fmt(b.hi)}分`;
          f.add(
            "SCORE_BAND",
            "error",
            raw.cells.score,
            `${label}实际为“${name}”，得分应在${range}之间，现为${fmt(score)}分：请调整得分或完成情况的表述。`
          );
        }
      }
    }
  }

  // reasons (SPEC §6)
  const lostPoints = weight !== null && score !== null && score < weight;
  // a met target scored below its weight is a scoring mistake (SCORE_RULE), not a missing reason
  const scoreRuleSaysFull =
    met === true &&
    kind === "quantitative" &&
    f.list.some((x) => x.code === "SCORE_RULE" && x.cell === raw.cells.score);
  const needsReason = (lostPoints && !scoreRuleSaysFull) || met === false || overAchieved;
  const reasonMissing = isPlaceholderText(raw.reason);
  if (overAchieved)
    f.add(
      "OVER_ACHIEVED",
      reasonMissing ? "warning" : "info",
      raw.cells.actual,
      `${label}实际${a.raw}达到目标${t.raw}的${profile.overAchievementFactor}倍以上：${reasonMissing ? "请在偏差原因中说明超额完成的原因；" : ""}若目标设定偏低，按规定应适当扣分。`
    );
  if (raw.cells.reason && needsReason && !overAchieved) {
    if (reasonMissing) {
      const why = lostPoints
        ? `得分${fmt(score ?? 0)}分低于分值${fmt(weight ?? 0)}分`
        : `实际“${a.raw}”未达到目标“${t.raw}”`;
      f.add(
        "REASON_MISSING",
        "error",
        raw.cells.reason,
        `${label}${why}，但没有填写偏差原因：请说明未完成的原因和改进措施。`
      );
    } else if (!MEASURE_WORDS.test(raw.reason + raw.measure)) {
      f.add(
        "REASON_MISSING",
        "info",
        raw.cells.reason,
        `${label}只写了原因，没有改进措施：建议补充下一步的改进措施。`
      );
    }
  }
  if (BUDGET_INDICATOR.test(raw.name))
    f.add(
      "WEIGHT_TOTAL",
      "warning",
      raw.cells.name,
      `${label}与资金部分的“预算执行率”重复计分：预算执行已单独计分，建议换成其他产出指标。`
    );

  return {
    row: raw.row,
    level1: raw.level1,
    level2: raw.level2,
    name: raw.name,
    group,
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
  };
}

function ruleExplanation(
  t: NumberValue,
  a: NumberValue,
  pair: { a: string; b: string },
  weight: number,
  profile: Profile
): string {
  const w = fmt(weight);
  if (t.op === "<=" || t.op === "<") {
    if (dec(pair.b).lessThanOrEqualTo(pair.a)) return `实际未超过目标，得满分${w}`;
    return profile.atMostRule === "ratio"
      ? `${w}×${pair.a}÷${pair.b}`
      : `${w}×(1−(${pair.b}−${pair.a})÷${pair.a})`;
  }
  if (dec(pair.b).greaterThanOrEqualTo(pair.a)) return `实际达到目标，得满分${w}`;
  return `${w}×${pair.b}÷${pair.a}`;
}

function checkBudget(
  form: ParsedForm,
  profile: Profile,
  f: Findings,
  formDecimals: number
): Budget | null {
  const fu = form.funding;
  if (!fu) return null;
  const total = fu.totalRow;
  const n = (s: string | null | undefined) => (s === null || s === undefined ? null : Number(s));
  let executed = total?.executed ?? null;
  let adjusted = total?.adjusted ?? null;
  let planned = total?.planned ?? null;
  const subs = fu.subRows;
  const subSum = (key: "executed" | "adjusted" | "planned") => {
    const xs = subs.map((r) => r[key]).filter((x): x is string => x !== null);
    return xs.length ? sum(xs) : null;
  };
  const cols = fu.header.cols;
  const cellOf = (col: number | undefined) =>
    total && col !== undefined ? toA1(total.row, col) : null;
  const isBlank = (x: string | null) => x === null || dec(x).isZero();
  const sums = {
    executed: subSum("executed"),
    adjusted: subSum("adjusted"),
    planned: subSum("planned"),
  };
  if (
    total &&
    isBlank(executed) &&
    isBlank(adjusted) &&
    sums.executed &&
    sums.executed.greaterThan(0)
  ) {
    f.add(
      "FUNDING_SUM",
      "warning",
      cellOf(cols.executed) ?? cellOf(cols.adjusted) ?? "A1",
      `“${total.label}”行为空或为0，但其中各行合计执行${fmt(sums.executed)}${fu.moneyUnit}：已按其中各行合计计算，请补填“${total.label}”行。`
    );
    executed = sums.executed.toString();
    adjusted = sums.adjusted?.toString() ?? null;
    planned = sums.planned?.toString() ?? planned;
  } else if (total) {
    for (const key of ["planned", "adjusted", "executed"] as const) {
      const s = sums[key];
      const v = total[key];
      if (
        s &&
        v !== null &&
        subs.some((r) => r[key] !== null && !dec(r[key] as string).isZero()) &&
        !s.minus(v).abs().lessThanOrEqualTo("0.01")
      ) {
        f.add(
          "FUNDING_SUM",
          "warning",
          cellOf(cols[key]) ?? "A1",
          `“${total.label}”${key === "planned" ? "年初预算数" : key === "adjusted" ? "全年预算数" : "全年执行数"}为${fmt(v)}，但其中各行合计为${fmt(s)}：请核对。`
        );
      }
    }
  }
  const base = adjusted !== null && !dec(adjusted).isZero() ? adjusted : planned;
  const weight = fu.weight.value ?? fu.declaredWeight ?? profile.budgetWeight;
  if (weight !== profile.budgetWeight && fu.weight.cell)
    f.add(
      "WEIGHT_GROUP",
      profile.groupWeightsStrict ? "error" : "warning",
      fu.weight.cell,
      `预算执行分值为${fmt(weight)}分，${profile.name}规则为${profile.budgetWeight}分：请核对。`
    );
  const rule = executed !== null && base !== null ? budgetRule(executed, base, weight) : null;
  const ruleRate = rule ? round(rule.rate, { decimals: 2, mode: "halfUp" }).toNumber() : null;
  const ruleScoreValue = rule ? round(rule.score, profile.rounding).toNumber() : null;

  // written rate: "50%", 0.5 formatted as %, a ratio 1, or 99.97 meaning %
  let writtenRate: number | null = null;
  if (fu.rate.value !== null)
    writtenRate = fu.rate.percent
      ? fu.rate.value
      : fu.rate.value <= 1.5
        ? dec(fu.rate.value).times(100).toNumber()
        : fu.rate.value;
  if (fu.rate.cell && rule && ruleRate !== null) {
    if (writtenRate === null && fu.rate.text)
      f.add(
        "BUDGET_RATE",
        "error",
        fu.rate.cell,
        `执行率“${fu.rate.text}”不是数字：按${fmt(executed as string)}÷${fmt(base as string)}应为${fmt(ruleRate)}%。`
      );
    else if (
      writtenRate !== null &&
      !dec(writtenRate).minus(rule.rate).abs().lessThanOrEqualTo("0.01")
    ) {
      const coarse = [0, 1].some(
        (d) =>
          round(rule.rate, { decimals: d, mode: "halfUp" }).equals(writtenRate as number) ||
          round(rule.rate, { decimals: d, mode: "truncate" }).equals(writtenRate as number)
      );
      f.add(
        "BUDGET_RATE",
        coarse ? "warning" : "error",
        fu.rate.cell,
        `执行率写的是${fmt(writtenRate)}%，按全年执行数${fmt(executed as string)}÷${base === adjusted ? "全年预算数" : "年初预算数"}${fmt(base as string)}计算应为${fmt(ruleRate)}%${coarse ? "（差异来自取整）" : ""}：请更正。`
      );
    }
  }
  const writtenScore = fu.score.value;
  if (fu.score.cell && rule && ruleScoreValue !== null) {
    if (writtenScore === null) {
      if (fu.score.text && fu.score.text !== "—")
        f.add(
          "BUDGET_SCORE",
          "error",
          fu.score.cell,
          `预算执行得分“${fu.score.text}”不是数字：按规则应为${fmt(ruleScoreValue)}分。`,
          ruleScoreValue
        );
      else
        f.add(
          "BUDGET_SCORE",
          "info",
          fu.score.cell,
          `预算执行得分未填写：按规则为${fmt(ruleScoreValue)}分，可写回。`,
          ruleScoreValue
        );
    } else {
      const ag = agreement(writtenScore, rule.score, profile.rounding, formDecimals);
      if (ag !== "ok")
        f.add(
          "BUDGET_SCORE",
          ag === "rounding" ? "warning" : "error",
          fu.score.cell,
          ag === "rounding"
            ? `预算执行得分写的是${fmt(writtenScore)}分，按${fmt(weight)}×执行率${fmt(ruleRate ?? 0)}%＝${fmt(ruleScoreValue)}分，差异来自取整或截断：建议保留两位小数、四舍五入。`
            : `预算执行得分写的是${fmt(writtenScore)}分，按${fmt(weight)}×执行率${fmt(ruleRate ?? 0)}%应为${fmt(ruleScoreValue)}分：请更正。`,
          ruleScoreValue
        );
    }
  }
  if (rule && ruleRate !== null && ruleRate < profile.reasonBudgetThreshold) {
    const reasons = form.indicators.map((i) => i.reason).join("");
    if (!/执行率|执行进度|支出进度|预算执行|资金.*(结余|未支付|未执行)/.test(reasons))
      f.add(
        "REASON_MISSING",
        "warning",
        fu.rate.cell ?? cellOf(cols.executed) ?? "A1",
        `预算执行率${fmt(ruleRate)}%，低于${profile.reasonBudgetThreshold}%：请在偏差原因分析中说明资金未执行完的原因和改进措施。`
      );
  }
  return {
    weight,
    planned: n(planned),
    adjusted: n(adjusted),
    executed: n(executed),
    rate: ruleRate,
    writtenRate,
    score: { written: writtenScore, rule: ruleScoreValue },
    cells: {
      rate: fu.rate.cell,
      score: fu.score.cell,
      weight: fu.weight.cell,
      executed: cellOf(cols.executed),
      adjusted: cellOf(cols.adjusted) ?? cellOf(cols.planned),
    },
    rows: fu.rows,
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

function checkWeights(
  form: ParsedForm,
  profile: Profile,
  f: Findings,
  indicators: IndicatorRow[],
  groups: GroupSummary[],
  budget: Budget | null
): void {
  const hasWeights = form.columns.weight !== null;
  const byRow = new Map(indicators.map((i) => [i.row, i]));
  const rawByRow = new Map(form.indicators.map((i) => [i.row, i]));
  // declared weights in labels vs Σ children
  for (const gl of form.groupLabels) {
    if (gl.declared === null) continue;
    let childSum: number | null = null;
    if (gl.level === 0) {
      const children = groups.filter(
        (g) =>
          g.level === 1 &&
          form.groupLabels
            .find((x) => x.cell === g.cell && x.level === 1)
            ?.rows.some((r) => gl.rows.includes(r))
      );
      if (children.length && children.every((c) => c.weight !== null))
        childSum = sum(children.map((c) => c.weight as number)).toNumber();
    } else if (hasWeights) {
      const ws = gl.rows
        .map((r) => byRow.get(r)?.weight)
        .filter((w): w is number => w !== null && w !== undefined);
      if (ws.length) childSum = sum(ws).toNumber();
    }
    if (childSum !== null && !dec(childSum).minus(gl.declared).abs().lessThanOrEqualTo("0.01"))
      f.add(
        "WEIGHT_GROUP",
        "error",
        gl.cell,
        `${quoted(gl.name)}标注为${fmt(gl.declared)}分，但其下各项分值合计为${fmt(childSum)}分：请核对分值。`
      );
  }
  // profile group weights
  if (hasWeights)
    for (const g of profile.groups) {
      if (g.weight === null) continue;
      const members = indicators.filter((i) => i.group === g.key);
      if (!members.length) continue;
      const w = sum(members.map((i) => i.weight ?? 0));
      if (!w.minus(g.weight).abs().lessThanOrEqualTo("0.01")) {
        const raw = rawByRow.get(members[0].row);
        const cell =
          (g.matchLevel2 && raw?.level2.includes(g.match[0]) ? raw.level2Cell : raw?.level1Cell) ||
          members[0].cells.name;
        f.add(
          "WEIGHT_GROUP",
          profile.groupWeightsStrict ? "error" : "warning",
          cell,
          `“${g.key}”类指标分值合计${fmt(w)}分，${profile.name}规则为${g.weight}分：请核对各指标分值${profile.groupWeightsStrict ? "" : "（特殊情况可调整，需说明）"}。`
        );
      }
    }
  // total weight
  const level1 = groups.filter((g) => g.level === 1);
  let indicatorWeight: Decimal | null = null;
  if (hasWeights) indicatorWeight = sum(indicators.map((i) => i.weight ?? 0));
  else {
    const blocks = form.groupLabels.filter((g) => g.level === 0 && g.declared !== null);
    if (level1.length && level1.every((g) => g.declaredWeight !== null))
      indicatorWeight = sum(level1.map((g) => g.declaredWeight as number));
    else if (blocks.length) indicatorWeight = sum(blocks.map((b) => b.declared as number));
  }
  if (indicatorWeight === null) return;
  const total = indicatorWeight.plus(budget?.weight ?? 0);
  const tr = form.totalRow;
  const at =
    tr?.weightCell ??
    (form.columns.weight !== null
      ? toA1(form.header.row, form.columns.weight)
      : (tr?.scoreCell ?? toA1(form.header.row, form.header.left)));
  const parts = `预算执行${fmt(budget?.weight ?? 0)}分＋指标${fmt(indicatorWeight)}分＝${fmt(total)}分`;
  if (!total.minus(profile.totalWeight).abs().lessThanOrEqualTo("0.01"))
    f.add(
      "WEIGHT_TOTAL",
      "error",
      at,
      `分值合计不等于${profile.totalWeight}分：${parts}。请核对各项分值。`
    );
  else if (
    tr?.weight !== null &&
    tr?.weight !== undefined &&
    !total.minus(tr.weight).abs().lessThanOrEqualTo("0.01")
  )
    f.add(
      "WEIGHT_TOTAL",
      "error",
      at,
      `总分行的分值写的是${fmt(tr.weight)}分，但${parts}：请更正。`
    );
  if (
    tr?.weight !== null &&
    tr?.weight !== undefined &&
    tr.weight !== profile.totalWeight &&
    total.minus(profile.totalWeight).abs().lessThanOrEqualTo("0.01")
  )
    f.add(
      "WEIGHT_TOTAL",
      "error",
      at,
      `总分行的分值写的是${fmt(tr.weight)}分，应为${profile.totalWeight}分。`
    );
}

/**
 * Weights that add up to more than the total, and an indicator that met its target but scored exactly that excess
 * below its weight: the weight is the likelier mistake (the fixture's 全国科普日 written 6 instead of 5), so the
 * SCORE_RULE finding says so and offers no score to accept.
 */
function blameWeightsWhereLikely(
  form: ParsedForm,
  profile: Profile,
  f: Findings,
  indicators: IndicatorRow[],
  budget: Budget | null
): void {
  if (form.columns.weight === null) return;
  const excess = sum([budget?.weight ?? 0, ...indicators.map((i) => i.weight ?? 0)]).minus(
    profile.totalWeight
  );
  if (!excess.greaterThan(0)) return;
  for (const i of indicators) {
    if (
      i.kind !== "quantitative" ||
      i.weight === null ||
      i.score === null ||
      i.ruleScore !== i.weight
    )
      continue;
    if (!dec(i.weight).minus(i.score).equals(excess)) continue;
    const k = f.list.findIndex((x) => x.code === "SCORE_RULE" && x.cell === i.cells.score);
    if (k < 0) continue;
    const likelyWeight = fmt(dec(i.weight).minus(excess));
    f.list[k] = {
      code: "SCORE_RULE",
      severity: "warning",
      sheet: form.sheet,
      cell: i.cells.score,
      message: `${quoted(i.name)}已达到目标，得分${fmt(i.score)}分却低于分值${fmt(i.weight)}分；而各项分值合计正好多出${fmt(excess)}分：更可能是分值写错（应为${likelyWeight}分），请先核对分值。`,
    };
  }
}

const MONEY = /(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/g;

/** Amounts in 年度总体目标 that contradict the table or each other (SPEC §9: a breakdown adding to 1,740,000 against 2,026,400). */
function checkGoalText(form: ParsedForm, budget: Budget | null, f: Findings): void {
  const g = form.goals;
  if (!g || !g.cell) return;
  const text = g.expected.normalize("NFKC");
  const amounts: { value: Decimal; index: number; raw: string }[] = [];
  const unitOf = form.project.moneyUnit;
  for (const m of text.matchAll(MONEY)) {
    const v = dec(m[1].replace(/,/g, ""));
    const inUnit =
      m[2] === unitOf
        ? v
        : m[2] === "万元" && unitOf === "元"
          ? v.times(10000)
          : m[2] === "元" && unitOf === "万元"
            ? v.dividedBy(10000)
            : v.times(m[2] === "亿元" ? (unitOf === "元" ? 1e8 : 1e4) : 1);
    amounts.push({ value: inUnit, index: m.index ?? 0, raw: m[0] });
  }
  if (!amounts.length) return;
  const totalMatch =
    /(共计|合计|总计|总额|共|总投资|总预算|预算资金)[^\d]{0,8}(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)/.exec(
      text
    );
  const stated = totalMatch
    ? amounts.find(
        (x) => x.index === (totalMatch.index ?? 0) + totalMatch[0].indexOf(totalMatch[2])
      )
    : undefined;
  if (stated && amounts.length >= 3) {
    const rest = sum(amounts.filter((x) => x !== stated).map((x) => x.value));
    if (!rest.minus(stated.value).abs().lessThanOrEqualTo("0.01"))
      f.add(
        "TEXT_MISMATCH",
        "warning",
        g.cell,
        `年度总体目标中写明合计${stated.raw}，但分项金额加起来是${fmt(rest)}${unitOf}：请核对目标表述。`
      );
  }
  const reference = budget
    ? [budget.adjusted, budget.planned, budget.executed].filter((x): x is number => x !== null)
    : [];
  if (
    stated &&
    reference.length &&
    !reference.some((r) => dec(r).minus(stated.value).abs().lessThanOrEqualTo("0.01"))
  )
    f.add(
      "TEXT_MISMATCH",
      "warning",
      g.cell,
      `年度总体目标中的金额${stated.raw}与资金表中的预算数${fmt(reference[0])}${unitOf}不一致：请核对。`
    );
}
