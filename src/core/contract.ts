// The public JSON shape of a check (`jixiao check --json`): keep it stable.
import type { Analysis, Finding, SheetNotAnalyzed } from "./model";
import { summaryLabel } from "./profiles";

export interface CheckJson {
  file: string;
  sheet: string;
  /** The table is on a hidden sheet. */
  sheetHidden: boolean;
  profile: string;
  /** Why this profile: "按北京市西城区规则：主管部门为…。" or "按用户选择的…规则。" */
  profileReason: string;
  project: { name: string; dept: string; unit: string; year: string; moneyUnit: string };
  budget: {
    weight: number;
    planned: number | null;
    adjusted: number | null;
    executed: number | null;
    rate: number | null;
    score: { written: number | null; rule: number | null };
    cells: { rate: string | null; score: string | null };
  } | null;
  groups: {
    name: string;
    level: number;
    weight: number | null;
    score: { written: number; rule: number };
  }[];
  total: {
    weight: number | null;
    written: number | null;
    computed: number;
    suggested: number;
    cell: string | null;
    /** final | provisional (weights ≠ total) | incomplete (scores not filled in) | uncomputable (errors, dates…) */
    status: string;
    /** Why the total is not final, in Chinese; null when final. */
    note: string | null;
  };
  grade: { label: string; written: string | null; cell: string | null };
  summary: { sentence: string; parts: Record<string, number> };
  skippedChecks: string[];
  findings: {
    code: string;
    severity: string;
    sheet: string;
    cell: string;
    message: string;
    suggestion?: number;
  }[];
}

export interface CheckJsonFailure {
  file: string;
  sheet: string | null;
  error: string;
  findings: Finding[];
}

export function toCheckJson(file: string, a: Analysis, profileReason?: string): CheckJson {
  return {
    file,
    sheet: a.sheet,
    sheetHidden: a.sheetHidden,
    profile: a.profile.id,
    profileReason: profileReason ?? `按${a.profile.name}规则。`,
    project: {
      name: a.project.name,
      dept: a.project.dept,
      unit: a.project.unit,
      year: a.project.year,
      moneyUnit: a.project.moneyUnit,
    },
    budget: a.budget
      ? {
          weight: a.budget.weight,
          planned: a.budget.planned,
          adjusted: a.budget.adjusted,
          executed: a.budget.executed,
          rate: a.budget.rate,
          score: { ...a.budget.score },
          cells: { rate: a.budget.cells.rate, score: a.budget.cells.score },
        }
      : null,
    groups: a.groups.map((g) => ({
      name: g.name,
      level: g.level,
      weight: g.weight,
      score: { ...g.score },
    })),
    total: {
      weight: a.total.weight,
      written: a.total.written,
      computed: a.total.computed,
      suggested: a.total.suggested,
      cell: a.total.cell,
      status: a.total.status,
      note: a.total.note,
    },
    grade: { label: a.grade.label, written: a.grade.written, cell: a.grade.cell },
    summary: {
      sentence: a.summary.sentence,
      parts: Object.fromEntries(
        a.summary.parts.map((p) => [summaryLabel(a.profile, p.key), p.score])
      ),
    },
    skippedChecks: [...a.skippedChecks],
    findings: a.findings.map((f) => ({ ...f })),
  };
}

export function notAnalyzedJson(file: string, n: SheetNotAnalyzed): CheckJsonFailure {
  return {
    file,
    sheet: n.sheet,
    error: n.findings[0]?.message ?? "没有找到绩效指标表",
    findings: n.findings,
  };
}
