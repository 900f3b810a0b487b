// `jixiao fix` and `jixiao report` as a user runs them.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { main, type Output } from "../src/cli/main";
import { Grid } from "../src/core/grid";
import { buildSeedWorkbook, type SeedFormOptions } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { describeShared, SHARED_FIXTURES } from "./support/shared";
import {
  changedCells,
  formulaEngine,
  formulaOf,
  loadExcel,
  sheetFacts,
} from "./support/workbookDump";

const SEED_SENTENCE =
  "全区科普经费项目自评得分89.45分，绩效级别为“良好”。其中：预算执行10分，项目产出50.45分，项目效益24.6分，服务对象满意度4.4分。";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-fix-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function sample(name: string, options: SeedFormOptions): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await gridsToXlsx(buildSeedWorkbook(options)));
  return file;
}

const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));

async function expectFixedBlankTotal(input: string) {
  const out = path.join(dir, `fixed-${path.basename(input)}`);
  const before = bytes(input);
  const r = await cli("fix", input, "-o", out, "--profile", "xicheng");
  expect(r).toMatchObject({ code: 0, err: "" });
  expect(r.out).toContain("H28 总分：（空） → 89.45（公式 =I6+SUM(H13:H27)）");
  expect(r.out).toContain("G29 绩效级别：（空） → 良好（公式 =IF(H28>=90");
  expect(bytes(input)).toEqual(before); // the user's file is not touched
  const a = await loadExcel(before);
  const b = await loadExcel(bytes(out));
  expect(formulaOf(b, "附件1", "H28")).toMatchObject({ result: 89.45 });
  expect(formulaOf(b, "附件1", "G29")).toMatchObject({ result: "良好" });
  // every other cell, merge and sheet unchanged (H29 and I29 are the merged G29)
  expect(changedCells(a, b)).toEqual(["附件1!G29", "附件1!H28", "附件1!H29", "附件1!I29"]);
  expect(sheetFacts(b)).toEqual(sheetFacts(a));
  const engine = formulaEngine(b);
  expect(engine.value("附件1", "H28")).toBeCloseTo(89.45, 10);
  expect(engine.value("附件1", "G29")).toBe("良好");
}

describeShared("jixiao fix / report on the shared fixtures", () => {
  it("fix on the blank-total fixture: H28 89.45, G29 良好, nothing else changed; HyperFormula agrees", async () => {
    await expectFixedBlankTotal(path.join(SHARED_FIXTURES, "xicheng-kepu-2024-blank-total.xlsx"));
  });
  it("report on the seed fixture: the seed's summary sentence", async () => {
    const seed = path.join(SHARED_FIXTURES, "xicheng-kepu-2024.xlsx");
    const md = path.join(dir, "shared-report.md");
    expect((await cli("report", seed, "-o", md, "--profile", "xicheng")).code).toBe(0);
    expect(fs.readFileSync(md, "utf8")).toContain(SEED_SENTENCE);
  });
});

