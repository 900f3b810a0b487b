// `jixiao check DIR|FILES… --summary 汇总.xlsx`: a bureau's submissions checked at once, on worker threads, into one
// summary workbook. One bad file is a row with its reason; it never stops the batch.
import { existsSync } from "node:fs";
import { readdir, stat, writeFile } from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { deflateRawSync } from "node:zlib";
import { Worker } from "node:worker_threads";
import {
  buildSummary,
  exitCodeOf,
  STATUS_LABEL,
  statusOf,
  summarySheets,
  type CheckResult,
  type SummaryContent,
} from "../core/summarySheet";
import { newSheetsXlsx } from "../xlsx/sheetsXlsx";
import { InputError, UsageError, type Output, type ParsedArgs } from "./main";
import { checkFile, type CheckDone, type CheckTask, type WorkerReady } from "./worker";

export interface BatchOptions {
  profile: string;
  sheet?: string;
  /** Worker threads beside this one, which checks files too (default: one fewer than the CPUs); 0: none. */
  workers?: number;
  /** Called after each file: done so far, total, the file. */
  onProgress?: (done: number, total: number, file: string, results: CheckResult[]) => void;
}

/** Lock files Excel leaves beside an open workbook, and hidden files (.DS_Store, ._x.xlsx from macOS). */
function skipped(name: string): boolean {
  return name.startsWith("~$") || name.startsWith(".");
}

/** Every .xlsx the arguments name: files as given, folders recursively (sorted, skipping lock and hidden files). */
export async function collectFiles(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (skipped(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.xlsx$/i.test(e.name)) out.push(p);
    }
  };
  for (const a of args) {
    let isDir = false;
    try {
      isDir = (await stat(a)).isDirectory();
    } catch {
      // a missing file stays in the list: its row says it cannot be opened
    }
    if (isDir) await walk(a);
    else out.push(a);
  }
  return out;
}

/** The compiled worker beside this file (dist/); under ts-jest there is none and the batch runs in-process. */
function workerScript(): string | null {
  const p = path.join(__dirname, "worker.js");
  return existsSync(p) ? p : null;
}

/** A worker starts in ~0.1 s and its code runs slowly for its first few dozen files (V8 warming up). */
const FILES_PER_WORKER = 50;

/**
 * Workers beside this thread: one core stays with this thread, a worker needs enough files to pay for its
 * start-up and warm-up, and one is worth starting only on a core nobody else is using (measured on a shared
 * 2-core machine under load: a worker there made the batch ~30 % slower, not faster).
 */
function defaultWorkers(files: number): number {
  const cores = os.cpus().length;
  const idle = Math.floor(cores - os.loadavg()[0]); // loadavg is [0, 0, 0] on Windows: all cores idle
  return Math.max(0, Math.min(cores - 1, Math.floor(files / FILES_PER_WORKER), idle));
}

/**
 * Checks every file; results in the files' order. This thread checks files too, from the first moment (a worker
 * needs a while to start), so `workers` threads beside it use as many cores as the machine has.
 */
