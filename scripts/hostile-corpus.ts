// The hostile-file corpus (issue 9): every file a hostile or unlucky user could hand to `jixiao check`, built
// from scratch into a folder so that no binary blob is committed. Each case says what a user must see: a refusal
// (exit 2, one Chinese sentence containing `says`) or the seed form's own answer (总分 89.45 on 附件1).
// Run: npm run build:cli && node dist/scripts/hostile-corpus.js [folder] (prints the case list).
import { mkdir, writeFile } from "node:fs/promises";
import * as path from "node:path";
import JSZip from "jszip";
import { gridsToWorkbook, gridsToXlsx } from "./samples/gridsToXlsx";
import { buildSeedForm, SEED_SHEET_NAME } from "./samples/seedForm";
import { Grid, toA1 } from "../src/core/grid";

export interface HostileCase {
  name: string;
  /** What the file is, in a few words (the RELIABILITY.md table). */
  what: string;
  file: string;
  /** refused: exit 2 and a message containing `says`; seed: the seed form's answer; finding: exit 1 with `says`. */
  expect: "refused" | "seed" | "finding";
  says?: string;
  /** Takes seconds to build or to read: kept out of `npm test`, run by the bench. */
  slow?: boolean;
}

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

function seedGrid(): { grid: Grid; layout: ReturnType<typeof buildSeedForm>["layout"] } {
  const { workbook, layout } = buildSeedForm();
  return { grid: workbook.sheets[0], layout };
}

async function seedXlsx(
  edit?: (grid: Grid, layout: ReturnType<typeof seedGrid>["layout"]) => void
) {
  const { grid, layout } = seedGrid();
  edit?.(grid, layout);
  return gridsToXlsx({ sheets: [grid] }, { date: FIXED_DATE });
}

/** A tiny xorshift, so that "random bytes" are the same on every run. */
function randomBytes(n: number, seed = 20241129): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) out[i * 2] = text.charCodeAt(i);
  return out;
}

/** An OLE2 compound file header, optionally naming the streams an encrypted .xlsx holds. */
function ole2(encrypted: boolean): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (encrypted) {
    out.set(utf16("EncryptionInfo"), 1024);
    out.set(utf16("EncryptedPackage"), 1152);
  } else out.set(utf16("Workbook"), 1024);
  return out;
}

