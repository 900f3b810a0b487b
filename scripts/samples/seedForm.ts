// The seed form (北京市西城区科协, 全区科普经费项目, 2024 — 附件1 of seed-report.txt), rebuilt from its facts,
// plus the layout variants real units produce. Pure TypeScript: no Node APIs, no ExcelJS.
import { Cell, CellValue, Grid, parseA1, Range, toA1, WorkbookGrids } from "../../src/core/grid";

export interface SeedFormOptions {
  /** errors = the 8 mistakes of fixtures/README.md; blankTotal = 总分 得分 empty + a 绩效级别 row. */
  variant?: "seed" | "errors" | "blankTotal";
  /** Where the title starts; default "A1". Every cell and merge shifts. */
  origin?: string;
  /** Default "附件1". */
  sheetName?: string;
  /** Extra sheets placed first, holding some report text but no indicator header. */
  sheetsBefore?: string[];
  /** 一级 labels carry their weights: 产出指标(55分), 效益指标(30分)… */
  weightsInLabels?: boolean;
  /** 可持续影响指标 as its own 一级 instead of a 二级 under 效益. */
  sustainabilityAsLevel1?: boolean;
  /** Bare percentages (actual 100%, 28.5%, 83.6%) as numbers with a percent format; the budget rate "0%". */
  percentAsNumbers?: boolean;
  /** 项目资金（元）: amounts ×10000 written as text with thousands separators; 成本 target/actual in 元. */
  amountsInYuan?: boolean;
  totalLabel?: "总分" | "合计";
  /** In both the funding and the indicator headers. */
  weightHeader?: "分值" | "权重";
  /** 指标性质 (before 年度指标值) and 度量单位 (after it) columns; target and actual become bare numbers. */
  operatorUnitColumns?: boolean;
  /** Template leftovers: "指标1：" under 数量指标 and "……" after the 满意度 row. */
  placeholderRows?: boolean;
  /** A 二级 row 生态效益指标 under 效益 with no 三级 indicator and no values. */
  emptyLevel2Row?: boolean;
  /** No merges at all and mergesKnown=false (values only in what were master cells). */
  mergesUnknown?: boolean;
}

export interface SeedIndicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  /** "" when the indicator scored full marks and the cell is empty. */
  reason: string;
}

export interface SeedFundingRow {
  label: string;
  initial: number;
  budget: number;
  executed: number;
}

const PARTIAL = "部分达成年度指标并具有一定效果";

