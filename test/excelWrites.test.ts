// The Office.js write path where Excel itself gets in the way, against the strict fake: a write sync that fails
// part way (the user can undo what it wrote), protected templates whose input cells are unlocked, a merged
// non-master target, cell-edit mode, and the settings through workbook.settings.
import { isTableSheet } from "../src/core/analyze";
import { Grid } from "../src/core/grid";
import { WriteRefused } from "../src/core/host";
import type { CellWrite, NewSheet, WritePlan } from "../src/core/writePlan";
import { createExcelHost, SETTINGS_KEY } from "../src/excel/excelHost";
import { applyPlanIn, PartialWriteError, undoIn } from "../src/excel/write";
import { fakeContext, FakeOptions, FakeWorkbook, installFakeOffice } from "./support/fakeExcel";

const OPTS = { fillPattern: true, merges: true };

/** 附件1: A1 a title, B1:B3 scores 1, 2, 3 (General), C1 text. */
function smallBook(options: FakeOptions = {}): FakeWorkbook {
  const grid = Grid.fromRows("附件1", [
    ["得分", 1, "说明"],
    [null, 2],
    [null, 3],
  ]);
  return FakeWorkbook.fromGrids({ sheets: [grid] }, options);
}

function cellWrite(address: string, before: number | null, w: Partial<CellWrite>): CellWrite {
  return {
    sheet: "附件1",
    address,
    value: null,
    purpose: "suggestedScore",
    label: "采用建议值",
    before: { value: before },
    ...w,
  };
}

const REPORT: NewSheet = {
  name: "自评报告",
  columnWidths: [20],
  rows: [{ style: "title", cells: [{ value: "自评报告" }] }],
};

/** B1 → 10, B2 → 20, B3 → 30, and the report sheet. */
function threeScores(newSheets: NewSheet[] = [REPORT]): WritePlan {
  return {
    sheet: "附件1",
    writes: [
      cellWrite("B1", 1, { value: 10 }),
      cellWrite("B2", 2, { value: 20 }),
      cellWrite("B3", 3, { value: 30 }),
    ],
    newSheets,
    refusals: [],
  };
}

const values = (fake: FakeWorkbook, ...addresses: string[]) =>
  addresses.map((a) => fake.cell("附件1", a)?.value ?? null);

describe("a write sync that fails part way", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("comes back with the undo of what it wrote, and the user can undo it", async () => {
    const fake = smallBook();
    // B3 fails as it is written (say a co-author protected it a moment ago): the report sheet, B1 and B2 are done
    fake.fault = (op, _sheet, address) =>
      op === "values" && address === "B3" ? "GeneralException" : undefined;
    restore = installFakeOffice(globalThis, fake);
    const host = createExcelHost(async () => isTableSheet);
    const t = fake.syncs;
    const err = await host.apply(threeScores()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PartialWriteError);
    expect((err as Error).message).toBe(
      "写回中途失败（fake Excel: injected GeneralException at values 附件1!B3）：已写入 2 个单元格（B1、B2），已添加工作表“自评报告”，其余未写入。可点“撤销”恢复到写回之前。"
    );
    expect(fake.syncs - t).toBe(3); // confirm, write (failed), find what it left
    expect(values(fake, "B1", "B2", "B3")).toEqual([10, 20, 3]);
    expect(fake.findSheet("自评报告")).toBeDefined();

    fake.fault = null;
    await host.undo((err as PartialWriteError).undo);
    expect(values(fake, "B1", "B2", "B3")).toEqual([1, 2, 3]);
    expect(fake.findSheet("自评报告")).toBeUndefined();
  });

  it("writes nothing when a co-author took the report sheet's name between the check and the write, and keeps their sheet", async () => {
    const fake = smallBook();
    const start = fake.syncs;
    fake.beforeSync = (n) => {
      if (n !== start + 2) return; // the write sync
      fake.addSheet("自评报告");
      fake.put("自评报告", "A1", { value: "同事写的内容" });
    };
    const err = await applyPlanIn(fakeContext(fake), threeScores(), OPTS).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(PartialWriteError);
    expect((err as { code?: string }).code).toBe("ItemAlreadyExists");
    expect(values(fake, "B1", "B2", "B3")).toEqual([1, 2, 3]);
    expect(fake.cell("自评报告", "A1")?.value).toBe("同事写的内容");
  });
});

