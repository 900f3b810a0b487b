/** @jest-environment jsdom */
// The task pane over a fake WorkbookHost: every button of issue 4 (检查, select, 采用建议值, 写回 + 撤销, 生成报告,
// 下载 Word), the sheet picker and the MessageBar on a refused write.
import "./polyfills";
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeWorkbook } from "../../src/core/analyze";
import { PartialWriteError, WriteRefused } from "../../src/core/host";
import { getProfile } from "../../src/core/profiles";
import { buildSeedForm, buildSeedWorkbook } from "../../scripts/samples/seedForm";
import * as download from "../../src/taskpane/services/download";
import { Shell } from "../../src/taskpane/App";
import { FakeHost } from "./fakeHost";
import { renderPane, openedDialog } from "./render";

const XICHENG = { profileId: "xicheng" };

async function check(user: ReturnType<typeof renderPane>["user"]) {
  await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
  await user.click(screen.getByRole("button", { name: "检查" }));
  return screen.findByRole("heading", { name: "检查结果" });
}

function section(name: string): HTMLElement {
  return screen.getByRole("region", { name });
}

describe("检查", () => {
  test("shows the totals, the grade, a bar per group and the findings grouped by severity", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await check(user);

    const summary = section("全区科普经费项目");
    expect(within(summary).getByText("表中总分").nextSibling).toHaveTextContent("90.1");
    expect(within(summary).getByText("各项得分合计").nextSibling).toHaveTextContent("93.05");
    expect(within(summary).getByText("按规则建议").nextSibling).toHaveTextContent("93.77");
    // 9 errors remain: the grade is provisional, the grade of the scores as they stand only a note
    expect(within(summary).getByText("待更正后评定")).toBeInTheDocument();
    expect(within(summary).getByText(/有 9 项错误，按目前得分暂为“优秀”/)).toBeInTheDocument();
    expect(
      within(summary).getByRole("progressbar", { name: /预算执行：9.5 分，满分 10 分/ })
    ).toBeInTheDocument();
    expect(
      within(summary).getByRole("progressbar", { name: /产出指标：50.65 分，满分 56 分/ })
    ).toBeInTheDocument();
    // the sample's weights add up to 101: the grade is said to be only indicative
    expect(within(summary).getByText("分值合计101分，等级仅供参考")).toBeInTheDocument();

    // as many as core reports, under their severity, with the count
    const { findings } = analyzeWorkbook(host.book, getProfile("xicheng")).analyses[0];
    const count = (s: string) => findings.filter((f) => f.severity === s).length;
    const errors = screen.getByRole("region", { name: /错误/ });
    const warnings = screen.getByRole("region", { name: /警告/ });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(count("error"));
    expect(within(warnings).getAllByRole("listitem")).toHaveLength(count("warning"));
    expect(within(errors).getByText(String(count("error")))).toBeInTheDocument(); // the count badge
    // the 8 mistakes of the errors sample, at their cells
    for (const cell of ["G28", "H15", "I17", "H22", "H25", "H26", "I6", "H28"])
      expect(
        within(errors).getByRole("button", { name: new RegExp(`单元格 附件1!${cell}：`) })
      ).toBeInTheDocument();
  });

  test("a sheet without a table: TABLE_NOT_FOUND in the MessageBar, saying what to do", async () => {
    const { workbook } = buildSeedForm({ sheetsBefore: ["说明"] });
    const host = new FakeHost({ sheets: [workbook.sheets[0]] }, { settings: XICHENG });
    const { user } = renderPane(host);
    await waitFor(() => expect(host.read).toHaveBeenCalled());
    await user.click(screen.getByRole("button", { name: "检查" }));
    const alert = await screen.findByText("没有找到绩效指标表");
    expect(alert.closest("[role=group], div")?.textContent).toMatch(
      /没有找到绩效指标表。工作表“说明”中没有任何绩效指标表头：没有找到“三级指标”/
    );
  });
});

