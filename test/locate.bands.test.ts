// Issue 8, headers laid out by other hands: a header over two or three rows is found (merged cells count on every
// row they cover), and when no table is found the message says which header words were found, where, and which
// are missing. Hidden sheets are read and named as hidden, through both gateways.
import * as ExcelJS from "exceljs";
import { analyze, findTableSheets, isTableSheet, TableNotFoundError } from "../src/core/analyze";
import { Grid } from "../src/core/grid";
import { describeMissingHeader, findIndicatorHeaders } from "../src/core/locate";
import { parseForms } from "../src/core/parse";
import { getProfile } from "../src/core/profiles";
import { readWorkbookIn } from "../src/excel/read";
import { readWorkbook } from "../src/xlsx/read";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { brief, errorsAndWarnings } from "./support/analyzeHelpers";
import { fakeContext, FakeWorkbook } from "./support/fakeExcel";
import {
  KEPU_READ,
  columnNumbersUnderHeader,
  goalLabelsRightAboveHeader,
  headerWithUnknownWords,
  scatteredHeader,
  threeRowHeader,
  threeRowHeaderMergesUnknown,
  twoRowHeader,
  twoRowHeaderAtC4,
  twoRowHeaderLevelsBelow,
  twoRowHeaderMergesUnknown,
} from "./support/otherHands";

const central = getProfile("central");

const readBack = (g: Grid) => parseForms(g)[0].indicators.map((i) => [i.name, i.weight, i.score]);

describe("a header over two or three rows", () => {
  it("two rows (三级指标 and 指标值 under a merged 年度绩效指标): one band, rows 10–11, data from row 12", () => {
    const headers = findIndicatorHeaders(twoRowHeader());
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({ top: 10, row: 11, left: 1 });
    // the cells a finding about a column points at: the merged header's own cell
    expect(headers[0].cells).toMatchObject({
      level1: "B10",
      name: "D11",
      target: "E11",
      actual: "F10",
      weight: "G10",
      score: "H10",
      reason: "I10",
    });
  });

  it("two rows: the six indicators are read, and the form checks clean (96 分, 优)", () => {
    const g = twoRowHeader();
    expect(readBack(g)).toEqual(KEPU_READ);
    const a = analyze(g, central);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
    expect(a.total).toMatchObject({ written: 96, computed: 96, cell: "H18" });
    expect(a.grade.label).toBe("优");
  });

  it("two rows with merged areas unknown (ExcelApi < 1.13): the same band and the same indicators", () => {
    const g = twoRowHeaderMergesUnknown();
    expect(g.mergesKnown).toBe(false);
    expect(findIndicatorHeaders(g)[0]).toMatchObject({ top: 10, row: 11 });
    expect(readBack(g)).toEqual(KEPU_READ);
    expect(brief(errorsAndWarnings(analyze(g, central)))).toEqual([]);
  });

  it("three rows (指标性质 | 指标值 | 度量单位 under a merged 年度指标值): one band, operator and unit columns", () => {
    const g = threeRowHeader();
    const headers = findIndicatorHeaders(g);
    expect(headers).toHaveLength(1);
    expect(headers[0]).toMatchObject({
      top: 10,
      row: 12,
      cols: { operator: 5, target: 6, unit: 7, actual: 8, weight: 9, score: 10 },
    });
    expect(readBack(g)).toEqual(KEPU_READ);
    const a = analyze(g, central);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
    // 900 of ≥1000 份 with the operator and unit in their own cells: 9 of 10
    expect(a.indicators[1]).toMatchObject({ name: "科普资料发放份数", ruleScore: 9, weight: 10 });
  });

  it("two rows the other way round (一级/二级/三级 under 绩效指标, 分值/得分 under 自评情况, 偏差原因 | 改进措施)", () => {
    const g = twoRowHeaderLevelsBelow();
    expect(findIndicatorHeaders(g)).toEqual([
      expect.objectContaining({
        top: 10,
        row: 11,
        cols: {
          level1: 1,
          level2: 2,
          name: 3,
          target: 4,
          actual: 5,
          weight: 6,
          score: 7,
          reason: 8,
          measure: 9,
        },
      }),
    ]);
    expect(readBack(g)).toEqual(KEPU_READ);
    const a = analyze(g, central);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
    expect(a.total).toMatchObject({ written: 96, computed: 96, cell: "G18" });
  });

  it("three rows with merged areas unknown (the middle row comes back empty): the same band and indicators", () => {
    const g = threeRowHeaderMergesUnknown();
    expect(findIndicatorHeaders(g)).toEqual([
      expect.objectContaining({ top: 10, row: 12, cols: expect.objectContaining({ unit: 7 }) }),
    ]);
    expect(readBack(g)).toEqual(KEPU_READ);
    expect(brief(errorsAndWarnings(analyze(g, central)))).toEqual([]);
  });

  it("at C4, 序号 first, words broken over lines, an empty column before 年度指标值: read, 合计 as the total", () => {
    const g = twoRowHeaderAtC4();
    const h = findIndicatorHeaders(g)[0];
    expect(h).toMatchObject({
      top: 13,
      row: 14,
      left: 3, // the 序号 column: the 合计 label may sit there
      cols: { level1: 4, level2: 5, name: 6, target: 8, actual: 9, weight: 10, score: 11 },
    });
    expect(readBack(g)).toEqual(KEPU_READ);
    const a = analyze(g, central);
    expect(brief(errorsAndWarnings(a))).toEqual([]);
    expect(a.total).toMatchObject({ written: 96, computed: 96, cell: "K21" });
  });

  it("a header-like 预期目标 | 实际完成情况 row right above the header is not taken into it", () => {
    const g = goalLabelsRightAboveHeader();
    expect(findIndicatorHeaders(g)).toEqual([expect.objectContaining({ top: 4, row: 4 })]);
    const form = parseForms(g)[0];
    expect(form.goals?.expected).toBe("开展科普讲座20场。");
    expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
  });

  it.each(["digits", "circled"] as const)(
    "a row of column numbers (%s) under the header is not an indicator",
    (codes) => {
      const g = columnNumbersUnderHeader(codes);
      expect(readBack(g)).toEqual(KEPU_READ);
      const a = analyze(g, central);
      expect(brief(a.findings.filter((f) => /\D11$/.test(f.cell)))).toEqual([]);
      expect(brief(errorsAndWarnings(a))).toEqual([]);
    }
  );

  it("the seed's one-row header stays one row", () => {
    const g = buildSeedWorkbook().sheets[0];
    expect(findIndicatorHeaders(g)).toEqual([expect.objectContaining({ top: 12, row: 12 })]);
  });
});

