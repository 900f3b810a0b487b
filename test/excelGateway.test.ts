// The Office.js gateway (src/excel) against the strict fake in test/support/fakeExcel.ts:
// sync counts, same Analysis as the ExcelJS gateway, refusals, text staying text, undo, select, settings, events.
import { analyze } from "../src/core/analyze";
import { Grid, parseA1, rangeToA1, WorkbookGrids } from "../src/core/grid";
import { WriteRefused, WorkbookHost } from "../src/core/host";
import type { Analysis } from "../src/core/model";
import { getProfile } from "../src/core/profiles";
import type { CellWrite, NewSheet, WritePlan } from "../src/core/writePlan";
import { createExcelHost, SETTINGS_KEY } from "../src/excel/excelHost";
import { isTableSheet } from "../src/core/analyze";
import { readWorkbookIn } from "../src/excel/read";
import { applyPlanIn, ExcelUndoRecord, LARGE_WRITE, undoIn } from "../src/excel/write";
import { buildSeedForm, buildSeedWorkbook, SeedFormOptions } from "../scripts/samples/seedForm";
import { readWorkbook } from "../src/xlsx/read";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { syntheticForm } from "../bench/syntheticForm";
import { fakeContext, FakeOptions, FakeWorkbook, installFakeOffice } from "./support/fakeExcel";
import { describeShared, sharedFixture } from "./support/shared";
import { bookLines } from "./support/gridDump";

const xicheng = getProfile("xicheng");
const OPTS = { fillPattern: true };

const dump = bookLines;

function analyzeFirstTable(book: WorkbookGrids): Analysis {
  const grid = book.sheets.find((g) => g.sheet === "附件1") ?? book.sheets[0];
  return analyze(grid, xicheng);
}

/** Reads through the Office.js gateway on a fresh context; returns the snapshot and the syncs it took. */
async function readVia(
  fake: FakeWorkbook,
  options: { merges?: boolean; sheetNames?: string[] } = {}
) {
  const before = fake.syncs;
  const snapshot = await readWorkbookIn(fakeContext(fake), {
    merges: options.merges ?? fake.supports("1.13"),
    sheetNames: options.sheetNames,
    isTableSheet,
  });
  return { snapshot, syncs: fake.syncs - before };
}

async function viaXlsx(book: WorkbookGrids): Promise<WorkbookGrids> {
  return readWorkbook(await gridsToXlsx(book, { date: new Date(Date.UTC(2025, 0, 1)) }));
}

// ---------------------------------------------------------------- plans by hand

function before(grid: Grid, address: string): CellWrite["before"] {
  const { row, col } = parseA1(address);
  const c = grid.get(row, col);
  return {
    value: c?.value ?? null,
    ...(c?.formula ? { formula: `=${c.formula}` } : {}),
    ...(c?.numFmt ? { numFmt: c.numFmt } : {}),
  };
}

function write(grid: Grid, address: string, w: Partial<CellWrite>): CellWrite {
  return {
    sheet: grid.sheet,
    address,
    value: null,
    purpose: "total",
    label: "测试",
    before: before(grid, address),
    ...w,
  };
}

const REPORT: NewSheet = {
  name: "自评报告",
  columnWidths: [14, 30, 12, 12, 12, 30],
  rows: [
    { style: "title", span: 6, cells: [{ value: "全区科普经费项目绩效自评报告" }] },
    { style: "heading", cells: [{ value: "一、基本情况" }] },
    {
      style: "body",
      span: 6,
      cells: [
        {
          value:
            "自评得分89.45分，绩效级别为“良好”。其中：预算执行10分，项目产出50.45分，项目效益24.6分，服务对象满意度4.4分。",
        },
      ],
    },
    {
      style: "tableHeader",
      cells: [
        { value: "指标" },
        { value: "年度指标值" },
        { value: "实际完成值" },
        { value: "分值" },
        { value: "得分" },
      ],
    },
    {
      style: "table",
      cells: [
        { value: "全国科普日主场活动" },
        { value: "=1场" },
        { value: "=1场" },
        { value: 5 },
        { value: 5 },
      ],
    },
    {
      style: "table",
      cells: [
        { value: "偏差" },
        { value: "-5" },
        { value: "+1" },
        { value: "2024" },
        { value: "@home" },
      ],
    },
    {
      style: "table",
      cells: [
        { value: "执行率" },
        { value: 1, numFmt: "0.00%" },
        { value: "TRUE" },
        { value: "30场" },
        { value: null },
      ],
    },
    {
      style: "note",
      height: 30,
      cells: [{ value: "注：本报告由绩效自评助手生成，请核对后使用。" }],
    },
  ],
};

