// The Office.js gateway under Excel on the web's limits, against the strict fake: 5 MB per response, null values
// beyond 5,000,000 cells, a used range stretched by one formatted far cell. The read stays one sync for a form
// that fits its window and reads a larger one in chunks whose responses stay under the limit.
import { analyze, isTableSheet } from "../src/core/analyze";
import { Grid } from "../src/core/grid";
import { getProfile } from "../src/core/profiles";
import { createExcelHost } from "../src/excel/excelHost";
import { readWorkbookIn } from "../src/excel/read";
import { syntheticForm } from "../bench/syntheticForm";
import {
  fakeContext,
  FakeWorkbook,
  installFakeOffice,
  KEY,
  PAYLOAD_LIMIT,
} from "./support/fakeExcel";
import { bookLines } from "./support/gridDump";

/** A data sheet of rows × columns numbers, built straight into the fake (a Grid of a million cells is slow). */
function addDataSheet(fake: FakeWorkbook, name: string, rows: number, columns: number): void {
  const sheet = fake.addSheet(name);
  for (let r = 1; r <= rows; r++)
    for (let c = 1; c <= columns; c++) sheet.cells.set(KEY(r, c), { value: r * 100 + c });
}

/** The form of 20,000 indicators (rows 1–20,008, columns A:I), a yellow cell at XFC1048576, a 1,000,000-cell sheet. */
function bigBook(): { fake: FakeWorkbook; form: Grid } {
  const form = syntheticForm(20000);
  const fake = FakeWorkbook.fromGrids({ sheets: [form] });
  fake.put("附件1", "XFC1048576", { value: null, fill: "#FFFF00" });
  addDataSheet(fake, "数据", 100000, 10);
  return { fake, form };
}

function syncsSince(fake: FakeWorkbook, from: number) {
  return fake.payloads.slice(from).map((p) => ({
    requestKB: Math.round(p.request / 1024),
    responseKB: Math.round(p.response / 1024),
    ...(p.failed ? { failed: p.failed } : {}),
  }));
}

// one workbook for the tests that only read it: building a million cells takes a while on a busy machine
let shared: { fake: FakeWorkbook; form: Grid };
beforeAll(() => {
  shared = bigBook();
});

describe("the fake models Excel on the web's limits", () => {
  /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load --
     the lint rule does not see the sync awaited through expect(); the loads are the subject here */
  it("a 1,000,000-cell used range does not come back in one response; a far formatted cell stretches getUsedRange()", async () => {
    const { fake } = shared;
    const ctx = fakeContext(fake);
    ctx.workbook.worksheets.getItem("数据").getUsedRange().load("values, formulas");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });

    const ws = ctx.workbook.worksheets.getItem("附件1");
    const stretched = ws.getUsedRange();
    stretched.load("rowCount, columnCount, values");
    const valuesOnly = ws.getUsedRange(true);
    valuesOnly.load("rowCount, columnCount");
    await ctx.sync();
    expect([stretched.rowCount, stretched.columnCount]).toEqual([1048576, 16383]);
    expect(stretched.values).toBeNull(); // more than 5,000,000 cells
    expect([valuesOnly.rowCount, valuesOnly.columnCount]).toEqual([20008, 9]);
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
});

