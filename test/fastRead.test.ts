// The direct reader (src/xlsx/fastRead.ts) gives the Grids the ExcelJS path gives, or declines (null).
import * as fs from "node:fs";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { readWorkbookFast } from "../src/xlsx/fastRead";
import { readWorkbook } from "../src/xlsx/read";
import { bookLines } from "./support/gridDump";

const SAMPLES = path.resolve(__dirname, "../assets/samples");

async function same(bytes: Uint8Array): Promise<"fast" | "declined"> {
  const fast = readWorkbookFast(bytes, (d) => inflateRawSync(d));
  if (!fast) return "declined";
  const slow = await readWorkbook(bytes);
  expect(bookLines(fast)).toEqual(bookLines(slow));
  expect(fast.sheets.map((g) => [g.sheet, g.hidden, g.mergesKnown, g.merges])).toEqual(
    slow.sheets.map((g) => [g.sheet, g.hidden, g.mergesKnown, g.merges])
  );
  expect(fast.notes).toEqual(slow.notes);
  return "fast";
}

describe("the direct reader gives the ExcelJS path's grids", () => {
  it.each(fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx")))("sample %s", async (f) => {
    expect(await same(new Uint8Array(fs.readFileSync(path.join(SAMPLES, f))))).toBe("fast");
  });
});