/** A plan on the blank-total seed: total formula, grade text, a suggested score, highlights, the report sheet. */
function seedPlan(grid: Grid, addresses: { totalScore: string; grade?: string }): WritePlan {
  return {
    sheet: grid.sheet,
    writes: [
      write(grid, addresses.totalScore, {
        formula: "=I6+SUM(H13:H27)",
        value: 89.45,
        purpose: "total",
        label: "总分",
      }),
      write(grid, addresses.grade!, { value: "良好", purpose: "grade", label: "绩效级别" }),
      write(grid, "H15", {
        value: 5.4,
        numFmt: "0.00",
        purpose: "suggestedScore",
        label: "采用建议值",
      }),
      write(grid, "I17", {
        value: null,
        fill: "#FFC7CE",
        fillOnly: true,
        purpose: "highlight",
        label: "标出错误",
      }),
      write(grid, "H14", {
        value: null,
        fill: null,
        fillOnly: true,
        purpose: "highlight",
        label: "去掉上次的标记",
      }),
    ],
    newSheets: [REPORT],
    refusals: [],
  };
}

function blankTotalSeed(options: SeedFormOptions = {}) {
  const { workbook, layout } = buildSeedForm({ variant: "blankTotal", ...options });
  // an earlier run's highlight on H14, and a fill the user set on I17 (both restored by undo)
  const fake = FakeWorkbook.fromGrids(workbook);
  fake.sheet(layout.sheet).cells.get(parseA1("H14").row * 16384 + parseA1("H14").col)!.fill =
    "#FFC7CE";
  return { workbook, layout, fake, grid: workbook.sheets.find((g) => g.sheet === layout.sheet)! };
}

/** Every cell of every sheet (content, format, fill, style), merges, widths, sheet order: "exactly as it was". */
function fullState(fake: FakeWorkbook): unknown {
  return fake.sheets.map((s) => ({
    name: s.name,
    protected: s.protected,
    merges: s.merges.map(rangeToA1).sort(),
    cells: [...s.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula || c.numFmt || c.fill || c.style)
      .map(([k, c]) => [k, JSON.stringify({ ...c, fill: c.fill ?? null })]) // no fill: undefined or null
      .sort(),
    widths: [...s.columnWidths.entries()],
  }));
}

// ---------------------------------------------------------------- the fake itself is strict

