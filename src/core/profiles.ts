// Regional scoring rules as data (SPEC §8). A profile is never code: every setting is a field the user may adjust
// and keep with the workbook.
import type { Rounding } from "./decimal";

export interface GroupSpec {
  /** Stable key used in settings: "产出", "效益", "可持续影响", "满意度", "绩效指标". */
  key: string;
  /** Words matched (contained) in the 一级 name, or in the 二级 name when `matchLevel2`. */
  match: string[];
  /** An indicator whose 二级 (or 一级) name matches belongs here even when its 一级 is another group (可持续影响 under 效益). */
  matchLevel2?: boolean;
  /** Weight the profile fixes for the group, or null when free. */
  weight: number | null;
  /** A missing group is reported (GROUP_MISSING). */
  required: boolean;
  /** 二级 categories the group must contain (e.g. 数量, 时效). */
  requiredLevel2?: string[];
}

export interface GradeBand {
  label: string;
  /** Inclusive lower bound of the total. */
  min: number;
}

export interface SummaryGroup {
  label: string; // 项目产出
  groups: string[]; // group keys
}

export type AtMostRule = "ratio" | "linear";

export interface Profile {
  id: string;
  name: string;
  totalWeight: number;
  budgetWeight: number;
  groups: GroupSpec[];
  /** false: a group weight that differs from the profile is a warning ("may be adjusted in special cases"). */
  groupWeightsStrict: boolean;
  summaryGroups: SummaryGroup[];
  grades: GradeBand[];
  atMostRule: AtMostRule;
  /** Lower bounds, as fractions of the weight, of the qualitative bands: achieved [achieved, 1], partial [partial, achieved). */
  qualitativeBands: { achieved: number; partial: number };
  /** Actual ≥ factor × target must be explained. */
  overAchievementFactor: number;
  /** Budget execution below this rate (in %) needs a reason. */
  reasonBudgetThreshold: number;
  rounding: Rounding;
  /** Indicators marked 不适用 are left out and the total is scaled to the applicable weights. */
  notApplicable: boolean;
  /** Print summary numbers with fixed decimals (24.60) instead of the seed's 24.6. */
  summaryFixedDecimals: boolean;
  /** Settings that are best guesses, shown as such in the UI. */
  unconfirmed: string[];
}

const GROUP_KEYS = {
  output: "产出",
  benefit: "效益",
  sustain: "可持续影响",
  satisfaction: "满意度",
};

const CENTRAL_SUMMARY: SummaryGroup[] = [
  { label: "项目产出", groups: [GROUP_KEYS.output] },
  { label: "项目效益", groups: [GROUP_KEYS.benefit, GROUP_KEYS.sustain] },
  { label: "服务对象满意度", groups: [GROUP_KEYS.satisfaction] },
];

const central: Profile = {
  id: "central",
  name: "中央部门（财预〔2020〕10号）",
  totalWeight: 100,
  budgetWeight: 10,
  groups: [
    { key: "产出", match: ["产出"], weight: 50, required: true, requiredLevel2: ["数量", "时效"] },
    { key: "效益", match: ["效益", "可持续影响", "影响"], weight: 30, required: true },
    { key: "满意度", match: ["满意度"], weight: 10, required: true },
  ],
  groupWeightsStrict: false,
  summaryGroups: CENTRAL_SUMMARY,
  grades: [
    { label: "优", min: 90 },
    { label: "良", min: 80 },
    { label: "中", min: 60 },
    { label: "差", min: 0 },
  ],
  atMostRule: "ratio",
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  overAchievementFactor: 1.3,
  reasonBudgetThreshold: 100,
  rounding: { decimals: 2, mode: "halfUp" },
  notApplicable: false,
  summaryFixedDecimals: false,
  unconfirmed: ["atMostRule"],
};

const xicheng: Profile = {
  ...central,
  id: "xicheng",
  name: "北京市西城区",
  groups: [
    { key: "产出", match: ["产出"], weight: 55, required: true },
    { key: "效益", match: ["效益"], weight: 20, required: true },
    { key: "可持续影响", match: ["可持续影响"], matchLevel2: true, weight: 10, required: true },
    { key: "满意度", match: ["满意度"], weight: 5, required: true },
  ],
  grades: [
    { label: "优秀", min: 90 },
    { label: "良好", min: 80 },
    { label: "中等", min: 60 },
    { label: "较差", min: 0 },
  ],
  unconfirmed: ["atMostRule", "grades"],
};

const hubei: Profile = {
  ...central,
  id: "hubei",
  name: "湖北省",
  budgetWeight: 20,
  groups: [
    { key: "产出", match: ["产出"], weight: null, required: false },
    { key: "效益", match: ["效益", "影响"], weight: null, required: false },
    { key: "满意度", match: ["满意度"], weight: null, required: false },
  ],
  qualitativeBands: { achieved: 0.8, partial: 0.5 },
  unconfirmed: ["atMostRule", "grades"],
};

