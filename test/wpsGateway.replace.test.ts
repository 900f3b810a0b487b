// 生成报告 a second time in WPS 表格 (strict ET fake): the new 自评报告 is built right after the old one under a
// staging name, the old one goes (alerts off), the new one takes its name and place; the undo gives the old sheet's
// cells back, the user's edits included. A changed or protected old sheet is refused with nothing written.
import { analyze } from "../src/core/analyze";
import { PartialWriteError, WriteRefused } from "../src/core/host";
import { reportPlan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import type { EtApplication } from "../src/wps/et";
import { applyPlanEt, undoEt } from "../src/wps/write";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { FakeWorkbook } from "./support/fakeExcel";
import { FakeEt, thrownWithFault, typeInto } from "./support/fakeWps";

const app = (fake: FakeEt) => fake.application as EtApplication;

function withFirstReport(): FakeEt {
  const fake = new FakeEt(FakeWorkbook.fromGrids(buildSeedWorkbook()));
  const book = fake.book.toGrids();
  applyPlanEt(app(fake), reportPlan(analyze(book.sheets[0], getProfile("xicheng")), book));
  fake.book.addSheet("数据");
  fake.book.put("数据", "A1", { value: "金额" });
  return fake;
}

function planAgain(fake: FakeEt) {
  const book = fake.book.toGrids();
  return reportPlan(analyze(book.sheets[0], getProfile("xicheng")), book);
}

const names = (fake: FakeEt) => fake.book.sheets.map((s) => s.name);

it("replaces 自评报告 in its place; the undo gives back the user's edit; the user stays on the form", () => {
  const fake = withFirstReport();
  const title = fake.book.cell("自评报告", "A1")?.value;
  expect(typeof title).toBe("string");
  typeInto(fake, "自评报告", "G2", "已报局长审阅");
  fake.book.activeSheet = "附件1";
  const p = planAgain(fake);
  expect(p.newSheets[0].replaces?.edited).toEqual(["G2"]);

  const record = applyPlanEt(app(fake), p);
  expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
  expect(fake.book.cell("自评报告", "A1")?.value).toBe(title);
  expect(fake.book.cell("自评报告", "G2")?.value ?? null).toBeNull();
  expect(fake.book.activeSheet).toBe("附件1");
  expect(fake.displayAlerts).toBe(true);
  expect(record.replacedSheets?.[0].before.cells).toContainEqual({
    address: "G2",
    value: "已报局长审阅",
  });

  undoEt(app(fake), record);
  expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
  expect(fake.book.cell("自评报告", "G2")?.value).toBe("已报局长审阅");
  expect(fake.book.cell("自评报告", "A1")?.value).toBe(title);
  expect(fake.book.sheet("自评报告").merges).toContainEqual({
    top: 1,
    left: 1,
    bottom: 1,
    right: 5,
  });
  expect(fake.book.activeSheet).toBe("附件1");
  expect(fake.displayAlerts).toBe(true);
});

it("refuses, writing nothing, when the old report changed since the check or is protected", () => {
  const fake = withFirstReport();
  const p = planAgain(fake);
  typeInto(fake, "自评报告", "A3", "用户刚改的");
  const before = JSON.stringify(fake.book.toGrids().sheets.map((g) => [g.sheet, g.rows, g.cols]));
  expect(() => applyPlanEt(app(fake), p)).toThrow(
    "工作表“自评报告”在检查之后被修改过（A3）：请重新检查后再生成。"
  );
  const again = planAgain(fake);
  fake.book.sheet("自评报告").protected = true;
  expect(() => applyPlanEt(app(fake), again)).toThrow(WriteRefused);
  expect(() => applyPlanEt(app(fake), again)).toThrow("受保护，无法替换");
  expect(JSON.stringify(fake.book.toGrids().sheets.map((g) => [g.sheet, g.rows, g.cols]))).toBe(
    before
  );
  expect(fake.book.cell("自评报告", "A3")?.value).toBe("用户刚改的");
});

it("a TRUE the user typed into the old report comes back as TRUE with the undo, not as the text “true”", () => {
  const fake = withFirstReport();
  typeInto(fake, "自评报告", "H2", true);
  const record = applyPlanEt(app(fake), planAgain(fake));
  undoEt(app(fake), record);
  expect(fake.book.cell("自评报告", "H2")?.value).toBe(true);
  expect(fake.book.cell("自评报告", "H2")?.numFmt ?? "General").toBe("General");
});

describe("a replacement that fails part way leaves a way back to the old report", () => {
  it.each([
    ["deleteSheet", "自评报告", "已添加工作表“自评报告~1”"],
    ["renameSheet", "自评报告~1", "原工作表“自评报告”已删除，新表仍名为“自评报告~1”"],
  ])(
    "failing at %s %s: says what happened (%s), and the undo gives the old sheet back in its place",
    (op, sheet, said) => {
      const fake = withFirstReport();
      typeInto(fake, "自评报告", "G2", "已报局长审阅");
      fake.book.activeSheet = "附件1";
      const p = planAgain(fake);
      const error = thrownWithFault(
        fake,
        (o, s) => (o === op && s === sheet ? "GeneralException" : undefined),
        () => applyPlanEt(app(fake), p)
      );
      expect(error).toBeInstanceOf(PartialWriteError);
      expect((error as Error).message).toContain(said);
      expect(fake.displayAlerts).toBe(true);

      undoEt(app(fake), (error as PartialWriteError).undo);
      expect(names(fake)).toEqual(["附件1", "自评报告", "数据"]);
      expect(fake.book.cell("自评报告", "G2")?.value).toBe("已报局长审阅");
      expect(typeof fake.book.cell("自评报告", "A1")?.value).toBe("string");
    }
  );
});
