// What a cell really holds, read from .xlsx files through the ExcelJS gateway (src/xlsx/read.ts) and the parser:
// numbers stored as text, a merged score, error values, formulas without a cached result, dates, booleans.
// Expected values are worked out by hand from the seed's scores (Σ indicators 79.45, budget 10, total 89.45).
import * as ExcelJS from "exceljs";
import { cellFacts, factsOf, serialToIsoDate, type CellFacts } from "../src/core/cellFacts";
import { isDateFormat } from "../src/core/notation";
import { Grid, parseA1 } from "../src/core/grid";
import { findIndicatorHeaders } from "../src/core/locate";
import { parseForm, type ParsedForm } from "../src/core/parse";
import { readWorkbook } from "../src/xlsx/read";
import {
  ARTICLES,
  MAIN_EVENT,
  PLAN_COUNT,
  trickyForms,
  trickyXlsx,
  type TrickyForm,
} from "./support/trickyForms";

async function readBack(form: TrickyForm): Promise<Grid> {
  const book = await readWorkbook(await trickyXlsx(form));
  const g = book.sheets.find((s) => s.sheet === form.layout.sheet);
  if (!g) throw new Error("sheet lost");
  return g;
}

function parse(grid: Grid): ParsedForm {
  return parseForm(grid, findIndicatorHeaders(grid)[0]);
}

const at = (grid: Grid, address: string): CellFacts => {
  const { row, col } = parseA1(address);
  return cellFacts(grid, row, col);
};

/** What Excel's SUM over the score column counts, from the parsed facts alone; null when it is an error. */
function excelSumFromFacts(form: ParsedForm): number | null {
  let cents = 0;
  for (const i of form.indicators) {
    if (i.scoreFacts.kind === "error") return null;
    if (i.scoreMergedFrom !== null || i.score === null) continue;
    if (["number", "date", "uncachedFormula"].includes(i.scoreFacts.kind))
      cents += Math.round(i.score * 100);
  }
  return cents / 100;
}

/** The same for the weight column (G13:G27). */
function excelWeightSumFromFacts(form: ParsedForm): number {
  let cents = 0;
  for (const i of form.indicators)
    if (i.weightMergedFrom === null && i.weight !== null)
      if (["number", "date", "uncachedFormula"].includes(i.weightFacts.kind))
        cents += Math.round(i.weight * 100);
  return cents / 100;
}

const byId = new Map(trickyForms().map((f) => [f.id, f]));
const form = (id: string): TrickyForm => {
  const f = byId.get(id);
  if (!f) throw new Error(`no tricky form ${id}`);
  return f;
};

describe("every tricky form, written with ExcelJS and read back", () => {
  it.each(trickyForms().map((f) => [f.id, f] as const))(
    "%s: each damaged cell is read as what it holds",
    async (_id, f) => {
      const grid = await readBack(f);
      for (const [address, kind] of Object.entries(f.damaged))
        expect([address, at(grid, address).kind]).toEqual([address, kind]);
    }
  );

  it.each(trickyForms().map((f) => [f.id, f] as const))(
    "%s: the parsed facts give the score sum Excel shows",
    async (_id, f) => {
      const p = parse(await readBack(f));
      expect(excelSumFromFacts(p)).toBe(f.excelIndicatorSum);
      expect(excelWeightSumFromFacts(p)).toBe(f.excelWeightSum);
    }
  );

  it("the undamaged seed cells around the damage are real numbers", async () => {
    const grid = await readBack(form("fullWidthScore"));
    expect(at(grid, "H14")).toEqual({ kind: "number" });
    expect(at(grid, "I6")).toEqual({ kind: "number" });
    expect(at(grid, "G28")).toEqual({ kind: "number" });
  });
});

describe("the tricky forms follow the seed's layout", () => {
  const layouts = [
    { origin: "C4", sheetsBefore: ["绩效自评报告"] },
    { operatorUnitColumns: true, weightsInLabels: true, totalLabel: "合计" as const },
  ];
  it.each(layouts.map((o) => [JSON.stringify(o), o] as const))(
    "%s: same kinds at the moved cells, same sums",
    async (_name, o) => {
      const forms = trickyForms(o);
      expect(forms.map((f) => f.id)).toEqual(trickyForms().map((f) => f.id));
      for (const f of forms) {
        const grid = await readBack(f);
        for (const [address, kind] of Object.entries(f.damaged))
          expect([f.id, address, at(grid, address).kind]).toEqual([f.id, address, kind]);
        const p = parse(grid);
        expect([f.id, excelSumFromFacts(p), excelWeightSumFromFacts(p)]).toEqual([
          f.id,
          f.excelIndicatorSum,
          f.excelWeightSum,
        ]);
      }
      // the damage really moved: the first form's text score is not at the default H13
      expect(Object.keys(forms[0].damaged)).not.toEqual(["H13"]);
    }
  );
});

