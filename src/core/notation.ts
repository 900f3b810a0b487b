// Value notation (SPEC §3): what people write in 年度指标值 / 实际完成值 / amount / rate / weight cells.
//
// Strings in, strings out: numbers are kept as canonical decimal strings ("137.85", "1378500", "28.5") and are
// never pushed through binary floats. Scaling by powers of ten (percent formats, 万元 ↔ 元) is done by moving the
// decimal point, which is exact. Every exported function is total: whatever the input, it returns, never throws.
//
// Judgement calls (the table-driven tests pin each of them down):
//  • A text is read as a number only when it holds exactly ONE number and looks like "[label][operator words]
//    number [unit][以上/以内/以下/内/左右/完成…]": "不少于800篇", "满意度≥90%", "控制在137.85万元以内",
//    "开展活动30场", "提升10%". The label may be at most 16 letters. Anything else is text: two numbers
//    ("90%-95%", "2024年12月31日前", "较2023年增长5%"), a date-like or sentence tail after the number
//    ("12月底之前完成", "6月底前"), a year ("2024年完成", "2023年度"), a ranking ("前3名", "全市第1": the
//    direction of a rank is not "at least").
//  • A unit is either a known unit (个 场 万元 人次 个工作日 …) or an unknown one of at most 4 letters that contains
//    none of the function words of a sentence (的 之 前 后 底 完 成 …); unknown units are kept as written.
//  • 提升/提高/增长/增加/降低/下降/减少 … before the number make the value relative (op stays ">="); "提升至95%"
//    (至/到 after the verb) is an absolute target, not a relative one.
//  • 30余场 / 300多人 / 3万余人次 / 3个多月 / 1年多 read as at least (">=", explicit); the 余/多 is not part of the
//    unit.
//  • When both a prefix and a suffix operator are written ("≥95%以上"), the prefix wins.
//  • An operator written in the value cell wins over the 指标性质 column; the column only replaces the default.
//  • A cell is empty when, after NFKC, it holds no letter and no digit ("", "/", "-", "—", "……", "？"); "无" and
//    "暂无" are text (a word someone wrote), not empty.
//  • Qualitative classes: negated achieved words (不合格, 未按时, 不及时, 不明显, 没有完成, 未能…) are
//    notAchieved, checked before the partial and achieved words, so 不合格 is never read as 合格.

import { boundedMemo } from "./memo";
import type { CellValue } from "./grid";
import {
  canonicalDecimal,
  isOutOfRange,
  isPercentFormat,
  isTiny,
  MAX_VALUE_MAGNITUDE,
  TINY_NUMBER,
} from "./numbers";
import { unicodeRegExp } from "./unicodeClass";
import { formatUnit, isUnit, normalizeUnit } from "./units";
import { classifyQualitative } from "./qualitative";

// \p{L} and \p{N} through unicodeRegExp: an ES2018 literal would stop the script in EdgeHTML 18 (Office 2019)
const LABEL_CHARS = unicodeRegExp("^[\\p{L}()]*$");
const UNIT_LETTER = unicodeRegExp("[\\p{L}%‰]");
const LETTER_OR_NUMBER = unicodeRegExp("[\\p{L}\\p{N}]");

export {
  canonicalDecimal,
  isDateFormat,
  isOutOfRange,
  isPercentFormat,
  MAX_CELL_MAGNITUDE,
  parseNumberCell,
} from "./numbers";
export { comparable, normalizeUnit, unitFactor } from "./units";
export { classifyQualitative } from "./qualitative";

export type Operator = ">=" | ">" | "<=" | "<" | "=";
export type { QualitativeClass } from "./qualitative";
import type { QualitativeClass } from "./qualitative";

export interface NumberValue {
  kind: "number";
  raw: string;
  op: Operator;
  explicitOp: boolean;
  value: string;
  unit: string;
  relative: boolean;
}
export interface TextValue {
  kind: "text";
  raw: string;
  qualitative: QualitativeClass | null;
}
export interface EmptyValue {
  kind: "empty";
  raw: string;
}
export type ParsedValue = NumberValue | TextValue | EmptyValue;
// ───────────────────────────── operators ─────────────────────────────