describe("headers over several rows through the gateways", () => {
  it(".xlsx (ExcelJS): merged header cells survive the round trip, the form checks clean", async () => {
    const book = await readWorkbook(await gridsToXlsx({ sheets: [twoRowHeader()] }));
    const g = book.sheets[0];
    expect(findIndicatorHeaders(g)[0]).toMatchObject({ top: 10, row: 11 });
    expect(readBack(g)).toEqual(KEPU_READ);
    expect(brief(errorsAndWarnings(analyze(g, central)))).toEqual([]);
  });

  it.each([
    ["1.17 (merged areas read)", "1.17"],
    ["1.12 (no merged areas)", "1.12"],
  ])(
    "Office.js, ExcelApi %s: the three-row band is found and the indicators read",
    async (_n, api) => {
      const fake = FakeWorkbook.fromGrids({ sheets: [threeRowHeader()] }, { excelApi: api });
      const snapshot = await readWorkbookIn(fakeContext(fake), {
        merges: fake.supports("1.13"),
        sheetNames: ["附件1"],
        isTableSheet,
      });
      const g = snapshot.book.sheets[0];
      expect(g.mergesKnown).toBe(api === "1.17");
      expect(findIndicatorHeaders(g)[0]).toMatchObject({ top: 10, row: 12 });
      expect(readBack(g)).toEqual(KEPU_READ);
    }
  );
});

describe("when no table is found, the message says what was found and what is missing", () => {
  it("header words that are not synonyms: the found ones with their cells, the missing columns by name", () => {
    const g = headerWithUnknownWords();
    expect(() => analyze(g, central)).toThrow(TableNotFoundError);
    const text = describeMissingHeader(g);
    expect(text).toContain("“三级指标”（D3）");
    expect(text).toContain("“分值”（G3）");
    expect(text).toContain("“得分”（H3）");
    expect(text).toContain("没有找到“年度指标值”“实际完成值”列");
    expect(text).not.toContain("“三级指标”列");
  });

  it("all words present but five rows apart: says where they are and that they are not adjacent", () => {
    const text = describeMissingHeader(scatteredHeader());
    expect(text).toContain("“年度指标值”（D1）");
    expect(text).toContain("“实际完成值”（E6）");
    expect(text).toContain("第1至6行");
  });

  it("a sheet without any header word says so", () => {
    const g = Grid.fromRows("报告正文", [["一、基本情况"], ["本项目……"]]);
    expect(describeMissingHeader(g)).toContain("没有任何绩效指标表头");
  });

  it("a hidden sheet is named as hidden", () => {
    const g = Grid.fromRows("附件2", [["三级指标", "得分"]], { hidden: true });
    expect(describeMissingHeader(g)).toContain("工作表“附件2”（隐藏的工作表）");
  });
});

describe("tables on hidden sheets", () => {
  async function xlsxWithHiddenTable(state: "hidden" | "veryHidden"): Promise<Uint8Array> {
    const book = { sheets: [Grid.fromRows("说明", [["见附件1"]]), twoRowHeader()] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await gridsToXlsx(book)) as unknown as ExcelJS.Buffer);
    wb.getWorksheet("附件1")!.state = state;
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it.each(["hidden", "veryHidden"] as const)(
    ".xlsx with the table on a %s sheet: the sheet is read, its table found and marked hidden",
    async (state) => {
      const book = await readWorkbook(await xlsxWithHiddenTable(state));
      expect(book.sheets.map((g) => [g.sheet, g.hidden])).toEqual([
        ["说明", false],
        ["附件1", true],
      ]);
      expect(findTableSheets(book)).toEqual(["附件1"]);
      const form = parseForms(book.sheets[1])[0];
      expect(form.hidden).toBe(true);
      expect(form.indicators.map((i) => [i.name, i.weight, i.score])).toEqual(KEPU_READ);
    }
  );

  it("Office.js: a hidden sheet comes back hidden, in the same single sync", async () => {
    const fake = FakeWorkbook.fromGrids({
      sheets: [Grid.fromRows("说明", [["见附件1"]]), twoRowHeader()],
    });
    fake.sheet("附件1").visibility = "Hidden";
    const before = fake.syncs;
    const snapshot = await readWorkbookIn(fakeContext(fake), {
      merges: true,
      sheetNames: ["说明", "附件1"],
      isTableSheet,
    });
    expect(fake.syncs - before).toBe(1);
    expect(snapshot.book.sheets.map((g) => [g.sheet, g.hidden])).toEqual([
      ["说明", false],
      ["附件1", true],
    ]);
    expect(readBack(snapshot.book.sheets[1])).toEqual(KEPU_READ);
  });
});
