import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { distFile } from "../support/paths";

/**
 * Issue 18: a real `sales-planner` process stopped by Ctrl-C (SIGINT) or a kill (SIGTERM) while it holds
 * its output ends with the shell's code for that signal and leaves neither its lock nor a temporary file.
 */

test.each([
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const)("%s while the lock is held: exit %i, the folder left empty", async (signal, expected) => {
  const dir = mkdtempSync(join(tmpdir(), "sp-out-signal-"));
  const child = spawn(process.execPath, [distFile("cli/sales-planner.js"), "write", "weekly", "customers", "contracts", "ledger", "visits", "--out", join(dir, "a.xlsx"), "--week", "2026-W50"]);
  const ended = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  // The lock is taken before anything is read and stands until the workbook has been renamed into place;
  // signalled once it holds its text (a lock killed while still empty is stale after EMPTY_LOCK_GRACE_MS).
  const lock = join(dir, ".a.xlsx.lock");
  while (!existsSync(lock) || readFileSync(lock, "utf8") === "") await new Promise((resolve) => setTimeout(resolve, 2));
  child.kill(signal);
  const code = await ended;
  // A run that finished before the signal arrived is no failure of this test's subject: it must have written.
  if (code === 0) expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  else expect({ code, files: readdirSync(dir) }).toEqual({ code: expected, files: [] });
}, 30_000);
