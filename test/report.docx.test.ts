// The report as a Word document: a real .docx holding the same paragraphs and the score table.
import JSZip from "jszip";
import { buildReport, textBar, type ReportDoc } from "../src/core/report";
import { reportDocx } from "../src/report/docx";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { analyzeBook } from "./support/analyzeHelpers";

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Text of each top-level paragraph of the body, and the rows of each table (cell texts). */
function readBody(xml: string): { paragraphs: string[]; tables: string[][][] } {
  const body = xml.slice(xml.indexOf("<w:body>"), xml.indexOf("</w:body>"));
  const textOf = (frag: string) =>
    [...frag.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join("");
  const tables: string[][][] = [];
  const withoutTables = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (tbl) => {
    tables.push(
      [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [^>]*>[\s\S]*?<\/w:tr>/g)].map((tr) =>
        [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0]))
      )
    );
    return "";
  });
  const paragraphs = [...withoutTables.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)]
    .map((p) => textOf(p[0]))
    .filter((t) => t !== "");
  return { paragraphs, tables };
}

async function open(doc: ReportDoc) {
  const bytes = await reportDocx(doc);
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml");
  return { zip, xml };
}

describe("the report as .docx", () => {
  // in beforeEach: Stryker (npm run mutate) counts only what runs inside a test as that test's coverage
  let doc: ReportDoc;
  beforeEach(() => {
    doc = buildReport(analyzeBook(buildSeedWorkbook()));
  });

  it("opens as a Word package and holds the same paragraphs, in order", async () => {
    const { zip, xml } = await open(doc);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"])
    );
    const expected = [
      doc.title,
      ...doc.blocks.flatMap((b) => (b.kind === "table" ? [] : [b.text])),
    ];
    expect(readBody(xml).paragraphs).toEqual(expected);
  });

  it("holds the score table as a Word table with its bars", async () => {
    const { xml } = await open(doc);
    const table = doc.blocks.find((b) => b.kind === "table");
    if (!table || table.kind !== "table") throw new Error("no table");
    const { tables } = readBody(xml);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toEqual([
      ["类别", "分值", "得分", "扣分", "得分情况"],
      ...table.rows.map((r, k) => [...r.map(String), textBar(table.bars?.[k] ?? 0)]),
    ]);
    expect(tables[0][2]).toEqual(["项目产出", "55", "50.45", "4.55", "█████████░"]);
  });

  it("uses Chinese fonts: 黑体 for headings, 仿宋 for the body", async () => {
    const { xml } = await open(doc);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  it("keeps text that looks like markup or a formula as text", async () => {
    const odd = {
      title: "<报告> & =SUM(A1)",
      blocks: [{ kind: "paragraph" as const, text: '=HYPERLINK("x") <w:t> & @a' }],
    };
    const { xml } = await open(odd);
    expect(readBody(xml).paragraphs).toEqual(["<报告> & =SUM(A1)", '=HYPERLINK("x") <w:t> & @a']);
  });
});