const sichuan: Profile = {
  ...central,
  id: "sichuan",
  name: "四川省",
  groups: [
    { key: "产出", match: ["产出"], weight: null, required: true },
    { key: "效益", match: ["效益", "影响"], weight: null, required: true },
    { key: "满意度", match: ["满意度"], weight: null, required: false },
  ],
  reasonBudgetThreshold: 90,
  unconfirmed: ["atMostRule", "grades", "groups"],
};

export const PROFILES: Record<string, Profile> = { central, xicheng, hubei, sichuan };

export const PROFILE_IDS = Object.keys(PROFILES);

/** Fields a user may adjust; anything else in a stored override is ignored. */
export type ProfileOverrides = Partial<Omit<Profile, "id">>;

export class ProfileError extends Error {}

export function getProfile(id: string, overrides?: ProfileOverrides): Profile {
  const base = PROFILES[id];
  if (!base) {
    throw new ProfileError(`未知的评分规则“${id}”。可选：${PROFILE_IDS.join("、")}。`);
  }
  if (!overrides) return base;
  const merged: Profile = { ...base, ...overrides, id: base.id };
  const problems = validateProfile(merged);
  if (problems.length) throw new ProfileError(`评分规则设置有误：${problems.join("；")}`);
  return merged;
}

/** Problems with a (possibly user-edited) profile, in Chinese; empty when valid. Never throws: a stored override
 * may hold anything (strings for numbers, null entries). */
export function validateProfile(p: Profile): string[] {
  const problems: string[] = [];
  // typeof first: "90" > 80 and "0.5" < "0.8" are true in JavaScript, and an override may come from JSON
  const finite = (x: unknown): x is number => Number.isFinite(x); // no coercion: "90" is not finite
  const positive = (x: unknown) => finite(x) && x > 0;
  const text = (x: unknown) => typeof x === "string" && x.trim() !== "";
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === "object" && x !== null;
  if (!text(p.name)) problems.push("评分规则名称不能为空");
  // one mistake, one message: checks that build on a bad setting are skipped
  const totalOk = positive(p.totalWeight);
  if (!totalOk) problems.push("总分值必须是正数");
  const budgetOk =
    finite(p.budgetWeight) && p.budgetWeight >= 0 && (!totalOk || p.budgetWeight <= p.totalWeight);
  if (!budgetOk) problems.push("预算执行分值必须在 0 到总分值之间");
  const groups = Array.isArray(p.groups) ? p.groups.filter(isObject) : [];
  if (!Array.isArray(p.groups) || p.groups.length === 0) problems.push("至少需要一个指标类别");
  else {
    if (groups.length !== p.groups.length) problems.push("指标类别设置有误");
    const keys = new Set<string>();
    for (const g of groups) {
      // an empty match word is contained in every name: the group would take every indicator
      if (
        !text(g.key) ||
        !Array.isArray(g.match) ||
        g.match.length === 0 ||
        !g.match.every((m) => text(m))
      )
        problems.push(`类别“${text(g.key) ? g.key : "?"}”缺少匹配词`);
      else if (keys.has(g.key)) problems.push(`类别“${g.key}”重复`);
      else keys.add(g.key);
      if (g.weight !== null && !(finite(g.weight) && g.weight >= 0))
        problems.push(`类别“${g.key}”的分值必须是非负数或留空`);
      if (
        g.requiredLevel2 !== undefined &&
        !(Array.isArray(g.requiredLevel2) && g.requiredLevel2.every((m) => text(m)))
      )
        problems.push(`类别“${g.key}”的必备二级指标设置有误`);
    }
    // the sum is checked when every group has a valid fixed weight (a free group takes what is left)
    const weights = groups.map((g) => g.weight);
    if (weights.every((w): w is number => finite(w) && w >= 0) && totalOk && budgetOk) {
      const total = weights.reduce((s, w) => s + w, 0) + p.budgetWeight;
      // Stryker disable next-line EqualityOperator: weights never differ by exactly 1e-9
      if (Math.abs(total - p.totalWeight) > 1e-9)
        problems.push(`预算执行分值与各类别分值之和为 ${total}，应等于总分值 ${p.totalWeight}`);
    }
  }
  // a summary part that names no group of the profile would always print 0 (central's 项目效益 names 可持续影响,
  // which only xicheng has: a part may name groups the profile lacks, as long as one is there)
  if (!Array.isArray(p.summaryGroups) || p.summaryGroups.length === 0)
    problems.push("至少需要一个汇总类别");
  else if (groups.length)
    for (const sg of p.summaryGroups) {
      if (!isObject(sg) || !text(sg.label)) problems.push("汇总类别名称不能为空");
      else if (!Array.isArray(sg.groups) || !sg.groups.some((k) => groups.some((g) => g.key === k)))
        problems.push(`汇总类别“${sg.label}”不含本评分规则的任何指标类别`);
    }
  if (!Array.isArray(p.grades) || p.grades.length === 0) problems.push("至少需要一个等级");
  else {
    const grades = p.grades.filter(isObject);
    const mins = grades.map((g) => g.min);
    if (grades.length !== p.grades.length || !mins.every(finite))
      problems.push("等级下限必须是数字");
    else {
      for (let i = 1; i < mins.length; i++)
        if (!(mins[i] < mins[i - 1])) {
          problems.push("等级下限必须从高到低排列且互不相同");
          break;
        }
      if (mins[mins.length - 1] !== 0) problems.push("最低等级的下限应为 0");
      if (totalOk && mins[0] > p.totalWeight)
        problems.push(`等级下限 ${mins[0]} 超过总分值 ${p.totalWeight}`);
    }
    if (grades.some((g) => !text(g.label))) problems.push("等级名称不能为空");
  }
  if (p.atMostRule !== "ratio" && p.atMostRule !== "linear")
    problems.push("反向指标计分规则只能是 ratio 或 linear");
  const b = p.qualitativeBands;
  if (
    !isObject(b) ||
    !finite(b.partial) ||
    !finite(b.achieved) ||
    !(b.partial > 0 && b.partial < b.achieved && b.achieved <= 1)
  )
    problems.push("定性指标档位应满足 0 < 部分达成下限 < 达成下限 ≤ 1");
  if (!(finite(p.overAchievementFactor) && p.overAchievementFactor > 1))
    problems.push("超额完成倍数应大于 1");
  if (!(
    finite(p.reasonBudgetThreshold) &&
    p.reasonBudgetThreshold >= 0 &&
    p.reasonBudgetThreshold <= 100
  ))
    problems.push("预算执行率说明阈值应在 0–100 之间");
  if (
    !isObject(p.rounding) ||
    ![0, 1, 2].includes(p.rounding.decimals) ||
    !["halfUp", "truncate"].includes(p.rounding.mode)
  )
    problems.push("得分保留位数应为 0、1 或 2，方式为四舍五入或截断");
  for (const [key, label] of [
    ["groupWeightsStrict", "类别分值是否严格"],
    ["notApplicable", "不适用指标"],
    ["summaryFixedDecimals", "汇总保留固定小数"],
  ] as const)
    if (typeof p[key] !== "boolean") problems.push(`“${label}”只能是“是”或“否”`);
  return problems;
}

