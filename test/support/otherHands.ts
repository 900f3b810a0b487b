// Forms laid out by other hands (issue 8): header bands, two tables on a sheet, 其中 rows, repeated block headers,
// weights in labels, a 年度总体目标 block with amounts, remark rows. One builder per variant; every number in
// them is chosen so the expected results can be worked out by hand (see the tests).
import { CellValue, Grid, colToLetters, parseA1, rangeToA1 } from "../../src/core/grid";

/** Rows written top to bottom from an origin; merges given relative to the origin column (0 = first column). */
export class SheetBuilder {
  private readonly cells = new Map<number, CellValue[]>();
  private readonly merges: string[] = [];
  row: number;
  readonly left: number;

  constructor(origin = "A1") {
    const o = parseA1(origin);
    this.row = o.row;
    this.left = o.col;
  }

  /** Writes one row (from the origin column) and returns its row number. */
  add(values: CellValue[]): number {
    const r = this.row++;
    this.cells.set(r, values);
    return r;
  }

  blank(): number {
    return this.add([]);
  }

  /** Writes one value into a row already added (relative column). */
  put(row: number, col: number, value: CellValue): void {
    const values = this.cells.get(row) ?? [];
    while (values.length <= col) values.push(null);
    values[col] = value;
    this.cells.set(row, values);
  }

  /** Merges rows r1..r2, columns c1..c2 (relative to the origin column). */
  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push(
      rangeToA1({ top: r1, left: this.left + c1, bottom: r2, right: this.left + c2 })
    );
  }

  /** Absolute address of (row, relative column). */
  at(row: number, col: number): string {
    return `${colToLetters(this.left + col)}${row}`;
  }

  grid(sheet = "附件1", options: { hidden?: boolean } = {}): Grid {
    const last = Math.max(0, ...this.cells.keys());
    const rows: CellValue[][] = [];
    for (let r = 1; r <= last; r++) {
      const values = this.cells.get(r) ?? [];
      rows.push([...Array<CellValue>(this.left - 1).fill(null), ...values]);
    }
    return Grid.fromRows(sheet, rows, { merges: this.merges, hidden: options.hidden });
  }
}

/** The same grid as an old Excel (ExcelApi < 1.13) reports it: values only, merged areas unknown. */
export function withoutMerges(grid: Grid): Grid {
  const g = new Grid(grid.sheet, { mergesKnown: false });
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (cell) g.set(r, c, cell);
    }
  return g;
}

export interface Ind {
  l1: string;
  l2: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
  reason?: string;
}

/**
 * The common form (central profile): budget 10 of 10 (50/50/50 万元), indicators 20+10+10+10+30+10 = 90,
 * scores 20 + 9 (900/1000 × 10) + 10 + 10 + 27 (achieved band 24–30) + 10 = 86; total 96, grade 优.
 */
export const KEPU: Ind[] = [
  {
    l1: "产出指标",
    l2: "数量指标",
    name: "科普讲座场次",
    target: "≥20场",
    actual: "20场",
    weight: 20,
    score: 20,
  },
  {
    l1: "产出指标",
    l2: "数量指标",
    name: "科普资料发放份数",
    target: "≥1000份",
    actual: "900份",
    weight: 10,
    score: 9,
    reason: "部分资料延期印制；下一步提前安排印制。",
  },
  {
    l1: "产出指标",
    l2: "质量指标",
    name: "活动验收合格率",
    target: "≥95%",
    actual: "98%",
    weight: 10,
    score: 10,
  },
  {
    l1: "产出指标",
    l2: "时效指标",
    name: "活动按时完成率",
    target: "=100%",
    actual: "100%",
    weight: 10,
    score: 10,
  },
  {
    l1: "效益指标",
    l2: "社会效益指标",
    name: "居民科学素质提升",
    target: "显著提升",
    actual: "达成年度指标",
    weight: 30,
    score: 27,
    reason: "个别社区宣传不足；下一步加强入户宣传。",
  },
  {
    l1: "满意度指标",
    l2: "服务对象满意度指标",
    name: "居民满意度",
    target: "≥90%",
    actual: "95%",
    weight: 10,
    score: 10,
  },
];