/** Operator tokens, longest first so "不低于" wins over "低于" and ">=" over ">". */
const OPERATOR_TOKENS: Array<[string, Operator]> = (
  [
    ["大于或等于", ">="],
    ["小于或等于", "<="],
    ["大于等于", ">="],
    ["小于等于", "<="],
    ["不少于", ">="],
    ["不低于", ">="],
    ["不小于", ">="],
    ["不超过", "<="],
    ["不高于", "<="],
    ["不大于", "<="],
    ["不多于", "<="],
    ["控制在", "<="],
    ["至少", ">="],
    ["最少", ">="],
    ["最低", ">="],
    ["最多", "<="],
    ["最高", "<="],
    ["大于", ">"],
    ["高于", ">"],
    ["超过", ">"],
    ["多于", ">"],
    ["小于", "<"],
    ["低于", "<"],
    ["少于", "<"],
    ["等于", "="],
    [">=", ">="],
    ["=>", ">="],
    ["<=", "<="],
    ["=<", "<="],
    ["==", "="],
    ["≥", ">="],
    ["≧", ">="],
    ["⩾", ">="],
    ["≮", ">="],
    ["≤", "<="],
    ["≦", "<="],
    ["⩽", "<="],
    ["≯", "<="],
    [">", ">"],
    ["<", "<"],
    ["=", "="],
  ] as Array<[string, Operator]>
).sort((x, y) => y[0].length - x[0].length);

/** Words of the 指标性质 column only. */
const COLUMN_TOKENS: Array<[string, Operator]> = [
  ["正向", ">="],
  ["反向", "<="],
  ["以上", ">="],
  ["以下", "<="],
  ["以内", "<="],
];
/** Both lists, longest first (a stable sort: of equal lengths, an operator word comes before a column word). */
const ALL_OPERATOR_TOKENS = [...OPERATOR_TOKENS, ...COLUMN_TOKENS].sort(
  (x, y) => y[0].length - x[0].length
);

/** "≥", ">=", "＞", "不少于", "正向" … → Operator; "定性", "定量" or unknown → null. */
export function parseOperator(text: CellValue): Operator | null {
  if (typeof text !== "string") return null;
  // Stryker disable next-line Regex: /\s/g and /\s+/g both remove every blank
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  if (s.includes("定性")) return null;
  const tok = ALL_OPERATOR_TOKENS.find(([t]) => s.includes(t));
  return tok ? tok[1] : null;
}

function isQualitativeColumn(text: CellValue | undefined): boolean {
  return typeof text === "string" && text.normalize("NFKC").includes("定性");
}

// ───────────────────────────── numbers in text ─────────────────────────────

const NUMBER_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+/g;
const RELATIVE_RE =
  /(提升|提高|增长|增加|上升|增幅|下降|降低|减少|缩短|压缩|节约|节省|降幅)(?![至到])/;
const SUFFIX_TOKENS: Array<[string, Operator | null]> = (
  [
    ["及以上", ">="],
    ["或以上", ">="],
    ["以上", ">="],
    ["及以下", "<="],
    ["或以下", "<="],
    ["以下", "<="],
    ["以内", "<="],
    ["之内", "<="],
    ["内", "<="],
    ["(含)", null],
    ["(含本数)", null],
    ["左右", null],
    ["完成", null],
    ["达成", null],
    ["达标", null],
  ] as Array<[string, Operator | null]>
).sort((x, y) => y[0].length - x[0].length);
const MAX_LABEL = 16;

/** Tokens by their last character, longest first: finding the token a text ends with looks at a short list. */
function byLastChar<T>(tokens: Array<[string, T]>): Map<string, Array<[string, T]>> {
  const index = new Map<string, Array<[string, T]>>();
  for (const tok of tokens) {
    const last = tok[0][tok[0].length - 1];
    index.set(last, [...(index.get(last) ?? []), tok]);
  }
  return index;
}

