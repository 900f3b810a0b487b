// The summary workbook written straight as SpreadsheetML (src/xlsx/sheetsXlsx.ts) is the workbook ExcelJS writes
// (apply.ts's sheetsToXlsx): both read back with ExcelJS, cell by cell — values, looks, links, merges — and the
// sheet settings a user sees (frozen header, filter, data bars, widths, heights, print setup).
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { checkFile } from "../src/cli/worker";
import { buildSummary, summarySheets, type CheckResult } from "../src/core/summarySheet";
import type { NewSheet } from "../src/core/writePlan";
import { sheetsToXlsx } from "../src/xlsx/apply";
import { newSheetsXlsx } from "../src/xlsx/sheetsXlsx";

const SAMPLES = path.resolve(__dirname, "../assets/samples");

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

/** Everything a user sees of a sheet, as ExcelJS reads it back. */
function view(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push({ row: r, height: row.height });
    row.eachCell({ includeEmpty: true }, (c) =>
      cells.push({
        at: c.address,
        value: c.value,
        hyperlink: c.hyperlink,
        merged: c.isMerged ? c.master.address : null,
        font: c.style.font,
        fill: c.style.fill,
        border: c.style.border,
        alignment: c.style.alignment,
        numFmt: c.style.numFmt,
      })
    );
  });
  return {
    name: ws.name,
    rows: ws.rowCount,
    merges: ws.model.merges,
    view: ws.views.map((v) => ({
      state: v.state,
      xSplit: (v as ExcelJS.WorksheetViewFrozen).xSplit,
      ySplit: (v as ExcelJS.WorksheetViewFrozen).ySplit,
      showGridLines: v.showGridLines,
    })),
    autoFilter: ws.autoFilter,
    print: [
      ws.pageSetup.orientation,
      ws.pageSetup.fitToPage,
      ws.pageSetup.fitToWidth,
      ws.pageSetup.fitToHeight,
      ws.pageSetup.paperSize,
    ],
    widths: ws.columns.map((c) => c.width),
    bars: (
      ws as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }
    ).conditionalFormattings.map((f) => ({
      ref: f.ref,
      rules: f.rules.map((r) => {
        const { priority, type, cfvo, color } = r as Record<string, unknown>;
        return { priority, type, cfvo, color };
      }),
    })),
    cells,
  };
}

async function expectSameWorkbook(sheets: NewSheet[]) {
  const viaExcelJs = await load(await sheetsToXlsx(sheets));
  for (const deflate of [undefined, (d: Uint8Array) => deflateRawSync(d)]) {
    const direct = await load(newSheetsXlsx(sheets, deflate));
    expect(direct.worksheets.map(view)).toEqual(viaExcelJs.worksheets.map(view));
  }
}

let results: CheckResult[];
beforeAll(async () => {
  results = [];
  for (const f of [
    "xicheng-kepu-2024",
    "xicheng-kepu-2024-errors",
    "xicheng-kepu-2024-blank-total",
  ])
    results.push(...(await checkFile(path.join(SAMPLES, `${f}.xlsx`), "auto")));
  results.push(...(await checkFile(path.join(SAMPLES, "无此文件.xlsx"), "auto")));
});

it("the summary of the samples and a missing file: the same workbook as ExcelJS writes", async () => {
  const sheets = summarySheets(buildSummary(results), {
    linkBase: (file) => `报送/${path.basename(file)}`,
  });
  expect(sheets.map((s) => s.name)).toEqual(["汇总", "问题清单"]);
  await expectSameWorkbook(sheets);
});

it("text that looks like a formula, control characters, spaces and long text stay as ExcelJS writes them", async () => {
  const odd: CheckResult[] = results.map((r, i) => ({
    ...r,
    file: ["=SUM(A1)", "+1 <b>&amp;", " 前后空格 ", "x\u0001y_x0001_" + "长".repeat(40000)][i],
  }));
  await expectSameWorkbook(summarySheets(buildSummary(odd), { linkBase: () => null }));
});