describe("numbers stored as text", () => {
  it.each([
    ["fullWidthScore", PLAN_COUNT, "７.２", 7.2],
    ["scoreWithUnit", ARTICLES, "5.4分", 5.4],
    ["scoreWithSpaces", ARTICLES, "5.4", 5.4],
  ])(
    "%s: the score is text, and the number it reads as stays available",
    async (id, name, text, n) => {
      const p = parse(await readBack(form(id)));
      const ind = p.indicators.find((i) => i.name === name)!;
      expect(ind.scoreFacts).toEqual({ kind: "textNumber" });
      expect(ind.scoreText).toBe(text);
      expect(ind.score).toBe(n);
    }
  );

  it("the cell keeps its spaces: ' 5.4 ' is text in the file, not a number", async () => {
    const grid = await readBack(form("scoreWithSpaces"));
    expect(grid.get(15, 8)).toEqual({ value: " 5.4 " });
  });

  it("a weight written as text '10' is read as 10 and said to be text", async () => {
    const p = parse(await readBack(form("weightAsText")));
    const ind = p.indicators.find((i) => i.row === 23)!;
    expect([ind.weight, ind.weightFacts.kind]).toEqual([10, "textNumber"]);
    // the other weights are real numbers
    expect(p.indicators.filter((i) => i.weightFacts.kind === "number")).toHaveLength(14);
  });

  it("a budget score and a total written as text are told apart from numbers", async () => {
    const budget = parse(await readBack(form("budgetScoreAsText"))).funding!;
    expect([budget.score.value, budget.score.cell, budget.score.facts.kind]).toEqual([
      10,
      "I6",
      "textNumber",
    ]);
    expect(budget.weight.facts.kind).toBe("number");
    expect(budget.rate.facts.kind).toBe("number");
    const total = parse(await readBack(form("totalAsText"))).totalRow!;
    expect([total.score, total.scoreCell, total.scoreFacts.kind]).toEqual([
      89.45,
      "H28",
      "textNumber",
    ]);
    expect(total.weightFacts).toEqual({ kind: "number" });
  });
});

describe("a score merged over several rows counts once", () => {
  it("over two rows: the first row holds 7.2, the second has no score of its own", async () => {
    const p = parse(await readBack(form("mergedScore")));
    const [first, second] = [13, 14].map((r) => p.indicators.find((i) => i.row === r)!);
    expect([first.name, first.score, first.scoreMergedFrom]).toEqual([PLAN_COUNT, 7.2, null]);
    expect([second.name, second.score, second.scoreMergedFrom]).toEqual([MAIN_EVENT, null, 13]);
    // what the row shows is the merged 7.2, and it is a real number
    expect([second.scoreText, second.scoreFacts.kind]).toEqual(["7.2", "number"]);
    expect(second.weight).toBe(5); // the weight is not merged
  });

  it("over three rows: rows 16 and 17 point at row 15", async () => {
    const p = parse(await readBack(form("mergedScoreThreeRows")));
    expect(
      p.indicators
        .filter((i) => i.row >= 15 && i.row <= 18)
        .map((i) => [i.score, i.scoreMergedFrom])
    ).toEqual([
      [5.4, null],
      [null, 15],
      [null, 15],
      [6, null],
    ]);
  });
});

describe("error values", () => {
  it("#DIV/0! from a formula: an error, with its formula, and no score", async () => {
    const grid = await readBack(form("divZeroScore"));
    expect(grid.get(15, 8)).toEqual({ value: "#DIV/0!", formula: "G15/0", error: "#DIV/0!" });
    const ind = parse(grid).indicators.find((i) => i.row === 15)!;
    expect(ind.scoreFacts).toEqual({ kind: "error", error: "#DIV/0!", formula: "G15/0" });
    expect([ind.score, ind.scoreText]).toEqual([null, "#DIV/0!"]);
  });

  it("#REF! typed as a value: an error; the text '#REF!' in another cell is only text", async () => {
    const grid = await readBack(form("refErrorScore"));
    expect(at(grid, "H17")).toEqual({ kind: "error", error: "#REF!" });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = "#REF!";
    ws.getCell("A2").value = { error: "#N/A" };
    const g = (await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()))).sheets[0];
    expect(at(g, "A1")).toEqual({ kind: "text" });
    expect(at(g, "A2")).toEqual({ kind: "error", error: "#N/A" });
  });
});