describe("protected templates with unlocked input cells", () => {
  function protectedBook(unlocked: string[], allowFormatCells = false): FakeWorkbook {
    const fake = smallBook();
    const sheet = fake.sheet("附件1");
    sheet.protected = true;
    sheet.allowFormatCells = allowFormatCells;
    for (const a of unlocked) fake.put("附件1", a, { locked: false });
    return fake;
  }

  it("writes the unlocked cells of a protected sheet, and the undo puts them back", async () => {
    const fake = protectedBook(["B1", "B2", "B3"]);
    const record = await applyPlanIn(fakeContext(fake), threeScores([]), OPTS);
    expect(values(fake, "B1", "B2", "B3")).toEqual([10, 20, 30]);
    await undoIn(fakeContext(fake), record, OPTS);
    expect(values(fake, "B1", "B2", "B3")).toEqual([1, 2, 3]);
  });

  it("refuses a locked cell among them, naming it, with nothing written", async () => {
    const fake = protectedBook(["B1", "B2"]);
    const err = await applyPlanIn(fakeContext(fake), threeScores([]), OPTS).catch(
      (e: unknown) => e
    );
    expect(err).toBeInstanceOf(WriteRefused);
    expect((err as WriteRefused).message).toBe(
      "工作表“附件1”受保护，B3 已锁定，无法写入：请先撤销工作表保护（审阅 → 撤销工作表保护）后再写回，或在“设置单元格格式 → 保护”中取消其“锁定”。"
    );
    expect((err as WriteRefused).cells).toEqual(["B3"]);
    expect(fake.writes).toEqual([]);
  });

  it("refuses a write that must change a format unless the protection allows formatting cells", async () => {
    // "-5" would become a number: it goes into a text-formatted cell, a format change
    const plan: WritePlan = {
      sheet: "附件1",
      writes: [cellWrite("B1", 1, { value: "-5", purpose: "grade", label: "绩效级别" })],
      newSheets: [],
      refusals: [],
    };
    const strict = protectedBook(["B1"]);
    await expect(applyPlanIn(fakeContext(strict), plan, OPTS)).rejects.toThrow(
      "工作表“附件1”受保护且不允许设置单元格格式，B1 需要更改格式（数字格式或填充色），无法写入：请先撤销工作表保护（审阅 → 撤销工作表保护）后再写回。"
    );
    expect(strict.writes).toEqual([]);

    const lenient = protectedBook(["B1"], true);
    await applyPlanIn(fakeContext(lenient), plan, OPTS);
    // text "@" while the value goes in, then the cell's own format again: "-5" stays a text
    expect(lenient.cell("附件1", "B1")?.value).toBe("-5");
    expect(lenient.writes.map((w) => [w.op, w.detail])).toEqual([
      ["numberFormat", "@"],
      ["values", "-5"],
      ["numberFormat", "General"],
    ]);
  });
});

describe("a merged non-master target", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  function mergedBook(options: FakeOptions = {}): FakeWorkbook {
    const grid = Grid.fromRows("附件1", [["得分", 1, null]]);
    grid.addMerge({ top: 1, left: 2, bottom: 1, right: 3 }); // B1:C1
    return FakeWorkbook.fromGrids({ sheets: [grid] }, options);
  }
  const intoC1: WritePlan = {
    sheet: "附件1",
    writes: [cellWrite("C1", null, { value: 5 })],
    newSheets: [],
    refusals: [],
  };

  it("is refused by the gateway itself, naming the cell, with nothing written", async () => {
    const fake = mergedBook();
    const t = fake.syncs;
    const err = await applyPlanIn(fakeContext(fake), intoC1, OPTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteRefused);
    expect((err as WriteRefused).message).toBe(
      "C1 位于合并单元格 B1:C1 中，不是其左上角单元格，写入的内容不会显示：请重新检查后再写回（应写入 B1）。"
    );
    expect((err as WriteRefused).cells).toEqual(["C1"]);
    expect(fake.syncs - t).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it("the master cell itself is written", async () => {
    const fake = mergedBook();
    await applyPlanIn(
      fakeContext(fake),
      { ...intoC1, writes: [cellWrite("B1", 1, { value: 5 })] },
      OPTS
    );
    expect(fake.cell("附件1", "B1")?.value).toBe(5);
  });

  it("without ExcelApi 1.13 the merged areas are not asked for (the planner's check stands alone)", async () => {
    const fake = mergedBook({ excelApi: "1.12" });
    restore = installFakeOffice(globalThis, fake);
    const host = createExcelHost(async () => isTableSheet);
    // the fake throws ApiNotFound if getMergedAreasOrNullObject is called under 1.12
    await host.apply(intoC1);
    expect(fake.cell("附件1", "C1")?.value).toBe(5);
  });
});

describe("cell-edit mode", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it.each(["InvalidOperationInCellEditMode", "InvalidOperation"])(
    "%s: the user is told to press Enter or Esc",
    async (code) => {
      const fake = smallBook({ excelApi: "1.10" }); // no delayForCellEdit: Excel answers with the error
      fake.fault = () => code;
      restore = installFakeOffice(globalThis, fake);
      const host = createExcelHost(async () => isTableSheet);
      const err = await host.apply(threeScores([])).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/请先按 Enter 或 Esc 结束单元格编辑/);
      expect(values(fake, "B1", "B2", "B3")).toEqual([1, 2, 3]);
    }
  );
});

describe("settings", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  const settings = {
    profileId: "xicheng",
    overrides: {},
    choices: { totalAs: "value" as const, report: true },
    sheet: "附件1",
    highlights: [],
    liveCheck: false,
  };

  it("go through workbook.settings (ExcelApi 1.4): one sync each, saved with the workbook", async () => {
    const fake = smallBook();
    restore = installFakeOffice(globalThis, fake);
    const host = createExcelHost(async () => isTableSheet);
    let t = fake.syncs;
    await host.saveSettings(settings);
    expect(fake.syncs - t).toBe(1);
    expect(JSON.parse(fake.savedSettings[SETTINGS_KEY])).toEqual(settings);
    t = fake.syncs;
    expect(await createExcelHost(async () => isTableSheet).loadSettings()).toEqual(settings);
    expect(fake.syncs - t).toBe(1);
    fake.fault = (op) => (op === "settings.add" ? "AccessDenied" : undefined);
    await expect(host.saveSettings(settings)).rejects.toThrow(/无法把设置保存到工作簿/);
  });

  it("before ExcelApi 1.4, through Office.context.document.settings and saveAsync", async () => {
    const fake = smallBook({ excelApi: "1.3" });
    restore = installFakeOffice(globalThis, fake);
    const host = createExcelHost(async () => isTableSheet);
    const t = fake.syncs;
    await host.saveSettings(settings);
    expect(fake.syncs - t).toBe(0); // the fake's workbook.settings throws below 1.4: it was not touched
    expect(JSON.parse(fake.savedSettings[SETTINGS_KEY])).toEqual(settings);
    expect(await host.loadSettings()).toEqual(settings);
  });
});
