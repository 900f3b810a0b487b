// A small RuleTester in the shape of ESLint's: each case builds a form, analyze() runs every rule, and the
// findings of the rule under test must equal the expected list exactly (order included). Expected messages are
// the text a user reads, written by hand; expected numbers are computed by hand, never taken from the engine.
import { analyzeWorkbook } from "../../src/core/analyze";
import { Grid, parseA1, type Cell, type CellValue } from "../../src/core/grid";
import type { Finding, Severity } from "../../src/core/model";
import { getProfile, type ProfileOverrides } from "../../src/core/profiles";
import type { RuleModule } from "../../src/core/rules/rule";
import { buildSeedForm, type SeedFormOptions } from "../../scripts/samples/seedForm";

export interface Expected {
  cell: string;
  severity: Severity;
  message: string;
  suggestion?: number;
}

export interface Case {
  name: string;
  /** The sheet(s) of the workbook; the first one holding a table is analyzed. */
  form: Grid | Grid[];
  /** Default xicheng (the seed's own profile). */
  profile?: string;
  overrides?: ProfileOverrides;
  /** Analyze only this sheet (analyzeWorkbook's `sheet`). */
  sheet?: string;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

/** The findings of `code` that the user sees for a case, in the order analyze() lists them. */
export function findingsOf(code: string, c: Case): Finding[] {
  const sheets = Array.isArray(c.form) ? c.form : [c.form];
  const profile = getProfile(c.profile ?? "xicheng", c.overrides);
  const { analyses, notAnalyzed } = analyzeWorkbook({ sheets }, profile, c.sheet);
  return [...analyses.flatMap((a) => a.findings), ...notAnalyzed.flatMap((n) => n.findings)].filter(
    (f) => f.code === code
  );
}

const view = (f: Finding): Expected => ({
  cell: f.cell,
  severity: f.severity,
  message: f.message,
  ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
});

/** A message template as a pattern: every {placeholder} stands for some text. */
function templatePattern(text: string): RegExp {
  const parts = text.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[\\s\\S]*")}$`);
}

/** Registers the cases of `rule` with jest; also checks that every message id is exercised by some invalid case. */
export function runRuleTests(
  rule: RuleModule,
  tests: { valid: Case[]; invalid: InvalidCase[] }
): void {
  describe(`${rule.meta.code}`, () => {
    describe("valid", () => {
      for (const c of tests.valid)
        it(c.name, () => {
          expect(findingsOf(rule.meta.code, c).map(view)).toEqual([]);
        });
    });
    describe("invalid", () => {
      for (const c of tests.invalid)
        it(c.name, () => {
          expect(findingsOf(rule.meta.code, c).map(view)).toEqual(c.errors);
        });
    });
    it("every message id has a case", () => {
      const messages = tests.invalid.flatMap((c) => c.errors.map((e) => e.message));
      const uncovered = Object.entries(rule.messages)
        .filter(([, spec]) => !messages.some((m) => templatePattern(spec.text).test(m)))
        .map(([id]) => id);
      expect(uncovered).toEqual([]);
    });
  });
}

/** Sets cells of a grid by A1 address; null empties a cell. */
export function setCells(grid: Grid, cells: Record<string, CellValue>): Grid {
  for (const [address, value] of Object.entries(cells)) {
    const { row, col } = parseA1(address);
    grid.set(row, col, { value });
  }
  return grid;
}

/**
 * The seed form (附件1 of the seed report, 89.45 points) with some cells changed. Its layout: funding header row 5,
 * 年度资金总额 row 6 (D 年初预算数, E 全年预算数, F 全年执行数, G 分值, H 执行率, I 得分), rows 7–9 其中;
 * indicator header row 12; indicators in rows 13–27 (B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值,
 * G 分值, H 得分, I 偏差原因); 总分 row 28 (G28 分值 100, H28 得分 89.45).
 */
export function seedForm(
  cells: Record<string, CellValue> = {},
  options: SeedFormOptions = {}
): Grid {
  const { workbook, layout } = buildSeedForm(options);
  const grid = workbook.sheets.find((g) => g.sheet === layout.sheet)!;
  return setCells(grid, cells);
}

/** A bare sheet: a title row, then `rows` (the header first), starting at A1. */
export function table(rows: CellValue[][], merges: string[] = [], sheet = "附件1"): Grid {
  return Grid.fromRows(sheet, [["项目支出绩效自评表"], ...rows], { merges });
}

/** Sets one cell with all its facts (an error value, a number format, a formula without its result). */
export function withCell(grid: Grid, address: string, cell: Cell): Grid {
  const { row, col } = parseA1(address);
  grid.set(row, col, cell);
  return grid;
}

/** The seed with cells of `col` merged over rows `top`..`bottom` (the rows below the first emptied, as in Excel). */
export function merged(
  col: string,
  top: number,
  bottom: number,
  cells: Parameters<typeof seedForm>[0] = {},
  options: Parameters<typeof seedForm>[1] = {}
): Grid {
  const g = seedForm(cells, options);
  const c = col.charCodeAt(0) - 64;
  const out = new Grid(g.sheet, { merges: [...g.merges, { top, left: c, bottom, right: c }] });
  for (let r = 1; r <= g.rows; r++)
    for (let k = 1; k <= g.cols; k++) {
      const cell = g.get(r, k);
      if (cell && !(k === c && r > top && r <= bottom)) out.set(r, k, cell);
    }
  return out;
}
