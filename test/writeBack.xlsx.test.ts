// The .xlsx gateway: a WritePlan applied onto the user's own workbook, and its undo.
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyzeWorkbook } from "../src/core/analyze";
import { WriteRefused } from "../src/core/host";
import { confirmOverwrites, HIGHLIGHT_FILL, plan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import type { PlanChoices, WritePlan } from "../src/core/writePlan";
import { buildSeedWorkbook, type SeedFormOptions } from "../scripts/samples/seedForm";
import { applyPlanToXlsx, applyUndoToXlsx } from "../src/xlsx/apply";
import { readWorkbook } from "../src/xlsx/read";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { describeShared, sharedFixture } from "./support/shared";
import {
  changedCells,
  formulaEngine,
  formulaOf,
  loadExcel,
  sheetFacts,
} from "./support/workbookDump";

const DATE = new Date(Date.UTC(2025, 0, 1));
const sampleBytes = (o: SeedFormOptions) => gridsToXlsx(buildSeedWorkbook(o), { date: DATE });

async function planFor(
  data: Uint8Array,
  choices: Partial<PlanChoices> = {},
  overwrite = false
): Promise<WritePlan> {
  const book = await readWorkbook(data);
  const [a] = analyzeWorkbook(book, getProfile("xicheng")).analyses;
  return overwrite ? confirmOverwrites(a, book, choices) : plan(a, book, choices);
}

/** Fills H28 and G29 of a blank-total form; everything else stays exactly as it was; HyperFormula agrees. */
async function expectTotalAndGradeOnly(original: Uint8Array) {
  const p = await planFor(original);
  expect(p.refusals).toEqual([]);
  const { data } = await applyPlanToXlsx(original, p);
  const before = await loadExcel(original);
  const after = await loadExcel(data);
  expect(formulaOf(after, "附件1", "H28")).toEqual({ formula: "=I6+SUM(H13:H27)", result: 89.45 });
  expect(formulaOf(after, "附件1", "G29")).toEqual({
    formula: '=IF(H28>=90,"优秀",IF(H28>=80,"良好",IF(H28>=60,"中等","较差")))',
    result: "良好",
  });
  // every other cell, merge and sheet unchanged (H29, I29 show the merged G29)
  expect(changedCells(before, after)).toEqual(["附件1!G29", "附件1!H28", "附件1!H29", "附件1!I29"]);
  expect(sheetFacts(after)).toEqual(sheetFacts(before));
  const hf = formulaEngine(after);
  expect(hf.value("附件1", "H28")).toBeCloseTo(89.45, 10);
  expect(hf.value("附件1", "G29")).toBe("良好");
}

describeShared("fix on the shared blank-total fixture", () => {
  it("H28 holds 89.45 and G29 良好, every other cell, merge and sheet unchanged; HyperFormula gives the same", async () => {
    await expectTotalAndGradeOnly(sharedFixture("xicheng-kepu-2024-blank-total.xlsx"));
  });
  it("plan → apply → undo gives back the original workbook, cell for cell", async () => {
    const original = sharedFixture("xicheng-kepu-2024-errors.xlsx");
    await expectUndoRestores(original, {
      highlightErrors: true,
      report: true,
      acceptSuggestions: ["H15", "H22", "I6"],
    });
  });
});

async function expectUndoRestores(original: Uint8Array, choices: Partial<PlanChoices>) {
  const p = await planFor(original, choices, true);
  expect(p.writes.length).toBeGreaterThan(3);
  const { data, undo } = await applyPlanToXlsx(original, p);
  const applied = await loadExcel(data);
  expect(changedCells(await loadExcel(original), applied).length).toBeGreaterThan(3);
  const restored = await applyUndoToXlsx(data, undo);
  const a = await loadExcel(original);
  const b = await loadExcel(restored);
  expect(changedCells(a, b)).toEqual([]);
  expect(sheetFacts(b)).toEqual(sheetFacts(a));
  // and the engine's view of the workbook too
  const ga = await readWorkbook(original);
  const gb = await readWorkbook(restored);
  expect(gb.sheets.map((g) => g.sheet)).toEqual(ga.sheets.map((g) => g.sheet));
  for (let k = 0; k < ga.sheets.length; k++)
    for (let r = 1; r <= Math.max(ga.sheets[k].rows, gb.sheets[k].rows); r++)
      for (let c = 1; c <= Math.max(ga.sheets[k].cols, gb.sheets[k].cols); c++)
        expect([r, c, gb.sheets[k].get(r, c)]).toEqual([r, c, ga.sheets[k].get(r, c)]);
}

describe("fix on the project's own blank-total sample", () => {
  it("H28 holds 89.45 and G29 良好, every other cell, merge and sheet unchanged; HyperFormula gives the same", async () => {
    await expectTotalAndGradeOnly(await sampleBytes({ variant: "blankTotal" }));
  });

  it("writes values instead of formulas when asked", async () => {
    const original = await sampleBytes({ variant: "blankTotal" });
    const { data } = await applyPlanToXlsx(
      original,
      await planFor(original, { totalAs: "value", gradeAs: "value" })
    );
    const wb = await loadExcel(data);
    expect(formulaOf(wb, "附件1", "H28")).toEqual({ value: 89.45 });
    expect(formulaOf(wb, "附件1", "G29")).toEqual({ value: "良好" });
  });

  it("plan → apply → undo gives back the original workbook, cell for cell (suggestions, highlights, report sheet)", async () => {
    await expectUndoRestores(await sampleBytes({ variant: "errors" }), {
      highlightErrors: true,
      report: true,
      acceptSuggestions: ["H15", "H22", "I6"],
    });
  });

  it("the undo also restores blank budget cells the plan filled, with their number format", async () => {
    const book = buildSeedWorkbook({ variant: "blankTotal" });
    const g = book.sheets[0];
    g.set(6, 8, { value: null });
    g.set(6, 9, { value: null });
    const original = await gridsToXlsx(book, { date: DATE });
    const p = await planFor(original);
    expect(p.writes.map((w) => w.address)).toEqual(["H6", "I6", "H28", "G29"]);
    const { data, undo } = await applyPlanToXlsx(original, p);
    const wb = await loadExcel(data);
    expect(formulaOf(wb, "附件1", "H6")).toEqual({ formula: "=F6/E6", result: 1 });
    expect(wb.getWorksheet("附件1")?.getCell("H6").numFmt).toBe("0.00%");
    expect(formulaEngine(wb).value("附件1", "I6")).toBe(10);
    expect(
      changedCells(await loadExcel(original), await loadExcel(await applyUndoToXlsx(data, undo)))
    ).toEqual([]);
  });

  it("highlights only the cells with errors, even where ExcelJS shares one style between many cells", async () => {
    const original = await sampleBytes({ variant: "errors" });
    const p = await planFor(original, { highlightErrors: true });
    const marked = p.writes.filter((w) => w.fill === HIGHLIGHT_FILL).map((w) => w.address);
    expect(marked).toEqual(expect.arrayContaining(["H15", "H22", "H25", "H26", "I6", "I17"]));
    const wb = await loadExcel((await applyPlanToXlsx(original, p)).data);
    const ws = wb.getWorksheet("附件1") as ExcelJS.Worksheet;
    const filled: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const f = c.fill;
        if (
          f?.type === "pattern" &&
          f.pattern === "solid" &&
          f.fgColor?.argb === "FFFFC7CE" &&
          c.isMerged === false
        )
          filled.push(c.address);
      })
    );
    expect(filled.sort()).toEqual([...marked].sort());
    // next run with nothing to mark: the marks go, the cells look as before
    const again = await planFor((await applyPlanToXlsx(original, p)).data, {
      previousHighlights: p.highlights ?? [],
    });
    const cleared = await applyPlanToXlsx((await applyPlanToXlsx(original, p)).data, again);
    const difference = changedCells(await loadExcel(original), await loadExcel(cleared.data));
    expect(difference).toEqual([]);
  });

  it("writes text as text in the report sheet: no formula element in its XML", async () => {
    const original = await sampleBytes({ variant: "blankTotal" });
    const { data } = await applyPlanToXlsx(original, await planFor(original, { report: true }));
    const zip = await JSZip.loadAsync(data);
    const wbXml = await zip.file("xl/workbook.xml")?.async("string");
    expect(wbXml).toContain('name="自评报告"');
    const sheets = Object.keys(zip.files)
      .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
      .sort();
    expect(sheets).toHaveLength(2);
    const reportXml = await zip.file(sheets[1])?.async("string");
    expect(reportXml).not.toContain("<f>");
  });
});

