// What a cell really holds, read through the Office.js gateway (src/excel/read.ts) and the strict fake:
// Range.valueTypes, loaded with values/formulas/numberFormat in the same sync, tells an error value from text.
import { cellFacts, type CellFacts } from "../src/core/cellFacts";
import { Grid, parseA1 } from "../src/core/grid";
import { findIndicatorHeaders } from "../src/core/locate";
import { parseForm } from "../src/core/parse";
import { readWorkbookIn, usedRangeToGrid } from "../src/excel/read";
import { readWorkbook } from "../src/xlsx/read";
import { isTableSheet } from "../src/core/analyze";
import { fakeContext, FakeWorkbook } from "./support/fakeExcel";
import { trickyForms, trickyXlsx, type TrickyForm } from "./support/trickyForms";

async function readViaOffice(fake: FakeWorkbook): Promise<{ grid: Grid; syncs: number }> {
  const before = fake.syncs;
  const snapshot = await readWorkbookIn(fakeContext(fake), { merges: true, isTableSheet });
  const grid = snapshot.book.sheets.find((s) => s.sheet === "附件1");
  if (!grid) throw new Error("sheet lost");
  return { grid, syncs: fake.syncs - before };
}

const at = (grid: Grid, address: string): CellFacts => {
  const { row, col } = parseA1(address);
  return cellFacts(grid, row, col);
};

// Excel calculates every formula it opens, so a formula without a result is a .xlsx-file fact only
const inExcel = trickyForms().filter((f) => !Object.values(f.damaged).includes("uncachedFormula"));

describe("tricky forms through the Office.js gateway", () => {
  it.each(inExcel.map((f) => [f.id, f] as const))(
    "%s: each damaged cell is read as what it holds, in one sync",
    async (_id, f: TrickyForm) => {
      const { grid, syncs } = await readViaOffice(FakeWorkbook.fromGrids(f.workbook));
      expect(syncs).toBe(1);
      for (const [address, kind] of Object.entries(f.damaged))
        expect([address, at(grid, address).kind]).toEqual([address, kind]);
    }
  );

  it.each(inExcel.map((f) => [f.id, f] as const))(
    "%s: the parser sees the same facts as through the .xlsx gateway",
    async (_id, f: TrickyForm) => {
      const { grid } = await readViaOffice(FakeWorkbook.fromGrids(f.workbook));
      const fromFile = (await readWorkbook(await trickyXlsx(f))).sheets.find(
        (s) => s.sheet === "附件1"
      )!;
      const facts = (g: Grid) => {
        const p = parseForm(g, findIndicatorHeaders(g)[0]);
        return {
          indicators: p.indicators.map((i) => [
            i.row,
            i.score,
            i.scoreFacts,
            i.weight,
            i.weightFacts,
            i.scoreMergedFrom,
          ]),
          budget: [p.funding?.score.facts, p.funding?.rate.facts, p.funding?.weight.facts],
          total: [p.totalRow?.score, p.totalRow?.scoreFacts, p.totalRow?.weightFacts],
        };
      };
      expect(facts(grid)).toEqual(facts(fromFile));
    }
  );
});

describe("error values and text in Excel", () => {
  it("#DIV/0! from a formula is an error with its formula; no score is read from it", async () => {
    const f = trickyForms().find((x) => x.id === "divZeroScore")!;
    const { grid } = await readViaOffice(FakeWorkbook.fromGrids(f.workbook));
    expect(grid.get(15, 8)).toEqual({ value: "#DIV/0!", formula: "G15/0", error: "#DIV/0!" });
    const ind = parseForm(grid, findIndicatorHeaders(grid)[0]).indicators.find(
      (i) => i.row === 15
    )!;
    expect([ind.score, ind.scoreFacts.kind]).toEqual([null, "error"]);
  });

  it("a user typing #N/A gets an error; '#REF!' typed into a text cell stays text", async () => {
    const f = trickyForms()[0];
    const fake = FakeWorkbook.fromGrids(f.workbook);
    fake.edit("附件1", "H16", "#N/A");
    fake.put("附件1", "H17", { numFmt: "@" });
    fake.edit("附件1", "H17", "#REF!");
    const { grid } = await readViaOffice(fake);
    expect(at(grid, "H16")).toEqual({ kind: "error", error: "#N/A" });
    expect(at(grid, "H17")).toEqual({ kind: "text" });
  });

  it("a date typed in a score cell is a date; TRUE is a boolean", async () => {
    const f = trickyForms()[0];
    const fake = FakeWorkbook.fromGrids(f.workbook);
    fake.put("附件1", "H15", { value: 45657, numFmt: "yyyy/m/d" });
    fake.edit("附件1", "H16", "TRUE");
    const { grid } = await readViaOffice(fake);
    expect(at(grid, "H15")).toEqual({ kind: "date", date: "2024-12-31" });
    expect(at(grid, "H16")).toEqual({ kind: "boolean" });
  });

  it("usedRangeToGrid: the same text is an error only where valueTypes says Error", () => {
    const grid = usedRangeToGrid(
      "S",
      {
        rowIndex: 2, // the range starts at C3
        columnIndex: 2,
        values: [["#DIV/0!", "#DIV/0!", "７.２", 7.2]],
        formulas: [["=1/0", "#DIV/0!", "７.２", 7.2]],
        numberFormat: [["General", "@", "General", "General"]],
        valueTypes: [["Error", "String", "String", "Double"]],
      },
      { merges: [], protected: false }
    );
    expect(["C3", "D3", "E3", "F3"].map((a) => at(grid, a))).toEqual([
      { kind: "error", error: "#DIV/0!", formula: "1/0" },
      { kind: "text" },
      { kind: "textNumber" },
      { kind: "number" },
    ]);
  });

  it("without valueTypes (an older caller) an error result of a formula is still an error", () => {
    const grid = usedRangeToGrid(
      "S",
      {
        rowIndex: 0,
        columnIndex: 0,
        values: [["#REF!"]],
        formulas: [["=#REF!+1"]],
        numberFormat: [["General"]],
      },
      { merges: [], protected: false }
    );
    expect(at(grid, "A1")).toEqual({ kind: "error", error: "#REF!", formula: "#REF!+1" });
  });
});
