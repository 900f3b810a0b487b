// The WPS 表格 gateway (src/wps) against the strict ET fake in test/support/fakeWps.ts, mirroring
// test/excelGateway.test.ts: the same samples give the same Grids as the Office.js and .xlsx gateways, the same
// plan leaves the same cells as the Office.js gateway, undo puts everything back, refusals write nothing.
import * as fs from "fs";
import * as path from "path";
import { analyze, isTableSheet } from "../src/core/analyze";
import { Grid, parseA1, parseRangeA1, rangeToA1, toA1, WorkbookGrids } from "../src/core/grid";
import { PartialWriteError, WriteRefused } from "../src/core/host";
import { getProfile } from "../src/core/profiles";
import type { CellWrite, NewSheet, WritePlan } from "../src/core/writePlan";
import { readWorkbookIn } from "../src/excel/read";
import { applyPlanIn, undoIn } from "../src/excel/write";
import type { EtApplication } from "../src/wps/et";
import { readWorkbookEt, SETTINGS_SHEET } from "../src/wps/read";
import { applyPlanEt, undoEt, WpsUndoRecord } from "../src/wps/write";
import { createWpsHost, OWN_WRITE_GRACE_MS, wpsApplication } from "../src/wps/wpsHost";
import { readWorkbook } from "../src/xlsx/read";
import { readWorkbookFile } from "../src/xlsx/readFile";
import { buildSeedForm, buildSeedWorkbook, SeedFormOptions } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { syntheticForm } from "../bench/syntheticForm";
import { fakeContext, FakeWorkbook } from "./support/fakeExcel";
import { FakeEt, thrownWithFault, typeInto } from "./support/fakeWps";
import { bookLines } from "./support/gridDump";

const xicheng = getProfile("xicheng");

function et(book: WorkbookGrids): FakeEt {
  return new FakeEt(FakeWorkbook.fromGrids(book));
}

const app = (fake: FakeEt) => fake.application as EtApplication;

/** Every error cell as "sheet!A1 #DIV/0!" (bookLines does not show them). */
function errorLines(book: WorkbookGrids): string[] {
  const out: string[] = [];
  for (const g of book.sheets)
    for (let r = 1; r <= g.rows; r++)
      for (let c = 1; c <= g.cols; c++)
        if (g.get(r, c)?.error) out.push(`${g.sheet}!${toA1(r, c)} ${g.get(r, c)!.error}`);
  return out;
}

async function viaXlsx(book: WorkbookGrids): Promise<WorkbookGrids> {
  return readWorkbook(await gridsToXlsx(book, { date: new Date(Date.UTC(2025, 0, 1)) }));
}

async function viaExcel(book: WorkbookGrids): Promise<WorkbookGrids> {
  const fake = FakeWorkbook.fromGrids(book);
  const names = book.sheets.map((g) => g.sheet);
  const snap = await readWorkbookIn(fakeContext(fake), {
    merges: true,
    sheetNames: names,
    isTableSheet,
  });
  return snap.book;
}

// ---------------------------------------------------------------- plans by hand (as in excelGateway.test.ts)

function write(grid: Grid, address: string, w: Partial<CellWrite>): CellWrite {
  const { row, col } = parseA1(address);
  const c = grid.get(row, col);
  return {
    sheet: grid.sheet,
    address,
    value: null,
    purpose: "total",
    label: "测试",
    before: {
      value: c?.value ?? null,
      ...(c?.formula ? { formula: `=${c.formula}` } : {}),
      ...(c?.numFmt ? { numFmt: c.numFmt } : {}),
    },
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
        { value: "得分" },
      ],
    },
    {
      style: "table",
      cells: [{ value: "全国科普日主场活动" }, { value: "=1场" }, { value: "█████░" }],
    },
    {
      style: "table",
      cells: [{ value: "偏差" }, { value: "-5" }, { value: "2024" }, { value: "@home" }],
    },
    {
      style: "table",
      cells: [{ value: "执行率" }, { value: 1, numFmt: "0.00%" }, { value: "TRUE" }],
    },
    {
      style: "note",
      height: 30,
      cells: [{ value: "注：本报告由绩效自评助手生成，请核对后使用。" }],
    },
  ],
};

