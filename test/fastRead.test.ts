// The direct reader (src/xlsx/fastRead.ts) gives the Grids the ExcelJS path (readWorkbook) gives, or declines
// (null, and the batch then reads the file through ExcelJS): over the samples, the shared fixtures, every tricky
// form, the worked examples, the hostile corpus, fuzzed grids and hand-made package variants.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import * as fc from "fast-check";
import JSZip from "jszip";
import { fuzzCase } from "../bench/fuzzCases";
import { buildHostileCorpus } from "../scripts/hostile-corpus";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { readWorkbookFast } from "../src/xlsx/fastRead";
import { readWorkbook } from "../src/xlsx/read";
import { EXAMPLE_FORMS } from "./support/examples";
import { bookLines } from "./support/gridDump";
import { haveShared, SHARED_FIXTURES } from "./support/shared";
import { trickyForms, trickyXlsx } from "./support/trickyForms";

const SAMPLES = path.resolve(__dirname, "../assets/samples");
const SAMPLE = path.join(SAMPLES, "xicheng-kepu-2024.xlsx");

const inflate = (d: Uint8Array) => inflateRawSync(d);

/** Reads with both; when the direct reader answers, it must answer what ExcelJS's path answers. */
async function compare(bytes: Uint8Array): Promise<"fast" | "declined"> {
  const fast = readWorkbookFast(bytes, inflate);
  if (!fast) return "declined";
  const slow = await readWorkbook(bytes); // throws (and fails the test) when only the direct reader reads it
  expect(bookLines(fast)).toEqual(bookLines(slow));
  const shape = (b: typeof slow) =>
    b.sheets.map((g) => ({
      sheet: g.sheet,
      hidden: g.hidden,
      merges: g.merges,
      known: g.mergesKnown,
    }));
  expect(shape(fast)).toEqual(shape(slow));
  // the same cells, errors and formulas included, not only the same dump
  for (let s = 0; s < slow.sheets.length; s++)
    for (let r = 1; r <= slow.sheets[s].rows; r++)
      for (let c = 1; c <= slow.sheets[s].cols; c++)
        expect(fast.sheets[s].get(r, c)).toEqual(slow.sheets[s].get(r, c));
  expect(fast.notes).toEqual(slow.notes);
  return "fast";
}

const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(file));

