import { main, nodeIo, type CliIo } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `sales-planner` in-process against the real file system on a fixed day, capturing what it prints. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...nodeIo, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
  const code = await main(argv, io, new Date(2026, 10, 25));
  return { code, out: out.join("\n"), err: err.join("\n") };
}
