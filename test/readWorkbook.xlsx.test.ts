import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { Grid, rangeToA1 } from "../src/core/grid";
import { readWorkbook, worksheetToGrid } from "../src/xlsx/read";
import { readWorkbookFile } from "../src/xlsx/readFile";
import { gridsToWorkbook, gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridLines } from "./support/gridDump";

const FIXTURES = path.resolve(__dirname, "../../shared/fixtures");
const SEED = path.join(FIXTURES, "xicheng-kepu-2024.xlsx");
const haveFixtures = fs.existsSync(SEED);
if (!haveFixtures)
  console.log(`note: ${FIXTURES} is absent; the tests that read the shared fixtures are skipped`);
const describeFixtures = haveFixtures ? describe : describe.skip;

const dump = gridLines;

const mergeList = (g: Grid) => g.merges.map(rangeToA1).sort();

async function excelBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeFixtures("reading the shared seed fixture", () => {
  let grid: Grid;
  beforeAll(async () => {
    const wb = await readWorkbookFile(SEED);
    expect(wb.sheets).toHaveLength(1);
    grid = wb.sheets[0];
  });

  it("names the sheet and knows its merges", () => {
    expect(grid.sheet).toBe("附件1");
    expect(grid.mergesKnown).toBe(true);
    expect(grid.protected).toBe(false);
    expect(grid.merges).toHaveLength(23);
    expect(mergeList(grid)).toEqual(
      expect.arrayContaining(["A1:I1", "A12:A27", "B13:B22", "C23:C25", "A28:F28"])
    );
  });

  it("keeps a merged area's value in its master cell only", () => {
    expect(grid.get(1, 1)?.value).toBe("项目支出绩效自评表");
    expect(grid.get(1, 2)).toBeUndefined();
    expect(grid.get(1, 9)).toBeUndefined();
    expect(grid.get(13, 2)?.value).toBe("产出指标");
    for (let r = 14; r <= 22; r++) expect(grid.get(r, 2)).toBeUndefined();
    // …while a reader still sees it everywhere in the area
    expect(grid.text(20, 2)).toBe("产出指标");
    expect(grid.masterOf(20, 2)).toEqual({ row: 13, col: 2 });
    expect(grid.text(28, 5)).toBe("总分");
  });

  it("reads numbers as numbers, the rate with its 0.00% format, and =1场 as text", () => {
    expect(grid.get(6, 8)).toEqual({ value: 1, numFmt: "0.00%" });
    expect(grid.get(6, 5)?.value).toBe(137.85);
    expect(grid.get(13, 8)?.value).toBe(7.2);
    expect(grid.get(28, 8)?.value).toBe(89.45);
    expect(grid.get(14, 5)).toEqual({ value: "=1场" });
    expect(grid.get(14, 5)?.formula).toBeUndefined();
    expect(grid.get(7, 7)?.value).toBe("—");
  });

  it("drops empty text cells (I14 holds an empty string in the file)", () => {
    expect(grid.get(14, 9)).toBeUndefined();
    expect(grid.isEmpty(14, 9)).toBe(true);
  });

  it("reads the variants too", async () => {
    const blank = (
      await readWorkbookFile(path.join(FIXTURES, "xicheng-kepu-2024-blank-total.xlsx"))
    ).sheets[0];
    expect(blank.get(28, 8)).toBeUndefined();
    expect(blank.text(29, 1)).toBe("绩效级别");
    expect(mergeList(blank)).toEqual(expect.arrayContaining(["A29:F29", "G29:I29"]));
    const errors = (await readWorkbookFile(path.join(FIXTURES, "xicheng-kepu-2024-errors.xlsx")))
      .sheets[0];
    expect(errors.value(14, 7)).toBe(6);
    expect(errors.value(28, 8)).toBe(90.1);
  });

  it("round-trips through the writer unchanged", async () => {
    const again = (await readWorkbook(await gridsToXlsx({ sheets: [grid] }))).sheets[0];
    expect(dump(again)).toEqual(dump(grid));
    expect(mergeList(again)).toEqual(mergeList(grid));
  });
});

