// 汇总表: many checked forms (a unit's projects, a bureau's submissions) as one table, a list of every problem and an
// overview. Pure: it takes the public check results (CheckJson, what `check --json` prints and what crosses worker
// threads) and gives data; the CLI, the pane and the web page each write it through their own gateway.
import type { CheckJson, CheckJsonFailure } from "./contract";
import { formatNumber } from "./decimal";
import { uniqueSheetName } from "./sheetName";
import { displayWidth } from "./text";
import type { NewSheet, SheetCell, SheetRow } from "./writePlan";

export const SUMMARY_SHEET_NAME = "汇总";
export const PROBLEMS_SHEET_NAME = "问题清单";

/** Worst first: the order of the summary's rows and the exit code's ranking. */
export type SummaryStatus = "unreadable" | "noTable" | "errors" | "warnings" | "ok";

export const STATUS_LABEL: Record<SummaryStatus, string> = {
  unreadable: "无法读取",
  noTable: "未找到指标表",
  errors: "有错误",
  warnings: "有警告",
  ok: "通过",
};

const STATUS_ORDER: SummaryStatus[] = ["unreadable", "noTable", "errors", "warnings", "ok"];

const STATUS_FILL: Record<SummaryStatus, string> = {
  unreadable: "#F4CCCC",
  noTable: "#F4CCCC",
  errors: "#FCE4D6",
  warnings: "#FFF2CC",
  ok: "#E2EFDA",
};

export type CheckResult = CheckJson | CheckJsonFailure;

export function isFailure(r: CheckResult): r is CheckJsonFailure {
  return "error" in r;
}

/** One form (or one file that gave none) in the summary. */
export interface SummaryRow {
  file: string;
  sheet: string | null;
  unit: string;
  project: string;
  moneyUnit: string;
  /** 调整后预算 (else 年初预算), in the form's money unit. */
  budget: number | null;
  /** 执行率 in %. */
  rate: number | null;
  totalWritten: number | null;
  totalComputed: number | null;
  totalSuggested: number | null;
  grade: string;
  errors: number;
  warnings: number;
  status: SummaryStatus;
  /** The first problems in words (or why the file gave no form). */
  problems: string;
  /** The cell a link opens: the total's, else A1. */
  cell: string;
}

export interface SummaryProblem {
  file: string;
  sheet: string | null;
  cell: string;
  code: string;
  severity: string;
  message: string;
}

export interface SummaryContent {
  rows: SummaryRow[];
  problems: SummaryProblem[];
  overview: {
    forms: number;
    byStatus: { label: string; count: number }[];
    byGrade: { label: string; count: number }[];
  };
}

const SEVERITY_LABEL: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };
/** How many problems the summary row spells out; the rest are in 问题清单. */
const FIRST_PROBLEMS = 3;

function failureStatus(r: CheckJsonFailure): SummaryStatus {
  return r.sheet === null ? "unreadable" : "noTable";
}

export function statusOf(r: CheckResult): SummaryStatus {
  if (isFailure(r)) return failureStatus(r);
  if (r.findings.some((f) => f.severity === "error")) return "errors";
  if (r.findings.some((f) => f.severity === "warning")) return "warnings";
  return "ok";
}

/** The CLI's exit code for one result: 2 unreadable or no table, 1 errors, 0 otherwise. */
export function exitCodeOf(r: CheckResult): number {
  const s = statusOf(r);
  return s === "unreadable" || s === "noTable" ? 2 : s === "errors" ? 1 : 0;
}

