// `jixiao check`: what a finance bureau sees when it checks every unit's submission at once.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { describeShared, SHARED_FIXTURES } from "./support/shared";

const SAMPLES = path.resolve(__dirname, "../assets/samples");
const sample = (name: string) => path.join(SAMPLES, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("jixiao check on the bundled samples", () => {
  it("the seed form: exit 0, total, grade and the summary sentence in Chinese", async () => {
    const r = await run("check", sample("xicheng-kepu-2024.xlsx"), "--profile", "xicheng");
    expect(r.code).toBe(0);
    expect(r.out).toContain("自评得分89.45分，绩效级别为“良好”");
    expect(r.out).toContain("错误 0 项，警告 0 项");
  });

  it("the form with mistakes: exit 1 and every error with its cell", async () => {
    const r = await run("check", sample("xicheng-kepu-2024-errors.xlsx"), "--profile", "xicheng");
    expect(r.code).toBe(1);
    for (const cell of ["I6", "H15", "I17", "H22", "H25", "H26", "G28", "H28"])
      expect(r.out).toMatch(new RegExp(`\\b${cell}\\s`));
    expect(r.out.indexOf("【错误】")).toBeLessThan(r.out.indexOf("【警告】"));
  });

  it("--json prints the public contract", async () => {
    const r = await run(
      "check",
      sample("xicheng-kepu-2024.xlsx"),
      "--profile",
      "xicheng",
      "--json"
    );
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      sheet: "附件1",
      profile: "xicheng",
      project: { name: "全区科普经费项目", moneyUnit: "万元", year: "2024" },
      budget: {
        weight: 10,
        adjusted: 137.85,
        executed: 137.85,
        rate: 100,
        score: { written: 10, rule: 10 },
        cells: { rate: "H6", score: "I6" },
      },
      total: { weight: 100, written: 89.45, computed: 89.45, suggested: 89.45, cell: "H28" },
      grade: { label: "良好" },
      summary: { parts: { 预算执行: 10, 项目产出: 50.45, 项目效益: 24.6, 服务对象满意度: 4.4 } },
      findings: [],
    });
    expect(j.groups).toEqual(
      expect.arrayContaining([
        { name: "产出指标", level: 1, weight: 55, score: { written: 50.45, rule: 50.45 } },
      ])
    );
  });

  it("several files: a JSON array, one object per file, exit 1 when any has errors", async () => {
    const r = await run(
      "check",
      sample("xicheng-kepu-2024.xlsx"),
      sample("xicheng-kepu-2024-errors.xlsx"),
      "-p",
      "xicheng",
      "--json"
    );
    const j = JSON.parse(r.out);
    expect(j).toHaveLength(2);
    expect(
      j[1].findings.filter((f: { severity: string }) => f.severity === "error").length
    ).toBeGreaterThanOrEqual(8);
    expect(r.code).toBe(1);
  });

  it("--sheet picks the sheet; a missing one is named", async () => {
    const ok = await run(
      "check",
      sample("xicheng-kepu-2024.xlsx"),
      "-p",
      "xicheng",
      "--sheet",
      "附件1"
    );
    expect(ok.code).toBe(0);
    const missing = await run(
      "check",
      sample("xicheng-kepu-2024.xlsx"),
      "-p",
      "xicheng",
      "--sheet",
      "附件9"
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("没有名为“附件9”的工作表");
  });
});

describe("jixiao check on bad input: a clear message, exit 2, no stack trace", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-"));
  });
  it("a missing file", async () => {
    const r = await run("check", path.join(dir, "nope.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法打开文件");
    expect(r.err).not.toMatch(/\bat .*\.js:\d+/);
  });
  it("a file that is not a workbook", async () => {
    const f = path.join(dir, "notes.xlsx");
    fs.writeFileSync(f, "这不是工作簿");
    const r = await run("check", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法读取");
  });
  it("a workbook without an indicator table", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("报告").getCell("A1").value =
      "西城区科协2024年全区科普经费项目支出绩效评价报告";
    const f = path.join(dir, "report-only.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await run("check", f);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有找到绩效指标表");
  });
  it("an unknown profile lists the known ones", async () => {
    const r = await run("check", sample("xicheng-kepu-2024.xlsx"), "--profile", "shanghai");
    expect(r.code).toBe(2);
    expect(r.err).toContain("central、xicheng、hubei、sichuan");
  });
  it("no command prints the usage", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.out).toContain("用法");
  });
});

