// Prints the WPS ET object-model calls a check costs (test/support/fakeWps.ts counts every property read, write
// and method call). Each call crosses from the pane into WPS, so the count must not grow with the rows: the
// used range comes back as whole Value2/Formula arrays, formats and merged areas by blocks.
import { Grid } from "../src/core/grid";
import type { EtApplication } from "../src/wps/et";
import { readWorkbookEt } from "../src/wps/read";
import { FakeWorkbook } from "../test/support/fakeExcel";
import { FakeEt } from "../test/support/fakeWps";
import { syntheticForm } from "./syntheticForm";

function callsToRead(grid: Grid): number {
  const fake = new FakeEt(FakeWorkbook.fromGrids({ sheets: [grid] }));
  const before = fake.calls;
  readWorkbookEt(fake.application as EtApplication);
  return fake.calls - before;
}

const counts = [30, 300].map((rows) => {
  const grid = syntheticForm(rows);
  const calls = callsToRead(grid);
  console.log(
    `WPS read ${String(rows).padStart(4)} indicator rows (${grid.rows}×${grid.cols} cells): ${calls} object-model calls`
  );
  return calls;
});
console.log(
  counts[0] === counts[1]
    ? "✓ the call count does not depend on the row count"
    : `✗ the call count grows with the rows (${counts.join(" → ")})`
);
if (counts[0] !== counts[1]) process.exitCode = 1;
