/**
 * @jest-environment jsdom
 */
// The Office.js gateway through Microsoft's own client library (npm @microsoft/office-js, excel-web-16.00.js:
// the code the CDN serves to Excel on the web), answered from the strict fake by test/support/richApiBridge.ts.
// Anything the real library rejects, or an API the fake does not know, fails the test.
import { readFileSync } from "fs";
import { isTableSheet } from "../src/core/analyze";
import type { NewSheet, WritePlan } from "../src/core/writePlan";
import { readWorkbookIn } from "../src/excel/read";
import { applyPlanIn, undoIn } from "../src/excel/write";
import { buildSeedForm, buildSeedWorkbook } from "../scripts/samples/seedForm";
import { FakeWorkbook } from "./support/fakeExcel";
import { OfficeLibrary, RichApiBridge } from "./support/richApiBridge";
import { bookLines } from "./support/gridDump";

const LIBRARY = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

let lib: OfficeLibrary;
beforeAll(() => {
  // run the library's script in the jsdom window, as a <script> would
  (0, eval)(readFileSync(LIBRARY, "utf8"));
  lib = globalThis as unknown as OfficeLibrary;
});

/** A request context of the real library whose requests the bridge answers from `fake`. */
function realContext(fake: FakeWorkbook): { context: Excel.RequestContext; bridge: RichApiBridge } {
  const bridge = new RichApiBridge(fake);
  lib.OfficeExtension.HttpUtility.setCustomSendRequestFunc((r) => bridge.answer(r));
  return { context: new lib.Excel.RequestContext("https://fake-excel.invalid/"), bridge };
}

const REPORT: NewSheet = {
  name: "自评报告",
  columnWidths: [20, 10, 10],
  freeze: { rows: 2, columns: 0 },
  autoFilter: { row: 2, fromColumn: 1, toColumn: 3 },
  dataBars: [{ column: 3, fromRow: 3, toRow: 4, color: "#5B9BD5" }],
  print: { orientation: "landscape", fitToWidth: true },
  rows: [
    { style: "title", span: 3, cells: [{ value: "自评报告" }] },
    { style: "tableHeader", cells: [{ value: "指标" }, { value: "值" }, { value: "得分" }] },
    {
      style: "table",
      cells: [{ value: "总分", link: "#'附件1'!H28" }, { value: "-5" }, { value: 89.45 }],
    },
    { style: "table", cells: [{ value: "执行率" }, { value: 1, numFmt: "0.00%" }, { value: 10 }] },
  ],
};

describe("through the real Office.js client library", () => {
  it("reads the seed form like the fake does", async () => {
    const book = buildSeedWorkbook({ sheetsBefore: ["说明"] });
    const fake = FakeWorkbook.fromGrids(book);
    fake.activeSheet = "附件1";
    const { context, bridge } = realContext(fake);
    const snapshot = await lib.Excel.run(context, (c) =>
      readWorkbookIn(c, { merges: true, isTableSheet })
    );
    const form = snapshot.book.sheets.find((g) => g.sheet === "附件1")!;
    expect(bookLines({ sheets: [form] })).toEqual(
      bookLines({ sheets: [book.sheets.find((g) => g.sheet === "附件1")!] })
    );
    expect(form.merges.length).toBe(book.sheets[1].merges.length);
    // one sync, then the request Excel.run sends by itself to release the objects it kept
    expect(bridge.traffic.map((t) => t.cleanup)).toEqual([false, true]);
  });

  it("writes a plan with the report sheet, and undoes it, exactly as with the fake", async () => {
    const { workbook, layout } = buildSeedForm({ variant: "blankTotal" });
    const grid = workbook.sheets.find((g) => g.sheet === layout.sheet)!;
    const fake = FakeWorkbook.fromGrids(workbook);
    const before = bookLines(fake.toGrids());
    const total = layout.addresses.totalScore;
    const grade = layout.addresses.grade!;
    const plan: WritePlan = {
      sheet: grid.sheet,
      writes: [
        {
          sheet: grid.sheet,
          address: total,
          value: 89.45,
          formula: "=I6+SUM(H13:H27)",
          purpose: "total",
          label: "总分",
          before: { value: null },
        },
        {
          sheet: grid.sheet,
          address: grade,
          value: "=良好", // text that starts with "=": must stay text
          purpose: "grade",
          label: "绩效级别",
          before: { value: null },
        },
        {
          sheet: grid.sheet,
          address: "I17",
          value: null,
          fill: "#FFC7CE",
          fillOnly: true,
          purpose: "highlight",
          label: "标出错误",
          before: { value: grid.get(17, 9)?.value ?? null },
        },
      ],
      newSheets: [REPORT],
      refusals: [],
    };
    const { context, bridge } = realContext(fake);
    // inside Excel.run, as the add-in does: objects stay valid from the confirm sync to the write sync
    const record = await lib.Excel.run(context, (c) =>
      applyPlanIn(c, plan, { fillPattern: true, merges: true })
    );
    expect(fake.cell(grid.sheet, total)?.formula).toBe("=I6+SUM(H13:H27)");
    expect(fake.cell(grid.sheet, grade)).toMatchObject({ value: "=良好" });
    expect(fake.cell(grid.sheet, "I17")?.fill).toBe("#FFC7CE");
    const report = fake.sheet("自评报告");
    expect(fake.cell("自评报告", "A1")?.value).toBe("自评报告");
    expect(report.merges.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([[1, 1, 1, 3]]);
    expect(fake.writes.map((w) => w.op)).toEqual(
      expect.arrayContaining([
        "hyperlink",
        "freezeRows",
        "autoFilter",
        "dataBar",
        "pageLayout.zoom",
      ])
    );
    const writeTraffic = bridge.traffic.length;
    expect(bridge.traffic.map((t) => t.cleanup)).toEqual([false, false, true]); // confirm, write, release

    await lib.Excel.run(context, (c) => undoIn(c, record, { fillPattern: true, merges: true }));
    expect(bridge.traffic.slice(writeTraffic).map((t) => t.cleanup)).toEqual([false, false, true]);
    expect(bookLines(fake.toGrids())).toEqual(before);
    expect(fake.findSheet("自评报告")).toBeUndefined();
    expect(fake.cell(grid.sheet, "I17")?.fill ?? null).toBe(null);
  });
});
