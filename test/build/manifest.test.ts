import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { distFile, repoRoot } from "../support/paths";

/* The schemas are vendored (test/schemas) because CI runs on a clone without ../shared. */
const schema = path.join(repoRoot, "test/schemas/manifest/OfficeAppManifestV1_1.xsd");
const sourceManifest = path.join(repoRoot, "manifest.xml");
const pkg = require(path.join(repoRoot, "package.json"));

/** XPath over the manifest with xmllint (the same tool as the schema check), namespaces ignored. */
function xpath(file: string, expression: string): string[] {
  let out: string;
  try {
    out = execFileSync("xmllint", ["--xpath", expression, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { status?: number; stderr?: string };
    if (e.status === 10 || /XPath set is empty/.test(String(e.stderr))) return [];
    throw error;
  }
  return [...out.matchAll(/="([^"]*)"/g)].map((m) => m[1]);
}
const el = (name: string) => `*[local-name()='${name}']`;

/** The text of every element without child elements (AppDomain, SourceLocation-like text values). */
function elementTexts(file: string): string[] {
  const out = execFileSync("xmllint", ["--xpath", "//*[not(*)]/text()", file], { encoding: "utf8" });
  return out.split("\n").map((line) => line.trim()).filter((line) => line !== "");
}

describe.each([
  ["source manifest.xml", () => sourceManifest, `https://localhost:${pkg.config.dev_server_port}/`],
  ["built dist/manifest.xml", () => distFile("manifest.xml"), pkg.config.prod_url],
])("%s", (_label, file, expectedPrefix) => {
  test("validates against the Office add-in manifest schema", () => {
    const result = execFileSync("xmllint", ["--noout", "--schema", schema, file()], { encoding: "utf8", stdio: "pipe" });
    expect(result).toBe("");
  });

  test("every resid resolves to a defined resource", () => {
    const defined = new Set(xpath(file(), `//${el("Resources")}//@id`));
    const used = xpath(file(), "//@resid");
    expect(used.length).toBeGreaterThan(5);
    expect(used.filter((id) => !defined.has(id))).toEqual([]);
  });

  test("every URL, in attributes and element text, is https and on the expected origin", () => {
    const urls = [
      ...xpath(file(), "//@DefaultValue"),
      ...xpath(file(), `//${el("Override")}/@Value`),
      ...elementTexts(file()),
    ].filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      expect(url.startsWith("https://")).toBe(true);
      expect(url.startsWith(expectedPrefix)).toBe(true);
    }
  });
});

describe("the production manifest", () => {
  test("names the development host nowhere, AppDomains and comments included", () => {
    const built = readFileSync(distFile("manifest.xml"), "utf8");
    expect(built).toContain(pkg.config.prod_url);
    expect(built.split("\n").filter((line) => line.includes("localhost"))).toEqual([]);
  });

  test("the build refuses a production URL Office would not load", () => {
    const out = execFileSync(process.execPath, ["-e", `
      const { webConfig } = require(${JSON.stringify(path.join(repoRoot, "webpack.config.js"))});
      process.env.SALES_PLANNER_URL = "http://plain.example.com/";
      const copy = webConfig({ mode: "production" }).plugins.find((p) => p.constructor.name === "CopyPlugin");
      const manifest = copy.patterns.find((p) => p.from === "manifest.xml");
      try { manifest.transform(Buffer.from("<x/>")); console.log("accepted"); } catch (e) { console.log(e.message); }
    `], { encoding: "utf8" });
    expect(out).toMatch(/must be an https URL/);
  });
});

describe("manifest.xml content", () => {
  test("the add-in id is a GUID", () => {
    const id = execFileSync("xmllint", ["--xpath", `string(/${el("OfficeApp")}/${el("Id")})`, sourceManifest], { encoding: "utf8" });
    expect(id.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  });

  test("every icon file it names exists in assets/ at the size it claims", () => {
    const images = xpath(sourceManifest, `//${el("Images")}/${el("Image")}/@DefaultValue`);
    const icons = [...images, ...xpath(sourceManifest, `//${el("IconUrl")}/@DefaultValue`), ...xpath(sourceManifest, `//${el("HighResolutionIconUrl")}/@DefaultValue`)];
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const url of icons) {
      const rel = new URL(url).pathname.slice(1);
      const file = path.join(repoRoot, rel);
      expect(existsSync(file)).toBe(true);
      const size = Number(/icon-(\d+)\.png$/.exec(rel)?.[1]);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    const sizes = xpath(sourceManifest, `//${el("Images")}/${el("Image")}/@id`);
    expect(sizes).toEqual(["Icon.16x16", "Icon.32x32", "Icon.80x80"]);
  });

  test("one long-lived shared runtime serves the task pane and the functions", () => {
    const runtimes = xpath(sourceManifest, `//${el("Runtime")}/@resid`);
    expect(runtimes).toEqual(["Taskpane.Url"]);
    expect(xpath(sourceManifest, `//${el("Runtime")}/@lifetime`)).toEqual(["long"]);
    expect(xpath(sourceManifest, `//${el("Page")}/${el("SourceLocation")}/@resid`)).toEqual(["Taskpane.Url"]);
    expect(xpath(sourceManifest, `//${el("Action")}/${el("SourceLocation")}/@resid`)).toEqual(["Taskpane.Url"]);
    expect(xpath(sourceManifest, `//${el("OfficeTab")}/@id`)).toEqual(["TabHome"]);
    const permissions = execFileSync("xmllint", ["--xpath", `string(//${el("Permissions")})`, sourceManifest], { encoding: "utf8" });
    expect(permissions.trim()).toBe("ReadWriteDocument");
  });

  test("every display string and localisable URL has a zh-CN override", () => {
    const stringIds = xpath(sourceManifest, `//${el("ShortStrings")}/${el("String")}/@id | //${el("LongStrings")}/${el("String")}/@id`);
    const overridden = xpath(
      sourceManifest,
      `//${el("ShortStrings")}/${el("String")}[${el("Override")}[@Locale='zh-CN']]/@id | //${el("LongStrings")}/${el("String")}[${el("Override")}[@Locale='zh-CN']]/@id`,
    );
    expect(stringIds.length).toBeGreaterThan(3);
    expect(overridden).toEqual(stringIds);
    for (const top of ["DisplayName", "Description"]) {
      expect(xpath(sourceManifest, `/${el("OfficeApp")}/${el(top)}/${el("Override")}/@Locale`)).toEqual(["zh-CN"]);
    }
    const namespace = xpath(sourceManifest, `//${el("String")}[@id='Functions.Namespace']/${el("Override")}/@Value`);
    expect(namespace).toEqual(["销售"]);
    const metadataZh = xpath(sourceManifest, `//${el("Url")}[@id='Functions.Metadata.Url']/${el("Override")}[@Locale='zh-CN']/@Value`);
    expect(metadataZh).toEqual([`https://localhost:${pkg.config.dev_server_port}/functions.zh-CN.json`]);
  });
});
