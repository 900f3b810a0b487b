// ExcelJS → Grid. Works in Node and in the browser bundle (no fs here; see readFile.ts for paths).
import * as ExcelJS from "exceljs";
import { Grid, parseRangeA1, Range, WorkbookGrids } from "../core/grid";
import { dateToSerial, readCell } from "./cellValue";
import { sheetPackageFacts } from "./patch";
import { PackageRefused, preparePackage, type SkippedSheet } from "./inspect";

export { dateToSerial };

function sheetMerges(ws: ExcelJS.Worksheet): Range[] {
  const list: string[] = ws.model.merges ?? [];
  return list.map((m) => parseRangeA1(m));
}

/** Converts one ExcelJS worksheet; a merged area's value is kept in its master cell only. */
export function worksheetToGrid(
  ws: ExcelJS.Worksheet,
  options: { date1904?: boolean; protected?: boolean; zeroFormulas?: Set<string> } = {}
): Grid {
  const date1904 = options.date1904 ?? Boolean(ws.workbook?.properties?.date1904);
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  const grid = new Grid(ws.name, {
    merges: sheetMerges(ws),
    protected: Boolean(protection?.sheet) || Boolean(options.protected),
    mergesKnown: true,
    hidden: ws.state === "hidden" || ws.state === "veryHidden",
  });
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (!grid.isMaster(r, col)) return; // ExcelJS repeats the master's value in the whole area
      const cell = readCell(c, date1904);
      // ExcelJS drops a cached result of 0: the package says the formula was calculated
      if (cell?.formula && cell.value === null && options.zeroFormulas?.has(c.address))
        cell.value = 0;
      if (cell) grid.set(r, col, cell);
    });
  });
  return grid;
}

const BAD_FILE = "无法读取文件：不是有效的 .xlsx 工作簿";

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** What a read found besides the grids: sheets left out (too big to hold a form) and hidden sheets. */
export interface ReadNotes {
  skipped: SkippedSheet[];
  hidden: string[];
  droppedMerges: string[];
}

export type ReadWorkbook = WorkbookGrids & { notes?: ReadNotes };

/**
 * Reads every sheet of an .xlsx workbook, in order. Throws an Error with a one-sentence Chinese message on bad
 * data. The package is inspected first (inspect.ts): sheets that cannot hold a form are read as empty.
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array): Promise<ReadWorkbook> {
  const bytes = toBytes(data);
  let prepared;
  try {
    prepared = await preparePackage(bytes);
  } catch (e) {
    if (e instanceof PackageRefused) throw new Error(`无法读取文件：${e.message}`);
    throw new Error(`${BAD_FILE}（文件已损坏或是其他格式），请在 Excel 中“另存为” .xlsx 后再试。`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typing says Buffer; it accepts any binary JSZip accepts (Uint8Array, ArrayBuffer, Buffer).
    await wb.xlsx.load(prepared.data as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error(`${BAD_FILE}（文件已损坏或是其他格式），请在 Excel 中“另存为” .xlsx 后再试。`);
  }
  if (wb.worksheets.length === 0) throw new Error(`${BAD_FILE}（没有找到任何工作表）。`);
  const date1904 = Boolean(wb.properties?.date1904);
  // sheet="true" (LibreOffice) is protection too, though ExcelJS reads only sheet="1"
  // (the reduced package: sheets too big to hold a form are already left out)
  const facts = await sheetPackageFacts(prepared.data);
  try {
    return {
      sheets: wb.worksheets.map((ws) =>
        worksheetToGrid(ws, {
          date1904,
          protected: facts.protectedSheets.has(ws.name),
          zeroFormulas: facts.zeroFormulas.get(ws.name),
        })
      ),
      notes: {
        skipped: prepared.skipped,
        hidden: prepared.hidden,
        droppedMerges: prepared.droppedMerges,
      },
    };
  } catch {
    throw new Error(`${BAD_FILE}（工作表内容无法解析）。`);
  }
}
