// Whether the page runs inside WPS 表格: the one question the pane's start-up code (src/taskpane/index.tsx) asks
// before the WPS gateway (wpsHost.ts, loaded only inside WPS) is needed.
import type { EtApplication } from "./et";

/**
 * WPS's ET Application when the page runs as a WPS add-in: `window.Application` with a workbook model, or the
 * `wps` global's EtApplication(). Null elsewhere (Excel, a plain browser).
 */
export function wpsApplication(global: unknown = globalThis): EtApplication | null {
  const g = global as {
    Application?: unknown;
    wps?: { EtApplication?: () => unknown };
  };
  const isEt = (a: unknown): a is EtApplication =>
    typeof a === "object" && a !== null && "ActiveWorkbook" in a && "Worksheets" in a;
  try {
    if (isEt(g.Application)) return g.Application;
    const viaWps = typeof g.wps?.EtApplication === "function" ? g.wps.EtApplication() : null;
    return isEt(viaWps) ? viaWps : null;
  } catch {
    return null;
  }
}