describe("bad files", () => {
  it("rejects a garbage buffer with a Chinese message, not an ExcelJS stack", async () => {
    const garbage = new TextEncoder().encode("this is not a workbook at all");
    await expect(readWorkbook(garbage)).rejects.toThrow(
      /^无法读取文件：这是文本文件（例如 CSV），不是有效的 \.xlsx 工作簿/
    );
  });

  it("rejects a zip that is not a workbook", async () => {
    // A minimal empty zip: just the end-of-central-directory record.
    const zip = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    await expect(readWorkbook(zip)).rejects.toThrow(/^无法读取文件：.*没有 Excel 工作簿/);
  });

  it("rejects a truncated workbook", async () => {
    const bytes = await gridsToXlsx(buildSeedWorkbook());
    await expect(readWorkbook(bytes.slice(0, 200))).rejects.toThrow(/无法读取文件/);
  });

  it("says an old .xls (OLE file) must be saved as .xlsx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readWorkbook(ole)).rejects.toThrow(/\.xls/);
  });

  it("rejects an empty buffer and reports a missing path", async () => {
    await expect(readWorkbook(new ArrayBuffer(0))).rejects.toThrow(/无法读取文件/);
    await expect(readWorkbookFile(path.join(__dirname, "no-such-file.xlsx"))).rejects.toThrow(
      /找不到文件/
    );
  });
});

