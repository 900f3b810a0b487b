/**
 * @jest-environment jsdom
 */
// `npm run build:wps` packaging (scripts/build-wps.js) over a stand-in webpack output: the ribbon is well-formed
// XML whose every callback is defined in the callbacks JS, the button opens the task pane page that was packaged,
// and the online and offline deployment files point at the add-in.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require("../scripts/build-wps.js") as {
  build: (o: { web: string; out: string; url?: string }) => { out: string; addin: string };
};

let out = "";
let addin = "";

beforeAll(() => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-wps-"));
  const web = path.join(tmp, "web");
  fs.mkdirSync(web);
  // what webpack emits into dist/web (names hashed in production)
  fs.writeFileSync(
    path.join(web, "taskpane.html"),
    // minified as html-webpack-plugin emits it in production: unquoted attributes
    `<!doctype html><html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src=taskpane.0123abcd.js></script></head><body><div id=container></div></body></html>`
  );
  fs.writeFileSync(path.join(web, "taskpane.0123abcd.js"), "/* bundle */");
  fs.writeFileSync(path.join(web, "commands.html"), "<html></html>");
  fs.writeFileSync(path.join(web, "manifest.xml"), "<OfficeApp/>");
  ({ out, addin } = build({
    web,
    out: path.join(tmp, "wps"),
    url: "https://oa.example.gov.cn/jixiao",
  }));
});

function parseXml(file: string): Document {
  const doc = new DOMParser().parseFromString(fs.readFileSync(file, "utf8"), "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

/** ribbon.js evaluated as WPS does (globals in the add-in page), with a fake Application. */
function loadCallbacks(app: unknown): Record<string, unknown> {
  const context: Record<string, unknown> = {
    window: { Application: app },
    document: { location: "https://oa.example.gov.cn/jixiao/index.html" },
  };
  vm.runInNewContext(fs.readFileSync(path.join(addin, "ribbon.js"), "utf8"), context);
  return context;
}

describe("npm run build:wps output", () => {
  it("has a well-formed ribbon.xml with a 绩效自评 button on its own tab", () => {
    const doc = parseXml(path.join(addin, "ribbon.xml"));
    const tab = doc.getElementsByTagName("tab")[0];
    expect(tab.getAttribute("label")).toBe("绩效自评");
    expect(tab.getElementsByTagName("button")[0].getAttribute("label")).toBe("绩效自评");
  });

  it("defines every callback the ribbon names", () => {
    const doc = parseXml(path.join(addin, "ribbon.xml"));
    const names = new Set<string>();
    for (const el of Array.from(doc.getElementsByTagName("*")))
      for (const attr of Array.from(el.attributes))
        if (/^(on[A-Z]|get[A-Z])/.test(attr.name)) names.add(attr.value);
    expect(names.size).toBeGreaterThanOrEqual(3);
    const callbacks = loadCallbacks({});
    for (const name of names) expect([name, typeof callbacks[name]]).toEqual([name, "function"]);
    // the images the ribbon asks for were packaged
    const image = (callbacks.GetImage as (c: { Id: string }) => string)({ Id: "jixiaoOpen" });
    expect(fs.existsSync(path.join(addin, image))).toBe(true);
  });

  it("the button opens the packaged task pane on the right, and a second click hides it", () => {
    const storage = new Map<string, unknown>();
    const panes: { ID: string; url: string; Visible: boolean; DockPosition?: number }[] = [];
    const app = {
      ActiveWorkbook: {},
      PluginStorage: {
        getItem: (k: string) => storage.get(k),
        setItem: (k: string, v: unknown) => storage.set(k, v),
      },
      CreateTaskPane: (url: string) => {
        const pane = { ID: `pane${panes.length + 1}`, url, Visible: false };
        panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: string) => panes.find((p) => p.ID === id),
    };
    const callbacks = loadCallbacks(app);
    const click = () =>
      (callbacks.OnAction as (c: { Id: string }) => boolean)({ Id: "jixiaoOpen" });
    click();
    expect(panes).toEqual([
      {
        ID: "pane1",
        url: "https://oa.example.gov.cn/jixiao/taskpane.html",
        Visible: true,
        DockPosition: 2,
      },
    ]);
    click();
    expect(panes).toHaveLength(1);
    expect(panes[0].Visible).toBe(false);
    expect((callbacks.OnGetEnabled as () => boolean)()).toBe(true);
  });

  it("packages the task pane page without office.js, and leaves the Office manifest out", () => {
    const html = fs.readFileSync(path.join(addin, "taskpane.html"), "utf8");
    expect(html).not.toMatch(/office\.js/);
    expect(html).toMatch(/taskpane\.0123abcd\.js/);
    expect(fs.existsSync(path.join(addin, "taskpane.0123abcd.js"))).toBe(true);
    expect(fs.existsSync(path.join(addin, "index.html"))).toBe(true);
    expect(fs.existsSync(path.join(addin, "manifest.xml"))).toBe(false);
  });

  it("writes jsplugins.xml and publish.html for online, publish.xml and the folder for offline", () => {
    const online = parseXml(path.join(out, "jsplugins.xml")).getElementsByTagName(
      "jspluginonline"
    )[0];
    expect(online.getAttribute("type")).toBe("et");
    expect(online.getAttribute("url")).toBe("https://oa.example.gov.cn/jixiao/");
    expect(fs.readFileSync(path.join(out, "publish.html"), "utf8")).toContain(
      '"url":"https://oa.example.gov.cn/jixiao/"'
    );
    const offline = parseXml(path.join(out, "offline/jsaddons/publish.xml")).getElementsByTagName(
      "jsplugin"
    )[0];
    const folder = path.join(out, "offline/jsaddons", offline.getAttribute("url")!);
    expect(fs.existsSync(path.join(folder, "ribbon.xml"))).toBe(true);
    expect(fs.existsSync(path.join(folder, "taskpane.html"))).toBe(true);
  });
});
