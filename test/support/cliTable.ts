import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli";

/**
 * One row of a command-line table test: what is run, in a fresh folder holding `files`, and what it must
 * end with — exit code, the first line printed in each language, and the folder's files after the run.
 */
export interface CliCase {
  /** What the row shows, as the test's title. */
  readonly name: string;
  /** Arguments; `{dir}` stands for the row's folder. */
  readonly argv: readonly string[];
  /** What the folder holds before the run, by file name. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>;
  readonly code: number;
  /**
   * The message's first zh-CN line, and its first en-US line: output in both languages prints the zh-CN
   * block first, so `zh` is matched against the first line printed (stderr if any, else stdout) and `en`
   * against a later line. `en` is left out for output in one language (what a run that succeeds prints,
   * worded in `--lang`).
   */
  readonly zh: RegExp;
  readonly en?: RegExp;
  /** Names of the files the run creates or changes (default: none — the folder is left exactly as it was). */
  readonly changes?: readonly string[];
}

/** Every file of `dir` with a digest of its bytes, so any change, addition or removal shows. */
function contents(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((name) => [name, createHash("sha256").update(readFileSync(join(dir, name))).digest("hex")]));
}

/** The names whose bytes differ between two `contents` readings, or that are in only one of them. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** Runs one row (exported for rows that need more checks than the table holds). */
export async function runCase(row: CliCase): Promise<{ readonly dir: string; readonly out: string; readonly err: string }> {
  const dir = mkdtempSync(join(tmpdir(), "sp-cli-table-"));
  for (const [name, data] of Object.entries(row.files ?? {})) writeFileSync(join(dir, name), data);
  const before = contents(dir);
  const { code, out, err } = await runCli(...row.argv.map((arg) => arg.split("{dir}").join(dir)));
  const lines = (err || out).split("\n").filter((line) => line.trim() !== "");
  expect({ code, first: lines[0] }).toEqual({ code: row.code, first: expect.stringMatching(row.zh) });
  if (row.en) expect(lines.slice(1)).toContainEqual(expect.stringMatching(row.en));
  expect(changed(before, contents(dir))).toEqual([...(row.changes ?? [])].sort());
  return { dir, out, err };
}

/** Registers one test per row. */
export function cliTable(rows: readonly CliCase[]): void {
  test.each(rows.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    await runCase(row);
  });
}
