/** @jest-environment jsdom */
// jest-axe on the pane's main states: start, after 检查 (findings, summary, editor open), the write preview, an
// error MessageBar, and the web version's file picker.
import "./polyfills";
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import { WriteRefused } from "../../src/core/host";
import { buildSeedWorkbook } from "../../scripts/samples/seedForm";
import { Shell } from "../../src/taskpane/App";
import { WebApp } from "../../src/taskpane/WebApp";
import { FakeHost } from "./fakeHost";
import { renderPane, openedDialog } from "./render";

expect.extend(toHaveNoViolations);

async function noViolations(root: Element = document.body) {
  expect(await axe(root)).toHaveNoViolations();
}

test("start, after 检查 with the editor open, the preview dialog", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), {
    settings: { profileId: "xicheng" },
    events: true,
  });
  const { user, container } = renderPane(host);
  await screen.findByText("附件1");
  await noViolations(container);

  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" });
  await user.click(screen.getByRole("button", { name: /采用建议值 5.4/ }));
  await user.click(screen.getByRole("button", { name: /调整评分规则/ }));
  await screen.findByRole("button", { name: "保存设置" });
  await noViolations(container);

  await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
  const dialog = await openedDialog();
  await within(dialog).findByRole("checkbox", { name: "确认覆盖 H28" });
  await noViolations(document.body);
});

test("an error MessageBar", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), {
    settings: { profileId: "xicheng" },
    refuse: new WriteRefused("工作表“附件1”受保护：请在“审阅”中撤消工作表保护后再写回。", [
      "附件1!H28",
    ]),
  });
  const { user, container } = renderPane(host);
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  await user.click(await screen.findByRole("button", { name: "写回总分和等级" }));
  await user.click(within(await openedDialog()).getByRole("button", { name: "确认写回" }));
  await screen.findByText("未写入任何单元格");
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  await noViolations(container);
});

test("the web version's file picker", async () => {
  const { container } = render(
    <Shell>
      <WebApp />
    </Shell>
  );
  await screen.findByRole("button", { name: "选择 .xlsx 文件" });
  await noViolations(container);
});
