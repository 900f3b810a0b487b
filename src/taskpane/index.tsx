// Entry of taskpane.html. Inside Excel the pane works on the open workbook (Office.js host); inside WPS 表格 on
// the open workbook through the ET object model (src/wps); anywhere else (no Office, or Office.onReady reports
// no host) the same page is the web version over an .xlsx file.
//
// office.js is an async script (taskpane.html): the pane renders its spinner at once, and where the CDN does not
// answer (an intranet without Microsoft's CDN) the web version starts after OFFICE_WAIT_MS. Should office.js
// arrive later and report Excel, the pane switches to the add-in then.
//
// Each host's own code is a chunk of its own, loaded once the host is known: the Office.js gateway (fetched as soon
// as office.js has loaded, while Office.onReady is pending), the WPS gateway, the web version's file handling.
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { wpsApplication } from "../wps/wpsApplication";
import { Shell } from "./Shell";

/** The engine's table test, loaded with the first read (not with the pane). */
const loadIsTableSheet = () => import("../core/analyze").then((m) => m.isTableSheet);
const loadExcelHost = () => import(/* webpackChunkName: "host-excel" */ "../excel/excelHost");
/**
 * The pane itself (App.tsx: pickers, 检查, hooks): a chunk fetched at start-up, while office.js loads and the
 * spinner shows, so that the first paint waits only for React, Fluent's provider and the spinner.
 */
const loadPane = () => import(/* webpackChunkName: "pane" */ "./App");

// each host made once, when its chunk has loaded
const ExcelPane = lazy(async () => {
  const [{ createExcelHost }, { TaskPane }] = await Promise.all([loadExcelHost(), loadPane()]);
  const host = createExcelHost(loadIsTableSheet);
  return { default: () => <TaskPane host={host} /> };
});
const WpsPane = lazy(async () => {
  const [{ createWpsHost }, { TaskPane }] = await Promise.all([
    import(/* webpackChunkName: "host-wps" */ "../wps/wpsHost"),
    loadPane(),
  ]);
  const host = createWpsHost(wpsApplication()!);
  return { default: () => <TaskPane host={host} /> };
});
const WebApp = lazy(() =>
  import(/* webpackChunkName: "web" */ "./WebApp").then((m) => ({ default: m.WebApp }))
);

/** How long the page waits for office.js before starting the web version. */
export const OFFICE_WAIT_MS = 1_500;

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
  void loadExcelHost(); // likely inside Excel: fetch the gateway while Office gets ready
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
  // at once, in parallel with office.js and the host gateway (a failure shows when the pane is rendered)
  loadPane().catch(() => undefined);
  const root = createRoot(container);
  const starting = (
    <div style={{ padding: 24 }}>
      <Spinner label="正在启动绩效自评助手…" />
    </div>
  );
  root.render(<Shell>{starting}</Shell>);
  const show = (kind: "excel" | "wps" | null) =>
    root.render(
      <Shell>
        <Suspense fallback={starting}>
          {kind === "excel" ? <ExcelPane /> : kind === "wps" ? <WpsPane /> : <WebApp />}
        </Suspense>
      </Shell>
    );
  // WPS first: its pages have no Office.js, and waiting for Office.onReady would only delay them
  if (wpsApplication()) show("wps");
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
