// The five real filled-in forms of /work/shared/domain/EXAMPLES.md, transcribed into Grids laid out the way such a
// form looks in a spreadsheet (title, year, 项目名称 / 主管部门 / 实施单位, funding block, 年度总体目标, indicator
// block, 总分 row). Header texts, amounts, rates and scores are those of the example; the names of units and the
// 年度总体目标 texts are invented. Every value the example leaves open is marked "CHOSEN" below.
//
// `cells` gives the A1 addresses the tests refer to, by meaning. `exampleForm(id)` builds a fresh grid on every
// call (tests may write into it); `EXAMPLE_FORMS` holds one copy of each, built at load time.

import { CellValue, Grid, lettersToCol, parseA1 } from "../../src/core/grid";

export type ExampleFormId =
  | "hubei-ezhou-2022"
  | "hubei-yuye-2020"
  | "beijing-haidian-2016"
  | "chongqing-zhongxian-2024"
  | "hubei-fuwumaoyi-2020";

export interface ExampleIndicatorCells {
  /** Master cell of the 一级 label (merged vertically); absent when the form has no 一级 column. */
  level1?: string;
  /** Master cell of the 二级 label (merged vertically over its rows). */
  level2: string;
  /** The 三级 name cell. */
  name: string;
  target: string;
  actual: string;
  weight?: string;
  /** The 得分计算方法 cell (Haidian only). */
  method?: string;
  score: string;
  reason?: string;
}

export interface ExampleCells {
  title: string;
  year: string;
  projectName: string;
  department: string;
  implementer: string;
  /** A separate "单位：元" note (Chongqing). */
  unitNote?: string;
  fundingHeaderRow: number;
  /** Label of the funding row that carries the rate and the score. */
  budgetLabel: string;
  /** Amount cells of that row. `budget` is the denominator of the rate (预算数 / 全年(调整)预算数, or 年初预算数 when
   *  the form has no other); `initial` is the 年初预算数 cell where the form has one. */
  budgetAmounts: { initial?: string; budget: string; executed: string };
  /** Chongqing: the 年度总金额 row above the 其中:财政拨款 row (amounts only; its rate/weight/score cells are empty). */
  fundingTotal?: { label: string; initial: string; budget: string; executed: string };
  budgetWeight?: string;
  budgetRate: string;
  budgetScore: string;
  budgetMethod?: string;
  goalExpected?: string;
  goalActual?: string;
  indicatorHeaderRow: number;
  /** The leading label cell (绩效指标, 年度绩效目标(80分)) merged down the indicator block, when there is one. */
  indicatorLabel?: string;
  /** Weight-bearing labels as written (一级 labels and the block label) → their master cell. */
  blockLabels: Record<string, string>;
  /** By 三级 name as written. */
  indicators: Record<string, ExampleIndicatorCells>;
  totalRow: number;
  totalLabel: string;
  totalScore: string;
  totalWeight?: string;
}

export interface ExampleForm {
  id: ExampleFormId;
  title: string;
  profile: "central" | "hubei" | "sichuan" | "xicheng";
  grid: Grid;
  cells: ExampleCells;
}

// ---------------------------------------------------------------------------------------------------------------
// Builder

type RowSpec = Partial<Record<string, CellValue>>;

class SheetBuilder {
  private readonly rows: CellValue[][] = [];
  private readonly merges: string[] = [];
  private readonly formats: { address: string; numFmt: string }[] = [];