/** Hand-listed names, weights and scores of KEPU, as the reader must give them back. */
export const KEPU_READ = KEPU.map((i) => [i.name, i.weight, i.score]);

/**
 * Title, project, funding (50/50/50, 分值 `budgetWeight`, 得分 `budgetWeight`) and 年度总体目标 over `width`
 * columns (at least 8). Funding: 年初预算数 col 2, 全年预算数 3, 全年执行数 4, 分值 5, 执行率 6, 得分 7.
 */
export function preamble(
  b: SheetBuilder,
  options: { project?: string; width?: number; budgetWeight?: number } = {}
): void {
  const width = options.width ?? 9;
  const last = width - 1;
  const bw = options.budgetWeight ?? 10;
  let r = b.add(["项目支出绩效自评表"]);
  b.merge(r, 0, r, last);
  r = b.add(["（2024年度）"]);
  b.merge(r, 0, r, last);
  r = b.add(["项目名称", options.project ?? "社区科普活动"]);
  b.merge(r, 1, r, last);
  r = b.add(["主管部门", "某区科学技术协会", null, null, "实施单位", "某街道办事处"]);
  b.merge(r, 1, r, 3);
  b.merge(r, 5, r, last);
  const f = b.add([
    "项目资金（万元）",
    null,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ]);
  b.add([null, "年度资金总额", 50, 50, 50, bw, "100%", bw]);
  b.add([null, "其中：当年财政拨款", 50, 50, 50]);
  const e = b.add([null, "上年结转资金", 0, 0, 0]);
  b.merge(f, 0, e, 0);
  r = b.add([
    "年度总体目标",
    "开展科普讲座20场，发放科普资料1000份，提升居民科学素质。",
    null,
    null,
    null,
    "开展科普讲座20场，发放科普资料900份，居民科学素质明显提升。",
  ]);
  b.merge(r, 1, r, 4);
  b.merge(r, 5, r, last);
}

/**
 * Indicator rows from column `first` on: 一级 | 二级 | 三级 | then `valueCols` (in order, by key). 一级 and 二级
 * are merged over their runs. Returns the first and last row written.
 */
export function indicatorRows(
  b: SheetBuilder,
  inds: Ind[],
  layout: { first: number; values: (keyof Ind | null)[]; labelCol?: number }
): { first: number; last: number; rows: number[] } {
  const rows: number[] = [];
  for (const i of inds) {
    const values: CellValue[] = [];
    values[layout.first] = i.l1;
    values[layout.first + 1] = i.l2;
    values[layout.first + 2] = i.name;
    layout.values.forEach((k, n) => {
      values[layout.first + 3 + n] = k === null ? null : ((i[k] as CellValue | undefined) ?? null);
    });
    for (let c = 0; c < values.length; c++) if (values[c] === undefined) values[c] = null;
    rows.push(b.add(values));
  }
  // merge 一级 and 二级 over their runs, as real forms do (only the master keeps the text)
  for (const level of [0, 1] as const) {
    let start = 0;
    for (let k = 1; k <= inds.length; k++) {
      const key = (n: number) => (level === 0 ? inds[n].l1 : `${inds[n].l1}/${inds[n].l2}`);
      if (k === inds.length || key(k) !== key(start)) {
        b.merge(rows[start], layout.first + level, rows[k - 1], layout.first + level);
        start = k;
      }
    }
  }
  return { first: rows[0], last: rows[rows.length - 1], rows };
}

// the grid keeps only a merged area's master value: clear what indicatorRows wrote under the merges
function dropMergedCopies(grid: Grid): Grid {
  const g = new Grid(grid.sheet, {
    merges: grid.merges,
    hidden: grid.hidden,
    mergesKnown: grid.mergesKnown,
  });
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (cell && grid.isMaster(r, c)) g.set(r, c, cell);
    }
  return g;
}

const STD_VALUES: (keyof Ind)[] = ["target", "actual", "weight", "score", "reason"];

