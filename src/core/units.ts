// Units of a value (SPEC §3): known units, unit conversion (万元 ↔ 元) and comparing two numbers.
// Split out of notation.ts; every export here is re-exported there.
import { boundedMemo } from "./memo";
import type { NumberValue } from "./notation";
import { Decimal } from "./decimal";
import { canonicalDecimal, pow10 } from "./numbers";
import { unicodeRegExp } from "./unicodeClass";

/** A unit written as a literal in the format's first section: `0.00"万元"` → "万元", `0\个` → "个". */
export function formatUnit(numFmt: string | undefined | null): string {
  if (typeof numFmt !== "string") return "";
  const first = numFmt.split(";")[0] ?? "";
  let lit = "";
  const re = /"([^"]*)"|\\(.)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(first)) !== null) lit += m[1] ?? m[2] ?? "";
  const unit = normalizeUnit(lit);
  return unit !== "" && isUnit(unit) ? unit : "";
}

// ───────────────────────────── units ─────────────────────────────

const KNOWN_UNITS = new Set([
  "%",
  "‰",
  "个",
  "场",
  "次",
  "篇",
  "期",
  "件",
  "户",
  "人",
  "人次",
  "万人次",
  "万人",
  "家",
  "项",
  "天",
  "日",
  "月",
  "个月",
  "年",
  "周",
  "季度",
  "小时",
  "分钟",
  "个工作日",
  "工作日",
  "元",
  "千元",
  "万元",
  "百万元",
  "亿元",
  "美元",
  "万美元",
  "分",
  "台",
  "套",
  "份",
  "本",
  "册",
  "所",
  "处",
  "座",
  "条",
  "批",
  "张",
  "部",
  "辆",
  "吨",
  "万吨",
  "亩",
  "万亩",
  "公里",
  "千米",
  "米",
  "平方米",
  "万平方米",
  "公顷",
  "名",
  "位",
  "株",
  "棵",
  "头",
  "只",
  "课时",
  "学时",
  "门",
  "节",
  "幅",
  "块",
  "村",
  "起",
  "宗",
  "例",
  "床",
  "间",
  "栋",
  "届",
  "轮",
  "组",
  "队",
  "支",
  "类",
  "种",
  "百分点",
  "个百分点",
  "元/人",
  "人/次",
  "次/年",
  "千瓦时",
  "度",
  "万册",
  "万件",
  "万次",
  "万份",
  "个/年",
]);

/** Characters that mark a sentence tail rather than a unit ("月底之前完成", "年底前"). */
const NOT_IN_UNIT = /[的之前后底完成并且和或是否有无在于为将已未及达到至内上下中左右以]/;

/** Unit as written, with 百分比/百分率 → "%". */
export function normalizeUnit(unit: string): string {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: "" normalises to "" either way
  if (unit === "") return "";
  return normalizedUnitOf(unit);
}
// a form writes the same few units on every row
const normalizedUnitOf = boundedMemo((unit: string) => {
  const u = unit.normalize("NFKC").replace(/\s+/g, "");
  return u === "百分比" || u === "百分率" || u === "百分数" ? "%" : u;
}, 2000);

// letters, "/" (次/年), ‰ and ° only (\p{L} through unicodeRegExp: no ES2018 literal, see unicodeClass.ts)
const UNIT_CHARS = unicodeRegExp("^[\\p{L}/‰°]+$");

export function isUnit(u: string): boolean {
  if (u === "" || KNOWN_UNITS.has(u)) return true;
  if (u.length > 4 || !UNIT_CHARS.test(u)) return false;
  return !NOT_IN_UNIT.test(u);
}

/** The key two units are compared by: 个工作日 ≡ 工作日, 日 ≡ 天, 名/位 ≡ 人, 公里 ≡ 千米. */
function unitKey(unit: string): string {
  let u = normalizeUnit(unit);
  if (u.length > 1 && u.startsWith("个")) u = u.slice(1);
  if (u === "日") return "天";
  if (u === "名" || u === "位") return "人";
  if (u === "公里") return "千米";
  return u;
}

const SCALE_PREFIXES: Array<[string, number]> = [
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
];

function splitScale(key: string): { exp: number; base: string } {
  for (const [p, e] of SCALE_PREFIXES) {
    if (key.length > p.length && key.startsWith(p)) return { exp: e, base: key.slice(p.length) };
  }
  return { exp: 0, base: key };
}

/** Power of ten that converts b into a's unit, or null. */
function unitShift(aUnit: string, bUnit: string): number | null {
  return keyShift(unitKey(aUnit), unitKey(bUnit));
}

function keyShift(a: string, b: string): number | null {
  if (a === "" || b === "" || a === b) return 0;
  const sa = splitScale(a);
  const sb = splitScale(b);
  if (sa.base === sb.base) return sb.exp - sa.exp;
  return null;
}

/**
 * The factor to multiply b's value by to express it in a's unit, or null when the units do not compare.
 * unitFactor("元", "万元") = "10000" (3 万元 = 30000 元); unitFactor("万元", "元") = "0.0001";
 * unitFactor("场", "篇") = null; unitFactor("", "场") = "1".
 */
export function unitFactor(aUnit: string, bUnit: string): string | null {
  try {
    const s = unitShift(String(aUnit ?? ""), String(bUnit ?? ""));
    return s === null ? null : pow10(s);
  } catch {
    return null;
  }
}

/** Both numbers in a's unit, or null when they cannot be compared (see unitFactor; % vs a fraction ≤ 1 is ×100). */
const ONE = new Decimal(1);

export function comparable(a: NumberValue, b: NumberValue): { a: string; b: string } | null {
  try {
    const au = unitKey(a.unit);
    const bu = unitKey(b.unit);
    const shift = keyShift(au, bu);
    if (shift === null) return null;
    let av = canonicalDecimal(a.value);
    let bv = canonicalDecimal(b.value, shift);
    if (av === null || bv === null) return null;
    if (au === "%" && bu === "" && new Decimal(bv).lte(ONE) && new Decimal(av).gt(ONE)) {
      bv = canonicalDecimal(bv, 2);
    } else if (bu === "%" && au === "" && new Decimal(av).lte(ONE) && new Decimal(bv).gt(ONE)) {
      av = canonicalDecimal(av, 2);
    }
    if (av === null || bv === null) return null;
    return { a: av, b: bv };
  } catch {
    return null;
  }
}
