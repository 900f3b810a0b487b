// ExcelJS rewrites the whole package when it saves: charts, pivot tables, macros, slicers and the Office add-in's own
// settings part are not carried over. The original file is never touched (fix writes a new one), but the user must be
// told before relying on the new file. Pure (reads the zip's central directory), so the web page can use it too.

/** File names in a zip, from its central directory; [] when the bytes are not a zip. */
export function zipEntryNames(data: Uint8Array): string[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // end of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= data.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(data.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const LOST_ON_SAVE: { pattern: RegExp; what: string }[] = [
  { pattern: /^xl\/charts\/chart\d*\.xml$/i, what: "图表" },
  { pattern: /^xl\/pivotTables\/.+\.xml$/i, what: "数据透视表" },
  { pattern: /^xl\/vbaProject\.bin$/i, what: "宏（VBA）" },
  { pattern: /^xl\/slicers\/.+\.xml$/i, what: "切片器" },
  { pattern: /^xl\/timelines\/.+\.xml$/i, what: "日程表" },
  { pattern: /^xl\/activeX\/.+\.xml$/i, what: "ActiveX 控件" },
  { pattern: /^xl\/ctrlProps\/.+\.xml$/i, what: "表单控件" },
  { pattern: /^xl\/webextensions\/webextension\d*\.xml$/i, what: "加载项在工作簿中保存的设置" },
];

/** What the workbook holds that a saved copy will not: "图表（2个）", "宏（VBA）"… */
export function partsLostOnSave(data: Uint8Array): string[] {
  const names = zipEntryNames(data);
  const out: string[] = [];
  for (const { pattern, what } of LOST_ON_SAVE) {
    const n = names.filter((name) => pattern.test(name)).length;
    if (n) out.push(n > 1 ? `${what}（${n}个）` : what);
  }
  return out;
}

/** The warning shown with a saved copy, or null when nothing is lost. */
export function lostPartsWarning(data: Uint8Array): string | null {
  const lost = partsLostOnSave(data);
  if (!lost.length) return null;
  return `注意：原工作簿中的${lost.join("、")}不会保留在另存的新文件中（原文件未改动）。需要保留时，请在 Excel 中打开原文件，用加载项写回。`;
}
