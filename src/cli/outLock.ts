import { readFile, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * A run holds its output file from before it reads it until after it has replaced it: two runs adding
 * sheets to one workbook at once would each read the old file, and the second rename would drop the
 * first's sheets while both reported success. The hold is a lock file beside the output, created
 * exclusively (O_EXCL), holding who created it, and removed at the end.
 */

export type OutLock = { readonly kind: "taken"; readonly release: () => Promise<void> } | { readonly kind: "held"; readonly lockFile: string };

/** `.NAME.lock` beside NAME, as the write's temporary file is `.NAME.PID.tmp`. */
export const lockFileOf = (path: string): string => join(dirname(path), `.${basename(path)}.lock`);

const lockText = (pid: number, host: string): string => `sales-planner ${pid} ${host}\n`;
const LOCK_TEXT = /^sales-planner (\d+) (\S+)\n$/;

/**
 * A lock a run left when it ended without removing it (killed, a power cut): in our words, written on
 * this machine, by a process that no longer runs. A lock from another machine (a shared folder) cannot
 * be judged from here, and a file not in our words is the user's: neither is ever removed. A process id
 * used again by an unrelated process keeps the lock held; the message says how to remove it then.
 */
export const isStaleLock = (text: string, host: string, isRunning: (pid: number) => boolean): boolean => {
  const match = LOCK_TEXT.exec(text);
  return match !== null && match[2] === host && !isRunning(Number(match[1]));
};

/** Signal 0 tests for the process without signalling it; EPERM: it runs, as another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

export async function lockOut(path: string): Promise<OutLock> {
  const lockFile = lockFileOf(path);
  // A second attempt follows a stale lock removed, or a lock that went away while it was being read.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, lockText(process.pid, hostname()), { flag: "wx" });
      // Removed however the run ends; a lock already gone is no reason to report a finished write as failed.
      return { kind: "taken", release: () => unlink(lockFile).catch(() => undefined) };
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
    // Gone since (undefined): try again. Unreadable (a folder of that name) counts as held, as does the
    // empty text of a lock read while its creator was still writing it.
    const found = await readFile(lockFile, "utf8").catch((error: unknown) => (errorCode(error) === "ENOENT" ? undefined : ""));
    if (found !== undefined && !isStaleLock(found, hostname(), isRunning)) return { kind: "held", lockFile };
    // Two runs finding the same stale lock within the same instant could both take it over; re-reading
    // just before removing narrows that to the time between the two calls.
    if (found !== undefined && (await readFile(lockFile, "utf8").catch(() => undefined)) === found) await unlink(lockFile).catch(() => undefined);
  }
  return { kind: "held", lockFile };
}
