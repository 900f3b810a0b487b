/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The web version keeps nothing it cannot keep and loses nothing: the focus on 检查 after opening, settings said
// to live in this browser, a finding shows its row, 已修改，尚未下载 until downloaded, the guard before 打开其他文件
// and the tab closing, a download of an unchanged workbook says so; bad files get one sentence.
import "./polyfills";
import "@testing-library/jest-dom";
import * as fs from "node:fs";
import * as path from "node:path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Shell } from "../../src/taskpane/App";
import { WebApp } from "../../src/taskpane/WebApp";
import * as download from "../../src/taskpane/services/download";
import { openedDialog } from "./render";

const SAMPLES = path.resolve(__dirname, "../../assets/samples");
const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));

function renderWeb() {
  const user = userEvent.setup({ applyAccept: false });
  const view = render(
    <Shell>
      <WebApp />
    </Shell>
  );
  const input = () => view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
  return { user, input, ...view };
}

const xlsx = (bytes: Uint8Array | string, name: string) =>
  new File([bytes as BlobPart], name, { type: download.XLSX_MIME });

/** Dispatches beforeunload as the browser does when the tab closes: true when the page asked to stay. */
function closingIsHeldBack(): boolean {
  const e = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

// ExcelJS in jsdom on a shared 2-core machine: one walk through the page takes minutes
jest.setTimeout(400_000);

beforeEach(() => localStorage.clear());

test("open, check, write back: nothing is lost without a warning, downloads are confirmed", async () => {
  const spy = jest.spyOn(download, "downloadBytes").mockImplementation(() => undefined);
  const { user, input } = renderWeb();
  await user.upload(input(), xlsx(sample("xicheng-kepu-2024-errors.xlsx"), "自评表.xlsx"));
  // the picker that had the focus is gone: it goes to the next step, not to the page
  const checkButton = await screen.findByRole("button", { name: "检查" }, { timeout: 15000 });
  await waitFor(() => expect(checkButton).toHaveFocus());

  // an unchanged workbook: nothing to download, said so; 仍要下载 still gives the copy
  await user.click(screen.getByRole("button", { name: "下载" }));
  expect(await screen.findByText("工作簿没有修改")).toBeInTheDocument();
  expect(spy).not.toHaveBeenCalled();
  expect(closingIsHeldBack()).toBe(false);

  await user.selectOptions(screen.getByRole("combobox", { name: "评分规则" }), "xicheng");
  await user.click(checkButton);
  await screen.findByRole("heading", { name: "检查结果" }, { timeout: 15000 });

  // settings are this browser's, for this file name, not the workbook's
  await user.click(screen.getByRole("button", { name: /调整评分规则/ }));
  expect(
    await screen.findByText(/设置保存在本浏览器中，只用于名为“自评表.xlsx”的文件/)
  ).toBeInTheDocument();

  // no worksheet to select here: a finding shows its row (H15 of the form: 5.6 written)
  const h15 = screen.getByRole("button", { name: /单元格 附件1!H15：/ });
  expect(h15).toHaveAttribute("title", "显示此单元格所在的行");
  await user.click(h15);
  const rowView = screen.getByLabelText("第 15 行的内容");
  expect(within(rowView).getByText("H15").nextSibling).toHaveTextContent("5.6");

  await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
  const dialog = await openedDialog();
  await user.click(within(dialog).getByRole("checkbox", { name: "确认覆盖 H28" }));
  await within(dialog).findByRole("cell", { name: "H28" });
  await user.click(within(dialog).getByRole("button", { name: "确认写回" }));
  await screen.findByText(/已写入 1 个单元格/, {}, { timeout: 15000 });

  // changed and not downloaded: the bar, the guard, the browser's prompt
  expect(await screen.findByText("已修改，尚未下载")).toBeInTheDocument();
  expect(closingIsHeldBack()).toBe(true);
  await user.click(screen.getByRole("button", { name: "打开其他文件" }));
  const guard = await screen.findByRole("alertdialog", { name: "修改尚未下载" });
  expect(guard).toHaveFocus();
  await user.click(within(guard).getByRole("button", { name: "取消" }));
  expect(screen.getByRole("heading", { name: "检查结果" })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "下载修改后的文件" }));
  expect(spy).toHaveBeenCalledTimes(1);
  expect(spy.mock.calls[0][1]).toBe("自评表-已修正.xlsx");
  expect(await screen.findByText(/“自评表-已修正.xlsx”已交给浏览器下载/)).toBeInTheDocument();
  expect(screen.queryByText("已修改，尚未下载")).toBeNull();
  expect(closingIsHeldBack()).toBe(false);

  // downloaded: 打开其他文件 goes straight to the picker
  await user.click(screen.getByRole("button", { name: "打开其他文件" }));
  expect(await screen.findByRole("button", { name: "选择 .xlsx 文件" })).toBeInTheDocument();
  spy.mockRestore();
});

test("empty, renamed and broken files: one sentence each, no 。。 and no advice about the add-in", async () => {
  const { user, input } = renderWeb();
  const cases: [Uint8Array | string, string, RegExp][] = [
    [new Uint8Array(), "空.xlsx", /^文件为空（0 字节），不是有效的 .xlsx 工作簿。$/],
    ["名称,分值\n产出,50\n", "改名.xlsx", /^这是文本文件（例如 CSV），不是有效的 .xlsx 工作簿/],
    [sample("xicheng-kepu-2024.xlsx").slice(0, 2000), "损坏.xlsx", /不是有效的 .xlsx 工作簿/],
  ];
  for (const [bytes, name, expected] of cases) {
    await user.upload(input(), xlsx(bytes, name));
    const title = await screen.findByText("无法打开文件");
    const text = title.parentElement!.textContent!.replace("无法打开文件", "");
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/。。|加载项/);
    expect(text.match(/。/g)).toHaveLength(1);
  }
});

test("a workbook without a table says so when opened, with the sheet chooser", async () => {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("说明").getCell("A1").value = "填表说明";
  wb.addWorksheet("数据").getCell("A1").value = "项目名称";
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const { user, input } = renderWeb();
  await user.upload(input(), xlsx(bytes, "无表.xlsx"));
  // before any 检查: the reason, and every sheet to choose from
  expect(await screen.findByText("没有找到绩效指标表", {}, { timeout: 15000 })).toBeInTheDocument();
  const chooser = screen.getByRole("combobox", { name: "工作表" });
  expect(
    within(chooser)
      .getAllByRole("option")
      .map((o) => o.textContent)
  ).toEqual(["请选择…", "说明", "数据"]);
  fireEvent.change(chooser, { target: { value: "数据" } });
  await waitFor(() =>
    expect(screen.getByText("没有找到绩效指标表").parentElement).toHaveTextContent(/^[^（]*“数据”/)
  );
});