async function rezip(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void> | void) {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Adds a worksheet part to an ExcelJS-written package (workbook, rels and content types). */
async function addSheet(zip: JSZip, name: string, xml: string, state?: string) {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const part = `xl/worksheets/hostile${name.length}.xml`;
  zip.file(part, xml);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdHostile" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part.slice(3)}"/></Relationships>`
    )
  );
  zip.file(
    "xl/workbook.xml",
    wb.replace(
      "</sheets>",
      `<sheet name="${name}" sheetId="99"${state ? ` state="${state}"` : ""} r:id="rIdHostile"/></sheets>`
    )
  );
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
    )
  );
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

function millionRowSheet(rows: number): string {
  const parts: string[] = [SHEET_HEAD, `<dimension ref="A1:B${rows}"/><sheetData>`];
  for (let r = 1; r <= rows; r++) parts.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

/** Builds every case into `dir` and lists them. `withSlow`: also the cases that take seconds. */
export async function buildHostileCorpus(dir: string, withSlow = false): Promise<HostileCase[]> {
  await mkdir(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const put = async (c: Omit<HostileCase, "file">, data: Uint8Array | string) => {
    const file = path.join(dir, c.name);
    await writeFile(file, data);
    cases.push({ ...c, file });
  };
  const seed = await seedXlsx();

  await put(
    { name: "empty.xlsx", what: "空文件（0 字节）", expect: "refused", says: "文件为空" },
    ""
  );
  await put(
    { name: "random.xlsx", what: "64 KB 随机字节", expect: "refused", says: "已损坏或是其他格式" },
    randomBytes(65536)
  );
  await put(
    { name: "truncated.xlsx", what: "自评表 .xlsx 截去后一半", expect: "refused", says: "不完整" },
    seed.subarray(0, Math.floor(seed.length / 2))
  );
  await put(
    { name: "csv-renamed.xlsx", what: "CSV 改名为 .xlsx", expect: "refused", says: "CSV" },
    "项目名称,全区科普经费项目\n三级指标,分值,得分\n科普活动场次,8,7.2\n"
  );
  const ods = new JSZip();
  ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  ods.file("content.xml", "<office:document-content/>");
  await put(
    {
      name: "ods-renamed.xlsx",
      what: ".ods 改名为 .xlsx",
      expect: "refused",
      says: "OpenDocument",
    },
    await ods.generateAsync({ type: "uint8array" })
  );
  await put(
    { name: "xls-renamed.xlsx", what: ".xls（OLE2）改名为 .xlsx", expect: "refused", says: ".xls" },
    ole2(false)
  );
  await put(
    {
      name: "encrypted.xlsx",
      what: "设置了打开密码的 .xlsx（OLE2 + EncryptionInfo）",
      expect: "refused",
      says: "密码",
    },
    ole2(true)
  );
  const notWorkbook = new JSZip();
  notWorkbook.file("readme.txt", "not a workbook");
  await put(
    {
      name: "zip-not-workbook.xlsx",
      what: "普通 zip 压缩包",
      expect: "refused",
      says: "没有 Excel 工作簿",
    },
    await notWorkbook.generateAsync({ type: "uint8array" })
  );
  await put(
    {
      name: "billion-laughs.xlsx",
      what: "sharedStrings 中的 XML 实体膨胀（billion laughs）",
      expect: "refused",
      says: "实体",
    },
    await rezip(seed, async (zip) => {
      const entities = ['<!ENTITY lol "lol">'];
      for (let i = 1; i < 10; i++)
        entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
      const ss = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
      zip.file(
        "xl/sharedStrings.xml",
        ss.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE lolz [${entities.join("")}]>`)
      );
    })
  );
  await put(
    {
      name: "too-many-entries.xlsx",
      what: "20,000 个 zip 条目",
      expect: "refused",
      says: "部件",
    },
    await rezip(seed, (zip) => {
      for (let i = 0; i < 20000; i++) zip.file(`xl/media/x${i}.bin`, "");
    })
  );
  await put(
    {
      name: "huge-merge.xlsx",
      what: '另一工作表有 <mergeCell ref="A1:XFD1048576"/>',
      expect: "seed",
    },
    await rezip(seed, (zip) =>
      addSheet(
        zip,
        "合并",
        `${SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`
      )
    )
  );
  await put(
    {
      name: "whole-column-merge.xlsx",
      what: "另一工作表合并整列 A:A（A1:A1048576）",
      expect: "seed",
    },
    await rezip(seed, (zip) =>
      addSheet(
        zip,
        "整列",
        `${SHEET_HEAD}<sheetData/><mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells></worksheet>`
      )
    )
  );
  await put(
    {
      name: "score-1e308.xlsx",
      what: "一个得分为 1e308、一个分值为 1e308",
      expect: "finding",
      says: "超出范围",
    },
    await seedXlsx((g, l) => {
      g.set(l.firstIndicatorRow, l.columns.score, { value: 1e308 });
      g.set(l.firstIndicatorRow + 1, l.columns.weight, { value: 1e308 });
    })
  );
  await put(
    {
      name: "budget-1e300.xlsx",
      what: "全年执行数 1e300、全年预算数 1e-300",
      expect: "finding",
    },
    await seedXlsx((g, l) => {
      g.set(l.fundingTotalRow, l.columns.executed, { value: 1e300 });
      g.set(l.fundingTotalRow, l.columns.budget, { value: 1e-300 });
    })
  );
  await put(
    {
      name: "absolute-rels.xlsx",
      what: "关系使用绝对路径（/xl/…，openpyxl 的写法），含批注",
      expect: "seed",
    },
    await absoluteRels()
  );
  await put(
    {
      name: "table-no-style.xlsx",
      what: "Excel 表格没有 tableStyleInfo（LibreOffice 的写法）",
      expect: "seed",
    },
    await tableWithoutStyle()
  );
  await put(
    { name: "hidden-table.xlsx", what: "自评表在隐藏的工作表中", expect: "refused", says: "隐藏" },
    await hiddenTable()
  );
  await mkdir(path.join(dir, "folder.xlsx"), { recursive: true });
  cases.push({
    name: "folder.xlsx",
    what: "文件夹当作文件",
    file: path.join(dir, "folder.xlsx"),
    expect: "refused",
    says: "文件夹",
  });

  if (withSlow) {
    const bomb = new Uint8Array(100 * 1024 * 1024); // 100 MB of zeros deflate to about 100 KB
    await put(
      {
        name: "zip-bomb.xlsx",
        what: "另一工作表解压后 100 MB（压缩炸弹），另有 100 MB 的媒体条目",
        expect: "seed",
        slow: true,
      },
      await rezip(seed, async (zip) => {
        zip.file("xl/media/bomb.bin", bomb);
        await addSheet(zip, "炸弹", SHEET_HEAD + " ".repeat(100 * 1024 * 1024) + "</worksheet>");
      })
    );
    await put(
      {
        name: "million-rows.xlsx",
        what: "另一工作表 1,000,000 行",
        expect: "seed",
        slow: true,
      },
      await rezip(seed, (zip) => addSheet(zip, "明细", millionRowSheet(1_000_000)))
    );
  }
  return cases;
}