/** The longest token `text` ends with. */
function endToken<T>(
  index: Map<string, Array<[string, T]>>,
  text: string
): [string, T] | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: an empty text has no last character, so no list either
  if (text === "") return undefined;
  return index.get(text[text.length - 1])?.find(([t]) => text.endsWith(t));
}

const OPERATOR_ENDINGS = byLastChar(OPERATOR_TOKENS);
const SUFFIX_ENDINGS = byLastChar(SUFFIX_TOKENS);

interface NumberText {
  op: Operator | null;
  value: string;
  unit: string;
  relative: boolean;
}

/** "[label][operator words]number[unit][suffix]" → parts, or null when the text is not such a number. */
function parseNumberText(text: string): NumberText | null {
  return numberTextOf(text);
}
// targets repeat down a form and across forms (≥95%, 100%, ≤50万元): each text is read once
const numberTextOf = boundedMemo(readNumberText);

function readNumberText(text: string): NumberText | null {
  // Stryker disable next-line Regex: /\s/g and /\s+/g both remove every blank
  const s = text.replace(/\s+/g, "").replace(/[。.,;、!]+$/, "");
  // exactly one number in the text (exec on the shared /g regex: lastIndex is reset before and after)
  NUMBER_RE.lastIndex = 0;
  const match = NUMBER_RE.exec(s);
  // Stryker disable next-line ConditionalExpression: with no first match a second exec from 0 finds none either
  const second = match ? NUMBER_RE.exec(s) : null;
  NUMBER_RE.lastIndex = 0;
  if (!match || second) return null;
  const index = match.index;
  let before = s.slice(0, index);
  let after = s.slice(index + match[0].length);
  let numberText = match[0].replace(/,/g, "");

  // sign: only at the start or right after an operator symbol ("≥-5", "-3.2"), never "满意度-90%"
  // Stryker disable next-line Regex: a sign elsewhere in the prefix is not a letter, so the label check refuses it
  const signMatch = /[-−+]$/.exec(before);
  if (signMatch) {
    const rest = before.slice(0, -1);
    if (rest !== "" && !endToken(OPERATOR_ENDINGS, rest)) return null;
    if (signMatch[0] !== "+") numberText = "-" + numberText;
    before = rest;
  }
  const value = canonicalDecimal(numberText);
  // Stryker disable next-line ConditionalExpression: NUMBER_RE matched digits, which always have a decimal form
  if (value === null) return null;

  const relative = RELATIVE_RE.test(before);
  let percentPrefix = false;
  if (before.endsWith("百分之")) {
    percentPrefix = true;
    before = before.slice(0, -3);
  }
  before = before.replace(/[:]+$/, "");

  // operator words and symbols at the end of the prefix (the one nearest the number wins)
  let prefixOp: Operator | null = null;
  for (;;) {
    const tok = endToken(OPERATOR_ENDINGS, before);
    if (!tok) break;
    if (prefixOp === null) prefixOp = tok[1];
    before = before.slice(0, -tok[0].length);
  }
  const label = before;
  if (label.length > MAX_LABEL || !LABEL_CHARS.test(label)) return null;
  if (/(前|第|排名|名列|位列)$/.test(label)) return null; // a rank: "前3名", "全市第1"
  // Stryker disable next-line ConditionalExpression,StringLiteral: an empty label includes no operator word either way
  if (prefixOp === null && label !== "") {
    // the label holds letters only, so only operator words (控制在, 不超过) can be inside it
    const inner = OPERATOR_TOKENS.find(([t]) => label.includes(t));
    if (inner) prefixOp = inner[1];
  }

  // unit and suffix words
  // a trailing note in brackets: "100%(抽样调查)"; "(含)" before a suffix word is a suffix word itself
  let paren: RegExpExecArray | null;
  while ((paren = /\([^()]*\)$/.exec(after)) !== null) after = after.slice(0, -paren[0].length);
  let suffixOp: Operator | null = null;
  for (;;) {
    const tok = endToken(SUFFIX_ENDINGS, after);
    if (!tok) break;
    if (suffixOp === null) suffixOp = tok[1];
    after = after.slice(0, -tok[0].length);
  }
  // 30余场, 3万余人次, 3个多月 (more than 3 months), and after a unit of time: 1年多, 3天多
  const more = /^(千万|百万|亿|万|千|个)?[余多]/.exec(after);
  const moreAfterUnit = /^(年|个?月|天|日|周|个?小时)[余多]$/.exec(after);
  if (more) {
    if (suffixOp === null) suffixOp = ">=";
    after = (more[1] ?? "") + after.slice(more[0].length);
  } else if (moreAfterUnit) {
    if (suffixOp === null) suffixOp = ">=";
    after = moreAfterUnit[1];
  }
  let unit = normalizeUnit(after);
  if (!isUnit(unit)) return null;
  if ((unit === "年" || unit === "年度") && /^(19|20)\d\d$/.test(value)) return null; // a year: "2024年完成"
  if (percentPrefix) {
    if (unit !== "" && unit !== "%") return null;
    unit = "%";
  }
  return { op: prefixOp ?? suffixOp, value, unit, relative };
}

