// `npm start`: build, serve on https://localhost:3000 and sideload into Excel desktop where there is one.
// Where there is no Excel (Linux, a server) or the dev certificates cannot be installed, it still serves
// the same pages (over http if it must), prints the preview URL and how to sideload, and keeps running.
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = require(path.join(root, "package.json"));
const port = Number(process.env.PORT || pkg.config.dev_server_port);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const { webConfig } = require(path.join(root, "webpack.config.js"));

// Only Windows and macOS have an Excel desktop that office-addin-debugging can sideload into.
const desktopExcelPossible = process.platform === "win32" || process.platform === "darwin";

/**
 * https with the Office dev certificates. Trusting their CA needs sudo/a keychain; where that fails the
 * generated certificate still serves https (the browser warns until the CA is trusted), and only where
 * no certificate can be made at all does it fall back to http.
 */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const defaults = require("office-addin-dev-certs/lib/defaults");
  try {
    return { tls: await devCerts.getHttpsServerOptions(), trusted: true };
  } catch (error) {
    console.warn(`[start] Could not trust the dev certificate: ${error.message.split("\n")[0]}`);
  }
  try {
    if (!existsSync(defaults.localhostCertificatePath)) await devCerts.generateCertificates();
    const read = (file) => readFileSync(file);
    return {
      tls: { ca: read(defaults.caCertificatePath), cert: read(defaults.localhostCertificatePath), key: read(defaults.localhostKeyPath) },
      trusted: false,
    };
  } catch (error) {
    console.warn(`[start] No dev certificate (${error.message.split("\n")[0]}); serving over http.`);
    return { tls: null, trusted: false };
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

const { tls, trusted } = await httpsOptions();
const config = webConfig({ mode: "development" });
const scheme = tls ? "https" : "http";
const server = new WebpackDevServer(
  { ...config.devServer, port, host: "localhost", server: tls ? { type: "https", options: tls } : { type: "http" } },
  webpack(config),
);
try {
  await server.start();
} catch (error) {
  if (error.code !== "EADDRINUSE") throw error;
  console.error(`[start] Port ${port} is taken (another \`npm start\`?). Stop it, or run with PORT=<free port> (the manifest expects ${port}).`);
  process.exit(1);
}

const previewUrl = `${scheme}://localhost:${port}/taskpane.html`;
console.log(`
Sales Planner is being served.
  Preview in a browser:   ${previewUrl}
  Manifest:               ${path.join(root, "manifest.xml")}
Excel on the web: open a workbook, Home > Add-ins > More Add-ins > Upload My Add-in, choose manifest.xml${
  trusted ? "" : `\n  (Excel needs a trusted https certificate: run \`npx office-addin-dev-certs install\` as an administrator,\n   or import ${require("office-addin-dev-certs/lib/defaults").caCertificatePath} into your browser's trusted authorities)`
}.
Excel desktop (Windows/Mac): npm start sideloads it for you when Excel is installed.
Press Ctrl+C to stop.`);

if (desktopExcelPossible && trusted) sideloadIntoDesktop();
else if (!desktopExcelPossible) console.log("[start] No Excel desktop on this platform: serving for the browser preview and Excel on the web.");
