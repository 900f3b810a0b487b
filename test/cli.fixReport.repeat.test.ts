// `jixiao fix --report` on a workbook that already holds the 自评报告 of an earlier run: the output replaces it
// (one 自评报告, in place) and says so; the input file is never touched.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { readWorkbook } from "../src/xlsx/read";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-repeat-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

it("a second fix --report replaces 自评报告 and leaves the input as it was", async () => {
  const input = path.join(dir, "表.xlsx");
  fs.writeFileSync(input, await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" })));
  const once = path.join(dir, "一次.xlsx");
  const twice = path.join(dir, "两次.xlsx");
  expect((await cli("fix", input, "-o", once, "--report")).code).toBe(0);
  const onceBytes = fs.readFileSync(once);
  const r = await cli("fix", once, "-o", twice, "--report");
  expect(r.code).toBe(0);
  expect(r.out).toContain("替换工作表“自评报告”");
  expect(r.err).toBe("");
  const book = await readWorkbook(new Uint8Array(fs.readFileSync(twice)));
  expect(book.sheets.map((g) => g.sheet)).toEqual(["附件1", "自评报告"]);
  expect(fs.readFileSync(once).equals(onceBytes)).toBe(true);
});