/** The facts of the seed form (amounts in 万元). Tests refer to these instead of repeating literals. */
export const SEED_FACTS = {
  title: "项目支出绩效自评表",
  yearLine: "（2024年度）",
  year: 2024,
  projectName: "全区科普经费项目",
  department: "北京市西城区科学技术协会",
  implementer: "北京市西城区科学技术协会",
  fundingUnit: "万元",
  funding: [
    { label: "年度资金总额", initial: 137.85, budget: 137.85, executed: 137.85 },
    { label: "其中：当年财政拨款", initial: 137.85, budget: 137.85, executed: 137.85 },
    { label: "上年结转资金", initial: 0, budget: 0, executed: 0 },
    { label: "其他资金", initial: 0, budget: 0, executed: 0 },
  ] as SeedFundingRow[],
  budget: { weight: 10, rate: 1, score: 10 },
  goals: {
    expected:
      "持续强化科协职责，提升服务科技工作者能力；增强科技教育与传播能力，落实全民科学素质建设工作；推进区域科普资源共享升级辐射，形成社会化科普格局；夯实群众科普活动基础，形成品牌活动效应。",
    actual:
      "举办科普之夏、全国科普日主场活动暨科普奇妙夜、学生科技节、公民科学素质大赛等活动；“西城科普进行时”公众号持续发布科普内容；组织“千人进千企”科创公共服务对接。",
  },
  indicators: [
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "“科普之夏进社区”系列活动场次",
      target: "≥30场",
      actual: "27场",
      weight: 8,
      score: 7.2,
      reason: "受场地协调影响，3场活动延至次年开展；下一步提前统筹活动场地。",
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "全国科普日主场活动暨科普奇妙夜",
      target: "=1场",
      actual: "1场",
      weight: 5,
      score: 5,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "“西城科普进行时”公众号发布科普文章",
      target: "≥300篇",
      actual: "270篇",
      weight: 6,
      score: 5.4,
      reason: "下半年编辑力量不足，发文量未达预期；下一步充实编辑队伍，建立选题储备。",
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "公民科学素质大赛（地推宣传、预赛、决赛）",
      target: "≥3场",
      actual: "3场",
      weight: 4,
      score: 4,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "数量指标",
      name: "科技工作者“周末带娃行”活动",
      target: "≥4次",
      actual: "2次",
      weight: 3,
      score: 1.5,
      reason: "受天气及场馆开放安排影响取消2次；下一步制定备选场地方案。",
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "年度活动计划完成率",
      target: "=100%",
      actual: "100%",
      weight: 6,
      score: 6,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "科普宣传物料验收合格率",
      target: "=100%",
      actual: "100%",
      weight: 5,
      score: 5,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "质量指标",
      name: "青少年科技创新成果",
      target: "保持全市前列",
      actual: PARTIAL,
      weight: 5,
      score: 3.35,
      reason: "部分赛事获奖数量较上年下降；下一步加强赛前辅导与选题指导。",
    },
    {
      level1: "产出指标",
      level2: "时效指标",
      name: "活动按计划时间完成率",
      target: "≥95%",
      actual: "100%",
      weight: 5,
      score: 5,
      reason: "",
    },
    {
      level1: "产出指标",
      level2: "成本指标",
      name: "项目总成本",
      target: "≤137.85万元",
      actual: "137.85万元",
      weight: 8,
      score: 8,
      reason: "",
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "辖区公民具备科学素质比例",
      target: "≥30%",
      actual: "28.5%",
      weight: 10,
      score: 9.5,
      reason: "科学素质提升需长期积累，年度增幅低于预期；下一步加强重点人群专项行动。",
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "科普活动覆盖街道数",
      target: "=15个",
      actual: "15个",
      weight: 5,
      score: 5,
      reason: "",
    },
    {
      level1: "效益指标",
      level2: "社会效益指标",
      name: "“爱科学、学科学、用科学”社会氛围",
      target: "显著提升",
      actual: "达成年度指标",
      weight: 5,
      score: 4,
      reason: "新媒体传播覆盖面仍有提升空间；下一步丰富科普栏目形式。",
    },
    {
      level1: "效益指标",
      level2: "可持续影响指标",
      name: "科普品牌活动持续影响力",
      target: "持续扩大",
      actual: PARTIAL,
      weight: 10,
      score: 6.1,
      reason: "项目执行考核力度不足；下一步建立活动效果跟踪考核机制。",
    },
    {
      level1: "满意度指标",
      level2: "服务对象满意度指标",
      name: "参与活动群众满意度",
      target: "≥95%",
      actual: "83.6%",
      weight: 5,
      score: 4.4,
      reason: "线上活动互动性不足，线上参与者评价偏低；下一步增加线下互动体验环节。",
    },
  ] as SeedIndicator[],
  total: { weight: 100, score: 89.45 },
  grade: "良好",
  /** 一级 groups as the xicheng profile counts them, 可持续影响 apart from 效益 (fixtures/README.md). */
  groupWeights: { 预算执行: 10, 产出指标: 55, 效益指标: 20, 可持续影响指标: 10, 满意度指标: 5 },
  groupScores: {
    预算执行: 10,
    产出指标: 50.45,
    效益指标: 18.5,
    可持续影响指标: 6.1,
    满意度指标: 4.4,
  },
  summary:
    "全区科普经费项目自评得分89.45分，绩效级别为“良好”。其中：预算执行10分，项目产出50.45分，项目效益24.6分，服务对象满意度4.4分。",
} as const;

/** The mistakes of the errors variant (fixtures/README.md), by indicator name. */
export const SEED_ERRORS = {
  budgetScore: 9.5,
  totalScore: 90.1,
  indicators: {
    全国科普日主场活动暨科普奇妙夜: { weight: 6 },
    "“西城科普进行时”公众号发布科普文章": { score: 5.6 },
    "科技工作者“周末带娃行”活动": { reason: "" },
    项目总成本: { actual: "139.2万元" },
    "“爱科学、学科学、用科学”社会氛围": { score: 5.5 },
    科普品牌活动持续影响力: { score: 8.5 },
  } as Record<string, Partial<SeedIndicator>>,
} as const;