describe("findings", () => {
  test("clicking a finding selects its cell, by mouse and by keyboard", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await check(user);
    await user.click(screen.getByRole("button", { name: /单元格 附件1!H15：/ }));
    await waitFor(() => expect(host.select).toHaveBeenCalledWith("附件1", "H15"));
    expect(screen.getByRole("button", { name: /单元格 附件1!H15：/ })).toHaveAttribute(
      "aria-current",
      "true"
    );

    screen.getByRole("button", { name: /单元格 附件1!I17：/ }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.select).toHaveBeenLastCalledWith("附件1", "I17"));
  });

  test("采用建议值 adds the cell to the write-back, shown in the preview", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await check(user);
    const accept = screen.getByRole("button", { name: /采用建议值 5.4（单元格 H15）/ });
    expect(screen.queryByRole("button", { name: /采用建议值 .*（单元格 H28）/ })).toBeNull(); // the total is not a suggestion to accept
    expect(accept).toHaveAttribute("aria-pressed", "false");
    await user.click(accept);
    // a toggle: the same label, its state in aria-pressed
    expect(accept).toHaveAttribute("aria-pressed", "true");
    expect(accept).toHaveAccessibleName("采用建议值 5.4（单元格 H15）");
    expect(screen.getByText("已采用 1 个建议值，写回时一并写入")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    const dialog = await openedDialog();
    const row = within(dialog).getByRole("cell", { name: "H15" }).closest("tr")!;
    expect(row).toHaveTextContent(/5\.6\s*→\s*5\.4/);
    // the written total is refused until confirmed: 确认覆盖 adds it to the plan
    expect(within(dialog).queryByRole("cell", { name: "H28" })).toBeNull();
    await user.click(within(dialog).getByRole("checkbox", { name: "确认覆盖 H28" }));
    const total = (await within(dialog).findByRole("cell", { name: "H28" })).closest("tr")!;
    // the value people read, the formula on demand
    expect(total).toHaveTextContent(/90\.1\s*→\s*92\.85/);
    expect(within(total).getByText("=I6+SUM(H13:H27)").closest("details")).not.toHaveAttribute(
      "open"
    );

    await user.click(within(dialog).getByRole("button", { name: "确认写回" }));
    await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
    const plan = host.apply.mock.calls[0][0];
    expect(plan.writes.map((w) => w.address).sort()).toEqual(["H15", "H28"]);
    expect(host.cell("附件1", "H15")?.value).toBe(5.4);
  });
});

