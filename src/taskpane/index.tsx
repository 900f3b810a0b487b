// Entry of taskpane.html. Inside Excel the pane works on the open workbook (Office.js host); inside WPS 表格 on
// the open workbook through the ET object model (src/wps); anywhere else (no Office, or Office.onReady reports
// no host) the same page is the web version over an .xlsx file.
import { Spinner } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excelHost";

/** The engine's table test, loaded with the first read (not with the pane). */
const loadIsTableSheet = () => import("../core/analyze").then((m) => m.isTableSheet);
import { createWpsHost, wpsApplication } from "../wps/wpsHost";
import { Shell, TaskPane } from "./App";
import { WebApp } from "./WebApp";

/** Office's host when the page runs inside Excel; null on a plain web page (or when office.js did not load). */
export async function officeHost(timeoutMs = 10_000): Promise<"excel" | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs));
  const info = await Promise.race([office.onReady(), timeout]);
  return info && info.host === office.HostType.Excel ? "excel" : null;
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(
    <Shell>
      <div style={{ padding: 24 }}>
        <Spinner label="正在启动绩效自评助手…" />
      </div>
    </Shell>
  );
  // WPS first: its pages have no Office.js, and waiting for Office.onReady would only delay them
  const et = wpsApplication();
  void (et ? Promise.resolve("wps" as const) : officeHost())
    .catch(() => null)
    .then((kind) =>
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
      )
    );
}
