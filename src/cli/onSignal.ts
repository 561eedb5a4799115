/**
 * Ctrl-C (SIGINT) or a kill (SIGTERM) while a run holds its output would end the process with the
 * temporary file `.NAME.PID.tmp` and the lock `.NAME.lock` left beside the output: each is registered
 * here for the time it exists, removed on the signal, and the run exits as a shell reports a process
 * ended by that signal (128 + its number). Cleanups are synchronous: nothing asynchronous runs once the
 * handler calls exit.
 */

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODES;

const cleanups = new Set<() => void>();

function onSignal(signal: Signal): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Already gone (the rename finished, the lock released): nothing left to remove.
    }
  }
  process.exit(EXIT_CODES[signal]);
}

/** Runs `cleanup` if the process is signalled before the returned function is called. */
export function cleanUpOnSignal(cleanup: () => void): () => void {
  if (cleanups.size === 0) for (const signal of Object.keys(EXIT_CODES) as Signal[]) process.on(signal, onSignal);
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0) for (const signal of Object.keys(EXIT_CODES) as Signal[]) process.off(signal, onSignal);
  };
}
