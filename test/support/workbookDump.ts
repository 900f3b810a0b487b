// Whole-workbook comparisons for the write-back tests: every cell (value, type, style), merge, sheet, column width
// and row height, read back with ExcelJS; and an independent formula engine (HyperFormula) over the same cells.
import * as ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { parseA1 } from "../../src/core/grid";

export async function loadExcel(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return wb;
}

function plain(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v ?? null, (_k, x) => (x instanceof Date ? { date: x.toISOString() } : x))
  );
}

/** "sheet!A1" → { value, style } for every cell inside the used area of every sheet (empty ones included). */
export function cellMap(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value === null || cell.value === undefined ? null : plain(cell.value);
        const style = plain(cell.style ?? {});
        const empty = value === null && JSON.stringify(style) === "{}";
        if (!empty) out.set(`${ws.name}!${cell.address}`, JSON.stringify({ value, style }));
      })
    );
  return out;
}

/** Sheet-level facts: names in order, merges, column widths, row heights, protection. */
export function sheetFacts(wb: ExcelJS.Workbook): unknown[] {
  return wb.worksheets.map((ws) => {
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
    const heights: (number | undefined)[] = [];
    for (let r = 1; r <= ws.rowCount; r++) heights.push(ws.getRow(r).height);
    return {
      name: ws.name,
      state: ws.state,
      merges: [...(ws.model.merges ?? [])].sort(),
      widths,
      heights,
      protection: plain((ws as unknown as { sheetProtection?: unknown }).sheetProtection ?? null),
    };
  });
}

/** Cells whose dump differs between two workbooks (added, removed or changed). */
export function changedCells(a: ExcelJS.Workbook, b: ExcelJS.Workbook): string[] {
  const x = cellMap(a);
  const y = cellMap(b);
  const keys = new Set([...x.keys(), ...y.keys()]);
  return [...keys].filter((k) => x.get(k) !== y.get(k)).sort();
}

/** The workbook in HyperFormula: values as data (text starting with = kept as text), formulas as formulas. */
export function formulaEngine(wb: ExcelJS.Workbook): {
  value: (sheet: string, address: string) => unknown;
  engine: HyperFormula;
} {
  const sheets: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const line = (rows[r - 1] ??= []);
        const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
        if (v && typeof v === "object" && "formula" in v)
          line[c - 1] = `=${(v as ExcelJS.CellFormulaValue).formula}`;
        else if (typeof v === "string") line[c - 1] = /^[=']/.test(v) ? `'${v}` : v;
        else if (typeof v === "number" || typeof v === "boolean") line[c - 1] = v;
        else line[c - 1] = null;
      })
    );
    for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (x) => x ?? null);
    sheets[ws.name] = rows;
  }
  const engine = HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
  return {
    engine,
    value: (sheet, address) => {
      const p = parseA1(address);
      const id = engine.getSheetId(sheet);
      if (id === undefined) throw new Error(`no sheet ${sheet}`);
      return engine.getCellValue({ sheet: id, row: p.row - 1, col: p.col - 1 });
    },
  };
}

/** The formula and cached result of a cell, or its plain value. */
export function formulaOf(
  wb: ExcelJS.Workbook,
  sheet: string,
  address: string
): { formula?: string; result?: unknown; value?: unknown } {
  const v = wb.getWorksheet(sheet)?.getCell(address).value;
  if (v && typeof v === "object" && "formula" in v) {
    const f = v as ExcelJS.CellFormulaValue;
    return { formula: `=${f.formula}`, result: f.result };
  }
  return { value: v };
}