export const SEED_SHEET_NAME = "附件1";
export const SUSTAINABILITY = "可持续影响指标";

/** Where things landed in a built form (1-based rows/cols, in the sheet's coordinates). */
export interface SeedLayout {
  sheet: string;
  /** Top-left of the title. */
  origin: { row: number; col: number };
  width: number;
  titleRow: number;
  fundingHeaderRow: number;
  /** 年度资金总额 row. */
  fundingTotalRow: number;
  goalRow: number;
  headerRow: number;
  /** Row of each indicator, by name. */
  indicatorRows: Record<string, number>;
  firstIndicatorRow: number;
  lastIndicatorRow: number;
  totalRow: number;
  gradeRow?: number;
  columns: {
    label: number;
    level1: number;
    level2: number;
    name: number;
    operator?: number;
    target: number;
    unit?: number;
    actual: number;
    weight: number;
    score: number;
    reason: number;
    /** Funding block: 年初预算数 … 得分. */
    initial: number;
    budget: number;
    executed: number;
    fundingWeight: number;
    rate: number;
    fundingScore: number;
  };
  /** A1 addresses users look at. */
  addresses: {
    title: string;
    budgetRate: string;
    budgetScore: string;
    totalWeight: string;
    totalScore: string;
    grade?: string;
  };
}

// ----------------------------------------------------------------------------------------------------------
// Value notation helpers

interface Quantity {
  op: string;
  num: number;
  unit: string;
}

function parseQuantity(text: string): Quantity | undefined {
  const m = /^([≥≤=]?)(\d+(?:\.\d+)?)(.*)$/.exec(text);
  return m ? { op: m[1], num: Number(m[2]), unit: m[3] } : undefined;
}

function clean(n: number): number {
  return Number(n.toPrecision(12));
}

function decimals(n: number): number {
  const s = String(n);
  const i = s.indexOf(".");
  return i < 0 ? 0 : s.length - i - 1;
}

/** 1378500 → "1,378,500"; with fixed decimals → "1,378,500.00". */
export function withThousands(n: number, fixed?: number): string {
  const s = fixed === undefined ? String(n) : n.toFixed(fixed);
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function percentFormat(n: number): string {
  const d = decimals(n);
  return d === 0 ? "0%" : `0.${"0".repeat(d)}%`;
}

function toYuan(q: Quantity): Quantity {
  return q.unit === "万元" ? { op: q.op, num: clean(q.num * 10000), unit: "元" } : q;
}

/** One target or actual as written in text mode (no operator/unit columns). */
function textModeValue(text: string, o: SeedFormOptions): Cell {
  let q = parseQuantity(text);
  if (!q) return { value: text };
  if (o.amountsInYuan) q = toYuan(q);
  if (o.percentAsNumbers && q.op === "" && q.unit === "%")
    return { value: clean(q.num / 100), numFmt: percentFormat(q.num) };
  const num = q.unit === "元" && o.amountsInYuan ? withThousands(q.num) : String(q.num);
  return { value: `${q.op}${num}${q.unit}` };
}

// ----------------------------------------------------------------------------------------------------------
// The builder

interface Row {
  level1: string;
  level2: string;
  indicator?: SeedIndicator;
  /** Placeholder text in the 三级 column (template leftovers). */
  placeholder?: string;
}

function indicatorRows(o: SeedFormOptions): Row[] {
  const errors = o.variant === "errors";
  const rows: Row[] = [];
  const list = SEED_FACTS.indicators;
  list.forEach((facts, i) => {
    const ind: SeedIndicator = {
      ...facts,
      ...(errors ? (SEED_ERRORS.indicators[facts.name] ?? {}) : {}),
    };
    if (o.sustainabilityAsLevel1 && ind.level2 === SUSTAINABILITY) ind.level1 = SUSTAINABILITY;
    rows.push({ level1: ind.level1, level2: ind.level2, indicator: ind });
    const next = list[i + 1];
    if (o.placeholderRows && ind.level2 === "数量指标" && next?.level2 !== "数量指标")
      rows.push({ level1: ind.level1, level2: ind.level2, placeholder: "指标1：" });
    if (o.emptyLevel2Row && ind.level2 === "社会效益指标" && next?.level2 !== "社会效益指标")
      rows.push({ level1: ind.level1, level2: "生态效益指标" });
    if (o.placeholderRows && ind.level1 === "满意度指标" && next?.level1 !== "满意度指标")
      rows.push({ level1: ind.level1, level2: ind.level2, placeholder: "……" });
  });
  return rows;
}

/** Declared 一级 weights, from the seed's own weights (the errors variant keeps the declared 55). */
function level1Weights(o: SeedFormOptions): Map<string, number> {
  const w = new Map<string, number>();
  for (const ind of SEED_FACTS.indicators) {
    const l1 =
      o.sustainabilityAsLevel1 && ind.level2 === SUSTAINABILITY ? SUSTAINABILITY : ind.level1;
    w.set(l1, (w.get(l1) ?? 0) + ind.weight);
  }
  return w;
}

function runs(rows: Row[], key: (r: Row) => string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || key(rows[i]) !== key(rows[start])) {
      out.push([start, i - 1]);
      start = i;
    }
  }
  return out;
}

