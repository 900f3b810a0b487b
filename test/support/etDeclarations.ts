/// <reference types="wps-jsapi" />
// Compile-time check (tsc -p tsconfig.json): every member src/wps/et.ts declares, and the ribbon callbacks use,
// exists under that name in wps-jsapi's declarations of the ET object model. A misspelt member fails the type check.
import type * as Ours from "../../src/wps/et";

type Members<Theirs, K extends keyof Theirs> = K;

export type Checked = [
  Members<Et.EtRange, keyof Ours.EtRange>,
  Members<Et.EtWorksheet, keyof Ours.EtWorksheet>,
  Members<Et.EtSheets, keyof Ours.EtWorksheets>,
  Members<Et.EtWorkbook, keyof Ours.EtWorkbook>,
  Members<Et.EtApplication, Exclude<keyof Ours.EtApplication, "ApiEvent">>,
  Members<Et.EtInterior, keyof Ours.EtInterior>,
  Members<Et.EtFont, keyof Ours.EtFont>,
  Members<Et.EtBorder, keyof Ours.EtBorder>,
  Members<Et.EtBorders, keyof Ours.EtBorders>,
];

/** What src/wps/addin/ribbon.js and wpsHost.ts's onChanged call on window.Application (the `wps` namespace). */
export type JsApiCalls = [
  typeof wps.ApiEvent.AddApiEventListener,
  typeof wps.ApiEvent.RemoveApiEventListener,
  typeof wps.CreateTaskPane,
  typeof wps.GetTaskPane,
  typeof wps.PluginStorage.getItem,
  typeof wps.PluginStorage.setItem,
  wps.CustomTaskpane["Visible" | "DockPosition" | "ID"],
];