describe("the fake Excel is strict", () => {
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
     this test breaks the rules on purpose: the fake must catch what the lint rules catch */
  it("throws PropertyNotLoaded before load() + sync(), and counts syncs", async () => {
    const fake = FakeWorkbook.fromGrids(buildSeedWorkbook());
    const ctx = fakeContext(fake);
    const range = ctx.workbook.worksheets.getItem("附件1").getRange("A1");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([["项目支出绩效自评表"]]);
    expect(fake.syncs).toBe(1);
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */

  it("has no API it does not implement", () => {
    const ctx = fakeContext(FakeWorkbook.fromGrids(buildSeedWorkbook())) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(() => ctx.workbook.tables).toThrow(/not implemented/);
    const range = (ctx as unknown as Excel.RequestContext).workbook.worksheets
      .getItem("附件1")
      .getRange("A1") as unknown as Record<string, unknown>;
    expect(() => (range.clear as () => void)()).toThrow(/not implemented/);
  });

  it("parses strings written through Range.values like typed input unless the cell is text", async () => {
    const fake = FakeWorkbook.fromGrids({ sheets: [new Grid("S")] });
    const ctx = fakeContext(fake);
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1:C1").values = [["=1场", "2024", "-5"]];
    ws.getRange("A2").numberFormat = [["@"]];
    ws.getRange("A2").values = [["=1场"]];
    await ctx.sync();
    expect(fake.cell("S", "A1")).toMatchObject({ formula: "=1场" });
    expect(fake.cell("S", "B1")?.value).toBe(2024);
    expect(fake.cell("S", "C1")?.value).toBe(-5);
    expect(fake.cell("S", "A2")).toEqual({ value: "=1场", numFmt: "@" });
  });

  it("fails merged areas without ExcelApi 1.13", async () => {
    const fake = FakeWorkbook.fromGrids(buildSeedWorkbook(), { excelApi: "1.12" });
    const ctx = fakeContext(fake);
    ctx.workbook.worksheets
      .getItem("附件1")
      .getUsedRange()
      .getMergedAreasOrNullObject()
      .load("address");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

// ---------------------------------------------------------------- read

describe("reading through Office.js", () => {
  it("gives the same grids and the same Analysis as the xlsx gateway (seed variants)", async () => {
    const variants: SeedFormOptions[] = [
      {},
      { variant: "errors" },
      { variant: "blankTotal" },
      { origin: "C4", sheetsBefore: ["自评报告"] },
      { percentAsNumbers: true, amountsInYuan: true },
      { operatorUnitColumns: true, weightsInLabels: true },
    ];
    for (const v of variants) {
      const xlsx = await viaXlsx(buildSeedWorkbook(v));
      const { snapshot } = await readVia(FakeWorkbook.fromGrids(xlsx));
      expect(dump(snapshot.book)).toEqual(dump(xlsx));
      expect(analyzeFirstTable(snapshot.book)).toEqual(analyzeFirstTable(xlsx));
    }
  });

  it("keeps =1场 as text, formulas without '=', values only in master cells, absolute positions", async () => {
    const grid = Grid.fromRows("表", [["x"]], { origin: "C4" });
    grid.set(5, 3, { value: "=1场" });
    grid.set(6, 4, { value: 3, formula: "SUM(C7:C8)", numFmt: "0.00" });
    grid.set(7, 3, { value: "合并" });
    grid.addMerge({ top: 7, left: 3, bottom: 7, right: 5 });
    const { snapshot } = await readVia(FakeWorkbook.fromGrids({ sheets: [grid] }));
    const g = snapshot.book.sheets[0];
    expect(g.get(4, 3)).toEqual({ value: "x" });
    expect(g.get(5, 3)).toEqual({ value: "=1场" });
    expect(g.get(6, 4)).toEqual({ value: 3, formula: "SUM(C7:C8)", numFmt: "0.00" });
    expect(g.merges.map(rangeToA1)).toEqual(["C7:E7"]);
    expect(g.text(7, 5)).toBe("合并");
    expect(snapshot.activeSheet).toBe("表");
  });

  it("reports protection and the active sheet", async () => {
    const book = buildSeedWorkbook({ sheetsBefore: ["说明"] });
    const fake = FakeWorkbook.fromGrids(book);
    fake.sheet("附件1").protected = true;
    fake.activeSheet = "附件1";
    const { snapshot } = await readVia(fake);
    expect(snapshot.activeSheet).toBe("附件1");
    expect(snapshot.book.sheets.map((g) => [g.sheet, g.protected])).toEqual([
      ["说明", false],
      ["附件1", true],
    ]);
  });

  it("still analyzes right without merged areas (ExcelApi 1.13 unsupported): mergesKnown=false, labels inherited", async () => {
    for (const v of [{}, { variant: "errors" }, { origin: "C4" }] as SeedFormOptions[]) {
      const xlsx = await viaXlsx(buildSeedWorkbook(v));
      const fake = FakeWorkbook.fromGrids(xlsx, { excelApi: "1.12" });
      const { snapshot, syncs } = await readVia(fake, {
        sheetNames: xlsx.sheets.map((g) => g.sheet),
      });
      expect(syncs).toBe(1);
      const g = snapshot.book.sheets.find((s) => s.sheet === "附件1")!;
      expect(g.mergesKnown).toBe(false);
      expect(g.merges).toEqual([]);
      const a = analyzeFirstTable(snapshot.book);
      const b = analyzeFirstTable(xlsx);
      const facts = (x: Analysis) => ({
        indicators: x.indicators.map((i) => [i.level1, i.level2, i.name, i.weight, i.score]),
        total: x.total,
        grade: x.grade,
        summary: x.summary,
        findings: x.findings.map((f) => `${f.cell} ${f.code} ${f.severity}`).sort(),
      });
      expect(facts(a)).toEqual(facts(b));
    }
  });

  it("falls back to mergesKnown=false when the merged areas cannot be read (more than 512)", async () => {
    const grid = Grid.fromRows("大表", [["a"]]);
    for (let r = 1; r <= 600; r++) grid.addMerge({ top: r + 1, left: 1, bottom: r + 1, right: 2 });
    const fake = FakeWorkbook.fromGrids({ sheets: [grid] });
    const { snapshot } = await readVia(fake, { sheetNames: ["大表"] });
    expect(snapshot.book.sheets[0].mergesKnown).toBe(false);
  });

  it("first check (no names known): one sync when the active sheet holds the table, two when it does not", async () => {
    const onForm = FakeWorkbook.fromGrids(buildSeedWorkbook({ sheetsBefore: ["说明"] }));
    onForm.activeSheet = "附件1";
    const a = await readVia(onForm);
    expect(a.syncs).toBe(1);
    expect(a.snapshot.book.sheets.map((g) => g.sheet)).toEqual(["说明", "附件1"]);
    expect(analyzeFirstTable(a.snapshot.book).total.computed).toBe(89.45);

    const elsewhere = FakeWorkbook.fromGrids(buildSeedWorkbook({ sheetsBefore: ["说明"] }));
    elsewhere.activeSheet = "说明";
    const b = await readVia(elsewhere);
    expect(b.syncs).toBe(2);
    expect(analyzeFirstTable(b.snapshot.book).total.computed).toBe(89.45);
  });

  it("reads again when the sheets changed since the names were cached", async () => {
    const fake = FakeWorkbook.fromGrids(buildSeedWorkbook({ sheetsBefore: ["说明"] }));
    fake.rename("说明", "封面"); // renamed: the cached name is gone
    const { snapshot } = await readVia(fake, { sheetNames: ["说明", "附件1"] });
    expect(snapshot.book.sheets.map((g) => g.sheet)).toEqual(["封面", "附件1"]);
    fake.addSheet("新表"); // added: the cached list is short
    const again = await readVia(fake, { sheetNames: ["封面", "附件1"] });
    expect(again.syncs).toBe(2);
    expect(again.snapshot.book.sheets.map((g) => g.sheet)).toEqual(["封面", "附件1", "新表"]);
  });
});

describeShared("reading the shared fixtures through Office.js", () => {
  it.each([
    "xicheng-kepu-2024.xlsx",
    "xicheng-kepu-2024-errors.xlsx",
    "xicheng-kepu-2024-blank-total.xlsx",
  ])("%s: same grids and Analysis as the xlsx gateway", async (name) => {
    const xlsx = await readWorkbook(sharedFixture(name));
    const { snapshot } = await readVia(FakeWorkbook.fromGrids(xlsx));
    expect(dump(snapshot.book)).toEqual(dump(xlsx));
    expect(analyzeFirstTable(snapshot.book)).toEqual(analyzeFirstTable(xlsx));
  });
});

// ---------------------------------------------------------------- sync counts

describe("round trips: check = 1 sync, write = 2 syncs, undo = 2 syncs", () => {
  function bigPlan(grid: Grid, rows: number): WritePlan {
    // accept a suggested score on every indicator row (8 + i), and write the total
    const writes: CellWrite[] = [];
    for (let i = 0; i < rows; i++)
      writes.push(write(grid, `H${8 + i}`, { value: 1, purpose: "suggestedScore" }));
    writes.push(write(grid, `H${8 + rows}`, { formula: `=I6+SUM(H8:H${7 + rows})`, value: 100 }));
    return { sheet: grid.sheet, writes, newSheets: [REPORT], refusals: [] };
  }

  it.each([30, 2000])("%i indicator rows", async (rows) => {
    const grid = syntheticForm(rows);
    const fake = FakeWorkbook.fromGrids({ sheets: [new Grid("说明"), grid] });
    fake.activeSheet = grid.sheet; // the user is on the form
    const restore = installFakeOffice(globalThis, fake);
    try {
      const host = createExcelHost(async () => isTableSheet);
      let t = fake.syncs;
      const firstSnapshot = await host.read();
      const first = fake.syncs - t; // names not known yet: the active sheet and the names come in one sync
      expect(analyze(firstSnapshot.book.sheets[1], getProfile("central")).indicators).toHaveLength(
        rows
      );
      t = fake.syncs;
      const snapshot = await host.read();
      const check = fake.syncs - t;
      const read = snapshot.book.sheets[1];
      expect(read.rows).toBe(rows + 8);
      expect(analyze(read, getProfile("central")).indicators).toHaveLength(rows);

      t = fake.syncs;
      const record = await host.apply(bigPlan(read, rows));
      const writeSyncs = fake.syncs - t;
      expect(fake.cell("附件1", `H${8 + rows}`)?.formula).toBe(`=I6+SUM(H8:H${7 + rows})`);
      expect(fake.findSheet("自评报告")).toBeDefined();
      // large writes suspend API calculation for the write sync and recalculate once at its end
      expect(fake.calcSuspensions).toBe(rows > LARGE_WRITE ? 1 : 0);
      expect(fake.recalculations).toBe(rows > LARGE_WRITE ? 1 : 0);

      t = fake.syncs;
      await host.read();
      const checkAfterWrite = fake.syncs - t;

      t = fake.syncs;
      await host.undo(record);
      const undoSyncs = fake.syncs - t;
      expect(fake.cell("附件1", "H8")?.value).toBe(grid.get(8, 8)?.value);

      expect({ first, check, writeSyncs, checkAfterWrite, undoSyncs }).toEqual({
        first: 1,
        check: 1,
        writeSyncs: 2,
        checkAfterWrite: 1,
        undoSyncs: 2,
      });
    } finally {
      restore();
    }
  });
});

// ---------------------------------------------------------------- apply

describe("applying a WritePlan", () => {
  it("writes values, formulas, number formats, fills and the report sheet", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    const plan = seedPlan(grid, layout.addresses);
    const t = fake.syncs;
    const record = await applyPlanIn(fakeContext(fake), plan, OPTS);
    expect(fake.syncs - t).toBe(2);
    expect(fake.cell("附件1", "H28")).toMatchObject({ formula: "=I6+SUM(H13:H27)" });
    expect(fake.cell("附件1", layout.addresses.grade!)?.value).toBe("良好");
    expect(fake.cell("附件1", "H15")).toMatchObject({ value: 5.4, numFmt: "0.00" });
    expect(fake.cell("附件1", "I17")?.fill).toBe("#FFC7CE");
    expect(fake.cell("附件1", "H14")?.fill).toBeNull();
    // the undo record says exactly what each cell held
    expect(record.addedSheets).toEqual(["自评报告"]);
    expect(record.restores.find((r) => r.address === "H14")?.before).toMatchObject({
      fill: "#FFC7CE",
      numFmt: "General",
    });
    expect(record.restores.find((r) => r.address === "I17")?.before.fill).toBeNull();

    const report = fake.sheet("自评报告");
    expect(report.merges.map(rangeToA1)).toEqual(["A1:F1", "A3:F3"]);
    expect(fake.cell("自评报告", "A1")?.style).toMatchObject({
      bold: true,
      size: 16,
      horizontalAlignment: "Center",
    });
    expect(fake.cell("自评报告", "A4")?.style).toMatchObject({ bold: true });
    expect(fake.cell("自评报告", "A4")?.fill).toBe("#D9E1F2");
    expect(report.columnWidths.get(2)).toBeGreaterThan(report.columnWidths.get(1)!);
    expect(report.rowHeights.get(3)).toBeGreaterThan(15); // the long paragraph, merged: sized by its length
    expect(report.rowHeights.get(8)).toBe(30); // SheetRow.height
    // the whole sheet's values in ONE assignment
    expect(fake.writes.filter((w) => w.sheet === "自评报告" && w.op === "values")).toEqual([
      expect.objectContaining({ address: "A1:F8", detail: "8x6" }),
    ]);
  });

  it("keeps text that starts with =, +, -, @ or looks like a number as text, in a new sheet and in the form", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    const plan = seedPlan(grid, layout.addresses);
    plan.writes[1] = write(grid, layout.addresses.grade!, { value: "=良好", purpose: "grade" });
    await applyPlanIn(fakeContext(fake), plan, OPTS);
    for (const [address, text] of [
      ["B5", "=1场"],
      ["C5", "=1场"],
      ["B6", "-5"],
      ["C6", "+1"],
      ["D6", "2024"],
      ["E6", "@home"],
      ["C7", "TRUE"],
    ]) {
      const cell = fake.cell("自评报告", address);
      expect([address, cell?.value, cell?.formula]).toEqual([address, text, undefined]);
    }
    expect(fake.cell("自评报告", "B7")).toMatchObject({ value: 1, numFmt: "0.00%" });
    expect(fake.cell("自评报告", "D7")?.value).toBe("30场");
    // in the form: text, and the cell keeps its number format
    const g = fake.cell("附件1", layout.addresses.grade!);
    expect(g?.value).toBe("=良好");
    expect(g?.formula).toBeUndefined();
    expect(g?.numFmt).toBeUndefined();
    // …and the Office.js read sees text, not a formula
    const { snapshot } = await readVia(fake, { sheetNames: fake.sheets.map((s) => s.name) });
    const rep = snapshot.book.sheets.find((s) => s.sheet === "自评报告")!;
    expect(rep.get(5, 2)).toEqual({ value: "=1场", numFmt: "@" });
  });

  it("refuses a stale write (a target cell changed after the check) with nothing written", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    const plan = seedPlan(grid, layout.addresses);
    fake.edit("附件1", "H28", 88); // the user typed a total after the check
    fake.edit("附件1", "H15", "5.6分");
    const writes = fake.writes.length;
    const sheets = fake.sheets.length;
    const t = fake.syncs;
    const err = await applyPlanIn(fakeContext(fake), plan, OPTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteRefused);
    expect((err as WriteRefused).message).toBe(
      "H28、H15 在检查之后被修改过（H28 现为“88”，H15 现为“5.6分”）：请重新检查后再写回。"
    );
    expect((err as WriteRefused).cells).toEqual(["H28", "H15"]);
    expect(fake.syncs - t).toBe(1);
    expect(fake.writes.length).toBe(writes);
    expect(fake.sheets.length).toBe(sheets);

    fake.edit("附件1", "H15", grid.get(15, 8)!.value as number); // back to what the plan saw: only H28 differs now
    fake.edit("附件1", layout.addresses.grade!, ""); // still blank
    await expect(applyPlanIn(fakeContext(fake), plan, OPTS)).rejects.toThrow(
      "H28 在检查之后被修改过（现为“88”）：请重新检查后再写回。"
    );
  });

  it("refuses a protected sheet with nothing written", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    fake.sheet("附件1").protected = true;
    const err = await applyPlanIn(fakeContext(fake), seedPlan(grid, layout.addresses), OPTS).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(WriteRefused);
    expect((err as Error).message).toBe(
      "工作表“附件1”受保护，无法写入：请先撤销工作表保护（审阅 → 撤销工作表保护）后再写回。"
    );
    expect(fake.writes).toEqual([]);
    expect(fake.findSheet("自评报告")).toBeUndefined();
  });

  it("refuses a new sheet whose name is taken, and a missing target sheet", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    fake.addSheet("自评报告");
    await expect(
      applyPlanIn(fakeContext(fake), seedPlan(grid, layout.addresses), OPTS)
    ).rejects.toThrow("工作簿中已有名为“自评报告”的工作表：请将其改名或删除后再写回。");
    fake.rename("附件1", "附件一");
    await expect(
      applyPlanIn(fakeContext(fake), seedPlan(grid, layout.addresses), OPTS)
    ).rejects.toThrow("找不到工作表“附件1”（可能已改名或删除）：请重新检查后再写回。");
    expect(fake.writes).toEqual([]);
  });

  it("writes a number or a formula into a text-formatted cell as a number or formula, keeping the format", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    fake.put("附件1", "H15", { numFmt: "@" });
    fake.put("附件1", layout.addresses.totalScore, { numFmt: "@" });
    const plan: WritePlan = {
      sheet: "附件1",
      writes: [
        write(grid, "H15", { value: 5.4, purpose: "suggestedScore" }),
        write(grid, layout.addresses.totalScore, { formula: "=I6+SUM(H13:H27)", value: 89.45 }),
      ],
      newSheets: [],
      refusals: [],
    };
    const record = await applyPlanIn(fakeContext(fake), plan, OPTS);
    expect(fake.cell("附件1", "H15")).toMatchObject({ value: 5.4, numFmt: "@" });
    expect(fake.cell("附件1", layout.addresses.totalScore)).toMatchObject({
      formula: "=I6+SUM(H13:H27)",
      numFmt: "@",
    });
    expect(record.restores.map((r) => r.before.numFmt)).toEqual(["@", "@"]);
  });
});

