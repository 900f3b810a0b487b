// 生成汇总表 inside a workbook of several 自评表 sheets: one new sheet 汇总 through the WritePlan, each row linking
// to its own sheet, no cell of the forms touched, and the undo removes it.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { analyzeWorkbook } from "../src/core/analyze";
import { summaryPlan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import { applyPlanToXlsx, applyUndoToXlsx } from "../src/xlsx/apply";
import { readWorkbook } from "../src/xlsx/read";
import { applyPlanIn } from "../src/excel/write";
import { fakeContext, FakeWorkbook } from "./support/fakeExcel";

const SAMPLES = path.resolve(__dirname, "../assets/samples");

/** The seed form as 附件1 and the errors form as 附件2 of one workbook (a unit's two projects). */
async function twoForms(): Promise<Uint8Array> {
  const load = async (name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(SAMPLES, name)) as unknown as ExcelJS.Buffer);
    return wb;
  };
  const wb = await load("xicheng-kepu-2024.xlsx");
  const other = (await load("xicheng-kepu-2024-errors.xlsx")).worksheets[0];
  const ws = wb.addWorksheet("附件2");
  ws.model = { ...other.model, name: "附件2", id: ws.id } as typeof ws.model;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

it("adds 汇总 with one row per form, linked to its sheet; the forms are untouched; undo removes it", async () => {
  const data = await twoForms();
  const book = await readWorkbook(data);
  const { analyses } = analyzeWorkbook(book, getProfile("xicheng"));
  expect(analyses.map((a) => a.sheet)).toEqual(["附件1", "附件2"]);

  const p = summaryPlan(analyses, book, "单位.xlsx");
  expect(p.writes).toEqual([]);
  expect(p.newSheets.map((s) => s.name)).toEqual(["汇总"]);

  const { data: after, undo } = await applyPlanToXlsx(data, p);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(after as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["附件1", "附件2", "汇总"]);
  const ws = wb.getWorksheet("汇总")!;
  const rows: { sheet: unknown; link?: string; total: unknown; status: unknown }[] = [];
  ws.eachRow((row, r) => {
    const sheet = ws.getCell(r, 2).text; // a link: the sheet's name is its text
    if (sheet === "附件1" || sheet === "附件2")
      rows.push({
        sheet,
        link: ws.getCell(r, 1).hyperlink,
        total: ws.getCell(r, 7).value,
        status: ws.getCell(r, 13).value,
      });
  });
  // the errors form first (it has errors), with the total it states: 90.1 (fixtures/README.md, mistake 8)
  expect(rows).toEqual([
    { sheet: "附件2", link: "#'附件2'!H28", total: 90.1, status: "有错误" },
    { sheet: "附件1", link: "#'附件1'!H28", total: 89.45, status: "通过" },
  ]);
  // the forms read as before
  const reread = await readWorkbook(after);
  expect(reread.sheets[0].get(28, 8)?.value).toBe(book.sheets[0].get(28, 8)?.value);

  const undone = await applyUndoToXlsx(after, undo);
  expect((await readWorkbook(undone)).sheets.map((g) => g.sheet)).toEqual(["附件1", "附件2"]);
});

it("a second 生成汇总表 replaces the first 汇总 in its place (undo brings it back), or adds 汇总 (2) if asked", async () => {
  const data = await twoForms();
  const first = await applyPlanToXlsx(
    data,
    summaryPlan(analyzeWorkbook(await readWorkbook(data), getProfile("xicheng")).analyses, {
      sheets: (await readWorkbook(data)).sheets,
    })
  );
  const book = await readWorkbook(first.data);
  const analyses = analyzeWorkbook(book, getProfile("xicheng")).analyses;
  const p = summaryPlan(analyses, book);
  expect(p.newSheets[0].name).toBe("汇总");
  expect(p.newSheets[0].replaces?.ours).toBe(true);
  expect(summaryPlan(analyses, book, "本工作簿", "new").newSheets[0].name).toBe("汇总 (2)");

  // the user noted something beside the table; the replacement drops it, the undo gives it back
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(first.data as unknown as ExcelJS.Buffer);
  wb.getWorksheet("汇总")!.getCell("P3").value = "已电话催报";
  const noted = new Uint8Array(await wb.xlsx.writeBuffer());
  const book2 = await readWorkbook(noted);
  const p2 = summaryPlan(analyzeWorkbook(book2, getProfile("xicheng")).analyses, book2);
  expect(p2.newSheets[0].replaces?.edited).toEqual(["P3"]);
  const second = await applyPlanToXlsx(noted, p2);
  const after = await readWorkbook(second.data);
  expect(after.sheets.map((g) => g.sheet)).toEqual(["附件1", "附件2", "汇总"]);
  expect(after.sheets[2].get(3, 16)).toBeUndefined();
  const undone = await readWorkbook(await applyUndoToXlsx(second.data, second.undo));
  expect(undone.sheets.map((g) => g.sheet)).toEqual(["附件1", "附件2", "汇总"]);
  expect(undone.sheets[2].get(3, 16)?.value).toBe("已电话催报");
});

it("in Excel (Office.js gateway): 汇总 with links to each sheet, frozen header, filter, data bars, landscape", async () => {
  const book = await readWorkbook(await twoForms());
  const p = summaryPlan(analyzeWorkbook(book, getProfile("xicheng")).analyses, book);
  const fake = FakeWorkbook.fromGrids(book);
  await applyPlanIn(fakeContext(fake), p, { fillPattern: true });
  expect(fake.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "汇总"]);
  const ops = fake.writes.filter((w) => w.sheet === "汇总");
  const links = ops.filter((w) => w.op === "hyperlink").map((w) => w.detail);
  expect(links).toContainEqual({ documentReference: "'附件2'!H28", textToDisplay: "本工作簿" });
  expect(links).toContainEqual({ documentReference: "'附件1'!H28", textToDisplay: "本工作簿" });
  const header = p.newSheets[0].rows.findIndex((r) => r.cells[0]?.value === "文件") + 1;
  expect(ops.find((w) => w.op === "freezeAt")?.address).toBe(`A1:A${header}`);
  expect(ops.find((w) => w.op === "autoFilter")?.address).toBe(`A${header}:N${header + 2}`);
  expect(ops.some((w) => w.op === "dataBar")).toBe(true);
  expect(ops.find((w) => w.op === "pageLayout.orientation")?.detail).toBe("Landscape");
  // the forms' cells are untouched: every write is on the new sheet
  expect(fake.writes.filter((w) => w.sheet !== "汇总")).toEqual([]);
});
