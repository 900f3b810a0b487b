// The 绩效自评报告 (SPEC §11) built from an Analysis: every sentence whose facts are in the table, with the table's
// numbers; drafts, marked 【待完善】, where only people know the content. One ReportDoc feeds the report sheet,
// Markdown and Word, so that the three say the same thing.
import { dec, formatNumber, round, sum, type Numeric } from "./decimal";
import type { Analysis, IndicatorRow } from "./model";
import { summaryLabel } from "./profiles";
import { isPlaceholderText } from "./text";
import { uniqueSheetName } from "./sheetName";
import type { NewSheet, SheetRow } from "./writePlan";
import { displayWidth as textWidth } from "./text";

export type ReportBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; draft?: boolean }
  /** `bars`: score ÷ weight per row, drawn as a small bar; NaN where the row has no weight. */
  | { kind: "table"; header: string[]; rows: (string | number)[][]; bars?: number[] };

export interface ReportDoc {
  title: string;
  blocks: ReportBlock[];
}

/** Marks a paragraph the staff must check and complete before submitting. */
export const DRAFT_MARK = "【待完善】";
export const REPORT_SHEET_NAME = "自评报告";

/** Column header of the bar drawn beside the score table. */
export const BAR_HEADER = "得分情况";
const BAR_LENGTH = 10;

/**
 * A bar of █ (score) and ░ (points lost) for a fraction in [0, 1]: text, never a formula. Only full marks fill the
 * whole bar; NaN (a group without weights) gives no bar.
 */
export function textBar(fraction: number, length = BAR_LENGTH): string {
  if (!Number.isFinite(fraction)) return "";
  const f = Math.min(1, Math.max(0, fraction));
  const full = f >= 1 ? length : Math.min(length - 1, Math.round(f * length));
  return "█".repeat(full) + "░".repeat(length - full);
}

interface Numbers {
  score: (x: Numeric) => string;
  rate: (x: Numeric) => string;
  amount: (x: Numeric) => string;
}

function numbersOf(a: Analysis): Numbers {
  const p = a.profile;
  return {
    // scores as in the summary sentence (SPEC §7): 24.6, not 24.60, unless the profile asks for fixed decimals
    score: (x) => formatNumber(x, p.rounding.decimals, p.summaryFixedDecimals),
    // rates: 2 decimals at most; trailing zeros dropped like the scores, so the seed's "支出率100%" comes out as written
    rate: (x) => formatNumber(x, 2, p.summaryFixedDecimals),
    // amounts exactly as in the table (89.974万元 stays 89.974)
    amount: (x) => formatNumber(x, 6),
  };
}

const lost = (i: IndicatorRow): boolean =>
  i.weight !== null && i.score !== null && i.score < i.weight;
const full = (i: IndicatorRow): boolean =>
  i.weight !== null && i.score !== null && i.score >= i.weight;
const lostPoints = (weight: Numeric, score: Numeric) =>
  round(dec(weight).minus(dec(score)), { decimals: 2, mode: "halfUp" });

/** "…；下一步提前统筹活动场地。" → cause and measure. */
export function splitReason(reason: string): { cause: string; measure: string } {
  const text = reason.trim();
  const m = /[；;。，,]\s*(?:下一步|今后|后续|改进措施[:：]?|措施[:：])/.exec(text);
  const tidy = (s: string) =>
    s
      .trim()
      .replace(/^[：:，,；;]+/, "")
      .replace(/[。；;，,\s]+$/, "");
  if (!m) return { cause: tidy(text), measure: "" };
  const measure = text
    .slice(m.index + 1)
    .trim()
    .replace(/^(下一步|今后|后续)(将|要)?[，,]?/, "")
    .replace(/^(改进措施|措施)[:：]?/, "");
  return { cause: tidy(text.slice(0, m.index)), measure: tidy(measure) };
}

const sentence = (s: string) => (/[。！？.!?]$/.test(s) ? s : `${s}。`);

interface ScoreGroup {
  label: string;
  weight: number | null;
  score: number;
  members: IndicatorRow[];
}