describe("round trip: seed → .xlsx → Grid", () => {
  it("gives back the same cells and merges", async () => {
    const built = buildSeedWorkbook();
    const read = await readWorkbook(await gridsToXlsx(built));
    expect(read.sheets.map((s) => s.sheet)).toEqual(["附件1"]);
    expect(dump(read.sheets[0])).toEqual(dump(built.sheets[0]));
    expect(mergeList(read.sheets[0])).toEqual(mergeList(built.sheets[0]));
  });

  it("keeps several sheets in order, a shifted origin and percent formats", async () => {
    const built = buildSeedWorkbook({
      sheetsBefore: ["报告", "说明"],
      origin: "C4",
      percentAsNumbers: true,
    });
    const bytes = await gridsToXlsx(built);
    const read = await readWorkbook(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    expect(read.sheets.map((s) => s.sheet)).toEqual(["报告", "说明", "附件1"]);
    read.sheets.forEach((s, i) => {
      expect(dump(s)).toEqual(dump(built.sheets[i]));
      expect(mergeList(s)).toEqual(mergeList(built.sheets[i]));
    });
  });

  it("writes strings starting with = as text, never as formulas", async () => {
    const g = Grid.fromRows("S", [["=1场", "=100%", "=SUM(1,2)"]]);
    const wb = gridsToWorkbook({ sheets: [g] });
    expect(wb.worksheets[0].getCell("A1").type).toBe(ExcelJS.ValueType.String);
    const back = (await readWorkbook(await gridsToXlsx({ sheets: [g] }))).sheets[0];
    expect(back.get(1, 1)).toEqual({ value: "=1场" });
    expect(back.get(1, 3)).toEqual({ value: "=SUM(1,2)" });
  });

  it("writes formulas with their cached result", async () => {
    const g = new Grid("S");
    g.set(1, 1, { value: 2 });
    g.set(1, 2, { value: 3 });
    g.set(1, 3, { value: 5, formula: "A1+B1" });
    g.set(2, 1, { value: 0.5, formula: "=A1/4", numFmt: "0.0%" });
    const back = (await readWorkbook(await gridsToXlsx({ sheets: [g] }))).sheets[0];
    expect(back.get(1, 3)).toEqual({ value: 5, formula: "A1+B1" });
    expect(back.get(2, 1)).toEqual({ value: 0.5, formula: "A1/4", numFmt: "0.0%" });
  });

  it("keeps sheet protection", async () => {
    const g = new Grid("S", { protected: true });
    g.set(1, 1, { value: "x" });
    const back = (await readWorkbook(await gridsToXlsx({ sheets: [g] }))).sheets[0];
    expect(back.protected).toBe(true);
  });

  it("lays the sample out like a form: wide name and reason columns, wrapped text, bold title", () => {
    const ws = gridsToWorkbook(buildSeedWorkbook()).worksheets[0];
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(24); // 三级指标
    expect(ws.getColumn(9).width).toBeGreaterThanOrEqual(30); // 偏差原因分析及改进措施
    expect(ws.getCell("I13").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("D13").border?.top?.style).toBe("thin");
    expect(ws.getRow(11).height).toBeGreaterThan(30); // the long goals fit
  });

  it("writes fixed dates when asked", () => {
    const date = new Date(Date.UTC(2025, 0, 15));
    const wb = gridsToWorkbook(buildSeedWorkbook(), { date });
    expect(wb.created).toEqual(date);
    expect(wb.modified).toEqual(date);
  });
});

describe("reading what ExcelJS writes", () => {
  it("formula cells give the formula and the cached result; missing results read as null", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("F");
    ws.getCell("A1").value = 10;
    ws.getCell("A2").value = 20;
    ws.getCell("A3").value = { formula: "SUM(A1:A2)", result: 30 };
    ws.getCell("A4").value = { formula: "A1/0", result: { error: "#DIV/0!" } };
    ws.getCell("A5").value = { formula: "A1*2" };
    ws.getCell("B1").value = { formula: "A1*2", result: 20 };
    ws.getCell("B2").value = { sharedFormula: "B1", result: 40 };
    ws.getCell("C1").value = { formula: '"达成"', result: "达成" };
    const g = (await readWorkbook(await excelBytes(wb))).sheets[0];
    expect(g.get(3, 1)).toEqual({ value: 30, formula: "SUM(A1:A2)" });
    expect(g.get(4, 1)).toEqual({ value: "#DIV/0!", formula: "A1/0", error: "#DIV/0!" });
    expect(g.get(5, 1)).toEqual({ value: null, formula: "A1*2" });
    expect(g.get(2, 2)).toEqual({ value: 40, formula: "A2*2" });
    expect(g.get(1, 3)).toEqual({ value: "达成", formula: '"达成"' });
  });

  it("rich text, hyperlinks, booleans, errors and dates become plain values", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("V");
    ws.getCell("A1").value = {
      richText: [{ text: "产出" }, { text: "指标", font: { bold: true } }],
    };
    ws.getCell("A2").value = { text: "西城科协", hyperlink: "https://example.org" };
    ws.getCell("A3").value = true;
    ws.getCell("A4").value = { error: "#N/A" };
    ws.getCell("A5").value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell("A5").numFmt = "yyyy-mm-dd";
    ws.getCell("A6").value = "";
    const g = (await readWorkbook(await excelBytes(wb))).sheets[0];
    expect(g.value(1, 1)).toBe("产出指标");
    expect(g.value(2, 1)).toBe("西城科协");
    expect(g.value(3, 1)).toBe(true);
    expect(g.value(4, 1)).toBe("#N/A");
    expect(g.get(5, 1)).toEqual({ value: 45657, numFmt: "yyyy-mm-dd" });
    expect(g.get(6, 1)).toBeUndefined();
  });

  it("a protected sheet reads as protected, an unprotected one does not", async () => {
    const wb = new ExcelJS.Workbook();
    const locked = wb.addWorksheet("锁定");
    locked.getCell("A1").value = "总分";
    await locked.protect("secret", { selectLockedCells: true, spinCount: 10 });
    wb.addWorksheet("开放").getCell("A1").value = 1;
    const grids = await readWorkbook(await excelBytes(wb));
    expect(grids.sheets.map((s) => [s.sheet, s.protected])).toEqual([
      ["锁定", true],
      ["开放", false],
    ]);
  });

  it("worksheetToGrid reads merges from an in-memory worksheet", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("M");
    ws.getCell("B2").value = "一级";
    ws.mergeCells("B2:B5");
    const g = worksheetToGrid(ws);
    expect(mergeList(g)).toEqual(["B2:B5"]);
    expect(g.get(2, 2)?.value).toBe("一级");
    expect(g.get(3, 2)).toBeUndefined();
    expect(g.text(5, 2)).toBe("一级");
  });
});

describe("a formula whose cached result is 0", () => {
  it("is read as calculated (0), not as a formula without a result (ExcelJS drops <v>0</v>)", async () => {
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("附件1");
    ws.getCell("A1").value = { formula: "B1*0", result: 0 };
    ws.getCell("A2").value = { formula: "B1*1" }; // really uncalculated
    ws.getCell("B1").value = 3;
    ws.getCell("C2").style = { font: { bold: true } }; // an empty styled cell, <c r="C2" s="1"/>, before A3
    ws.getCell("A3").value = { formula: "B1-3", result: 0 };
    const book = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const g = book.sheets[0];
    expect(g.get(1, 1)).toMatchObject({ value: 0, formula: "B1*0" });
    expect(g.get(2, 1)).toMatchObject({ value: null, formula: "B1*1" });
    expect(g.get(3, 1)).toMatchObject({ value: 0, formula: "B1-3" });
  });
});