// ───────────────────────────── parseValue ─────────────────────────────

function safeString(input: unknown): string {
  if (typeof input === "string") return input;
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  return "";
}

function unitFromColumn(unit: CellValue | undefined): string {
  if (typeof unit !== "string") return "";
  const u = normalizeUnit(unit);
  if (!UNIT_LETTER.test(u) || /\d/.test(u)) return "";
  return u;
}

function isBlank(s: string): boolean {
  return !LETTER_OR_NUMBER.test(s);
}

/**
 * Parse a target or actual cell. numFmt: the cell's Excel number format (0.95 with a "%" format means 95%).
 * columns: the optional 指标性质 (operator) and 度量单位 (unit) cells of the same row. Never throws.
 */
export function parseValue(
  input: CellValue,
  numFmt?: string,
  columns?: { operator?: CellValue; unit?: CellValue }
): ParsedValue {
  try {
    return parseValueUnsafe(input, numFmt, columns);
  } catch {
    return { kind: "text", raw: safeString(input), qualitative: null };
  }
}

function parseValueUnsafe(
  input: CellValue,
  numFmt: string | undefined,
  columns: { operator?: CellValue; unit?: CellValue } | undefined
): ParsedValue {
  const opColumn = columns?.operator;
  const qualitativeColumn = isQualitativeColumn(opColumn);
  const columnOp = qualitativeColumn ? null : parseOperator(opColumn ?? null);
  const columnUnit = unitFromColumn(columns?.unit);

  if (typeof input === "number") {
    const raw = String(input);
    if (!Number.isFinite(input) || isOutOfRange(input, MAX_VALUE_MAGNITUDE))
      return { kind: "text", raw, qualitative: null };
    if (qualitativeColumn) return { kind: "text", raw, qualitative: null };
    const percent = isPercentFormat(numFmt);
    const value = canonicalDecimal(Math.abs(input) < TINY_NUMBER ? "0" : raw, percent ? 2 : 0);
    // Stryker disable next-line all: a finite number within range always has a decimal form
    if (value === null) return { kind: "text", raw, qualitative: null };
    return {
      kind: "number",
      raw,
      op: columnOp ?? ">=",
      explicitOp: columnOp !== null,
      value,
      unit: percent ? "%" : formatUnit(numFmt) || columnUnit,
      relative: false,
    };
  }
  if (typeof input === "boolean") return { kind: "text", raw: String(input), qualitative: null };
  if (typeof input !== "string") return { kind: "empty", raw: "" };

  const raw = input;
  const s = raw.normalize("NFKC");
  if (isBlank(s)) return { kind: "empty", raw };
  const text = (): TextValue => ({ kind: "text", raw, qualitative: classifyQualitative(raw) });
  if (qualitativeColumn) return text();
  const n = parseNumberText(s);
  if (n === null || isOutOfRange(Number(n.value), MAX_VALUE_MAGNITUDE) || isTiny(n.value))
    return text();
  return {
    kind: "number",
    raw,
    op: n.op ?? columnOp ?? ">=",
    explicitOp: n.op !== null || columnOp !== null,
    value: n.value,
    unit: n.unit || columnUnit,
    relative: n.relative,
  };
}
