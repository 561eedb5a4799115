import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, nodeIo, type CliIo } from "../../src/cli/main";
import { inspectXlsx } from "../../src/writers/xlsx";

/** Issue 18: the output file while a run writes it — no temporary file left behind, no sheets lost to a second run. */

const DAY = new Date(2026, 10, 25);

/** A run's io on the real file system, capturing what it prints; `writeFile` may be replaced. */
function capturing(writeFile: CliIo["writeFile"] = nodeIo.writeFile): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return { io: { ...nodeIo, stdout: () => undefined, stderr: (t) => err.push(t), writeFile }, err };
}

describe("a write that fails leaves no temporary file", () => {
  test("the rename fails (a folder now stands at the output's name)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-out-"));
    mkdirSync(join(dir, "a.xlsx"));
    await expect(nodeIo.writeFile(join(dir, "a.xlsx"), new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });

  test("the write fails halfway (a full disk: the temporary file's name leads to /dev/full)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-out-"));
    symlinkSync("/dev/full", join(dir, `.a.xlsx.${process.pid}.tmp`));
    await expect(nodeIo.writeFile(join(dir, "a.xlsx"), new Uint8Array([1, 2, 3]))).rejects.toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("two runs writing one --out at once", () => {
  test("the second is refused while the first holds the file, every run reporting success keeps its sheets, and it can run again after", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-out-"));
    const out = join(dir, "team.xlsx");
    // The first run stops inside its write, after it has read the output, until the second has run.
    let reachedWrite!: () => void;
    const inWrite = new Promise<void>((resolve) => (reachedWrite = resolve));
    let letWrite!: () => void;
    const mayWrite = new Promise<void>((resolve) => (letWrite = resolve));
    const slow = capturing(async (path, data) => {
      reachedWrite();
      await mayWrite;
      await nodeIo.writeFile(path, data);
    });
    const firstRun = main(["write", "weekly", "--out", out, "--week", "2026-W50"], slow.io, DAY);
    await inWrite;
    const fast = capturing();
    const second = await main(["write", "weekly", "--out", out, "--week", "2026-W51"], fast.io, DAY);
    letWrite();
    const first = await firstRun;

    const sheets = (await inspectXlsx(new Uint8Array(readFileSync(out)))).sheets;
    const reported = [
      { code: first, sheet: "周计划-2026W50" },
      { code: second, sheet: "周计划-2026W51" },
    ];
    for (const { sheet } of reported.filter((run) => run.code === 0)) expect(sheets).toContain(sheet);
    expect({ first, second }).toEqual({ first: 0, second: 1 });
    expect(fast.err.join("\n")).toMatch(/^另一个 sales-planner 正在写入 .*team\.xlsx/);
    expect(readdirSync(dir)).toEqual(["team.xlsx"]);

    // As the message says: run again once the first has finished.
    expect(await main(["write", "weekly", "--out", out, "--week", "2026-W51"], capturing().io, DAY)).toBe(0);
    expect((await inspectXlsx(new Uint8Array(readFileSync(out)))).sheets).toEqual(expect.arrayContaining(["周计划-2026W50", "周计划-2026W51"]));
    expect(readdirSync(dir)).toEqual(["team.xlsx"]);
  });

  test("a run that fails after taking the lock removes it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sp-out-"));
    const failing = capturing(() => Promise.reject(new Error("disk gone")));
    expect(await main(["write", "weekly", "--out", join(dir, "a.xlsx")], failing.io, DAY)).toBe(1);
    expect(failing.err.join("\n")).toMatch(/disk gone/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
