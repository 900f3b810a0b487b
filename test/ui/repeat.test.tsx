/**
 * @jest-environment jsdom
 */
// 生成报告 a second time: the pane asks, next to the button, whether to replace the 自评报告 sheet of the first run
// (替换 is the default and has the focus) or add “自评报告 (2)”; it says when that sheet holds the user's edits.
import "./polyfills";
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { Grid } from "../../src/core/grid";
import { buildSeedWorkbook } from "../../scripts/samples/seedForm";
import { cloneGrid, FakeHost } from "./fakeHost";
import { renderPane } from "./render";

expect.extend(toHaveNoViolations);

const XICHENG = { profileId: "xicheng" };

async function checkAndReport(host: FakeHost) {
  const { user } = renderPane(host);
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" });
  await user.click(screen.getByRole("button", { name: "生成报告" }));
  return user;
}

const sheetNames = (host: FakeHost) => host.book.sheets.map((g) => g.sheet);

test("a second 生成报告 asks; 替换 (focused) replaces the sheet in place; 撤销 gives the old one back", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
  const user = await checkAndReport(host);
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect(sheetNames(host)).toEqual(["附件1", "自评报告"]);
  // the user adds a note to the report, then checks again and asks for the report again
  host.grid("自评报告").set(2, 7, { value: "已报局长审阅" });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" });
  await user.click(screen.getByRole("button", { name: "生成报告" }));

  const ask = await screen.findByRole("alertdialog", { name: /已有工作表“自评报告”/ });
  expect(host.apply).toHaveBeenCalledTimes(1); // nothing written before the answer
  expect(ask).toHaveTextContent("1 个单元格（G2）");
  const replace = within(ask).getByRole("button", { name: "替换" });
  await waitFor(() => expect(replace).toHaveFocus());
  await user.keyboard("{Enter}");

  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(2));
  expect(host.apply.mock.calls[1][0].newSheets[0].replaces?.name).toBe("自评报告");
  expect(sheetNames(host)).toEqual(["附件1", "自评报告"]);
  expect(host.cell("自评报告", "G2")).toBeUndefined();
  await screen.findByText(/已替换工作表“自评报告”/);
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "撤销" }));
  await waitFor(() => expect(host.cell("自评报告", "G2")?.value).toBe("已报局长审阅"));
  expect(sheetNames(host)).toEqual(["附件1", "自评报告"]);
});

test("另建新工作表 adds 自评报告 (2); 取消 writes nothing", async () => {
  const book = buildSeedWorkbook({ variant: "blankTotal" });
  book.sheets.push(Grid.fromRows("自评报告", [["我自己写的报告"]]));
  const host = new FakeHost(book, { settings: XICHENG });
  const user = await checkAndReport(host);

  let ask = await screen.findByRole("alertdialog", { name: /已有工作表“自评报告”/ });
  expect(ask).toHaveTextContent("不像是本助手生成的");
  expect(await axe(document.body)).toHaveNoViolations();
  await user.click(within(ask).getByRole("button", { name: "取消" }));
  expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument();
  expect(host.apply).not.toHaveBeenCalled();

  await user.click(screen.getByRole("button", { name: "生成报告" }));
  ask = await screen.findByRole("alertdialog", { name: /已有工作表“自评报告”/ });
  await user.click(within(ask).getByRole("button", { name: "另建新工作表" }));
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect(sheetNames(host)).toEqual(["附件1", "自评报告", "自评报告 (2)"]);
  expect(host.cell("自评报告", "A1")?.value).toBe("我自己写的报告");
  await screen.findByText(/已添加工作表“自评报告 \(2\)”/);
});

test("a 自评报告 the check did not read (Office.js reads only the form at first) is read before asking", async () => {
  const book = buildSeedWorkbook({ variant: "blankTotal" });
  book.sheets.push(Grid.fromRows("自评报告", [["我自己写的报告"], ["第二段"]]));
  const host = new FakeHost(book, { settings: XICHENG });
  // the first read: the other sheet by name only, as src/excel/read.ts returns it on a first check
  host.read.mockImplementationOnce(async () => ({
    book: { sheets: [host.book.sheets[0], new Grid("自评报告")] },
    activeSheet: null,
  }));
  await checkAndReport(host);
  const ask = await screen.findByRole("alertdialog", { name: /已有工作表“自评报告”/ });
  expect(ask).toHaveTextContent("共 2 个非空单元格");
  expect(host.read.mock.calls.length).toBeGreaterThanOrEqual(2);
  expect(host.apply).not.toHaveBeenCalled();
});

test("生成汇总表 a second time asks the same, next to its button; 替换 replaces 汇总", async () => {
  const form = buildSeedWorkbook({ variant: "blankTotal" }).sheets[0];
  const copy = cloneGrid(form, "附件2");
  const host = new FakeHost({ sheets: [form, copy] }, { settings: XICHENG });
  const { user } = renderPane(host);
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" });
  await user.click(screen.getByRole("button", { name: "生成汇总表" }));
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
  expect(sheetNames(host)).toEqual(["附件1", "附件2", "汇总"]);

  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" });
  await user.click(screen.getByRole("button", { name: "生成汇总表" }));
  const ask = await screen.findByRole("alertdialog", { name: /已有工作表“汇总”/ });
  expect(ask).toHaveTextContent("将替换上次生成的工作表“汇总”");
  await user.click(within(ask).getByRole("button", { name: "替换" }));
  await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(2));
  expect(sheetNames(host)).toEqual(["附件1", "附件2", "汇总"]);
  await screen.findByText(/已替换工作表“汇总”/);
});
