// plan(analysis, book, choices) → WritePlan: every change the write-back makes, as data. Both gateways apply it;
// nothing here touches a workbook.
import { analyze } from "./analyze";
import { dec, round, sum } from "./decimal";
import { parseA1, toA1, type WorkbookGrids } from "./grid";
import type { Analysis, IndicatorRow } from "./model";
import { gradeOf } from "./profiles";
import { REPORT_SHEET_NAME, buildReport, reportSheet } from "./report";
import { placeSheet } from "./planReplace";
import { toCheckJson } from "./contract";
import { SUMMARY_SHEET_NAME, buildSummary, summarySheets } from "./summarySheet";
import { DEFAULT_CHOICES, type OnRepeat, type PlanChoices, type WritePlan } from "./writePlan";
import { isAcceptableSuggestion } from "./suggestions";
import { totalOf } from "./score";
import {
  Builder,
  HIGHLIGHT_FILL,
  compactRanges,
  gradeFormula,
  gridAfter,
  isBlank,
  normalizeAddress,
  roundingFunction,
} from "./planBuilder";

export { HIGHLIGHT_FILL, compactRanges, gradeFormula, normalizeAddress } from "./planBuilder";
export { replaceNotice } from "./planReplace";
/**
 * Every change the write-back makes on the form `a` was read from (a sheet of `book`): the total and the grade,
 * blank budget cells, accepted suggestions, highlights, and the report sheet. Writes the plan will not make are
 * listed as refusals with a message naming the cell and what to do.
 */
