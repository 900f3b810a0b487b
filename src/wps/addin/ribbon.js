// The ribbon's callbacks (ribbon.xml), loaded by index.html in WPS's add-in page. Plain ES5: WPS calls these
// by name. The task pane page itself is the same bundle as in Excel (taskpane.html), which finds WPS at start.
var JIXIAO_PANE_KEY = "jixiao_taskpane_id";
var DOCK_RIGHT = 2; // msoCTPDockPositionRight

function jixiaoBaseUrl() {
  var href = decodeURI(document.location.toString());
  return href.substring(0, href.lastIndexOf("/"));
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application.ribbonUI !== "object") window.Application.ribbonUI = ribbonUI;
  return true;
}

function OnAction(control) {
  if (control.Id === "jixiaoOpen") jixiaoTogglePane();
  return true;
}

function jixiaoTogglePane() {
  var app = window.Application;
  var id = app.PluginStorage.getItem(JIXIAO_PANE_KEY);
  var pane = id ? app.GetTaskPane(id) : null;
  if (pane) {
    pane.Visible = !pane.Visible;
    return;
  }
  pane = app.CreateTaskPane(jixiaoBaseUrl() + "/taskpane.html", "绩效自评助手");
  app.PluginStorage.setItem(JIXIAO_PANE_KEY, pane.ID);
  pane.DockPosition = DOCK_RIGHT;
  pane.Visible = true;
}

function GetImage(control) {
  return control.Id === "jixiaoOpen" ? "images/jixiao-64.png" : "images/jixiao-32.png";
}

function OnGetEnabled() {
  // needs an open workbook
  return Boolean(window.Application.ActiveWorkbook);
}
