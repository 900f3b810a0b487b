// Office 2019 on Windows renders task panes with EdgeHTML 18 and Excel on Mac with the system Safari: every
// JavaScript file the production build emits (dist/web, the scripts inlined in dist/jixiao.html, dist/wps when it
// has been built) must parse as ES2017. acorn at ecmaVersion 2017 rejects object spread, optional chaining, `??`,
// optional catch bindings, class fields… and, in regular expression literals, lookbehind and named groups.
// esbuild turns a regular expression it cannot lower into `new RegExp("…")`, which parses but throws when it
// runs there: such patterns are looked for in the text too.
import * as acorn from "acorn";
import * as fs from "fs";
import * as path from "path";
import { unicodeRegExp, withoutPropertyEscapes } from "../../src/core/unicodeClass";
import { xmlSafeText } from "../../src/core/xmlSafe";
import { DIST_WEB, OFFLINE_HTML, ROOT, ensureProductionBuild } from "./productionBuild";

jest.setTimeout(900_000);

/** Regular expression syntax newer than ES2017 inside a string (as esbuild leaves it for `new RegExp`). */
const NEWER_REGEXP = /\(\?<[=!]|\(\?<[A-Za-z_$][\w$]*>/;
/** Known uses, each inside a function this project never calls (not evaluated when a chunk loads). */
const ALLOWED_REGEXP = [
  // docx's patchDocument (template placeholders {{…}}): the report is built, never patched
  String.raw`"(?<=\\{\\{).+?(?=\\}\\})"`,
];

function parse2017(code: string): string | null {
  try {
    acorn.parse(code, { ecmaVersion: 2017, sourceType: "script" });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

function jsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? jsFiles(p) : d.name.endsWith(".js") ? [p] : [];
  });
}

/** The inline scripts of an HTML page (no src attribute). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => m[1]
  );
}

describe("every emitted script parses as ES2017", () => {
  beforeAll(() => ensureProductionBuild());

  it("acorn at 2017 really refuses newer syntax (the check can fail)", () => {
    expect(parse2017("var a = { ...b };")).toMatch(/Unexpected token/);
    expect(parse2017("a?.b;")).toMatch(/Unexpected token/);
    expect(parse2017("try {} catch {}")).toMatch(/Unexpected token/);
    expect(parse2017("/(?<!a)b/;")).toMatch(/Invalid regular expression/);
    expect(parse2017("async function f() { await g(); }")).toBeNull();
    expect(NEWER_REGEXP.test(String.raw`new RegExp("(?<![a])b")`)).toBe(true);
  });

  it("dist/web: the pane, its lazy chunks (ExcelJS and docx included) and the function file", () => {
    const files = jsFiles(DIST_WEB).concat(jsFiles(path.join(ROOT, "dist/wps")));
    const names = files.map((f) => path.basename(f)).join(" ");
    expect(names).toMatch(/\bvendor\./);
    expect(names).toMatch(/\bexceljs\./);
    expect(names).toMatch(/\bdocx\./);
    expect(names).toMatch(/\bcommands\./);
    const failures = files.flatMap((f) => {
      const code = fs.readFileSync(f, "utf8");
      const err = parse2017(code);
      let rest = code;
      for (const a of ALLOWED_REGEXP) rest = rest.split(a).join("");
      const re = NEWER_REGEXP.exec(rest);
      return [
        ...(err ? [`${path.relative(ROOT, f)}: ${err}`] : []),
        ...(re ? [`${path.relative(ROOT, f)}: ${rest.slice(re.index - 40, re.index + 40)}`] : []),
      ];
    });
    expect(failures).toEqual([]);
  });

  it("dist/web/taskpane.html: the ES5 guard survives the page's minification as ES5, before office.js", () => {
    const html = fs.readFileSync(path.join(DIST_WEB, "taskpane.html"), "utf8");
    const scripts = inlineScripts(html);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain("需要 Office 2019 或更新版本，或使用网页版");
    expect(() => acorn.parse(scripts[0], { ecmaVersion: 5 })).not.toThrow();
    expect(html.indexOf(scripts[0])).toBeLessThan(html.indexOf("appsforoffice.microsoft.com"));
  });

  it("dist/jixiao.html: its inline scripts (the ES5 guard and the whole web version)", () => {
    const scripts = inlineScripts(fs.readFileSync(OFFLINE_HTML, "utf8"));
    expect(scripts.length).toBe(2);
    // the guard must run in IE11: ES5
    expect(acorn.parse(scripts[0], { ecmaVersion: 5 })).toBeTruthy();
    // ExcelJS and docx are in the one script
    expect(scripts[1]).toContain("ExcelJS");
    expect(scripts[1].length).toBeGreaterThan(1_500_000);
    expect(parse2017(scripts[1])).toBeNull();
    let rest = scripts[1];
    for (const a of ALLOWED_REGEXP) rest = rest.split(a).join("");
    expect(rest.match(NEWER_REGEXP)).toBeNull();
  });
});

describe("code rewritten for ES2017 keeps its behaviour", () => {
  it("xmlSafeText keeps surrogate pairs and drops lone halves (without lookbehind)", () => {
    expect(xmlSafeText("a\uD83D\uDE00b\uD800c\uDC00d\uDC00\uD800")).toBe("a\uD83D\uDE00bcd");
  });

  it("\\p{L} and \\p{N} without ES2018 (EdgeHTML 18) still tell units, labels and blanks apart", () => {
    const unit = withoutPropertyEscapes("^[\\p{L}/‰°]+$");
    for (const u of ["次/年", "km", "‰", "°", "人次", "ｋｍ"]) expect(unit.test(u)).toBe(true);
    for (const u of ["3", "个1", "%", "次 年", ""]) expect(unit.test(u)).toBe(false);
    const filled = withoutPropertyEscapes("[\\p{L}\\p{N}]");
    for (const s of ["五", "２", "x", "①"]) expect(filled.test(s)).toBe(true);
    for (const s of ["", " ", "—", "/", "（）"]) expect(filled.test(s)).toBe(false);
    // where the engine has them (Node), the real classes: a letter of any script
    expect(unicodeRegExp("^[\\p{L}]+$").test("ñandúΣ文")).toBe(true);
    expect(unicodeRegExp("^[\\p{L}]+$").flags).toBe("u");
  });
});