describeShared("jixiao check on the shared fixtures", () => {
  it("errors fixture exits 1; seed exits 0", async () => {
    expect(
      (
        await run(
          "check",
          path.join(SHARED_FIXTURES, "xicheng-kepu-2024-errors.xlsx"),
          "-p",
          "xicheng"
        )
      ).code
    ).toBe(1);
    expect(
      (await run("check", path.join(SHARED_FIXTURES, "xicheng-kepu-2024.xlsx"), "-p", "xicheng"))
        .code
    ).toBe(0);
  });
});

describe("the command line's options", () => {
  const seed = sample("xicheng-kepu-2024.xlsx");

  it("-- ends the options: a file named --json after it is checked, not taken for the flag", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-"));
    fs.copyFileSync(seed, path.join(dir, "--json"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run("check", "--profile", "xicheng", "--", "--json");
      expect(r.code).toBe(0);
      expect(r.out).toContain("■ --json · 工作表“附件1”");
      expect(r.out).toContain("自评得分89.45分");
      // without --, the same word is the flag and no file is left to check
      const flag = await run("check", "--profile", "xicheng", "--json");
      expect(flag.code).toBe(2);
      // with --json even a usage error is JSON, on stdout
      expect(JSON.parse(flag.out).error).toBe("请指定要检查的 .xlsx 文件。");
    } finally {
      process.chdir(cwd);
    }
  });

  it("an unknown option is named in Chinese, with the usage, exit 2", async () => {
    for (const option of ["--jsno", "-x"]) {
      const r = await run("check", seed, option);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`不认识的选项：${option}`);
      expect(r.err).toContain("用法");
      expect(r.out).toBe("");
    }
  });

  it("an option without its value is named as typed, even when the next word is another option", async () => {
    const atEnd = await run("check", seed, "--profile");
    expect(atEnd.code).toBe(2);
    expect(atEnd.err).toContain("--profile 后面需要一个值。");
    const beforeFlag = await run("check", seed, "-p", "--json");
    expect(beforeFlag.code).toBe(2);
    expect(JSON.parse(beforeFlag.out).error).toBe("-p 后面需要一个值。");
    const output = await run("fix", seed, "-o");
    expect(output.code).toBe(2);
    expect(output.err).toContain("-o 后面需要一个值。");
  });

  it("a value given to a switch is refused", async () => {
    const r = await run("check", seed, "--json=yes");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--json 不带值");
  });

  it("--profile=NAME and -p NAME choose the same rules as --profile NAME", async () => {
    for (const flags of [["--profile=xicheng"], ["-p", "xicheng"]]) {
      const r = await run("check", seed, ...flags);
      expect(r.code).toBe(0);
      expect(r.out).toContain("规则：北京市西城区");
    }
  });
});

describe("jixiao rules", () => {
  it("lists every rule with its title; one code gives its docs, source and messages", async () => {
    const all = await run("rules");
    expect(all.code).toBe(0);
    expect(all.out).toContain("SCORE_RULE  定量指标得分不符合计分规则");
    expect(all.out).toContain("NUMBER_AS_TEXT  数字存成了文本");
    const one = await run("rules", "budget_rate");
    expect(one.out).toMatch(/^BUDGET_RATE {2}预算执行率写错/);
    expect(one.out).toContain("依据：SPEC §4");
    expect(one.out).not.toContain("SCORE_RULE");
  });
  it("--json prints the rule's metadata and messages", async () => {
    const r = await run("rules", "WEIGHT_TOTAL", "--json");
    expect(JSON.parse(r.out)).toMatchObject({
      code: "WEIGHT_TOTAL",
      severity: "error",
      messages: [{ id: "notTotal" }, { id: "totalRowDiffers" }],
    });
  });
  it("an unknown code is a usage error naming the codes there are (exit 2)", async () => {
    const r = await run("rules", "NO_SUCH_CODE");
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有代码为“NO_SUCH_CODE”的规则");
  });
});
