// The small evaluator for formulas without a cached result (src/core/formula.ts): hand-worked cases on a form's
// own cells, then random expressions checked against an independent engine (HyperFormula).
import { HyperFormula } from "hyperformula";
import { evaluateFormula, excelRound } from "../src/core/formula";
import { CellValue, colToLetters, Grid } from "../src/core/grid";

/** A1 = 1, A2 = "2" (text), A3 = TRUE, A4 empty, A5 = 4, A6 = "7.2分" (text), A7 = #DIV/0!. */
function column(): Grid {
  const g = Grid.fromRows("附件1", [[1], ["2"], [true], [null], [4], ["7.2分"]]);
  g.set(7, 1, { value: "#DIV/0!", error: "#DIV/0!" });
  return g;
}

describe("evaluateFormula: what Excel computes", () => {
  it.each([
    ["1+2*3", 7],
    ["(1+2)*3", 9],
    ["=-2*3", -6],
    ["50%*10", 5],
    ["10/4", 2.5],
    ["1.5E2+.5", 150.5],
    [" SUM ( 1 , 2 ) ", 3],
  ])("%s = %d", (f, v) => {
    expect(evaluateFormula(f, new Grid("S"))).toBe(v);
  });

  it("SUM over a range skips text, booleans and blanks: 1 + 4 = 5 (a text '2' is not counted)", () => {
    expect(evaluateFormula("SUM(A1:A6)", column())).toBe(5);
    expect(evaluateFormula("SUM(A1,A2,A5)", column())).toBe(5);
    expect(evaluateFormula("MAX(A1:A6)", column())).toBe(4);
    expect(evaluateFormula("MIN(A4:A4)", column())).toBe(0);
  });

  it("arithmetic reads a blank as 0, TRUE as 1 and the text '2' as 2, but not '7.2分'", () => {
    const g = column();
    expect(evaluateFormula("A1+A2", g)).toBe(3);
    expect(evaluateFormula("A1+A3", g)).toBe(2);
    expect(evaluateFormula("A4+5", g)).toBe(5);
    // a formula that only points at a cell shows that cell: TRUE and the text "2" are not numbers
    expect([
      evaluateFormula("A3", g),
      evaluateFormula("(A2)", g),
      evaluateFormula("A4", g),
    ]).toEqual([null, null, 0]);
    expect(evaluateFormula("A6+1", g)).toBeNull();
  });

  it("an error value, a division by zero, a range where one value is needed: no value", () => {
    const g = column();
    expect(evaluateFormula("SUM(A1:A7)", g)).toBeNull();
    expect(evaluateFormula("A7*0", g)).toBeNull();
    expect(evaluateFormula("A1/A4", g)).toBeNull();
    expect(evaluateFormula("A1:A2+1", g)).toBeNull();
  });

  it("a merged score counts once: SUM(H13:H14) over 7.2 merged down two rows is 7.2", () => {
    const g = new Grid("附件1", { merges: [{ top: 13, left: 8, bottom: 14, right: 8 }] });
    g.set(13, 8, { value: 7.2 });
    g.set(15, 8, { value: 5.4 });
    expect(evaluateFormula("SUM(H13:H15)", g)).toBe(12.6);
  });

  it("ROUND as Excel: half away from zero on the shown digits (2.675 → 2.68), negative digits", () => {
    expect(excelRound(2.675, 2)).toBe(2.68);
    expect(excelRound(-2.5, 0)).toBe(-3);
    expect(excelRound(1234.5, -2)).toBe(1200);
    expect(excelRound(4.5169999999, 2)).toBe(4.52);
    expect(evaluateFormula("ROUND(9034/20000*10,2)", new Grid("S"))).toBe(4.52);
    expect(evaluateFormula("ROUND(1.234,1.9)", new Grid("S"))).toBe(1.2); // digits truncated
  });

  it("references: $ signs, the sheet's own name, another sheet (no value), formulas computed in turn", () => {
    const g = Grid.fromRows("附件1", [[10, 20]]);
    g.set(2, 1, { value: null, formula: "A1*2" }); // uncached: 20
    g.set(2, 2, { value: null, formula: "A2+B1" }); // uncached: 40
    g.set(3, 1, { value: null, formula: "A3+1" }); // circular
    expect(evaluateFormula("$A$1+附件1!B$1", g)).toBe(30);
    expect(evaluateFormula("'附件1'!A1", g)).toBe(10);
    expect(evaluateFormula("Sheet2!A1", g)).toBeNull();
    expect(evaluateFormula("B2+1", g)).toBe(41);
    expect(evaluateFormula("SUM(A2:B2)", g)).toBe(60);
    expect(evaluateFormula("A3", g)).toBeNull();
  });

  it("a chain of 50 formulas each doubling the one above (B2 = B1+B1 …) is computed at once: 2^49", () => {
    const g = Grid.fromRows("S", [[null, 1]]);
    for (let r = 2; r <= 50; r++) g.set(r, 2, { value: null, formula: `B${r - 1}+B${r - 1}` });
    const started = Date.now();
    expect(evaluateFormula("B50", g)).toBe(2 ** 49);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("what it does not understand gives null, never a guess", () => {
    const g = new Grid("S");
    for (const f of [
      "IF(1>0,1,2)",
      '"7"+1',
      "2^3",
      "1+",
      "SUM()",
      "VLOOKUP(1,A1:B2,2)",
      "A1&B1",
      "(1",
    ])
      expect([f, evaluateFormula(f, g)]).toEqual([f, null]);
  });

  it("sums 89.45 without float noise (10 + the seed's scores)", () => {
    const g = Grid.fromRows("S", [
      [10, 7.2, 5, 5.4, 4, 1.5, 6, 5, 3.35, 5, 8, 9.5, 5, 4, 6.1, 4.4],
    ]);
    expect(evaluateFormula("A1+SUM(B1:P1)", g)).toBe(89.45);
  });
});

// ---------------------------------------------------------------- random expressions vs HyperFormula

function rng(seed: number): () => number {
  // mulberry32: a fixed seed gives the same expressions on every run
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SIZE = 6;

describe("evaluateFormula against HyperFormula on random expressions", () => {
  const rand = rng(20241129);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  // dyadic numbers (halves, quarters) keep + - * exact in binary, so both engines see the same operands
  const num = () => int(-40, 160) / pick([1, 2, 4]);

  const cells: CellValue[][] = Array.from({ length: SIZE }, () =>
    Array.from({ length: SIZE }, () =>
      pick<() => CellValue>([num, num, num, () => null, () => "文本", () => true])()
    )
  );
  const grid = Grid.fromRows("S", cells);
  const ref = () => `${colToLetters(int(1, SIZE))}${int(1, SIZE)}`;
  const range = () => {
    const [r1, r2] = [int(1, SIZE), int(1, SIZE)];
    const [c1, c2] = [int(1, SIZE), int(1, SIZE)];
    return `${colToLetters(c1)}${r1}:${colToLetters(c2)}${r2}`;
  };
  const expr = (depth: number): string => {
    if (depth <= 0 || rand() < 0.25) return rand() < 0.5 ? String(num()) : ref();
    switch (int(0, 6)) {
      case 0:
      case 1:
        return `${expr(depth - 1)}${pick(["+", "-", "*", "/"])}${expr(depth - 1)}`;
      case 2:
        return `(${expr(depth - 1)})`;
      case 3:
        return `SUM(${pick([range(), `${range()},${expr(depth - 1)}`, `${ref()},${ref()}`])})`;
      case 4:
        return `ROUND(${expr(depth - 1)},${int(0, 2)})`;
      case 5:
        return `${pick(["MIN", "MAX"])}(${range()})`;
      default:
        return `-${expr(depth - 1)}`;
    }
  };
  const formulas = Array.from({ length: 400 }, () => expr(4));

  it("gives HyperFormula's number, or null exactly where HyperFormula gives an error", () => {
    const data: unknown[][] = cells.map((row) =>
      row.map((v) => (typeof v === "string" ? `'${v}` : v))
    );
    formulas.forEach((f, i) => {
      (data[i] ??= Array(SIZE).fill(null))[SIZE + 1] = `=${f}`;
    });
    const hf = HyperFormula.buildFromArray(data as never, { licenseKey: "gpl-v3" });
    let numbers = 0;
    const mismatches: string[] = [];
    formulas.forEach((f, i) => {
      const value = hf.getCellValue({ sheet: 0, row: i, col: SIZE + 1 });
      // =B2 over a blank cell: Excel shows 0 where HyperFormula reports null
      const theirs = value === null ? 0 : value;
      const ours = evaluateFormula(f, grid);
      if (typeof theirs === "number") {
        numbers++;
        if (ours === null || Math.abs(ours - theirs) > 1e-9 * Math.max(1, Math.abs(theirs)))
          mismatches.push(`${f}: HyperFormula ${theirs}, ours ${ours}`);
      } else if (ours !== null)
        mismatches.push(`${f}: HyperFormula ${String(theirs)}, ours ${ours}`);
    });
    expect(mismatches).toEqual([]);
    // the comparison means something only if most expressions have a value
    expect(numbers).toBeGreaterThan(150);
  });
});
