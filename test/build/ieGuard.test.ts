// Office 2016 renders task panes with IE11, which cannot parse the pane's ES2017 bundle: taskpane.html's ES5 guard
// says what to do instead of leaving the pane blank. Run in jsdom over the page as written (the bundle is not
// needed: in IE11 it fails to parse and does nothing), once as IE11 (no Promise, no async functions) and once as a
// browser that can run the pane.
import * as acorn from "acorn";
import * as fs from "fs";
import { JSDOM } from "jsdom";
import * as path from "path";

const PAGE = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
const MESSAGE = "需要 Office 2019 或更新版本，或使用网页版。";

async function open(asIE11: boolean): Promise<Window> {
  const dom = new JSDOM(PAGE, {
    runScripts: "dangerously",
    beforeParse(window) {
      if (!asIE11) return;
      const w = window as unknown as Record<string, unknown>;
      w.Promise = undefined;
      // IE11's Function constructor throws a SyntaxError on an arrow or async function
      w.Function = function () {
        throw new SyntaxError("Syntax error");
      };
    },
  });
  const { window } = dom;
  if (window.document.readyState === "loading")
    await new Promise((r) => window.document.addEventListener("DOMContentLoaded", r));
  return window as unknown as Window;
}

describe("taskpane.html in a browser too old for the pane (Office 2016, IE11)", () => {
  it("shows 需要 Office 2019 或更新版本，或使用网页版 as an alert instead of a blank pane", async () => {
    const w = await open(true);
    const box = w.document.getElementById("container")!;
    expect(box.textContent).toBe(MESSAGE);
    expect(box.getAttribute("role")).toBe("alert");
    // and tells the bundle not to start (where a browser could parse it after all)
    expect((w as unknown as { __jixiaoUnsupported?: boolean }).__jixiaoUnsupported).toBe(true);
  });

  it("shows nothing of the kind where the pane can run", async () => {
    const w = await open(false);
    expect(w.document.getElementById("container")!.textContent).toBe("");
    expect((w as unknown as { __jixiaoUnsupported?: boolean }).__jixiaoUnsupported).toBeUndefined();
  });

  it("is itself ES5, so IE11 can run it", () => {
    const scripts = [...PAGE.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(() => acorn.parse(scripts[0], { ecmaVersion: 5 })).not.toThrow();
    expect(() => acorn.parse("let a = () => 1;", { ecmaVersion: 5 })).toThrow();
  });
});

describe("taskpane.html loads office.js without blocking", () => {
  it("the office.js tag is async, so the pane renders where the CDN does not answer", () => {
    const tag = PAGE.match(/<script\b[^>]*appsforoffice\.microsoft\.com[^>]*>/)![0];
    expect(tag).toMatch(/\basync\b/);
    expect(tag).toMatch(
      /src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"/
    );
  });
});
