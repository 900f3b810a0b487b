// The web version with several files: three .xlsx dropped at once give the summary table (one row per file, the
// corrupt one first with its reason), a row opens that form's check, and 下载汇总表 saves a workbook whose numbers
// are the forms'. Production build in Debian's chromium, offline; skipped with a note when chromium is absent.
//   JIXIAO_BROWSER_PREBUILT=1   reuse dist/web instead of running `webpack --mode production` first
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Browser } from "playwright-core";
import { ensureProductionBuild } from "../build/productionBuild";
import { CHROMIUM, haveChromium, launchChromium, serve } from "./harness";

jest.setTimeout(900_000); // the shared production build (pane + offline file) may take minutes on a busy machine

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist/web");
const OUT = path.join(ROOT, "test/output");
const SAMPLES = path.join(ROOT, "assets/samples");

if (!haveChromium) console.log(`note: ${CHROMIUM} is absent; the summary browser test is skipped`);

(haveChromium ? describe : describe.skip)(
  "the web version with three files dropped at once",
  () => {
    let server: http.Server;
    let base: string;
    let browser: Browser;

    beforeAll(async () => {
      ensureProductionBuild(); // one build shared with the other browser tests
      fs.mkdirSync(OUT, { recursive: true });
      server = await serve(DIST);
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    });

    test("drop, see one row per file, open a form, download the summary", async () => {
      const context = await browser.newContext({
        viewport: { width: 1200, height: 900 },
        locale: "zh-CN",
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      const requests: string[] = [];
      // offline, and the files never leave the browser: only GETs (the page, its chunks, the blocked office.js)
      page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
      await page.route(
        (url) => !url.href.startsWith(base),
        (route) => route.abort()
      );
      await page.addInitScript({ content: "/* office.js unavailable */" });
      await page.goto(`${base}/taskpane.html`);
      await page.getByRole("button", { name: "选择 .xlsx 文件" }).waitFor();

      const files = [
        { name: "正常.xlsx", b64: fs.readFileSync(path.join(SAMPLES, "xicheng-kepu-2024.xlsx")) },
        {
          name: "有错.xlsx",
          b64: fs.readFileSync(path.join(SAMPLES, "xicheng-kepu-2024-errors.xlsx")),
        },
        { name: "损坏.xlsx", b64: Buffer.from("不是工作簿") },
      ].map((f) => ({ name: f.name, b64: f.b64.toString("base64") }));
      const transfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) {
          const bin = atob(f.b64);
          const bytes = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
          dt.items.add(new File([bytes], f.name));
        }
        return dt;
      }, files);
      const zone = page.getByText("打开项目支出绩效自评表").locator("..");
      await zone.dispatchEvent("dragover", { dataTransfer: transfer });
      await zone.dispatchEvent("drop", { dataTransfer: transfer });

      const table = page.getByRole("table", { name: "汇总表" });
      await table.waitFor();
      const rows = table.getByRole("row");
      await rows.nth(3).waitFor();
      expect(await rows.count()).toBe(4);
      const texts = await rows.allInnerTexts();
      expect(texts[1]).toContain("损坏.xlsx");
      expect(texts[1]).toContain("无法读取");
      expect(texts[2]).toContain("有错.xlsx");
      expect(texts[2]).toContain("有错误");
      expect(texts[3]).toContain("正常.xlsx");
      expect(texts[3]).toMatch(/89\.45[\s\S]*良好[\s\S]*通过/);
      await page.screenshot({ path: path.join(OUT, "web-summary.png") });

      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "下载汇总表" }).click();
      const saved = await (await download).path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const ws = wb.getWorksheet("汇总")!;
      const values: string[] = [];
      ws.eachRow((row) => values.push(JSON.stringify(row.values)));
      const seed = values.find((v) => v.includes("正常.xlsx"))!;
      expect(seed).toContain("89.45");
      expect(seed).toContain("良好");
      expect(wb.getWorksheet("问题清单")).toBeTruthy();

      // a row opens that form's full check
      await rows.nth(2).click();
      await page.getByRole("button", { name: "返回汇总" }).waitFor();
      await page.getByRole("button", { name: "检查", exact: true }).click();
      await page.getByRole("heading", { name: "检查结果" }).waitFor();

      expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
);