function summaryRow(r: CheckResult): SummaryRow {
  const status = statusOf(r);
  if (isFailure(r))
    return {
      file: r.file,
      sheet: r.sheet,
      unit: "",
      project: "",
      moneyUnit: "",
      budget: null,
      rate: null,
      totalWritten: null,
      totalComputed: null,
      totalSuggested: null,
      grade: "",
      errors: 0,
      warnings: 0,
      status,
      problems: r.error,
      cell: "A1",
    };
  const worst = [...r.findings]
    .filter((f) => f.severity !== "info")
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // joined with “；”, so each message loses its closing “。”
  const words = worst
    .slice(0, FIRST_PROBLEMS)
    .map((f) => `${f.cell} ${f.message.replace(/。$/, "")}`);
  if (worst.length > FIRST_PROBLEMS) words.push(`另有${worst.length - FIRST_PROBLEMS}项见问题清单`);
  return {
    file: r.file,
    sheet: r.sheet,
    unit: r.project.unit,
    project: r.project.name,
    moneyUnit: r.project.moneyUnit,
    budget: r.budget ? (r.budget.adjusted ?? r.budget.planned) : null,
    rate: r.budget?.rate ?? null,
    totalWritten: r.total.written,
    totalComputed: r.total.computed,
    totalSuggested: r.total.suggested,
    grade: r.grade.label,
    errors: r.findings.filter((f) => f.severity === "error").length,
    warnings: r.findings.filter((f) => f.severity === "warning").length,
    status,
    problems: words.join("；"),
    cell: r.total.cell ?? "A1",
  };
}

function counted(labels: string[], order?: string[]): { label: string; count: number }[] {
  const m = new Map<string, number>();
  for (const l of order ?? []) m.set(l, 0);
  for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
  return [...m].map(([label, count]) => ({ label, count }));
}

/** The summary of many check results: rows sorted worst first (then by file and sheet, as given otherwise). */
export function buildSummary(results: CheckResult[]): SummaryContent {
  const rows = results
    .map(summaryRow)
    .map((row, i) => ({ row, i }))
    .sort(
      (a, b) => STATUS_ORDER.indexOf(a.row.status) - STATUS_ORDER.indexOf(b.row.status) || a.i - b.i
    )
    .map((x) => x.row);
  const problems: SummaryProblem[] = [];
  // copies of the findings (and of the reason a file could not be read): rows of 问题清单, not new findings
  const row = (file: string, sheet: string | null, f: Omit<SummaryProblem, "file" | "sheet">) =>
    problems.push({ file, sheet, ...f });
  for (const r of results) {
    if (isFailure(r) && !r.findings.length) {
      const [severity, message] = ["error", r.error];
      row(r.file, r.sheet, { cell: "", code: "", severity, message });
      continue;
    }
    for (const { sheet, cell, code, severity, message } of r.findings)
      row(r.file, sheet ?? r.sheet, { cell, code, severity, message });
  }
  const graded = rows.filter((r) => r.grade).map((r) => r.grade);
  return {
    rows,
    problems,
    overview: {
      forms: rows.length,
      byStatus: counted(
        rows.map((r) => STATUS_LABEL[r.status]),
        STATUS_ORDER.map((s) => STATUS_LABEL[s])
      ).filter((x) => x.count > 0),
      byGrade: counted(graded),
    },
  };
}

// -----------------------------------------------------------------------------------------------------------
// As sheets

/** Where a link goes: "" for a sheet of this workbook, else the file's path relative to the summary ("a/b.xlsx"). */
export type LinkBase = (file: string) => string | null;

/** "#'附件1'!H28", "b.xlsx#'附件1'!H28" (quotes doubled inside the name, as Excel writes them). */
export function linkTo(base: string, sheet: string | null, cell: string): string {
  if (!sheet) return base;
  return `${base}#'${sheet.replace(/'/g, "''")}'!${cell || "A1"}`;
}

const SUMMARY_HEADER = [
  "文件",
  "工作表",
  "单位",
  "项目名称",
  "预算（调整后）",
  "执行率（%）",
  "表中总分",
  "按得分合计",
  "按规则建议",
  "等级",
  "错误",
  "警告",
  "状态",
  "主要问题",
];
const PROBLEM_HEADER = ["文件", "工作表", "单元格", "代码", "类别", "说明"];
const MAX_WIDTH = 48;
const NUMBER_FMT = "0.00";

function num(x: number | null): SheetCell {
  return x === null ? { value: null } : { value: x, numFmt: NUMBER_FMT };
}

function text(value: string, link?: string | null): SheetCell {
  return { value, horizontal: "left", ...(link ? { link } : {}) };
}

/** Widths that fit the widest cell of each column (CJK counts two), capped: long text wraps. */
function widths(rows: SheetRow[], columns: number, min = 6): number[] {
  const w = Array.from({ length: columns }, () => min);
  for (const r of rows) {
    if (r.span) continue;
    r.cells.forEach((c, k) => {
      if (k >= columns) return;
      const s =
        typeof c.value === "number"
          ? formatNumber(c.value, 2)
          : c.value === null
            ? ""
            : String(c.value);
      w[k] = Math.max(w[k], Math.min(MAX_WIDTH, displayWidth(s) + 2));
    });
  }
  return w;
}