/** The summary groups of the profile (预算执行 apart): their weights, scores and indicators. */
function scoreGroups(a: Analysis): ScoreGroup[] {
  const out: ScoreGroup[] = [];
  for (const part of a.summary.parts) {
    if (part.key === "budget") continue;
    const keys =
      part.key === "other"
        ? null
        : (a.profile.summaryGroups.find((sg) => sg.groups[0] === part.key)?.groups ?? [part.key]);
    const assigned = new Set(a.profile.summaryGroups.flatMap((sg) => sg.groups));
    const members = a.indicators.filter((i) =>
      keys ? keys.includes(i.group) : !assigned.has(i.group)
    );
    const cats = keys ? a.categories.filter((c) => keys.includes(c.key)) : [];
    const weighted = members.some((i) => i.weight !== null);
    out.push({
      label: summaryLabel(a.profile, part.key),
      // no 分值 column (Hubei style): the group has no weight to print, not a weight of 0
      weight: !weighted
        ? null
        : keys
          ? cats.length
            ? sum(cats.map((c) => c.weight)).toNumber()
            : null
          : sum(members.map((i) => i.weight ?? 0)).toNumber(),
      score: part.score,
      members,
    });
  }
  return out;
}

function indicatorParagraph(i: IndicatorRow, n: Numbers): { text: string; draft: boolean } {
  const parts: string[] = [];
  if (i.kind === "qualitative" || i.actual.kind === "text")
    parts.push(`年度指标值为“${i.target.raw}”`, `实际完成情况为“${i.actual.raw}”`);
  else {
    parts.push(`年度指标值为${i.target.raw}`, `实际完成值为${i.actual.raw}`);
    if (i.completion !== null) parts.push(`完成率${n.rate(i.completion)}%`);
  }
  parts.push(`得${n.score(i.score ?? 0)}分（分值${n.score(i.weight ?? 0)}分）`);
  parts.push(`扣${n.score(lostPoints(i.weight ?? 0, i.score ?? 0))}分`);
  const facts = `${i.name}：${parts.join("，")}。`;
  if (isPlaceholderText(i.reason))
    return { text: `${facts}主要原因：${DRAFT_MARK}表中未填写偏差原因，请补充。`, draft: true };
  return { text: `${facts}主要原因：${sentence(i.reason.trim())}`, draft: false };
}

