// Issue 10 in Chromium, on the production bundle (playwright-core + Debian's /usr/bin/chromium, offline): the
// verdict on the first screen at 350×700 and 1280×800, the write-back preview that tells the whole story, the rules
// editor within 350 px, the focus after each step that takes it away, and the web version that loses nothing.
// Writes the README's pictures docs/images/pane-350.png and docs/images/pane-1280.png (the first screen after 检查).
//
// Runs under jest in the node environment; skipped with a note when /usr/bin/chromium is absent.
//   JIXIAO_BROWSER_PREBUILT=1   reuse dist/web instead of running `webpack --mode production` first
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readWorkbookFile } from "../../src/xlsx/readFile";
import { readWorkbook } from "../../src/xlsx/read";
import { gridsToJson } from "./gridsJson";
import { CHROMIUM, haveChromium, OFFICE_JS, launchChromium, serve } from "./harness";

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist/web");
const OUT = path.join(ROOT, "test/output");
const IMAGES = path.join(ROOT, "docs/images");
const SHARED_ERRORS = path.resolve(ROOT, "../shared/fixtures/xicheng-kepu-2024-errors.xlsx");
const OWN_ERRORS = path.join(ROOT, "assets/samples/xicheng-kepu-2024-errors.xlsx");
const ERRORS_XLSX = fs.existsSync(SHARED_ERRORS) ? SHARED_ERRORS : OWN_ERRORS;
const BLANK_XLSX = path.join(ROOT, "assets/samples/xicheng-kepu-2024-blank-total.xlsx");

if (!haveChromium) console.log(`note: ${CHROMIUM} is absent; the pane browser test is skipped`);

function run(bin: string, args: string[]): void {
  execFileSync(path.join(ROOT, "node_modules/.bin", bin), args, { cwd: ROOT, stdio: "pipe" });
}

