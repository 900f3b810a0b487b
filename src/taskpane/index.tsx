// Entry of taskpane.html. Inside Excel the pane works on the open workbook (Office.js host); inside WPS 表格 on
// the open workbook through the ET object model (src/wps); anywhere else (no Office, or Office.onReady reports
// no host) the same page is the web version over an .xlsx file.
//
// office.js is an async script (taskpane.html): the pane renders its spinner at once, and where the CDN does not
// answer (an intranet without Microsoft's CDN) the web version starts after OFFICE_WAIT_MS. Should office.js
// arrive later and report Excel, the pane switches to the add-in then.
import { Spinner } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excelHost";
import { createWpsHost, wpsApplication } from "../wps/wpsHost";
import { Shell, TaskPane } from "./App";
import { WebApp } from "./WebApp";

/** The engine's table test, loaded with the first read (not with the pane). */
const loadIsTableSheet = () => import("../core/analyze").then((m) => m.isTableSheet);

/** How long the page waits for office.js before starting the web version. */
export const OFFICE_WAIT_MS = 2_000;

type OfficeGlobal = { Office?: typeof Office };

/**
 * Whether office.js has run: true at once if it already has, false at once if the page has no office.js tag (the
 * WPS copy), else when the tag loads (true) or fails (false), or false after `waitMs` (Infinity: no limit).
 */
export function officeLoaded(waitMs: number): Promise<boolean> {
  if ((globalThis as OfficeGlobal).Office) return Promise.resolve(true);
  const tag = document.querySelector<HTMLScriptElement>(
    'script[src*="appsforoffice.microsoft.com"]'
  );
  if (!tag) return Promise.resolve(false);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok && Boolean((globalThis as OfficeGlobal).Office));
    };
    tag.addEventListener("load", () => done(true), { once: true });
    tag.addEventListener("error", () => done(false), { once: true });
    if (Number.isFinite(waitMs)) timer = setTimeout(() => done(true), waitMs);
  });
}

/** Office's host when the page runs inside Excel; null on a plain web page (or when office.js did not load). */
export async function officeHost(
  waitMs = OFFICE_WAIT_MS,
  readyMs = 10_000
): Promise<"excel" | null> {
  if (!(await officeLoaded(waitMs))) return null;
  const office = (globalThis as OfficeGlobal).Office;
  if (!office || typeof office.onReady !== "function") return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), readyMs));
  const info = await Promise.race([office.onReady(), timeout]);
  return info && info.host === office.HostType.Excel ? "excel" : null;
}

const container = document.getElementById("container");
// the ES5 guard of taskpane.html has already said this browser is too old
const unsupported = (window as { __jixiaoUnsupported?: boolean }).__jixiaoUnsupported;
if (container && !unsupported) {
  const root = createRoot(container);
  root.render(
    <Shell>
      <div style={{ padding: 24 }}>
        <Spinner label="正在启动绩效自评助手…" />
      </div>
    </Shell>
  );
  const show = (kind: "excel" | "wps" | null) =>
    root.render(
      <Shell>
        {kind === "excel" ? (
          <TaskPane host={createExcelHost(loadIsTableSheet)} />
        ) : kind === "wps" && et ? (
          <TaskPane host={createWpsHost(et)} />
        ) : (
          <WebApp />
        )}
      </Shell>
    );
  // WPS first: its pages have no Office.js, and waiting for Office.onReady would only delay them
  const et = wpsApplication();
  if (et) show("wps");
  else
    void officeHost()
      .catch(() => null)
      .then((kind) => {
        show(kind);
        // office.js late (a slow CDN) but inside Excel after all: the add-in replaces the web version
        if (kind !== "excel")
          void officeHost(Infinity)
            .catch(() => null)
            .then((late) => late === "excel" && show("excel"));
      });
}