describe("jixiao fix", () => {
  it("on the project's own blank-total sample: H28 89.45, G29 良好, nothing else changed; HyperFormula agrees", async () => {
    await expectFixedBlankTotal(await sample("blank-total.xlsx", { variant: "blankTotal" }));
  });

  it("--values writes numbers and text, --report adds the 自评报告 sheet", async () => {
    const input = await sample("blank-values.xlsx", { variant: "blankTotal" });
    const out = path.join(dir, "values-out.xlsx");
    const r = await cli("fix", input, "-o", out, "--profile", "xicheng", "--values", "--report");
    expect(r.code).toBe(0);
    expect(r.out).toContain("H28 总分：（空） → 89.45\n");
    expect(r.out).toContain("G29 绩效级别：（空） → “良好”");
    expect(r.out).toContain("新建工作表“自评报告”");
    const wb = await loadExcel(bytes(out));
    expect(formulaOf(wb, "附件1", "H28")).toEqual({ value: 89.45 });
    expect(formulaOf(wb, "附件1", "G29")).toEqual({ value: "良好" });
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件1", "自评报告"]);
  });

  it("refuses to overwrite the input file", async () => {
    const input = await sample("same.xlsx", { variant: "blankTotal" });
    const before = bytes(input);
    const r = await cli("fix", input, "-o", input, "--profile", "xicheng");
    expect(r.code).toBe(2);
    expect(r.err).toContain("不会覆盖原文件");
    expect(bytes(input)).toEqual(before);
  });

  it("refuses a non-empty total cell, writes nothing, and says how to confirm", async () => {
    const input = await sample("errors.xlsx", { variant: "errors" });
    const out = path.join(dir, "errors-out.xlsx");
    const r = await cli("fix", input, "-o", out, "--profile", "xicheng");
    expect(r.code).toBe(2);
    expect(r.err).toContain("H28 已有内容“90.1”：确认覆盖后再写回");
    expect(r.err).toContain("--overwrite");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--overwrite --accept-suggested: takes the rules' scores and writes the total they give", async () => {
    const input = await sample("errors2.xlsx", { variant: "errors" });
    const out = path.join(dir, "errors2-out.xlsx");
    const r = await cli(
      "fix",
      input,
      "-o",
      out,
      "--profile",
      "xicheng",
      "--overwrite",
      "--accept-suggested"
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("H15 采用建议得分（“西城科普进行时”公众号发布科普文章）：5.6 → 5.4");
    expect(r.out).toContain("I6 采用建议得分（预算执行）：9.5 → 10");
    expect(r.out).toContain("H28 总分：90.1 → ");
    const wb = await loadExcel(bytes(out));
    const engine = formulaEngine(wb);
    const total = formulaOf(wb, "附件1", "H28").result as number;
    expect(engine.value("附件1", "H28")).toBeCloseTo(total, 10);
    expect(formulaOf(wb, "附件1", "H15")).toEqual({ value: 5.4 });
  });

  it("exit 2 with a message for a file that cannot be read or holds no table", async () => {
    const junk = path.join(dir, "junk.xlsx");
    fs.writeFileSync(junk, "not a workbook");
    const r1 = await cli("fix", junk, "-o", path.join(dir, "x.xlsx"));
    expect(r1.code).toBe(2);
    expect(r1.err).toContain("无法读取");
    const r2 = await cli("fix", path.join(dir, "missing.xlsx"), "-o", path.join(dir, "y.xlsx"));
    expect([r2.code, r2.err]).toEqual([2, expect.stringContaining("无法打开文件")]);
    const notes = path.join(dir, "notes.xlsx");
    fs.writeFileSync(
      notes,
      await gridsToXlsx({ sheets: [Grid.fromRows("说明", [["这里只有说明文字"]])] })
    );
    const r4 = await cli("report", notes, "-o", path.join(dir, "notes.md"));
    expect([r4.code, r4.err]).toEqual([2, expect.stringContaining("没有找到绩效指标表")]);
    const r3 = await cli("fix", await sample("blank.xlsx", { variant: "blankTotal" }));
    expect([r3.code, r3.err]).toEqual([2, expect.stringContaining("-o")]);
  });
});

describe("jixiao report", () => {
  it("writes a Word document holding the report", async () => {
    const input = await sample("seed.xlsx", {});
    const out = path.join(dir, "报告.docx");
    const r = await cli("report", input, "-o", out, "--profile", "xicheng");
    expect(r).toMatchObject({ code: 0, out: `已生成报告：${out}` });
    const zip = await JSZip.loadAsync(bytes(out));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain(SEED_SENTENCE);
  });

  it("writes Markdown, or prints it without -o", async () => {
    const input = await sample("seed-md.xlsx", {});
    const out = path.join(dir, "report.md");
    expect((await cli("report", input, "-o", out, "--profile", "xicheng")).code).toBe(0);
    const md = fs.readFileSync(out, "utf8");
    expect(md).toContain("## 四、绩效评价指标分析");
    expect(md).toContain(SEED_SENTENCE);
    const printed = await cli("report", input, "--profile", "xicheng");
    expect(printed.out.trim()).toBe(md.trim());
  });

  it("refuses an unknown output type", async () => {
    const r = await cli("report", await sample("seed-pdf.xlsx", {}), "-o", path.join(dir, "r.pdf"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("报告文件应为 .docx 或 .md");
  });
});
