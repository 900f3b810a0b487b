// Fuzzing the pure core (issue 9, item 7): random grids and mutated seed forms, with the values hostile workbooks
// hold (error values, booleans, dates, formulas, 10,000-character strings, full-width and control characters,
// 1e308). Shared by test/fuzz.test.ts (a few hundred cases) and bench/fuzz.bench.ts (10^5 and more).
import * as fc from "fast-check";
import { analyze, TableNotFoundError } from "../src/core/analyze";
import { Cell, Grid, Range, WorkbookGrids } from "../src/core/grid";
import { confirmOverwrites, plan } from "../src/core/plan";
import { analyzeWorkbookResolved } from "../src/core/profileChoice";
import { getProfile, PROFILE_IDS } from "../src/core/profiles";
import { buildSeedForm, SeedFormOptions } from "../scripts/samples/seedForm";

const ERRORS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"];
const WORDS = [
  "指标",
  "得分",
  "分值",
  "权重",
  "总分",
  "合计",
  "绩效级别",
  "实际完成值",
  "年度指标值",
  "产出指标",
  "数量指标",
  "≥30场",
  "100%",
  "７.２",
  "7.2分",
  "—",
  "\u0001\u000b",
  "ｓｃｏｒｅ",
  "=SUM(H13:H27)",
];

/** A value a hostile workbook may hold in any cell. */
export const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double().map((value) => ({ value })),
  fc
    .constantFrom(1e308, -1e308, 1e300, 1e-300, 5e-324, 0, -0, 1e15, 123456789012345)
    .map((value) => ({
      value,
    })),
  fc.integer({ min: -5, max: 120 }).map((value) => ({ value })),
  fc.boolean().map((value) => ({ value })),
  fc.constantFrom(...ERRORS).map((e) => ({ value: e, error: e })),
  fc.integer({ min: 1, max: 60000 }).map((value) => ({ value, numFmt: "yyyy-mm-dd" })),
  fc.double({ min: 0, max: 2, noNaN: true }).map((value) => ({ value, numFmt: "0.00%" })),
  fc.constantFrom(...WORDS).map((value) => ({ value })),
  fc.string({ unit: "grapheme", maxLength: 12 }).map((value) => ({ value })),
  fc.string({ unit: "binary", maxLength: 8 }).map((value) => ({ value })),
  fc.constant({ value: "长".repeat(10000) }),
  fc.constantFrom("SUM(H13:H27)", "H13/0", "1E+308*10", "IF(", "A1", "SUM(A:A)").map((formula) => ({
    value: null,
    formula,
  })),
  fc.tuple(fc.double(), fc.constantFrom("SUM(H13:H27)", "I6+H28")).map(([value, formula]) => ({
    value,
    formula,
  }))
);

type Op =
  | { kind: "deleteRow" | "insertRow" | "deleteCol" | "insertCol"; at: number }
  | { kind: "swapRows" | "swapCols"; a: number; b: number }
  | { kind: "set"; row: number; col: number; cell: Cell }
  | { kind: "merge"; row: number; col: number; rows: number; cols: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("deleteRow", "insertRow", "deleteCol", "insertCol") as fc.Arbitrary<
      "deleteRow" | "insertRow" | "deleteCol" | "insertCol"
    >,
    at: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constantFrom("swapRows", "swapCols") as fc.Arbitrary<"swapRows" | "swapCols">,
    a: fc.integer({ min: 1, max: 40 }),
    b: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant("set" as const),
    row: fc.integer({ min: 1, max: 40 }),
    col: fc.integer({ min: 1, max: 14 }),
    cell: hostileCell,
  }),
  fc.record({
    kind: fc.constant("merge" as const),
    row: fc.integer({ min: 1, max: 40 }),
    col: fc.integer({ min: 1, max: 14 }),
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 5 }),
  })
);

