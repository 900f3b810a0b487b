// 生成报告 a second time on an .xlsx (the web download, `jixiao fix --report`): the patcher replaces the existing
// 自评报告 sheet's part in place — same tab, same part — and every other part stays byte for byte; the undo puts the
// old part back exactly, the user's edits included.
import JSZip from "jszip";
import { analyze } from "../src/core/analyze";
import { replaceNotice, reportPlan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import { WriteRefused } from "../src/core/host";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { readWorkbook } from "../src/xlsx/read";
import { isPatchUndo, patchPlanIntoXlsx, patchUndoIntoXlsx } from "../src/xlsx/patch";

async function parts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir)
      out.set(name, Buffer.from(await zip.files[name].async("uint8array")).toString("base64"));
  return out;
}

async function reportOn(data: Uint8Array, onRepeat: "replace" | "new" = "replace") {
  const book = await readWorkbook(data);
  const a = analyze(
    book.sheets.find((g) => g.sheet === "附件1")!,
    getProfile("xicheng")
  );
  const p = reportPlan(a, book, onRepeat);
  return { p, book, ...(await patchPlanIntoXlsx(data, p, book)) };
}

const REPORT_PART = "xl/worksheets/sheet2.xml";

it("replaces 自评报告 in place: only its part (and styles, workbook.xml's calc flag) change", async () => {
  const original = await gridsToXlsx(buildSeedWorkbook(), { date: new Date(Date.UTC(2025, 0, 1)) });
  const first = await reportOn(original);
  const second = await reportOn(first.data);
  expect(second.p.newSheets[0].replaces?.ours).toBe(true);
  expect((await readWorkbook(second.data)).sheets.map((g) => g.sheet)).toEqual([
    "附件1",
    "自评报告",
  ]);
  const before = await parts(first.data);
  const after = await parts(second.data);
  expect([...after.keys()]).toEqual([...before.keys()]);
  const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
  // the same report on the same form: even its part comes out the same; styles.xml gains the looks again
  expect(changed.filter((k) => k !== "xl/styles.xml")).toEqual(
    changed.includes(REPORT_PART) ? [REPORT_PART] : []
  );
  expect(before.has(REPORT_PART)).toBe(true);
});

it("the user's edit is named before replacing, and the undo gives the edited part back byte for byte", async () => {
  const original = await gridsToXlsx(buildSeedWorkbook(), { date: new Date(Date.UTC(2025, 0, 1)) });
  const first = await reportOn(original);
  // the user completes a draft in Excel (here: in the part's XML)
  const zip = await JSZip.loadAsync(first.data);
  const xml = await zip.file(REPORT_PART)!.async("string");
  const draft = /【待完善】请结合项目组织实施[^<]*/.exec(xml)![0];
  zip.file(REPORT_PART, xml.replace(draft, "本项目由科协牵头实施，组织有序。"));
  const edited = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));

  const second = await reportOn(edited);
  const notice = replaceNotice(second.p.newSheets[0]) ?? "";
  expect(notice).toContain("1 个单元格");
  expect(notice).toContain("可能是您修改或补充的");
  const reread = await readWorkbook(second.data);
  const texts = (g: (typeof reread.sheets)[number]) =>
    Array.from({ length: g.rows }, (_, r) => g.text(r + 1, 1));
  expect(texts(reread.sheets[1])).not.toContain("本项目由科协牵头实施，组织有序。");

  expect(isPatchUndo(second.undo)).toBe(true);
  const undone = await patchUndoIntoXlsx(second.data, second.undo);
  const back = await parts(undone);
  const was = await parts(edited);
  expect(back.get(REPORT_PART)).toBe(was.get(REPORT_PART));
  const g = (await readWorkbook(undone)).sheets[1];
  expect(g.sheet).toBe("自评报告");
  expect(texts(g)).toContain("本项目由科协牵头实施，组织有序。");
});

it("adds 自评报告 (2) when asked for a new sheet; a protected report is refused, nothing written", async () => {
  const original = await gridsToXlsx(buildSeedWorkbook(), { date: new Date(Date.UTC(2025, 0, 1)) });
  const first = await reportOn(original);
  const added = await reportOn(first.data, "new");
  expect((await readWorkbook(added.data)).sheets.map((g) => g.sheet)).toEqual([
    "附件1",
    "自评报告",
    "自评报告 (2)",
  ]);

  const zip = await JSZip.loadAsync(first.data);
  const xml = await zip.file(REPORT_PART)!.async("string");
  zip.file(REPORT_PART, xml.replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>'));
  const locked = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
  await expect(reportOn(locked)).rejects.toThrow(WriteRefused);
  await expect(reportOn(locked)).rejects.toThrow("受保护，无法替换");
});
