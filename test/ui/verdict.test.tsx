/** @jest-environment jsdom */
// Issue 10 in the pane over a fake host: the verdict before anything else, the preview that tells the whole story,
// and (issue 12) no download offered where the task pane cannot download (Mac, iPad), 复制报告全文 instead.
import "./polyfills";
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { buildSeedWorkbook } from "../../scripts/samples/seedForm";
import * as download from "../../src/taskpane/services/download";
import { FakeHost } from "./fakeHost";
import { openedDialog, renderPane } from "./render";

const XICHENG = { profileId: "xicheng" };

// Fluent, the engine and jsdom on a shared 2-core machine: a walk through the pane takes minutes
jest.setTimeout(400_000);

async function check(user: ReturnType<typeof renderPane>["user"]) {
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  return screen.findByRole("heading", { name: "检查结果" });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("the verdict comes first: 9 项错误、2 项警告, a jump to the list, the findings before 写回与报告", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), { settings: XICHENG });
  const { user } = renderPane(host);
  const findingsTitle = await check(user);

  // the 8 mistakes of the errors sample make 9 errors (H28's total is both wrong and off the scores) and 2 warnings
  const verdict = screen.getByRole("region", { name: "检查结论" });
  expect(within(verdict).getByRole("heading")).toHaveTextContent(/^9 项错误、2 项警告$/);
  expect(within(verdict).getByText(/总分和等级要在更正后才作数/)).toBeInTheDocument();
  // before the totals, the findings and the write-back, in reading order
  const order = [
    verdict,
    screen.getByText("表中总分"),
    findingsTitle,
    screen.getByRole("heading", { name: "写回与报告" }),
  ];
  for (let i = 1; i < order.length; i++)
    expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING
    );

  await user.click(within(verdict).getByRole("button", { name: "查看问题清单" }));
  expect(findingsTitle).toHaveFocus();
});

test("a form without errors: 未发现错误, the grade stands, and the preview writes it where the user says", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "seed" }), { settings: XICHENG });
  const { user } = renderPane(host);
  await check(user);
  const verdict = screen.getByRole("region", { name: "检查结论" });
  expect(within(verdict).getByRole("heading")).toHaveTextContent(/^未发现错误/);
  expect(screen.queryByText("待更正后评定")).toBeNull();
  const summary = screen.getByText("表中总分").closest("section")!;
  expect(within(summary).getByText("良好")).toBeInTheDocument();

  // the seed has no 绩效级别 row: the preview asks for a cell, then shows 良好 with its formula folded away
  await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
  const dialog = await openedDialog();
  expect(within(dialog).getByText("等级不会写入")).toBeInTheDocument();
  await user.type(within(dialog).getByRole("textbox", { name: "等级单元格" }), "I29");
  await user.click(within(dialog).getByRole("button", { name: "写入此单元格" }));
  const grade = (await within(dialog).findByRole("cell", { name: "I29" })).closest("tr")!;
  expect(grade).toHaveTextContent(/（空）\s*→\s*良好公式=IF\(H28>=90/);
  expect(
    within(grade)
      .getByText(/^=IF\(/)
      .closest("details")
  ).not.toHaveAttribute("open");
  expect(within(dialog).getByText("等级写入 I29")).toBeInTheDocument();
});

test("the preview says how many errors stay open, that the total adds up wrong scores, and asks for a grade cell", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), { settings: XICHENG });
  const { user } = renderPane(host);
  await check(user);
  await user.click(screen.getByRole("button", { name: /采用建议值 5.4/ }));
  await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
  const dialog = await openedDialog();
  // 9 errors; the write-back fixes H15 (the suggestion accepted): 8 stay open, H22 H25 H26 among the scores
  expect(within(dialog).getByText("写回后仍有 8 项错误未更正")).toBeInTheDocument();
  expect(within(dialog).getByText(/其中 .*H22、H25、H26.* 的得分仍有错误/)).toBeInTheDocument();
  expect(within(dialog).getByText(/其中 .*的得分仍有错误/).textContent).not.toContain("H15");
  // the errors sample has no 绩效级别 row: the grade is not written unless the user names a cell
  expect(within(dialog).getByText("等级不会写入")).toBeInTheDocument();

  // ticking 确认覆盖 keeps the focus on the checkbox (it no longer jumps to the page)
  const box = within(dialog).getByRole("checkbox", { name: "确认覆盖 H28" });
  await user.click(box);
  await within(dialog).findByRole("cell", { name: "H28" });
  expect(within(dialog).getByRole("checkbox", { name: "确认覆盖 H28" })).toHaveFocus();

  // a cell named for the grade: refused with the reason, the weights add up to 101
  await user.type(within(dialog).getByRole("textbox", { name: "等级单元格" }), "i29");
  await user.click(within(dialog).getByRole("button", { name: "写入此单元格" }));
  expect(
    await within(dialog).findByText(/分值合计应为100分，请先更正分值，再写回绩效级别/)
  ).toBeInTheDocument();
  expect(within(dialog).queryByRole("cell", { name: "I29" })).toBeNull();
  expect(host.stored?.choices?.gradeCell).toBe("I29");
});

test("Mac task pane: no 下载 Word (it would do nothing), the reason, and 复制报告全文 as rich and plain text", async () => {
  (globalThis as { Office?: unknown }).Office = { context: { platform: "Mac" } };
  const spy = jest.spyOn(download, "downloadBytes");
  const written: Record<string, string>[] = [];
  // jsdom's Blob has no text(): what was put on the clipboard is read back with a FileReader
  const text = (blob: Blob) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blob);
    });
  class FakeClipboardItem {
    constructor(readonly items: Record<string, Blob>) {}
  }
  (globalThis as { ClipboardItem?: unknown }).ClipboardItem = FakeClipboardItem;
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
  const { user } = renderPane(host);
  // after userEvent.setup(), which puts its own clipboard stub on navigator
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: {
      write: async (items: FakeClipboardItem[]) => {
        const out: Record<string, string> = {};
        for (const [type, blob] of Object.entries(items[0].items)) out[type] = await text(blob);
        written.push(out);
      },
    },
  });
  await check(user);

  expect(screen.queryByRole("button", { name: "下载 Word" })).toBeNull();
  expect(screen.getByText(/Mac 和 iPad 版 Excel 的加载项窗格不能下载文件/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "复制报告全文" }));
  await screen.findByText("已复制报告全文");
  expect(written).toHaveLength(1);
  const title = "全区科普经费项目支出绩效自评报告";
  expect(written[0]["text/html"]).toMatch(new RegExp(`<h1>[^<]*${title}</h1>`));
  expect(written[0]["text/html"]).toContain("<table");
  expect(written[0]["text/plain"]).toContain(title);
  expect(written[0]["text/plain"]).not.toContain("<");
  expect(spy).not.toHaveBeenCalled();
  expect(screen.queryByText(/已开始下载/)).toBeNull();

  // a clipboard that refuses: the pane says so, never that it copied
  (navigator.clipboard as unknown as { write: () => Promise<void> }).write = () =>
    Promise.reject(new Error("NotAllowedError"));
  document.execCommand = () => false;
  await user.click(screen.getByRole("button", { name: "复制报告全文" }));
  expect(await screen.findByText("没有复制")).toBeInTheDocument();
  expect(screen.queryByText("已复制报告全文")).toBeNull();
  spy.mockRestore();
});
