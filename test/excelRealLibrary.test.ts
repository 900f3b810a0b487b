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
import { applyPlanIn, PartialWriteError, undoIn } from "../src/excel/write";
import { Grid } from "../src/core/grid";
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

describe("refusals and failures through the real client library", () => {
  const OPTS = { fillPattern: true, merges: true };
  /** 附件1: B1:B3 scores 1, 2, 3; B5:C5 merged. */
  function smallBook(): FakeWorkbook {
    const grid = Grid.fromRows("附件1", [["得分", 1], [null, 2], [null, 3], [], [null, "合并"]]);
    grid.addMerge({ top: 5, left: 2, bottom: 5, right: 3 });
    return FakeWorkbook.fromGrids({ sheets: [grid] });
  }
  const scores = (addresses: string[], newSheets: NewSheet[] = []): WritePlan => ({
    sheet: "附件1",
    writes: addresses.map((address, i) => ({
      sheet: "附件1",
      address,
      value: 10 * (i + 1),
      purpose: "suggestedScore" as const,
      label: "采用建议值",
      before: { value: i + 1 },
    })),
    newSheets,
    refusals: [],
  });
  const values = (fake: FakeWorkbook) =>
    ["B1", "B2", "B3"].map((a) => fake.cell("附件1", a)?.value);

  it("a protected sheet: unlocked cells are written, a locked one is refused by name", async () => {
    const fake = smallBook();
    fake.sheet("附件1").protected = true;
    fake.put("附件1", "B1", { locked: false });
    fake.put("附件1", "B2", { locked: false });
    const { context } = realContext(fake);
    await lib.Excel.run(context, (c) => applyPlanIn(c, scores(["B1", "B2"]), OPTS));
    expect(values(fake)).toEqual([10, 20, 3]);
    await expect(
      lib.Excel.run(context, (c) => applyPlanIn(c, scores(["B1", "B2", "B3"]), OPTS))
    ).rejects.toThrow("工作表“附件1”受保护，B3 已锁定，无法写入");
  });

  it("a merged non-master target is refused in the confirm sync", async () => {
    const fake = smallBook();
    const { context, bridge } = realContext(fake);
    const plan = scores(["C5"]);
    plan.writes[0].before = { value: null };
    await expect(lib.Excel.run(context, (c) => applyPlanIn(c, plan, OPTS))).rejects.toThrow(
      "C5 位于合并单元格 B5:C5 中，不是其左上角单元格"
    );
    expect(bridge.traffic.filter((t) => !t.cleanup)).toHaveLength(1);
    expect(fake.writes).toEqual([]);
  });

  it("a write that fails part way comes back with its undo, which puts everything back", async () => {
    const fake = smallBook();
    fake.fault = (op, _sheet, address) =>
      op === "values" && address === "B3" ? "GeneralException" : undefined;
    const { context } = realContext(fake);
    const report: NewSheet = { name: "自评报告", columnWidths: [20], rows: [] };
    const err = await lib.Excel.run(context, (c) =>
      applyPlanIn(c, scores(["B1", "B2", "B3"], [report]), OPTS)
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialWriteError);
    expect(values(fake)).toEqual([10, 20, 3]);
    fake.fault = null;
    await lib.Excel.run(context, (c) => undoIn(c, (err as PartialWriteError).undo, OPTS));
    expect(values(fake)).toEqual([1, 2, 3]);
    expect(fake.findSheet("自评报告")).toBeUndefined();
  });
});
