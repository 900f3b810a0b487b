/**
 * manifest.xml: schema validation against the Office XSDs (when ../shared/schemas is present) and offline checks
 * of our own (always). Each offline check is also shown to fail on a mutated copy of the manifest.
 */
import * as fs from "fs";
import * as path from "path";
import {
  checkHost,
  checkHttps,
  checkIcons,
  checkId,
  checkLocales,
  checkManifest,
  checkPermissions,
  checkRequirements,
  checkResids,
  checkRibbon,
  checkVersion,
  parseXml,
  pngSize,
  validateManifestSchema,
} from "./support/manifestCheck";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const SCHEMA_DIR = path.resolve(__dirname, "../../shared/schemas/office-addin-manifest");
const OPTIONS = { rootDir: ROOT };

/** The manifest with `from` replaced by `to`; fails loudly when `from` is not there (so a mutation cannot rot). */
function mutate(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  if (out === MANIFEST) throw new Error(`mutation target not found: ${String(from)}`);
  return out;
}

const root = (xml = MANIFEST) => parseXml(xml);

describe("manifest.xml schema (OfficeAppManifestV1_1.xsd)", () => {
  const haveSchemas = fs.existsSync(path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"));
  if (!haveSchemas) {
    console.log(`manifest schema test skipped: ${SCHEMA_DIR} not found`);
  }
  const schemaIt = haveSchemas ? it : it.skip;

  schemaIt("validates", async () => {
    expect(await validateManifestSchema(MANIFEST, SCHEMA_DIR)).toEqual([]);
  });

  schemaIt("rejects a broken manifest (the validator really runs)", async () => {
    const errors = await validateManifestSchema(
      mutate(/<Permissions>[^<]*<\/Permissions>/, ""),
      SCHEMA_DIR
    );
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe("manifest.xml offline checks", () => {
  it("passes every check", () => {
    expect(checkManifest(MANIFEST, OPTIONS)).toEqual([]);
  });

  it("is the Excel task pane add-in 绩效自评助手", () => {
    const r = root();
    const text = (local: string) => r.children.find((c) => c.local === local);
    expect(r.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(text("Version")?.text).toBe("1.0.0.0");
    expect(text("DisplayName")?.attrs.DefaultValue).toBe("绩效自评助手");
    expect(text("DefaultSettings")?.children[0].attrs.DefaultValue).toBe(
      "https://localhost:3000/taskpane.html"
    );
    const vo = text("VersionOverrides");
    expect(vo?.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("reads PNG sizes and refuses non-PNGs", () => {
    expect(pngSize(fs.readFileSync(path.join(ROOT, "assets/icon-80.png")))).toEqual({
      width: 80,
      height: 80,
    });
    expect(pngSize(Buffer.from("GIF89a not a png at all, not at all"))).toBeNull();
  });

  it("parses XML and rejects bad nesting", () => {
    const r = parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<a x="1 &amp; 2"><b:c/>t&lt;<d>e</d></a>'
    );
    expect(r.attrs.x).toBe("1 & 2");
    expect(r.children.map((c) => c.local)).toEqual(["c", "d"]);
    expect(r.children[1].line).toBe(3);
    expect(() => parseXml("<a><b></a></b>")).toThrow(/does not close/);
    expect(() => parseXml("<a>")).toThrow(/never closed/);
  });

  describe("each check reports a problem on a broken copy", () => {
    const cases: [string, string, (xml: string) => string[], RegExp][] = [
      [
        "bad GUID",
        mutate(/<Id>[^<]*<\/Id>/, "<Id>31aa06b9-e429-4ce5-a5c7-10728256b80</Id>"),
        (xml) => checkId(root(xml)),
        /not a GUID/,
      ],
      [
        "bad version",
        mutate("<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"),
        (xml) => checkVersion(root(xml)),
        /Version/,
      ],
      [
        "missing resid",
        mutate(/<bt:String id="JX\.Group\.Label"[\s\S]*?<\/bt:String>/, ""),
        (xml) => checkResids(root(xml)),
        /"JX\.Group\.Label" .* is not defined/,
      ],
      [
        "resid longer than 32 characters",
        MANIFEST.split('"JX.Button.Tooltip"').join('"JX.TaskpaneButton.Tooltip.Long.12"'),
        (xml) => checkResids(root(xml)),
        /33 characters, more than 32/,
      ],
      [
        "resid pointing at the wrong kind of resource",
        mutate('<Label resid="JX.Group.Label"/>', '<Label resid="JX.Button.Tooltip"/>'),
        (xml) => checkResids(root(xml)),
        /should name one of <bt:ShortStrings>/,
      ],
      [
        "http URL",
        mutate("https://localhost:3000/commands.html", "http://localhost:3000/commands.html"),
        (xml) => checkHttps(root(xml)),
        /"http:\/\/localhost:3000\/commands\.html" is not https/,
      ],
      [
        "http icon URL",
        mutate('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'),
        (xml) => checkHttps(root(xml)),
        /<IconUrl> URL .* is not https/,
      ],
      [
        "missing icon file",
        mutate(
          'DefaultValue="https://localhost:3000/assets/icon-80.png"',
          'DefaultValue="https://localhost:3000/assets/icon-81.png"'
        ),
        (xml) => checkIcons(root(xml), OPTIONS),
        /icon-81\.png does not exist/,
      ],
      [
        "icon of the wrong size",
        mutate(
          'DefaultValue="https://localhost:3000/assets/icon-80.png"',
          'DefaultValue="https://localhost:3000/assets/icon-64.png"'
        ),
        (xml) => checkIcons(root(xml), OPTIONS),
        /icon-64\.png is 64×64, declared 80×80/,
      ],
      [
        "icon that is not a PNG",
        mutate(
          '<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
          '<IconUrl DefaultValue="https://localhost:3000/manifest.xml"/>'
        ),
        (xml) => checkIcons(root(xml), OPTIONS),
        /manifest\.xml is not a PNG/,
      ],
      [
        "wrong ExcelApi version",
        mutate(
          '<Set Name="ExcelApi" MinVersion="1.7"/>',
          '<Set Name="ExcelApi" MinVersion="1.9"/>'
        ),
        (xml) => checkRequirements(root(xml)),
        /ExcelApi MinVersion is 1\.9, expected 1\.7/,
      ],
      [
        "no requirements",
        mutate(/<Requirements>[\s\S]*?<\/Requirements>/, ""),
        (xml) => checkRequirements(root(xml)),
        /<Requirements> is missing/,
      ],
      [
        "read-only permission",
        mutate(
          "<Permissions>ReadWriteDocument</Permissions>",
          "<Permissions>ReadDocument</Permissions>"
        ),
        (xml) => checkPermissions(root(xml)),
        /expected ReadWriteDocument/,
      ],
      [
        "Word host",
        mutate('<Host Name="Workbook"/>', '<Host Name="Document"/>'),
        (xml) => checkHost(root(xml)),
        /expected \[Workbook\]/,
      ],
      [
        "button opening another page",
        mutate(
          '<bt:Url id="JX.Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>',
          '<bt:Url id="JX.Taskpane.Url" DefaultValue="https://localhost:3000/other.html"/>'
        ),
        (xml) => checkRibbon(root(xml)),
        /opens https:\/\/localhost:3000\/other\.html/,
      ],
      [
        "string without an en-US override",
        mutate(/(<bt:String id="JX\.Button\.Label"[^>]*>)\s*<bt:Override[^>]*\/>/, "$1"),
        (xml) => checkLocales(root(xml)),
        /id="JX\.Button\.Label"> has no en-US override/,
      ],
    ];

    it.each(cases)("%s", (_name, xml, check, expected) => {
      const problems = check(xml);
      expect(problems.join("\n")).toMatch(expected);
      // ...and checkManifest, which runs them all, reports it too.
      expect(checkManifest(xml, OPTIONS).join("\n")).toMatch(expected);
    });
  });
});

describe("manifest.xml and webpack.config.js agree", () => {
  // webpack.config.js is CommonJS and outside the TypeScript program; load it as plain JS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require("../webpack.config.js") as (
    env: object,
    argv: { mode: string }
  ) => PaneConfig | PaneConfig[];
  type PaneConfig = {
    name: string;
    plugins: {
      constructor: { name: string };
      userOptions?: { filename?: string };
      patterns?: { from: string }[];
    }[];
  };

  it("every page the manifest opens is emitted, and the icons and manifest are copied", () => {
    // production builds the pane (dist/web) and the offline file (dist/jixiao.html)
    const out = makeConfig({}, { mode: "production" });
    const config = Array.isArray(out) ? out.find((c) => c.name === "pane")! : out;
    const pages = config.plugins.flatMap((p) =>
      p.userOptions?.filename ? [p.userOptions.filename] : []
    );
    const copied = config.plugins.flatMap((p) => (p.patterns ?? []).map((x) => x.from));
    const urls = MANIFEST.match(/https:\/\/localhost:3000\/[^"<\s]+\.html/g) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of new Set(urls))
      expect(pages).toContain(url.slice("https://localhost:3000/".length));
    expect(copied).toEqual(expect.arrayContaining(["assets/*.png", "manifest.xml"]));
  });
});