function seedPlan(grid: Grid, addresses: { totalScore: string; grade?: string }): WritePlan {
  return {
    sheet: grid.sheet,
    writes: [
      write(grid, addresses.totalScore, {
        formula: "=I6+SUM(H13:H27)",
        value: 89.45,
        label: "总分",
      }),
      write(grid, addresses.grade!, { value: "良好", purpose: "grade", label: "绩效级别" }),
      write(grid, "H15", { value: 5.4, numFmt: "0.00", purpose: "suggestedScore" }),
      write(grid, "I17", { value: null, fill: "#FFC7CE", fillOnly: true, purpose: "highlight" }),
      write(grid, "H14", { value: null, fill: null, fillOnly: true, purpose: "highlight" }),
    ],
    newSheets: [REPORT],
    refusals: [],
  };
}

/** The blank-total seed in both fakes, with an earlier highlight on H14 and the user's own fill on I17. */
function blankTotalPair() {
  const { workbook, layout } = buildSeedForm({ variant: "blankTotal" });
  const grid = workbook.sheets.find((g) => g.sheet === layout.sheet)!;
  const excel = FakeWorkbook.fromGrids(workbook);
  const wps = et(workbook);
  for (const book of [excel, wps.book]) {
    book.put(layout.sheet, "H14", { fill: "#FFC7CE" });
    book.put(layout.sheet, "I17", { fill: "#00B050" });
  }
  return { layout, grid, excel, wps };
}

/** Every cell (content, format, fill, style), merges, widths, heights and sheet order, key order aside. */
function fullState(book: FakeWorkbook): unknown {
  const canon = (v: unknown): unknown =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canon(x)])
        )
      : v;
  return book.sheets.map((s) => ({
    name: s.name,
    protected: s.protected,
    merges: s.merges.map(rangeToA1).sort(),
    cells: [...s.cells.entries()]
      .map(([k, c]) => {
        const { numFmt, fill, ...rest } = c;
        const cell = {
          ...rest,
          numFmt: numFmt === "General" ? undefined : numFmt,
          fill: fill ?? null,
        };
        return [k, JSON.stringify(canon(cell))] as const;
      })
      .filter(([, j]) => j !== JSON.stringify({ fill: null, value: null }))
      .sort(),
    widths: [...s.columnWidths.entries()].sort(),
    heights: [...s.rowHeights.entries()].sort(),
  }));
}

// ---------------------------------------------------------------- the fake itself

describe("the fake ET object model is strict", () => {
  const fake = et({
    sheets: [
      Grid.fromRows(
        "表",
        [
          ["a", 1],
          [true, null],
        ],
        { merges: ["A3:B3"] }
      ),
    ],
  });
  fake.book.put("表", "A3", { value: "合并" });
  const ws = app(fake).ActiveWorkbook!.Worksheets.Item(1);

  it("is 1-based, scalar for one cell, rows of values for a block, values only at a merge's top-left", () => {
    expect(() => app(fake).ActiveWorkbook!.Worksheets.Item(0)).toThrow(/out of range/);
    expect(ws.Range("A1").Value2).toBe("a");
    expect(ws.Range("A1:B3").Value2).toEqual([
      ["a", 1],
      [true, undefined],
      ["合并", undefined],
    ]);
    expect(ws.Range("A1:B2").Item(2, 1).Value2).toBe(true);
    expect(ws.Range("A3:B3").MergeCells).toBe(true);
    expect(ws.Range("A2:B3").MergeCells).toBeNull();
    expect(ws.Range("B3").MergeArea.Address()).toBe("$A$3:$B$3");
  });

  it("counts calls and has no member it does not implement", () => {
    const before = fake.calls;
    void ws.Range("A1").Value2;
    expect(fake.calls - before).toBe(2); // Range(), then Value2
    expect(() => (ws as unknown as { Evaluate: unknown }).Evaluate).toThrow(/not implemented/);
  });

  it("parses strings like typed input unless the cell is text, and refuses protected sheets", () => {
    const f = et({ sheets: [Grid.fromRows("表", [["x"]])] });
    const s = app(f).ActiveWorkbook!.Worksheets.Item("表");
    s.Range("B1").Value2 = "2024";
    expect(f.book.cell("表", "B1")?.value).toBe(2024);
    s.Range("C1").NumberFormat = "@";
    s.Range("C1").Value2 = "2024";
    expect(f.book.cell("表", "C1")?.value).toBe("2024");
    f.book.sheet("表").protected = true;
    expect(() => (s.Range("A1").Value2 = "y")).toThrow(/protected/);
  });
});

