// A saved copy (fix, the web page's 下载) is rewritten by ExcelJS: what it cannot carry must be said, not lost silently.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { main } from "../src/cli/main";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { lostPartsWarning, partsLostOnSave, zipEntryNames } from "../src/xlsx/lostParts";

async function withParts(names: string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(
    await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" }))
  );
  for (const n of names) zip.file(n, n.endsWith(".bin") ? new Uint8Array([1, 2, 3]) : "<x/>");
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

describe("parts a saved copy would lose", () => {
  it("lists the zip's entries (an .xlsx holds xl/workbook.xml)", async () => {
    expect(zipEntryNames(await gridsToXlsx(buildSeedWorkbook()))).toContain("xl/workbook.xml");
  });
  it("nothing is lost from a plain form", async () => {
    expect(lostPartsWarning(await gridsToXlsx(buildSeedWorkbook()))).toBeNull();
  });
  it("charts, macros and the add-in's saved settings are named", async () => {
    const data = await withParts([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/vbaProject.bin",
      "xl/webextensions/webextension1.xml",
    ]);
    expect(partsLostOnSave(data)).toEqual([
      "图表（2个）",
      "宏（VBA）",
      "加载项在工作簿中保存的设置",
    ]);
  });
  it("bytes that are not a zip give nothing, never an exception", () => {
    expect(zipEntryNames(new TextEncoder().encode("这不是工作簿"))).toEqual([]);
    expect(partsLostOnSave(new Uint8Array(0))).toEqual([]);
  });
  it("jixiao fix warns, and still writes the new file (the original stays as it was)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lost-"));
    const input = path.join(dir, "with-chart.xlsx");
    const original = await withParts(["xl/charts/chart1.xml"]);
    fs.writeFileSync(input, original);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["fix", input, "-o", path.join(dir, "fixed.xlsx"), "-p", "xicheng"], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    expect(code).toBe(0);
    expect(err.join("\n")).toContain("图表不会保留在另存的新文件中（原文件未改动）");
    expect(fs.existsSync(path.join(dir, "fixed.xlsx"))).toBe(true);
    expect(new Uint8Array(fs.readFileSync(input))).toEqual(original);
  });
});