export function plan(
  a: Analysis,
  book: WorkbookGrids,
  choices: Partial<PlanChoices> = {}
): WritePlan {
  const c: PlanChoices = { ...DEFAULT_CHOICES, ...choices };
  const grid = book.sheets.find((g) => g.sheet === a.sheet);
  if (!grid) throw new Error(`工作簿中没有工作表“${a.sheet}”：请重新读取工作簿后再写回。`);
  const out = new Builder(grid, c);
  const profile = a.profile;
  const d = profile.rounding.decimals;
  const ROUNDF = roundingFunction(profile);
  const na = a.indicators.filter((i) => i.notApplicable);
  const counted = a.indicators.filter((i) => !i.notApplicable);

  // 1. accepted suggestions: the staff's own field, so values; accepting one is the confirmation to overwrite it
  const accepted = new Map<string, number>();
  for (const raw of c.acceptSuggestions) {
    const address = normalizeAddress(raw);
    const f = a.findings.find(
      (x) => x.sheet === a.sheet && x.cell === address && isAcceptableSuggestion(x)
    );
    if (!address || !f || f.suggestion === undefined) {
      out.refusals.push({
        sheet: a.sheet,
        address: address ?? raw,
        reason: "noSuggestion",
        message: `${address ?? raw} 没有可采用的建议得分：只有得分与计分规则不符的指标和预算执行得分才有建议值。`,
      });
      continue;
    }
    if (accepted.has(address)) continue;
    const ind = a.indicators.find((i) => i.cells.score === address);
    const label = ind ? `采用建议得分（${ind.name}）` : "采用建议得分（预算执行）";
    if (out.write(address, "suggestedScore", label, { value: f.suggestion }, true))
      accepted.set(address, f.suggestion);
  }

  // 1b. numbers stored as text become numbers, so that Excel's SUM counts them as our total does
  const textNumbers = new Map(
    a.findings
      .filter(
        (f) => f.code === "NUMBER_AS_TEXT" && f.sheet === a.sheet && f.suggestion !== undefined
      )
      .map((f) => [f.cell, f.suggestion as number])
  );
  if (c.convertTextNumbers)
    for (const [address, value] of textNumbers) {
      if (accepted.has(address)) continue;
      const textFormat = out.before(address).numFmt === "@";
      out.write(
        address,
        "numberFromText",
        "文本改为数字",
        { value, ...(textFormat ? { numFmt: "General" } : {}) },
        true
      );
    }
  // a text number left as text is skipped by Excel's SUM: the cached total must skip it too
  const skippedByExcel = (address: string | null) =>
    !c.convertTextNumbers && address !== null && textNumbers.has(address) && !accepted.has(address);

  // 2. blank budget cells
  const budget = a.budget;
  let budgetScore: number | null = budget?.score.written ?? null;
  if (budget?.cells.score && accepted.has(budget.cells.score))
    budgetScore = accepted.get(budget.cells.score) ?? budgetScore;
  if (budget && c.fillBudget) {
    const base =
      budget.adjusted !== null && budget.adjusted !== 0 ? budget.adjusted : budget.planned;
    const exec = budget.cells.executed;
    const baseCell = budget.cells.adjusted;
    // a live formula only over cells that hold the very numbers the rate was computed from
    const live =
      c.totalAs === "formula" &&
      exec !== null &&
      baseCell !== null &&
      base !== null &&
      budget.executed !== null &&
      budget.executed >= 0 &&
      out.number(exec) === budget.executed &&
      out.number(baseCell) === base;
    const rateCell = budget.cells.rate;
    if (
      rateCell &&
      budget.rate !== null &&
      base !== null &&
      budget.executed !== null &&
      isBlank(out.before(rateCell))
    ) {
      const hasPercent = (out.before(rateCell).numFmt ?? "").includes("%");
      const numFmt = hasPercent ? undefined : "0.00%";
      if (live)
        out.write(rateCell, "budgetRate", "预算执行率", {
          value: dec(budget.executed).dividedBy(base).toNumber(),
          formula: `=${exec}/${baseCell}`,
          numFmt,
        });
      else
        out.write(rateCell, "budgetRate", "预算执行率", {
          value: dec(budget.rate).dividedBy(100).toNumber(),
          numFmt,
        });
    }
    const scoreCell = budget.cells.score;
    const rule = budget.score.rule;
    if (scoreCell && rule !== null && isBlank(out.before(scoreCell)) && !accepted.has(scoreCell)) {
      const weightRef =
        out.number(budget.cells.weight) === budget.weight && budget.cells.weight
          ? budget.cells.weight
          : String(budget.weight);
      const ok = live
        ? out.write(scoreCell, "budgetScore", "预算执行得分", {
            value: rule,
            formula: `=${ROUNDF}(${weightRef}*MIN(${exec}/${baseCell},1),${d})`,
          })
        : out.write(scoreCell, "budgetScore", "预算执行得分", { value: rule });
      if (ok) budgetScore = rule;
    }
  }

  // 3. the total, from the scores as they will stand
  const scoreOf = (i: IndicatorRow) =>
    skippedByExcel(i.cells.score) ? 0 : (accepted.get(i.cells.score) ?? i.score ?? 0);
  if (skippedByExcel(budget?.cells.score ?? null)) budgetScore = 0;
  const naWeight = sum(na.map((i) => i.weight ?? 0));
  const exact = totalOf([budgetScore ?? 0, ...counted.map(scoreOf)], naWeight, profile.totalWeight);
  const total = round(exact, profile.rounding).toNumber();
  let totalCell = a.columns.score !== null ? a.total.cell : null;
  let totalWritten = false;
  const stated = a.total.status === "final" || a.total.status === "provisional";
  if (totalCell && !stated) {
    out.refusals.push({
      sheet: a.sheet,
      address: totalCell,
      reason: "notComputable",
      message: `${a.total.note ?? "总分暂无法计算"}：请先填写或更正这些单元格，再写回总分和绩效级别。`,
    });
    totalCell = null;
  }
  if (totalCell) {
    const budgetCell = budget?.cells.score ?? null;
    // the budget cell joins the formula only when it will hold a number (a "—" would make it #VALUE!)
    const budgetNumeric = budgetCell !== null && budgetScore !== null;
    const budgetTextual = budgetCell !== null && !budgetNumeric && !isBlank(out.before(budgetCell));
    const asFormula =
      c.totalAs === "formula" && naWeight.isZero() && !budgetTextual && counted.length > 0;
    if (asFormula) {
      const terms = [
        ...(budgetCell ? [budgetCell] : []),
        `SUM(${compactRanges(counted.map((i) => i.cells.score)).join(",")})`,
      ];
      let expr = terms.join("+");
      if (!exact.equals(total)) expr = `${ROUNDF}(${expr},${d})`;
      totalWritten = out.write(totalCell, "total", "总分", { value: total, formula: `=${expr}` });
    } else totalWritten = out.write(totalCell, "total", "总分", { value: total });
  }

  // 4. the grade: the form's cell, else the one the user named
  const gradeCell = a.grade.cell ?? c.gradeCell;
  const taken = gradeCell ? normalizeAddress(gradeCell) : null;
  if (taken && out.writes.some((w) => w.address === taken)) {
    out.refusals.push({
      sheet: a.sheet,
      address: taken,
      reason: "invalidAddress",
      message: `${taken} 已用于写入${out.writes.find((w) => w.address === taken)?.label}：请另选一个空单元格写入绩效级别。`,
    });
  } else if (gradeCell && a.total.status !== "final") {
    out.refusals.push({
      sheet: a.sheet,
      address: normalizeAddress(gradeCell) ?? gradeCell,
      reason: "notComputable",
      message:
        a.total.status === "provisional"
          ? `${a.total.note}：分值合计应为${profile.totalWeight}分，请先更正分值，再写回绩效级别。`
          : `${a.total.note ?? "总分暂无法计算"}：无法评定绩效级别。`,
    });
  } else if (gradeCell) {
    const label = gradeOf(total, profile);
    const current = totalCell ? out.number(totalCell) : null;
    const totalRight =
      totalWritten || (current !== null && dec(current).minus(total).abs().lessThan("0.005"));
    if (c.gradeAs === "formula" && totalCell && totalRight)
      out.write(gradeCell, "grade", "绩效级别", {
        value: label,
        formula: gradeFormula(totalCell, profile),
      });
    else out.write(gradeCell, "grade", "绩效级别", { value: label });
  }

  // 5. highlights: set on cells that still have an error, removed from the ones an earlier run marked
  const written = new Set(out.writes.map((w) => w.address));
  const previous = new Map(
    c.previousHighlights
      .filter((h) => h.sheet === a.sheet)
      .map((h) => [normalizeAddress(h.address) ?? h.address, h.fill])
  );
  const highlights: PlanChoices["previousHighlights"] = [];
  const marked = new Set<string>();
  if (c.highlightErrors)
    for (const f of a.findings) {
      if (f.severity !== "error" || f.sheet !== a.sheet) continue;
      const at = normalizeAddress(f.cell);
      if (!at) continue;
      const p = parseA1(at);
      const m = grid.masterOf(p.row, p.col);
      const address = toA1(m.row, m.col);
      if (written.has(address) || marked.has(address) || grid.protected) continue;
      marked.add(address);
      const original = previous.has(address)
        ? (previous.get(address) ?? null)
        : (out.before(address).fill ?? null);
      out.fill(address, HIGHLIGHT_FILL, "标记有错误的单元格");
      highlights.push({ sheet: a.sheet, address, fill: original });
    }
  for (const [address, fill] of previous) {
    if (marked.has(address) || !normalizeAddress(address) || grid.protected) continue;
    const w = out.writes.find((x) => x.address === address && !x.fillOnly);
    if (w) w.fill = fill;
    else out.fill(address, fill, "清除上次的错误标记");
  }
  for (const h of c.previousHighlights.filter((x) => x.sheet !== a.sheet)) highlights.push(h); // other forms' marks stay

  // 6. the report sheet, from the form as it will read after the writes
  const changed = out.writes.some((w) => !w.fillOnly);
  const after = c.report && changed ? analyze(gridAfter(grid, out.writes), profile) : a;
  const newSheets = c.report ? reportPlan(after, book, c.onRepeat).newSheets : [];
  return { sheet: a.sheet, writes: out.writes, newSheets, refusals: out.refusals, highlights };
}

