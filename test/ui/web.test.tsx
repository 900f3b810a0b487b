/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// (node conditions: ExcelJS's Node build runs here; its uuid dependency's browser build is ESM, which jest can't load)
// The web version (no Office): open an .xlsx, check it, write back through the file host (ExcelJS), download
// the corrected workbook.
import "./polyfills";
import "@testing-library/jest-dom";
import * as fs from "node:fs";
import * as path from "node:path";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readWorkbook } from "../../src/xlsx/read";
import { Shell } from "../../src/taskpane/App";
import { WebApp, correctedName } from "../../src/taskpane/WebApp";
import * as download from "../../src/taskpane/services/download";
import { createFileHost, SETTINGS_PREFIX } from "../../src/taskpane/services/fileHost";
import { openedDialog } from "./render";

const SAMPLES = path.resolve(__dirname, "../../assets/samples");
const sample = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));

function renderWeb() {
  const user = userEvent.setup({ applyAccept: false }); // as a dropped file would arrive
  const view = render(
    <Shell>
      <WebApp />
    </Shell>
  );
  const input = () => view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
  return { user, input, ...view };
}

beforeEach(() => localStorage.clear());

test("open → 检查 → 写回 → 下载 gives the corrected .xlsx", async () => {
  const spy = jest.spyOn(download, "downloadBytes").mockImplementation(() => undefined);
  const { user, input } = renderWeb();
  const file = new File([sample("xicheng-kepu-2024-blank-total.xlsx")], "科普经费自评表.xlsx", {
    type: download.XLSX_MIME,
  });
  await user.upload(input(), file);

  expect(
    await screen.findByText("科普经费自评表.xlsx", {}, { timeout: 15000 })
  ).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole("combobox", { name: "评分规则" })).toBeEnabled());
  await user.selectOptions(screen.getByRole("combobox", { name: "评分规则" }), "xicheng");
  await waitFor(() =>
    expect(localStorage.getItem(SETTINGS_PREFIX + "科普经费自评表.xlsx")).toBe(
      '{"profileId":"xicheng"}'
    )
  );
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByRole("heading", { name: "检查结果" }, { timeout: 15000 });
  expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("未填");

  await user.click(screen.getByRole("button", { name: "写回总分和等级" }));
  await user.click(within(await openedDialog()).getByRole("button", { name: "确认写回" }));
  await screen.findByText(/已写入 2 个单元格/, {}, { timeout: 15000 });
  await waitFor(() => expect(screen.getByText("表中总分").nextSibling).toHaveTextContent("89.45"));

  // (Fluent's modal releases aria-hidden on the page a moment after the dialog closes)
  await user.click(await screen.findByRole("button", { name: "下载" }));
  await waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
  const [bytes, name, mime] = spy.mock.calls[0];
  expect(name).toBe("科普经费自评表-已修正.xlsx");
  expect(mime).toBe(download.XLSX_MIME);
  const book = await readWorkbook(bytes);
  const grid = book.sheets.find((g) => g.sheet === "附件1")!;
  expect(grid.get(28, 8)).toMatchObject({ value: 89.45, formula: "I6+SUM(H13:H27)" });
  expect(grid.get(29, 7)?.value).toBe("良好");
  // the settings travel in the file: opened where this browser's storage is not, it has them
  const saved: unknown = JSON.parse(localStorage.getItem(SETTINGS_PREFIX + "科普经费自评表.xlsx")!);
  const elsewhere = createFileHost(bytes, name, null);
  expect(await elsewhere.loadSettings()).toEqual(saved);
  expect(saved).toMatchObject({ profileId: "xicheng" });
  spy.mockRestore();
});

test("a file that is not an .xlsx: a MessageBar saying what to do", async () => {
  const { user, input } = renderWeb();
  await user.upload(input(), new File(["a,b"], "自评表.xlsx", { type: download.XLSX_MIME }));
  expect(await screen.findByText("无法打开文件")).toBeInTheDocument();
  expect(screen.getByText(/不是有效的 .xlsx 工作簿.*另存为/)).toBeInTheDocument();
  await user.upload(input(), new File(["x"], "自评表.xls"));
  expect(await screen.findByText(/“自评表.xls”不是 .xlsx 文件/)).toBeInTheDocument();
});

test("the file host: apply and undo through ExcelJS, settings per file name", async () => {
  const storage = new Map<string, string>();
  const store = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
  };
  const host = createFileHost(sample("xicheng-kepu-2024-blank-total.xlsx"), "a.xlsx", store);
  expect(await host.loadSettings()).toBeNull();
  await host.saveSettings({ profileId: "hubei" });
  expect(await createFileHost(new Uint8Array(), "a.xlsx", store).loadSettings()).toEqual({
    profileId: "hubei",
  });

  const { book } = await host.read();
  const before = host.data();
  const record = await host.apply({
    sheet: "附件1",
    writes: [
      {
        sheet: "附件1",
        address: "H28",
        value: 89.45,
        before: { value: null },
        purpose: "total",
        label: "总分",
      },
    ],
    newSheets: [],
    refusals: [],
  });
  expect(host.modified()).toBe(true);
  expect((await host.read()).book.sheets[0].get(28, 8)?.value).toBe(89.45);
  await host.undo(record);
  expect((await host.read()).book.sheets[0].get(28, 8)?.value ?? null).toBeNull();
  expect(book.sheets[0].get(28, 8)?.value ?? null).toBeNull();
  expect(host.data()).not.toBe(before);

  await host.select("附件1", "H15");
  expect(host.selection()).toEqual({ sheet: "附件1", address: "H15" });
  expect(correctedName("自评表.XLSX")).toBe("自评表-已修正.xlsx");
});

test("a workbook with a chart: the page says the downloaded copy will not carry it", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(sample("xicheng-kepu-2024-blank-total.xlsx"));
  zip.file("xl/charts/chart1.xml", "<c/>");
  const withChart = await zip.generateAsync({ type: "arraybuffer" });
  const { user, input } = renderWeb();
  await user.upload(input(), new File([withChart], "带图表.xlsx", { type: download.XLSX_MIME }));
  expect(
    await screen.findByText(/图表不会保留在另存的新文件中/, {}, { timeout: 15000 })
  ).toBeInTheDocument();
});