// ---------------------------------------------------------------- reading

describe("reading through the ET object model", () => {
  it("gives the same grids and Analysis as the xlsx and Office.js gateways (seed variants)", async () => {
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
      const wps = readWorkbookEt(app(et(xlsx))).book;
      expect(bookLines(wps)).toEqual(bookLines(xlsx));
      expect(bookLines(wps)).toEqual(bookLines(await viaExcel(xlsx)));
      expect(errorLines(wps)).toEqual(errorLines(xlsx));
      const table = (b: WorkbookGrids) => b.sheets.find((g) => g.sheet === "附件1") ?? b.sheets[0];
      expect(analyze(table(wps), xicheng)).toEqual(analyze(table(xlsx), xicheng));
    }
  });

  it.each(
    fs.readdirSync(path.join(__dirname, "../assets/samples")).filter((f) => f.endsWith(".xlsx"))
  )("assets/samples/%s: the same grids as the .xlsx reader", async (file) => {
    const xlsx = await readWorkbookFile(path.join(__dirname, "../assets/samples", file));
    const wps = readWorkbookEt(app(et(xlsx))).book;
    expect(bookLines(wps)).toEqual(bookLines(xlsx));
    expect(errorLines(wps)).toEqual(errorLines(xlsx));
  });

  it("keeps =1场 as text, formulas without '=', error values, merges and absolute positions", () => {
    const grid = Grid.fromRows("表", [["x"]], { origin: "C4" });
    grid.set(5, 3, { value: "=1场" });
    grid.set(6, 4, { value: 3, formula: "SUM(C7:C8)", numFmt: "0.00" });
    grid.set(6, 5, { value: "#DIV/0!", formula: "H6/0", error: "#DIV/0!" });
    grid.set(6, 6, { value: "#REF!" }); // text that reads like an error
    grid.set(7, 3, { value: "合并" });
    grid.addMerge({ top: 7, left: 3, bottom: 7, right: 5 });
    const snapshot = readWorkbookEt(app(et({ sheets: [grid] })));
    const g = snapshot.book.sheets[0];
    expect(g.get(4, 3)).toEqual({ value: "x" });
    expect(g.get(5, 3)).toEqual({ value: "=1场" });
    expect(g.get(6, 4)).toEqual({ value: 3, formula: "SUM(C7:C8)", numFmt: "0.00" });
    expect(g.get(6, 5)).toEqual({ value: "#DIV/0!", formula: "H6/0", error: "#DIV/0!" });
    expect(g.get(6, 6)).toEqual({ value: "#REF!" });
    expect(g.merges.map(rangeToA1)).toEqual(["C7:E7"]);
    expect(g.text(7, 5)).toBe("合并");
    expect(snapshot.activeSheet).toBe("表");
  });

  it("reports protection and the active sheet", () => {
    const fake = et({
      sheets: [
        Grid.fromRows("说明", [["a"]]),
        Grid.fromRows("附件1", [["b"]], { protected: true }),
      ],
    });
    fake.book.activeSheet = "附件1";
    const snapshot = readWorkbookEt(app(fake));
    expect(snapshot.book.sheets.map((g) => [g.sheet, g.protected])).toEqual([
      ["说明", false],
      ["附件1", true],
    ]);
    expect(snapshot.activeSheet).toBe("附件1");
  });

  const callsToRead = (grid: Grid) => {
    const fake = et({ sheets: [grid] });
    const merges = readWorkbookEt(app(fake)).book.sheets[0].merges.map(rangeToA1).sort();
    return { calls: fake.calls, merges };
  };

  it("costs the same calls for a form of 30, 300 or 3,000 indicator rows (merges at the top)", () => {
    const [c30, c300, c3000] = [30, 300, 3000].map((n) => callsToRead(syntheticForm(n)).calls);
    expect(c30).toBeLessThan(150);
    expect(c300).toBe(c30);
    expect(c3000).toBe(c30);
  });

  it("reads the seed form (28 rows, 23 merged areas) in under 200 calls", () => {
    // halving alone took 609: most of them went on proving blocks without an area
    const { calls, merges } = callsToRead(buildSeedWorkbook().sheets[0]);
    expect(merges).toHaveLength(23);
    expect(calls).toBeLessThan(200);
  });

  it("still finds every merged area deep in a long form: 一级 merged down, 总分 merged across", () => {
    for (const n of [30, 3000]) {
      const grid = syntheticForm(n);
      const last = grid.rows; // the 总分 row
      const output = Math.ceil(n * 0.6); // rows of 产出指标, from row 8
      grid.addMerge(parseRangeA1(`B8:B${7 + output}`));
      grid.addMerge(parseRangeA1(`B${8 + output}:B${last - 1}`));
      grid.addMerge(parseRangeA1(`A${last}:F${last}`));
      grid.addMerge(parseRangeA1("I9:I10")); // an empty merged area: no value shows where it is
      const { merges } = callsToRead(grid);
      expect(merges).toEqual(
        [
          "A1:I1",
          "A2:I2",
          "B3:I3",
          "A5:C5",
          `B8:B${7 + output}`,
          `B${8 + output}:B${last - 1}`,
          `A${last}:F${last}`,
          "I9:I10",
        ].sort()
      );
    }
  });
});

