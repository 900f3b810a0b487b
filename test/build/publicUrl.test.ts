// JIXIAO_PUBLIC_URL (README “部署到单位内网”): the production build rewrites dist/web/manifest.xml so that every
// address points at the intranet server IT hosts dist/web on. Tested on webpack.config.js's own rewrite function
// (what CopyWebpackPlugin applies), over the real manifest.xml.
import * as fs from "fs";
import * as path from "path";
import {
  checkHttps,
  descendants,
  parseXml,
  validateManifestSchema,
} from "../support/manifestCheck";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as {
  (env: object, argv: { mode?: string }): { name: string; plugins: unknown[] }[] | object;
  rewriteManifest(xml: string, publicUrl: string): string;
};

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const SCHEMA_DIR = path.resolve(ROOT, "../shared/schemas/office-addin-manifest");

/** Every URL-valued attribute and <AppDomain> of a manifest, in document order. */
function urls(xml: string): string[] {
  const root = parseXml(xml);
  const out: string[] = [];
  for (const el of descendants(root)) {
    if (el.local === "AppDomain") out.push(el.text);
    for (const v of Object.values(el.attrs)) if (/^https?:\/\//.test(v)) out.push(v);
  }
  return out;
}

describe("JIXIAO_PUBLIC_URL rewrites the manifest", () => {
  it("points the pane, the icons and the function file at the intranet server, under its path", () => {
    const xml = config.rewriteManifest(MANIFEST, "https://oa.example.gov.cn/apps/jixiao/");
    const all = urls(xml);
    expect(xml).not.toContain("https://localhost");
    expect(all).toContain("https://oa.example.gov.cn/apps/jixiao/taskpane.html");
    expect(all).toContain("https://oa.example.gov.cn/apps/jixiao/commands.html");
    expect(all).toContain("https://oa.example.gov.cn/apps/jixiao/assets/icon-80.png");
    // AppDomain is an origin, not a folder
    expect(descendants(parseXml(xml), "AppDomain").map((d) => d.text)).toEqual([
      "https://oa.example.gov.cn",
    ]);
    for (const u of all.filter((u) => !u.startsWith("http://schemas")))
      expect(u).toMatch(/^https:\/\/oa\.example\.gov\.cn(\/apps\/jixiao\/|$)/);
    expect(checkHttps(parseXml(xml))).toEqual([]);
  });

  it("gives the same manifest with or without the trailing slash, and leaves the rest alone", () => {
    const a = config.rewriteManifest(MANIFEST, "https://jx.intra:8443/");
    expect(config.rewriteManifest(MANIFEST, "https://jx.intra:8443")).toBe(a);
    expect(urls(a)).toContain("https://jx.intra:8443/taskpane.html");
    // only the addresses changed: the same manifest once they are put back
    expect(a.split("https://jx.intra:8443").join("https://localhost:3000")).toBe(MANIFEST);
  });

  it("refuses an http:// address (Office loads add-ins over https only)", () => {
    expect(() => config.rewriteManifest(MANIFEST, "http://oa.example.gov.cn/jixiao/")).toThrow(
      /must be an https:\/\/ address/
    );
  });

  const haveSchemas = fs.existsSync(path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"));
  (haveSchemas ? it : it.skip)(
    "the rewritten manifest is still valid against the Office XSDs",
    async () => {
      const xml = config.rewriteManifest(MANIFEST, "https://oa.example.gov.cn/apps/jixiao/");
      expect(await validateManifestSchema(xml, SCHEMA_DIR)).toEqual([]);
    }
  );
});
