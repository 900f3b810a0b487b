// plan(analysis, book, choices) → WritePlan: every change the write-back makes, as data. Both gateways apply it;
// nothing here touches a workbook.
import { analyze } from "./analyze";
import { dec, round, sum } from "./decimal";
import { Grid, parseA1, rangeToA1, toA1, type WorkbookGrids } from "./grid";
import type { Analysis, IndicatorRow } from "./model";
import { gradeOf, type Profile } from "./profiles";
import { buildReport, reportSheet } from "./report";
import {
  DEFAULT_CHOICES,
  type CellSnapshot,
  type CellWrite,
  type PlanChoices,
  type Refusal,
  type RefusalReason,
  type WritePlan,
  type WritePurpose,
} from "./writePlan";
import { isAcceptableSuggestion } from "./suggestions";
import { totalOf } from "./score";

/** The fill of an error highlight (Excel's light red "bad" fill). */
export const HIGHLIGHT_FILL = "#FFC7CE";

/** "$h$28" → "H28"; null when not a cell address. */
export function normalizeAddress(address: string): string | null {
  try {
    const p = parseA1(address);
    return toA1(p.row, p.col);
  } catch {
    return null;
  }
}

function snapshot(grid: Grid, row: number, col: number): CellSnapshot {
  const cell = grid.get(row, col);
  const s: CellSnapshot = { value: cell?.value ?? null };
  if (cell?.formula) s.formula = `=${cell.formula.replace(/^=/, "")}`;
  if (cell?.numFmt) s.numFmt = cell.numFmt;
  if (cell?.fill !== undefined) s.fill = cell.fill;
  return s;
}

function isBlank(s: CellSnapshot): boolean {
  return (s.value === null || (typeof s.value === "string" && s.value.trim() === "")) && !s.formula;
}

function shown(s: CellSnapshot): string {
  if (s.value !== null && s.value !== "") return String(s.value);
  return s.formula ?? "";
}

/** Rows of one column as A1 ranges: H13:H27, or H13:H17,H19:H27 when rows are missing. */
export function compactRanges(addresses: string[]): string[] {
  const byCol = new Map<number, number[]>();
  const order: number[] = [];
  for (const a of addresses) {
    const p = parseA1(a);
    if (!byCol.has(p.col)) {
      byCol.set(p.col, []);
      order.push(p.col);
    }
    byCol.get(p.col)?.push(p.row);
  }
  const out: string[] = [];
  for (const col of order) {
    const rows = [...new Set(byCol.get(col) ?? [])].sort((x, y) => x - y);
    let start = rows[0];
    for (let k = 1; k <= rows.length; k++) {
      if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
      out.push(rangeToA1({ top: start, left: col, bottom: rows[k - 1], right: col }));
      start = rows[k];
    }
  }
  return out;
}

/** =IF(H28>=90,"优秀",IF(H28>=80,"良好",IF(H28>=60,"中等","较差"))) from the profile's bands. */
export function gradeFormula(totalCell: string, profile: Profile): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const bands = [...profile.grades].sort((x, y) => y.min - x.min);
  let expr = q(bands[bands.length - 1].label);
  for (let k = bands.length - 2; k >= 0; k--)
    expr = `IF(${totalCell}>=${bands[k].min},${q(bands[k].label)},${expr})`;
  return `=${expr}`;
}

function roundingFunction(profile: Profile): string {
  return profile.rounding.mode === "truncate" ? "ROUNDDOWN" : "ROUND";
}

class Builder {
  readonly writes: CellWrite[] = [];
  readonly refusals: Refusal[] = [];
  private readonly overwrite: Set<string>;

  constructor(
    private readonly grid: Grid,
    choices: PlanChoices
  ) {
    this.overwrite = new Set(choices.overwrite.map((x) => normalizeAddress(x) ?? x));
  }

  private refuse(address: string, reason: RefusalReason, message: string): void {
    this.refusals.push({ sheet: this.grid.sheet, address, message, reason });
  }

  /** The cell as it stands (value, formula, format, fill). */
  before(address: string): CellSnapshot {
    const p = parseA1(address);
    return snapshot(this.grid, p.row, p.col);
  }

  number(address: string | null): number | null {
    if (!address) return null;
    const v = this.before(address).value;
    return typeof v === "number" ? v : null;
  }

