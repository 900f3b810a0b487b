// Issue 9: a form on a hidden sheet is not checked, written or reported behind the user's back. `check`, `fix` and
// `report` all name the sheet as hidden (the same sentence) unless --sheet names it; then they work as usual.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Output } from "../src/cli/main";
import { Grid } from "../src/core/grid";
import { buildSeedForm } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hidden-"));
  input = path.join(dir, "隐藏.xlsx");
  // the blank-total seed (something to write) on a hidden sheet 附件1, behind a visible 说明 sheet
  const { workbook, layout } = buildSeedForm({ variant: "blankTotal" });
  const form = workbook.sheets.find((g) => g.sheet === layout.sheet)!;
  const hidden = new Grid(form.sheet, { merges: form.merges, hidden: true });
  for (let r = 1; r <= form.rows; r++)
    for (let c = 1; c <= form.cols; c++) {
      const cell = form.get(r, c);
      if (cell) hidden.set(r, c, cell);
    }
  const note = Grid.fromRows("说明", [["请填写附件1"]]);
  fs.writeFileSync(input, await gridsToXlsx({ sheets: [note, hidden] }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Output = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const HIDDEN =
  "自评表所在的工作表“附件1”是隐藏的：请在 Excel 中取消隐藏，或用 --sheet 附件1 指定后再试。";

it("check, fix and report refuse a form on a hidden sheet with the same message, writing nothing", async () => {
  const check = await cli("check", input, "--profile", "xicheng");
  expect(check).toMatchObject({ code: 2, err: `${input}：${HIDDEN}` });

  const output = path.join(dir, "写回.xlsx");
  const fix = await cli("fix", input, "-o", output, "--profile", "xicheng");
  expect(fix).toMatchObject({ code: 2, out: "", err: `${input}：${HIDDEN}` });
  expect(fs.existsSync(output)).toBe(false);

  const report = await cli("report", input, "--profile", "xicheng");
  expect(report).toMatchObject({ code: 2, out: "", err: `${input}：${HIDDEN}` });
});

it("fix writes into the hidden sheet when --sheet names it", async () => {
  const output = path.join(dir, "指定.xlsx");
  const fix = await cli("fix", input, "-o", output, "--profile", "xicheng", "--sheet", "附件1");
  expect(fix.code).toBe(0);
  expect(fix.out).toContain("工作表“附件1”");
  expect(fs.existsSync(output)).toBe(true);
  // the written file still holds the form on its hidden sheet: check needs --sheet for it too
  expect((await cli("check", output, "--profile", "xicheng")).err).toBe(`${output}：${HIDDEN}`);
});