// ---------------------------------------------------------------- undo

describe("undo", () => {
  it("apply then undo restores every cell exactly and deletes the added sheet", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    fake.cell("附件1", "I17")!.fill = "#00B050"; // a fill the user had set
    const plan = seedPlan(grid, layout.addresses);
    const start = fullState(fake);
    const record = await applyPlanIn(fakeContext(fake), plan, OPTS);
    expect(fullState(fake)).not.toEqual(start);
    // persisted with the settings and read back: plain JSON
    const stored = JSON.parse(JSON.stringify(record)) as ExcelUndoRecord;
    const t = fake.syncs;
    await undoIn(fakeContext(fake), stored, OPTS);
    expect(fake.syncs - t).toBe(2);
    expect(fullState(fake)).toEqual(start);
  });

  it("restores exactly without ExcelApi 1.9 (fill pattern unknown)", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    const start = fullState(fake);
    const opts = { fillPattern: false };
    const record = await applyPlanIn(fakeContext(fake), seedPlan(grid, layout.addresses), opts);
    await undoIn(fakeContext(fake), record, opts);
    expect(fullState(fake)).toEqual(start);
  });

  it("refuses when a written cell was changed after the write, restoring nothing", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    const record = await applyPlanIn(fakeContext(fake), seedPlan(grid, layout.addresses), OPTS);
    fake.edit("附件1", "H15", 5);
    const state = fullState(fake);
    const err = await undoIn(fakeContext(fake), record, OPTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteRefused);
    expect((err as Error).message).toBe(
      "H15 在写回之后又被修改过（现为“5”）：撤销会覆盖这些修改，请手动恢复这些单元格，或重新检查后再写回。"
    );
    expect(fullState(fake)).toEqual(state);
  });

  it("refuses on a protected sheet", async () => {
    const { layout, fake, grid } = blankTotalSeed();
    const record = await applyPlanIn(fakeContext(fake), seedPlan(grid, layout.addresses), OPTS);
    fake.sheet("附件1").protected = true;
    await expect(undoIn(fakeContext(fake), record, OPTS)).rejects.toThrow(
      "工作表“附件1”受保护，无法写入：请先撤销工作表保护（审阅 → 撤销工作表保护）后再撤销写回。"
    );
  });
});