describe("写回总分和等级", () => {
  test("previews old → new, applies with host.apply, then 撤销 calls host.undo", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await check(user);
    expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("未填");

    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    const dialog = await openedDialog();
    expect(within(dialog).getByText(/将修改工作表“附件1”中的 2 个单元格/)).toBeInTheDocument();
    expect(within(dialog).getByRole("cell", { name: "H28" }).closest("tr")).toHaveTextContent(
      /（空）\s*→\s*89\.45公式=I6\+SUM\(H13:H27\)/
    );
    // the grade as its label; its IF formula folded away
    const grade = within(dialog).getByRole("cell", { name: "G29" }).closest("tr")!;
    expect(grade).toHaveTextContent(/（空）\s*→\s*良好公式=IF\(/);
    expect(host.apply).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole("button", { name: "确认写回" }));
    await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(host.cell("附件1", "H28")).toMatchObject({ value: 89.45, formula: "I6+SUM(H13:H27)" });
    expect(host.cell("附件1", "G29")?.value).toBe("良好");
    await screen.findByText(/已写入 2 个单元格（附件1!H28、附件1!G29）/);
    // re-checked after the write: the total now reads as written
    await waitFor(() =>
      expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("89.45")
    );

    await user.click(await screen.findByRole("button", { name: "撤销" })); // findBy: the modal releases the page a moment after closing
    await waitFor(() => expect(host.undo).toHaveBeenCalledTimes(1));
    expect(host.undo.mock.calls[0][0]).toEqual(await host.apply.mock.results[0].value);
    expect(host.cell("附件1", "H28")?.value ?? null).toBeNull();
    await screen.findByText(/已撤销“写回总分和等级”/);
    await waitFor(() => expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("未填"));
    expect(screen.getByRole("button", { name: "撤销" })).toBeDisabled();
  });

  test("a WriteRefused from the host: MessageBar with the cell and what to do, nothing written", async () => {
    const refused = new WriteRefused(
      "单元格 附件1!H28 在检查后被修改过（现为 88）：请重新点“检查”后再写回。",
      ["附件1!H28"]
    );
    const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), {
      settings: XICHENG,
      refuse: refused,
    });
    const { user } = renderPane(host);
    await check(user);
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    await user.click(within(await openedDialog()).getByRole("button", { name: "确认写回" }));
    expect(await screen.findByText("未写入任何单元格")).toBeInTheDocument();
    expect(
      screen.getByText(/在检查后被修改过（现为 88）：请重新点“检查”后再写回/)
    ).toBeInTheDocument();
    expect(screen.getByText("涉及单元格：附件1!H28")).toBeInTheDocument();
    expect(host.cell("附件1", "H28")?.value ?? null).toBeNull();
    expect(await screen.findByRole("button", { name: "撤销" })).toBeDisabled();
  });
});

describe("写回中途失败", () => {
  test("a write that fails part way says so, and 撤销 puts back what it wrote", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
    const writeAll = host.apply.getMockImplementation()!;
    // the host wrote the cells, then the sync failed: it hands back the undo of what it left
    host.apply.mockImplementationOnce(async (plan) => {
      const record = await writeAll(plan);
      throw new PartialWriteError(
        "写回中途失败（测试）：已写入 2 个单元格（H28、G29），其余未写入。可点“撤销”恢复到写回之前。",
        record
      );
    });
    const { user } = renderPane(host);
    await check(user);
    await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
    await user.click(within(await openedDialog()).getByRole("button", { name: "确认写回" }));
    expect(await screen.findByText("写回中途失败")).toBeInTheDocument();
    expect(host.cell("附件1", "H28")?.formula).toBe("I6+SUM(H13:H27)");

    const undo = await screen.findByRole("button", { name: "撤销" });
    await waitFor(() => expect(undo).toBeEnabled());
    await user.click(undo);
    await waitFor(() => expect(host.undo).toHaveBeenCalledTimes(1));
    expect(host.cell("附件1", "H28")?.value ?? null).toBeNull();
    expect(host.cell("附件1", "G29")?.value ?? null).toBeNull();
  });
});

describe("报告", () => {
  test("生成报告 applies a plan that only adds the 自评报告 sheet; 撤销 removes it", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await check(user);
    await user.click(screen.getByRole("button", { name: "生成报告" }));
    await waitFor(() => expect(host.apply).toHaveBeenCalledTimes(1));
    const plan = host.apply.mock.calls[0][0];
    expect(plan.writes).toEqual([]);
    expect(plan.newSheets.map((s) => s.name)).toEqual(["自评报告"]);
    expect(host.book.sheets.map((g) => g.sheet)).toEqual(["附件1", "自评报告"]);
    await screen.findByText(/已添加工作表“自评报告”/);

    await user.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(host.book.sheets.map((g) => g.sheet)).toEqual(["附件1"]));
  });

  test("下载 Word builds the .docx on demand and downloads it", async () => {
    const spy = jest.spyOn(download, "downloadBytes").mockImplementation(() => undefined);
    const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await check(user);
    await user.click(screen.getByRole("button", { name: "下载 Word" }));
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(1), { timeout: 10000 });
    const [bytes, name, mime] = spy.mock.calls[0];
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip (.docx)
    expect(name).toBe("全区科普经费项目绩效自评报告.docx");
    expect(mime).toBe(download.DOCX_MIME);
    expect(await screen.findByText(/已开始下载/)).toBeInTheDocument();
    spy.mockRestore();
  });
});

