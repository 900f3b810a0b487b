// Issue 9 item 6: the web version's settings travel inside the downloaded file, in the add-in's own settings part
// (xl/webextensions/webextension1.xml, as Office.context.document.settings saves it), and come back when the file
// is opened again; every other part of the package stays byte for byte.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { StoredSettings } from "../src/core/host";
import { buildSeedWorkbook } from "../scripts/samples/seedForm";
import { gridsToXlsx } from "../scripts/samples/gridsToXlsx";
import { readWorkbook } from "../src/xlsx/read";
import {
  ADDIN_ID,
  ADDIN_VERSION,
  patchSettingsIntoXlsx,
  settingsFromXlsx,
} from "../src/xlsx/patch";
import { createFileHost } from "../src/taskpane/services/fileHost";
import { bookLines } from "./support/gridDump";
import { main } from "../src/cli/main";

const SETTINGS: StoredSettings = {
  profileId: "xicheng",
  overrides: { budgetWeight: 20, reasonBudgetThreshold: 0.9 },
  choices: { totalAs: "value", gradeAs: "value" },
  // quotes, <, & and a line break must survive the attribute
  sheet: '附件1 "A&B" <2024>\n',
  liveCheck: true,
};

async function entries(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files))
    if (!f.dir) out.set(name, Buffer.from(await f.async("uint8array")).toString("base64"));
  return out;
}

async function part(data: Uint8Array, name: string): Promise<string | undefined> {
  return (await JSZip.loadAsync(data)).file(name)?.async("string");
}

function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((n) => a.get(n) !== b.get(n)).sort();
}

function wellFormed(xml: string | undefined): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw e;
  });
  parser.write(xml ?? "<missing").close();
}

/** The seed form with a chart part and a comment: parts the settings must not touch. */
async function workbookWithChart(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await gridsToXlsx(buildSeedWorkbook()));
  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The part as Excel writes it for the add-in (its own instance id, another property, the add-in's settings). */
async function workbookSavedByTheAddin(base?: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(base ?? (await workbookWithChart()));
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{11111111-2222-3333-4444-555555555555}"><we:reference id="${ADDIN_ID}" version="1.0.0.0" store="\\\\server\\addins" storeType="Filesystem"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/><we:property name="jixiao" value="{&quot;profileId&quot;:&quot;central&quot;}"/></we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`
  );
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="0"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>`
    )
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`
    )
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

it("names the add-in by manifest.xml's Id and Version", () => {
  const manifest = fs.readFileSync(path.join(__dirname, "../manifest.xml"), "utf8");
  expect(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]).toBe(ADDIN_ID);
  expect(/<Version>([^<]+)<\/Version>/.exec(manifest)?.[1]).toBe(ADDIN_VERSION);
});

describe("a file without the part", () => {
  let before: Uint8Array;
  let after: Uint8Array;
  beforeAll(async () => {
    before = await workbookWithChart();
    after = await patchSettingsIntoXlsx(before, SETTINGS);
  });

  it("gets the three parts, one relationship and two content types; nothing else changes", async () => {
    expect(differing(await entries(before), await entries(after))).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/webextensions/_rels/taskpanes.xml.rels",
      "xl/webextensions/taskpanes.xml",
      "xl/webextensions/webextension1.xml",
    ]);
    const types = await part(after, "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>`
    );
    expect(types).toContain(
      `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>`
    );
    expect(await part(after, "_rels/.rels")).toContain(
      `Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"`
    );
    expect(await part(after, "xl/webextensions/_rels/taskpanes.xml.rels")).toContain(
      `Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"`
    );
    for (const name of [
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/webextensions/_rels/taskpanes.xml.rels",
      "xl/webextensions/taskpanes.xml",
      "xl/webextensions/webextension1.xml",
    ])
      wellFormed(await part(after, name));
  });

  it("keeps the add-in's reference and the settings as Office.js stores them (one JSON property)", async () => {
    const xml = (await part(after, "xl/webextensions/webextension1.xml"))!;
    expect(xml).toContain(`<we:reference id="${ADDIN_ID}" version="1.0.0.0"`);
    expect(xml).toContain(
      `<we:property name="jixiao" value="{&quot;profileId&quot;:&quot;xicheng&quot;,`
    );
    // the pane is not opened for the user by a file from the web page
    expect(await part(after, "xl/webextensions/taskpanes.xml")).toContain('visibility="0"');
  });

  it("reads back the same settings, and the same workbook", async () => {
    expect(await settingsFromXlsx(before)).toBeNull();
    expect(await settingsFromXlsx(after)).toEqual(SETTINGS);
    expect(bookLines(await readWorkbook(after))).toEqual(bookLines(await readWorkbook(before)));
  });

  it("writing them again changes nothing; other settings replace them in the same part", async () => {
    expect(await patchSettingsIntoXlsx(after, SETTINGS)).toBe(after);
    const again = await patchSettingsIntoXlsx(after, { profileId: "hubei" });
    expect(differing(await entries(after), await entries(again))).toEqual([
      "xl/webextensions/webextension1.xml",
    ]);
    expect(await settingsFromXlsx(again)).toEqual({ profileId: "hubei" });
  });
});

