// Finding the blocks of a 自评表 by their header text, never by coordinates (SPEC §2).
import { boundedMemo } from "./memo";
import { toA1, type Grid } from "./grid";
import { headerKey, MAX_LABEL_LENGTH } from "./headerWords";

export {
  cellRightOf,
  findLabel,
  GRADE_LABELS,
  headerKey,
  MAX_LABEL_LENGTH,
  TOTAL_LABELS,
  valueRightOf,
} from "./headerWords";
export { findFundingHeader, type FundingHeader, type FundingRole } from "./locateFunding";

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
    "预期指标值",
    "预期目标值",
    "计划指标值",
  ],
  actual: [
    "实际完成值",
    "完成值",
    "全年实际值",
    "实际值",
    "全年目标实际完成情况",
    "全年实际完成值",
    "实际完成情况值",
    "实际完成情况",
    "指标完成情况",
    "全年完成值",
    "实际完成数",
  ],
  weight: ["分值", "权重", "指标分值", "权重分", "指标权重", "标准分", "标准分值"],
  score: ["得分", "自评得分", "评分", "自评分", "实际得分"],
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
  /** The header's last row: indicator rows start below it. */
  row: number;
  /** The header's first row: a header may be a band of up to 3 rows (三级指标 under a merged 绩效指标). */
  top: number;
  /** Leftmost column of the block (the 绩效指标 label column when present). */
  left: number;
  cols: Partial<Record<IndicatorRole, number>>;
  /** Each column's header cell (the master of a merged header), A1 style. */
  cells: Partial<Record<IndicatorRole, string>>;
}

/** Block label words in the leftmost column: 绩效指标, 年度绩效目标(80分), 年度绩效目标1, 序号. */
const BLOCK_LABEL = /^(绩效指标|指标|年度绩效指标|年度绩效目标\d*|绩效目标\d*|序号)$/;

/** The most rows a header band spans (三级指标 on a second row, a third for 指标性质/度量单位 under 指标值). */
const MAX_BAND = 3;

interface RowRoles {
  cols: Partial<Record<IndicatorRole, number>>;
  cells: Partial<Record<IndicatorRole, { row: number; col: number }>>;
  left: number;
}

/** Role of a header text; `strict` takes listed synonyms only (no loose fallback). */
function roleOfText(text: string, strict = false): IndicatorRole | null {
  if (!text || text.length > MAX_LABEL_LENGTH) return null;
  if (strict) return ROLE_BY_SYNONYM.get(headerKey(text)) ?? null;
  return looseRoleOf(text);
}
// the header scan looks at every short text of the sheet, and a long form repeats its labels on every row
const looseRoleOf = boundedMemo((text: string) => roleOf(headerKey(text)));

/**
 * The roles of the header cells over rows [top, bottom]: in each column the lowest row with a header word wins
 * (a merged 年度指标值 over 指标性质 | 指标值 | 度量单位 gives way to them); a merged cell counts on every row it
 * covers, and once (its first column).
 */
function bandRoles(grid: Grid, top: number, bottom: number): RowRoles {
  const cols: RowRoles["cols"] = {};
  const cells: RowRoles["cells"] = {};
  let left = Infinity;
  const seen = new Set<string>();
  for (let c = 1; c <= grid.cols; c++) {
    let role: IndicatorRole | null = null;
    let at: { row: number; col: number } | null = null;
    let label = false;
    for (let r = bottom; r >= top && !role; r--) {
      const t = grid.text(r, c);
      if (!t) continue;
      const m = grid.masterOf(r, c);
      const key = `${m.row},${m.col}`;
      const rr = roleOfText(t);
      if (rr) {
        if (seen.has(key)) break; // the same merged header seen in a column to the left
        seen.add(key);
        role = rr;
        at = m;
      } else if (t.length <= MAX_LABEL_LENGTH && BLOCK_LABEL.test(headerKey(t))) label = true;
    }
    if (label) left = Math.min(left, c);
    if (role && at && cols[role] === undefined) {
      cols[role] = c;
      cells[role] = at;
      left = Math.min(left, c);
    }
  }
  return { cols, cells, left };
}

function qualifies(cols: RowRoles["cols"]): boolean {
  return (
    cols.target !== undefined &&
    cols.actual !== undefined &&
    (cols.name !== undefined || cols.level2 !== undefined)
  );
}

