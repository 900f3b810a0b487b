// analyze(grid, profile) → Analysis: the one entry point of the engine. It orchestrates only:
// parse the form, compute the model, run the rules (src/core/rules/), assemble the Analysis.
import { parseA1, type Grid, type WorkbookGrids } from "./grid";
import { describeMissingHeader, findIndicatorHeaders } from "./locate";
import type { Analysis, Finding, IndicatorRow, Severity, SheetNotAnalyzed } from "./model";
import { parseForms, type ParsedForm } from "./parse";
import type { Profile } from "./profiles";
import { evaluate, summarize, type FormModel, type IndicatorFacts } from "./evaluate";
import { FORM_RULES } from "./rules";
import { skippedChecksOf } from "./rules/columnMissing";
import { runRules } from "./rules/rule";
import { noSuchSheetFinding, tableNotFoundFinding } from "./rules/tableNotFound";
import { otherTablesFinding } from "./rules/tableMultiple";
import { sum } from "./decimal";

export { groupOf } from "./evaluate";

export { TableNotFoundError } from "./errors";
import { TableNotFoundError } from "./errors";

/** Sheets of a workbook that hold an indicator header. */
export function findTableSheets(book: WorkbookGrids): string[] {
  return book.sheets.filter((g) => isTableSheet(g)).map((g) => g.sheet);
}

/** Does the sheet hold an indicator header? (The Excel gateway asks this before reading other sheets.) */
export function isTableSheet(grid: Grid): boolean {
  return findIndicatorHeaders(grid, 1).length > 0;
}

export { preferredTableSheet } from "./sheetChoice";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by position on the sheet (row, then column); ties keep the rules' order. */
function sortFindings(list: Finding[]): Finding[] {
  const pos = (a: string) => {
    try {
      const p = parseA1(a);
      return p.row * 1000 + p.col;
    } catch {
      return 0;
    }
  };
  return [...list].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || pos(a.cell) - pos(b.cell)
  );
}

/** The public indicator, without the facts only the rules need. */
function publicIndicator(i: IndicatorFacts): IndicatorRow {
  return {
    row: i.row,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    group: i.group,
    target: i.target,
    actual: i.actual,
    weight: i.weight,
    score: i.score,
    reason: i.reason,
    kind: i.kind,
    ruleScore: i.ruleScore,
    completion: i.completion,
    notApplicable: i.notApplicable,
    band: i.band,
    cells: i.cells,
  };
}

const stated = (m: FormModel) => m.status.kind === "final" || m.status.kind === "provisional";

/** The first (usually the only) table of the sheet; throws TableNotFoundError, naming what was found. */
export function analyze(grid: Grid, profile: Profile): Analysis {
  return analyzeSheet(grid, () => profile)[0];
}

/**
 * Every table of the sheet (two forms stacked or side by side), each under the profile `profileOf` gives it; each
 * analysis also says that the others exist, so none is silently ignored.
 */
export function analyzeSheet(grid: Grid, profileOf: (form: ParsedForm) => Profile): Analysis[] {
  const forms = parseForms(grid); // none when the sheet has no indicator header
  if (forms.length === 0)
    throw new TableNotFoundError(tableNotFoundFinding(grid.sheet, describeMissingHeader(grid)));
  return forms.map((form) => {
    const a = analyzeForm(form, profileOf(form));
    if (forms.length > 1)
      a.findings.push(
        otherTablesFinding(
          form,
          forms.map((f) => f.header.top ?? f.header.row)
        )
      );
    return a;
  });
}

export function analyzeForm(form: ParsedForm, profile: Profile): Analysis {
  const model = evaluate(form, profile);
  const findings = runRules(FORM_RULES, model);
  const { groups, budget } = model;
  const level1 = groups.filter((g) => g.level === 1);
  const indicatorWeightsKnown =
    model.hasWeights || (level1.length > 0 && level1.every((g) => g.declaredWeight !== null));
  const tr = form.totalRow;
  return {
    sheet: form.sheet,
    sheetHidden: form.hidden,
    profile,
    project: form.project,
    headerRow: form.header.row,
    columns: form.columns,
    budget: budget?.budget ?? null,
    goals: form.goals,
    indicators: model.indicators.map(publicIndicator),
    groups,
    categories: model.categories,
    total: {
      status: model.status.kind,
      note: model.status.note,
      weight: indicatorWeightsKnown
        ? sum([budget?.budget.weight ?? 0, ...level1.map((g) => g.weight ?? 0)]).toNumber()
        : null,
      writtenWeight: tr?.weight ?? null,
      written: tr?.score ?? null,
      computed: model.totals.computed,
      suggested: model.totals.suggested,
      cell: tr?.scoreCell ?? null,
      weightCell: tr?.weightCell ?? null,
    },
    grade: {
      // no grade from a total that cannot be stated (an unfilled form is not a form scoring 0)
      label: stated(model) ? model.gradeLabel : "",
      written: form.grade.written,
      cell: form.grade.cell,
      labelCell: form.grade.labelCell,
    },
    summary: summarize(model),
    findings: sortFindings(findings),
    skippedChecks: skippedChecksOf(form.columns, form.weightsFromLabels),
  };
}

export interface WorkbookAnalysis {
  analyses: Analysis[];
  notAnalyzed: SheetNotAnalyzed[];
}

/** Every sheet with a table (or only `sheet`); sheets without one are reported when nothing was found at all. */
export function analyzeWorkbook(
  book: WorkbookGrids,
  profile: Profile,
  sheet?: string
): WorkbookAnalysis {
  const grids = sheet ? book.sheets.filter((g) => g.sheet === sheet) : book.sheets;
  const analyses: Analysis[] = [];
  const notAnalyzed: SheetNotAnalyzed[] = [];
  if (sheet && grids.length === 0)
    notAnalyzed.push({
      sheet,
      findings: [
        noSuchSheetFinding(
          sheet,
          book.sheets.map((g) => g.sheet)
        ),
      ],
    });
  for (const g of grids) {
    try {
      analyses.push(...analyzeSheet(g, () => profile));
    } catch (e) {
      if (e instanceof TableNotFoundError)
        notAnalyzed.push({ sheet: g.sheet, findings: [e.finding] });
      else throw e;
    }
  }
  return {
    analyses,
    notAnalyzed: analyses.length ? notAnalyzed.filter((n) => sheet === n.sheet) : notAnalyzed,
  };
}
