// 生成报告 / 生成汇总表 a second time: the plan replaces the existing sheet (the default) or adds “(2)”, and says
// when the sheet it replaces holds what the new one will not (the user's edits), so nothing is lost unseen.
import { analyze, findTableSheets } from "../src/core/analyze";
import { Grid, type WorkbookGrids } from "../src/core/grid";
import { plan, replaceNotice, reportPlan, summaryPlan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import { undoOf, type NewSheet } from "../src/core/writePlan";
import { buildSeedForm } from "../scripts/samples/seedForm";

/** The sheet as a host reads it back after writing it: values and merges. */
export function gridOf(ns: NewSheet, name = ns.name, protect = false): Grid {
  const merges = ns.rows.flatMap((r, i) =>
    r.span && r.span > 1 ? [{ top: i + 1, left: 1, bottom: i + 1, right: r.span }] : []
  );
  const g = new Grid(name, { merges, protected: protect });
  ns.rows.forEach((r, i) =>
    r.cells.forEach((c, k) => {
      if (c.value !== null && c.value !== "") g.set(i + 1, k + 1, { value: c.value });
    })
  );
  return g;
}

function seed(): { book: WorkbookGrids; form: Grid } {
  const { workbook } = buildSeedForm();
  const [name] = findTableSheets(workbook);
  return { book: workbook, form: workbook.sheets.find((g) => g.sheet === name)! };
}

const central = getProfile("xicheng");

describe("生成报告 a second time", () => {
  const { book, form } = seed();
  const a = analyze(form, central);
  const first = reportPlan(a, book).newSheets[0];
  const withReport = (g: Grid): WorkbookGrids => ({ sheets: [...book.sheets, g] });

  it("the first run adds 自评报告 and replaces nothing", () => {
    expect(first.name).toBe("自评报告");
    expect(first.replaces).toBeUndefined();
    expect(replaceNotice(first)).toBeNull();
  });

  it("replaces the report it wrote before, under the same name, and says so", () => {
    const again = reportPlan(a, withReport(gridOf(first))).newSheets;
    expect(again.map((s) => s.name)).toEqual(["自评报告"]);
    const r = again[0].replaces!;
    expect(r.name).toBe("自评报告");
    expect(r.ours).toBe(true);
    expect(r.edited).toEqual([]);
    expect(replaceNotice(again[0])).toBe("将替换上次生成的工作表“自评报告”（“撤销”可恢复）。");
  });

  it("adds 自评报告 (2) when the user chooses a new sheet", () => {
    const p = plan(a, withReport(gridOf(first)), { report: true, onRepeat: "new" });
    expect(p.newSheets.map((s) => s.name)).toEqual(["自评报告 (2)"]);
    expect(p.newSheets[0].replaces).toBeUndefined();
  });

  it("names the cells the user changed or added, which the new report would drop", () => {
    const g = gridOf(first);
    // the user completed the first 【待完善】 draft and noted something in G3
    const draftRow = first.rows.findIndex((r) => r.style === "draft") + 1;
    g.set(draftRow, 1, { value: "本项目由科协牵头，联合各街道共同实施，组织有序。" });
    g.set(3, 7, { value: "已报局长审阅" });
    const again = reportPlan(a, withReport(g)).newSheets[0];
    expect(again.replaces?.ours).toBe(true);
    // in reading order, row by row
    expect(draftRow).toBeGreaterThan(3);
    expect(again.replaces?.edited).toEqual(["G3", `A${draftRow}`]);
    const notice = replaceNotice(again)!;
    expect(notice).toContain(`2 个单元格（G3、A${draftRow}）`);
    expect(notice).toContain("另建新工作表");
  });

  it("numbers the user typed outside the report's number cells are theirs, whatever their value", () => {
    const g = gridOf(first);
    // a number in G3, where the report writes nothing, and a note in column AB, past Z
    g.set(3, 7, { value: 7 });
    g.set(2, 28, { value: "备注" });
    const again = reportPlan(a, withReport(g)).newSheets[0];
    expect(again.replaces?.edited).toEqual(["AB2", "G3"]);
    expect(replaceNotice(again)).toBe(
      "现有工作表“自评报告”中有 2 个单元格（AB2、G3）的内容不会出现在新生成的表中，可能是您修改或补充的：" +
        "替换后将被删除（“撤销”可恢复）。如需保留，请选“另建新工作表”。"
    );
  });

  it("a formula the user typed is theirs (the report holds no formula)", () => {
    const g = gridOf(first);
    const tableRow = first.rows.findIndex((r) => r.style === "table") + 1;
    g.set(tableRow, 3, { value: 10, formula: "SUM(1,9)" });
    const again = reportPlan(a, withReport(g)).newSheets[0];
    expect(again.replaces?.edited).toEqual([`C${tableRow}`]);
  });

  it("a sheet named 自评报告 that is not ours: the notice says it would all go", () => {
    const g = Grid.fromRows("自评报告", [["我的笔记"], ["第二行", 3]]);
    const again = reportPlan(a, withReport(g)).newSheets[0];
    expect(again.replaces?.ours).toBe(false);
    expect(replaceNotice(again)).toBe(
      "现有工作表“自评报告”不像是本助手生成的（共 3 个非空单元格）：替换会删除其全部内容（“撤销”可恢复）。如需保留，请选“另建新工作表”。"
    );
  });

  it("a protected report cannot be replaced: the notice says so", () => {
    const again = reportPlan(a, withReport(gridOf(first, "自评报告", true))).newSheets[0];
    expect(again.replaces?.protected).toBe(true);
    expect(replaceNotice(again)).toBe(
      "工作表“自评报告”受保护，无法替换：请先撤销工作表保护（审阅 → 撤销工作表保护），或选“另建新工作表”。"
    );
  });

  it("matches the name ignoring case and keeps the existing spelling", () => {
    const g = Grid.fromRows("Report", [["x"]]);
    const book2: WorkbookGrids = { sheets: [...book.sheets, g] };
    // a latin name stands in for Excel's case-blind comparison
    const { placeSheet } =
      jest.requireActual<typeof import("../src/core/planReplace")>("../src/core/planReplace");
    const ns = placeSheet("REPORT", book2, "replace", () => ({ ...first, name: "REPORT" }));
    expect(ns.name).toBe("Report");
  });

  it("the undo record carries what the replaced sheet held", () => {
    const g = gridOf(first);
    const p = reportPlan(a, withReport(g));
    const undo = undoOf(p);
    expect(undo.addedSheets).toEqual(["自评报告"]);
    expect(undo.replacedSheets?.map((s) => s.name)).toEqual(["自评报告"]);
    const cells = undo.replacedSheets![0].before.cells;
    expect(cells[0]).toEqual({ address: "A1", value: first.rows[0].cells[0].value });
    // every non-empty cell of the old sheet, and its merges (paragraphs span A:E)
    const nonEmpty = first.rows.reduce(
      (n, r) => n + r.cells.filter((c) => c.value !== null && c.value !== "").length,
      0
    );
    expect(cells).toHaveLength(nonEmpty);
    expect(undo.replacedSheets![0].before.merges).toContain("A1:E1");
  });
});

describe("生成汇总表 a second time", () => {
  const one = seed();
  // the same form on two sheets: a unit's two projects
  const copy = (g: Grid, name: string) => {
    const out = new Grid(name, { merges: g.merges });
    for (let r = 1; r <= g.rows; r++)
      for (let c = 1; c <= g.cols; c++) {
        const cell = g.get(r, c);
        if (cell) out.set(r, c, { ...cell });
      }
    return out;
  };
  const book: WorkbookGrids = { sheets: [copy(one.form, "附件1"), copy(one.form, "附件2")] };
  const analyses = book.sheets.map((g) => analyze(g, central));

  it("replaces 汇总 by default, adds 汇总 (2) when asked", () => {
    const first = summaryPlan(analyses, book).newSheets[0];
    expect(first.name).toBe("汇总");
    const withSummary: WorkbookGrids = { sheets: [...book.sheets, gridOf(first)] };
    const again = summaryPlan(analyses, withSummary).newSheets[0];
    expect(again.name).toBe("汇总");
    expect(again.replaces?.ours).toBe(true);
    expect(again.replaces?.edited).toEqual([]);
    expect(summaryPlan(analyses, withSummary, "本工作簿", "new").newSheets[0].name).toBe(
      "汇总 (2)"
    );
  });
});