/** A row that can be part of a header: some short header text, no number, no long text. */
function headerLikeRow(grid: Grid, row: number, strictWord: boolean): boolean {
  let word = false;
  for (let c = 1; c <= grid.cols; c++) {
    const v = grid.value(row, c);
    if (v === null || v === "") continue;
    if (typeof v === "number") return false;
    const t = String(v).trim();
    if (!t) continue;
    if (t.length > MAX_LABEL_LENGTH) return false;
    if (/^\s*[-+]?\d+(\.\d+)?\s*%?$/.test(t.normalize("NFKC"))) return false;
    if (roleOfText(t, strictWord) || BLOCK_LABEL.test(headerKey(t))) word = true;
  }
  return word;
}

/** Header word cells of a row that do not come from a merge reaching down from the row above. */
function ownHeaderWords(grid: Grid, row: number): number {
  let n = 0;
  for (let c = 1; c <= grid.cols; c++) {
    const m = grid.mergeAt(row, c);
    if (m && m.top < row) continue;
    if (!grid.isMaster(row, c)) continue;
    if (roleOfText(grid.text(row, c), true)) n++;
  }
  return n;
}

function emptyRow(grid: Grid, row: number): boolean {
  for (let c = 1; c <= grid.cols; c++) if (!grid.isEmpty(row, c)) return false;
  return true;
}

/** Every non-empty cell of the row belongs to a merged area that starts on a row above. */
function coveredFromAbove(grid: Grid, row: number): boolean {
  for (let c = 1; c <= grid.cols; c++) {
    if (grid.isEmpty(row, c)) continue;
    const m = grid.mergeAt(row, c);
    if (!m || m.top >= row) return false;
  }
  return true;
}

/** The band of rows [top, row] ending at `row`, when the header ends there; null otherwise. */
function bandEndingAt(
  grid: Grid,
  row: number,
  minTop: number
): { top: number; roles: RowRoles } | null {
  for (let h = 1; h <= MAX_BAND; h++) {
    const top = row - h + 1;
    if (top < minTop) break;
    // every row of a taller band must read as a header row (header words, no numbers, no long texts); a row
    // left empty inside it is a row under merged headers whose merges the source did not report
    let ok = true;
    for (let r = top; r <= row && ok && h > 1; r++)
      ok = headerLikeRow(grid, r, false) || (r > top && r < row && emptyRow(grid, r));
    if (!ok) break;
    const roles = bandRoles(grid, top, row);
    if (!qualifies(roles.cols)) continue;
    // a header row merged over two rows also qualifies on its own: its band starts where its merges start
    let first = top;
    for (const role of Object.keys(roles.cells) as IndicatorRole[]) {
      const m = grid.mergeAt(row, roles.cols[role] as number);
      if (m && m.top < first && m.top >= minTop && row - m.top < MAX_BAND) first = m.top;
    }
    return first === top ? { top, roles } : { top: first, roles: bandRoles(grid, first, row) };
  }
  return null;
}

/**
 * Header bands (a target, an actual and a name column over 1–3 rows), top to bottom; `limit` stops early.
 * A band found on one row grows down over the rows below it that hold more header words (指标性质 | 指标值 |
 * 度量单位 under a merged 年度指标值), so its `row` is always the last header row.
 */
export function findIndicatorHeaders(grid: Grid, limit = Infinity): IndicatorHeader[] {
  const found: IndicatorHeader[] = [];
  // a band needs header words: rows without any are passed over after one look (a 2,000-row form is mostly them)
  const wordRows: (boolean | undefined)[] = [];
  const hasWord = (r: number): boolean => {
    let w = wordRows[r];
    if (w === undefined) {
      w = false;
      for (let c = 1; c <= grid.cols && !w; c++) w = roleOfText(grid.text(r, c)) !== null;
      wordRows[r] = w;
    }
    return w;
  };
  for (let r = 1; r <= grid.rows && found.length < limit; r++) {
    const minTop = found.length ? found[found.length - 1].row + 1 : 1;
    let words = false;
    for (let k = r; k > r - MAX_BAND && k >= minTop && !words; k--) words = hasWord(k);
    if (!words) continue;
    const band = bandEndingAt(grid, r, minTop);
    if (!band) continue;
    // rows below with header words of their own (指标性质 | 指标值 | 度量单位) belong to the band; a row
    // covered entirely by merges from above (年度指标值 over two rows) is passed over on the way to them
    let bottom = r;
    for (let k = r + 1; k <= grid.rows && k - band.top < MAX_BAND; k++) {
      if (ownHeaderWords(grid, k) > 0 && headerLikeRow(grid, k, true)) bottom = k;
      else if (!coveredFromAbove(grid, k)) break;
    }
    const roles = bottom === r ? band.roles : bandRoles(grid, band.top, bottom);
    const cells: IndicatorHeader["cells"] = {};
    for (const role of Object.keys(roles.cells) as IndicatorRole[]) {
      const at = roles.cells[role] as { row: number; col: number };
      cells[role] = toA1(at.row, at.col);
    }
    found.push({
      row: bottom,
      top: band.top,
      left: Number.isFinite(roles.left) ? roles.left : 1,
      cols: roles.cols,
      cells,
    });
    r = bottom; // the next header starts below this one
  }
  return found;
}

