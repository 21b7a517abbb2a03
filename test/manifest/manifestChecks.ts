// Offline checks of the add-in-only manifest (manifest.xml): the mistakes that make
// Excel refuse to load the add-in, or load it without its functions, and that the
// online validator (office-addin-manifest validate) would only report with network.
// Pure: the caller says which files exist (dist/ after a build, or the sources).
//
// Uses sax, the streaming parser underneath xml2js (both come with
// office-addin-manifest), because it reports the well-formedness errors we want to
// see; a few it lets through (duplicate attributes, a second root) are checked here.

import { URL } from "url";

const sax: SaxModule = require("sax");

interface SaxAttribute {
  name: string;
  local: string;
  uri: string;
  value: string;
}
interface SaxTag {
  name: string;
  local: string;
  uri: string;
  attributes: Record<string, SaxAttribute>;
}
interface SaxParser {
  line: number;
  error: Error | null;
  onerror: (e: Error) => void;
  onopentag: (t: SaxTag) => void;
  onclosetag: () => void;
  ontext: (t: string) => void;
  oncdata: (t: string) => void;
  onattribute: (a: { name: string }) => void;
  resume(): SaxParser;
  write(s: string): SaxParser;
  close(): SaxParser;
}
interface SaxModule {
  parser(
    strict: boolean,
    opts: { xmlns: boolean; position: boolean },
  ): SaxParser;
}

export const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
export const NS_OV =
  "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
export const NS_BT =
  "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
export const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";

/** The dev-server prefix; webpack rewrites exactly this prefix for production builds. */
export const DEV_ORIGIN = "https://localhost:3000/";
export const EXPECTED_NAMESPACE = "PRM";

export interface XmlElement {
  local: string;
  uri: string;
  name: string;
  line: number;
  attrs: SaxAttribute[];
  children: XmlElement[];
  text: string;
}

