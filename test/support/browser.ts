import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { distDir, distFile, repoRoot } from "./paths";

const webpackConfig = require(path.join(repoRoot, "webpack.config.js"));
const officeJsPrefix = (webpackConfig.officeJsCdn as string).replace(/office\.js$/, "");
const officeJsDir = webpackConfig.officeJsLocalDir as string;

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves dist/ on a free loopback port: the pane is tested as built, not through the dev server. */
export async function serveDist(): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(distDir, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(distDir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Where a test saves a screenshot named `file`: docs/screens/ (tracked, linked from the README) only when
 * `npm run screens` asks for it, else test-output/screens/ (ignored), so `npm test` leaves the tree clean.
 */
export function screenshotPath(file: string): string {
  const folder = process.env.SALES_PLANNER_SCREENS === "docs" ? "docs/screens" : "test-output/screens";
  return path.join(repoRoot, folder, file);
}

/** The flags this machine needs: its closed network refuses Chromium's background connections. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface PaneSession {
  page: Page;
  /** console errors and uncaught page errors, in order */
  errors: string[];
  /** every request that would have left the machine (blocked) */
  blocked: string[];
}

/**
 * Opens a page with every outside request blocked; office.js's CDN is answered from node_modules, so the
 * production page is tested exactly as built — or, with `officeJs`, from a stand-in (the fake Excel host).
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { locale?: string; width?: number; officeJs?: string } = {},
): Promise<PaneSession> {
  const context = await browser.newContext({ locale: options.locale ?? "zh-CN", viewport: { width: options.width ?? 360, height: 720 } });
  const errors: string[] = [];
  const blocked: string[] = [];
  const origin = new URL(url).origin;
  await context.route("**/*", async (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith(origin) || requestUrl.startsWith("data:") || requestUrl.startsWith("blob:")) {
      await route.continue();
    } else if (options.officeJs && requestUrl === `${officeJsPrefix}office.js`) {
      await route.fulfill({ status: 200, body: await readFile(options.officeJs), contentType: contentTypes[".js"] });
    } else if (requestUrl.startsWith(officeJsPrefix)) {
      const rel = new URL(requestUrl).pathname.slice(new URL(officeJsPrefix).pathname.length);
      try {
        const body = await readFile(path.join(officeJsDir, rel));
        await route.fulfill({ status: 200, body, contentType: contentTypes[path.extname(rel)] ?? "text/plain" });
      } catch {
        await route.fulfill({ status: 404, body: "" });
      }
    } else {
      blocked.push(requestUrl);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors, blocked };
}

/**
 * office.js itself, once loaded, asks Microsoft's telemetry host for a proxy page; that request is
 * blocked like every other and is not the pane's doing. Anything else leaving the machine is a bug.
 */
export function outsideRequestsOfOurs(blocked: readonly string[]): string[] {
  return blocked.filter((url) => new URL(url).hostname !== "telemetryservice.firstpartyapps.oaspapps.com");
}

/** Bundles the fake Excel host (test/e2e/fakeHost) for the browser, once per test file. */
export async function buildFakeOfficeHost(): Promise<string> {
  const webpack = require("webpack") as typeof import("webpack");
  const outDir = path.join(repoRoot, "test-output", "fakeHost");
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.join(repoRoot, "test/e2e/fakeHost/fakeOfficeHost.ts"),
    output: { path: outDir, filename: "fakeOfficeHost.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else resolve();
    }),
  );
  return path.join(outDir, "fakeOfficeHost.js");
}

export interface PaneHarness {
  /**
   * Opens the built taskpane.html (`query` appended) in a fresh browser context, in zh-CN unless told;
   * `inExcel` answers office.js with the fake Excel host, else the pane runs as the browser preview.
   */
  open(query?: string, options?: { locale?: string; width?: number; inExcel?: boolean }): Promise<PaneSession>;
}

/**
 * One static server and one Chromium per test file (and the bundled fake Excel host when `fakeHost`),
 * started before its tests and closed after them.
 */
export function paneHarness(options: { fakeHost?: boolean } = {}): PaneHarness {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let officeJs: string | undefined;
  beforeAll(async () => {
    distFile("taskpane.html");
    [server, browser, officeJs] = await Promise.all([serveDist(), launchChromium(), options.fakeHost ? buildFakeOfficeHost() : undefined]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open(query = "", { locale, width, inExcel = false } = {}) {
      if (!server || !browser) throw new Error("the pane harness is not started: call paneHarness at the top of the test file");
      if (inExcel && !officeJs) throw new Error("paneHarness({ fakeHost: true }) is needed to open the pane in the fake Excel");
      return openPage(browser, `${server.origin}/taskpane.html${query}`, {
        ...(locale === undefined ? {} : { locale }),
        ...(width === undefined ? {} : { width }),
        ...(inExcel ? { officeJs } : {}),
      });
    },
  };
}

/**
 * Runs `action` in the page against the fake Excel (`window.__fakeExcel`); `action` is sent as source,
 * so it may use only its two arguments.
 */
export function onFakeExcel<F, T, A = null>(page: Page, action: (fake: F, arg: A) => T, arg: A = null as A): Promise<T> {
  return page.evaluate(
    ([source, value]) => new Function("f", "a", `return (${source})(f, a)`)((window as unknown as { __fakeExcel: unknown }).__fakeExcel, value),
    [action.toString(), arg] as const,
  ) as Promise<T>;
}

/** Clicks `button`, waits for the pane's download link and saves what it offers at `target`; returns `target`. */
export async function saveDownload(page: Page, button: string, target: string): Promise<string> {
  await page.getByTestId(button).click();
  const link = page.getByTestId("download-link");
  await link.waitFor();
  const [event] = await Promise.all([page.waitForEvent("download"), link.click()]);
  await event.saveAs(target);
  return target;
}
