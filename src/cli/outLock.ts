import { randomUUID } from "node:crypto";
import { link, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { readFileSync, unlinkSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { cleanUpOnSignal } from "./onSignal";

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

/** How long a lock may stay empty: its creator writes its text at once, so an older empty one was cut short. */
export const EMPTY_LOCK_GRACE_MS = 5000;

/**
 * A lock a run left when it ended without removing it (killed, a power cut): in our words, written on
 * this machine, by a process that no longer runs — or empty for longer than a creator takes to write it
 * (killed between creating and writing it, a full disk). A lock from another machine (a shared folder)
 * cannot be judged from here, and a file not in our words is the user's: neither is ever removed. A
 * process id used again by an unrelated process keeps the lock held; the message says how to remove it then.
 */
export const isStaleLock = (text: string, ageMs: number, host: string, isRunning: (pid: number) => boolean): boolean => {
  if (text === "") return ageMs > EMPTY_LOCK_GRACE_MS;
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

/** The lock's text and age, or undefined when it is gone; unreadable (a folder of that name) reads as a held lock's. */
async function readLock(file: string): Promise<{ text: string; ageMs: number } | undefined> {
  try {
    const [text, at] = await Promise.all([readFile(file, "utf8"), stat(file)]);
    return { text, ageMs: Date.now() - at.mtimeMs };
  } catch (error) {
    return errorCode(error) === "ENOENT" ? undefined : { text: "held", ageMs: 0 };
  }
}

const isStale = (lock: { text: string; ageMs: number }): boolean => isStaleLock(lock.text, lock.ageMs, hostname(), isRunning);

export async function lockOut(path: string): Promise<OutLock> {
  const lockFile = lockFileOf(path);
  const ours = lockText(process.pid, hostname());
  // A second attempt follows a stale lock taken away, or a lock that went away while it was being read.
  for (let attempt = 0; attempt < 2; attempt++) {
    // Registered before the file is created: a signal between its creation and the write's end must
    // remove it too. Only ever our text is removed: an existing lock (EEXIST) is another run's.
    const forget = cleanUpOnSignal(() => {
      if (readFileSync(lockFile, "utf8") === ours) unlinkSync(lockFile);
    });
    try {
      await writeFile(lockFile, ours, { flag: "wx" });
      return {
        kind: "taken",
        release: async () => {
          forget();
          await releaseLock(lockFile, ours);
        },
      };
    } catch (error) {
      forget();
      if (errorCode(error) !== "EEXIST") throw error;
    }
    const found = await readLock(lockFile);
    if (found === undefined) continue;
    if (!isStale(found)) return { kind: "held", lockFile };
    // Taken aside under a name no other run uses, then judged again: a run that replaced the stale lock
    // with its own meanwhile gets its lock put back (link: never over a third run's), not removed.
    const aside = `${lockFile}.${randomUUID()}.stale`;
    if (!(await rename(lockFile, aside).then(() => true, () => false))) continue;
    const moved = await readLock(aside);
    if (moved === undefined || isStale(moved)) {
      await unlink(aside).catch(() => undefined);
      continue;
    }
    await link(aside, lockFile).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    return { kind: "held", lockFile };
  }
  return { kind: "held", lockFile };
}

/**
 * Removed however the run ends, only while it still holds our text: a lock taken over by another run
 * (ours judged stale) is that run's. A lock already gone is no reason to report a finished write as failed.
 */
async function releaseLock(lockFile: string, ours: string): Promise<void> {
  const found = await readFile(lockFile, "utf8").catch(() => undefined);
  if (found === ours) await unlink(lockFile).catch(() => undefined);
}