/** The grade label of a total under the profile's bands (lower bounds inclusive). */
export function gradeOf(total: number, profile: Profile): string {
  for (const band of profile.grades) if (total >= band.min) return band.label;
  return profile.grades[profile.grades.length - 1].label;
}

/** Does a written grade mean the same as the profile label? 良 = 良好, 优 = 优秀, 差 = 较差. */
export function sameGrade(written: string, label: string): boolean {
  const w = written.replace(/\s+/g, "").replace(/[“”"']/g, "");
  if (!w) return false;
  if (w === label) return true;
  const core = (s: string) => s.replace(/^较/, "").replace(/(好|秀|等)$/, "");
  return core(w) === core(label);
}

/** The choice “read the rules off the form” (profileChoice.ts detects them); the default of the CLI and the pane. */
export const AUTO_PROFILE = "auto";

/** The profile used when nothing on the form points to another (auto detection's fallback). */
export const DEFAULT_PROFILE_ID = "central";

/** The overrides that turn the base profile into `draft` (only the fields that differ). */
export function overridesOf(draft: Profile): ProfileOverrides | undefined {
  const base = PROFILES[draft.id];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof Profile)[]) {
    if (key === "id") continue;
    if (JSON.stringify(draft[key]) !== JSON.stringify(base?.[key])) out[key] = draft[key];
  }
  return Object.keys(out).length ? (out as ProfileOverrides) : undefined;
}

/** A group key as a heading: 产出 → 产出指标 (a key that already ends in 指标 stays). */
export function groupLabel(key: string): string {
  return key.endsWith("指标") ? key : `${key}指标`;
}

/** Key of a summary part: "budget", a summary group's first group key, or "other". */
export type SummaryKey = string;

/** The label of a summary part in the report sentence: 预算执行, the profile's 项目产出…, 其他指标. */
export function summaryLabel(profile: Profile, key: SummaryKey): string {
  if (key === "budget") return "预算执行";
  if (key === "other") return "其他指标";
  return profile.summaryGroups.find((sg) => sg.groups[0] === key)?.label ?? groupLabel(key);
}
