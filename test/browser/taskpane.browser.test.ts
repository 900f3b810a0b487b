// The production build of the task pane in Chromium (playwright-core + Debian's /usr/bin/chromium), inside a fake
// Office host: office.js is routed to a bundle of test/support/fakeExcel.ts holding the errors workbook. 检查 shows
// the 8 mistakes, a finding moves the selection, 写回 writes H28 in the fake workbook, 生成报告 adds the report
// sheet. Then the web version (no Office) over the same .xlsx. Screenshots go to test/output/.
//
// Runs under jest in the node environment; skipped with a note when /usr/bin/chromium is absent.
//   JIXIAO_BROWSER_PREBUILT=1   reuse dist/web instead of running `webpack --mode production` first
//   JIXIAO_UPDATE_SCREENSHOT=1  also write docs/images/taskpane.png (the README's picture)
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { analyzeWorkbook } from "../../src/core/analyze";
import { getProfile } from "../../src/core/profiles";
import { readWorkbookFile } from "../../src/xlsx/readFile";
import { readWorkbook } from "../../src/xlsx/read";
import { ensureProductionBuild } from "../build/productionBuild";
import { gridsToJson } from "./gridsJson";
import { CHROMIUM, haveChromium, OFFICE_JS, launchChromium, serve } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require("../../bench/bundleSize.js") as typeof import("../../bench/bundleSize");

jest.setTimeout(900_000); // the shared production build (pane + offline file) may take minutes on a busy machine

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist/web");
const OUT = path.join(ROOT, "test/output");
const SHARED_ERRORS = path.resolve(ROOT, "../shared/fixtures/xicheng-kepu-2024-errors.xlsx");
const OWN_ERRORS = path.join(ROOT, "assets/samples/xicheng-kepu-2024-errors.xlsx");
const ERRORS_XLSX = fs.existsSync(SHARED_ERRORS) ? SHARED_ERRORS : OWN_ERRORS;
/** The 8 mistakes of the errors workbook, at their cells (fixtures/README.md). */
const MISTAKE_CELLS = ["G28", "H15", "I17", "H22", "H25", "H26", "I6", "H28"];

if (!haveChromium)
  console.log(
    `note: ${CHROMIUM} is absent; the browser test is skipped (CI installs chromium with apt in .ci/run)`
  );

function run(bin: string, args: string[]): void {
  execFileSync(path.join(ROOT, "node_modules/.bin", bin), args, { cwd: ROOT, stdio: "pipe" });
}

