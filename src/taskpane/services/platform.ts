// Where a Blob download works. In the Mac and iPad Excel task panes it does nothing (Microsoft: by design), so the
// pane must not offer one there, and never say 已开始下载 for it.
interface OfficeLike {
  context?: { platform?: string; diagnostics?: { platform?: string } };
}

export type DownloadSupport = { ok: true } | { ok: false; reason: string };

export const NO_DOWNLOAD_REASON =
  "Mac 和 iPad 版 Excel 的加载项窗格不能下载文件（微软有意如此限制）。可以用“生成报告”在工作簿中添加报告工作表，或点“复制报告全文”后粘贴到 Word。";

/** Office's platform (Mac, iOS, PC, OfficeOnline…), or null outside Office (the web page) or before onReady. */
export function officePlatform(
  office: OfficeLike | undefined = (globalThis as unknown as { Office?: OfficeLike }).Office
): string | null {
  try {
    return office?.context?.platform ?? office?.context?.diagnostics?.platform ?? null;
  } catch {
    return null; // Office.context before onReady throws in some builds
  }
}

export function downloadSupport(platform: string | null = officePlatform()): DownloadSupport {
  return platform === "Mac" || platform === "iOS"
    ? { ok: false, reason: NO_DOWNLOAD_REASON }
    : { ok: true };
}
