/**
 * Checks of the add-in's manifest.xml that need nothing but the repository: each check returns a list of problems
 * (empty when all is well), each naming the manifest line. Schema validation (xmllint-wasm + the Office XSDs) is
 * in validateManifestSchema, which needs the schema folder.
 *
 * The manifest is read with a small XML reader of our own (elements, attributes, text; no DTDs, no namespaces
 * resolution beyond prefixes), which is all the Office manifest uses.
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

// ---------------------------------------------------------------------------------------------------------------
// A minimal XML reader
// ---------------------------------------------------------------------------------------------------------------

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  readonly name: string;
  /** Name without prefix, e.g. "Image". */
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** Text directly inside the element (trimmed). */
  text: string;
  /** 1-based line of the start tag. */
  readonly line: number;
  readonly parent: XmlElement | null;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent.startsWith("#x")) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith("#")) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    return ENTITIES[ent] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses an XML document into its root element; throws on malformed nesting. */
export function parseXml(xml: string): XmlElement {
  const lineAt = (() => {
    const starts = [0];
    for (let i = 0; i < xml.length; i++) if (xml[i] === "\n") starts.push(i + 1);
    return (index: number): number => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= index) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
  })();

  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let last = 0;
  const addText = (raw: string, decode: boolean): void => {
    const top = stack[stack.length - 1];
    if (top) top.text = (top.text + (decode ? decodeEntities(raw) : raw)).trim();
    else if (raw.trim())
      throw new Error(`XML: text outside the root element at line ${lineAt(last)}`);
  };

  for (const m of xml.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    addText(xml.slice(last, index), true);
    last = index + m[0].length;
    if (m[1] !== undefined) {
      addText(m[1], false);
    } else if (m[2] !== undefined) {
      const open = stack.pop();
      if (!open || open.name !== m[2]) {
        throw new Error(
          `XML: </${m[2]}> at line ${lineAt(index)} does not close ${open ? `<${open.name}>` : "anything"}`
        );
      }
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? "").matchAll(ATTR)) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? "");
      const parent = stack[stack.length - 1] ?? null;
      const el: XmlElement = {
        name: m[3],
        local: m[3].includes(":") ? m[3].slice(m[3].indexOf(":") + 1) : m[3],
        attrs,
        children: [],
        text: "",
        line: lineAt(index),
        parent,
      };
      if (parent) parent.children.push(el);
      else if (root) throw new Error(`XML: second root element <${el.name}> at line ${el.line}`);
      else root = el;
      if (m[5] !== "/") stack.push(el);
    }
  }
  addText(xml.slice(last), true);
  if (stack.length) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error("XML: no root element");
  return root;
}