describe("a file the add-in saved", () => {
  it("finds the add-in's settings, and changes only its property in its own part", async () => {
    const before = await workbookSavedByTheAddin();
    expect(await settingsFromXlsx(before)).toEqual({ profileId: "central" });
    const after = await patchSettingsIntoXlsx(before, SETTINGS);
    expect(differing(await entries(before), await entries(after))).toEqual([
      "xl/webextensions/webextension1.xml",
    ]);
    const xml = (await part(after, "xl/webextensions/webextension1.xml"))!;
    wellFormed(xml);
    // the rest of the part as Excel wrote it: instance id, store, the other property
    expect(xml).toContain('id="{11111111-2222-3333-4444-555555555555}"');
    expect(xml).toContain('storeType="Filesystem"');
    expect(xml).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    expect(xml.match(/name="jixiao"/g)).toHaveLength(1);
    expect(await settingsFromXlsx(after)).toEqual(SETTINGS);
  });
});

describe("the web page's file host", () => {
  const noStorage = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
    };
  };

  it("download → reopen on another computer → the same settings", async () => {
    const host = createFileHost(await workbookWithChart(), "自评表.xlsx", noStorage());
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings(SETTINGS);
    const downloaded = await host.download();
    expect(downloaded).not.toBe(host.data());
    const reopened = createFileHost(downloaded, "自评表-已修正.xlsx", noStorage());
    expect(await reopened.loadSettings()).toEqual(SETTINGS);
  });

  it("a file with the add-in's settings opens with them, and downloads unchanged when they are", async () => {
    const bytes = await workbookSavedByTheAddin();
    const host = createFileHost(bytes, "自评表.xlsx", noStorage());
    expect(await host.loadSettings()).toEqual({ profileId: "central" });
    expect(await host.download()).toBe(bytes);
  });

  it("without any settings the download is the file itself", async () => {
    const bytes = await workbookWithChart();
    const host = createFileHost(bytes, "自评表.xlsx", noStorage());
    expect(await host.download()).toBe(bytes);
  });
});

describe("jixiao fix", () => {
  it("keeps the add-in's settings part byte for byte, and scores by --profile, not by the saved settings", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-settings-"));
    try {
      // the blank-total seed (fix writes its total), saved by the add-in with the central rules: --profile wins
      const input = path.join(dir, "表.xlsx");
      const blank = await gridsToXlsx(buildSeedWorkbook({ variant: "blankTotal" }));
      fs.writeFileSync(input, await workbookSavedByTheAddin(blank));
      const out: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
      const output = path.join(dir, "写回.xlsx");
      expect(await main(["fix", input, "-o", output, "--profile", "xicheng"], io)).toBe(0);
      expect(out.join("\n")).toContain("评分规则：北京市西城区（用户指定）");
      const before = await entries(new Uint8Array(fs.readFileSync(input)));
      const after = await entries(new Uint8Array(fs.readFileSync(output)));
      for (const name of [
        "xl/webextensions/webextension1.xml",
        "xl/webextensions/taskpanes.xml",
        "xl/webextensions/_rels/taskpanes.xml.rels",
      ])
        expect(after.get(name)).toBe(before.get(name));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
