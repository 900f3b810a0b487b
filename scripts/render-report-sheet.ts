// Renders the 自评报告 sheet of the bundled sample (assets/samples/xicheng-kepu-2024.xlsx) to
// docs/images/report-sheet.png, for the README. Run by hand, not by tests:
//   npx tsc -p tsconfig.cli.json && node dist/scripts/render-report-sheet.js [--full]
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM=path) and a CJK font (fonts-noto-cjk).
// The picture is an HTML rendering of the very NewSheet the write-back adds (same rows, spans, heights, widths and
// styles as src/xlsx/apply.ts writes), drawn with Excel's grid chrome.
import { mkdir, readFile } from "fs/promises";
import * as path from "path";
import { chromium } from "playwright-core";
import { analyzeWorkbook } from "../src/core/analyze";
import { colToLetters } from "../src/core/grid";
import { plan } from "../src/core/plan";
import { getProfile } from "../src/core/profiles";
import type { NewSheet, SheetCellStyle } from "../src/core/writePlan";
import { readWorkbook } from "../src/xlsx/read";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = path.join(ROOT, "assets/samples/xicheng-kepu-2024.xlsx");
const OUT = path.join(ROOT, "docs/images/report-sheet.png");
/** Rows shown unless --full: the basics, the conclusion, the score table and the first indicator paragraphs. */
const ROWS_SHOWN = 40;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Excel column width (characters) → pixels at 100 % zoom; row height points → pixels. */
const colPx = (w: number) => Math.round(w * 7 + 5);
const rowPx = (pt: number) => Math.round((pt * 4) / 3);

// single quotes: these go inside style="…" attributes
const BODY = `'仿宋', 'FangSong', 'Noto Serif CJK SC', 'Noto Serif CJK', serif`;
const HEAD = `'黑体', 'SimHei', 'Noto Sans CJK SC', 'Noto Sans CJK', sans-serif`;

const CSS: Record<SheetCellStyle, string> = {
  title: `font: bold 21px ${HEAD}; text-align: center; vertical-align: middle;`,
  heading: `font: bold 17px ${HEAD}; vertical-align: middle;`,
  subheading: `font: bold 16px ${BODY}; vertical-align: top;`,
  body: `font: 15px ${BODY}; vertical-align: top;`,
  draft: `font: italic 15px ${BODY}; color: #9c5700; background: #fff2cc; vertical-align: top;`,
  note: `font: italic 12px ${BODY}; color: #7f7f7f; vertical-align: top;`,
  tableHeader: `font: bold 15px ${HEAD}; background: #d9e1f2; text-align: center; border: 1px solid #8ea9db; vertical-align: middle;`,
  table: `font: 15px ${BODY}; border: 1px solid #8ea9db; vertical-align: middle;`,
};

function html(sheet: NewSheet, others: string[], rows: number): string {
  const cols = sheet.columnWidths.map(colPx);
  const width = cols.reduce((s, x) => s + x, 0) + 40;
  const shown = sheet.rows.slice(0, rows);
  const body = shown
    .map((row, i) => {
      const h = rowPx(row.height ?? 15);
      const cells: string[] = [`<th class="rh">${i + 1}</th>`];
      let c = 0;
      while (c < sheet.columnWidths.length) {
        const cell = row.cells[c];
        const span = c === 0 && row.span ? row.span : 1;
        const v = cell?.value ?? null;
        const bar = typeof v === "string" && /^[█░]+$/.test(v);
        const align = row.style === "table" ? (c === 0 ? "left" : bar ? "left" : "right") : "";
        const style =
          cell || row.style === "tableHeader" || row.style === "table" ? CSS[row.style] : "";
        const extra = `${align ? `text-align:${align};` : ""}${bar ? "color:#4472c4;letter-spacing:-1px;" : ""}`;
        cells.push(
          `<td colspan="${span}" style="${style}${extra}">${v === null ? "" : esc(String(v))}</td>`
        );
        c += span;
      }
      return `<tr style="height:${h}px">${cells.join("")}</tr>`;
    })
    .join("\n");
  const tabs = [...others, sheet.name]
    .map((n) => `<span class="tab${n === sheet.name ? " on" : ""}">${esc(n)}</span>`)
    .join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { margin: 0; background: #fff; font-family: ${BODY}; }
    .wrap { width: ${width}px; border: 1px solid #c6c6c6; }
    table { border-collapse: collapse; table-layout: fixed; width: ${width}px; }
    td { padding: 2px 5px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.35; overflow: hidden; }
    th { background: #f3f3f3; color: #555; font: 12px "Noto Sans CJK SC", sans-serif; border: 1px solid #d4d4d4; }
    th.rh { width: 38px; }
    .bar { display: flex; gap: 2px; background: #f3f3f3; border-top: 1px solid #c6c6c6; padding: 0 0 0 40px;
           font: 13px "Noto Sans CJK SC", sans-serif; }
    .tab { padding: 4px 16px; color: #444; }
    .tab.on { background: #fff; color: #217346; font-weight: bold; border-bottom: 2px solid #217346; }
  </style></head><body><div class="wrap"><table>
    <colgroup><col style="width:40px">${cols.map((w) => `<col style="width:${w}px">`).join("")}</colgroup>
    <tr style="height:22px"><th></th>${cols.map((_, i) => `<th>${colToLetters(i + 1)}</th>`).join("")}</tr>
    ${body}
  </table><div class="bar">${tabs}</div></div></body></html>`;
}

export async function main(argv: string[]): Promise<void> {
  const book = await readWorkbook(new Uint8Array(await readFile(SAMPLE)));
  const [a] = analyzeWorkbook(book, getProfile("xicheng")).analyses;
  if (!a) throw new Error(`no form in ${SAMPLE}`);
  const sheet = plan(a, book, { report: true }).newSheets[0];
  const rows = argv.includes("--full") ? sheet.rows.length : ROWS_SHOWN;
  const page = html(
    sheet,
    book.sheets.map((g) => g.sheet),
    rows
  );
  await mkdir(path.dirname(OUT), { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const tab = await browser.newPage({
      viewport: { width: 1000, height: 800 },
      deviceScaleFactor: 1,
    });
    await tab.setContent(page, { waitUntil: "load" });
    await tab.locator(".wrap").screenshot({ path: OUT });
  } finally {
    await browser.close();
  }
  console.log(
    `wrote ${path.relative(ROOT, OUT)} (${rows} of ${sheet.rows.length} rows of “${sheet.name}”)`
  );
}

if (require.main === module)
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
