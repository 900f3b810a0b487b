/** @jest-environment jsdom */
// Profile picker and settings editor: saved with the workbook (host.saveSettings), validated with core's
// validateProfile, unconfirmed settings marked 待确认.
import "./polyfills";
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { buildSeedWorkbook } from "../../scripts/samples/seedForm";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./render";

async function openEditor(user: ReturnType<typeof renderPane>["user"]) {
  await user.click(screen.getByRole("button", { name: /调整评分规则/ }));
  return screen.findByRole("button", { name: "保存设置" });
}

test("the rules are read off the form by default, and changing them saves the choice and re-checks", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }));
  const { user } = renderPane(host);
  const picker = await screen.findByRole("combobox", { name: "评分规则" });
  expect(
    within(picker)
      .getAllByRole("option")
      .map((o) => o.textContent)
  ).toEqual([
    "自动识别（按表中主管部门、分值等）",
    "中央部门（财预〔2020〕10号）",
    "北京市西城区",
    "湖北省",
    "四川省",
  ]);
  expect(picker).toHaveValue("auto"); // nothing stored yet
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  // a form of 北京市西城区 never opens silently under the central rules: the pane says which rules and why
  expect(await screen.findByText(/工作表“附件1” · 北京市西城区/)).toBeInTheDocument();
  expect(
    screen.getByText(/按北京市西城区规则：主管部门为北京市西城区科学技术协会/)
  ).toBeInTheDocument();
  expect(within(picker).getAllByRole("option")[0]).toHaveTextContent("自动识别（北京市西城区）");

  await user.selectOptions(picker, "central");
  await waitFor(() => expect(host.saveSettings).toHaveBeenCalledWith({ profileId: "central" }));
  expect(host.stored).toEqual({ profileId: "central" });
  await waitFor(() =>
    expect(screen.getByText(/工作表“附件1” · 中央部门（财预〔2020〕10号）/)).toBeInTheDocument()
  );
  expect(screen.getByText(/按用户选择的中央部门（财预〔2020〕10号）规则/)).toBeInTheDocument();
});

test("stored settings are loaded: a colleague gets the same profile and overrides", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), {
    settings: {
      profileId: "xicheng",
      overrides: {
        budgetWeight: 10,
        grades: [
          { label: "优", min: 90 },
          { label: "良", min: 85 },
          { label: "中", min: 60 },
          { label: "差", min: 0 },
        ],
      },
    },
  });
  const { user } = renderPane(host);
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: "评分规则" })).toHaveValue("xicheng")
  );
  expect(screen.getByText("已调整")).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  // 89.45 under the colleague's bounds (良 from 85) is 良
  expect(await screen.findByText("良")).toBeInTheDocument();
});

test("the editor: 待确认 marks, validation with validateProfile, save → host.saveSettings with the overrides", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), {
    settings: { profileId: "xicheng" },
  });
  const { user } = renderPane(host);
  await waitFor(() =>
    expect(screen.getByRole("combobox", { name: "评分规则" })).toHaveValue("xicheng")
  );
  const save = await openEditor(user);
  expect(save).toBeDisabled();

  // xicheng marks atMostRule and grades as unconfirmed
  expect(screen.getAllByText("待确认")).toHaveLength(2);
  expect(screen.getByRole("group", { name: /绩效等级.*待确认/ })).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: /反向指标.*待确认/ })).toHaveValue("ratio");

  // a group weight that breaks the 100-point total: core's message, save blocked
  const output = screen.getByRole("textbox", { name: "产出指标" });
  await user.clear(output);
  await user.type(output, "60");
  expect(
    await screen.findByText(/预算执行分值与各类别分值之和为 105，应等于总分值 100/)
  ).toBeInTheDocument();
  expect(save).toBeDisabled();
  await user.clear(output);
  await user.type(output, "55");
  await waitFor(() => expect(screen.queryByText(/设置有误/)).toBeNull());

  // change the grade bound and the ≤ rule, then save
  const goodMin = screen.getAllByRole("textbox", { name: "下限" })[1];
  await user.clear(goodMin);
  await user.type(goodMin, "85");
  await user.selectOptions(screen.getByRole("combobox", { name: /反向指标/ }), "linear");
  const threshold = screen.getByRole("textbox", { name: /执行率低于此值需说明/ });
  await user.clear(threshold);
  await user.type(threshold, "abc");
  expect(screen.getByText("请填写数字")).toBeInTheDocument();
  await user.clear(threshold);
  await user.type(threshold, "95");
  expect(save).toBeEnabled();
  await user.click(save);

  await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
  const saved = host.saveSettings.mock.calls[0][0];
  expect(saved.profileId).toBe("xicheng");
  expect(saved.overrides).toEqual({
    grades: [
      { label: "优秀", min: 90 },
      { label: "良好", min: 85 },
      { label: "中等", min: 60 },
      { label: "较差", min: 0 },
    ],
    atMostRule: "linear",
    reasonBudgetThreshold: 95,
  });
  expect(screen.getByText("已调整")).toBeInTheDocument();

  // 恢复默认 + save drops the overrides
  await user.click(screen.getByRole("button", { name: "恢复默认" }));
  await user.click(screen.getByRole("button", { name: "保存设置" }));
  await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(2));
  expect(host.stored).toEqual({ profileId: "xicheng" });
});

test("放弃修改 and 恢复默认 put the shown values back, typed text included", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), {
    settings: { profileId: "xicheng", overrides: { reasonBudgetThreshold: 95 } },
  });
  const { user } = renderPane(host);
  await waitFor(() => expect(screen.getByText("已调整")).toBeInTheDocument());
  await openEditor(user);
  const output = screen.getByRole("textbox", { name: "产出指标" });
  const threshold = screen.getByRole("textbox", { name: /执行率低于此值需说明/ });
  expect(threshold).toHaveValue("95");

  await user.clear(output);
  await user.type(output, "60");
  expect(await screen.findByText(/设置有误/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "放弃修改" }));
  expect(output).toHaveValue("55");
  expect(screen.queryByText(/设置有误/)).toBeNull();

  // xicheng's own threshold is 100 (%)
  await user.click(screen.getByRole("button", { name: "恢复默认" }));
  expect(threshold).toHaveValue("100");
  expect(screen.getByRole("button", { name: "保存设置" })).toBeEnabled();
});

test("invalid stored overrides: a warning, and the base profile is used", async () => {
  const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), {
    settings: { profileId: "xicheng", overrides: { overAchievementFactor: 0.5 } },
  });
  renderPane(host);
  expect(
    await screen.findByText(
      /工作簿中保存的规则调整无法使用（评分规则设置有误：超额完成倍数应大于 1）/
    )
  ).toBeInTheDocument();
});