/**
 * Only the 自评报告 sheet, from the form as it reads now (生成报告 writes no cell of the form). A second run replaces
 * the existing 自评报告 sheet (`onRepeat` "replace", the default) or adds “自评报告 (2)” ("new").
 */
export function reportPlan(
  a: Analysis,
  book: WorkbookGrids,
  onRepeat: OnRepeat = "replace"
): WritePlan {
  const doc = buildReport(a);
  const report = placeSheet(REPORT_SHEET_NAME, book, onRepeat, (names) => reportSheet(doc, names));
  return { sheet: a.sheet, writes: [], newSheets: [report], refusals: [] };
}

/**
 * 生成汇总表 in a workbook holding several 自评表 sheets: one new sheet 汇总, a row per form linking to its sheet.
 * Like the report, it writes no cell of the forms, and a second run replaces the 汇总 sheet unless told "new".
 */
export function summaryPlan(
  analyses: Analysis[],
  book: WorkbookGrids,
  file = "本工作簿",
  onRepeat: OnRepeat = "replace"
): WritePlan {
  if (!analyses.length) throw new Error("工作簿中没有可汇总的自评表。");
  const content = buildSummary(analyses.map((a) => toCheckJson(file, a)));
  const summary = placeSheet(SUMMARY_SHEET_NAME, book, onRepeat, (names) => {
    const [sheet] = summarySheets(content, { linkBase: () => "", existingSheetNames: names });
    return sheet;
  });
  return { sheet: analyses[0].sheet, writes: [], newSheets: [summary], refusals: [] };
}

/** The plan with the refused non-empty cells confirmed (what "覆盖" in the preview does). */
export function confirmOverwrites(
  a: Analysis,
  book: WorkbookGrids,
  choices: Partial<PlanChoices> = {}
): WritePlan {
  const first = plan(a, book, choices);
  const cells = first.refusals.filter((r) => r.reason === "nonEmpty").map((r) => r.address);
  if (!cells.length) return first;
  return plan(a, book, { ...choices, overwrite: [...(choices.overwrite ?? []), ...cells] });
}
