// One file of a batch check, on a worker thread (or in-process when no compiled worker exists, as under ts-jest).
// What crosses the thread boundary is the public JSON (CheckJson), never an Analysis (its profile holds functions).
// Files are read by the direct reader (fastRead.ts); ExcelJS is loaded only for a file it declines, so that a
// thread starts in a few milliseconds instead of a second.
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { isMainThread, parentPort } from "node:worker_threads";
import type { CheckResult } from "../core/summarySheet";
import { checkReadWorkbook } from "../xlsx/checkBook";
import { readWorkbookFast } from "../xlsx/fastRead";
import type { ReadWorkbook } from "../xlsx/read";

/** The Grids of one file: the direct reader when it is sure, ExcelJS otherwise (same Grids either way). */
export async function readForCheck(data: Uint8Array): Promise<ReadWorkbook> {
  const fast = readWorkbookFast(data, inflateRawSync);
  if (fast) return fast;
  const { readWorkbook } = await import("../xlsx/read");
  return readWorkbook(data);
}

export interface CheckTask {
  id: number;
  file: string;
  profile: string;
  sheet?: string;
}

/** Sent once the thread has loaded its modules: only then does it get files. */
export interface WorkerReady {
  ready: true;
}

export interface CheckDone {
  id: number;
  results: CheckResult[];
}

/** Every form of one file as check --json gives it; a file that cannot be read or has no table is one failure. */
export async function checkFile(
  file: string,
  profile: string,
  sheet?: string
): Promise<CheckResult[]> {
  let data: Uint8Array;
  try {
    // one small file: a synchronous read costs a fraction of fs/promises' round trips
    data = readFileSync(file);
  } catch {
    return [
      {
        file,
        sheet: null,
        error: `无法打开文件“${file}”：文件不存在或没有读取权限。`,
        findings: [],
      },
    ];
  }
  return checkReadWorkbook(file, () => readForCheck(data), profile, sheet);
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.postMessage({ ready: true } satisfies WorkerReady);
  port.on("message", (task: CheckTask) => {
    checkFile(task.file, task.profile, task.sheet).then(
      (results) => port.postMessage({ id: task.id, results } satisfies CheckDone),
      (e: unknown) =>
        port.postMessage({
          id: task.id,
          results: [
            {
              file: task.file,
              sheet: null,
              error: `内部错误：${e instanceof Error ? e.message : String(e)}`,
              findings: [],
            },
          ],
        } satisfies CheckDone)
    );
  });
}