// ---------------------------------------------------------------- writing and undo

describe("applying a WritePlan", () => {
  it("leaves exactly the cells the Office.js gateway leaves, report sheet included", async () => {
    const { layout, grid, excel, wps } = blankTotalPair();
    const plan = seedPlan(grid, layout.addresses);
    await applyPlanIn(fakeContext(excel), plan, { fillPattern: true });
    applyPlanEt(app(wps), plan);
    expect(fullState(wps.book)).toEqual(fullState(excel));
    // spot checks a user would see
    expect(wps.book.cell("附件1", layout.addresses.totalScore)).toMatchObject({
      formula: "=I6+SUM(H13:H27)",
    });
    expect(wps.book.cell("自评报告", "B5")?.value).toBe("=1场");
    expect(wps.book.cell("自评报告", "C6")?.value).toBe("2024");
    expect(wps.book.cell("自评报告", "A4")?.fill).toBe("#D9E1F2");
    expect(wps.book.sheets.map((s) => s.name)).toEqual(["附件1", "自评报告"]);
    expect(wps.book.activeSheet).toBe("附件1"); // the user stays on the form
  });

  it("undo restores every cell exactly and deletes the added sheet, as the Office.js undo", async () => {
    const { layout, grid, excel, wps } = blankTotalPair();
    const start = fullState(wps.book);
    expect(start).toEqual(fullState(excel));
    const plan = seedPlan(grid, layout.addresses);
    const record = JSON.parse(JSON.stringify(applyPlanEt(app(wps), plan))) as WpsUndoRecord;
    const excelRecord = await applyPlanIn(fakeContext(excel), plan, { fillPattern: true });
    undoEt(app(wps), record);
    await undoIn(fakeContext(excel), excelRecord, { fillPattern: true });
    expect(fullState(wps.book)).toEqual(start);
    expect(fullState(excel)).toEqual(start);
    expect(wps.displayAlerts).toBe(true); // switched off only around Delete()
  });

  it("a call that fails part way: says what was written, and the undo puts every cell back", () => {
    const { layout, grid, wps } = blankTotalPair();
    const start = fullState(wps.book);
    const plan = seedPlan(grid, layout.addresses);
    let cellWrites = 0;
    const error = thrownWithFault(
      wps,
      (op, sheet) =>
        op === "write" && sheet === "附件1" && ++cellWrites === 2 ? "GeneralException" : undefined,
      () => applyPlanEt(app(wps), plan)
    );
    expect(error).toBeInstanceOf(PartialWriteError);
    expect((error as Error).message).toMatch(
      /^写回中途失败（.*GeneralException.*）：已写入 1 个单元格（H28），其余未写入/
    );
    expect((error as Error).message).toContain("其余未写入。可点“撤销”恢复到写回之前。");
    expect(fullState(wps.book)).not.toEqual(start);
    undoEt(app(wps), (error as PartialWriteError).undo as WpsUndoRecord);
    expect(fullState(wps.book)).toEqual(start);
  });

  it("a sheet half added when a call fails goes with the undo, and the cells come back", () => {
    const { layout, grid, wps } = blankTotalPair();
    const start = fullState(wps.book);
    const plan = seedPlan(grid, layout.addresses);
    // naming the new sheet fails: WPS has added it as Sheet2
    const error = thrownWithFault(
      wps,
      (op) => (op === "renameSheet" ? "GeneralException" : undefined),
      () => applyPlanEt(app(wps), plan)
    );
    expect(error).toBeInstanceOf(PartialWriteError);
    expect((error as Error).message).toMatch(/已添加工作表“Sheet\d+”/);
    undoEt(app(wps), (error as PartialWriteError).undo as WpsUndoRecord);
    expect(fullState(wps.book)).toEqual(start);
  });

  it("refuses a cell changed since the check, writing nothing", () => {
    const { layout, grid, wps } = blankTotalPair();
    const plan = seedPlan(grid, layout.addresses);
    typeInto(wps, "附件1", "H15", 9);
    const start = fullState(wps.book);
    expect(() => applyPlanEt(app(wps), plan)).toThrow(/H15 在检查之后被修改过（现为“9”）/);
    expect(fullState(wps.book)).toEqual(start);
  });

  it("refuses a protected sheet, a protected workbook, a taken sheet name and a missing sheet", () => {
    const cases: [string, (f: FakeEt) => void, RegExp][] = [
      ["protected", (f) => (f.book.sheet("附件1").protected = true), /受保护，无法写入/],
      ["book", (f) => (f.book.workbookProtected = true), /工作簿结构受保护/],
      ["taken", (f) => void f.book.addSheet("自评报告"), /已有名为“自评报告”/],
      ["missing", (f) => f.book.rename("附件1", "表一"), /找不到工作表“附件1”/],
    ];
    for (const [, arrange, message] of cases) {
      const { layout, grid, wps } = blankTotalPair();
      arrange(wps);
      const start = fullState(wps.book);
      let error: unknown;
      try {
        applyPlanEt(app(wps), seedPlan(grid, layout.addresses));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WriteRefused);
      expect((error as Error).message).toMatch(message);
      expect(fullState(wps.book)).toEqual(start);
    }
  });

  it("refuses a target merged into another cell since the check", () => {
    const { layout, grid, wps } = blankTotalPair();
    wps.book.sheet("附件1").merges.push({ top: 15, left: 7, bottom: 15, right: 8 }); // G15:H15
    expect(() => applyPlanEt(app(wps), seedPlan(grid, layout.addresses))).toThrow(
      /H15 在检查之后被合并到其他单元格中/
    );
  });

  it("undo refuses when a written cell was changed after the write, restoring nothing", () => {
    const { layout, grid, wps } = blankTotalPair();
    const record = applyPlanEt(app(wps), seedPlan(grid, layout.addresses));
    typeInto(wps, "附件1", "H15", 7);
    const after = fullState(wps.book);
    expect(() => undoEt(app(wps), record)).toThrow(/H15 在写回之后又被修改过/);
    expect(fullState(wps.book)).toEqual(after);
  });
});