describe("formulas without a cached result", () => {
  it("a score formula: uncached, computed from the sheet's cells (8 × 27 ÷ 30 = 7.2)", async () => {
    const grid = await readBack(form("uncachedScore"));
    expect(grid.get(13, 8)).toEqual({ value: null, formula: "ROUND(G13*27/30,2)" });
    const ind = parse(grid).indicators.find((i) => i.row === 13)!;
    expect(ind.scoreFacts).toEqual({
      kind: "uncachedFormula",
      formula: "ROUND(G13*27/30,2)",
      evaluated: 7.2,
    });
    expect(ind.score).toBe(7.2);
  });

  it("the total formula: 10 + 79.45 = 89.45; over a text score Excel's SUM gives 82.25", async () => {
    const total = parse(await readBack(form("uncachedTotal"))).totalRow!;
    expect([total.score, total.scoreFacts.kind, total.scoreFacts.evaluated]).toEqual([
      89.45,
      "uncachedFormula",
      89.45,
    ]);
    const overText = parse(await readBack(form("uncachedOverText"))).totalRow!;
    expect(overText.scoreFacts.evaluated).toBe(82.25);
  });

  it("the budget score formula =ROUND(G6*MIN(F6/E6,1),2) gives 10", async () => {
    const budget = parse(await readBack(form("uncachedBudgetScore"))).funding!;
    expect(budget.score.facts).toEqual({
      kind: "uncachedFormula",
      formula: "ROUND(G6*MIN(F6/E6,1),2)",
      evaluated: 10,
    });
    expect(budget.score.value).toBe(10);
  });

  it("a shared formula without a result and one over another sheet: uncached, the latter not computable", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 3;
    ws.getCell("A2").value = 4;
    ws.getCell("B1").value = { formula: "A1*2" };
    ws.getCell("B2").value = { sharedFormula: "B1" } as ExcelJS.CellSharedFormulaValue;
    ws.getCell("C1").value = { formula: "Other!A1+1" };
    wb.addWorksheet("Other").getCell("A1").value = 1;
    const g = (await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()))).sheets[0];
    expect(at(g, "B2")).toEqual({ kind: "uncachedFormula", formula: "A2*2", evaluated: 8 });
    expect(at(g, "C1")).toEqual({
      kind: "uncachedFormula",
      formula: "Other!A1+1",
      evaluated: null,
    });
  });

  it("a formula with a cached result is known by its result, and keeps its formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("A2").value = { formula: '"7.2"', result: "7.2" };
    const g = (await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()))).sheets[0];
    expect(at(g, "A1")).toEqual({ kind: "number", formula: "1+1" });
    expect(at(g, "A2")).toEqual({ kind: "textNumber", formula: '"7.2"' });
  });
});

describe("dates and booleans", () => {
  it("a date in a score cell is a date (2024-01-01), not the number 45292", async () => {
    const grid = await readBack(form("dateScore"));
    expect(grid.get(15, 8)).toEqual({ value: 45292, numFmt: "yyyy/m/d" });
    const ind = parse(grid).indicators.find((i) => i.row === 15)!;
    expect(ind.scoreFacts).toEqual({ kind: "date", date: "2024-01-01" });
  });

  it("a date typed as a JavaScript Date with a Chinese date format", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell("A1").numFmt = 'yyyy"年"m"月"d"日"';
    const g = (await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()))).sheets[0];
    expect(at(g, "A1")).toEqual({ kind: "date", date: "2024-12-31" });
  });

  it("isDateFormat: date and time formats, not numbers, percents, units or text", () => {
    const dates = [
      "yyyy/m/d",
      'yyyy"年"m"月"d"日"',
      "[$-804]yyyy年m月",
      "mm-dd-yy",
      "h:mm",
      "[h]:mm:ss",
      '[DBNum1][$-804]yyyy"年"m"月"d"日"',
    ];
    const notDates = [
      "General",
      "G/通用格式",
      "0.00",
      "0.00%",
      '0.00"分"',
      "0\\个",
      "#,##0.00_);[Red](#,##0.00)",
      "@",
      "0.00E+00",
      '[Red]0.00;"—"',
    ];
    expect(dates.filter((f) => !isDateFormat(f))).toEqual([]);
    expect(notDates.filter((f) => isDateFormat(f))).toEqual([]);
  });

  it("serial days as dates: Excel's 1900 calendar, with its phantom 29 February 1900", () => {
    expect([1, 59, 60, 61, 45292, 45657].map(serialToIsoDate)).toEqual([
      "1900-01-01",
      "1900-02-28",
      "1900-02-29",
      "1900-03-01",
      "2024-01-01",
      "2024-12-31",
    ]);
    expect(serialToIsoDate(0)).toBe("");
  });

  it("TRUE in a score cell is a boolean and no score", async () => {
    const grid = await readBack(form("booleanScore"));
    const ind = parse(grid).indicators.find((i) => i.row === 16)!;
    expect([ind.scoreFacts.kind, ind.score]).toEqual(["boolean", null]);
  });

  it("text facts: an empty cell, a dash and plain words", () => {
    expect(factsOf(undefined)).toEqual({ kind: "empty" });
    expect(factsOf({ value: "—" })).toEqual({ kind: "text" });
    expect(factsOf({ value: "   " })).toEqual({ kind: "empty" });
    expect(factsOf({ value: 0.95, numFmt: "0.00%" })).toEqual({ kind: "number" });
  });
});
