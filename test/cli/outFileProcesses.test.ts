import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectXlsx } from "../../src/writers/xlsx";
import { distFile } from "../support/paths";

/**
 * Issue 18: two real `sales-planner` processes started together on one --out. Whichever way they
 * interleave, a run that reports success keeps its sheet in the file; the other is refused while the
 * first holds the file (or runs after it), and nothing but the workbook is left in the folder.
 */

function runBuilt(...args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distFile("cli/sales-planner.js"), ...args]);
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, err }));
  });
}

test("two processes writing the same --out at once never both report success while one's sheets are lost", async () => {
  for (let round = 0; round < 3; round++) {
    const dir = mkdtempSync(join(tmpdir(), "sp-out-proc-"));
    const out = join(dir, "team.xlsx");
    const weeks = ["2026-W50", "2026-W51"];
    const runs = await Promise.all(weeks.map((week) => runBuilt("write", "weekly", "--out", out, "--week", week, "--calendar", "none")));
    const sheets = (await inspectXlsx(new Uint8Array(readFileSync(out)))).sheets;
    runs.forEach((run, i) => {
      if (run.code === 0) expect(sheets).toContain(`周计划-${weeks[i].replace("-", "")}`);
      else expect({ code: run.code, err: run.err }).toEqual({ code: 1, err: expect.stringMatching(/^另一个 sales-planner 正在写入 .*team\.xlsx/) });
    });
    expect(runs.some((run) => run.code === 0)).toBe(true);
    expect(readdirSync(dir)).toEqual(["team.xlsx"]);
  }
});