// ---------------------------------------------------------------- the host

describe("createWpsHost", () => {
  it("is the wps kind; select activates the sheet and selects the cell", async () => {
    const fake = et({ sheets: [Grid.fromRows("说明", [["a"]]), Grid.fromRows("附件1", [["b"]])] });
    const host = createWpsHost(app(fake));
    expect(host.kind).toBe("wps");
    await host.select("附件1", "H28");
    expect(fake.book.activeSheet).toBe("附件1");
    expect(fake.book.selection).toEqual({ sheet: "附件1", address: "H28" });
    await expect(host.select("附件9", "A1")).rejects.toThrow(/找不到工作表“附件9”/);
  });

  it("keeps settings in the workbook on a very hidden sheet that reads do not show", async () => {
    const fake = et({ sheets: [Grid.fromRows("附件1", [["b"]])] });
    const host = createWpsHost(app(fake));
    expect(await host.loadSettings()).toBeNull();
    const settings = {
      profileId: "xicheng",
      sheet: "附件1",
      choices: { totalAs: "value" as const },
    };
    await host.saveSettings(settings);
    await host.saveSettings({ ...settings, liveCheck: true }); // saved again: the same sheet
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["附件1", SETTINGS_SHEET]);
    expect(fake.visibility.get(fake.book.sheet(SETTINGS_SHEET))).toBe(2);
    expect(fake.book.activeSheet).toBe("附件1");
    // a colleague opening the same workbook
    expect(
      await createWpsHost(new FakeEt(fake.book).application as EtApplication).loadSettings()
    ).toEqual({ ...settings, liveCheck: true });
    expect((await host.read()).book.sheets.map((g) => g.sheet)).toEqual(["附件1"]);
  });

  it("onChanged reports the user's edits, not the add-in's own writes, until unsubscribed", async () => {
    const { layout, grid, wps } = blankTotalPair();
    const host = createWpsHost(app(wps));
    let edits = 0;
    const unsubscribe = await host.onChanged!(() => edits++);
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    await host.apply(seedPlan(grid, layout.addresses));
    await tick();
    expect(edits).toBe(0); // the write-back echoes back as SheetChange: not the user's
    jest.useFakeTimers({ now: Date.now() + OWN_WRITE_GRACE_MS + 1, doNotFake: ["setTimeout"] });
    typeInto(wps, "附件1", "H16", 3);
    await tick();
    expect(edits).toBe(1);
    unsubscribe();
    typeInto(wps, "附件1", "H16", 4);
    await tick();
    expect(edits).toBe(1);
    jest.useRealTimers();
  });

  it("finds WPS through window.Application or the wps global, and nothing elsewhere", () => {
    const fake = et({ sheets: [Grid.fromRows("附件1", [["b"]])] });
    expect(wpsApplication({ Application: fake.application })).toBe(fake.application);
    expect(wpsApplication({ wps: { EtApplication: () => fake.application } })).toBe(
      fake.application
    );
    expect(wpsApplication({})).toBeNull();
    expect(wpsApplication({ Application: { Name: "not ET" } })).toBeNull();
  });
});