(haveChromium ? describe : describe.skip)("the task pane in Chromium (production build)", () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let fakeOffice: string;
  let bookJson: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureProductionBuild(); // one build shared with the other browser tests
    run("webpack", ["--config", "test/browser/fakeOffice.webpack.js"]);
    fakeOffice = fs.readFileSync(path.join(OUT, "browser/fake-office.js"), "utf8");
    bookJson = JSON.stringify(gridsToJson(await readWorkbookFile(ERRORS_XLSX)));
    fs.mkdirSync(OUT, { recursive: true });
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function openPage(officeScript: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 400, height: 900 },
      deviceScaleFactor: 2,
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    // offline: nothing leaves 127.0.0.1; office.js is the fake host (or nothing, for the web version)
    await page.route(
      (url) => !url.href.startsWith(base),
      (route) => route.abort()
    );
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: officeScript })
    );
    await page.goto(`${base}/taskpane.html`);
    return page;
  }

  const fake = <T>(page: Page, fn: string): Promise<T> =>
    page.evaluate(`(() => { const b = window.__fakeBook; return ${fn}; })()`);

  test("inside the fake Excel: 检查, select, 写回, 撤销, 生成报告", async () => {
    const page = await openPage(`window.__JIXIAO_BOOK__ = ${bookJson};\n${fakeOffice}`);
    await page.getByRole("combobox", { name: "评分规则" }).selectOption("xicheng");
    await page.waitForFunction(() =>
      JSON.stringify(
        (window as unknown as { __fakeBook: { savedSettings: unknown } }).__fakeBook.savedSettings
      ).includes("xicheng")
    );

    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByRole("heading", { name: "检查结果" }).waitFor();
    for (const cell of MISTAKE_CELLS)
      await page.getByRole("button", { name: new RegExp(`单元格 附件1!${cell}：`) }).waitFor();
    const errorCount = analyzeWorkbook(
      await readWorkbookFile(ERRORS_XLSX),
      getProfile("xicheng")
    ).analyses[0].findings.filter((f) => f.severity === "error").length;
    expect(await page.getByRole("region", { name: /^错误/ }).getByRole("listitem").count()).toBe(
      errorCount
    );
    await page.screenshot({ path: path.join(OUT, "taskpane-checked.png"), fullPage: true });
    if (process.env.JIXIAO_UPDATE_SCREENSHOT) {
      fs.mkdirSync(path.join(ROOT, "docs/images"), { recursive: true });
      // the top of the pane: settings, summary, actions and the first findings
      await page.screenshot({
        path: path.join(ROOT, "docs/images/taskpane.png"),
        fullPage: true,
        clip: { x: 0, y: 0, width: 400, height: 1250 },
      });
    }

    // a finding selects its cell in the workbook, by mouse and by keyboard
    await page.getByRole("button", { name: /单元格 附件1!H15：/ }).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeBook: { selection: { address: string } | null } }).__fakeBook
          .selection?.address === "H15"
    );
    await page.getByRole("button", { name: /单元格 附件1!I17：/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeBook: { selection: { address: string } | null } }).__fakeBook
          .selection?.address === "I17"
    );
    expect(await fake(page, "b.selection")).toEqual({ sheet: "附件1", address: "I17" });

    // write back: H28 is refused until 确认覆盖, then written as a formula
    await page.getByRole("button", { name: "写回总分和等级" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("checkbox", { name: "确认覆盖 H28" }).check();
    await dialog.getByRole("cell", { name: "H28" }).waitFor();
    await page.screenshot({ path: path.join(OUT, "taskpane-preview.png") });
    await dialog.getByRole("button", { name: "确认写回" }).click();
    await page.getByText(/已写入 1 个单元格（附件1!H28）/).waitFor();
    expect(await fake(page, 'b.cell("附件1", "H28")')).toMatchObject({
      formula: "=I6+SUM(H13:H27)",
      value: 93.05,
    });
    await page
      .getByText("表中总分")
      .locator("xpath=following-sibling::dd[1]")
      .filter({ hasText: "93.05" })
      .waitFor();

    await page.getByRole("button", { name: "撤销" }).click();
    await page.getByText(/已撤销“写回总分和等级”/).waitFor();
    expect(await fake(page, 'b.cell("附件1", "H28")')).toMatchObject({ value: 90.1 });

    // the report sheet
    await page.getByRole("button", { name: "生成报告" }).click();
    await page.getByText(/已添加工作表“自评报告”/).waitFor();
    expect(await fake(page, "b.sheets.map((s) => s.name)")).toEqual(["附件1", "自评报告"]);
    await page.screenshot({ path: path.join(OUT, "taskpane-report.png"), fullPage: true });

    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("the web version (no Office host): open the .xlsx, check, write back, download", async () => {
    const page = await openPage("/* office.js unavailable */");
    await page.getByRole("button", { name: "选择 .xlsx 文件" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(ERRORS_XLSX);
    await page.getByRole("combobox", { name: "评分规则" }).selectOption("xicheng");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByRole("heading", { name: "检查结果" }).waitFor();
    for (const cell of MISTAKE_CELLS)
      await page.getByRole("button", { name: new RegExp(`单元格 附件1!${cell}：`) }).waitFor();

    await page.getByRole("button", { name: /采用建议值 5.4/ }).click();
    await page.getByRole("button", { name: "写回总分和等级" }).click();
    await page.getByRole("dialog").getByRole("checkbox", { name: "确认覆盖 H28" }).check();
    await page.getByRole("dialog").getByRole("cell", { name: "H28" }).waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "确认写回" }).click();
    await page.getByText(/已写入 2 个单元格/).waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载", exact: true }).click();
    const file = await (await download).path();
    const book = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
    const grid = book.sheets.find((g) => g.sheet === "附件1")!;
    expect(grid.get(15, 8)?.value).toBe(5.4);
    expect(grid.get(28, 8)).toMatchObject({ formula: "I6+SUM(H13:H27)", value: 92.85 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, "web-written.png") });

    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("the initial task-pane JavaScript is within its gzip budget; ExcelJS and docx are separate chunks", () => {
    const r = measure(DIST);
    console.log(
      `initial task-pane JavaScript: ${(r.total / 1000).toFixed(1)} KB gzip (${r.initial.map((f) => f.name).join(", ")}); budget ${r.budget / 1000} KB`
    );
    expect(r.total).toBeLessThanOrEqual(r.budget);
    expect(r.initial.some((f) => /exceljs|docx/.test(f.name))).toBe(false);
    expect(r.lazy.map((f) => f.name).join(" ")).toMatch(/exceljs\..*docx\.|docx\..*exceljs\./);
  });
});