/** What has the focus: its role-ish description, "BODY" when it fell back to the page. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "BODY";
    const label = el.getAttribute("aria-label") ?? "";
    return `${el.tagName} ${label || (el.textContent ?? "").trim().slice(0, 40)}`;
  });

(haveChromium ? describe : describe.skip)("issue 10: the pane in Chromium", () => {
  let server: http.Server;
  let base: string;
  let browser: Browser;
  let fakeOffice: string;
  let bookJson: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!(process.env.JIXIAO_BROWSER_PREBUILT && fs.existsSync(path.join(DIST, "taskpane.html"))))
      run("webpack", ["--mode", "production"]);
    run("webpack", ["--config", "test/browser/fakeOffice.webpack.js"]);
    fakeOffice = fs.readFileSync(path.join(OUT, "browser/fake-office.js"), "utf8");
    bookJson = JSON.stringify(gridsToJson(await readWorkbookFile(ERRORS_XLSX)));
    fs.mkdirSync(OUT, { recursive: true });
    fs.mkdirSync(IMAGES, { recursive: true });
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function openPage(
    officeScript: string,
    viewport: { width: number; height: number }
  ): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: 2,
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
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

  const inExcel = (viewport: { width: number; height: number }) =>
    openPage(`window.__JIXIAO_BOOK__ = ${bookJson};\n${fakeOffice}`, viewport);

  async function checkXicheng(page: Page) {
    await page.getByRole("combobox", { name: "评分规则" }).selectOption("xicheng");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByRole("heading", { name: "检查结果" }).waitFor();
  }

  for (const viewport of [
    { width: 350, height: 700 },
    { width: 1280, height: 800 },
  ])
    test(`item 1 at ${viewport.width}×${viewport.height}: the verdict on the first screen, the grade provisional, findings before 写回与报告`, async () => {
      const page = await inExcel(viewport);
      await checkXicheng(page);
      const verdict = page.getByRole("region", { name: "检查结论" });
      await expect(verdict.getByRole("heading").textContent()).resolves.toBe("9 项错误、2 项警告");
      const box = (await verdict.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.getByText("待更正后评定").isVisible()).toBe(true);
      const findingsY = (await page.getByRole("heading", { name: "检查结果" }).boundingBox())!.y;
      const writeY = (await page.getByRole("heading", { name: "写回与报告" }).boundingBox())!.y;
      expect(findingsY).toBeLessThan(writeY);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width
      );
      await page.screenshot({ path: path.join(IMAGES, `pane-${viewport.width}.png`) });

      // the jump: the list's heading in view and focused
      await verdict.getByRole("button", { name: "查看问题清单" }).click();
      await page.waitForFunction(() => document.activeElement?.textContent === "检查结果");
      await page.waitForTimeout(600); // the smooth scroll
      const heading = (await page.getByRole("heading", { name: "检查结果" }).boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(0);
      expect(heading.y).toBeLessThan(viewport.height);
      expect(problems).toEqual([]);
      await page.context().close();
    });

  test("item 6: the rules editor fits 350 px, the 下限 boxes inside their card", async () => {
    const page = await inExcel({ width: 350, height: 700 });
    await checkXicheng(page);
    await page.getByRole("button", { name: /调整评分规则/ }).click();
    await page.getByRole("button", { name: "保存设置" }).waitFor();
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(350);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      const legend = [...document.querySelectorAll("legend")].find((l) =>
        l.textContent?.startsWith("绩效等级")
      );
      const card = legend!.closest("fieldset")!.getBoundingClientRect();
      for (const input of legend!.closest("fieldset")!.querySelectorAll("input")) {
        const r = input.closest("span")!.getBoundingClientRect();
        if (r.right > card.right + 0.5 || r.left < card.left - 0.5)
          out.push(`${r.left}-${r.right} outside ${card.left}-${card.right}`);
      }
      return out;
    });
    expect(overflow).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "pane-editor-350.png"), fullPage: true });
    await page.context().close();
  });

  test("items 4, 6, 7: the preview tells the whole story; focus never falls to the page; confirmations at the button", async () => {
    const page = await inExcel({ width: 350, height: 700 });
    await checkXicheng(page);
    const write = page.getByRole("button", { name: "写回总分和等级" });
    await write.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("写回后仍有 9 项错误未更正").waitFor();
    await dialog.getByText(/其中 .*H22.* 的得分仍有错误/).waitFor();
    await dialog.getByText("等级不会写入").waitFor();

    // 确认覆盖: the focus stays on the checkbox
    const box = dialog.getByRole("checkbox", { name: "确认覆盖 H28" });
    await box.check();
    await dialog.getByRole("cell", { name: "H28" }).waitFor();
    expect(await focused(page)).toMatch(/^INPUT/);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);

    // a cell named for the grade: refused with the reason (the weights add up to 101)
    await dialog.getByRole("textbox", { name: "等级单元格" }).fill("I29");
    await dialog.getByRole("button", { name: "写入此单元格" }).click();
    await dialog.getByText(/请先更正分值，再写回绩效级别/).waitFor();
    // the total as people read it, its formula folded away
    const total = dialog.getByRole("row").filter({ has: page.getByRole("cell", { name: "H28" }) });
    expect(await total.innerText()).toMatch(/90\.1\s*→\s*93\.05/);
    expect(await total.locator("details").getAttribute("open")).toBeNull();
    await page.screenshot({ path: path.join(OUT, "pane-preview-350.png") });

    // Escape: back to the button that opened it
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" }).catch(() => dialog.waitFor({ state: "hidden" }));
    await page.waitForTimeout(700);
    expect(await focused(page)).toBe("BUTTON 写回总分和等级");

    // 确认写回: the confirmation next to the button, with the focus
    await write.click();
    await dialog.getByRole("checkbox", { name: "确认覆盖 H28" }).check();
    await dialog.getByRole("cell", { name: "H28" }).waitFor();
    await dialog.getByRole("button", { name: "确认写回" }).click();
    const notice = page.locator('[data-notice="write"]');
    await notice.getByText(/已写入 \d+ 个单元格/).waitFor();
    await page.waitForTimeout(700);
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
    const noticeBox = (await notice.boundingBox())!;
    const writeBox = (await write.boundingBox())!;
    expect(noticeBox.y - (writeBox.y + writeBox.height)).toBeLessThan(60);
    expect(noticeBox.y).toBeGreaterThanOrEqual(0);
    expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(700);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("item 4 (a blank total): （空） not struck out, the grade as its label, 单元格 on one line", async () => {
    const page = await openPage("/* office.js unavailable */", { width: 350, height: 700 });
    await page.locator('input[type="file"]').setInputFiles(BLANK_XLSX);
    await checkXicheng(page);
    await page.getByRole("button", { name: "写回总分和等级" }).click();
    const dialog = page.getByRole("dialog");
    const grade = dialog.getByRole("row").filter({ has: page.getByRole("cell", { name: "G29" }) });
    await grade.waitFor();
    expect(await grade.innerText()).toMatch(/（空）\s*→\s*良好/);
    expect(await grade.locator("details").getAttribute("open")).toBeNull();
    expect(
      await grade.getByText("（空）").evaluate((el) => getComputedStyle(el).textDecorationLine)
    ).toBe("none");
    for (const cell of await dialog.getByRole("cell", { name: /^[A-Z]+\d+$/ }).all()) {
      const lines = await cell.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
    }
    await page.screenshot({ path: path.join(OUT, "pane-preview-blank-350.png") });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("items 3, 7, 8 (web version): focus after opening, 已修改，尚未下载, the guards, the download", async () => {
    const page = await openPage("/* office.js unavailable */", { width: 350, height: 700 });
    await page.getByRole("button", { name: "选择 .xlsx 文件" }).waitFor();
    await page.locator('input[type="file"]').setInputFiles(ERRORS_XLSX);
    await page.getByRole("button", { name: "检查", exact: true }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === "检查");

    // an unchanged workbook: nothing downloaded, said so
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: "下载", exact: true }).click();
    await page.getByText("工作簿没有修改").waitFor();
    expect(downloads).toBe(0);

    await checkXicheng(page);
    await page.getByRole("button", { name: "写回总分和等级" }).click();
    await page.getByRole("dialog").getByRole("checkbox", { name: "确认覆盖 H28" }).check();
    await page.getByRole("dialog").getByRole("cell", { name: "H28" }).waitFor();
    await page.getByRole("dialog").getByRole("button", { name: "确认写回" }).click();
    await page.getByText(/已写入 1 个单元格/).waitFor();

    // the bar stays in view however far down the pane is
    const bar = page.getByText("已修改，尚未下载");
    await bar.waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y).toBeGreaterThanOrEqual(0);
    expect(barBox.y).toBeLessThan(700);
    await page.screenshot({ path: path.join(OUT, "pane-web-unsaved-350.png") });

    // closing the tab: the browser's “leave site?” prompt
    const prompt = new Promise<string>((resolve) =>
      page.once("dialog", (d) => {
        resolve(d.type());
        void d.dismiss();
      })
    );
    await page.close({ runBeforeUnload: true });
    expect(await prompt).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    // 打开其他文件: asked first, with a way to download
    await page.getByRole("button", { name: "打开其他文件" }).click();
    const guard = page.getByRole("alertdialog", { name: "修改尚未下载" });
    await guard.waitFor();
    expect(await guard.evaluate((el) => el === document.activeElement)).toBe(true);
    const download = page.waitForEvent("download");
    await guard.getByRole("button", { name: "下载后打开其他文件" }).click();
    const file = await (await download).path();
    const book = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
    expect(book.sheets.find((g) => g.sheet === "附件1")!.get(28, 8)).toMatchObject({
      formula: "I6+SUM(H13:H27)",
    });
    await page.getByRole("button", { name: "选择 .xlsx 文件" }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
