// Prints the WPS ET object-model calls a check's read costs (test/support/fakeWps.ts counts every property read,
// write and method call). Each call crosses from the pane into WPS, so there must be none per row or cell: the used
// range comes back as whole Value2/Formula arrays; number formats and merged areas are found by splitting blocks
// from the top in doubling bands (src/wps/read.ts), so rows below the last merge cost nothing: the synthetic
// form (merged title and header rows) costs the same calls at 30, 300 and 3,000 indicator rows.
import { Grid } from "../src/core/grid";
import type { EtApplication } from "../src/wps/et";
import { readWorkbookEt } from "../src/wps/read";
import { FakeWorkbook } from "../test/support/fakeExcel";
import { FakeEt } from "../test/support/fakeWps";
import { syntheticForm } from "./syntheticForm";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";

function callsToRead(grid: Grid): number {
  const fake = new FakeEt(FakeWorkbook.fromGrids({ sheets: [grid] }));
  readWorkbookEt(fake.application as EtApplication);
  return fake.calls;
}

const counts = [30, 300, 3000].map((rows) => {
  const grid = syntheticForm(rows);
  const calls = callsToRead(grid);
  console.log(
    `WPS read ${String(rows).padStart(4)} indicator rows (${grid.rows}×${grid.cols} cells, ${grid.merges.length} merged areas): ${calls} object-model calls`
  );
  return calls;
});
const bounded = counts.every((c) => c === counts[0]);
console.log(
  bounded
    ? `✓ independent of the rows: ${counts[0]} calls at every length`
    : `✗ the call count grows with the rows (${counts.join(" → ")})`
);
if (!bounded) process.exitCode = 1;
const seed = buildSeedWorkbook().sheets[0];
console.log(
  `WPS read of the seed form (${seed.rows}×${seed.cols} cells, ${seed.merges.length} merged areas): ${callsToRead(seed)} object-model calls`
);
