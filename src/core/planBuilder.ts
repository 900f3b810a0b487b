// The cell-level half of the write-back planner: addresses, snapshots, the Builder that records each write with
// what the cell held before (the undo), or a Refusal saying why not.
import { Grid, parseA1, rangeToA1, toA1 } from "./grid";
import type { Profile } from "./profiles";
import type {
  CellSnapshot,
  CellWrite,
  PlanChoices,
  Refusal,
  RefusalReason,
  WritePurpose,
} from "./writePlan";

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

export function isBlank(s: CellSnapshot): boolean {
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

export function roundingFunction(profile: Profile): string {
  return profile.rounding.mode === "truncate" ? "ROUNDDOWN" : "ROUND";
}

export class Builder {
  readonly writes: CellWrite[] = [];
  readonly refusals: Refusal[] = [];
  private readonly overwrite: Set<string>;
  /** A protected sheet refuses here, unless the host checks each cell's lock itself. */
  private readonly refuseProtected: boolean;

  constructor(
    private readonly grid: Grid,
    choices: PlanChoices
  ) {
    this.overwrite = new Set(choices.overwrite.map((x) => normalizeAddress(x) ?? x));
    this.refuseProtected = grid.protected && !choices.lockedCellsChecked;
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
    if (this.refuseProtected) {
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
export function gridAfter(grid: Grid, writes: CellWrite[]): Grid {
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
