// Qualitative actuals (SPEC §3): the words that say a target was achieved, partly achieved or not achieved.
// Split out of notation.ts; notation.ts re-exports classifyQualitative.

export type QualitativeClass = "achieved" | "partial" | "notAchieved";

const ACHIEVED_WORDS = [
  "达成",
  "完成",
  "已完成",
  "及时",
  "合格",
  "达标",
  "显著",
  "明显",
  "较好",
  "良好",
  "符合",
  "按时",
  "达到",
  "优秀",
];
const PARTIAL_WORDS = ["部分", "基本", "一定效果", "有所"];
const NOT_ACHIEVED_WORDS = [
  "未达成",
  "未完成",
  "较差",
  "滞后",
  "效果差",
  "未能",
  ...ACHIEVED_WORDS.flatMap((w) => ["未", "不", "没", "没有", "尚未", "无法"].map((n) => n + w)),
];

// one alternation per band: a 2,000-row form classifies every text cell, ninety includes() each was the cost
const wordsRe = (words: string[]) => new RegExp(words.join("|"));
const NOT_ACHIEVED_RE = wordsRe(NOT_ACHIEVED_WORDS);
const PARTIAL_RE = wordsRe(PARTIAL_WORDS);
const ACHIEVED_RE = wordsRe(ACHIEVED_WORDS);

/**
 * Classify a qualitative actual (SPEC §3). Not-achieved words first (未达成, 未完成, 较差, 滞后 and any negated
 * achieved word: 不合格, 未按时 …), then partial (部分, 基本, 一定效果, 有所), then achieved. null = cannot classify.
 */
export function classifyQualitative(text: string): QualitativeClass | null {
  if (typeof text !== "string") return null;
  // Stryker disable next-line Regex: /\s/g and /\s+/g both remove every blank
  const s = text.normalize("NFKC").replace(/\s+/g, "");
  if (NOT_ACHIEVED_RE.test(s)) return "notAchieved";
  if (PARTIAL_RE.test(s)) return "partial";
  if (ACHIEVED_RE.test(s)) return "achieved";
  return null;
}
