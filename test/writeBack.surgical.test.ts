// `jixiao fix` patches the user's package instead of rebuilding it: charts, pivot tables, comments, validation,
// conditional formats, protection, sheet-scoped names, the print area, fitToPage and macros come out as they went
// in, byte for byte; only the written cells, the styles they need and the new 自评报告 sheet differ.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { main, type Output } from "../src/cli/main";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToWorkbook, gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { readWorkbook } from "../src/xlsx/read";
import { PatchUnsupported, patchPlanIntoXlsx, patchUndoIntoXlsx } from "../src/xlsx/patch";
import { reportDocx } from "../src/report/docx";
import { MAX_CELL_TEXT } from "../src/core/xmlSafe";
import type { WritePlan } from "../src/core/writePlan";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-surgical-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const FORM = "xl/worksheets/sheet1.xml";
const OTHER = "xl/worksheets/sheet2.xml";

/** The blank-total seed form (fix writes H28 and G29) dressed with everything a real workbook carries. */
async function richWorkbook(macro: boolean): Promise<Uint8Array> {
  const grids = buildSeedWorkbook({ variant: "blankTotal" });
  const wb = gridsToWorkbook(grids, { date: new Date(Date.UTC(2025, 0, 1)) });
  const form = wb.getWorksheet("附件1") as ExcelJS.Worksheet;
  form.getCell("A1").note = "请于3月31日前报送";
  form.getCell("H13").dataValidation = {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [0, 100],
  };
  form.addConditionalFormatting({
    ref: "H13:H27",
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: [0],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  form.pageSetup.printArea = "A1:I29";
  form.pageSetup.fitToPage = true;
  form.pageSetup.fitToWidth = 1;
  form.pageSetup.fitToHeight = 0;
  const other = wb.addWorksheet("数据");
  other.addRows([
    ["项目", "金额"],
    ["科普", 80],
    ["培训", 20],
  ]);
  await other.protect("secret", { selectLockedCells: true });
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());

  // a chart (drawing → chart) and a pivot table on the other sheet, hand-written as Excel lays them out
  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>数据!$B$2:$B$3</c:f></c:numRef></c:val></c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>`
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`
  );
  zip.file(
    "xl/pivotTables/pivotTable1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="数据透视表1" cacheId="1" dataCaption="值"><location ref="E1:F3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>`
  );
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`
  );
  zip.file(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="数据"/></cacheSource><cacheFields count="0"/></pivotCacheDefinition>`
  );
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`;
  zip.file("xl/worksheets/_rels/sheet2.xml.rels", rels);
  let otherXml = await (zip.file(OTHER) as JSZip.JSZipObject).async("string");
  otherXml = otherXml.replace("</worksheet>", `<drawing r:id="rId1"/></worksheet>`);
  zip.file(OTHER, otherXml);

  // a name scoped to the other sheet (localSheetId), next to the print area ExcelJS wrote
  let workbook = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
  workbook = workbook.replace(
    "</definedNames>",
    `<definedName name="金额" localSheetId="1">数据!$B$2:$B$3</definedName></definedNames>`
  );
  let types = await (zip.file("[Content_Types].xml") as JSZip.JSZipObject).async("string");
  const override = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  types = types.replace(
    "</Types>",
    override("xl/charts/chart1.xml", "drawingml.chart+xml") +
      override("xl/drawings/drawing1.xml", "drawing+xml") +
      override("xl/pivotTables/pivotTable1.xml", "spreadsheetml.pivotTable+xml") +
      override(
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "spreadsheetml.pivotCacheDefinition+xml"
      ) +
      "</Types>"
  );
  if (macro) {
    zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5]));
    types = types
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
      )
      .replace(
        "</Types>",
        `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>`
      );
    let wbRels = await (zip.file("xl/_rels/workbook.xml.rels") as JSZip.JSZipObject).async(
      "string"
    );
    wbRels = wbRels.replace(
      "</Relationships>",
      `<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`
    );
    zip.file("xl/_rels/workbook.xml.rels", wbRels);
  }
  zip.file("xl/workbook.xml", workbook);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function entries(data: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Uint8Array>();
  for (const [name, f] of Object.entries(zip.files))
    if (!f.dir) out.set(name, await f.async("uint8array"));
  return out;
}

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** The sheet XML without the <c> elements of `cells`. */
function withoutCells(xml: string, cells: string[]): string {
  let out = xml;
  for (const a of cells) out = out.replace(new RegExp(`<c r="${a}"[^>]*?(/>|>[\\s\\S]*?</c>)`), "");
  return out;
}