/**
 * The summary as two sheets: 汇总 (overview with data bars, then one row per form, frozen header, filters) and
 * 问题清单 (every finding). `linkBase` says where a file's links go; null for no link.
 */
export function summarySheets(
  content: SummaryContent,
  options: { linkBase?: LinkBase; existingSheetNames?: string[]; title?: string } = {}
): NewSheet[] {
  const base = options.linkBase ?? (() => null);
  const existing = [...(options.existingSheetNames ?? [])];
  const link = (file: string, sheet: string | null, cell: string) => {
    const b = base(file);
    return b === null ? null : linkTo(b, sheet, cell);
  };
  const cols = SUMMARY_HEADER.length;
  const rows: SheetRow[] = [];
  rows.push({
    cells: [{ value: options.title ?? "项目支出绩效自评汇总表" }],
    style: "title",
    span: cols,
    height: 30,
  });
  const { overview } = content;
  rows.push({ cells: [text("概况"), text("数量")], style: "tableHeader" });
  const barsFrom = rows.length + 1;
  rows.push({ cells: [text("自评表"), { value: overview.forms }], style: "table" });
  for (const s of overview.byStatus)
    rows.push({ cells: [text(`状态：${s.label}`), { value: s.count }], style: "table" });
  for (const g of overview.byGrade)
    rows.push({ cells: [text(`等级：${g.label}`), { value: g.count }], style: "table" });
  const barsTo = rows.length;
  rows.push({ cells: [], style: "body" });
  const headerRow = rows.length + 1;
  rows.push({ cells: SUMMARY_HEADER.map((value) => ({ value })), style: "tableHeader" });
  for (const r of content.rows)
    rows.push({
      style: "table",
      cells: [
        text(r.file, link(r.file, r.sheet, r.cell)),
        text(r.sheet ?? "", r.sheet ? link(r.file, r.sheet, r.cell) : null),
        text(r.unit),
        text(r.project),
        num(r.budget),
        num(r.rate),
        num(r.totalWritten),
        num(r.totalComputed),
        num(r.totalSuggested),
        text(r.grade),
        { value: r.errors },
        { value: r.warnings },
        { value: STATUS_LABEL[r.status], fill: STATUS_FILL[r.status], horizontal: "center" },
        text(r.problems),
      ],
    });
  const summaryName = uniqueSheetName(SUMMARY_SHEET_NAME, existing);
  existing.push(summaryName);
  const summary: NewSheet = {
    name: summaryName,
    rows,
    columnWidths: widths(rows, cols),
    freeze: { rows: headerRow, columns: 1 },
    autoFilter: { row: headerRow, fromColumn: 1, toColumn: cols },
    dataBars: [{ column: 2, fromRow: barsFrom, toRow: barsTo, color: "#5B9BD5" }],
    print: { orientation: "landscape", fitToWidth: true },
  };
  summary.columnWidths[0] = Math.max(summary.columnWidths[0], 16);

  const prows: SheetRow[] = [
    { cells: PROBLEM_HEADER.map((value) => ({ value })), style: "tableHeader" },
  ];
  for (const p of content.problems)
    prows.push({
      style: "table",
      cells: [
        text(p.file, link(p.file, p.sheet, p.cell)),
        text(p.sheet ?? ""),
        text(p.cell, p.cell ? link(p.file, p.sheet, p.cell) : null),
        text(p.code),
        text(SEVERITY_LABEL[p.severity] ?? p.severity),
        text(p.message),
      ],
    });
  const problems: NewSheet = {
    name: uniqueSheetName(PROBLEMS_SHEET_NAME, existing),
    rows: prows,
    columnWidths: widths(prows, PROBLEM_HEADER.length),
    freeze: { rows: 1, columns: 0 },
    autoFilter: { row: 1, fromColumn: 1, toColumn: PROBLEM_HEADER.length },
    print: { orientation: "landscape", fitToWidth: true },
  };
  return [summary, problems];
}