const overlaps = (a: Range, b: Range) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Applies the edits to a copy of the grid: moved cells keep their content; merges a move breaks are dropped. */
export function mutate(grid: Grid, ops: Op[]): Grid {
  let cells = new Map<string, { row: number; col: number; cell: Cell }>();
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (cell) cells.set(`${r},${c}`, { row: r, col: c, cell });
    }
  let merges: Range[] = grid.merges.map((m) => ({ ...m }));
  const move = (f: (row: number, col: number) => [number, number] | null, keepMerges: boolean) => {
    const next = new Map<string, { row: number; col: number; cell: Cell }>();
    for (const { row, col, cell } of cells.values()) {
      const to = f(row, col);
      if (to) next.set(`${to[0]},${to[1]}`, { row: to[0], col: to[1], cell });
    }
    cells = next;
    if (!keepMerges) {
      merges = [];
      return;
    }
    merges = merges.flatMap((m) => {
      const a = f(m.top, m.left);
      const b = f(m.bottom, m.right);
      return a && b && a[0] <= b[0] && a[1] <= b[1]
        ? [{ top: a[0], left: a[1], bottom: b[0], right: b[1] }]
        : [];
    });
  };
  for (const o of ops) {
    switch (o.kind) {
      case "deleteRow":
        move((r, c) => (r === o.at ? null : [r > o.at ? r - 1 : r, c]), true);
        break;
      case "insertRow":
        move((r, c) => [r >= o.at ? r + 1 : r, c], true);
        break;
      case "deleteCol":
        move((r, c) => (c === o.at ? null : [r, c > o.at ? c - 1 : c]), true);
        break;
      case "insertCol":
        move((r, c) => [r, c >= o.at ? c + 1 : c], true);
        break;
      case "swapRows":
        move((r, c) => [r === o.a ? o.b : r === o.b ? o.a : r, c], o.a === o.b);
        break;
      case "swapCols":
        move((r, c) => [r, c === o.a ? o.b : c === o.b ? o.a : c], o.a === o.b);
        break;
      case "set":
        cells.set(`${o.row},${o.col}`, { row: o.row, col: o.col, cell: o.cell });
        break;
      case "merge": {
        const m = {
          top: o.row,
          left: o.col,
          bottom: o.row + o.rows - 1,
          right: o.col + o.cols - 1,
        };
        // Excel and ExcelJS refuse overlapping merges, so a read grid never has them
        if (!merges.some((x) => overlaps(x, m))) merges.push(m);
        break;
      }
    }
  }
  const out = new Grid(grid.sheet, {
    merges,
    protected: grid.protected,
    mergesKnown: grid.mergesKnown,
  });
  for (const { row, col, cell } of cells.values())
    if (row >= 1 && col >= 1) out.set(row, col, cell);
  return out;
}

const seedOptions: fc.Arbitrary<SeedFormOptions> = fc.record(
  {
    variant: fc.constantFrom("seed", "errors", "blankTotal") as fc.Arbitrary<
      "seed" | "errors" | "blankTotal"
    >,
    origin: fc.constantFrom("A1", "C4"),
    weightsInLabels: fc.boolean(),
    percentAsNumbers: fc.boolean(),
    amountsInYuan: fc.boolean(),
    operatorUnitColumns: fc.boolean(),
    placeholderRows: fc.boolean(),
    mergesUnknown: fc.boolean(),
  },
  { requiredKeys: [] }
);

const seeds = new Map<string, Grid>();

/** The seed's table sheet in a layout variant, built once (mutate copies it). */
function seedSheet(options: SeedFormOptions): Grid {
  const key = JSON.stringify(options);
  let g = seeds.get(key);
  if (!g) {
    g = buildSeedForm(options).workbook.sheets.find((s) => s.rows > 0)!;
    seeds.set(key, g);
  }
  return g;
}

/** A seed form (any layout variant) after a few random edits. */
export const mutatedSeed: fc.Arbitrary<Grid> = fc
  .tuple(seedOptions, fc.array(op, { maxLength: 8 }))
  .map(([options, ops]) => mutate(seedSheet(options), ops));

/** A small random sheet, sometimes with an indicator header so that the parser goes further than the search. */
export const randomGrid: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.array(
      fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), hostileCell),
      {
        maxLength: 60,
      }
    ),
    fc.boolean(),
    fc.array(
      op.filter((o) => o.kind === "merge"),
      { maxLength: 4 }
    )
  )
  .map(([cells, withHeader, merges]) => {
    const g = new Grid("随机", {});
    if (withHeader)
      [
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
      ].forEach((h, i) => g.set(3, i + 1, { value: h }));
    for (const [r, c, cell] of cells) g.set(r, c, cell);
    return mutate(g, merges);
  });

export const fuzzGrid: fc.Arbitrary<Grid> = fc.oneof(mutatedSeed, randomGrid);

/**
 * The property: analyze and the planner answer for any grid (TableNotFoundError is the answer "no table here"),
 * and every figure a user reads is a finite number or absent.
 */
export function analyzeAndPlan(grid: Grid, profileIndex: number, options: boolean[]): void {
  const book: WorkbookGrids = { sheets: [grid] };
  const profile = getProfile(PROFILE_IDS[profileIndex % PROFILE_IDS.length]);
  let a;
  try {
    a = analyze(grid, profile);
  } catch (e) {
    if (e instanceof TableNotFoundError) return;
    throw e;
  }
  for (const x of [a.total.computed, a.total.suggested, a.total.written, a.total.weight])
    if (x !== null && !Number.isFinite(x)) throw new Error(`total not finite: ${x}`);
  JSON.stringify(a); // the --json output
  const choices = {
    totalAs: options[0] ? ("value" as const) : ("formula" as const),
    gradeAs: options[1] ? ("value" as const) : ("formula" as const),
    report: options[2],
    acceptSuggestions: options[3] ? a.findings.map((f) => f.cell) : [],
  };
  const p = options[4] ? confirmOverwrites(a, book, choices) : plan(a, book, choices);
  for (const w of p.writes)
    if (typeof w.value === "number" && !Number.isFinite(w.value))
      throw new Error(`planned a non-finite value at ${w.address}`);
  // profile detection reads the same cells once more: every fourth case is enough to cover it
  if (profileIndex % 4 === 0) analyzeWorkbookResolved(book, "auto");
}

export const fuzzCase = fc.tuple(
  fuzzGrid,
  fc.nat(),
  fc.array(fc.boolean(), { minLength: 5, maxLength: 5 })
);