// ---------------------------------------------------------------- the host: select, settings, events

describe("createExcelHost", () => {
  let fake: FakeWorkbook;
  let restore: () => void;
  let host: WorkbookHost;

  function setup(options: FakeOptions = {}) {
    fake = FakeWorkbook.fromGrids(
      buildSeedWorkbook({ variant: "blankTotal", sheetsBefore: ["说明"] }),
      options
    );
    fake.activeSheet = "说明";
    restore = installFakeOffice(globalThis, fake);
    host = createExcelHost(async () => isTableSheet);
  }
  afterEach(() => restore?.());

  it("is the excel kind and reads through Excel.run", async () => {
    setup();
    expect(host.kind).toBe("excel");
    const snapshot = await host.read();
    expect(snapshot.activeSheet).toBe("说明");
    expect(snapshot.book.sheets.map((g) => g.sheet)).toEqual(["说明", "附件1"]);
  });

  it("select activates the sheet and selects the cell in one sync", async () => {
    setup();
    const t = fake.syncs;
    await host.select("附件1", "H15");
    expect(fake.syncs - t).toBe(1);
    expect(fake.activeSheet).toBe("附件1");
    expect(fake.selection).toEqual({ sheet: "附件1", address: "H15" });
    await expect(host.select("附件9", "A1")).rejects.toThrow(
      "找不到工作表“附件9”（可能已改名或删除）：请重新检查。"
    );
  });

  it("settings round-trip through the document settings (before ExcelApi 1.4; workbook.settings: excelWrites.test.ts)", async () => {
    setup({ excelApi: "1.3" });
    expect(await host.loadSettings()).toBeNull();
    const settings = {
      profileId: "xicheng",
      overrides: { totalWeight: 100 },
      choices: { totalAs: "value" as const, report: true },
      sheet: "附件1",
      highlights: [{ sheet: "附件1", address: "I17", fill: null }],
      liveCheck: true,
    };
    await host.saveSettings(settings);
    expect(JSON.parse(fake.savedSettings[SETTINGS_KEY])).toEqual(settings);
    expect(await createExcelHost(async () => isTableSheet).loadSettings()).toEqual(settings);
    fake.options.failSave = true;
    await expect(host.saveSettings(settings)).rejects.toThrow(/无法把设置保存到工作簿/);
  });

  it("ignores settings that are not the add-in's", async () => {
    setup();
    fake.settings[SETTINGS_KEY] = JSON.stringify({ something: 1 });
    expect(await host.loadSettings()).toBeNull();
  });

  it("onChanged reports the user's edits, not the add-in's own writes, until unsubscribed", async () => {
    setup();
    const tick = () => new Promise((r) => setTimeout(r, 5));
    let calls = 0;
    const unsubscribe = await host.onChanged!(() => calls++);
    fake.edit("附件1", "J40", "x");
    await tick();
    expect(calls).toBe(1);

    const snapshot = await host.read();
    const grid = snapshot.book.sheets.find((g) => g.sheet === "附件1")!;
    const { layout } = buildSeedForm({ variant: "blankTotal" });
    const record = await host.apply(seedPlan(grid, layout.addresses));
    await tick();
    expect(calls).toBe(1);
    await host.undo(record);
    await tick();
    expect(calls).toBe(1);

    // after the grace period the user's edits count again
    const now = Date.now();
    const spy = jest.spyOn(Date, "now").mockReturnValue(now + 60_000);
    try {
      fake.edit("附件1", "J41", "y");
      await tick();
      expect(calls).toBe(2);
      unsubscribe();
      await tick();
      fake.edit("附件1", "J42", "z");
      await tick();
      expect(calls).toBe(2);
    } finally {
      spy.mockRestore();
    }
  });

  it("subscribing learns the sheet names, so the first read takes one sync", async () => {
    setup();
    await host.onChanged!(() => undefined);
    const t = fake.syncs;
    await host.read();
    expect(fake.syncs - t).toBe(1);
  });

  it("onChanged ignores events Excel marks as the add-in's own (triggerSource)", async () => {
    setup({ triggerSource: true });
    let calls = 0;
    await host.onChanged!(() => calls++);
    const ctx = fakeContext(fake);
    ctx.workbook.worksheets.getItem("附件1").getRange("J40").values = [["x"]];
    await ctx.sync();
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(0);
  });

  it("onChanged is a no-op before ExcelApi 1.9", async () => {
    setup({ excelApi: "1.8" });
    const unsubscribe = await host.onChanged!(() => undefined);
    expect(typeof unsubscribe).toBe("function");
    unsubscribe();
  });

  it("reads without merged areas when ExcelApi 1.13 is unsupported", async () => {
    setup({ excelApi: "1.12" });
    const snapshot = await host.read();
    expect(snapshot.book.sheets.every((g) => !g.mergesKnown)).toBe(true);
  });

  it("installFakeOffice defines Office.onReady for a browser page", async () => {
    setup();
    await expect(Office.onReady()).resolves.toMatchObject({ host: "Excel" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
  });
});
