// The per-group score bars of the 自评报告 sheet (issue 10 item 9) reach the sheet in every host, as text that
// prints anywhere (█ score, ░ points lost) in the bar colour core defines once (SHEET_BAR_COLOR): the .xlsx patch
// (web download, `jixiao fix --report`), Office.js and WPS. Expected bars are hand-computed from the seed form:
// 预算执行 10/10, 项目产出 50.45/55 = 0.917, 项目效益 24.6/30 = 0.82, 满意度 4.4/5 = 0.88, 合计 89.45/100,
// each rounded to tenths of the bar (only full marks fill it).
import ExcelJS from "exceljs";
import { analyze } from "../src/core/analyze";
import { reportPlan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import { SHEET_BAR_COLOR } from "../src/core/writePlan";
import type { EtApplication } from "../src/wps/et";
import { applyPlanEt } from "../src/wps/write";
import { applyPlanIn } from "../src/excel/write";
import { patchPlanIntoXlsx } from "../src/xlsx/patch";
import { readWorkbook } from "../src/xlsx/read";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { fakeContext, FakeWorkbook } from "./support/fakeExcel";
import { FakeEt } from "./support/fakeWps";

const EXPECTED: [string, string][] = [
  ["预算执行", "██████████"],
  ["项目产出", "█████████░"],
  ["项目效益", "████████░░"],
  ["服务对象满意度", "█████████░"],
  ["合计", "█████████░"],
];

function planOf(book = buildSeedWorkbook()) {
  return reportPlan(analyze(book.sheets[0], getProfile("xicheng")), book);
}

/** Rows of the sheet as [A, E] for the table's group rows. */
function barRows(get: (row: number, col: number) => unknown, rows: number): [string, string][] {
  const out: [string, string][] = [];
  for (let r = 1; r <= rows; r++) {
    const label = get(r, 1);
    if (EXPECTED.some(([l]) => l === label)) out.push([String(label), String(get(r, 5) ?? "")]);
  }
  return out;
}

it("the .xlsx patch writes the bars as text in the bar colour, beside 分值/得分/扣分", async () => {
  const data = await gridsToXlsx(buildSeedWorkbook(), { date: new Date(Date.UTC(2025, 0, 1)) });
  const book = await readWorkbook(data);
  const { data: out } = await patchPlanIntoXlsx(data, planOf(book), book);
  const g = (await readWorkbook(out)).sheets.find((s) => s.sheet === "自评报告")!;
  expect(barRows((r, c) => g.get(r, c)?.value, g.rows)).toEqual(EXPECTED);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("自评报告")!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === "项目产出") row = n;
  });
  expect(ws.getCell(row, 5).font?.color?.argb).toBe(`FF${SHEET_BAR_COLOR.slice(1)}`);
  expect(ws.getCell(row, 4).font?.color?.argb).toBeUndefined(); // only the bar is coloured
});

it("Office.js writes the same bars, coloured", async () => {
  const fake = FakeWorkbook.fromGrids(buildSeedWorkbook());
  await applyPlanIn(fakeContext(fake), planOf(fake.toGrids()), { fillPattern: true });
  const g = fake.toGrids().sheets.find((s) => s.sheet === "自评报告")!;
  expect(barRows((r, c) => g.get(r, c)?.value, g.rows)).toEqual(EXPECTED);
  for (let r = 1; r <= g.rows; r++)
    if (g.get(r, 1)?.value === "项目产出")
      expect(fake.cell("自评报告", `E${r}`)?.style?.fontColor?.toUpperCase()).toBe(SHEET_BAR_COLOR);
});

it("WPS writes the same bars, coloured", () => {
  const fake = new FakeEt(FakeWorkbook.fromGrids(buildSeedWorkbook()));
  applyPlanEt(fake.application as EtApplication, planOf(fake.book.toGrids()));
  const g = fake.book.toGrids().sheets.find((s) => s.sheet === "自评报告")!;
  expect(barRows((r, c) => g.get(r, c)?.value, g.rows)).toEqual(EXPECTED);
  for (let r = 1; r <= g.rows; r++)
    if (g.get(r, 1)?.value === "项目产出")
      expect(fake.book.cell("自评报告", `E${r}`)?.style?.fontColor?.toUpperCase()).toBe(
        SHEET_BAR_COLOR
      );
});