/** All descendants (depth first, document order) whose local name is `local` (any name when omitted). */
export function descendants(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (local === undefined || c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

function hasAncestor(el: XmlElement, local: string): boolean {
  for (let p = el.parent; p; p = p.parent) if (p.local === local) return true;
  return false;
}

const at = (el: XmlElement): string => `line ${el.line}`;

// ---------------------------------------------------------------------------------------------------------------
// Offline checks
// ---------------------------------------------------------------------------------------------------------------

export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The manifest's VersionType (1 to 4 dot-separated numbers of at most 5 digits each). */
export const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;
export const MAX_RESID_LENGTH = 32;

/** <Id> is a GUID. */
export function checkId(root: XmlElement): string[] {
  const id = child(root, "Id");
  if (!id) return ["<Id> is missing"];
  return GUID.test(id.text) ? [] : [`<Id> "${id.text}" is not a GUID (${at(id)})`];
}

/** <Version> matches the manifest's version pattern. */
export function checkVersion(root: XmlElement): string[] {
  const v = child(root, "Version");
  if (!v) return ["<Version> is missing"];
  return VERSION.test(v.text) ? [] : [`<Version> "${v.text}" is not n[.n[.n[.n]]] (${at(v)})`];
}

/** Which resource list an element that carries resid="…" must point into. */
const RESID_KIND: Record<string, string> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

/**
 * Every resid="…" is defined in <Resources> (in the list that fits the element), no id is defined twice, and all
 * resids and resource ids are at most 32 characters.
 */
export function checkResids(root: XmlElement): string[] {
  const problems: string[] = [];
  const defined = new Map<string, { kind: string; el: XmlElement }>();
  const resources = descendants(root, "Resources")[0];
  if (resources) {
    for (const list of resources.children) {
      for (const def of list.children) {
        const id = def.attrs.id;
        if (!id) {
          problems.push(`<${def.name}> in <${list.name}> has no id (${at(def)})`);
          continue;
        }
        if (id.length > MAX_RESID_LENGTH) {
          problems.push(
            `resource id "${id}" is ${id.length} characters, more than ${MAX_RESID_LENGTH} (${at(def)})`
          );
        }
        const before = defined.get(id);
        if (before)
          problems.push(`resource id "${id}" is defined twice (${at(before.el)} and ${at(def)})`);
        else defined.set(id, { kind: list.local, el: def });
      }
    }
  }
  for (const el of descendants(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    if (resid.length > MAX_RESID_LENGTH) {
      problems.push(
        `resid "${resid}" is ${resid.length} characters, more than ${MAX_RESID_LENGTH} (${at(el)})`
      );
    }
    const def = defined.get(resid);
    if (!def) {
      problems.push(`resid "${resid}" of <${el.name}> is not defined in <Resources> (${at(el)})`);
      continue;
    }
    const want = RESID_KIND[el.local];
    if (want && def.kind !== want) {
      problems.push(
        `resid "${resid}" of <${el.name}> should name one of <bt:${want}>, not <bt:${def.kind}> (${at(el)})`
      );
    }
  }
  return problems;
}

/** Every URL the manifest declares (DefaultValue of URL settings and resources, their overrides), with its element. */
function declaredUrls(root: XmlElement): { url: string; el: XmlElement }[] {
  const urlSettings = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"]);
  const out: { url: string; el: XmlElement }[] = [];
  for (const el of descendants(root)) {
    const isUrlSetting = urlSettings.has(el.local) && el.attrs.DefaultValue !== undefined;
    const isUrlResource =
      (el.local === "Url" || el.local === "Image") &&
      el.attrs.id !== undefined &&
      hasAncestor(el, "Resources");
    if (!isUrlSetting && !isUrlResource) continue;
    out.push({ url: el.attrs.DefaultValue ?? "", el });
    for (const o of el.children)
      if (o.local === "Override") out.push({ url: o.attrs.Value ?? "", el: o });
  }
  for (const d of descendants(root, "AppDomain")) out.push({ url: d.text, el: d });
  return out;
}

/** Every SourceLocation, icon, support URL, app domain, bt:Url and bt:Image is https. */
export function checkHttps(root: XmlElement): string[] {
  return declaredUrls(root)
    .filter(({ url }) => !/^https:\/\/[^/\s]+/i.test(url))
    .map(({ url, el }) => `<${el.name}> URL "${url}" is not https (${at(el)})`);
}

/** Width and height from a PNG's IHDR chunk, or null when `data` is not a PNG. */
export function pngSize(data: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((b, i) => data[i] !== b)) return null;
  if (String.fromCharCode(data[12], data[13], data[14], data[15]) !== "IHDR") return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface IconCheckOptions {
  /** Repository root: https://localhost:3000/assets/x.png is looked up as <rootDir>/assets/x.png. */
  readonly rootDir: string;
  /** Where the dev server serves the repository's files; default https://localhost:3000/. */
  readonly baseUrl?: string;
}

/**
 * Every icon (IconUrl 32×32, HighResolutionIconUrl 64×64, each bt:Image at the size it is used with) is a file of
 * the repository, is a PNG, and has the declared size.
 */
export function checkIcons(root: XmlElement, options: IconCheckOptions): string[] {
  const base = options.baseUrl ?? "https://localhost:3000/";
  const problems: string[] = [];
  const wanted: { url: string; size: number; el: XmlElement }[] = [];

  const fixed: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };
  for (const [local, size] of Object.entries(fixed)) {
    for (const el of descendants(root, local))
      wanted.push({ url: el.attrs.DefaultValue ?? "", size, el });
  }
  const images = new Map<string, XmlElement>();
  for (const el of descendants(root, "Image")) {
    if (el.attrs.id !== undefined && hasAncestor(el, "Resources")) images.set(el.attrs.id, el);
  }
  const seen = new Set<string>();
  for (const use of descendants(root, "Image")) {
    if (use.attrs.resid === undefined) continue;
    const def = images.get(use.attrs.resid);
    const size = Number(use.attrs.size);
    if (!def) continue; // reported by checkResids
    if (!Number.isInteger(size) || size <= 0) {
      problems.push(`<${use.name}> has no valid size (${at(use)})`);
      continue;
    }
    const key = `${use.attrs.resid}@${size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    wanted.push({ url: def.attrs.DefaultValue ?? "", size, el: def });
  }

  for (const { url, size, el } of wanted) {
    if (!url.startsWith(base)) {
      problems.push(`icon "${url}" is not under ${base}, so it cannot be checked (${at(el)})`);
      continue;
    }
    const rel = decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]);
    const file = path.resolve(options.rootDir, rel);
    if (!file.startsWith(path.resolve(options.rootDir) + path.sep)) {
      problems.push(`icon "${url}" points outside the repository (${at(el)})`);
      continue;
    }
    if (!fs.existsSync(file)) {
      problems.push(`icon "${url}" → ${rel} does not exist (${at(el)})`);
      continue;
    }
    const dims = pngSize(fs.readFileSync(file));
    if (!dims) problems.push(`icon ${rel} is not a PNG (${at(el)})`);
    else if (dims.width !== size || dims.height !== size) {
      problems.push(
        `icon ${rel} is ${dims.width}×${dims.height}, declared ${size}×${size} (${at(el)})`
      );
    }
  }
  return problems;
}

/** <Requirements> asks for the ExcelApi requirement set at exactly `excelApi` (default 1.7: Office 2019). */
export function checkRequirements(root: XmlElement, excelApi = "1.7"): string[] {
  const req = child(root, "Requirements");
  if (!req) return ["<Requirements> is missing"];
  const sets = descendants(req, "Set").filter((s) => s.attrs.Name === "ExcelApi");
  if (sets.length === 0) return [`<Requirements> has no <Set Name="ExcelApi"> (${at(req)})`];
  const sets0 = child(req, "Sets");
  return sets
    .filter((s) => (s.attrs.MinVersion ?? sets0?.attrs.DefaultMinVersion) !== excelApi)
    .map(
      (s) =>
        `ExcelApi MinVersion is ${s.attrs.MinVersion ?? "(default)"}, expected ${excelApi} (${at(s)})`
    );
}

/** <Permissions> is ReadWriteDocument. */
export function checkPermissions(root: XmlElement): string[] {
  const p = child(root, "Permissions");
  if (!p) return ["<Permissions> is missing"];
  return p.text === "ReadWriteDocument"
    ? []
    : [`<Permissions> is "${p.text}", expected ReadWriteDocument (${at(p)})`];
}

/** The add-in is for Excel only: <Hosts> is exactly Workbook, and so are the VersionOverrides hosts. */
export function checkHost(root: XmlElement): string[] {
  const problems: string[] = [];
  const hosts = child(root, "Hosts")?.children.filter((h) => h.local === "Host") ?? [];
  const names = hosts.map((h) => h.attrs.Name);
  if (names.length !== 1 || names[0] !== "Workbook") {
    problems.push(`<Hosts> is [${names.join(", ")}], expected [Workbook]`);
  }
  const vo = child(root, "VersionOverrides");
  for (const h of child(vo, "Hosts")?.children ?? []) {
    if (h.attrs["xsi:type"] !== "Workbook") {
      problems.push(
        `VersionOverrides <Host xsi:type="${h.attrs["xsi:type"]}"> is not Workbook (${at(h)})`
      );
    }
  }
  return problems;
}

/** The Home-tab button opens the same task pane page as DefaultSettings/SourceLocation. */
export function checkRibbon(root: XmlElement): string[] {
  const problems: string[] = [];
  const urls = new Map(
    descendants(root, "Url")
      .filter((u) => u.attrs.id !== undefined)
      .map((u) => [u.attrs.id, u.attrs.DefaultValue ?? ""] as const)
  );
  const defaultPage = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue;
  const buttons = descendants(root, "OfficeTab")
    .filter((t) => t.attrs.id === "TabHome")
    .flatMap((t) => descendants(t, "Control"))
    .filter((c) => c.attrs["xsi:type"] === "Button");
  const actions = buttons
    .map((b) => child(b, "Action"))
    .filter((a) => a?.attrs["xsi:type"] === "ShowTaskpane");
  if (actions.length === 0)
    problems.push("no ShowTaskpane button on the Home tab (OfficeTab TabHome)");
  for (const a of actions) {
    const src = child(a, "SourceLocation");
    const url = src ? urls.get(src.attrs.resid ?? "") : undefined;
    if (url !== undefined && url !== defaultPage) {
      problems.push(
        `the ribbon button opens ${url}, DefaultSettings opens ${defaultPage} (${at(a as XmlElement)})`
      );
    }
  }
  return problems;
}

/** Default locale zh-CN, and every user-visible string has an en-US override. */
export function checkLocales(root: XmlElement, defaultLocale = "zh-CN", other = "en-US"): string[] {
  const problems: string[] = [];
  const dl = child(root, "DefaultLocale")?.text;
  if (dl !== defaultLocale)
    problems.push(`<DefaultLocale> is ${dl ?? "missing"}, expected ${defaultLocale}`);
  const texts = [
    ...["DisplayName", "Description"]
      .map((n) => child(root, n))
      .filter((e): e is XmlElement => !!e),
    ...descendants(root, "String").filter((s) => hasAncestor(s, "Resources")),
  ];
  for (const el of texts) {
    if (!el.children.some((o) => o.local === "Override" && o.attrs.Locale === other)) {
      problems.push(
        `<${el.name}${el.attrs.id ? ` id="${el.attrs.id}"` : ""}> has no ${other} override (${at(el)})`
      );
    }
  }
  return problems;
}

/** All offline checks; throws only when the XML itself cannot be read. */
export function checkManifest(xml: string, options: IconCheckOptions): string[] {
  const root = parseXml(xml);
  return [
    ...checkId(root),
    ...checkVersion(root),
    ...checkResids(root),
    ...checkHttps(root),
    ...checkIcons(root, options),
    ...checkRequirements(root),
    ...checkPermissions(root),
    ...checkHost(root),
    ...checkRibbon(root),
    ...checkLocales(root),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Schema validation
// ---------------------------------------------------------------------------------------------------------------

export const MANIFEST_SCHEMA = "OfficeAppManifestV1_1.xsd";

/**
 * Validates against OfficeAppManifestV1_1.xsd with the other XSDs of `schemaDir` preloaded (they import each
 * other by file name). Returns the validator's messages, empty when valid.
 */
export async function validateManifestSchema(xml: string, schemaDir: string): Promise<string[]> {
  const read = (fileName: string) => ({
    fileName,
    contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8"),
  });
  const others = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith(".xsd") && f !== MANIFEST_SCHEMA)
    .sort();
  const result = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: read(MANIFEST_SCHEMA),
    preload: others.map(read),
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