describe("工作表", () => {
  test("two sheets with a table: a picker (附件1 first, as a hint); the choice is saved and checked", async () => {
    const a = buildSeedWorkbook({ variant: "errors", sheetName: "科普经费" });
    const b = buildSeedWorkbook({ variant: "blankTotal", sheetName: "附件1" });
    const host = new FakeHost({ sheets: [...a.sheets, ...b.sheets] }, { settings: XICHENG });
    const { user } = renderPane(host);
    const picker = await screen.findByRole("combobox", { name: "工作表" });
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.textContent)
    ).toEqual(["科普经费", "附件1"]);
    await check(user);
    expect(screen.getByText(/工作表“附件1”/)).toBeInTheDocument();
    expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("未填");

    await user.selectOptions(picker, "科普经费");
    await waitFor(() =>
      expect(host.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ sheet: "科普经费" })
      )
    );
    await waitFor(() => expect(screen.getByText(/工作表“科普经费”/)).toBeInTheDocument());
    expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("90.1");
  });

  test("one sheet with a table: named, no picker", async () => {
    const host = new FakeHost(
      buildSeedForm({ variant: "errors", sheetsBefore: ["报告"] }).workbook,
      { settings: XICHENG }
    );
    renderPane(host);
    expect(await screen.findByText("附件1")).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "工作表" })).toBeNull();
  });
});

describe("实时检查", () => {
  test("re-checks (debounced) after the user edits the workbook", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "errors" }), {
      settings: XICHENG,
      events: true,
    });
    const { user } = renderPane(host);
    await check(user);
    await user.click(screen.getByRole("switch", { name: "实时检查" }));
    await waitFor(() =>
      expect(host.saveSettings).toHaveBeenLastCalledWith(
        expect.objectContaining({ liveCheck: true })
      )
    );
    const reads = host.read.mock.calls.length;
    host.edit("附件1", "H28", 93.05);
    host.edit("附件1", "H15", 5.4);
    await waitFor(
      () => expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("93.05"),
      { timeout: 3000 }
    );
    expect(host.read.mock.calls.length).toBe(reads + 1); // two edits, one re-check
  });
});

describe("nothing blanks the pane", () => {
  test("an unexpected host error becomes a MessageBar; the pane stays usable", async () => {
    const host = new FakeHost(buildSeedWorkbook({ variant: "blankTotal" }), { settings: XICHENG });
    const { user } = renderPane(host);
    await waitFor(() => expect(screen.getByRole("button", { name: "检查" })).toBeEnabled());
    host.read.mockRejectedValueOnce(new Error("Excel 无法读取工作簿：请稍后重试"));
    await user.click(screen.getByRole("button", { name: "检查" }));
    expect(await screen.findByText("出现意外错误")).toBeInTheDocument();
    expect(screen.getByText(/Excel 无法读取工作簿：请稍后重试。请重试/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "检查" }));
    await screen.findByRole("heading", { name: "检查结果" });
    expect(screen.queryByText("出现意外错误")).toBeNull();
  });

  test("a render error shows the error boundary's MessageBar with 重试", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    let fail = true;
    function Boom() {
      if (fail) throw new Error("渲染失败");
      return <p>恢复了</p>;
    }
    const user = userEvent.setup();
    render(
      <Shell>
        <Boom />
      </Shell>
    );
    expect(screen.getByRole("alert")).toHaveTextContent(/界面出现问题.*渲染失败.*工作簿没有被修改/);
    fail = false;
    await user.click(screen.getByRole("button", { name: "重试" }));
    expect(screen.getByText("恢复了")).toBeInTheDocument();
    spy.mockRestore();
  });
});