export function parseXml(text: string): {
  root?: XmlElement;
  errors: string[];
} {
  const errors: string[] = [];
  const p = sax.parser(true, { xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let attrNames = new Set<string>();
  p.onerror = (e) => {
    errors.push(`line ${p.line + 1}: ${e.message.split("\n")[0]}`);
    p.error = null;
    p.resume();
  };
  p.onattribute = (a) => {
    if (attrNames.has(a.name))
      errors.push(`line ${p.line + 1}: attribute ${a.name} repeated`);
    attrNames.add(a.name);
  };
  p.onopentag = (t) => {
    attrNames = new Set();
    const el: XmlElement = {
      local: t.local,
      uri: t.uri,
      name: t.name,
      line: p.line + 1,
      attrs: Object.values(t.attributes),
      children: [],
      text: "",
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root)
      errors.push(`line ${el.line}: second root element <${t.name}>`);
    else root = el;
    stack.push(el);
  };
  p.onclosetag = () => {
    stack.pop();
  };
  p.ontext = p.oncdata = (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  };
  try {
    p.write(text).close();
  } catch (e) {
    errors.push(String(e));
  }
  if (!root && !errors.length) errors.push("no root element");
  return { root, errors };
}

export function attr(
  el: XmlElement | undefined,
  local: string,
  uri = "",
): string | undefined {
  return el?.attrs.find(
    (a) => a.local === local && a.uri === uri && !a.name.startsWith("xmlns"),
  )?.value;
}
const xsiType = (el: XmlElement | undefined) => attr(el, "type", NS_XSI);
const kids = (el: XmlElement | undefined, local: string) =>
  el ? el.children.filter((c) => c.local === local) : [];
const kid = (el: XmlElement | undefined, local: string) => kids(el, local)[0];
function descendants(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    out.push(c);
    descendants(c, out);
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are no PNG. */
export function pngSize(
  bytes: Uint8Array,
): { width: number; height: number } | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return undefined;
  if (
    String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR"
  )
    return undefined;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

// Child order rules, from the XSD sequences (OfficeAppManifestV1_1.xsd,
// TaskPaneAppVersionOverridesV1_0.xsd, OfficeAppBasicTypesV1_0.xsd). Office refuses
// a manifest whose children are out of order. "!" = required, "*" = may repeat.
interface OrderRule {
  where: string;
  applies: (el: XmlElement) => boolean;
  sequence: string[];
}
const ORDER_RULES: OrderRule[] = [
  {
    where: "OfficeApp",
    applies: (e) => e.local === "OfficeApp" && e.uri === NS_APP,
    sequence: [
      "Id!",
      "AlternateId",
      "Version!",
      "ProviderName!",
      "DefaultLocale!",
      "DisplayName!",
      "Description!",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings!",
      "Permissions!",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ],
  },
  {
    where: "VersionOverrides",
    applies: (e) => e.local === "VersionOverrides" && e.uri === NS_OV,
    sequence: [
      "Description",
      "Requirements",
      "Hosts!",
      "Resources!",
      "WebApplicationInfo",
      "EquivalentAddins",
      "VersionOverrides",
    ],
  },
  {
    where: "VersionOverrides Host",
    applies: (e) => e.local === "Host" && e.uri === NS_OV,
    sequence: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  },
  {
    where: "CustomFunctions ExtensionPoint",
    applies: (e) =>
      e.local === "ExtensionPoint" && xsiType(e) === "CustomFunctions",
    sequence: ["Script!", "Page!", "Metadata", "Namespace"],
  },
  {
    where: "DesktopFormFactor",
    applies: (e) => e.local === "DesktopFormFactor",
    sequence: ["GetStarted", "FunctionFile", "ExtensionPoint!*"],
  },
  {
    where: "GetStarted",
    applies: (e) => e.local === "GetStarted",
    sequence: ["Title!", "Description!", "LearnMoreUrl!"],
  },
  {
    where: "Group",
    applies: (e) => e.local === "Group",
    sequence: ["Label!", "Icon!", "Control!*"],
  },
  {
    where: "Button control",
    applies: (e) => e.local === "Control" && xsiType(e) === "Button",
    sequence: ["Label!", "Supertip!", "Icon!", "Action!"],
  },
  {
    where: "Supertip",
    applies: (e) => e.local === "Supertip",
    sequence: ["Title!", "Description!"],
  },
  {
    where: "ShowTaskpane action",
    applies: (e) => e.local === "Action" && xsiType(e) === "ShowTaskpane",
    sequence: ["TaskpaneId", "SourceLocation!", "Title", "SupportsPinning"],
  },
  {
    where: "Resources",
    applies: (e) => e.local === "Resources" && e.uri === NS_OV,
    sequence: ["Images", "Urls", "ShortStrings", "LongStrings"],
  },
];

function checkOrder(el: XmlElement, rule: OrderRule, problems: string[]): void {
  const names = rule.sequence.map((s) => s.replace(/[!*]/g, ""));
  let last = -1;
  for (const c of el.children) {
    const i = names.indexOf(c.local);
    if (i < 0) {
      problems.push(
        `<${c.name}> (line ${c.line}) is not expected in ${rule.where}`,
      );
    } else if (i < last) {
      problems.push(
        `<${c.name}> (line ${c.line}) is out of order in ${rule.where}: the schema order is ${names.join(", ")}`,
      );
    } else last = Math.max(last, i);
  }
  rule.sequence.forEach((s, i) => {
    const n = el.children.filter((c) => c.local === names[i]).length;
    if (s.includes("!") && n === 0)
      problems.push(`${rule.where} (line ${el.line}) lacks <${names[i]}>`);
    if (!s.includes("*") && n > 1)
      problems.push(
        `${rule.where} (line ${el.line}) has <${names[i]}> ${n} times`,
      );
  });
}

type ResKind = "Image" | "Url" | "ShortString" | "LongString";
const RES_GROUPS: Record<string, ResKind> = {
  Images: "Image",
  Urls: "Url",
  ShortStrings: "ShortString",
  LongStrings: "LongString",
};
const RES_MAX_LEN: Partial<Record<ResKind, number>> = {
  ShortString: 125,
  LongString: 250,
};
/** The resource kind an element's resid must point at (bt:*ResourceReference types). */
const USE_KIND: Record<string, ResKind> = {
  Runtime: "Url",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Image: "Image",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};
const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

/** The path a URL names under `origin` ("assets/icon-16.png"), or undefined when it is not under it. */
export function relPathUnder(url: string, origin: string): string | undefined {
  return url.startsWith(origin)
    ? decodeURIComponent(url.slice(origin.length).replace(/[?#].*$/, ""))
    : undefined;
}

/**
 * Problems found in a manifest; empty when it is fine.
 * fileExists(relPath): does the build produce this path (e.g. "assets/icon-32.png")?
 * readFile(relPath): its bytes, to check icon pixel sizes (optional).
 * origin: the address every URL must start with: the dev server's for manifest.xml, the
 * hosting address for a production build's dist/manifest.xml.
 */
export function checkManifest(
  xmlText: string,
  fileExists: (relPath: string) => boolean,
  readFile?: (relPath: string) => Uint8Array | undefined,
  origin: string = DEV_ORIGIN,
): string[] {
  const problems: string[] = [];
  const { root, errors } = parseXml(xmlText);
  if (errors.length || !root)
    return errors.map((e) => `not well-formed XML: ${e}`);

  if (/contoso/i.test(xmlText))
    problems.push('manifest still mentions "Contoso" (template leftover)');

  // ---- root and top-level elements ----
  if (root.local !== "OfficeApp" || root.uri !== NS_APP) {
    problems.push(
      `root element is <${root.name}> in ${root.uri || "no namespace"}; expected <OfficeApp> in ${NS_APP}`,
    );
  }
  if (xsiType(root) !== "TaskPaneApp")
    problems.push(
      `OfficeApp xsi:type is "${xsiType(root) ?? ""}"; expected "TaskPaneApp"`,
    );
  for (const el of [root, ...descendants(root)]) {
    for (const rule of ORDER_RULES)
      if (rule.applies(el)) checkOrder(el, rule, problems);
  }
  const id = kid(root, "Id")?.text.trim() ?? "";
  if (
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  )
    problems.push(`Id "${id}" is not a GUID`);
  const version = kid(root, "Version")?.text.trim() ?? "";
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version))
    problems.push(`Version "${version}" is not n.n.n.n`);
  for (const name of ["DisplayName", "Description"]) {
    const v = attr(kid(root, name), "DefaultValue") ?? "";
    const max = name === "DisplayName" ? 125 : 250;
    if (!v.trim() || v.length > max)
      problems.push(`${name} must have a DefaultValue of 1-${max} characters`);
  }
  const hostNames = kids(kid(root, "Hosts"), "Host").map((h) =>
    attr(h, "Name"),
  );
  if (hostNames.join() !== "Workbook")
    problems.push(
      `Hosts are [${hostNames.join(", ")}]; expected only Workbook (Excel)`,
    );

  const sets = kids(kid(root, "Requirements"), "Sets");
  const shared = sets
    .flatMap((s) => kids(s, "Set").map((x) => ({ x, s })))
    .find(({ x }) => attr(x, "Name") === "SharedRuntime");
  const sharedVersion =
    shared &&
    (attr(shared.x, "MinVersion") ?? attr(shared.s, "DefaultMinVersion"));
  if (sharedVersion !== "1.1") {
    problems.push(
      `Requirements must include <Set Name="SharedRuntime" MinVersion="1.1"/> (found ${sharedVersion ?? "none"})`,
    );
  }
  const perms = kid(root, "Permissions")?.text.trim();
  if (perms !== "ReadWriteDocument")
    problems.push(
      `Permissions is "${perms ?? ""}"; expected ReadWriteDocument`,
    );
  const taskpaneDefault = attr(
    kid(kid(root, "DefaultSettings"), "SourceLocation"),
    "DefaultValue",
  );

  // ---- resources: defined once, every resid resolves to the right kind ----
  const vo = kid(root, "VersionOverrides");
  if (!vo || xsiType(vo) !== "VersionOverridesV1_0")
    problems.push('missing <VersionOverrides xsi:type="VersionOverridesV1_0">');
  const defs = new Map<string, { kind: ResKind; value: string }>();
  for (const group of kid(vo, "Resources")?.children ?? []) {
    const kind = RES_GROUPS[group.local];
    for (const def of group.children) {
      const rid = attr(def, "id");
      const value = attr(def, "DefaultValue");
      if (!kind) continue;
      if (!rid || value === undefined) {
        problems.push(
          `resource <${def.name}> (line ${def.line}) needs id and DefaultValue`,
        );
        continue;
      }
      if (defs.has(rid)) {
        const n = [...(kid(vo, "Resources")?.children ?? [])]
          .flatMap((g) => g.children)
          .filter((d) => attr(d, "id") === rid).length;
        problems.push(`resource id "${rid}" is defined ${n} times`);
        continue;
      }
      if (rid.length > 32)
        problems.push(`resource id "${rid}" is longer than 32 characters`);
      const max = RES_MAX_LEN[kind];
      if (max && value.length > max)
        problems.push(`${kind} "${rid}" is longer than ${max} characters`);
      defs.set(rid, { kind, value });
    }
  }
  const used = new Set<string>();
  for (const el of descendants(root)) {
    const rid = attr(el, "resid");
    if (rid === undefined) continue;
    used.add(rid);
    const def = defs.get(rid);
    const want = USE_KIND[el.local];
    if (!def)
      problems.push(
        `resid "${rid}" on <${el.name}> (line ${el.line}) is not defined under Resources`,
      );
    else if (want && def.kind !== want) {
      problems.push(
        `resid "${rid}" on <${el.name}> (line ${el.line}) must name a ${want} resource, but it is a ${def.kind}`,
      );
    }
  }
  for (const rid of defs.keys())
    if (!used.has(rid))
      problems.push(`resource "${rid}" is defined but never used`);
  const value = (rid: string | undefined) =>
    rid === undefined ? undefined : defs.get(rid)?.value;

  // Control / group ids must be unique.
  const ctlIds = descendants(root)
    .filter((e) => e.local === "Group" || e.local === "Control")
    .map((e) => attr(e, "id") ?? "");
  for (const dup of new Set(ctlIds.filter((x, i) => ctlIds.indexOf(x) !== i)))
    problems.push(`Group/Control id "${dup}" is used twice`);

  // ---- URLs: https, under the dev origin, and pointing at files the build produces ----
  const urls: { label: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const v = attr(kid(root, name), "DefaultValue");
    if (v !== undefined) urls.push({ label: name, url: v });
  }
  if (taskpaneDefault !== undefined)
    urls.push({
      label: "DefaultSettings SourceLocation",
      url: taskpaneDefault,
    });
  else problems.push("DefaultSettings has no SourceLocation DefaultValue");
  for (const [rid, d] of defs)
    if (d.kind === "Url" || d.kind === "Image")
      urls.push({ label: `${d.kind} "${rid}"`, url: d.value });
  const relPathOf = (url: string) => relPathUnder(url, origin);
  for (const { label, url } of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`${label}: "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== "https:")
      problems.push(`${label}: "${url}" is not https`);
    const rel = relPathOf(url);
    if (rel === undefined) {
      problems.push(
        `${label}: "${url}" is not under ${origin}${origin === DEV_ORIGIN ? " (the prefix the production build rewrites)" : ""}`,
      );
    } else if (!rel || !fileExists(rel)) {
      problems.push(
        `${label}: "${url}" points at "${rel}", which the build does not produce`,
      );
    }
  }

  // ---- custom functions + shared runtime ----
  const host = kids(kid(vo, "Hosts"), "Host").find(
    (h) => xsiType(h) === "Workbook",
  );
  if (!host)
    problems.push('VersionOverrides has no <Host xsi:type="Workbook">');
  const cf = kids(kid(host, "AllFormFactors"), "ExtensionPoint").find(
    (e) => xsiType(e) === "CustomFunctions",
  );
  if (!cf)
    problems.push(
      'no <ExtensionPoint xsi:type="CustomFunctions"> under AllFormFactors',
    );
  const srcResid = (parent: XmlElement | undefined) =>
    attr(kid(parent, "SourceLocation"), "resid");
  const ns = value(attr(kid(cf, "Namespace"), "resid"));
  if (ns !== EXPECTED_NAMESPACE)
    problems.push(
      `custom functions namespace is "${ns ?? ""}"; expected "${EXPECTED_NAMESPACE}"`,
    );
  const metadataUrl = value(srcResid(kid(cf, "Metadata"))) ?? "";
  if (!metadataUrl.endsWith("/functions.json"))
    problems.push(
      `custom functions Metadata URL "${metadataUrl}" must end with /functions.json`,
    );
  const scriptUrl = value(srcResid(kid(cf, "Script"))) ?? "";
  if (!scriptUrl.endsWith("/functions.js"))
    problems.push(
      `custom functions Script URL "${scriptUrl}" must end with /functions.js`,
    );

  const runtimes = kids(kid(host, "Runtimes"), "Runtime");
  if (runtimes.length !== 1)
    problems.push(
      `expected exactly one <Runtime> under <Host><Runtimes> (found ${runtimes.length})`,
    );
  const rt = runtimes[0];
  const rtResid = attr(rt, "resid");
  if (rt && attr(rt, "lifetime") !== "long")
    problems.push(
      `Runtime lifetime is "${attr(rt, "lifetime") ?? "short (default)"}"; a shared runtime needs lifetime="long"`,
    );
  const sameRuntime = (what: string, rid: string | undefined) => {
    if (rid !== rtResid)
      problems.push(
        `shared runtime: ${what} uses resid "${rid ?? ""}" but the Runtime uses "${rtResid ?? ""}"`,
      );
  };
  if (cf) sameRuntime("CustomFunctions Page", srcResid(kid(cf, "Page")));
  const functionFile = kid(kid(host, "DesktopFormFactor"), "FunctionFile");
  if (functionFile) sameRuntime("FunctionFile", attr(functionFile, "resid"));
  const taskpaneActions = descendants(root).filter(
    (e) => e.local === "Action" && xsiType(e) === "ShowTaskpane",
  );
  if (!taskpaneActions.length) problems.push("no ShowTaskpane button");
  for (const a of taskpaneActions) {
    sameRuntime(`ShowTaskpane action (line ${a.line})`, srcResid(a));
    // "Configure your Office Add-in to use a shared runtime" (Good practice: avoid multiple
    // task panes): under a Host with a long-lived Runtime, no Action has a TaskpaneId, or
    // the button opens a second task pane beside the shared one.
    if (kid(a, "TaskpaneId"))
      problems.push(
        `ShowTaskpane action (line ${a.line}) has a TaskpaneId: with a shared runtime it would open a second task pane`,
      );
  }
  if (rtResid && value(rtResid) !== taskpaneDefault) {
    problems.push(
      `shared runtime page "${value(rtResid) ?? ""}" differs from DefaultSettings SourceLocation "${taskpaneDefault ?? ""}"`,
    );
  }

  // ---- icon pixel sizes ----
  const checkIcon = (
    label: string,
    url: string | undefined,
    w: number,
    h: number,
  ) => {
    const rel = url === undefined ? undefined : relPathOf(url);
    const bytes = rel && readFile?.(rel);
    if (!bytes) return; // missing files are reported above
    const size = pngSize(bytes);
    if (!size) problems.push(`${label}: "${rel}" is not a PNG`);
    else if (size.width !== w || size.height !== h) {
      problems.push(
        `${label}: "${rel}" is ${size.width}x${size.height} pixels; expected ${w}x${h}`,
      );
    }
  };
  checkIcon("IconUrl", attr(kid(root, "IconUrl"), "DefaultValue"), 32, 32);
  checkIcon(
    "HighResolutionIconUrl",
    attr(kid(root, "HighResolutionIconUrl"), "DefaultValue"),
    64,
    64,
  );
  for (const [rid, d] of defs) {
    const m = /(\d+)x(\d+)/.exec(rid);
    if (d.kind === "Image" && m)
      checkIcon(`Image "${rid}"`, d.value, Number(m[1]), Number(m[2]));
  }
  for (const img of descendants(root).filter(
    (e) => e.local === "Image" && e.uri === NS_BT && attr(e, "resid"),
  )) {
    const size = Number(attr(img, "size"));
    const rid = attr(img, "resid");
    if (!ICON_SIZES.includes(size))
      problems.push(
        `bt:Image size "${attr(img, "size") ?? ""}" (line ${img.line}) is not one of ${ICON_SIZES.join(", ")}`,
      );
    else
      checkIcon(
        `bt:Image size="${size}" resid "${rid}"`,
        value(rid),
        size,
        size,
      );
  }

  // Ribbon icons: "Add-in commands" / the add-in only manifest's <Icon> take 16, 32 and 80
  // as required and 20, 24, 40, 48, 64 as optional sizes; Office picks by ribbon size and
  // screen scaling, so every size is given (add-in-icons: "produce each icon in all these
  // sizes to support high DPI devices").
  for (const icon of descendants(root).filter(
    (e) => e.local === "Icon" && e.uri === NS_OV,
  )) {
    const sizes = kids(icon, "Image").map((img) => Number(attr(img, "size")));
    const absent = ICON_SIZES.filter((size) => !sizes.includes(size));
    if (absent.length)
      problems.push(
        `ribbon <Icon> (line ${icon.line}) has no image of size ${absent.join(", ")}`,
      );
  }

  return [...new Set(problems)];
}