/** 总分 over columns 0..labelTo, 100 in the 分值 column, `total` in the 得分 column right of it. */
function totalRow(b: SheetBuilder, labelTo: number, weightCol: number, total: number): number {
  const values: CellValue[] = Array<CellValue>(weightCol + 2).fill(null);
  values[0] = "总分";
  values[weightCol] = 100;
  values[weightCol + 1] = total;
  const r = b.add(values);
  b.merge(r, 0, r, labelTo);
  return r;
}

// ---------------------------------------------------------------- header bands

/**
 * Two header rows: 三级指标 and 指标值 on the second row under a merged 年度绩效指标; 一级, 二级, 实际完成值,
 * 分值, 得分 and 偏差原因 merged over both rows; 绩效指标 merged down the first column. Header B13:I14.
 */
export function twoRowHeader(): Grid {
  const b = new SheetBuilder();
  preamble(b);
  const h1 = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "年度绩效指标",
    null,
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const h2 = b.add([null, null, null, "三级指标", "指标值"]);
  for (const c of [1, 2, 5, 6, 7, 8]) b.merge(h1, c, h2, c);
  b.merge(h1, 3, h1, 4);
  const rows = indicatorRows(b, KEPU, { first: 1, values: STD_VALUES });
  b.merge(h1, 0, rows.last, 0);
  totalRow(b, 5, 6, 96);
  return dropMergedCopies(b.grid());
}

/** The two-row header as ExcelApi < 1.13 reports it: merged areas unknown, each text in its first cell only. */
export function twoRowHeaderMergesUnknown(): Grid {
  return withoutMerges(twoRowHeader());
}

/**
 * Three header rows (Sichuan style): 年度指标值 merged over two rows and three columns, with 指标性质 | 指标值 |
 * 度量单位 under it; the other headers merged over all three rows.
 */
export function threeRowHeader(): Grid {
  const b = new SheetBuilder();
  preamble(b, { width: 11 });
  const h1 = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    null,
    null,
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  b.add([]);
  const h3 = b.add([null, null, null, null, "指标性质", "指标值", "度量单位"]);
  for (const c of [0, 1, 2, 3, 7, 8, 9, 10]) b.merge(h1, c, h3, c);
  b.merge(h1, 4, h1 + 1, 6);
  const split: Record<string, [string, CellValue, string, CellValue]> = {
    科普讲座场次: ["≥", 20, "场", 20],
    科普资料发放份数: ["≥", 1000, "份", 900],
    活动验收合格率: ["≥", 95, "%", 98],
    活动按时完成率: ["=", 100, "%", 100],
    居民科学素质提升: ["定性", "显著提升", "", "达成年度指标"],
    居民满意度: ["≥", 90, "%", 95],
  };
  const inds = KEPU.map((i) => {
    const [op, value, unit, actual] = split[i.name];
    return { ...i, op, value, unit, target: value, actual } as Ind & Record<string, CellValue>;
  });
  const rows: number[] = [];
  for (const i of inds) {
    rows.push(
      b.add([
        null,
        i.l1,
        i.l2,
        i.name,
        i.op as CellValue,
        i.value as CellValue,
        i.unit as CellValue,
        i.actual,
        i.weight,
        i.score,
        i.reason ?? null,
      ])
    );
  }
  b.merge(rows[0], 1, rows[3], 1);
  b.merge(rows[0], 2, rows[1], 2);
  b.merge(h1, 0, rows[rows.length - 1], 0);
  totalRow(b, 7, 8, 96);
  return dropMergedCopies(b.grid());
}

/**
 * Two header rows the other way round: 绩效指标 merged across 一级..三级 on the first row with 一级指标 | 二级指标 |
 * 三级指标 below it; 年度指标值, 实际完成值 merged over both rows; 分值 | 得分 under a merged 自评情况, and
 * 偏差原因 | 改进措施 under a merged 偏差原因分析及改进措施. Header A10:J11, no 绩效指标 label column.
 */
