// `jixiao fix` never loses a file: not the input (through a link either), not an existing output, not on a full
// disk; and each refusal says why in its own sentence, exit 2.
import * as fs from "node:fs";
import type * as FsPromises from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";

// the module object itself (an `import * as` copy cannot be spied on): the CLI reads its functions from it
const fsp = jest.requireActual<typeof FsPromises>("node:fs/promises");

let dir: string;
let input: string;
let original: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-safety-"));
  input = path.join(dir, "表.xlsx");
  fs.writeFileSync(input, await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" })));
  original = fs.readFileSync(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  jest.restoreAllMocks();
  expect(fs.readFileSync(input)).toEqual(original); // whatever happened, the input is as it was
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const fix = (out: string, ...more: string[]) =>
  cli("fix", input, "-o", out, "--profile", "xicheng", ...more);

/** Files in the folder other than the ones the tests made on purpose: no temporary file is left behind. */
const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("fix refuses to lose a file", () => {
  it("-o a symbolic link to the input: refused, the input untouched", async () => {
    const link = path.join(dir, "链接.xlsx");
    fs.symlinkSync(input, link);
    const r = await fix(link, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain("就是输入文件");
  });

  it("-o a hard link to the input: refused as well (same device and inode)", async () => {
    const link = path.join(dir, "硬链接.xlsx");
    fs.linkSync(input, link);
    const r = await fix(link, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain("就是输入文件");
  });

  it("an existing -o: refused unless --force, then replaced", async () => {
    const out = path.join(dir, "已有.xlsx");
    fs.writeFileSync(out, "旧内容");
    const r = await fix(out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`输出文件“${out}”已存在，没有覆盖它：换一个文件名，或加 --force 覆盖。`);
    expect(fs.readFileSync(out, "utf8")).toBe("旧内容");
    const forced = await fix(out, "--force");
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });

  it("a folder as FILE, and a folder as -o: each its own sentence", async () => {
    const folder = path.join(dir, "文件夹");
    fs.mkdirSync(folder);
    const r1 = await cli("fix", folder, "-o", path.join(dir, "x.xlsx"));
    expect([r1.code, r1.err]).toEqual([
      2,
      `“${folder}”是一个文件夹，不是 .xlsx 文件：请指定文件夹中的工作簿。`,
    ]);
    const asOut = path.join(dir, "输出.xlsx");
    fs.mkdirSync(asOut);
    const r2 = await fix(asOut);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("是一个文件夹：请在 -o 后写文件名");
  });

  it("disk full: says so, and leaves neither a truncated output nor a temporary file", async () => {
    const out = path.join(dir, "满.xlsx");
    const realWrite = fsp.writeFile;
    jest.spyOn(fsp, "writeFile").mockImplementation(async (file, data) => {
      // half the bytes reach the disk, then it is full
      await realWrite(file, (data as Uint8Array).subarray(0, 100));
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    const r = await fix(out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `磁盘空间不足，无法写入“${out}”：没有生成文件，原文件未改动。请腾出磁盘空间后重试。`
    );
    expect(fs.existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("a failed write leaves an existing output as it was (--force replaces it only once written)", async () => {
    const out = path.join(dir, "保留.xlsx");
    fs.writeFileSync(out, "上一版");
    jest
      .spyOn(fsp, "writeFile")
      .mockRejectedValue(Object.assign(new Error("x"), { code: "ENOSPC" }));
    expect((await fix(out, "--force")).code).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("上一版");
    expect(leftovers()).toEqual([]);
  });
});

describe("report refuses a link to the input too", () => {
  it("-o 报告.docx that is a symbolic link to the input", async () => {
    const link = path.join(dir, "报告.docx");
    fs.symlinkSync(input, link);
    const r = await cli("report", input, "-o", link, "--profile", "xicheng");
    expect(r.code).toBe(2);
    expect(r.err).toContain("就是输入文件");
  });
});

describe("--grade-cell and the output's type", () => {
  it("an address outside A1 … XFD1048576 is a usage error", async () => {
    for (const bad of ["XFE1", "A1048577", "A0", "总分"]) {
      const r = await fix(path.join(dir, `g-${bad}.xlsx`), "--grade-cell", bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--grade-cell “${bad}”不是有效的单元格地址`);
    }
  });

  it("on a form with a 绩效级别 cell, the option is said to be ignored", async () => {
    const r = await fix(path.join(dir, "g-ignored.xlsx"), "--grade-cell", "K40");
    expect(r.code).toBe(0);
    expect(r.err).toContain("--grade-cell K40 被忽略");
    expect(r.out).toContain("G29 绩效级别");
    expect(r.out).not.toContain("K40");
  });

  it("a workbook with macros (.xlsm) is written as .xlsm only", async () => {
    const xlsm = path.join(dir, "宏.xlsm");
    fs.copyFileSync(input, xlsm);
    const r = await cli("fix", xlsm, "-o", path.join(dir, "宏-out.xlsx"), "--profile", "xicheng");
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件应为 .xlsm（与原文件相同）");
  });
});