/**
 * The first column of a second table beside this one (two forms side by side share the header row): where the
 * header words start again to the right of a complete set. Null when the header holds one table.
 */
export function sideBySideColumn(grid: Grid, header: IndicatorHeader): number | null {
  const seen = new Map<IndicatorRole, number[]>();
  for (let c = 1; c <= grid.cols; c++) {
    for (let r = header.top; r <= header.row; r++) {
      if (!grid.isMaster(r, c)) continue;
      const role = roleOfText(grid.text(r, c), true);
      if (!role) continue;
      const list = seen.get(role) ?? [];
      list.push(c);
      seen.set(role, list);
      break;
    }
  }
  const again = (role: IndicatorRole) => seen.get(role)?.[1];
  const target = again("target");
  const actual = again("actual");
  const name = again("name") ?? again("level2");
  if (target === undefined || actual === undefined || name === undefined) return null;
  const firstSetEnd = Math.max(
    ...[...seen.values()].map((cols) => cols[0]).filter((c) => c < Math.min(target, actual, name))
  );
  let split = Math.min(
    ...[...seen.values()].map((cols) => cols.find((c) => c > firstSetEnd) ?? Infinity)
  );
  if (!Number.isFinite(split)) return null;
  // the second table's 绩效指标 / 序号 column, just left of its first header word
  for (let r = header.top; r <= header.row; r++) {
    const t = grid.text(r, split - 1);
    if (split - 1 > firstSetEnd && t && BLOCK_LABEL.test(headerKey(t))) {
      split--;
      break;
    }
  }
  return split;
}

/** Canonical header words named in messages, by role. */
const ROLE_WORDS: Partial<Record<IndicatorRole, string>> = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
  reason: "偏差原因分析及改进措施",
};

/**
 * Why no indicator table was found, in words a user can act on: the header words found (with their cells) and
 * the ones missing. E.g. 找到了表头“三级指标”（C6）、“得分”（H5），但没有找到“年度指标值”“实际完成值”列。
 */
export function describeMissingHeader(grid: Grid): string {
  const found = new Map<IndicatorRole, { text: string; cell: string; row: number }>();
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      if (!grid.isMaster(r, c)) continue;
      const t = grid.text(r, c);
      const role = roleOfText(t, true);
      if (role && ROLE_WORDS[role] && !found.has(role))
        found.set(role, { text: t.replace(/\s+/g, ""), cell: toA1(r, c), row: r });
    }
  const sheet = `工作表“${grid.sheet}”${grid.hidden ? "（隐藏的工作表）" : ""}`;
  const required: IndicatorRole[] = ["name", "target", "actual"];
  const missing = required.filter(
    (role) => !found.has(role) && !(role === "name" && found.has("level2"))
  );
  if (found.size === 0)
    return `${sheet}中没有任何绩效指标表头：没有找到“三级指标”“年度指标值”“实际完成值”等列名（可为同义词）。`;
  const list = [...found.values()].map((f) => `“${f.text}”（${f.cell}）`).join("、");
  if (missing.length)
    return `${sheet}中找到了表头${list}，但没有找到${missing.map((m) => `“${ROLE_WORDS[m]}”`).join("")}列（可为同义词，如“指标值”“完成值”“指标名称”）。`;
  const rows = [...found.values()].map((f) => f.row);
  return `${sheet}中找到了表头${list}，但这些列名分散在第${Math.min(...rows)}至${Math.max(...rows)}行，不在相邻的${MAX_BAND}行之内，无法组成一个表头：请把指标表的列名放在同一行（或上下相邻的表头行）中。`;
}