describe.each([
  ["an .xlsx", false, "xlsx"],
  ["an .xlsm with macros", true, "xlsm"],
])("fix on %s keeps every other part byte for byte", (_, macro, ext) => {
  let input: Map<string, Uint8Array>;
  let output: Map<string, Uint8Array>;
  let out: string;
  let r: { code: number; out: string; err: string };

  beforeAll(async () => {
    const file = path.join(dir, `rich.${ext}`);
    fs.writeFileSync(file, await richWorkbook(macro));
    out = path.join(dir, `rich-fixed.${ext}`);
    r = await cli("fix", file, "-o", out, "--profile", "xicheng", "--report");
    input = await entries(new Uint8Array(fs.readFileSync(file)));
    output = await entries(new Uint8Array(fs.readFileSync(out)));
  });

  it("writes the total and the grade, and no warning about lost parts", () => {
    expect(r.code).toBe(0);
    expect(r.out).toContain("H28 总分：（空） → 89.45（公式 =I6+SUM(H13:H27)）");
    expect(r.err).toBe("");
  });

  it("only the form's sheet, styles, workbook, its rels, content types and the new sheet differ", () => {
    const changed = [...new Set([...input.keys(), ...output.keys()])]
      .filter((n) => {
        const a = input.get(n);
        const b = output.get(n);
        return !a || !b || Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0;
      })
      .sort();
    expect(changed).toEqual(
      [
        "[Content_Types].xml",
        FORM,
        "xl/worksheets/sheet3.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
      ].sort()
    );
    expect(input.has("xl/worksheets/sheet3.xml")).toBe(false);
    if (macro) expect(output.get("xl/vbaProject.bin")).toEqual(input.get("xl/vbaProject.bin"));
  });

  it("within the form's sheet only the target cells' <c> elements changed", () => {
    const before = text(input.get(FORM));
    const after = text(output.get(FORM));
    expect(after).not.toBe(before);
    expect(withoutCells(after, ["H28", "G29"])).toBe(withoutCells(before, ["H28", "G29"]));
    // print setup, validation, conditional formats stay as they were
    expect(after).toContain('fitToPage="1"');
    expect(after).toContain("<dataValidations");
    expect(after).toContain("<conditionalFormatting");
  });

  it("workbook.xml keeps its names (print area, sheet scope) and asks Excel to recalculate", () => {
    const wb = text(output.get("xl/workbook.xml"));
    expect(wb).toContain('<definedName name="金额" localSheetId="1">数据!$B$2:$B$3</definedName>');
    expect(wb).toMatch(
      /<definedName name="_xlnm.Print_Area" localSheetId="0">[^<]*附件1[^<]*!\$A\$?1:\$I\$?29</
    );
    const names = (xml: string) => /<definedNames>[\s\S]*<\/definedNames>/.exec(xml)?.[0];
    expect(names(wb)).toBe(names(text(input.get("xl/workbook.xml"))));
    expect(wb).toContain('fullCalcOnLoad="1"');
    expect(wb).toMatch(/<sheet name="自评报告" sheetId="3" r:id="rId\d+"\/>/);
  });

  it("the other sheet keeps its protection with the password hash", () => {
    expect(text(output.get(OTHER))).toBe(text(input.get(OTHER)));
    expect(text(output.get(OTHER))).toMatch(/<sheetProtection sheet="1"[^>]*hashValue="[^"]+"/);
  });

  it("every XML part is well-formed", () => {
    for (const [name, bytes] of output)
      if (/\.(xml|rels)$/.test(name)) expect(() => wellFormed(text(bytes))).not.toThrow();
  });

  it("ExcelJS opens the result: the formulas with their values, the report sheet, the other cells", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ExcelJS.Buffer);
    const form = wb.getWorksheet("附件1") as ExcelJS.Worksheet;
    expect(form.getCell("H28").value).toMatchObject({
      formula: "I6+SUM(H13:H27)",
      result: 89.45,
    });
    expect(form.getCell("G29").value).toMatchObject({ result: "良好" });
    expect(form.getCell("A1").note).toBeTruthy();
    const report = wb.getWorksheet("自评报告") as ExcelJS.Worksheet;
    expect(String(report.getCell("A1").value)).toContain("绩效自评报告");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件1", "数据", "自评报告"]);
    const book = await readWorkbook(new Uint8Array(fs.readFileSync(out)));
    expect(book.sheets[1].protected).toBe(true);
  });
});

