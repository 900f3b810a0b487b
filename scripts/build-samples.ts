// Writes the bundled sample workbooks (assets/samples/*.xlsx) from the seed facts.
// Run with `npm run samples` (bin/build-samples.js → dist/scripts/build-samples.js).
import { mkdir, readFile, writeFile } from "fs/promises";
import * as path from "path";
import { Grid, WorkbookGrids } from "../src/core/grid";
import { buildSeedWorkbook, SeedFormOptions } from "./samples/seedForm";
import { readWorkbook } from "../src/xlsx/read";
import { gridsToXlsx } from "./samples/gridsToXlsx";

/** Fixed date for the workbook properties and the zip entries: same bytes on every run. */
export const SAMPLE_DATE = new Date(Date.UTC(2025, 2, 31, 0, 0, 0));

export const SAMPLES: { file: string; options: SeedFormOptions }[] = [
  { file: "xicheng-kepu-2024.xlsx", options: { variant: "seed" } },
  { file: "xicheng-kepu-2024-errors.xlsx", options: { variant: "errors" } },
  { file: "xicheng-kepu-2024-blank-total.xlsx", options: { variant: "blankTotal" } },
];

/** JSZip (inside ExcelJS) stamps every zip entry with "now"; pin it so the output is reproducible. */
function pinZipDates(date: Date): () => void {
  try {
    const exceljsDir = path.dirname(require.resolve("exceljs/package.json"));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jszip = require(require.resolve("jszip", { paths: [exceljsDir] })) as {
      defaults?: { date: Date | null };
    };
    if (!jszip.defaults) return () => undefined;
    const before = jszip.defaults.date;
    jszip.defaults.date = date;
    return () => {
      if (jszip.defaults) jszip.defaults.date = before;
    };
  } catch {
    return () => undefined; // still a valid file, just with the current time in the zip entries
  }
}

function cells(grid: Grid): string {
  const merges = grid.merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort();
  const out: string[] = [grid.sheet, String(grid.protected), ...merges];
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      const cell = grid.get(r, c);
      if (cell) out.push(`${r},${c}=${JSON.stringify(cell)}`);
    }
  return out.join("\n");
}

function sameContent(a: WorkbookGrids, b: WorkbookGrids): boolean {
  return (
    a.sheets.length === b.sheets.length && a.sheets.every((s, i) => cells(s) === cells(b.sheets[i]))
  );
}

export async function buildSamples(
  outDir: string,
  log: (line: string) => void = console.log
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const unpin = pinZipDates(SAMPLE_DATE);
  const written: string[] = [];
  try {
    for (const { file, options } of SAMPLES) {
      const grids = buildSeedWorkbook(options);
      const bytes = await gridsToXlsx(grids, { date: SAMPLE_DATE });
      // Check the file reads back to exactly what was built before keeping it.
      if (!sameContent(await readWorkbook(bytes), grids))
        throw new Error(`${file}: 写出的文件读回后与原表不一致`);
      const target = path.join(outDir, file);
      const old = await readFile(target).catch(() => undefined);
      if (old && Buffer.compare(old, Buffer.from(bytes)) === 0) {
        log(`unchanged ${path.relative(process.cwd(), target)}`);
      } else {
        await writeFile(target, bytes);
        log(`wrote     ${path.relative(process.cwd(), target)} (${bytes.length} bytes)`);
      }
      written.push(target);
    }
  } finally {
    unpin();
  }
  return written;
}

/** Entry point: `node bin/build-samples.js [outDir]`. */
export async function main(
  argv: string[] = process.argv.slice(2),
  root = path.resolve(__dirname, "../..")
) {
  const outDir = argv[0] ? path.resolve(argv[0]) : path.join(root, "assets", "samples");
  await buildSamples(outDir);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
