// Issue 8 item 5: every table of a sheet is checked (none silently ignored), a table on a hidden sheet is named as
// hidden, and a sheet without a table says which header words were found and which were missing.
import { analyzeSheet, analyzeWorkbook, TableNotFoundError } from "../src/core/analyze";
import { Grid } from "../src/core/grid";
import { getProfile } from "../src/core/profiles";
import { main, type Output } from "../src/cli/main";
import {
  scatteredHeader,
  twoTablesAfterTotal,
  twoTablesOneSheet,
  twoTablesSideBySide,
} from "./support/otherHands";

const central = getProfile("central");

describe("two tables on one sheet", () => {
  it.each([
    ["stacked", twoTablesOneSheet],
    ["stacked, the second after a 总分 row", twoTablesAfterTotal],
    ["side by side", twoTablesSideBySide],
  ])("%s: both are analysed, and each says there is another", (_label, build) => {
    const analyses = analyzeSheet(build(), () => central);
    expect(analyses).toHaveLength(2);
    // two different sets of indicators, none shared
    const names = analyses.map((a) => a.indicators.map((i) => i.name));
    expect(names[0].some((n) => names[1].includes(n))).toBe(false);
    for (const a of analyses) {
      const notes = a.findings.filter((f) => f.code === "TABLE_MULTIPLE");
      expect(notes).toHaveLength(1);
      expect(notes[0].message).toMatch(/中有2张绩效指标表/);
    }
    expect(analyzeWorkbook({ sheets: [build()] }, central).analyses).toHaveLength(2);
  });
});

describe("no table found", () => {
  it("names the header words it found (with their cells) and what was missing", () => {
    const grid = Grid.fromRows("Sheet1", [
      ["项目名称", "测试"],
      [],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "分值", "得分"],
    ]);
    try {
      analyzeSheet(grid, () => central);
      throw new Error("expected TableNotFoundError");
    } catch (e) {
      expect(e).toBeInstanceOf(TableNotFoundError);
      const message = (e as TableNotFoundError).finding.message;
      expect(message).toMatch(/^没有找到绩效指标表。/);
      expect(message).toContain("“三级指标”（C3）");
      expect(message).toContain("“实际完成值”");
    }
  });
  it("header words too far apart are said to be scattered", () => {
    expect(() => analyzeSheet(scatteredHeader(), () => central)).toThrow(/分散在第/);
  });
});

describe("a table on a hidden sheet", () => {
  function hiddenBook() {
    const visible = twoTablesOneSheet();
    const hidden = new Grid("附件1", { merges: visible.merges, hidden: true });
    for (let r = 1; r <= visible.rows; r++)
      for (let c = 1; c <= visible.cols; c++) {
        const cell = visible.get(r, c);
        if (cell) hidden.set(r, c, cell);
      }
    return hidden;
  }
  it("is analysed and flagged sheetHidden", () => {
    const [a] = analyzeSheet(hiddenBook(), () => central);
    expect(a.sheetHidden).toBe(true);
  });
  it("the CLI names the sheet as hidden", async () => {
    const { gridsToXlsx } = await import("../scripts/samples/gridsToXlsx");
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jx-hidden-")), "hidden.xlsx");
    fs.writeFileSync(file, await gridsToXlsx({ sheets: [new Grid("说明"), hiddenBook()] }));
    const out: string[] = [];
    const io: Output = { out: (s) => out.push(s), err: (s) => out.push(s) };
    // not checked behind the user's back: named as hidden, and checked when asked for by name
    expect(await main(["check", file, "--profile", "central"], io)).toBe(2);
    expect(out.join("\n")).toContain("自评表所在的工作表“附件1”是隐藏的");
    out.length = 0;
    await main(["check", file, "--profile", "central", "--sheet", "附件1"], io);
    expect(out.join("\n")).toContain("工作表“附件1”（隐藏的工作表）");
  });
});
