// Node-only helper: read an .xlsx from a path (the browser uses readWorkbook on the file's bytes).
import { readFile } from "fs/promises";
import { WorkbookGrids } from "../core/grid";
import { readWorkbook } from "./read";

export async function readWorkbookFile(path: string): Promise<WorkbookGrids> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`找不到文件：${path}`);
    if (code === "EISDIR") throw new Error(`这是一个文件夹，不是 .xlsx 文件：${path}`);
    throw new Error(`无法读取文件：${path}（${code ?? "未知错误"}）`);
  }
  return readWorkbook(bytes);
}
