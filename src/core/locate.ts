// Finding the blocks of a 自评表 by their header text, never by coordinates (SPEC §2).
import type { Grid } from "./grid";
import { normalizeLabel, stripParens } from "./text";

/** A header cell's text reduced for matching: NFKC, no spaces, no parenthesised parts. */
export function headerKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    key = stripParens(normalizeLabel(text)).replace(/[:：]$/, "");
    if (keyCache.size > 5000) keyCache.clear();
    keyCache.set(text, key);
  }
  return key;
}
// header texts repeat on every row of a long form; normalising each once keeps a 2,000-row check fast
const keyCache = new Map<string, string>();

/** Longest text that can still be a header or label: longer cells are content, not worth normalising. */
export const MAX_LABEL_LENGTH = 40;

const INDICATOR_SYNONYMS = {
  level1: ["一级指标", "一级"],
  level2: ["二级指标", "二级"],
  name: ["三级指标", "三级", "指标名称", "三级指标名称", "绩效指标名称"],
  target: [
    "年度指标值",
    "指标值",
    "年初目标值",
    "年度目标值",
    "目标值",
    "全年绩效目标",
    "全年调整绩效目标",
    "年度绩效目标值",
    "全年指标值",
  ],
  actual: [
    "实际完成值",
    "完成值",
    "全年实际值",
    "实际值",
    "全年目标实际完成情况",
    "全年实际完成值",
    "实际完成情况值",
  ],
  weight: ["分值", "权重", "指标分值", "权重分"],
  score: ["得分", "自评得分", "评分"],
  reason: [
    "偏差原因分析及改进措施",
    "未完成原因分析",
    "偏差原因",
    "偏差大或目标未完成原因分析",
    "偏差原因分析",
    "未完成原因分析及改进措施",
  ],
  measure: ["改进措施"],
  operator: ["指标性质", "指标方向"],
  unit: ["度量单位", "计量单位", "单位"],
} as const;

export type IndicatorRole = keyof typeof INDICATOR_SYNONYMS;

const ROLE_BY_SYNONYM = new Map<string, IndicatorRole>(
  (Object.keys(INDICATOR_SYNONYMS) as IndicatorRole[]).flatMap((role) =>
    INDICATOR_SYNONYMS[role].map((s) => [s, role] as const)
  )
);

function roleOf(key: string): IndicatorRole | null {
  const exact = ROLE_BY_SYNONYM.get(key);
  if (exact) return exact;
  // loose fallbacks for wordings not listed
  if (key.includes("原因")) return "reason";
  if (key.includes("改进措施")) return "measure";
  if (key.includes("三级指标")) return "name";
  if (key.endsWith("目标值") || key.endsWith("指标值")) return "target";
  if (key.includes("实际完成") || key.endsWith("完成值")) return "actual";
  if (key.includes("得分") && !key.includes("方法") && !key.includes("标准")) return "score";
  return null;
}

export interface IndicatorHeader {
  row: number;
  /** Leftmost column of the block (the 绩效指标 label column when present). */
  left: number;
  cols: Partial<Record<IndicatorRole, number>>;
}

/** Rows that look like an indicator header (a target and an actual column), top to bottom; `limit` stops early. */
export function findIndicatorHeaders(grid: Grid, limit = Infinity): IndicatorHeader[] {
  const found: IndicatorHeader[] = [];
  for (let r = 1; r <= grid.rows && found.length < limit; r++) {
    const cols: Partial<Record<IndicatorRole, number>> = {};
    let left = Infinity;
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      if (!t || t.length > MAX_LABEL_LENGTH) continue;
      const key = headerKey(t);
      const role = roleOf(key);
      // the block's label column: 绩效指标, or a block label such as 年度绩效目标(80分)
      if (!role && /^(绩效指标|指标|年度绩效目标|绩效目标)$/.test(key)) left = Math.min(left, c);
      if (role && cols[role] === undefined) {
        cols[role] = c;
        left = Math.min(left, c);
      }
    }
    if (
      cols.target !== undefined &&
      cols.actual !== undefined &&
      (cols.name !== undefined || cols.level2 !== undefined)
    ) {
      found.push({ row: r, left: Number.isFinite(left) ? left : 1, cols });
    }
  }
  return found;
}

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

export function findFundingHeader(grid: Grid, beforeRow: number): FundingHeader | null {
  for (let r = 1; r < beforeRow; r++) {
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

/** A label cell anywhere in rows [from, to]: first master cell whose key is one of `labels`. */
export function findLabel(
  grid: Grid,
  labels: readonly string[],
  from = 1,
  to = grid.rows
): { row: number; col: number } | null {
  for (let r = from; r <= to; r++)
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      if (t && t.length <= MAX_LABEL_LENGTH && labels.includes(headerKey(t)))
        return { row: r, col: c };
    }
  return null;
}

/** The first cell right of a label (past the label's merged area): its master. */
export function cellRightOf(
  grid: Grid,
  at: { row: number; col: number }
): { row: number; col: number } {
  const m = grid.mergeAt(at.row, at.col);
  const col = (m ? m.right : at.col) + 1;
  return grid.masterOf(at.row, col);
}

/** Text of the first non-empty cell right of a label on the same row. */
export function valueRightOf(
  grid: Grid,
  at: { row: number; col: number },
  maxCol = grid.cols
): { text: string; row: number; col: number } | null {
  const m = grid.mergeAt(at.row, at.col);
  for (let c = (m ? m.right : at.col) + 1; c <= maxCol; c++) {
    if (!grid.isMaster(at.row, c)) continue;
    const t = grid.text(at.row, c);
    if (t) return { text: t, row: at.row, col: c };
  }
  return null;
}

export const TOTAL_LABELS = ["总分", "合计", "总计", "合计得分", "总得分", "综合得分"];
export const GRADE_LABELS = [
  "绩效级别",
  "自评等级",
  "评价等级",
  "绩效等级",
  "等级",
  "自评结果",
  "评价结果",
];
