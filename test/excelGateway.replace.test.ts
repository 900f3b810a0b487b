// 生成报告 a second time through Office.js (strict fake): one sync to confirm, one to write; the new 自评报告 is built
// under a staging name before the old one goes, takes its name and its place in the tabs; the undo gives the old
// sheet's cells back (the user's edits included). Nothing is written when the old sheet changed or is protected.
import { analyze, isTableSheet } from "../src/core/analyze";
import { PartialWriteError, WriteRefused } from "../src/core/host";
import { reportPlan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import { createExcelHost } from "../src/excel/excelHost";
import { applyPlanIn, undoIn } from "../src/excel/write";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { fakeContext, FakeWorkbook, installFakeOffice } from "./support/fakeExcel";

const OPTS = { fillPattern: true };

/** The seed form, a first report already generated, and a sheet 数据 after it. */
async function withFirstReport(): Promise<FakeWorkbook> {
  const fake = FakeWorkbook.fromGrids(buildSeedWorkbook());
  const book = fake.toGrids();
  const a = analyze(book.sheets[0], getProfile("xicheng"));
  await applyPlanIn(fakeContext(fake), reportPlan(a, book), OPTS);
  fake.addSheet("数据");
  fake.put("数据", "A1", { value: "金额" });
  return fake;
}

function planAgain(fake: FakeWorkbook) {
  const book = fake.toGrids();
  return reportPlan(analyze(book.sheets[0], getProfile("xicheng")), book);
}

const names = (fake: FakeWorkbook) => fake.sheets.map((s) => s.name);

it("replaces 自评报告 in its tab place in two syncs, and the undo gives back the user's edit", async () => {
  const fake = await withFirstReport();
  const title = fake.cell("自评报告", "A1")?.value;
  expect(typeof title).toBe("string");
  fake.edit("自评报告", "G2", "已报局长审阅");
  const p = planAgain(fake);
  expect(p.newSheets[0].replaces?.edited).toEqual(["G2"]);

  const syncs = fake.syncs;
  const writesBefore = fake.writes.length;
  const record = await applyPlanIn(fakeContext(fake), p, OPTS);
  expect(fake.syncs - syncs).toBe(2);
  expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
  expect(fake.cell("自评报告", "A1")?.value).toBe(title);
  expect(fake.cell("自评报告", "G2")?.value ?? null).toBeNull();
  // the old sheet goes only after the new one is built: a failure midway loses nothing
  const ops = fake.writes.slice(writesBefore).filter((w) => /Sheet$/.test(w.op));
  expect(ops.map((w) => [w.op, w.sheet])).toEqual([
    ["addSheet", "自评报告~1"],
    ["deleteSheet", "自评报告"],
    ["renameSheet", "自评报告~1"],
    ["moveSheet", "自评报告"],
  ]);
  expect(record.replacedSheets?.[0].before.cells).toContainEqual({
    address: "G2",
    value: "已报局长审阅",
  });

  const undoSyncs = fake.syncs;
  await undoIn(fakeContext(fake), record, OPTS);
  expect(fake.syncs - undoSyncs).toBe(2);
  expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
  expect(fake.cell("自评报告", "G2")?.value).toBe("已报局长审阅");
  expect(fake.cell("自评报告", "A1")?.value).toBe(title);
  // paragraphs span A:E again
  expect(fake.sheet("自评报告").merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 5 });
});

it("refuses, writing nothing, when the old report changed since the check or is protected", async () => {
  const fake = await withFirstReport();
  const p = planAgain(fake);
  fake.edit("自评报告", "A3", "用户刚改的");
  const writes = fake.writes.length;
  const syncs = fake.syncs;
  await expect(applyPlanIn(fakeContext(fake), p, OPTS)).rejects.toThrow(
    "工作表“自评报告”在检查之后被修改过（A3）：请重新检查后再生成。"
  );
  expect(fake.syncs - syncs).toBe(1);
  expect(fake.writes.length).toBe(writes);

  const again = planAgain(fake);
  fake.sheet("自评报告").protected = true;
  await expect(applyPlanIn(fakeContext(fake), again, OPTS)).rejects.toThrow(WriteRefused);
  await expect(applyPlanIn(fakeContext(fake), again, OPTS)).rejects.toThrow("受保护，无法替换");
  expect(fake.writes.length).toBe(writes);
  expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
});

it("a TRUE the user typed into the old report comes back as TRUE with the undo, not as the text “true”", async () => {
  const fake = await withFirstReport();
  fake.edit("自评报告", "H2", true);
  const record = await applyPlanIn(fakeContext(fake), planAgain(fake), OPTS);
  await undoIn(fakeContext(fake), record, OPTS);
  expect(fake.cell("自评报告", "H2")?.value).toBe(true);
  expect(fake.cell("自评报告", "H2")?.numFmt ?? "General").toBe("General");
});

describe("a replacement that fails part way leaves a way back to the old report", () => {
  // Excel runs a batch in order and stops at the failing command: what ran before it stays done
  it.each([
    ["deleteSheet", "自评报告", "已添加工作表“自评报告~1”"],
    ["renameSheet", "自评报告~1", "原工作表“自评报告”已删除，新表仍名为“自评报告~1”"],
    ["moveSheet", "自评报告", "原工作表“自评报告”已替换为新表"],
  ])(
    "failing at %s %s: says what happened (%s), and the undo gives the old sheet back",
    async (op, sheet, said) => {
      const fake = await withFirstReport();
      fake.edit("自评报告", "G2", "已报局长审阅");
      const p = planAgain(fake);
      fake.fault = (o, s) => (o === op && s === sheet ? "GeneralException" : undefined);
      const error = await applyPlanIn(fakeContext(fake), p, OPTS).catch((e: unknown) => e);
      fake.fault = null;
      expect(error).toBeInstanceOf(PartialWriteError);
      expect((error as Error).message).toContain(said);
      expect((error as Error).message).toContain("可点“撤销”恢复到写回之前");

      await undoIn(fakeContext(fake), (error as PartialWriteError).undo, OPTS);
      expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
      expect(fake.cell("自评报告", "G2")?.value).toBe("已报局长审阅");
      expect(typeof fake.cell("自评报告", "A1")?.value).toBe("string");
    }
  );

  it("failing before the staging sheet exists: nothing changed, the error is Excel's own", async () => {
    const fake = await withFirstReport();
    const p = planAgain(fake);
    fake.fault = (o, s) =>
      o === "addSheet" && s === "自评报告~1" ? "GeneralException" : undefined;
    const error = await applyPlanIn(fakeContext(fake), p, OPTS).catch((e: unknown) => e);
    fake.fault = null;
    expect(error).not.toBeInstanceOf(PartialWriteError);
    expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
  });
});

it("through the host: after replacing and after undoing, the next read still takes one sync", async () => {
  const fake = await withFirstReport();
  const restore = installFakeOffice(globalThis, fake);
  try {
    const host = createExcelHost(async () => isTableSheet);
    await host.read();
    const { book } = await host.read(); // the names are known: every sheet read
    const p = reportPlan(analyze(book.sheets[0], getProfile("xicheng")), book);
    expect(p.newSheets[0].replaces?.before.cells.length).toBeGreaterThan(0);
    const record = await host.apply(p);
    let s = fake.syncs;
    await host.read();
    expect(fake.syncs - s).toBe(1);
    await host.undo(record);
    s = fake.syncs;
    const after = await host.read();
    expect(fake.syncs - s).toBe(1);
    expect(after.book.sheets.map((g) => g.sheet)).toEqual(["附件1", "自评报告", "数据"]);
  } finally {
    restore();
  }
});
