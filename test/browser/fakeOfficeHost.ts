// Entry of the fake Office host script the browser test serves in place of office.js: installs the strict fake
// Office + Excel (test/support/fakeExcel.ts) over the workbook the test put in window.__JIXIAO_BOOK__, and
// exposes the fake workbook as window.__fakeBook so the test can look at the selection and the cells.
import { FakeWorkbook, installFakeOffice } from "../support/fakeExcel";
import { gridsFromJson, type SheetJson } from "./gridsJson";
import { evaluateFormula } from "./miniFormula";

const w = window as unknown as {
  __JIXIAO_BOOK__: { sheets: SheetJson[] };
  __fakeBook: FakeWorkbook;
};
const book: FakeWorkbook = FakeWorkbook.fromGrids(gridsFromJson(w.__JIXIAO_BOOK__), {
  evaluate: (sheet, _address, formula) =>
    evaluateFormula(formula, (a) => book.cell(sheet, a)?.value ?? null),
});
installFakeOffice(window, book);
w.__fakeBook = book;
