import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:https";
import { get as getHttp } from "node:http";
import path from "node:path";
import { repoRoot } from "../support/paths";

let child: ChildProcess | undefined;
afterAll(() => {
  if (child?.pid) process.kill(-child.pid, "SIGTERM");
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

test("npm start serves the task pane without Excel, prints the preview URL and keeps running", async () => {
  const port = 43000 + (process.pid % 1000);
  child = spawn(process.execPath, [path.join(repoRoot, "scripts/start.mjs")], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port) },
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

  // The dev server answers while webpack is still compiling; poll until the page is there.
  let page = { status: 0, body: "" };
  for (let i = 0; i < 120 && page.status !== 200; i++) {
    page = await fetchText(previewUrl).catch(() => ({ status: 0, body: "" }));
    if (page.status !== 200) await new Promise((r) => setTimeout(r, 500));
  }
  expect(page.status).toBe(200);
  expect(page.body).toContain("/office-js/office.js");
  expect(page.body).toContain("functions.js");
  const officeJs = await fetchText(previewUrl.replace("taskpane.html", "office-js/office.js"));
  expect(officeJs.status).toBe(200);
  expect(child.exitCode).toBeNull();
});
