// What a copy rebuilt by ExcelJS would lose (the fallback when the package cannot be patched) must be said, not
// lost silently; the patched copy (fix, the web page's 下载) keeps it.
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
  it("jixiao fix patches the package: the chart is kept as it was, so there is nothing to warn about", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lost-"));
    const input = path.join(dir, "with-chart.xlsx");
    const original = await withParts(["xl/charts/chart1.xml"]);
    fs.writeFileSync(input, original);
    const out: string[] = [];
    const err: string[] = [];
    const fixed = path.join(dir, "fixed.xlsx");
    const code = await main(["fix", input, "-o", fixed, "-p", "xicheng"], {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
    });
    expect(code).toBe(0);
    expect(err.join("\n")).not.toContain("不会保留");
    const chart = await (
      await JSZip.loadAsync(fs.readFileSync(fixed))
    )
      .file("xl/charts/chart1.xml")
      ?.async("string");
    expect(chart).toBe("<x/>");
    expect(new Uint8Array(fs.readFileSync(input))).toEqual(original);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