export function twoRowHeaderLevelsBelow(): Grid {
  const b = new SheetBuilder();
  preamble(b, { width: 10 });
  const h1 = b.add([
    "绩效指标",
    null,
    null,
    "年度指标值",
    "实际完成值",
    "自评情况",
    null,
    "偏差原因分析及改进措施",
    null,
  ]);
  const h2 = b.add([
    "一级指标",
    "二级指标",
    "三级指标",
    null,
    null,
    "分值",
    "得分",
    "偏差原因",
    "改进措施",
  ]);
  b.merge(h1, 0, h1, 2);
  b.merge(h1, 3, h2, 3);
  b.merge(h1, 4, h2, 4);
  b.merge(h1, 5, h1, 6);
  b.merge(h1, 7, h1, 8);
  const inds = KEPU.map((i) => ({ ...i, measure: i.reason ? "加强统筹。" : undefined }));
  const rows: number[] = [];
  for (const i of inds)
    rows.push(
      b.add([
        i.l1,
        i.l2,
        i.name,
        i.target,
        i.actual,
        i.weight,
        i.score,
        i.reason ?? null,
        i.measure ?? null,
      ])
    );
  b.merge(rows[0], 0, rows[3], 0);
  b.merge(rows[0], 1, rows[1], 1);
  totalRow(b, 4, 5, 96);
  return dropMergedCopies(b.grid());
}

/** The three-row header as ExcelApi < 1.13 reports it: the middle header row comes back empty. */
export function threeRowHeaderMergesUnknown(): Grid {
  return withoutMerges(threeRowHeader());
}

/**
 * Starts at C4, a 序号 column before 一级, header words written with line breaks, spaces and full-width
 * brackets, over two rows (三级 | 年度指标值 under a merged 指标内容), and an empty column between 三级指标 and
 * 年度指标值; 合计 for 总分.
 */
export function twoRowHeaderAtC4(): Grid {
  const b = new SheetBuilder("C4");
  preamble(b, { width: 10 });
  const h1 = b.add([
    "序号",
    "一级\n指标",
    "二级 指标",
    "指标内容",
    null,
    null,
    "实际\n完成值",
    "分值（分）",
    "得 分",
    "偏差原因分析\n及改进措施",
  ]);
  const h2 = b.add([null, null, null, "三级\n指标", null, "年度\n指标值"]);
  for (const c of [0, 1, 2, 6, 7, 8, 9]) b.merge(h1, c, h2, c);
  b.merge(h1, 3, h1, 5);
  const rows: number[] = [];
  KEPU.forEach((i, n) =>
    rows.push(
      b.add([
        n + 1,
        i.l1,
        i.l2,
        i.name,
        null,
        i.target,
        i.actual,
        i.weight,
        i.score,
        i.reason ?? null,
      ])
    )
  );
  b.merge(rows[0], 1, rows[3], 1);
  b.merge(rows[0], 2, rows[1], 2);
  const t = b.add(["合计", null, null, null, null, null, null, 100, 96]);
  b.merge(t, 0, t, 6);
  return dropMergedCopies(b.grid());
}

/**
 * The 年度总体目标 block as a labelled row of its own (年度总体目标 | 预期目标 | 实际完成情况: short header-like
 * words, one of them close to 实际完成值) right above a one-row indicator header.
 */