  /** Appends a row given as { A: value, C: value, … }; merges use "#" for this row ("A#:G#"). Returns the row. */
  row(spec: RowSpec, merges: string[] = []): number {
    const r = this.rows.length + 1;
    const cells: CellValue[] = [];
    for (const [letters, v] of Object.entries(spec)) {
      if (v === undefined) continue;
      const c = lettersToCol(letters);
      while (cells.length < c) cells.push(null);
      cells[c - 1] = v;
    }
    this.rows.push(cells);
    for (const m of merges) this.merges.push(m.replace(/#/g, String(r)));
    return r;
  }

  merge(range: string): void {
    this.merges.push(range);
  }

  format(address: string, numFmt: string): void {
    this.formats.push({ address, numFmt });
  }

  build(sheet: string): Grid {
    const grid = Grid.fromRows(sheet, this.rows, { merges: this.merges });
    for (const f of this.formats) {
      const { row, col } = parseA1(f.address);
      grid.set(row, col, { value: grid.get(row, col)?.value ?? null, numFmt: f.numFmt });
    }
    return grid;
  }
}

interface IndicatorSpec {
  l1?: string;
  l2: string;
  name: string;
  target: CellValue;
  actual: CellValue;
  weight?: number;
  method?: string;
  score: number;
  reason?: string;
  /** Number formats for numeric target/actual cells (e.g. "0%"). */
  targetFmt?: string;
  actualFmt?: string;
}

/** Column letters of the indicator block. */
interface IndicatorLayout {
  l1?: string;
  l2: string;
  name: string;
  target: string;
  actual: string;
  weight?: string;
  method?: string;
  score: string;
  reason?: string;
}

/** Writes indicator rows; 一级/二级 are written once per run and merged vertically over it. */
function indicatorRows(
  b: SheetBuilder,
  lay: IndicatorLayout,
  items: IndicatorSpec[]
): {
  indicators: Record<string, ExampleIndicatorCells>;
  blockLabels: Record<string, string>;
  lastRow: number;
} {
  const indicators: Record<string, ExampleIndicatorCells> = {};
  const blockLabels: Record<string, string> = {};
  let l1Start = 0;
  let l2Start = 0;
  let prev: IndicatorSpec | undefined;
  let lastRow = 0;
  const closeRun = (col: string | undefined, start: number, end: number) => {
    if (col && start && end > start) b.merge(`${col}${start}:${col}${end}`);
  };
  for (const it of items) {
    const newL1 = !prev || prev.l1 !== it.l1;
    const newL2 = newL1 || prev?.l2 !== it.l2;
    const spec: RowSpec = {
      [lay.name]: it.name,
      [lay.target]: it.target,
      [lay.actual]: it.actual,
      [lay.score]: it.score,
    };
    if (lay.l1 && newL1) spec[lay.l1] = it.l1 ?? null;
    if (newL2) spec[lay.l2] = it.l2;
    if (lay.weight && it.weight !== undefined) spec[lay.weight] = it.weight;
    if (lay.method && it.method !== undefined) spec[lay.method] = it.method;
    if (lay.reason && it.reason !== undefined) spec[lay.reason] = it.reason;
    const row = b.row(spec);
    if (newL1 && prev) closeRun(lay.l1, l1Start, row - 1);
    if (newL2 && prev) closeRun(lay.l2, l2Start, row - 1);
    if (newL1) {
      l1Start = row;
      if (lay.l1 && it.l1) blockLabels[it.l1] = `${lay.l1}${row}`;
    }
    if (newL2) l2Start = row;
    if (it.targetFmt) b.format(`${lay.target}${row}`, it.targetFmt);
    if (it.actualFmt) b.format(`${lay.actual}${row}`, it.actualFmt);
    indicators[it.name] = {
      level1: lay.l1 ? `${lay.l1}${l1Start}` : undefined,
      level2: `${lay.l2}${l2Start}`,
      name: `${lay.name}${row}`,
      target: `${lay.target}${row}`,
      actual: `${lay.actual}${row}`,
      weight: lay.weight ? `${lay.weight}${row}` : undefined,
      method: lay.method ? `${lay.method}${row}` : undefined,
      score: `${lay.score}${row}`,
      reason: lay.reason ? `${lay.reason}${row}` : undefined,
    };
    if (!lay.l1) delete indicators[it.name].level1;
    for (const k of ["weight", "method", "reason"] as const)
      if (indicators[it.name][k] === undefined) delete indicators[it.name][k];
    prev = it;
    lastRow = row;
  }
  closeRun(lay.l1, l1Start, lastRow);
  closeRun(lay.l2, l2Start, lastRow);
  return { indicators, blockLabels, lastRow };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Hubei style: 鄂州市科学技术协会, 2022, 科学普及经费 (no 分值 column, budget worth 20)
//
// Columns A 一级 | B 二级 | C 三级 | D 年初目标值(A) | E 实际完成值(B) | F 得分 | G 偏差原因分析及改进措施.
// Expected: BUDGET_SCORE (19 vs 19.99); rate 99.97 written without %; COLUMN_MISSING (no 分值); 9场 of 10场 with an
// empty reason cell. CHOSEN: the reason column exists and is empty on every row; 总分 = 19 + 63 = 82.

function buildEzhou(): { grid: Grid; cells: ExampleCells } {
  const b = new SheetBuilder();
  const title = b.row({ A: "项目支出绩效自评表" }, ["A#:G#"]);
  const year = b.row({ A: "（2022年度）" }, ["A#:G#"]);
  const name = b.row({ A: "项目名称", B: "科学普及经费" }, ["B#:G#"]);
  const dept = b.row(
    { A: "主管部门", B: "鄂州市科学技术协会", D: "实施单位", E: "鄂州市科学技术协会（本级）" },
    ["B#:C#", "E#:G#"]
  );
  const fh = b.row(
    {
      A: "预算执行情况(万元)(20分)",
      C: "预算数(A)",
      D: "执行数(B)",
      E: "执行率(B/A)",
      F: "得分(20分*执行率)",
    },
    ["A#:B#"]
  );
  const fr = b.row({ A: "年度财政资金总额", C: 104, D: 103.97, E: 99.97, F: 19 }, ["A#:B#"]);
  const g1 = b.row({ A: "年度总体目标", B: "预期目标", E: "实际完成情况" }, ["B#:D#", "E#:G#"]);
  const g2 = b.row(
    {
      B: "围绕全民科学素质提升，开展全国科普日、科普宣传、网络竞赛等科普活动，运维“科普鄂州”微信公众号，推动公民科学文化素质稳步提升。",
      E: "按计划开展各项科普活动，“科普鄂州”微信公众号和《科协之窗-身边的科普》栏目正常运维，公民科学文化素质进一步提升。",
    },
    ["B#:D#", "E#:G#"]
  );
  b.merge(`A${g1}:A${g2}`);
  const ih = b.row({
    A: "一级",
    B: "二级",
    C: "三级",
    D: "年初目标值(A)",
    E: "实际完成值(B)",
    F: "得分",
    G: "偏差原因分析及改进措施",
  });
  const { indicators, blockLabels } = indicatorRows(
    b,
    { l1: "A", l2: "B", name: "C", target: "D", actual: "E", score: "F", reason: "G" },
    [
      {
        l1: "产出指标",
        l2: "数量指标",
        name: "“科普鄂州”微信公众号运维",
        target: "不少于800篇",
        actual: "800篇",
        score: 8,
      },
      {
        l1: "产出指标",
        l2: "数量指标",
        name: "开展全国科普日专题科普活动",
        target: "10场",
        actual: "9场",
        score: 7,
      },
      {
        l1: "产出指标",
        l2: "数量指标",
        name: "《科协之窗-身边的科普》栏目",
        target: "200期",
        actual: "200期",
        score: 8,
      },
      {
        l1: "产出指标",
        l2: "质量指标",
        name: "科普知识网络竞赛",
        target: "提高普及率",
        actual: "稳步提升",
        score: 6,
      },
      {
        l1: "产出指标",
        l2: "质量指标",
        name: "科普宣传栏内容更新",
        target: "知识更新率",
        actual: "实时更新",
        score: 6,
      },
      {
        l1: "产出指标",
        l2: "成本指标",
        name: "预算控制数",
        target: "≤104万元",
        actual: "103.97万元",
        score: 10,
      },
      {
        l1: "效益指标",
        l2: "社会效益指标",
        name: "公民科学文化素质",
        target: "提升10%",
        actual: "提升10%",
        score: 6,
      },
      {
        l1: "效益指标",
        l2: "经济效益指标",
        name: "公民支持科技经济融合发展",
        target: "提升10%",
        actual: "提升10%",
        score: 6,
      },
      {
        l1: "效益指标",
        l2: "生态效益指标",
        name: "生态文明理念和意识",
        target: "提升10%",
        actual: "提升10%",
        score: 6,
      },
    ]
  );
  const tr = b.row({ A: "总分", F: 82 }, ["A#:E#"]);
  return {
    grid: b.build("附件1"),
    cells: {
      title: `A${title}`,
      year: `A${year}`,
      projectName: `B${name}`,
      department: `B${dept}`,
      implementer: `E${dept}`,
      fundingHeaderRow: fh,
      budgetLabel: `A${fr}`,
      budgetAmounts: { budget: `C${fr}`, executed: `D${fr}` },
      budgetRate: `E${fr}`,
      budgetScore: `F${fr}`,
      goalExpected: `B${g2}`,
      goalActual: `E${g2}`,
      indicatorHeaderRow: ih,
      blockLabels,
      indicators,
      totalRow: tr,
      totalLabel: `A${tr}`,
      totalScore: `F${tr}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Hubei style: 渔业成品油价格改革补贴, 2020 (no 一级 column at all)
//
// Columns A 二级 | B 三级 | C 年初目标值(A) | D 实际完成值(B) | E 得分 | F 偏差原因分析及改进措施.
// Expected: 20 + 20 + 10 + 10 + 40 = 100; rate written as the ratio 1; no 一级 column; reasons 无.
// CHOSEN: 时效指标 target and actual (the example's "[100%?]") are the text "100%"; 渔船补贴发放率 is held as the number
// 1 formatted "0%" (target and actual), the satisfaction target as the text "90%"; no 年度总体目标 block; names of
// 主管部门 / 实施单位 invented (洪湖市).

function buildYuye(): { grid: Grid; cells: ExampleCells } {
  const b = new SheetBuilder();
  const title = b.row({ A: "项目支出绩效自评表" }, ["A#:F#"]);
  const year = b.row({ A: "（2020年度）" }, ["A#:F#"]);
  const name = b.row({ A: "项目名称", B: "渔业成品油价格改革补贴" }, ["B#:F#"]);
  const dept = b.row(
    { A: "主管部门", B: "洪湖市农业农村局", C: "实施单位", D: "洪湖市渔业渔政管理局" },
    ["D#:F#"]
  );
  const fh = b.row({
    A: "预算执行情况(20分)",
    B: "预算数(A)",
    C: "执行数(B)",
    D: "执行率(B/A)",
    E: "得分(20分*执行率)",
  });
  const fr = b.row({ A: "年度财政资金总额", B: 1.56, C: 1.56, D: 1, E: 20 });
  const ih = b.row({
    A: "二级",
    B: "三级",
    C: "年初目标值(A)",
    D: "实际完成值(B)",
    E: "得分",
    F: "偏差原因分析及改进措施",
  });
  const { indicators, blockLabels } = indicatorRows(
    b,
    { l2: "A", name: "B", target: "C", actual: "D", score: "E", reason: "F" },
    [
      { l2: "数量指标", name: "补贴渔船数", target: 6, actual: 6, score: 20, reason: "无" },
      {
        l2: "质量指标",
        name: "渔船补贴发放率",
        target: 1,
        actual: 1,
        targetFmt: "0%",
        actualFmt: "0%",
        score: 10,
        reason: "无",
      },
      {
        l2: "时效指标",
        name: "12月底之前完成",
        target: "100%",
        actual: "100%",
        score: 10,
        reason: "无",
      },
      {
        l2: "服务对象满意度",
        name: "退捕渔民抽样调查满意度",
        target: "90%",
        actual: "≥90%",
        score: 40,
        reason: "无",
      },
    ]
  );
  const tr = b.row({ A: "总分", E: 100 }, ["A#:D#"]);
  return {
    grid: b.build("Sheet1"),
    cells: {
      title: `A${title}`,
      year: `A${year}`,
      projectName: `B${name}`,
      department: `B${dept}`,
      implementer: `D${dept}`,
      fundingHeaderRow: fh,
      budgetLabel: `A${fr}`,
      budgetAmounts: { budget: `B${fr}`, executed: `C${fr}` },
      budgetRate: `D${fr}`,
      budgetScore: `E${fr}`,
      indicatorHeaderRow: ih,
      blockLabels,
      indicators,
      totalRow: tr,
      totalLabel: `A${tr}`,
      totalScore: `E${tr}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Beijing 2016: 海淀区学院路街道, 自管道路清扫保洁外包工作经费 (a 得分计算方法 column, 分值 before the values)
//
// Columns A 绩效指标 (merged down) | B 一级指标 | C 二级指标 | D 三级指标 | E 分值 | F 年度指标值(A) | G 全年实际值(B) |
// H 得分计算方法 | I 得分 | J 未完成原因分析. Funding: A:D label | E 年初预算数(A) | F 全年执行数(B) | G 分值(10分) |
// H 执行率(B/A) | I 得分 | J 得分计算方法.
// Expected (only): BUDGET_RATE (50% vs 49.88%); budget score 5 vs 4.99 (rounding warning); no 全年预算数 column, so the
// rate uses 年初预算数; REASON_MISSING for the 50% execution (the funding block has no reason cell).
// CHOSEN: every indicator after the first (the example gives only the first, and not its values): target/actual of
// the first row ("100%" / "100%"), the other 产出 rows at 12.5 each (质量/时效/成本), 效益指标(30分) = 15 + 15,
// 满意度指标(10分) = 10; all met, full scores, reasons empty; 总分 100 / 95.

function buildHaidian(): { grid: Grid; cells: ExampleCells } {
  const b = new SheetBuilder();
  const title = b.row({ A: "项目支出绩效自评表" }, ["A#:J#"]);
  const year = b.row({ A: "（2016年度）" }, ["A#:J#"]);
  const name = b.row({ A: "项目名称", B: "自管道路清扫保洁外包工作经费" }, ["B#:J#"]);
  const dept = b.row(
    {
      A: "主管部门",
      B: "北京市海淀区人民政府学院路街道办事处",
      F: "实施单位",
      G: "学院路街道城市管理科",
    },
    ["B#:E#", "G#:J#"]
  );
  const fh = b.row(
    {
      A: "项目资金(万元)",
      E: "年初预算数(A)",
      F: "全年执行数(B)",
      G: "分值(10分)",
      H: "执行率(B/A)",
      I: "得分",
      J: "得分计算方法",
    },
    ["A#:D#"]
  );
  const fr = b.row(
    {
      A: "年度资金总额",
      E: 310.2,
      F: 154.74,
      G: 10,
      H: 0.5,
      I: 5,
      J: "执行率*该指标分值，最高不得超过分值上限。",
    },
    ["A#:D#"]
  );
  b.format(`H${fr}`, "0%");
  const g1 = b.row({ A: "年度总体目标", B: "预期目标", F: "实际完成情况" }, ["B#:E#", "F#:J#"]);
  const g2 = b.row(
    {
      B: "通过购买服务方式完成辖区自管道路清扫保洁工作，保持道路环境整洁，改善辖区居民出行环境。",
      F: "辖区自管道路清扫保洁工作按合同完成，道路环境整洁，居民出行环境得到改善。",
    },
    ["B#:E#", "F#:J#"]
  );
  b.merge(`A${g1}:A${g2}`);
  const quant = "完成比例*该指标分值，最高不得超过分值上限。";
  const qual = "达到预期得满分，未达到酌情扣分。";
  const ih = b.row({
    A: "绩效指标",
    B: "一级指标",
    C: "二级指标",
    D: "三级指标",
    E: "分值",
    F: "年度指标值(A)",
    G: "全年实际值(B)",
    H: "得分计算方法",
    I: "得分",
    J: "未完成原因分析",
  });
  const { indicators, blockLabels, lastRow } = indicatorRows(
    b,
    {
      l1: "B",
      l2: "C",
      name: "D",
      weight: "E",
      target: "F",
      actual: "G",
      method: "H",
      score: "I",
      reason: "J",
    },
    [
      {
        l1: "产出指标(50分)",
        l2: "数量指标",
        name: "是否完成绩效目标申报表中申报的数量",
        weight: 12.5,
        target: "100%",
        actual: "100%",
        method: quant,
        score: 12.5,
      },
      {
        l1: "产出指标(50分)",
        l2: "质量指标",
        name: "道路清扫保洁质量达标率",
        weight: 12.5,
        target: "≥95%",
        actual: "96%",
        method: quant,
        score: 12.5,
      },
      {
        l1: "产出指标(50分)",
        l2: "时效指标",
        name: "清扫保洁作业按时完成率",
        weight: 12.5,
        target: "100%",
        actual: "100%",
        method: quant,
        score: 12.5,
      },
      {
        l1: "产出指标(50分)",
        l2: "成本指标",
        name: "清扫保洁外包合同金额",
        weight: 12.5,
        target: "≤310.2万元",
        actual: "154.74万元",
        method: "控制在预算以内得满分，超出按比例扣分。",
        score: 12.5,
      },
      {
        l1: "效益指标(30分)",
        l2: "社会效益指标",
        name: "辖区道路环境卫生状况",
        weight: 15,
        target: "明显改善",
        actual: "明显改善",
        method: qual,
        score: 15,
      },
      {
        l1: "效益指标(30分)",
        l2: "可持续影响指标",
        name: "道路保洁长效管理机制",
        weight: 15,
        target: "有效运行",
        actual: "运行良好",
        method: qual,
        score: 15,
      },
      {
        l1: "满意度指标(10分)",
        l2: "服务对象满意度指标",
        name: "辖区居民满意度",
        weight: 10,
        target: "≥90%",
        actual: "92%",
        method: quant,
        score: 10,
      },
    ]
  );
  b.merge(`A${ih}:A${lastRow}`);
  const tr = b.row({ A: "总分", E: 100, I: 95 }, ["A#:D#", "F#:H#"]);
  return {
    grid: b.build("自评表"),
    cells: {
      title: `A${title}`,
      year: `A${year}`,
      projectName: `B${name}`,
      department: `B${dept}`,
      implementer: `G${dept}`,
      fundingHeaderRow: fh,
      budgetLabel: `A${fr}`,
      budgetAmounts: { initial: `E${fr}`, budget: `E${fr}`, executed: `F${fr}` },
      budgetWeight: `G${fr}`,
      budgetRate: `H${fr}`,
      budgetScore: `I${fr}`,
      budgetMethod: `J${fr}`,
      goalExpected: `B${g2}`,
      goalActual: `F${g2}`,
      indicatorHeaderRow: ih,
      indicatorLabel: `A${ih}`,
      blockLabels,
      indicators,
      totalRow: tr,
      totalLabel: `A${tr}`,
      totalWeight: `E${tr}`,
      totalScore: `I${tr}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Chongqing 2024: 忠县科学技术协会 (amounts in 元 with thousands separators)
//
// Funding: A:B 资金情况 | C 年初预算数 | D 全年(调整)预算数 | E 全年执行数 | F 执行率 | G 执行率权重 | H 执行率得分; the
// rate/weight/score are on the 其中:财政拨款 row, the 年度总金额 row holds amounts only.
// Indicators: A 绩效指标 (merged down) | B 一级指标 | C 二级指标 | D 三级指标 | E 年度指标值 | F 实际完成值 | G 分值 |
// H 得分 | I 偏差原因分析及改进措施.
// Expected: 96.8517% → 9.6852 → 9.69; 9.68 written (truncation: rounding warning, not an error).
// CHOSEN: the example has no indicator table: the four rows below (产出 25 + 25, 效益 30, 满意度 10; all met, full
// scores, reasons empty) are invented; "单位：元" note in H5; 总分 100 / 99.68 (= 9.68 + 90); the 年度总体目标 texts.
// Note: the rate 96.85% is below 100%, and the funding block has no reason cell; a checker applying the central
// reason threshold (100%) to the budget may report that too.

function buildZhongxian(): { grid: Grid; cells: ExampleCells } {
  const b = new SheetBuilder();
  const title = b.row({ A: "项目支出绩效自评表" }, ["A#:I#"]);
  const year = b.row({ A: "（2024年度）" }, ["A#:I#"]);
  const name = b.row({ A: "项目名称", C: "科学技术普及专项经费" }, ["A#:B#", "C#:I#"]);
  const dept = b.row(
    { A: "主管部门", C: "忠县科学技术协会", E: "实施单位", F: "忠县科学技术协会" },
    ["A#:B#", "C#:D#", "F#:I#"]
  );
  const unit = b.row({ H: "单位：元" }, ["H#:I#"]);
  const fh = b.row(
    {
      A: "资金情况",
      C: "年初预算数",
      D: "全年(调整)预算数",
      E: "全年执行数",
      F: "执行率",
      G: "执行率权重",
      H: "执行率得分",
    },
    ["A#:B#"]
  );
  const ft = b.row({ A: "年度总金额", C: "3,724,055.00", D: "4,764,453.11", E: "4,614,453.11" }, [
    "A#:B#",
  ]);
  const fr = b.row(
    {
      A: "其中:财政拨款",
      C: "3,724,055.00",
      D: "4,764,453.11",
      E: "4,614,453.11",
      F: 96.85,
      G: 10,
      H: 9.68,
    },
    ["A#:B#"]
  );
  b.format(`F${fr}`, "0.00");
  b.format(`G${fr}`, "0.00");
  b.format(`H${fr}`, "0.00");
  const g1 = b.row({ A: "年度总体目标", C: "预期目标", F: "实际完成情况" }, ["C#:E#", "F#:I#"]);
  const g2 = b.row(
    {
      C: "围绕全民科学素质提升，组织开展科技活动周、全国科普日等群众性科普活动，加强基层科普阵地建设。",
      F: "按计划组织开展各类群众性科普活动，基层科普阵地建设稳步推进，公民科学素质持续提升。",
    },
    ["C#:E#", "F#:I#"]
  );
  b.merge(`A${g1}:B${g2}`);
  const ih = b.row({
    A: "绩效指标",
    B: "一级指标",
    C: "二级指标",
    D: "三级指标",
    E: "年度指标值",
    F: "实际完成值",
    G: "分值",
    H: "得分",
    I: "偏差原因分析及改进措施",
  });
  const { indicators, blockLabels, lastRow } = indicatorRows(
    b,
    { l1: "B", l2: "C", name: "D", target: "E", actual: "F", weight: "G", score: "H", reason: "I" },
    [
      {
        l1: "产出指标",
        l2: "数量指标",
        name: "开展群众性科普活动场次",
        target: "≥50场",
        actual: "52场",
        weight: 25,
        score: 25,
      },
      {
        l1: "产出指标",
        l2: "时效指标",
        name: "科普活动按计划完成率",
        target: "100%",
        actual: "100%",
        weight: 25,
        score: 25,
      },
      {
        l1: "效益指标",
        l2: "社会效益指标",
        name: "公民具备科学素质比例",
        target: "≥10%",
        actual: "10.5%",
        weight: 30,
        score: 30,
      },
      {
        l1: "满意度指标",
        l2: "服务对象满意度指标",
        name: "参与活动群众满意度",
        target: "≥90%",
        actual: "95%",
        weight: 10,
        score: 10,
      },
    ]
  );
  b.merge(`A${ih}:A${lastRow}`);
  const tr = b.row({ A: "总分", G: 100, H: 99.68 }, ["A#:F#"]);
  b.format(`H${tr}`, "0.00");
  return {
    grid: b.build("项目支出绩效自评表"),
    cells: {
      title: `A${title}`,
      year: `A${year}`,
      projectName: `C${name}`,
      department: `C${dept}`,
      implementer: `F${dept}`,
      unitNote: `H${unit}`,
      fundingHeaderRow: fh,
      budgetLabel: `A${fr}`,
      budgetAmounts: { initial: `C${fr}`, budget: `D${fr}`, executed: `E${fr}` },
      fundingTotal: { label: `A${ft}`, initial: `C${ft}`, budget: `D${ft}`, executed: `E${ft}` },
      budgetWeight: `G${fr}`,
      budgetRate: `F${fr}`,
      budgetScore: `H${fr}`,
      goalExpected: `C${g2}`,
      goalActual: `F${g2}`,
      indicatorHeaderRow: ih,
      indicatorLabel: `A${ih}`,
      blockLabels,
      indicators,
      totalRow: tr,
      totalLabel: `A${tr}`,
      totalWeight: `G${tr}`,
      totalScore: `H${tr}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Hubei 2020: 市级服务贸易发展资金 (blocks that do not add up)
//
// Indicators: A 年度绩效目标(80分) (merged down from the header row) | B 一级 | C 二级 | D 三级 | E 年初目标值(A) |
// F 实际完成值(B) | G 得分 (no 分值, no reason column). Funding: A:C label | D 预算数(A) | E 执行数(B) | F 执行率(B/A) |
// G 得分(20分*执行率).
// Expected: WEIGHT_GROUP (60 + 40 = 100 ≠ 80); WEIGHT_TOTAL (20 + 100 = 120 ≠ 100); 预算资金执行率 as a 产出 indicator
// (warning); 在岸 116.7% below the 130% over-achievement threshold.
// CHOSEN: the funding header texts (Hubei style, as in form 1), the rate 100% held as the number 1 formatted "0%",
// 总分 120 (20 + 100), the city (宜昌市) and the 年度总体目标 texts.

function buildFuwumaoyi(): { grid: Grid; cells: ExampleCells } {
  const b = new SheetBuilder();
  const title = b.row({ A: "项目支出绩效自评表" }, ["A#:G#"]);
  const year = b.row({ A: "（2020年度）" }, ["A#:G#"]);
  const name = b.row({ A: "项目名称", B: "市级服务贸易发展资金" }, ["B#:G#"]);
  const dept = b.row({ A: "主管部门", B: "宜昌市商务局", D: "实施单位", E: "宜昌市商务局" }, [
    "B#:C#",
    "E#:G#",
  ]);
  const fh = b.row(
    {
      A: "预算执行情况(万元)(20分)",
      D: "预算数(A)",
      E: "执行数(B)",
      F: "执行率(B/A)",
      G: "得分(20分*执行率)",
    },
    ["A#:C#"]
  );
  const fr = b.row({ A: "年度财政资金总额", D: 285.84, E: 285.84, F: 1, G: 20 }, ["A#:C#"]);
  b.format(`F${fr}`, "0%");
  const g1 = b.row({ A: "年度总体目标", B: "预期目标", E: "实际完成情况" }, ["B#:D#", "E#:G#"]);
  const g2 = b.row(
    {
      B: "支持服务贸易、服务外包企业开拓国际市场，扩大服务外包在岸和离岸业务规模，推动企业走出去。",
      E: "支持企业开拓国际市场，服务外包在岸、离岸业务规模均超过年度目标，企业走出去步伐加快。",
    },
    ["B#:D#", "E#:G#"]
  );
  b.merge(`A${g1}:A${g2}`);
  const ih = b.row({
    A: "年度绩效目标(80分)",
    B: "一级",
    C: "二级",
    D: "三级",
    E: "年初目标值(A)",
    F: "实际完成值(B)",
    G: "得分",
  });
  const out = "产出指标(60分)";
  const eff = "效益指标(40分)";
  const { indicators, blockLabels, lastRow } = indicatorRows(
    b,
    { l1: "B", l2: "C", name: "D", target: "E", actual: "F", score: "G" },
    [
      {
        l1: out,
        l2: "数量指标",
        name: "服务外包在岸(万美元)",
        target: 20000,
        actual: 23333.56,
        score: 10,
      },
      {
        l1: out,
        l2: "数量指标",
        name: "服务外包离岸(万美元)",
        target: 4500,
        actual: 4557.51,
        score: 10,
      },
      {
        l1: out,
        l2: "数量指标",
        name: "支持服务贸易、服务外包企业数量",
        target: 3,
        actual: 3,
        score: 10,
      },
      {
        l1: out,
        l2: "质量指标",
        name: "企业国际质量提升",
        target: "获得目的国(地区)受众欢迎",
        actual: "受目的国受众欢迎显著",
        score: 10,
      },
      { l1: out, l2: "时效指标", name: "预算资金执行率", target: "90%", actual: "100%", score: 10 },
      {
        l1: out,
        l2: "时效指标",
        name: "资金拨付及时性",
        target: "98%以上",
        actual: "100%",
        score: 10,
      },
      {
        l1: eff,
        l2: "社会效益指标",
        name: "企业把握政治导向和文化方向情况",
        target: "企业把握正确政治导向和文化方向情况的评价",
        actual: "企业较好把握正确政治导向和文化方向情况的评价",
        score: 20,
      },
      {
        l1: eff,
        l2: "可持续影响指标",
        name: "推动企业走出去方面发挥的作用",
        target: "是否利于企业走出去",
        actual: "有利于推动企业走出去",
        score: 20,
      },
    ]
  );
  b.merge(`A${ih}:A${lastRow}`);
  const tr = b.row({ A: "总分", G: 120 }, ["A#:F#"]);
  return {
    grid: b.build("附件1"),
    cells: {
      title: `A${title}`,
      year: `A${year}`,
      projectName: `B${name}`,
      department: `B${dept}`,
      implementer: `E${dept}`,
      fundingHeaderRow: fh,
      budgetLabel: `A${fr}`,
      budgetAmounts: { budget: `D${fr}`, executed: `E${fr}` },
      budgetRate: `F${fr}`,
      budgetScore: `G${fr}`,
      goalExpected: `B${g2}`,
      goalActual: `E${g2}`,
      indicatorHeaderRow: ih,
      indicatorLabel: `A${ih}`,
      blockLabels: { "年度绩效目标(80分)": `A${ih}`, ...blockLabels },
      indicators,
      totalRow: tr,
      totalLabel: `A${tr}`,
      totalScore: `G${tr}`,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

const BUILDERS: {
  id: ExampleFormId;
  title: string;
  profile: ExampleForm["profile"];
  build: () => { grid: Grid; cells: ExampleCells };
}[] = [
  {
    id: "hubei-ezhou-2022",
    title: "鄂州市科学技术协会 2022 科学普及经费",
    profile: "hubei",
    build: buildEzhou,
  },
  {
    id: "hubei-yuye-2020",
    title: "渔业成品油价格改革补贴 2020",
    profile: "hubei",
    build: buildYuye,
  },
  {
    id: "beijing-haidian-2016",
    title: "海淀区学院路街道 2016 自管道路清扫保洁外包工作经费",
    profile: "central",
    build: buildHaidian,
  },
  {
    id: "chongqing-zhongxian-2024",
    title: "忠县科学技术协会 2024 科学技术普及专项经费",
    profile: "central",
    build: buildZhongxian,
  },
  {
    id: "hubei-fuwumaoyi-2020",
    title: "市级服务贸易发展资金 2020",
    profile: "hubei",
    build: buildFuwumaoyi,
  },
];

/** A freshly built copy of one example form. */
export function exampleForm(id: ExampleFormId): ExampleForm {
  const spec = BUILDERS.find((b) => b.id === id);
  if (!spec) throw new Error(`unknown example form: ${id}`);
  const { grid, cells } = spec.build();
  return { id: spec.id, title: spec.title, profile: spec.profile, grid, cells };
}

export const EXAMPLE_FORMS: ExampleForm[] = BUILDERS.map((b) => exampleForm(b.id));
