// `jixiao check DIR --summary 汇总.xlsx`: a bureau's folder of submissions, bad files included, into one workbook.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main, type Output } from "../src/cli/main";
import { collectFiles } from "../src/cli/batch";

const SAMPLES = path.resolve(__dirname, "../assets/samples");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
let summaryPath: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-summary-"));
  const inbox = path.join(dir, "报送");
  fs.mkdirSync(path.join(inbox, "二科"), { recursive: true });
  fs.copyFileSync(path.join(SAMPLES, "xicheng-kepu-2024.xlsx"), path.join(inbox, "a-正常.xlsx"));
  fs.copyFileSync(
    path.join(SAMPLES, "xicheng-kepu-2024-errors.xlsx"),
    path.join(inbox, "二科", "b-有错.xlsx")
  );
  fs.copyFileSync(
    path.join(SAMPLES, "xicheng-kepu-2024-blank-total.xlsx"),
    path.join(inbox, "c-未填总分.xlsx")
  );
  fs.writeFileSync(path.join(inbox, "d-损坏.xlsx"), "这不是工作簿");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "本文件没有自评表";
  fs.writeFileSync(path.join(inbox, "e-无表.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
  // never checked: Excel's lock file, a hidden file, something that is not .xlsx
  fs.writeFileSync(path.join(inbox, "~$a-正常.xlsx"), "lock");
  fs.writeFileSync(path.join(inbox, ".隐藏.xlsx"), "hidden");
  fs.writeFileSync(path.join(inbox, "备注.txt"), "note");
  summaryPath = path.join(dir, "汇总.xlsx");
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("collects every .xlsx of the folder and its subfolders, skipping lock and hidden files", async () => {
  const files = (await collectFiles([path.join(dir, "报送")])).map((f) =>
    path.relative(dir, f).split(path.sep).join("/")
  );
  expect(files).toEqual([
    "报送/a-正常.xlsx",
    "报送/c-未填总分.xlsx",
    "报送/d-损坏.xlsx",
    "报送/e-无表.xlsx",
    "报送/二科/b-有错.xlsx",
  ]);
});

describe("a folder with the samples, a corrupt file, a workbook without a table and a subfolder", () => {
  let code: number;
  let json: Record<string, unknown>[];
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const r = await run("check", path.join(dir, "报送"), "--summary", summaryPath, "--json");
    code = r.code;
    json = JSON.parse(r.out);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summaryPath);
  });

  it("exits with the worst file's code (2: a file could not be read) and prints one result per file", () => {
    expect(code).toBe(2);
    expect(json).toHaveLength(5);
  });

  function summaryTable(): Record<string, ExcelJS.CellValue>[] {
    const ws = wb.getWorksheet("汇总")!;
    let header = 0;
    ws.eachRow((row, r) => {
      if (!header && ws.getCell(r, 1).value === "文件") header = r;
    });
    expect(header).toBeGreaterThan(0);
    const names = (ws.getRow(header).values as ExcelJS.CellValue[]).slice(1) as string[];
    const rows: Record<string, ExcelJS.CellValue>[] = [];
    for (let r = header + 1; r <= ws.rowCount; r++)
      rows.push(Object.fromEntries(names.map((n, k) => [n, ws.getCell(r, k + 1).value])));
    return rows;
  }

  const text = (v: ExcelJS.CellValue) =>
    v && typeof v === "object" && "text" in v ? String(v.text) : String(v ?? "");

  it("汇总 has one row per file, the unreadable ones first with their reason", () => {
    const rows = summaryTable();
    expect(rows.map((r) => path.basename(text(r["文件"])))).toEqual([
      "d-损坏.xlsx",
      "e-无表.xlsx",
      "b-有错.xlsx",
      "a-正常.xlsx",
      "c-未填总分.xlsx",
    ]);
    expect(rows[0]["状态"]).toBe("无法读取");
    expect(String(rows[0]["主要问题"])).toContain("不是有效的 .xlsx 工作簿");
    expect(rows[1]["状态"]).toBe("未找到指标表");
    expect(String(rows[1]["主要问题"])).not.toBe("");
    expect(rows[2]["状态"]).toBe("有错误");
  });

  it("the seed form's row: budget 137.85, 执行率 100, total 89.45, 良好", () => {
    const seed = summaryTable().find((r) => text(r["文件"]).endsWith("a-正常.xlsx"))!;
    expect(seed).toMatchObject({
      项目名称: "全区科普经费项目",
      "预算（调整后）": 137.85,
      "执行率（%）": 100,
      表中总分: 89.45,
      按得分合计: 89.45,
      等级: "良好",
      错误: 0,
      状态: "通过",
    });
  });

  it("every form's numbers match `check --json` of that file alone", async () => {
    const rows = summaryTable();
    for (const row of rows) {
      const file = path.resolve(dir, text(row["文件"]));
      const single = await run("check", file, "--json");
      const j = JSON.parse(single.out);
      if (j.error) {
        expect(row["按得分合计"]).toBeNull();
        continue;
      }
      const errors = j.findings.filter((f: { severity: string }) => f.severity === "error");
      const warnings = j.findings.filter((f: { severity: string }) => f.severity === "warning");
      expect(text(row["工作表"])).toBe(j.sheet);
      expect(row["表中总分"]).toBe(j.total.written);
      expect(row["按得分合计"]).toBe(j.total.computed);
      expect(row["按规则建议"]).toBe(j.total.suggested);
      expect(row["等级"]).toBe(j.grade.label);
      expect(row["执行率（%）"]).toBe(j.budget?.rate ?? null);
      expect(row["错误"]).toBe(errors.length);
      expect(row["警告"]).toBe(warnings.length);
    }
  });

  it("the first link opens the file beside the summary; 问题清单 links each finding to its cell", () => {
    const ws = wb.getWorksheet("汇总")!;
    const links: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.hyperlink) links.push(c.hyperlink);
      })
    );
    expect(links).toContain("报送/二科/b-有错.xlsx#'附件1'!H28");
    const problems = wb.getWorksheet("问题清单")!;
    const h15 = [] as string[];
    problems.eachRow((row) => {
      if (text(row.getCell(1).value).endsWith("b-有错.xlsx") && row.getCell(3).value)
        h15.push(String(row.getCell(3).hyperlink));
    });
    expect(h15).toContain("报送/二科/b-有错.xlsx#'附件1'!H15");
  });

  it("frozen header, filter buttons and landscape printing fit to one page wide", () => {
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen" });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
  });

  it("prints a plain progress line per file when stderr is not a terminal", async () => {
    const r = await run("check", path.join(dir, "报送"), "--summary", summaryPath);
    expect(r.err.split("\n").filter((l) => /^\[\d\/5\]/.test(l))).toHaveLength(5);
    expect(r.out).toContain("已生成汇总表");
  });
});

it("a summary that is not .xlsx is a usage error", async () => {
  const r = await run("check", SAMPLES, "--summary", path.join(dir, "汇总.csv"));
  expect(r.code).toBe(2);
  expect(r.err).toContain("汇总表应为 .xlsx 文件");
});