export function goalLabelsRightAboveHeader(): Grid {
  const b = new SheetBuilder();
  let r = b.add(["项目名称", "社区科普活动"]);
  b.merge(r, 1, r, 8);
  r = b.add(["年度总体目标", "开展科普讲座20场。", null, null, null, "开展科普讲座20场。"]);
  const g = b.add([null, "预期目标", null, null, null, "实际完成情况"]);
  b.merge(r, 0, g, 0);
  b.merge(r, 1, r, 4);
  b.merge(r, 5, r, 8);
  b.merge(g, 1, g, 4);
  b.merge(g, 5, g, 8);
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const rows = indicatorRows(b, KEPU, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  return dropMergedCopies(b.grid());
}

/**
 * A row of column numbers under the header, as many printed forms have: 1 | 2 | 3 | 4 | 5 | 6 | 7=6×5/4 | 8
 * (`codes: "circled"` writes ①…⑧ instead).
 */
export function columnNumbersUnderHeader(codes: "digits" | "circled" = "digits"): Grid {
  const b = new SheetBuilder();
  preamble(b);
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  b.add(
    codes === "digits"
      ? [null, 1, 2, 3, 4, 5, 6, "(7)=(6)*(5)/(4)", 8]
      : [null, "①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"]
  );
  const rows = indicatorRows(b, KEPU, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  totalRow(b, 5, 6, 96);
  return dropMergedCopies(b.grid());
}

/** A single header row whose words are not all synonyms: no table (for the not-found message). */
export function headerWithUnknownWords(): Grid {
  const b = new SheetBuilder("B3");
  b.add(["一级指标", "二级指标", "三级指标", "目标", "完成情况", "分值", "得分"]);
  b.add(["产出指标", "数量指标", "科普讲座场次", "≥20场", "20场", 20, 20]);
  return b.grid("自评表");
}

/** All header words present, but five rows apart: no band holds them. */
export function scatteredHeader(): Grid {
  const b = new SheetBuilder();
  b.add(["一级指标", "二级指标", "三级指标", "年度指标值"]);
  for (let k = 0; k < 4; k++) b.add(["说明文字"]);
  b.add([null, null, null, null, "实际完成值", "分值", "得分"]);
  return b.grid("Sheet1");
}

// ---------------------------------------------------------------- two tables, hidden sheets

/**
 * Two project forms one below the other, each with title, project, funding, header and 总分. The second
 * (老年健康讲座) has indicators 60 + 30 weights, scores 60 + 24 (qualitative partial), total 10 + 84 = 94.
 */
export function twoTablesOneSheet(): Grid {
  const b = new SheetBuilder();
  standardTable(b, KEPU, 96);
  b.blank();
  b.blank();
  standardTable(b, LAONIAN, 94, "老年健康讲座");
  return dropMergedCopies(b.grid());
}

export const LAONIAN: Ind[] = [
  {
    l1: "产出指标",
    l2: "数量指标",
    name: "健康讲座场次",
    target: "≥12场",
    actual: "12场",
    weight: 60,
    score: 60,
  },
  {
    l1: "满意度指标",
    l2: "服务对象满意度指标",
    name: "老年人满意度",
    target: "满意",
    actual: "基本满意",
    weight: 30,
    score: 24,
    reason: "部分讲座内容偏难；下一步调整讲座内容。",
  },
];

/** A whole standard form: preamble, one-row header, indicators, 总分. */
export function standardTable(b: SheetBuilder, inds: Ind[], total: number, project?: string): void {
  preamble(b, { project });
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const rows = indicatorRows(b, inds, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  totalRow(b, 5, 6, total);
}

/** Two forms with no 总分 row and no blank row between them: the second one's title ends the first. */
export function twoTablesNoTotals(): Grid {
  const b = new SheetBuilder();
  for (const [inds, project] of [
    [KEPU, "社区科普活动"],
    [LAONIAN, "老年健康讲座"],
  ] as const) {
    preamble(b, { project });
    const h = b.add([
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ]);
    const rows = indicatorRows(b, [...inds], { first: 1, values: STD_VALUES });
    b.merge(h, 0, rows.last, 0);
  }
  return dropMergedCopies(b.grid());
}

/**
 * Two forms side by side on one sheet (A..I and K..S, column J left empty): 社区科普活动 on the left,
 * 老年健康讲座 on the right, each with its own preamble, header and 总分.
 */
export function twoTablesSideBySide(): Grid {
  const left = new SheetBuilder("A1");
  standardTable(left, KEPU, 96);
  const right = new SheetBuilder("K1");
  standardTable(right, LAONIAN, 94, "老年健康讲座");
  const a = dropMergedCopies(left.grid());
  const b = dropMergedCopies(right.grid());
  const g = new Grid("附件1", { merges: [...a.merges, ...b.merges] });
  for (const src of [a, b])
    for (let r = 1; r <= src.rows; r++)
      for (let c = 1; c <= src.cols; c++) {
        const cell = src.get(r, c);
        if (cell) g.set(r, c, cell);
      }
  return g;
}

/** Two tables with no preamble between them: the first ends with its 总分 row, a new header follows. */
export function twoTablesAfterTotal(): Grid {
  const b = new SheetBuilder();
  standardTable(b, KEPU, 96);
  const h = b.add([
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  void h;
  const rows = indicatorRows(b, LAONIAN, {
    first: 0,
    values: ["target", "actual", "weight", "score", "reason"],
  });
  const t = b.add(["总分", null, null, null, null, 90, 84]);
  b.merge(t, 0, t, 4);
  void rows;
  return dropMergedCopies(b.grid());
}

// ---------------------------------------------------------------- rows that are not indicators

/**
 * Breakdown rows under 科普讲座场次: “其中：线上讲座” and “线下讲座” (no 分值/得分), and under 居民满意度
 * “其中:老年居民满意度” (half-width colon). Everything else as KEPU.
 */
export function breakdownRows(): Grid {
  const b = new SheetBuilder();
  preamble(b);
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const with_: Ind[] = [
    KEPU[0],
    {
      ...KEPU[0],
      name: "其中：线上讲座",
      target: "≥8场",
      actual: "8场",
      weight: null,
      score: null,
    },
    { ...KEPU[0], name: "线下讲座", target: "≥12场", actual: "12场", weight: null, score: null },
    ...KEPU.slice(1),
    {
      ...KEPU[5],
      name: "其中: 老年居民满意度",
      target: "≥90%",
      actual: "93%",
      weight: null,
      score: null,
    },
  ];
  const rows = indicatorRows(b, with_, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  totalRow(b, 5, 6, 96);
  return dropMergedCopies(b.grid());
}

/**
 * The parent announces its breakdown: “科普讲座场次，其中：” (20 of 20) with “线上讲座” and “线下讲座” below it,
 * neither with a 分值 or 得分.
 */
export function breakdownAnnouncedByParent(): Grid {
  const b = new SheetBuilder();
  preamble(b);
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const inds: Ind[] = [
    { ...KEPU[0], name: "科普讲座场次，其中：" },
    { ...KEPU[0], name: "线上讲座", target: "≥8场", actual: "8场", weight: null, score: null },
    { ...KEPU[0], name: "线下讲座", target: "≥12场", actual: "12场", weight: null, score: null },
    ...KEPU.slice(1),
  ];
  const rows = indicatorRows(b, inds, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  totalRow(b, 5, 6, 96);
  return dropMergedCopies(b.grid());
}

/** Hubei style (no 分值 column) with a “（其中）” breakdown row whose 得分 is empty. */
export function breakdownRowsNoWeightColumn(): Grid {
  const b = new SheetBuilder();
  preamble(b, { budgetWeight: 20, width: 8 });
  const h = b.add([
    "年度绩效目标（80分）",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const inds: Ind[] = [
    { ...HUBEI1[0], name: "培训人次（20分）" },
    {
      ...HUBEI1[0],
      name: "（其中）线上培训人次",
      target: "≥200人次",
      actual: "230人次",
      score: null,
    },
    { ...HUBEI1[1], name: "培训合格率（10分）" },
    { ...HUBEI1[2], name: "按时完成率（10分）", score: 10, actual: "100%" },
    { ...HUBEI2[0], name: "就业率（20分）" },
    { ...HUBEI2[1], name: "学员满意度（20分）" },
  ];
  const rows = indicatorRows(b, inds, {
    first: 1,
    values: ["target", "actual", "score", "reason"],
  });
  b.merge(h, 0, rows.last, 0);
  const t = b.add(["总分", null, null, null, null, null, 98]);
  b.merge(t, 0, t, 5);
  return dropMergedCopies(b.grid());
}

/**
 * No 总分 row; below the indicators a remark row “其他需要说明事项 | 无” (label over 一级..三级, 无 across the
 * values), then a signature line. `firstColumn` puts the remark label in the first column only, `备注` writes a
 * 备注 row, `before总分` puts the remark row above a 总分 row.
 */
export function trailingRemarkRows(
  variant: "merged" | "firstColumn" | "备注" | "before总分" = "merged"
): Grid {
  const b = new SheetBuilder();
  preamble(b);
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const rows = indicatorRows(b, KEPU, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  if (variant === "merged") {
    const r = b.add(["其他需要说明事项", null, null, null, "无"]);
    b.merge(r, 0, r, 3);
    b.merge(r, 4, r, 8);
  } else if (variant === "firstColumn") {
    const r = b.add(["其他需要说明的事项：", "无"]);
    b.merge(r, 1, r, 8);
  } else if (variant === "备注") {
    const r = b.add(["备注", "本表金额单位为万元"]);
    b.merge(r, 1, r, 8);
  } else {
    const r = b.add(["其他需要说明事项", null, null, null, "无"]);
    b.merge(r, 0, r, 3);
    b.merge(r, 4, r, 8);
    totalRow(b, 5, 6, 96);
    return dropMergedCopies(b.grid());
  }
  b.add(["填表人：张三", null, null, null, "联系电话：12345678"]);
  return dropMergedCopies(b.grid());
}

/**
 * A 年度总体目标 block that breaks the goal down into amounts written in the funding columns (30 + 20 万元),
 * right below the funding rows. Only 当年财政拨款 and 上年结转资金 are 其中 rows (50 + 0 = 50).
 */
export function goalBlockWithAmounts(labelMerged = true): Grid {
  const b = new SheetBuilder();
  let r = b.add(["项目支出绩效自评表"]);
  b.merge(r, 0, r, 8);
  r = b.add(["项目名称", "社区科普活动"]);
  b.merge(r, 1, r, 8);
  const f = b.add([
    "项目资金（万元）",
    null,
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ]);
  b.add([null, "年度资金总额", 50, 50, 50, 10, "100%", 10]);
  b.add([null, "其中：当年财政拨款", 50, 50, 50]);
  const e = b.add([null, "上年结转资金", 0, 0, 0]);
  b.merge(f, 0, e, 0);
  const g1 = b.add(["年度总体目标", "科普讲座", 30, 30, 30]);
  const g2 = b.add([labelMerged ? null : "", "科普资料印制", 20, 20, 20]);
  if (labelMerged) b.merge(g1, 0, g2, 0);
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const rows = indicatorRows(b, KEPU, { first: 1, values: STD_VALUES });
  b.merge(h, 0, rows.last, 0);
  totalRow(b, 5, 6, 96);
  return dropMergedCopies(b.grid());
}

// ---------------------------------------------------------------- repeated block headers, weights in labels

/** Block 1 of the Hubei-style forms: 20 + 10 + 10 = 40; scores 20, 10, 10. */
export const HUBEI1: Ind[] = [
  {
    l1: "产出指标",
    l2: "数量指标",
    name: "培训人次",
    target: "≥500人次",
    actual: "520人次",
    weight: 20,
    score: 20,
  },
  {
    l1: "产出指标",
    l2: "质量指标",
    name: "培训合格率",
    target: "≥90%",
    actual: "95%",
    weight: 10,
    score: 10,
  },
  {
    l1: "产出指标",
    l2: "时效指标",
    name: "按时完成率",
    target: "=100%",
    actual: "95%",
    weight: 10,
    score: 9.5,
    reason: "两期培训因场地延后；下一步提前预订场地。",
  },
];

/** Block 2: 20 + 20 = 40; scores 18 (54/60 × 20) and 20. Total with budget 20: 20 + 39.5 + 38 = 97.5. */
export const HUBEI2: Ind[] = [
  {
    l1: "效益指标",
    l2: "社会效益指标",
    name: "就业率",
    target: "≥60%",
    actual: "54%",
    weight: 20,
    score: 18,
    reason: "部分学员继续升学；下一步加强就业指导。",
  },
  {
    l1: "满意度指标",
    l2: "服务对象满意度指标",
    name: "学员满意度",
    target: "≥90%",
    actual: "92%",
    weight: 20,
    score: 20,
  },
];

type BlockStyle = "leftColumn" | "titleRow" | "besideRows";

/**
 * 年度绩效目标1（40分） and 年度绩效目标2（40分）, each block with its own header row: the label merged down the
 * first column over its header and rows (`leftColumn`), over its rows only with the header's cell there
 * blank (`besideRows`), or on a title row across the table above the header (`titleRow`). With `weights: false` there is no 分值 column and the names carry （N分）, one per block
 * unlabelled (按时完成率: 40 − 20 − 10 = 10; 学员满意度: 40 − 20 = 20), and 按时完成率 is scored 10 (rule 9.5).
 */
export function repeatedBlockHeaders(style: BlockStyle, weights = true): Grid {
  const b = new SheetBuilder();
  const width = weights ? 9 : 8;
  preamble(b, { budgetWeight: 20, width });
  const headerWords = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "实际完成值",
    ...(weights ? ["分值"] : []),
    "得分",
    "偏差原因分析及改进措施",
  ];
  const values: (keyof Ind)[] = weights
    ? ["target", "actual", "weight", "score", "reason"]
    : ["target", "actual", "score", "reason"];
  const label = (n: number, inds: Ind[]): Ind[] =>
    weights
      ? inds
      : inds.map((i, k) => ({
          ...i,
          name: k === inds.length - 1 ? i.name : `${i.name}（${String(i.weight)}分）`,
          ...(n === 1 && k === 2 ? { score: 10 } : {}),
        }));
  for (const [n, inds] of [
    [1, HUBEI1],
    [2, HUBEI2],
  ] as const) {
    const blockLabel = `年度绩效目标${n}（40分）`;
    if (style === "titleRow") {
      const t = b.add([blockLabel]);
      b.merge(t, 0, t, width - 2);
      b.add(headerWords);
      indicatorRows(b, label(n, [...inds]), { first: 0, values });
    } else if (style === "besideRows") {
      // the header row leaves the label column blank; the label is merged over the block's rows only
      b.add([null, ...headerWords]);
      const rows = indicatorRows(b, label(n, [...inds]), { first: 1, values });
      b.merge(rows.first, 0, rows.last, 0);
      b.put(rows.first, 0, blockLabel);
    } else {
      const h = b.add([blockLabel, ...headerWords]);
      const rows = indicatorRows(b, label(n, [...inds]), { first: 1, values });
      b.merge(h, 0, rows.last, 0);
    }
  }
  const total = weights ? 97.5 : 98;
  const scoreCol = (style === "titleRow" ? 0 : 1) + (weights ? 6 : 5);
  const t = b.add([
    "总分",
    ...Array<CellValue>(scoreCol - (weights ? 2 : 1)).fill(null),
    ...(weights ? [100] : []),
    total,
  ]);
  b.merge(t, 0, t, scoreCol - (weights ? 2 : 1));
  return dropMergedCopies(b.grid());
}

/**
 * No 分值 column; weights printed at every level: 产出指标（50分） with 数量指标（30分） holding 科普讲座场次
 * （20分） and an unlabelled 科普资料发放份数 (30 − 20 = 10), 质量 and 时效 labelled 10 each; 效益指标（30分）
 * with one unlabelled indicator (30); 满意度指标（10分） with 居民满意度 unlabelled (10). `twoUnlabelled` leaves
 * both 质量 and 时效 unlabelled too, under an unlabelled 二级: their weights cannot be known separately.
 */
export function weightsInLabels(twoUnlabelled = false): Grid {
  const b = new SheetBuilder();
  preamble(b, { width: 8 });
  const h = b.add([
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "得分",
    "偏差原因分析及改进措施",
  ]);
  const inds: Ind[] = [
    { ...KEPU[0], l1: "产出指标（50分）", l2: "数量指标（30分）", name: "科普讲座场次（20分）" },
    { ...KEPU[1], l1: "产出指标（50分）", l2: "数量指标（30分）" },
    {
      ...KEPU[2],
      l1: "产出指标（50分）",
      l2: twoUnlabelled ? "质量时效指标" : "质量指标",
      name: twoUnlabelled ? KEPU[2].name : "活动验收合格率（10分）",
    },
    {
      ...KEPU[3],
      l1: "产出指标（50分）",
      l2: twoUnlabelled ? "质量时效指标" : "时效指标",
      name: twoUnlabelled ? KEPU[3].name : "活动按时完成率（10分）",
    },
    { ...KEPU[4], l1: "效益指标（30分）" },
    { ...KEPU[5], l1: "满意度指标（10分）" },
  ];
  const rows = indicatorRows(b, inds, {
    first: 1,
    values: ["target", "actual", "score", "reason"],
  });
  b.merge(h, 0, rows.last, 0);
  const t = b.add(["总分", null, null, null, null, null, 96]);
  b.merge(t, 0, t, 5);
  return dropMergedCopies(b.grid());
}