describe("bounded reads", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it("20,000 indicator rows beside a 1,000,000-cell sheet: 4 syncs per check, each response under 5 MB, the whole form read", async () => {
    const { fake, form } = shared;
    fake.activeSheet = "附件1";
    restore = installFakeOffice(globalThis, fake);
    const host = createExcelHost(async () => isTableSheet);

    let from = fake.payloads.length;
    const first = await host.read();
    const firstSyncs = syncsSince(fake, from);
    from = fake.payloads.length;
    const again = await host.read();
    const againSyncs = syncsSince(fake, from);
    console.log(
      "20,000 rows + 1,000,000-cell sheet, syncs per check (KB):",
      JSON.stringify({ first: firstSyncs, again: againSyncs })
    );

    // 1 sync: names, used ranges and rows 1–2,100; then 17,908 rows in chunks of 62,500 / 9 = 6,944 rows: 3 syncs
    expect(firstSyncs).toHaveLength(4);
    expect(againSyncs).toHaveLength(4);
    for (const p of [...firstSyncs, ...againSyncs]) {
      expect(p.failed).toBeUndefined();
      expect(p.responseKB * 1024).toBeLessThan(PAYLOAD_LIMIT);
    }
    const expected = bookLines({ sheets: [form] });
    for (const snapshot of [first, again]) {
      const read = snapshot.book.sheets.find((g) => g.sheet === "附件1")!;
      expect(bookLines({ sheets: [read] })).toEqual(expected);
    }
    const a = analyze(again.book.sheets[0], getProfile("central"));
    expect(a.indicators).toHaveLength(20000);
    // the last indicator (row 20,007): weight 90 / 20,000, and its score (the 20,000th row is of the full kind)
    expect([a.indicators[19999].weight, a.indicators[19999].score]).toEqual([0.0045, 0.0045]);
    // the data sheet is named but not read: no table shows in its window and the form was found
    expect(again.book.sheets.map((g) => [g.sheet, g.rows])).toEqual([
      ["附件1", 20008],
      ["数据", 0],
    ]);
  });

  it("the user on the data sheet: its window, then the other sheets' windows, then the form's rest: 5 syncs", async () => {
    const { fake, form } = shared;
    fake.activeSheet = "数据";
    const from = fake.payloads.length;
    const snapshot = await readWorkbookIn(fakeContext(fake), { merges: true, isTableSheet });
    const syncs = syncsSince(fake, from);
    expect(snapshot.book.sheets.map((g) => [g.sheet, g.rows])).toEqual([
      ["附件1", 20008],
      ["数据", 0],
    ]);
    console.log("user on the 1,000,000-cell sheet, syncs (KB):", JSON.stringify(syncs));
    // 1: names + 数据 rows 1–2,100 (no table); 2: 附件1 rows 1–2,403 (62,500 cells / 26 columns);
    // 3–5: 17,605 rows in chunks of 6,944
    expect(syncs).toHaveLength(5);
    expect(syncs.every((s) => !s.failed)).toBe(true);
    const read = snapshot.book.sheets.find((g) => g.sheet === "附件1")!;
    expect(bookLines({ sheets: [read] })).toEqual(bookLines({ sheets: [form] }));
    expect(snapshot.activeSheet).toBe("数据");
  });

  it("a response over 5 MB (long texts) is read again in halves until each fits, and every cell arrives", async () => {
    const text = "长".repeat(2000); // 6,000 bytes as UTF-8, in values and again in formulas
    const grid = new Grid("说明");
    for (let r = 1; r <= 400; r++) {
      grid.set(r, 1, { value: `${r}${text}` });
      grid.set(r, 2, { value: text });
    }
    const fake = FakeWorkbook.fromGrids({ sheets: [grid] });
    const from = fake.payloads.length;
    const snapshot = await readWorkbookIn(fakeContext(fake), { merges: true, isTableSheet });
    const syncs = syncsSince(fake, from);
    // 1: the window fails (9.6 MB); 2: names and used ranges only; 3: 400 rows fail; 4, 5: 200 rows each (4.8 MB)
    expect(syncs.map((s) => s.failed ?? "ok")).toEqual([
      "ResponsePayloadSizeLimitExceeded",
      "ok",
      "ResponsePayloadSizeLimitExceeded",
      "ok",
      "ok",
    ]);
    const read = snapshot.book.sheets[0];
    expect(read.get(400, 1)?.value).toBe(`400${text}`);
    expect(read.get(1, 2)?.value).toBe(text);
  });

  it("a form that fits its window is still read in one sync when a formatted far cell stretches the used range", async () => {
    const form = syntheticForm(30);
    const fake = FakeWorkbook.fromGrids({ sheets: [new Grid("说明"), form] });
    fake.put("附件1", "XFC1048576", { value: null, fill: "#FFFF00" });
    fake.activeSheet = "附件1";
    const from = fake.payloads.length;
    const snapshot = await readWorkbookIn(fakeContext(fake), {
      merges: true,
      isTableSheet,
      sheetNames: ["说明", "附件1"],
      activeSheet: "附件1",
    });
    expect(fake.payloads.length - from).toBe(1);
    const read = snapshot.book.sheets[1];
    expect(bookLines({ sheets: [read] })).toEqual(bookLines({ sheets: [form] }));
  });
});
