// Item 7 of issue 9: whatever a sheet holds, analyze and the planner answer (a form, or "no table here") and
// never throw; every total a user reads is a finite number. The bench (npm run bench:fuzz) runs 10^5 cases.
import * as fc from "fast-check";
import { analyzeAndPlan, fuzzCase, mutate } from "../bench/fuzzCases";
import { analyze } from "../src/core/analyze";
import { Grid } from "../src/core/grid";
import { getProfile } from "../src/core/profiles";
import { plan } from "../src/core/plan";
import { buildSeedForm } from "../scripts/samples/seedForm";

describe("fuzzing analyze and plan", () => {
  it("no exception escapes analyze or plan over 400 random grids and mutated seed forms", () => {
    fc.assert(
      fc.property(fuzzCase, ([grid, profile, options]) => analyzeAndPlan(grid, profile, options)),
      { numRuns: 400, seed: 20241129 }
    );
  });

  it("a score of 1e308 is an out-of-range finding on its cell, and the total is still stated as unknown, not Infinity", () => {
    const { workbook, layout } = buildSeedForm();
    const grid = mutate(workbook.sheets[0], [
      {
        kind: "set",
        row: layout.firstIndicatorRow,
        col: layout.columns.score,
        cell: { value: 1e308 },
      },
    ]);
    const a = analyze(grid, getProfile("xicheng"));
    const cell = `${String.fromCharCode(64 + layout.columns.score)}${layout.firstIndicatorRow}`;
    const f = a.findings.find((x) => x.cell === cell && x.code === "SCORE_RANGE");
    expect(f?.message).toContain("超出范围");
    expect(a.total.computed === null || Number.isFinite(a.total.computed)).toBe(true);
  });

  it("a target of 5e-324 (found by the bench, seed 20241131): the report sheet is planned, no Infinity rate", () => {
    const { workbook, layout } = buildSeedForm();
    const grid = mutate(workbook.sheets[0], [
      {
        kind: "set",
        row: layout.lastIndicatorRow,
        col: layout.columns.target,
        cell: { value: 5e-324 },
      },
    ]);
    const a = analyze(grid, getProfile("xicheng"));
    const p = plan(a, { sheets: [grid] }, { report: true });
    expect(p.newSheets).toHaveLength(1);
    expect(JSON.stringify(p.newSheets[0].rows)).not.toContain("Infinity");
  });

  it("the mutation helper really moves cells: deleting row 1 brings the title up from row 1 to nowhere", () => {
    const g = Grid.fromRows("t", [["标题"], ["第二行"]]);
    const m = mutate(g, [{ kind: "deleteRow", at: 1 }]);
    expect(m.get(1, 1)?.value).toBe("第二行");
    expect(m.rows).toBe(1);
  });
});
