// Issue 9, item 8: `jixiao check` over the hostile-file corpus (built by scripts/hostile-corpus.ts into a temp
// folder). Each file gets exit 2 with one Chinese sentence that says what the file is (no stack trace, no “。。”),
// or the seed form's own answer: 总分 89.45, 良好. The slow cases (zip bomb, million rows) run in the bench.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { buildHostileCorpus, type HostileCase } from "../scripts/hostile-corpus";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
let cases: HostileCase[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
  cases = await buildHostileCorpus(dir);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const byName = (name: string) => {
  const c = cases.find((x) => x.name === name);
  if (!c) throw new Error(`no case ${name}`);
  return c;
};

/** One user-readable sentence: Chinese, no stack frame, no English error class, no doubled full stop. */
function expectCleanMessage(text: string) {
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/\n\s+at |Error:|TypeError|DecimalError|内部错误/);
  expect(text).not.toContain("。。");
}

const REFUSED = [
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
  "hidden-table.xlsx",
  "folder.xlsx",
];

describe("jixiao check over the hostile corpus", () => {
  it.each(REFUSED)("%s: exit 2 with its own Chinese sentence", async (name) => {
    const c = byName(name);
    const r = await run("check", c.file, "--profile", "xicheng");
    expect(r.code).toBe(2);
    expect(r.err).toContain(c.says!);
    expectCleanMessage(r.err);
    expect(r.err.split("\n")).toHaveLength(1);
  });

  it("each refusal names its own cause: no two kinds of file get the same message", async () => {
    const messages = new Set<string>();
    for (const name of REFUSED) {
      const r = await run("check", byName(name).file);
      messages.add(r.err.replace(byName(name).file, "FILE"));
    }
    expect(messages.size).toBe(REFUSED.length);
  });

  it.each([
    "huge-merge.xlsx",
    "whole-column-merge.xlsx",
    "absolute-rels.xlsx",
    "table-no-style.xlsx",
  ])(
    "%s: the form is read and checked as the clean seed form (89.45, 良好, no error)",
    async (name) => {
      const r = await run("check", byName(name).file, "--profile", "xicheng");
      expect(r.code).toBe(0);
      expect(r.out).toContain("工作表“附件1”");
      expect(r.out).toContain("自评得分89.45分，绩效级别为“良好”");
    }
  );

  it("the sheet with a merge over the whole sheet is named as not read, on stderr", async () => {
    const r = await run("check", byName("huge-merge.xlsx").file, "--profile", "xicheng");
    expect(r.err).toContain("未读取工作表“合并”");
    expect(r.err).toContain("A1:XFD1048576");
  });

  it("a score and a weight of 1e308: exit 1, each an “超出范围” finding on its cell, never an internal error", async () => {
    const r = await run("check", byName("score-1e308.xlsx").file, "--profile", "xicheng");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/H13\s+SCORE_RANGE\s+.*得分“1e\+308”超出范围/);
    expect(r.out).toMatch(/G14\s+VALUE_UNPARSED\s+.*分值“1e\+308”超出范围/);
    expectCleanMessage(r.out + r.err);
  });

  it("执行数 1e300 over a budget of 1e-300: the amounts are not taken, the 其中 rows are (a warning on F6)", async () => {
    const r = await run("check", byName("budget-1e300.xlsx").file, "--profile", "xicheng");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/F6\s+FUNDING_SUM/);
    expect(r.out).toContain("执行率100%");
    expectCleanMessage(r.out + r.err);
  });

  it("a hidden table sheet can still be checked when named with --sheet", async () => {
    const r = await run(
      "check",
      byName("hidden-table.xlsx").file,
      "--sheet",
      "附件1",
      "--profile",
      "xicheng"
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("自评得分89.45分");
  });

  it("check --json over every file: one valid JSON result per file, in order, bad files included", async () => {
    // (a folder among the files makes it a batch: jixiao check DIR; files only here)
    const files = cases.filter((c) => c.name !== "folder.xlsx").map((c) => c.file);
    const r = await run("check", ...files, "--json", "--profile", "xicheng");
    expect(r.code).toBe(2);
    const results = JSON.parse(r.out) as { file: string; error?: string; total?: unknown }[];
    expect(results.map((x) => x.file)).toEqual(files);
    for (const [k, c] of cases.filter((x) => x.name !== "folder.xlsx").entries()) {
      if (c.expect === "refused") expect(results[k].error).toContain(c.says!);
      else expect(results[k].error).toBeUndefined();
    }
  });

  it("a usage error with --json is JSON too", async () => {
    const r = await run("check", "--json", "--bogus");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      file: null,
      sheet: null,
      error: "不认识的选项：--bogus",
      findings: [],
    });
  });
});
