// Finding the funding block (年初预算数 / 全年预算数 / 全年执行数 …) of a 自评表 by its header text.
// Split out of locate.ts; every export here is re-exported there.
import type { Grid } from "./grid";
import { headerKey, MAX_LABEL_LENGTH } from "./headerWords";

const FUNDING_SYNONYMS = {
  planned: ["年初预算数", "年初预算"],
  adjusted: ["全年预算数", "调整后预算数", "全年调整预算数", "预算数", "全年预算"],
  executed: ["全年执行数", "全年执行", "预算执行数", "执行数"],
  weight: ["分值", "权重", "执行率权重"],
  rate: ["执行率", "预算执行率"],
  score: ["得分", "执行率得分"],
} as const;

export type FundingRole = keyof typeof FUNDING_SYNONYMS;

export interface FundingHeader {
  row: number;
  /** The block label cell (项目资金（万元）, 预算执行情况(万元)(20分), 资金情况), if any. */
  labelCell: { row: number; col: number } | null;
  labelText: string;
  cols: Partial<Record<FundingRole, number>>;
  /** Every header cell's raw text by role, e.g. 分值(10分). */
  rawHeaders: Partial<Record<FundingRole, string>>;
}

export function findFundingHeader(
  grid: Grid,
  beforeRow: number,
  fromRow = 1
): FundingHeader | null {
  for (let r = fromRow; r < beforeRow; r++) {
    const cols: Partial<Record<FundingRole, number>> = {};
    const rawHeaders: Partial<Record<FundingRole, string>> = {};
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      if (!t || t.length > MAX_LABEL_LENGTH) continue;
      const key = headerKey(t);
      for (const role of Object.keys(FUNDING_SYNONYMS) as FundingRole[]) {
        if (cols[role] !== undefined) continue;
        if ((FUNDING_SYNONYMS[role] as readonly string[]).includes(key)) {
          cols[role] = c;
          rawHeaders[role] = t;
          break;
        }
      }
    }
    if (
      cols.executed !== undefined &&
      (cols.adjusted !== undefined || cols.planned !== undefined)
    ) {
      const firstAmount = Math.min(
        ...[cols.planned, cols.adjusted, cols.executed].filter((x): x is number => x !== undefined)
      );
      let labelCell: FundingHeader["labelCell"] = null;
      let labelText = "";
      for (let c = 1; c < firstAmount; c++) {
        const t = grid.text(r, c);
        if (t) {
          labelCell = grid.masterOf(r, c);
          labelText = t;
          break;
        }
      }
      return { row: r, labelCell, labelText, cols, rawHeaders };
    }
  }
  return null;
}
