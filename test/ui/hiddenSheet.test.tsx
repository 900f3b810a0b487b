/** @jest-environment jsdom */
// Issue 9: a form read from a hidden sheet is named as hidden in the pane too (the CLI refuses it without --sheet).
import "./polyfills";
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import { Grid } from "../../src/core/grid";
import { buildSeedForm } from "../../scripts/samples/seedForm";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./render";

function seedOnSheet(hidden: boolean): Grid {
  const { workbook, layout } = buildSeedForm();
  const form = workbook.sheets.find((g) => g.sheet === layout.sheet)!;
  const grid = new Grid(form.sheet, { merges: form.merges, hidden });
  for (let r = 1; r <= form.rows; r++)
    for (let c = 1; c <= form.cols; c++) {
      const cell = form.get(r, c);
      if (cell) grid.set(r, c, cell);
    }
  return grid;
}

async function paneOver(grid: Grid) {
  const host = new FakeHost({ sheets: [grid] }, { settings: { profileId: "xicheng" } });
  // FakeHost's copy keeps no visibility: this read gives the sheet as the host saw it
  host.read.mockImplementation(async () => ({ book: { sheets: [grid] }, activeSheet: grid.sheet }));
  const { user } = renderPane(host);
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" });
}

it("says the form is on a hidden sheet", async () => {
  await paneOver(seedOnSheet(true));
  expect(screen.getByRole("note")).toHaveTextContent("自评表所在的工作表“附件1”是隐藏的");
});

it("says nothing of the kind for a visible sheet", async () => {
  await paneOver(seedOnSheet(false));
  expect(screen.queryByText(/是隐藏的/)).toBeNull();
});
