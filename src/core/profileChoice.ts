// The profile a check runs under: the one the user named, or ("auto", the default) the one the form itself shows.
import {
  analyzeSheet,
  analyzeWorkbook,
  findTableSheets,
  TableNotFoundError,
  type WorkbookAnalysis,
} from "./analyze";
import { detectProfile, type ProfileDetection } from "./detectProfile";
import type { Grid, WorkbookGrids } from "./grid";
import type { ParsedForm } from "./parse";
import {
  getProfile,
  PROFILE_IDS,
  PROFILES,
  ProfileError,
  type Profile,
  type ProfileOverrides,
} from "./profiles";

export { AUTO_PROFILE } from "./profiles";
import { AUTO_PROFILE } from "./profiles";

/** What `--profile` and the pane's picker accept: "auto", then every real profile. */
export const PROFILE_CHOICES = [AUTO_PROFILE, ...PROFILE_IDS];

export interface ResolvedProfile {
  profile: Profile;
  /** One Chinese sentence: "按北京市西城区规则：主管部门为北京市西城区科学技术协会…。" */
  reason: string;
  /** True when the form chose the profile ("auto"), false when the user named it. */
  detected: boolean;
  /** What was read off the form ("auto" only). */
  detection: ProfileDetection | null;
}

/** Throws ProfileError (listing the choices) for a name that is neither "auto" nor a profile. */
export function checkProfileChoice(requested: string): void {
  if (requested !== AUTO_PROFILE && !PROFILES[requested])
    throw new ProfileError(
      `未知的评分规则“${requested}”。可选：${PROFILE_CHOICES.join("、")}（auto 为按表自动识别）。`
    );
}

/**
 * The profile for one form. "auto" detects it; the user's overrides then apply to the detected profile, on top of
 * what the form prints (a budget weight the profile leaves to the form).
 */
export function resolveProfile(
  form: Grid | ParsedForm,
  requested: string,
  overrides?: ProfileOverrides
): ResolvedProfile {
  checkProfileChoice(requested);
  if (requested !== AUTO_PROFILE) return named(requested, overrides);
  const detection = detectProfile(form);
  const merged =
    detection.adjustments || overrides ? { ...detection.adjustments, ...overrides } : undefined;
  return {
    profile: getProfile(detection.id, merged),
    reason: detection.reason,
    detected: true,
    detection,
  };
}

function named(id: string, overrides?: ProfileOverrides): ResolvedProfile {
  const profile = getProfile(id, overrides);
  return { profile, reason: `按用户选择的${profile.name}规则。`, detected: false, detection: null };
}

/** "北京市西城区（自动识别：主管部门为…）" or "中央部门（财预〔2020〕10号）（用户指定）": one line for the CLI and the pane. */
export function describeResolved(r: ResolvedProfile): string {
  return `${r.profile.name}（${r.detected && r.detection ? `自动识别：${r.detection.basis}` : "用户指定"}）`;
}

export interface ResolvedWorkbookAnalysis extends WorkbookAnalysis {
  /** One per analysis, in the same order. */
  resolved: ResolvedProfile[];
}

/** analyzeWorkbook with the profile resolved sheet by sheet (each table sheet may come from another region). */
export function analyzeWorkbookResolved(
  book: WorkbookGrids,
  requested: string,
  sheet?: string,
  overrides?: ProfileOverrides
): ResolvedWorkbookAnalysis {
  checkProfileChoice(requested);
  if (requested !== AUTO_PROFILE) {
    const r = named(requested, overrides);
    const result = analyzeWorkbook(book, r.profile, sheet);
    return { ...result, resolved: result.analyses.map(() => r) };
  }
  const tables = new Set(findTableSheets(book));
  const grids = book.sheets.filter((g) => tables.has(g.sheet) && (!sheet || g.sheet === sheet));
  // nothing to detect on: the same answer (and TABLE_NOT_FOUND findings) as any profile gives
  if (!grids.length)
    return { ...analyzeWorkbook(book, getProfile("central"), sheet), resolved: [] };
  const analyses = [];
  const resolved: ResolvedProfile[] = [];
  for (const g of grids) {
    try {
      // each table of the sheet under the profile its own form points to
      const chosen: ResolvedProfile[] = [];
      const found = analyzeSheet(g, (form) => {
        const r = resolveProfile(form, AUTO_PROFILE, overrides);
        chosen.push(r);
        return r.profile;
      });
      analyses.push(...found);
      resolved.push(...chosen);
    } catch (e) {
      if (!(e instanceof TableNotFoundError)) throw e;
    }
  }
  return { analyses, notAnalyzed: [], resolved };
}