  /** Adds a write of a value or formula, or a Refusal saying why not. */
  write(
    rawAddress: string,
    purpose: WritePurpose,
    label: string,
    content: { value: string | number | null; formula?: string; numFmt?: string },
    confirmed = false
  ): boolean {
    const address = normalizeAddress(rawAddress);
    if (!address) {
      this.refuse(
        rawAddress,
        "invalidAddress",
        `“${rawAddress}”不是有效的单元格地址：请填写如 G29 这样的地址。`
      );
      return false;
    }
    const p = parseA1(address);
    if (this.grid.protected) {
      this.refuse(
        address,
        "protected",
        `工作表“${this.grid.sheet}”受保护，无法写入 ${address}（${label}）：请先在 Excel 中“审阅 → 撤销工作表保护”，再写回。`
      );
      return false;
    }
    if (!this.grid.isMaster(p.row, p.col)) {
      const m = this.grid.mergeAt(p.row, p.col);
      const master = m ? toA1(m.top, m.left) : address;
      this.refuse(
        address,
        "merged",
        `${address} 位于合并单元格 ${m ? rangeToA1(m) : address} 中，不是其左上角单元格，写入的内容不会显示：请改为写入 ${master}。`
      );
      return false;
    }
    const before = snapshot(this.grid, p.row, p.col);
    // already exactly what would be written (a second run on its own output): nothing to do, nothing to refuse
    const sameFormula =
      (before.formula ?? "").replace(/^=/, "") === (content.formula ?? "").replace(/^=/, "");
    if (
      sameFormula &&
      before.value === content.value &&
      (!content.numFmt || content.numFmt === before.numFmt)
    )
      return true;
    // the right value is already there (typed by hand): leave the user's cell alone unless they asked to replace it
    const sameValue =
      before.value === content.value ||
      (typeof before.value === "number" &&
        typeof content.value === "number" &&
        Math.abs(before.value - content.value) < 1e-9);
    if (sameValue && !confirmed && !this.overwrite.has(address)) return true;
    if (!isBlank(before) && !confirmed && !this.overwrite.has(address)) {
      this.refuse(
        address,
        "nonEmpty",
        `${address} 已有内容“${shown(before)}”：确认覆盖后再写回（${label}）。`
      );
      return false;
    }
    const w: CellWrite = {
      sheet: this.grid.sheet,
      address,
      value: content.value,
      before,
      purpose,
      label,
    };
    if (content.formula) w.formula = content.formula;
    if (content.numFmt) w.numFmt = content.numFmt;
    this.writes.push(w);
    return true;
  }

  fill(address: string, fill: string | null, label: string): void {
    const p = parseA1(address);
    if (this.grid.protected || !this.grid.isMaster(p.row, p.col)) return;
    this.writes.push({
      sheet: this.grid.sheet,
      address,
      value: null,
      fill,
      fillOnly: true,
      before: snapshot(this.grid, p.row, p.col),
      purpose: "highlight",
      label,
    });
  }
}

/** A copy of the grid with the plan's value writes applied: what the form will say afterwards. */
function gridAfter(grid: Grid, writes: CellWrite[]): Grid {
  const out = new Grid(grid.sheet, {
    merges: grid.merges,
    protected: grid.protected,
    mergesKnown: grid.mergesKnown,
  });
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (cell) out.set(r, c, { ...cell });
    }
  for (const w of writes) {
    if (w.fillOnly) continue;
    const p = parseA1(w.address);
    const old = grid.get(p.row, p.col);
    out.set(p.row, p.col, {
      value: w.value,
      ...(w.formula ? { formula: w.formula.replace(/^=/, "") } : {}),
      ...((w.numFmt ?? old?.numFmt) ? { numFmt: w.numFmt ?? old?.numFmt } : {}),
    });
  }
  return out;
}

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
  const scoreOf = (i: IndicatorRow) => accepted.get(i.cells.score) ?? i.score ?? 0;
  const naWeight = sum(na.map((i) => i.weight ?? 0));
  const exact = totalOf([budgetScore ?? 0, ...counted.map(scoreOf)], naWeight, profile.totalWeight);
  const total = round(exact, profile.rounding).toNumber();
  const totalCell = a.columns.score !== null ? a.total.cell : null;
  let totalWritten = false;
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
  const newSheets = [];
  if (c.report) {
    const changed = out.writes.some((w) => !w.fillOnly);
    const after = changed ? analyze(gridAfter(grid, out.writes), profile) : a;
    newSheets.push(
      reportSheet(
        buildReport(after),
        book.sheets.map((g) => g.sheet)
      )
    );
  }

  return { sheet: a.sheet, writes: out.writes, newSheets, refusals: out.refusals, highlights };
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