export async function checkFiles(files: string[], o: BatchOptions): Promise<CheckResult[][]> {
  const results: CheckResult[][] = new Array<CheckResult[]>(files.length);
  let done = 0;
  const finish = (i: number, r: CheckResult[]) => {
    results[i] = r;
    done++;
    o.onProgress?.(done, files.length, files[i], r);
  };
  let next = 0;
  const script = workerScript();
  const n = script ? Math.min(o.workers ?? defaultWorkers(files.length), files.length - 1) : 0;
  const lanes = Array.from(
    { length: Math.max(n, 0) },
    () =>
      new Promise<void>((resolve) => {
        const w = new Worker(script as string);
        let current = -1;
        const feed = () => {
          if (next >= files.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          current = next++;
          const task: CheckTask = {
            id: current,
            file: files[current],
            profile: o.profile,
            sheet: o.sheet,
          };
          w.postMessage(task);
        };
        w.on("message", (m: CheckDone | WorkerReady) => {
          if (!("ready" in m)) finish(m.id, m.results);
          current = -1;
          feed();
        });
        // the thread died (out of memory…): its file is a row, the others go on in the other lanes
        const died = (message: string) => {
          if (current >= 0 && results[current] === undefined)
            finish(current, [
              { file: files[current], sheet: null, error: `内部错误：${message}`, findings: [] },
            ]);
          current = -1;
          resolve();
        };
        w.on("error", (e) => died(e.message));
        w.on("exit", (code) => died(`检查线程意外退出（${code}）`));
      })
  );
  while (next < files.length) {
    const i = next++;
    finish(i, await checkFile(files[i], o.profile, o.sheet));
    // a check never waits on I/O: let the workers' results in (and hand them their next file) between files
    if (n > 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(lanes);
  return results;
}

/** A progress bar on a terminal, a plain line per file otherwise (logs, CI). */
export function progressReporter(
  stream: { isTTY?: boolean; write?: (s: string) => unknown },
  plain: (s: string) => void
): BatchOptions["onProgress"] {
  const WIDTH = 30;
  return (done, total, file, results) => {
    const status = results.map((r) => STATUS_LABEL[statusOf(r)]).join("、");
    if (stream.isTTY && stream.write) {
      const filled = Math.round((done / total) * WIDTH);
      const name = path.basename(file);
      stream.write(
        `\r[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} ${name.length > 30 ? name.slice(0, 29) + "…" : name}\x1b[K`
      );
      if (done === total) stream.write("\n");
    } else plain(`[${done}/${total}] ${file}：${status}`);
  };
}

export interface BatchResult {
  results: CheckResult[];
  summary: SummaryContent;
  /** The worst file's exit code. */
  exit: number;
}

export async function runBatch(inputs: string[], o: BatchOptions): Promise<BatchResult> {
  const files = await collectFiles(inputs);
  const results = (await checkFiles(files, o)).flat();
  return {
    results,
    summary: buildSummary(results),
    exit: results.reduce((m, r) => Math.max(m, exitCodeOf(r)), 0),
  };
}

/**
 * The summary workbook's bytes; links are relative to the folder it is saved in. Written directly (sheetsXlsx.ts:
 * the workbook ExcelJS would write, in milliseconds), fast-compressed.
 */
export async function summaryWorkbook(
  summary: SummaryContent,
  summaryPath: string
): Promise<Uint8Array> {
  const dir = path.dirname(path.resolve(summaryPath));
  const sheets = summarySheets(summary, {
    linkBase: (file) => path.relative(dir, path.resolve(file)).split(path.sep).join("/"),
  });
  return newSheetsXlsx(sheets, (d) => deflateRawSync(d, { level: 1 }));
}

/** One line per form for the terminal, worst first. */
export function summaryLines(summary: SummaryContent): string[] {
  const lines = summary.rows.map(
    (r) =>
      `${STATUS_LABEL[r.status].padEnd(6, "　")} ${r.file}${r.sheet ? `（${r.sheet}）` : ""}${r.project ? ` ${r.project}` : ""}${r.grade ? ` ${r.grade}` : ""}${r.problems ? `：${r.problems}` : ""}`
  );
  lines.push(
    `共 ${summary.overview.forms} 张自评表：${summary.overview.byStatus.map((s) => `${s.label} ${s.count}`).join("，")}`
  );
  return lines;
}

/** True when an argument is a folder (check then runs as a batch even without --summary). */
export async function anyFolder(args: string[]): Promise<boolean> {
  for (const a of args) {
    try {
      if ((await stat(a)).isDirectory()) return true;
    } catch {
      // a missing file: the single-file check reports it
    }
  }
  return false;
}

/** `check` over folders or with --summary: progress on stderr, the summary (or --json) on stdout. */
export async function checkBatch(
  args: ParsedArgs,
  io: Output,
  terminal?: { isTTY?: boolean; write: (s: string) => unknown }
): Promise<number> {
  if (args.summary !== undefined && !/\.xlsx$/i.test(args.summary))
    throw new UsageError(`汇总表应为 .xlsx 文件：${args.summary}`);
  const { results, summary, exit } = await runBatch(args.files, {
    profile: args.profile,
    sheet: args.sheet,
    onProgress: progressReporter(terminal ?? {}, io.err),
  });
  if (!results.length)
    throw new InputError(
      `${args.files.map((f) => `“${f}”`).join("、")}中没有找到 .xlsx 工作簿（文件夹中也没有）：请指定要检查的工作簿。`
    );
  let code = exit;
  let wrote = false;
  if (args.summary) {
    try {
      await writeFile(args.summary, await summaryWorkbook(summary, args.summary));
      wrote = true;
    } catch (e) {
      io.err(
        `无法写入“${args.summary}”：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "文件夹不存在" : "没有写入权限或文件正被打开"}。`
      );
      code = 2;
    }
  }
  if (args.json) io.out(JSON.stringify(results, null, 2));
  else {
    for (const line of summaryLines(summary)) io.out(line);
    if (wrote) io.out(`已生成汇总表：${args.summary}`);
  }
  return code;
}