class Sheet {
  readonly cells: { row: number; col: number; cell: Cell }[] = [];
  readonly merges: Range[] = [];
  constructor(
    private readonly r0: number,
    private readonly c0: number
  ) {}
  /** Sets a value at a form-relative position (0-based offsets from the origin). */
  put(row: number, col: number, value: CellValue | Cell | undefined): void {
    if (value === undefined || value === null || value === "") return;
    const cell = typeof value === "object" ? value : { value };
    if (cell.value === null || cell.value === "") return;
    this.cells.push({ row: this.r0 + row, col: this.c0 + col, cell });
  }
  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({
      top: this.r0 + top,
      left: this.c0 + left,
      bottom: this.r0 + bottom,
      right: this.c0 + right,
    });
  }
}

const REPORT_TEXT = [
  "西城区科协2024年全区科普经费项目支出绩效评价报告",
  "",
  "一、基本情况",
  "（一）项目概况",
  "2.资金投入和使用情况：本年度支出137.85万元，支出率100%。",
  "",
  "三、综合评价情况及评价结论",
  SEED_FACTS.summary,
];

function reportSheet(name: string): Grid {
  return Grid.fromRows(
    name,
    REPORT_TEXT.map((t) => [t])
  );
}

/** Builds the seed workbook and tells where everything landed. */
export function buildSeedForm(options: SeedFormOptions = {}): {
  workbook: WorkbookGrids;
  layout: SeedLayout;
} {
  const o = options;
  const origin = parseA1(o.origin ?? "A1");
  const sheetName = o.sheetName ?? SEED_SHEET_NAME;
  const s = new Sheet(origin.row, origin.col);
  const opUnit = Boolean(o.operatorUnitColumns);
  const extra = opUnit ? 2 : 0;
  const W = 9 + extra;
  const last = W - 1;
  const half = extra / 2;
  const weightWord = o.weightHeader ?? "分值";

  // Indicator columns (0-based offsets).
  const col = {
    label: 0,
    level1: 1,
    level2: 2,
    name: 3,
    operator: opUnit ? 4 : undefined,
    target: opUnit ? 5 : 4,
    unit: opUnit ? 6 : undefined,
    actual: opUnit ? 7 : 5,
    weight: opUnit ? 8 : 6,
    score: opUnit ? 9 : 7,
    reason: opUnit ? 10 : 8,
  };
  // Funding columns: the last six.
  const fcol = {
    initial: W - 6,
    budget: W - 5,
    executed: W - 4,
    weight: W - 3,
    rate: W - 2,
    score: W - 1,
  };

  // Title block.
  s.put(0, 0, SEED_FACTS.title);
  s.merge(0, 0, 0, last);
  s.put(1, 0, SEED_FACTS.yearLine);
  s.merge(1, 0, 1, last);
  s.put(2, 0, "项目名称");
  s.put(2, 1, SEED_FACTS.projectName);
  s.merge(2, 1, 2, last);
  s.put(3, 0, "主管部门");
  s.put(3, 1, SEED_FACTS.department);
  s.merge(3, 1, 3, 3 + half);
  s.put(3, 4 + half, "实施单位");
  s.put(3, 5 + half, SEED_FACTS.implementer);
  s.merge(3, 5 + half, 3, last);

  // Funding block.
  const fTop = 4;
  s.put(fTop, 0, o.amountsInYuan ? "项目资金（元）" : "项目资金（万元）");
  s.merge(fTop, 0, fTop + SEED_FACTS.funding.length, 0);
  s.merge(fTop, 1, fTop, fcol.initial - 1);
  s.put(fTop, fcol.initial, "年初预算数");
  s.put(fTop, fcol.budget, "全年预算数");
  s.put(fTop, fcol.executed, "全年执行数");
  s.put(fTop, fcol.weight, weightWord);
  s.put(fTop, fcol.rate, "执行率");
  s.put(fTop, fcol.score, "得分");
  const amount = (n: number): CellValue =>
    o.amountsInYuan ? withThousands(clean(n * 10000), 2) : n;
  SEED_FACTS.funding.forEach((f, i) => {
    const r = fTop + 1 + i;
    s.put(r, 1, f.label);
    s.merge(r, 1, r, fcol.initial - 1);
    s.put(r, fcol.initial, amount(f.initial));
    s.put(r, fcol.budget, amount(f.budget));
    s.put(r, fcol.executed, amount(f.executed));
    if (i === 0) {
      s.put(r, fcol.weight, SEED_FACTS.budget.weight);
      s.put(r, fcol.rate, {
        value: SEED_FACTS.budget.rate,
        numFmt: o.percentAsNumbers ? "0%" : "0.00%",
      });
      s.put(
        r,
        fcol.score,
        o.variant === "errors" ? SEED_ERRORS.budgetScore : SEED_FACTS.budget.score
      );
    } else {
      s.put(r, fcol.weight, "—");
      s.put(r, fcol.score, "—");
    }
  });

  // Goal block.
  const gTop = fTop + SEED_FACTS.funding.length + 1;
  s.put(gTop, 0, "年度总体目标");
  s.merge(gTop, 0, gTop + 1, 0);
  s.put(gTop, 1, "预期目标");
  s.merge(gTop, 1, gTop, 3 + half);
  s.put(gTop, 4 + half, "实际完成情况");
  s.merge(gTop, 4 + half, gTop, last);
  s.put(gTop + 1, 1, SEED_FACTS.goals.expected);
  s.merge(gTop + 1, 1, gTop + 1, 3 + half);
  s.put(gTop + 1, 4 + half, SEED_FACTS.goals.actual);
  s.merge(gTop + 1, 4 + half, gTop + 1, last);

  // Indicator header.
  const hRow = gTop + 2;
  s.put(hRow, col.label, "绩效指标");
  s.put(hRow, col.level1, "一级指标");
  s.put(hRow, col.level2, "二级指标");
  s.put(hRow, col.name, "三级指标");
  if (col.operator !== undefined) s.put(hRow, col.operator, "指标性质");
  s.put(hRow, col.target, "年度指标值");
  if (col.unit !== undefined) s.put(hRow, col.unit, "度量单位");
  s.put(hRow, col.actual, "实际完成值");
  s.put(hRow, col.weight, weightWord);
  s.put(hRow, col.score, "得分");
  s.put(hRow, col.reason, "偏差原因分析及改进措施");

  // Indicator rows.
  const rows = indicatorRows(o);
  const first = hRow + 1;
  const weights = level1Weights(o);
  const level1Label = (l1: string) => (o.weightsInLabels ? `${l1}(${weights.get(l1) ?? 0}分)` : l1);
  const rowOf: Record<string, number> = {};
  for (const [a, b] of runs(rows, (r) => r.level1)) {
    s.put(first + a, col.level1, level1Label(rows[a].level1));
    s.merge(first + a, col.level1, first + b, col.level1);
  }
  for (const [a, b] of runs(rows, (r) => `${r.level1}\u0000${r.level2}`)) {
    s.put(first + a, col.level2, rows[a].level2);
    s.merge(first + a, col.level2, first + b, col.level2);
  }
  rows.forEach((row, i) => {
    const r = first + i;
    if (row.placeholder) s.put(r, col.name, row.placeholder);
    const ind = row.indicator;
    if (!ind) return;
    rowOf[ind.name] = origin.row + r;
    s.put(r, col.name, ind.name);
    if (opUnit) {
      const t = parseQuantity(ind.target);
      const a = parseQuantity(ind.actual);
      if (t && a) {
        const tq = o.amountsInYuan ? toYuan(t) : t;
        const aq = o.amountsInYuan ? toYuan(a) : a;
        s.put(r, col.operator!, tq.op || "≥");
        s.put(r, col.target, tq.num);
        s.put(r, col.unit!, tq.unit);
        s.put(r, col.actual, aq.num);
      } else {
        s.put(r, col.operator!, "定性");
        s.put(r, col.target, ind.target);
        s.put(r, col.actual, ind.actual);
      }
    } else {
      s.put(r, col.target, textModeValue(ind.target, o));
      s.put(r, col.actual, textModeValue(ind.actual, o));
    }
    s.put(r, col.weight, ind.weight);
    s.put(r, col.score, ind.score);
    s.put(r, col.reason, ind.reason);
  });
  const lastInd = first + rows.length - 1;
  s.merge(hRow, col.label, lastInd, col.label);

  // Total (and grade) rows.
  const tRow = lastInd + 1;
  s.put(tRow, 0, o.totalLabel ?? "总分");
  s.merge(tRow, 0, tRow, col.weight - 1);
  s.put(tRow, col.weight, SEED_FACTS.total.weight);
  if (o.variant !== "blankTotal")
    s.put(
      tRow,
      col.score,
      o.variant === "errors" ? SEED_ERRORS.totalScore : SEED_FACTS.total.score
    );
  let gradeRow: number | undefined;
  if (o.variant === "blankTotal") {
    gradeRow = tRow + 1;
    s.put(gradeRow, 0, "绩效级别");
    s.merge(gradeRow, 0, gradeRow, col.weight - 1);
    s.merge(gradeRow, col.weight, gradeRow, last);
  }

  const grid = new Grid(sheetName, {
    merges: o.mergesUnknown ? [] : s.merges,
    mergesKnown: !o.mergesUnknown,
  });
  for (const { row, col: c, cell } of s.cells) grid.set(row, c, cell);

  const R = (rel: number) => origin.row + rel;
  const C = (rel: number) => origin.col + rel;
  const layout: SeedLayout = {
    sheet: sheetName,
    origin,
    width: W,
    titleRow: R(0),
    fundingHeaderRow: R(fTop),
    fundingTotalRow: R(fTop + 1),
    goalRow: R(gTop),
    headerRow: R(hRow),
    indicatorRows: rowOf,
    firstIndicatorRow: R(first),
    lastIndicatorRow: R(lastInd),
    totalRow: R(tRow),
    gradeRow: gradeRow === undefined ? undefined : R(gradeRow),
    columns: {
      label: C(col.label),
      level1: C(col.level1),
      level2: C(col.level2),
      name: C(col.name),
      operator: col.operator === undefined ? undefined : C(col.operator),
      target: C(col.target),
      unit: col.unit === undefined ? undefined : C(col.unit),
      actual: C(col.actual),
      weight: C(col.weight),
      score: C(col.score),
      reason: C(col.reason),
      initial: C(fcol.initial),
      budget: C(fcol.budget),
      executed: C(fcol.executed),
      fundingWeight: C(fcol.weight),
      rate: C(fcol.rate),
      fundingScore: C(fcol.score),
    },
    addresses: {
      title: toA1(R(0), C(0)),
      budgetRate: toA1(R(fTop + 1), C(fcol.rate)),
      budgetScore: toA1(R(fTop + 1), C(fcol.score)),
      totalWeight: toA1(R(tRow), C(col.weight)),
      totalScore: toA1(R(tRow), C(col.score)),
      grade: gradeRow === undefined ? undefined : toA1(R(gradeRow), C(col.weight)),
    },
  };

  const sheets = [...(o.sheetsBefore ?? []).map(reportSheet), grid];
  return { workbook: { sheets }, layout };
}

/** The seed workbook (附件1 of the seed report) in the requested variant. */
export function buildSeedWorkbook(options: SeedFormOptions = {}): WorkbookGrids {
  return buildSeedForm(options).workbook;
}
