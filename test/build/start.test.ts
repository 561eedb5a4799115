import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { get as getHttp } from "node:http";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "../support/paths";

const mkcert = require("mkcert");
const { decideCertificates } = require("../../scripts/startCerts");

let child: ChildProcess | undefined;
const homes: string[] = [];
afterAll(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function fetchText(url: string): Promise<{ status: number; body: string }> {
  const getter = url.startsWith("https") ? get : getHttp;
  return new Promise((resolve, reject) => {
    getter(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

/**
 * A home folder of its own (HOME, and USERPROFILE for Windows), so the user's ~/.office-addin-dev-certs is
 * never touched, with a `sudo` first on PATH that only records being called: trusting or removing a CA in
 * the system store on Linux goes through sudo (office-addin-dev-certs' *_linux.sh scripts).
 */
function sandbox(): { home: string; certDir: string; sudoLog: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(path.join(tmpdir(), "start-home-"));
  homes.push(home);
  const bin = path.join(home, "bin");
  mkdirSync(bin);
  const sudoLog = path.join(home, "sudo.log");
  writeFileSync(path.join(bin, "sudo"), `#!/bin/sh\necho "$@" >> '${sudoLog}'\nexit 1\n`);
  chmodSync(path.join(bin, "sudo"), 0o755);
  const env = { ...process.env, HOME: home, USERPROFILE: home, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
  return { home, certDir: path.join(home, ".office-addin-dev-certs"), sudoLog, env };
}

/** Writes a dev certificate set (office-addin-dev-certs' generator), valid for `days` (negative: expired). */
async function writeCertificates(certDir: string, days: number): Promise<Record<string, Buffer>> {
  const ca = await mkcert.createCA({ organization: "Developer CA for Microsoft Office Add-ins", countryCode: "US", state: "WA", locality: "Redmond", validity: days });
  const localhost = await mkcert.createCert({ ca, domains: ["127.0.0.1", "localhost"], validity: days });
  mkdirSync(certDir, { recursive: true });
  const set = { "ca.crt": ca.cert, "localhost.crt": localhost.cert, "localhost.key": localhost.key };
  for (const [name, text] of Object.entries(set)) writeFileSync(path.join(certDir, name), text);
  return Object.fromEntries(Object.entries(set).map(([name, text]) => [name, Buffer.from(text)]));
}

/** Runs start.mjs to its end (at most a minute); resolves with its exit code and everything it printed. */
function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const run = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    run.stdout.on("data", (d) => (output += d));
    run.stderr.on("data", (d) => (output += d));
    // A start that does not stop by itself (the old code served on PORT=1e3 as port 1000) is ended here.
    const timer = setTimeout(() => run.kill("SIGKILL"), 60_000);
    run.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("port taken", () => {
  let blocker: Server;
  let port: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => blocker.close(resolve)));

  test("says the port is in use and how to choose another, exits 1, no stack; valid certificates reused byte for byte", async () => {
    const box = sandbox();
    const before = await writeCertificates(box.certDir, 30);
    const { code, output } = await runStart({ ...box.env, PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(`[start] Port ${port} is already in use`);
    expect(output).toContain("PORT=3001 npm start");
    expect(output).not.toMatch(/EADDRINUSE|^\s+at /m);
    expect(output).not.toContain("Preview in a browser");
    expect(output).toContain(`[start] Reusing the dev certificates in ${box.certDir}.`);
    expect(readdirSync(box.certDir).sort()).toEqual(Object.keys(before).sort());
    for (const [name, bytes] of Object.entries(before)) expect(readFileSync(path.join(box.certDir, name)).equals(bytes)).toBe(true);
    expect(existsSync(box.sudoLog)).toBe(false);
  });

  test("expired certificates: a new valid set is written, the old CA kept beside it, no CA uninstalled", async () => {
    const box = sandbox();
    const before = await writeCertificates(box.certDir, -2);
    const { code, output } = await runStart({ ...box.env, PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(`[start] Port ${port} is already in use`);
    const read = (name: string) => readFileSync(path.join(box.certDir, name));
    expect(decideCertificates({ ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") }, new Date())).toEqual({ action: "reuse" });
    expect(output).toMatch(/\[start\] New dev certificates in .*\(the previous set was expired; kept as ca\.old-/);
    const keptCa = readdirSync(box.certDir).filter((name) => /^ca\.old-.*\.crt$/.test(name));
    expect(keptCa).toHaveLength(1);
    expect(read(keptCa[0]).equals(before["ca.crt"])).toBe(true);
    expect(existsSync(box.sudoLog)).toBe(false);
  });
});

test.each(["70000", "abc", "1e3"])("PORT=%s is refused with the allowed range, exit 1, no stack", async (value) => {
  const box = sandbox();
  const { code, output } = await runStart({ ...box.env, PORT: value });
  expect(code).toBe(1);
  expect(output).toContain(`[start] PORT must be a whole number from 1 to 65535, got "${value}"`);
  expect(output).not.toMatch(/^\s+at /m);
});

test("npm start builds in development mode, prints the preview URL once the page answers, and keeps running", async () => {
  const port = 43000 + (process.pid % 1000);
  const box = sandbox();
  child = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], {
    cwd: repoRoot,
    env: { ...box.env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (d) => (output += d));
  const previewUrl = await new Promise<string>((resolve, reject) => {
    child!.stdout!.on("data", (d) => {
      output += d;
      const match = /Preview in a browser:\s+(\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child!.on("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  expect(previewUrl).toMatch(new RegExp(`^https?://localhost:${port}/taskpane\\.html$`));
  expect(output).toMatch(/Upload My Add-in/);
  expect(output).not.toContain("'mode' option has not been set");
  // Printed after webpack's first "compiled … in N ms", and the page answers at once, without polling.
  expect(output.search(/compiled (successfully|with \d+ warnings?) in \d+ ms/)).toBeGreaterThanOrEqual(0);
  expect(output.search(/compiled (successfully|with \d+ warnings?) in \d+ ms/)).toBeLessThan(output.indexOf("Preview in a browser"));
  const page = await fetchText(previewUrl);
  expect(page.status).toBe(200);
  expect(page.body).toContain("/office-js/office.js");
  expect(page.body).toContain("functions.js");
  // Development builds keep module boundaries as eval'd source maps instead of minifying.
  const script = await fetchText(previewUrl.replace("taskpane.html", "taskpane.js"));
  expect(script.body).toContain("eval(");
  const officeJs = await fetchText(previewUrl.replace("taskpane.html", "office-js/office.js"));
  expect(officeJs.status).toBe(200);
  expect(child.exitCode).toBeNull();
});