/** The report (SPEC §11 outline, the seed's sentences) from the Analysis. */
export function buildReport(a: Analysis): ReportDoc {
  const n = numbersOf(a);
  const p = a.project;
  const unit = p.moneyUnit || "万元";
  const blocks: ReportBlock[] = [];
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: "heading", level, text });
  const para = (text: string) => blocks.push({ kind: "paragraph", text });
  const draft = (text: string) =>
    blocks.push({ kind: "paragraph", text: `${DRAFT_MARK}${text}`, draft: true });
  const projectName = p.name || "本项目";
  const org = p.unit || p.dept;
  const title = `${org}${p.year ? `${p.year}年度` : ""}${p.name || "项目"}支出绩效自评报告`;

  // 一、基本情况
  h(1, "一、基本情况");
  h(2, "（一）项目概况");
  const who = [p.dept ? `主管部门：${p.dept}` : "", p.unit ? `实施单位：${p.unit}` : ""].filter(
    Boolean
  );
  para(`项目名称：${projectName}。${who.length ? `${who.join("；")}。` : ""}`);
  draft("项目背景：请补充项目设立依据、主要内容和实施范围。");
  h(2, "（二）资金投入和使用情况");
  const b = a.budget;
  if (b) {
    const amounts = [
      b.planned !== null ? `年初预算数为${n.amount(b.planned)}${unit}` : "",
      b.adjusted !== null ? `全年预算数为${n.amount(b.adjusted)}${unit}` : "",
      b.executed !== null ? `全年执行数为${n.amount(b.executed)}${unit}` : "",
    ].filter(Boolean);
    const spent =
      b.executed !== null && b.rate !== null
        ? `本年度支出${n.amount(b.executed)}${unit}，支出率${n.rate(b.rate)}%。`
        : "";
    if (amounts.length || spent) para(`${amounts.length ? `${amounts.join("，")}。` : ""}${spent}`);
    else draft("表中资金情况为空：请补充年初预算数、全年预算数和全年执行数。");
  } else draft("表中没有项目资金部分：请补充资金投入和使用情况。");
  h(2, "（三）项目绩效目标");
  if (a.goals && (a.goals.expected || a.goals.actual)) {
    if (a.goals.expected) para(`年度总体目标：${sentence(a.goals.expected.trim())}`);
    if (a.goals.actual) para(`实际完成情况：${sentence(a.goals.actual.trim())}`);
  } else draft("表中没有年度总体目标：请补充项目年度绩效目标及实际完成情况。");

  // 二、绩效评价工作开展情况
  h(1, "二、绩效评价工作开展情况");
  draft(
    `请补充绩效评价目的、对象和范围，评价原则、方法和标准。评价指标及评分详见工作表“${a.sheet}”。`
  );

  // 三、综合评价情况及评价结论
  h(1, "三、综合评价情况及评价结论");
  const judged = a.indicators.filter((i) => i.weight !== null && i.score !== null);
  const fulls = a.indicators.filter(full);
  const losts = a.indicators.filter(lost);
  if (a.indicators.length && judged.length === 0)
    para(
      `本项目共设置绩效指标${a.indicators.length}个（表中没有分值，无法判断各指标是否得满分）。`
    );
  else if (a.indicators.length) {
    const unknown = a.indicators.length - judged.length;
    para(
      `本项目共设置绩效指标${a.indicators.length}个，其中${fulls.length}个全部完成，${losts.length}个未完全完成` +
        (unknown > 0 ? `，${unknown}个缺少分值或得分、无法判断` : "") +
        "。"
    );
  }
  para(a.summary.sentence);

  // 四、绩效评价指标分析
  h(1, "四、绩效评价指标分析");
  const groups = scoreGroups(a);
  const rows: (string | number)[][] = [];
  const bars: number[] = [];
  const addRow = (label: string, weight: number | null, score: number) => {
    rows.push([
      label,
      weight ?? "—",
      dec(score).toNumber(),
      weight === null ? "—" : lostPoints(weight, score).toNumber(),
    ]);
    bars.push(weight ? dec(score).dividedBy(weight).toNumber() : NaN);
  };
  if (b) addRow("预算执行", b.weight, b.score.written ?? 0);
  for (const g of groups) addRow(g.label, g.weight, g.score);
  addRow("合计", a.total.weight, a.total.computed);
  para("各类指标得分情况如下表：");
  blocks.push({ kind: "table", header: ["类别", "分值", "得分", "扣分"], rows, bars });

  const chinese = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  let k = 0;
  const sub = (text: string) => h(2, `（${chinese[k++] ?? String(k)}）${text}`);
  if (b) {
    sub("预算执行情况");
    const score = b.score.written;
    if (b.rate === null) draft("表中没有可计算执行率的预算数：请补充预算执行情况。");
    else
      para(
        `预算执行率为${n.rate(b.rate)}%，` +
          (score === null
            ? `预算执行得分未填写（分值${n.score(b.weight)}分）。`
            : `得${n.score(score)}分（分值${n.score(b.weight)}分）` +
              (score < b.weight ? `，扣${n.score(lostPoints(b.weight, score))}分。` : "。"))
      );
  }
  for (const g of groups) {
    sub(`${g.label}指标`);
    const gl = g.members.filter(lost);
    const head =
      `${g.label}指标共${g.members.length}个` +
      (g.weight !== null
        ? `，分值${n.score(g.weight)}分，得${n.score(g.score)}分`
        : `，得${n.score(g.score)}分`) +
      (g.weight !== null && g.score < g.weight
        ? `，扣${n.score(lostPoints(g.weight, g.score))}分`
        : "") +
      "。" +
      (gl.length > 0
        ? `其中${gl.length}个指标未得满分：`
        : g.members.every(full)
          ? "各项指标均得满分。"
          : "");
    para(head);
    for (const i of gl) {
      const ip = indicatorParagraph(i, n);
      blocks.push({ kind: "paragraph", text: ip.text, ...(ip.draft ? { draft: true } : {}) });
    }
  }

  // 五、六: drafts from the reasons column, never invented facts
  const explained = losts
    .filter((i) => !isPlaceholderText(i.reason))
    .map((i) => ({ i, ...splitReason(i.reason) }));
  h(1, "五、主要经验及做法、存在的问题及原因分析");
  h(2, "（一）主要经验及做法");
  draft("请结合项目组织实施、资金管理和绩效管理情况，补充主要经验及做法。");
  h(2, "（二）存在的问题及原因分析");
  if (explained.length) {
    draft("以下根据各指标的偏差原因整理，请核实、归纳后完善：");
    for (const e of explained)
      draft(
        `${e.i.name}（扣${n.score(lostPoints(e.i.weight ?? 0, e.i.score ?? 0))}分）：${e.cause || e.i.reason.trim()}。`
      );
  } else draft("表中没有填写偏差原因的扣分指标：请补充存在的问题及原因分析。");

  h(1, "六、有关建议");
  const measures = explained.filter((e) => e.measure);
  if (measures.length) {
    draft("以下根据各指标的改进措施整理，请核实、归纳后完善：");
    for (const e of measures) draft(`${e.i.name}：${e.measure}。`);
  } else draft("请结合存在的问题提出有关建议。");

  return { title, blocks };
}

