// Prints the request and response bytes of each user action (check, write with the report sheet, undo) as the
// Office.js gateway sends them through Microsoft's own client library (@microsoft/office-js, excel-web-16.00.js)
// in jsdom, answered from the strict fake by test/support/richApiBridge.ts. Excel on the web refuses more than
// 5 MB in one request or response: every request here must stay under it, whatever the form's size.
import { readFileSync } from "fs";
import { JSDOM } from "jsdom";
import { isTableSheet } from "../src/core/analyze";
import { Grid, parseA1 } from "../src/core/grid";
import type { CellWrite, NewSheet, WritePlan } from "../src/core/writePlan";
import { readWorkbookIn } from "../src/excel/read";
import { applyPlanIn, undoIn } from "../src/excel/write";
import { FakeWorkbook, PAYLOAD_LIMIT } from "../test/support/fakeExcel";
import { OfficeLibrary, RichApiBridge } from "../test/support/richApiBridge";
import { syntheticForm } from "./syntheticForm";

const dom = new JSDOM("<!doctype html><html><body></body></html>", {
  runScripts: "outside-only",
  url: "https://localhost/taskpane.html",
});
dom.window.eval(
  readFileSync(require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js"), "utf8")
);
const lib = dom.window as unknown as OfficeLibrary;

const REPORT: NewSheet = {
  name: "自评报告",
  columnWidths: [14, 30, 12],
  rows: [
    { style: "title", span: 3, cells: [{ value: "项目支出绩效自评报告" }] },
    { style: "body", span: 3, cells: [{ value: "自评得分89.45分，绩效级别为“良好”。" }] },
  ],
};

/** Accepts a suggested score on every indicator row and writes the total, with the report sheet. */
function plan(grid: Grid, rows: number): WritePlan {
  const before = (address: string): CellWrite["before"] => {
    const { row, col } = parseA1(address);
    const c = grid.get(row, col);
    return { value: c?.value ?? null, ...(c?.formula ? { formula: `=${c.formula}` } : {}) };
  };
  const write = (address: string, w: Partial<CellWrite>): CellWrite => ({
    sheet: grid.sheet,
    address,
    value: null,
    purpose: "suggestedScore",
    label: "采用建议值",
    before: before(address),
    ...w,
  });
  const writes = [];
  for (let i = 0; i < rows; i++) writes.push(write(`H${8 + i}`, { value: 1 }));
  writes.push(
    write(`H${8 + rows}`, { formula: `=I6+SUM(H8:H${7 + rows})`, value: 100, purpose: "total" })
  );
  return { sheet: grid.sheet, writes, newSheets: [REPORT], refusals: [] };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let over = false;

async function measure(rows: number, withWrite: boolean): Promise<void> {
  const grid = syntheticForm(rows);
  const fake = FakeWorkbook.fromGrids({ sheets: [new Grid("说明"), grid] });
  fake.activeSheet = grid.sheet;
  const bridge = new RichApiBridge(fake);
  lib.OfficeExtension.HttpUtility.setCustomSendRequestFunc((r) => bridge.answer(r));
  const context = new lib.Excel.RequestContext("https://fake-excel.invalid/");
  const report = (action: string, from: number) => {
    const t = bridge.traffic.slice(from);
    const syncs = t.filter((x) => !x.cleanup).length;
    const request = t.reduce((a, x) => a + x.request, 0);
    const response = t.reduce((a, x) => a + x.response, 0);
    const largest = Math.max(...t.map((x) => Math.max(x.request, x.response)));
    if (largest > PAYLOAD_LIMIT) over = true;
    const each = t.map((x) => `${kb(x.request)} → ${kb(x.response)}`).join(", ");
    console.log(
      `${String(rows).padStart(6)} rows  ${action.padEnd(6)} ${syncs} sync(s) + ${t.length - syncs} release: request ${kb(request).padStart(10)}, response ${kb(response).padStart(10)}, largest ${kb(largest)} (${each})`
    );
  };
  let from = bridge.traffic.length;
  await lib.Excel.run(context, (c) => readWorkbookIn(c, { merges: true, isTableSheet }));
  report("check", from);
  if (!withWrite) return;
  from = bridge.traffic.length;
  const record = await lib.Excel.run(context, (c) =>
    applyPlanIn(c, plan(grid, rows), { fillPattern: true, merges: true })
  );
  report("write", from);
  from = bridge.traffic.length;
  await lib.Excel.run(context, (c) => undoIn(c, record, { fillPattern: true, merges: true }));
  report("undo", from);
}

async function main(): Promise<void> {
  console.log(
    "Office.js requests through @microsoft/office-js (excel-web-16.00.js), per user action:"
  );
  await measure(30, true);
  await measure(2000, true);
  await measure(20000, false);
  console.log(
    over
      ? "✗ a request or response is over Excel on the web's 5 MB"
      : "✓ every request and response under Excel on the web's 5 MB"
  );
  if (over) process.exitCode = 1;
}

void main();