async function absoluteRels(): Promise<Uint8Array> {
  const { grid } = seedGrid();
  const wb = gridsToWorkbook({ sheets: [grid] });
  wb.worksheets[0].getCell("A1").note = "openpyxl 写的批注";
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return rezip(bytes, async (zip) => {
    for (const relsPath of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
      const base = relsPath.replace(/_rels\/[^/]*\.rels$/, "");
      const xml = await zip.file(relsPath)!.async("string");
      zip.file(
        relsPath,
        xml.replace(/Target="([^"/][^"]*)"/g, (m, t: string) =>
          /^https?:/.test(t) ? m : `Target="/${path.posix.normalize(base + t)}"`
        )
      );
    }
  });
}

async function tableWithoutStyle(): Promise<Uint8Array> {
  const { grid } = seedGrid();
  const wb = gridsToWorkbook({ sheets: [grid] });
  const ws = wb.addWorksheet("明细");
  ws.addTable({
    name: "明细表",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "项目" }, { name: "金额" }],
    rows: [
      ["科普活动", 10],
      ["科普文章", 5],
    ],
  });
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return rezip(bytes, async (zip) => {
    for (const p of Object.keys(zip.files).filter((p) => /^xl\/tables\/.*\.xml$/.test(p))) {
      const xml = await zip.file(p)!.async("string");
      zip.file(p, xml.replace(/<tableStyleInfo\b[^>]*\/>/, ""));
    }
  });
}

async function hiddenTable(): Promise<Uint8Array> {
  const { grid } = seedGrid();
  const note = new Grid("说明", {});
  note.set(1, 1, { value: "自评表见附件1" });
  const wb = gridsToWorkbook({ sheets: [note, grid] });
  wb.getWorksheet(SEED_SHEET_NAME)!.state = "hidden";
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A1 of the seed's total score, for the tests: the figure a user reads. */
export function seedTotalCell(): string {
  const { layout } = seedGrid();
  return toA1(layout.totalRow, layout.columns.score);
}

if (require.main === module) {
  const dir = process.argv[2] ?? path.join(process.cwd(), "hostile-corpus");
  buildHostileCorpus(dir, true).then(
    (cases) => {
      for (const c of cases) process.stdout.write(`${c.file}\t${c.expect}\t${c.what}\n`);
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  );
}
