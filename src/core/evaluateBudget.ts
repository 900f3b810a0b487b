// The budget part of the model (SPEC §4 预算执行): which amounts the rate is computed from — the 年度资金总额 row,
// the 其中 rows where that row is blank, or the written 执行率 when no amount is written at all.
import { Decimal, dec, round, sum } from "./decimal";
import { toA1 } from "./grid";
import type { Budget } from "./model";
import type { ParsedForm } from "./parse";
import type { Profile } from "./profiles";
import { budgetRule } from "./score";

export type AmountColumn = "planned" | "adjusted" | "executed";

export interface BudgetFacts {
  budget: Budget;
  /** Columns of the 年度资金总额 row that were blank (or 0) and were taken from the 其中 rows' sum. */
  filledColumns: AmountColumn[];
  /** Σ 其中 rows per column, null when none written. */
  subSums: Record<AmountColumn, Decimal | null>;
  /** The amount the rate is computed against, and whether it is the adjusted (全年预算数) one. */
  base: string | null;
  baseIsAdjusted: boolean;
  executedAmount: string | null;
  /** No amount is written: the rate is the written 执行率, taken as evidence. */
  fromWrittenRate: boolean;
  /** Exact rate (in %) and score; null when neither amounts nor a written rate give one. */
  exact: { rate: Decimal; score: Decimal } | null;
}

const COLUMNS: AmountColumn[] = ["planned", "adjusted", "executed"];

export function budgetFacts(form: ParsedForm, profile: Profile): BudgetFacts | null {
  const fu = form.funding;
  if (!fu) return null;
  const total = fu.totalRow;
  const toNumber = (s: string | null | undefined) =>
    s === null || s === undefined ? null : Number(s);
  const subSum = (key: AmountColumn) => {
    const xs = fu.subRows.map((r) => r[key]).filter((x): x is string => x !== null);
    return xs.length ? sum(xs) : null;
  };
  const subSums = {
    planned: subSum("planned"),
    adjusted: subSum("adjusted"),
    executed: subSum("executed"),
  };
  const amounts: Record<AmountColumn, string | null> = {
    planned: total?.planned ?? null,
    adjusted: total?.adjusted ?? null,
    executed: total?.executed ?? null,
  };
  const isBlank = (x: string | null) => x === null || dec(x).isZero();
  // a blank (or 0) amount on the 年度资金总额 row, where the 其中 rows hold one: theirs is the figure (SPEC §2)
  const filledColumns: AmountColumn[] = [];
  if (total)
    for (const key of COLUMNS) {
      const s = subSums[key];
      // 年初预算数 may really be 0 (a project added during the year): only fill it with the others
      if (key === "planned" && !isBlank(amounts.adjusted)) continue;
      if (isBlank(amounts[key]) && s && s.greaterThan(0)) {
        amounts[key] = s.toString();
        filledColumns.push(key);
      }
    }
  const { planned, adjusted, executed } = amounts;
  const baseIsAdjusted = adjusted !== null && !dec(adjusted).isZero();
  const base = baseIsAdjusted ? adjusted : planned;
  const weight = fu.weight.value ?? fu.declaredWeight ?? profile.budgetWeight;
  // written rate: "50%", 0.5 formatted as %, a ratio 1, or 99.97 meaning %
  let writtenRate: number | null = null;
  if (fu.rate.value !== null)
    writtenRate = fu.rate.percent
      ? fu.rate.value
      : fu.rate.value <= 1.5
        ? dec(fu.rate.value).times(100).toNumber()
        : fu.rate.value;
  let exact = executed !== null && base !== null ? budgetRule(executed, base, weight) : null;
  // no amounts at all, but a written 执行率: evidence of the rate, not nothing
  const fromWrittenRate =
    exact === null && executed === null && base === null && writtenRate !== null;
  if (fromWrittenRate && writtenRate !== null) {
    const rate = dec(writtenRate).lessThan(0) ? new Decimal(0) : dec(writtenRate);
    exact = {
      rate,
      score: dec(weight).times(rate.greaterThan(100) ? 1 : rate.dividedBy(100)),
    };
  }
  const cellOf = (col: number | undefined) =>
    total && col !== undefined ? toA1(total.row, col) : null;
  const cols = fu.header.cols;
  return {
    filledColumns,
    subSums,
    base,
    baseIsAdjusted,
    executedAmount: executed,
    fromWrittenRate,
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
