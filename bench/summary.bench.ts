// Prints forms per second for a batch check of 200 copies of the sample into a summary workbook and, in the same
// run, the time ExcelJS alone takes to read them (the floor). Targets on a 2-core machine: ≥ 100 forms/s and
// ≤ 1.3 × the floor. Run with `npm run bench:summary` (compiled, so that the worker threads exist).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkFiles, runBatch, summaryWorkbook } from "../src/cli/batch";

const COPIES = 200;
const sample = path.resolve(__dirname, "../../assets/samples/xicheng-kepu-2024.xlsx");

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-bench-"));
  try {
    for (let i = 0; i < COPIES; i++)
      fs.copyFileSync(sample, path.join(dir, `单位${String(i).padStart(3, "0")}.xlsx`));
    const files = fs.readdirSync(dir).map((f) => path.join(dir, f));

    // warm up both paths on 5 files (JIT, module loading)
    for (const f of files.slice(0, 5))
      await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f) as unknown as ExcelJS.Buffer);
    await checkFiles(files.slice(0, 5), { profile: "auto", workers: 0 });

    const t0 = performance.now();
    for (const f of files)
      await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(f) as unknown as ExcelJS.Buffer);
    const floor = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    const { results, summary } = await runBatch([dir], { profile: "auto" });
    const out = path.join(dir, "汇总.xlsx");
    fs.writeFileSync(out, await summaryWorkbook(summary, out));
    const batch = (performance.now() - t1) / 1000;

    const rate = results.length / batch;
    const ratio = batch / floor;
    console.log(
      `ExcelJS alone reads ${COPIES} files in ${floor.toFixed(2)} s (one thread) — the floor`
    );
    console.log(
      `check ${COPIES} files → ${results.length} forms + 汇总.xlsx in ${batch.toFixed(2)} s on ${os.cpus().length} cores: ${rate.toFixed(1)} forms/s — target ≥ 100 ${rate >= 100 ? "✓" : "✗ missed"}`
    );
    console.log(
      `batch ÷ floor = ${ratio.toFixed(2)} — target ≤ 1.3 ${ratio <= 1.3 ? "✓" : "✗ missed"}`
    );
    // a shared machine slows both measurements, not always alike: say how busy it was
    console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
