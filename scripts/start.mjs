// `npm start`: build, serve on https://localhost:3000 and sideload into Excel desktop where there is one.
// Where there is no Excel (Linux, a server) or the dev certificates cannot be trusted, it still serves
// the same pages (over http if it must), prints the preview URL and how to sideload, and keeps running.
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import https from "node:https";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = require(path.join(root, "package.json"));
const portText = process.env.PORT || String(pkg.config.dev_server_port);
const port = Number(portText);
if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) {
  console.error(`[start] PORT must be a whole number from 1 to 65535, got "${portText}". Example: PORT=3001 npm start`);
  process.exit(1);
}
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const { webConfig } = require(path.join(root, "webpack.config.js"));
const { devCertificates } = require(path.join(root, "scripts/startCerts.js"));
const certDefaults = require("office-addin-dev-certs/lib/defaults");

// Only Windows and macOS have an Excel desktop that office-addin-debugging can sideload into.
const desktopExcelPossible = process.platform === "win32" || process.platform === "darwin";
const firstLine = (error) => String(error?.message ?? error).split("\n")[0];

/**
 * https with the Office dev certificates in ~/.office-addin-dev-certs, reused while valid (see
 * startCerts.js). Where Excel desktop can run, the CA is added to the user's trusted store if it is not
 * there (office-addin-dev-certs' installCaCertificate only adds; nothing here uninstalls a CA). Only where
 * no certificate can be made at all does it fall back to http.
 */
async function httpsOptions() {
  const paths = { ca: certDefaults.caCertificatePath, cert: certDefaults.localhostCertificatePath, key: certDefaults.localhostKeyPath };
  let certificates;
  try {
    const { generateCertificates } = require("office-addin-dev-certs/lib/generate");
    certificates = await devCertificates(paths, new Date(), (p) => generateCertificates(p.ca, p.cert, p.key));
  } catch (error) {
    console.warn(`[start] No dev certificate (${firstLine(error)}); serving over http.`);
    return { tls: null, trusted: false };
  }
  if (certificates.generated) {
    const was = { missing: "incomplete", unusable: "unusable", expired: "expired" }[certificates.reason];
    const kept = certificates.movedAside.length > 0 ? ` (the previous set was ${was}; kept as ${certificates.movedAside.map((f) => path.basename(f)).join(", ")})` : "";
    console.log(`[start] New dev certificates in ${certDefaults.certificateDirectory}${kept}.`);
  } else {
    console.log(`[start] Reusing the dev certificates in ${certDefaults.certificateDirectory}.`);
  }
  if (!desktopExcelPossible) return { tls: certificates.tls, trusted: false };
  try {
    await require("office-addin-dev-certs/lib/install").installCaCertificate(paths.ca);
    return { tls: certificates.tls, trusted: true };
  } catch (error) {
    console.warn(`[start] Could not trust the dev certificate: ${firstLine(error)}`);
    return { tls: certificates.tls, trusted: false };
  }
}

function sideloadIntoDesktop() {
  // office-addin-debugging brings a native keychain module that does not build on Linux servers, so it is
  // fetched on demand here rather than listed in package.json.
  const child = spawn("npx", ["--yes", "office-addin-debugging@7", "start", "manifest.xml", "desktop", "--app", "excel", "--no-debug", "--no-live-reload"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  child.on("exit", (code) => {
    if (code !== 0) console.warn("[start] Could not sideload into Excel desktop; sideload manifest.xml by hand (see README).");
  });
  child.on("error", () => console.warn("[start] Could not start office-addin-debugging; sideload manifest.xml by hand."));
}

/** The one message for a port that cannot be listened on, whether start() throws it or the server emits it later. */
function cannotListen(error) {
  if (error?.code === "EADDRINUSE") {
    console.error(`[start] Port ${port} is already in use (another \`npm start\`?). Stop that program, or run on a free port: PORT=3001 npm start (the manifest expects ${pkg.config.dev_server_port}).`);
  } else if (error?.code === "EACCES") {
    console.error(`[start] Not allowed to listen on port ${port}. Run on a port above 1023: PORT=3001 npm start.`);
  } else {
    console.error(`[start] The dev server could not start: ${firstLine(error)}`);
  }
  process.exit(1);
}

/** Status of GET `url`, trusting `ca` (the dev CA) for https; 0 when it does not answer. */
function statusOf(url, ca) {
  const get = url.startsWith("https:") ? https.get : http.get;
  return new Promise((resolve) => {
    get(url, ca ? { ca } : {}, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", () => resolve(0));
  });
}

/** Resolves true once `url` answers 200, false after `tries` attempts. */
async function answers(url, ca, tries = 40) {
  for (let i = 0; i < tries; i++) {
    if ((await statusOf(url, ca)) === 200) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function announce(previewUrl, trusted) {
  console.log(`
Sales Planner is being served.
  Preview in a browser:   ${previewUrl}
  Manifest:               ${path.join(root, "manifest.xml")}
Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in, choose manifest.xml${
    trusted ? "" : `\n  (Excel needs a trusted https certificate: import ${certDefaults.caCertificatePath}\n   into your browser's or system's trusted authorities)`
  }.
Excel desktop (Windows/Mac): npm start sideloads it for you when Excel is installed.
Press Ctrl+C to stop.`);
  if (desktopExcelPossible && trusted) sideloadIntoDesktop();
  else if (!desktopExcelPossible) console.log("[start] No Excel desktop on this platform: serving for the browser preview and Excel on the web.");
}

const { tls, trusted } = await httpsOptions();
const config = webConfig({ mode: "development" });
const scheme = tls ? "https" : "http";
const previewUrl = `${scheme}://localhost:${port}/taskpane.html`;
const compiler = webpack(config);
// The server is made here so its "error" event (EADDRINUSE is emitted by listen(), not thrown by start())
// has a listener before webpack-dev-server calls listen().
const createServer = (options, app) => {
  const server = tls ? https.createServer(options, app) : http.createServer(app);
  server.on("error", cannotListen);
  return server;
};
const server = new WebpackDevServer(
  { ...config.devServer, port, host: "localhost", server: { type: createServer, options: tls ?? {} } },
  compiler,
);

// The URL is printed once the page answers after a build, not when the server merely listens.
let announced = false;
compiler.hooks.done.tap("start", (stats) => {
  if (announced) return;
  if (stats.hasErrors()) {
    console.error("[start] The build failed (errors above). Fix them and save: the preview URL follows once the page answers.");
    return;
  }
  answers(previewUrl, tls?.ca).then((ok) => {
    if (announced) return;
    if (ok) {
      announced = true;
      announce(previewUrl, trusted);
    } else console.error(`[start] Built, but ${previewUrl} does not answer; see the messages above.`);
  });
});

await server.start().catch(cannotListen);