// -----------------------------------------------------------------------------------------------------------
// The report sheet

/** Report sheet columns: 类别 | 分值 | 得分 | 扣分 | 得分情况; paragraphs span all five. */
export const REPORT_COLUMN_WIDTHS = [22, 11, 11, 11, 25];
const LINE_POINTS = 16;

function rowHeight(text: string, style: SheetRow["style"]): number | undefined {
  const avail = REPORT_COLUMN_WIDTHS.reduce((s, w) => s + w, 0) - 2;
  const factor = style === "title" ? 1.6 : style === "heading" ? 1.1 : 1.05;
  const lines = Math.max(1, Math.ceil((textWidth(text) * factor) / avail));
  if (style === "title") return Math.max(30, lines * 24);
  if (style === "heading") return 22;
  return lines > 1 ? lines * LINE_POINTS + 4 : undefined;
}

/** The report as a new sheet (name unique in the workbook). Every cell is text or a number, never a formula. */
export function reportSheet(doc: ReportDoc, existingSheetNames: string[]): NewSheet {
  const span = REPORT_COLUMN_WIDTHS.length;
  const rows: SheetRow[] = [];
  const text = (style: SheetRow["style"], value: string) => {
    const row: SheetRow = { cells: [{ value }], style, span };
    const height = rowHeight(value, style);
    if (height !== undefined) row.height = height;
    rows.push(row);
  };
  text("title", doc.title);
  for (const block of doc.blocks) {
    if (block.kind === "heading") {
      if (block.level === 1) rows.push({ cells: [], style: "body" });
      text(block.level === 1 ? "heading" : "subheading", block.text);
    } else if (block.kind === "paragraph") text(block.draft ? "draft" : "body", block.text);
    else {
      const withBars = block.bars !== undefined;
      rows.push({
        cells: [...block.header, ...(withBars ? [BAR_HEADER] : [])].map((value) => ({ value })),
        style: "tableHeader",
      });
      block.rows.forEach((r, i) =>
        rows.push({
          cells: [
            ...r.map((value) => ({ value })),
            ...(withBars ? [{ value: textBar(block.bars?.[i] ?? 0) }] : []),
          ],
          style: "table",
        })
      );
    }
  }
  rows.push({ cells: [], style: "body" });
  text(
    "note",
    `${DRAFT_MARK}标记的段落为根据自评表自动整理的草稿，请核实、补充后再提交；其余数字均取自自评表。`
  );
  return {
    name: uniqueSheetName(REPORT_SHEET_NAME, existingSheetNames),
    rows,
    columnWidths: [...REPORT_COLUMN_WIDTHS],
  };
}

// -----------------------------------------------------------------------------------------------------------
// Markdown

function mdText(s: string): string {
  return s
    .replace(/([\\`*_<>[\]|])/g, "\\$1")
    .replace(/^(#|>|[-+]\s|\d+[.)]\s)/, "\\$1")
    .replace(/\r?\n/g, "  \n");
}

/** The report as Markdown (headings, paragraphs, the score table with its bars). */
export function reportMarkdown(doc: ReportDoc): string {
  const out: string[] = [`# ${mdText(doc.title)}`];
  for (const block of doc.blocks) {
    if (block.kind === "heading") out.push(`${"#".repeat(block.level + 1)} ${mdText(block.text)}`);
    else if (block.kind === "paragraph") out.push(mdText(block.text));
    else {
      const withBars = block.bars !== undefined;
      const header = [...block.header, ...(withBars ? [BAR_HEADER] : [])];
      const lines = [
        `| ${header.map(mdText).join(" | ")} |`,
        `| ${header.map((_, i) => (i === 0 || (withBars && i === header.length - 1) ? "---" : "---:")).join(" | ")} |`,
        ...block.rows.map(
          (r, i) =>
            `| ${[...r.map((v) => mdText(String(v))), ...(withBars ? [textBar(block.bars?.[i] ?? 0)] : [])].join(" | ")} |`
        ),
      ];
      out.push(lines.join("\n"));
    }
  }
  return out.join("\n\n") + "\n";
}

/** Every text of the report in reading order (title, headings, paragraphs, table cells): what the tests compare. */
export function reportTexts(doc: ReportDoc): string[] {
  const out = [doc.title];
  for (const block of doc.blocks) {
    if (block.kind === "table") {
      out.push(...block.header);
      for (const r of block.rows) out.push(...r.map(String));
    } else out.push(block.text);
  }
  return out;
}