describe("protection, written or read", () => {
  async function lockedForm(value: string): Promise<string> {
    const zip = await JSZip.loadAsync(
      await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" }))
    );
    const xml = await (zip.file(FORM) as JSZip.JSZipObject).async("string");
    zip.file(
      FORM,
      xml.replace(
        "</sheetData>",
        `</sheetData><sheetProtection algorithmName="SHA-512" hashValue="abc=" saltValue="def=" spinCount="100000" sheet="${value}" objects="${value}"/>`
      )
    );
    const file = path.join(dir, `locked-${value}.xlsx`);
    fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    return file;
  }

  it.each(["1", "true"])('sheet="%s" is protection: fix refuses and writes no file', async (v) => {
    const file = await lockedForm(v);
    expect((await readWorkbook(new Uint8Array(fs.readFileSync(file)))).sheets[0].protected).toBe(
      true
    );
    const out = path.join(dir, `locked-${v}-out.xlsx`);
    const r = await cli("fix", file, "-o", out, "--profile", "xicheng");
    expect(r.code).toBe(2);
    expect(r.err).toContain("受保护");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("output is well-formed whatever the text holds", () => {
  const junk = "甲\u000b乙\u0001丙_x0001_丁_x000B_戊\ttab";
  const clean = "甲乙丙丁戊\ttab";

  it("control characters are stripped from cells and the report sheet; a long text is cut to 32,767", async () => {
    const data = await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" }));
    const plan: WritePlan = {
      sheet: "附件1",
      writes: [
        {
          sheet: "附件1",
          address: "K40",
          value: junk,
          before: { value: null },
          purpose: "grade",
          label: "绩效级别",
        },
      ],
      newSheets: [
        {
          name: "自评报告",
          columnWidths: [20],
          rows: [
            { style: "title", cells: [{ value: junk }] },
            { style: "body", cells: [{ value: "长".repeat(40000) }] },
          ],
        },
      ],
      refusals: [],
    };
    const { data: fixed } = await patchPlanIntoXlsx(data, plan);
    for (const [name, bytes] of await entries(fixed))
      if (/\.(xml|rels)$/.test(name)) expect(() => wellFormed(text(bytes))).not.toThrow();
    const book = await readWorkbook(fixed);
    expect(book.sheets[0].get(40, 11)?.value).toBe(clean);
    const report = book.sheets.find((s) => s.sheet === "自评报告");
    expect(report?.get(1, 1)?.value).toBe(clean);
    const long = String(report?.get(2, 1)?.value);
    expect(long.length).toBe(MAX_CELL_TEXT);
    expect(long).toMatch(/已截断）$/);
  });

  it("the Word report's document.xml is well-formed", async () => {
    const docx = await reportDocx({
      title: `报告${junk}`,
      blocks: [{ kind: "paragraph", text: junk }],
    } as Parameters<typeof reportDocx>[0]);
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string");
    expect(() => wellFormed(xml as string)).not.toThrow();
    expect(xml).toContain("甲乙丙丁戊");
  });

  it("undo puts the form's sheet back byte for byte and removes the report sheet", async () => {
    const data = await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" }));
    const plan: WritePlan = {
      sheet: "附件1",
      writes: [
        {
          sheet: "附件1",
          address: "H28",
          value: 1,
          formula: "=1",
          numFmt: "0.00",
          before: { value: null },
          purpose: "total",
          label: "总分",
        },
        {
          sheet: "附件1",
          address: "Z99",
          value: "=不是公式",
          before: { value: null },
          purpose: "grade",
          label: "绩效级别",
        },
      ],
      newSheets: [{ name: "自评报告", columnWidths: [], rows: [{ style: "body", cells: [] }] }],
      refusals: [],
    };
    const applied = await patchPlanIntoXlsx(data, plan);
    const mid = await readWorkbook(applied.data);
    expect(mid.sheets[0].get(99, 26)).toEqual({ value: "=不是公式" }); // text, never a formula
    const undone = await patchUndoIntoXlsx(applied.data, applied.undo);
    const a = await entries(data);
    const b = await entries(undone);
    expect(text(b.get(FORM))).toBe(text(a.get(FORM)));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(text(b.get("[Content_Types].xml"))).toBe(text(a.get("[Content_Types].xml")));
    expect(text(b.get("xl/_rels/workbook.xml.rels"))).toBe(
      text(a.get("xl/_rels/workbook.xml.rels"))
    );
  });
});

describe("what the patcher does not edit, it leaves to the ExcelJS fallback", () => {
  it("the master of a shared formula (other cells take their formula from it) is not patched", async () => {
    const zip = await JSZip.loadAsync(await gridsToXlsx(buildSeedWorkbook()));
    const xml = await (zip.file(FORM) as JSZip.JSZipObject).async("string");
    zip.file(
      FORM,
      xml.replace("</row>", '<c r="Z1"><f t="shared" ref="Z1:Z2" si="0">1+1</f><v>2</v></c></row>')
    );
    const data = await zip.generateAsync({ type: "uint8array" });
    const plan: WritePlan = {
      sheet: "附件1",
      writes: [
        {
          sheet: "附件1",
          address: "Z1",
          value: 3,
          before: { value: 2, formula: "=1+1" },
          purpose: "total",
          label: "总分",
        },
      ],
      newSheets: [],
      refusals: [],
    };
    await expect(patchPlanIntoXlsx(data, plan)).rejects.toBeInstanceOf(PatchUnsupported);
  });
});