describe("the gateway refuses before writing anything", () => {
  it("a cell changed since the plan was made", async () => {
    const original = await sampleBytes({ variant: "blankTotal" });
    const p = await planFor(original);
    const wb = await loadExcel(original);
    wb.getWorksheet("附件1")!.getCell("H28").value = 88;
    const changed = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(applyPlanToXlsx(changed, p)).rejects.toThrow(WriteRefused);
    await expect(applyPlanToXlsx(changed, p)).rejects.toThrow(
      /H28 在检查之后被修改过（原为空，现为“88”）/
    );
  });

  it("a protected sheet", async () => {
    const original = await sampleBytes({ variant: "blankTotal" });
    const p = await planFor(original);
    const wb = await loadExcel(original);
    await wb.getWorksheet("附件1")!.protect("", {});
    const locked = new Uint8Array(await wb.xlsx.writeBuffer());
    const err = await applyPlanToXlsx(locked, p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteRefused);
    expect((err as WriteRefused).message).toContain("工作表“附件1”受保护");
    expect((err as WriteRefused).cells).toEqual(["附件1!H28", "附件1!G29"]);
  });

  it("a report sheet name taken since", async () => {
    const original = await sampleBytes({ variant: "blankTotal" });
    const p = await planFor(original, { report: true });
    const wb = await loadExcel(original);
    wb.addWorksheet("自评报告");
    const taken = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(applyPlanToXlsx(taken, p)).rejects.toThrow(/已有名为“自评报告”的工作表/);
  });
});