describe("the direct reader gives the ExcelJS path's grids", () => {
  it.each(fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")))(
    "sample %s (read directly)",
    async (f) => {
      expect(await compare(bytesOf(path.join(SAMPLES, f)))).toBe("fast");
    }
  );

  const fixtures = haveShared
    ? fs.readdirSync(SHARED_FIXTURES).filter((f) => f.endsWith(".xlsx"))
    : [];
  (fixtures.length ? it.each(fixtures) : it.skip.each(["(../shared absent)"]))(
    "shared fixture %s (read directly)",
    async (f) => {
      expect(await compare(bytesOf(path.join(SHARED_FIXTURES, f)))).toBe("fast");
    }
  );

  it("every tricky form (numbers as text, errors, uncached formulas, dates, booleans, merged scores)", async () => {
    const answers: string[] = [];
    for (const form of trickyForms())
      answers.push(`${form.id}:${await compare(await trickyXlsx(form))}`);
    // ExcelJS writes them all in the plain way the direct reader knows
    expect(answers.filter((a) => a.endsWith("declined"))).toEqual([]);
  });

  it("every worked example", async () => {
    for (const ex of EXAMPLE_FORMS)
      expect([ex.id, await compare(await gridsToXlsx({ sheets: [ex.grid] }))]).toEqual([
        ex.id,
        "fast",
      ]);
  });

  it("the hostile corpus: what the package scan refuses or reduces is declined, the rest read alike", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-fast-hostile-"));
    try {
      const answers: Record<string, string> = {};
      for (const c of await buildHostileCorpus(dir)) {
        if (!fs.statSync(c.file).isFile()) continue;
        answers[c.name] = await compare(bytesOf(c.file));
      }
      for (const refused of [
        "empty.xlsx",
        "random.xlsx",
        "truncated.xlsx",
        "csv-renamed.xlsx",
        "ods-renamed.xlsx",
        "xls-renamed.xlsx",
        "encrypted.xlsx",
        "zip-not-workbook.xlsx",
        "billion-laughs.xlsx",
        "too-many-entries.xlsx",
        "huge-merge.xlsx",
        "whole-column-merge.xlsx",
      ])
        expect([refused, answers[refused]]).toEqual([refused, "declined"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);

  it("60 fuzzed grids (random and mutated seed forms) written by ExcelJS", async () => {
    const grids = fc.sample(fuzzCase, { numRuns: 60, seed: 20261129 }).map(([g]) => g);
    let fast = 0;
    for (const g of grids)
      if ((await compare(await gridsToXlsx({ sheets: [g] }))) === "fast") fast++;
    expect(fast).toBeGreaterThan(40);
  }, 60000);
});

// ---------------------------------------------------------------------------------------------------------
// Package variants: the sample with parts edited the way other programs write them

type Parts = Record<string, string>;

async function variant(edit: (p: Parts) => void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  const parts: Parts = {};
  for (const name of Object.keys(zip.files))
    if (name.endsWith(".xml") || name.endsWith(".rels"))
      parts[name] = await zip.file(name)!.async("string");
  edit(parts);
  const out = new JSZip();
  for (const [name, text] of Object.entries(parts)) out.file(name, text);
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const SHEET = "xl/worksheets/sheet1.xml";
/** Adds row 40 with these cells (raw <c> elements). */
const extraRow = (cells: string) => (p: Parts) => {
  p[SHEET] = p[SHEET].replace("</sheetData>", `<row r="40">${cells}</row></sheetData>`);
};
/** A date format as style 6 and a custom number format as style 7. */
const withFormats = (p: Parts) => {
  p["xl/styles.xml"] = p["xl/styles.xml"]
    .replace(
      "<fonts",
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0.0&quot;分&quot;"/></numFmts><fonts'
    )
    .replace(
      "</cellXfs>",
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    );
};

const VARIANTS: [string, (p: Parts) => void, "fast" | "declined" | "either"][] = [
  [
    "inline strings, CRLF and entities",
    extraRow(
      '<c r="A40" t="inlineStr"><is><t>行一\r\n行二 &amp; &lt;三&gt; &#x4E2D;</t></is></c><c r="B40" t="inlineStr"><is><t xml:space="preserve">  </t></is></c>'
    ),
    "fast",
  ],
  [
    "formula results: text (decoded twice by ExcelJS), error, FALSE, 0, booleans and error values",
    extraRow(
      '<c r="A40" t="str"><f>"a"&amp;"b"</f><v>&amp;lt;ab</v></c><c r="B40" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C40" t="b"><f>1&gt;2</f><v>0</v></c><c r="D40"><f>1-1</f><v>0</v></c><c r="E40" t="b"><v>1</v></c><c r="F40" t="e"><v>#N/A</v></c><c r="G40"><f>SUM(A1:A2)</f></c><c r="H40"><v> 5 </v></c><c r="I40"><v>abc</v></c>'
    ),
    "fast",
  ],
  [
    "dates, custom formats, 1904 dates and s=0",
    (p) => {
      withFormats(p);
      p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(
        /<workbookPr\b/,
        '<workbookPr date1904="1"'
      );
      extraRow(
        '<c r="A40" s="6"><v>45000.1234567891</v></c><c r="B40" s="7"><v>7.25</v></c><c r="C40" s="6"><f>NOW()</f><v>45001.98765432101</v></c><c r="D40" s="0"><v>3</v></c><c r="E40" s="6" t="s"><v>0</v></c><c r="F40" s="6" t="str"><f>"x"</f><v>x</v></c>'
      )(p);
    },
    "fast",
  ],
  [
    "phonetic runs and rich text in shared strings, _x000D_ escapes",
    (p) => {
      p["xl/sharedStrings.xml"] = p["xl/sharedStrings.xml"].replace(
        "</sst>",
        '<si><t>注音</t><rPh sb="0" eb="1"><t>ちゅう</t></rPh><phoneticPr fontId="1"/></si><si><r><rPr><b/></rPr><t>粗</t></r><r><t xml:space="preserve"> 细_x000D_</t></r></si></sst>'
      );
      const n = (p["xl/sharedStrings.xml"].match(/<si>/g) ?? []).length;
      extraRow(`<c r="A40" t="s"><v>${n - 2}</v></c><c r="B40" t="s"><v>${n - 1}</v></c>`)(p);
    },
    "fast",
  ],
  [
    'a hidden, protected (sheet="true") second sheet',
    (p) => {
      p["xl/worksheets/sheet2.xml"] = p[SHEET].replace(
        "</sheetData>",
        '</sheetData><sheetProtection sheet="true"/>'
      );
      p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(
        "</sheets>",
        '<sheet name="备份 &amp; 旧表" sheetId="7" state="hidden" r:id="rId99"/><sheet name="备份二" sheetId="8" state="veryHidden" r:id="rId98"/></sheets>'
      );
      p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'
      );
    },
    "either",
  ],
  [
    "a hidden, protected second sheet",
    (p) => {
      p["xl/worksheets/sheet2.xml"] = p[SHEET].replace(
        "</sheetData>",
        '</sheetData><sheetProtection sheet="1" objects="1"/>'
      );
      p["xl/workbook.xml"] = p["xl/workbook.xml"].replace(
        "</sheets>",
        '<sheet name="备份" sheetId="7" state="hidden" r:id="rId99"/></sheets>'
      );
      p["xl/_rels/workbook.xml.rels"] = p["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'
      );
    },
    "fast",
  ],
  [
    "a shared formula and its copies",
    extraRow(
      '<c r="A40"><f t="shared" ref="A40:C40" si="0">D6*2</f><v>275.7</v></c><c r="B40"><f t="shared" si="0"/><v>275.7</v></c><c r="C40"><f t="shared" si="0"/><v>275.7</v></c>'
    ),
    "either",
  ],
  [
    "an empty unstyled cell outside any merged area",
    extraRow('<c r="A40"/><c r="B40"><v>1</v></c>'),
    "either",
  ],
  [
    "hyperlinks",
    (p) => {
      p[SHEET] = p[SHEET].replace(
        "</sheetData>",
        '</sheetData><hyperlinks><hyperlink ref="A1" location="附件1!A2"/></hyperlinks>'
      );
    },
    "either",
  ],
  [
    "overlapping merged areas (ExcelJS cannot load them)",
    (p) => {
      p[SHEET] = p[SHEET].replace(
        /<mergeCell ref="A1:I1"\/>/,
        '<mergeCell ref="A1:I1"/><mergeCell ref="B1:C2"/>'
      );
    },
    "declined",
  ],
  [
    "a malformed sheet",
    (p) => {
      p[SHEET] = p[SHEET].replace('<row r="2"', '<row r="2" <');
    },
    "declined",
  ],
  [
    "an undefined entity",
    extraRow('<c r="A40" t="inlineStr"><is><t>&nbsp;</t></is></c>'),
    "declined",
  ],
];

describe("package variants", () => {
  it.each(VARIANTS)("%s", async (_name, edit, expected) => {
    const bytes = await variant(edit);
    let answer: string;
    try {
      answer = await compare(bytes);
    } catch (e) {
      // both refuse: fine; only the direct reader reading it would be wrong (compare throws then too)
      if (readWorkbookFast(bytes, inflate)) throw e;
      answer = "declined";
    }
    if (expected !== "either") expect(answer).toBe(expected);
  });
});
