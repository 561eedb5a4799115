import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import JSZip from "jszip";
import { join } from "node:path";
import { runCli as run } from "../support/cli";
import { columnLetters } from "../../src/spec/a1";
import { XlsxPackage } from "../../src/writers/ooxml";
import { appendTableRows, readTableContents } from "../../src/writers/ooxml/appendRows";
import { PIVOT_COL, HISTORY_ORIGIN } from "../../src/templates/team/historySheet";
import { convertWithLibreOffice, recalcXlsx, type Computed } from "../support/libreoffice";
import { expectValidXlsx, formatProblem, validateXlsx } from "../support/ooxmlGate";

/**
 * Issue 16 item 4 in a spreadsheet engine: the weekly plans of five reps, one of them 张~三, over three weeks, rolled up with
 * `--history` each week and once more at the end (the latest week recorded again, an older week's
 * figure corrected by hand kept) → LibreOffice recalculates
 * the team workbook → every 达成率 of the log is its row's actual ÷ target, and every cell of the pivot
 * is the rep's summed actual ÷ summed target for the week, as computed here (#N/A where the rep had no
 * plan or no target that week).
 */

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "sp-history-engine-"));
// 张~三 beside 张三: as a criterion unescaped, "张~三" means 张三 (~ escapes the 三), so the pivot would show 张三's figures in 张~三's column.
const REPS = ["张三", "李四", "王五", "赵六", "张~三"];
const WEEKS = ["2026-W48", "2026-W49", "2026-W50"];

interface Figures {
  readonly sales: [number, number];
  readonly collection: [number, number];
}

/** Deterministic figures per rep, week and run; 赵六 has no plan in W49, 王五's W50 has no sales target. */
function figuresOf(rep: number, week: number): Figures | undefined {
  if (rep === 3 && week === 1) return undefined;
  const sales: [number, number] = [rep === 2 && week === 2 ? 0 : 1000 * (rep + 1) + 100 * week, 900 * (rep + 1) + 37 * week];
  return { sales, collection: [500 + 50 * rep, 480 + 13 * week + rep] };
}

/** A rep's plan in a file of its own (`write` adds to a file that exists: `prefix` keeps the tests' files apart). */
async function planFile(rep: number, week: number, prefix = ""): Promise<string | undefined> {
  const figures = figuresOf(rep, week);
  if (!figures) return undefined;
  const file = join(dir, `${prefix}rep${rep}-w${week}.xlsx`);
  expect((await run_("write", "weekly", "--rep", REPS[rep], "--week", WEEKS[week], "--out", file)).code).toBe(0);
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  const contents = await readTableContents(pkg, "SP_W1_Targets");
  const fill = [
    { index: contents.rows.findIndex((r) => r[0] === "销售额"), values: { 目标: figures.sales[0], 实际: figures.sales[1] } },
    { index: contents.rows.findIndex((r) => r[0] === "回款额"), values: { 目标: figures.collection[0], 实际: figures.collection[1] } },
  ];
  await appendTableRows(pkg, { table: "SP_W1_Targets", rows: [], fill });
  writeFileSync(file, await pkg.save());
  return file;
}

const run_ = run;

/** The number of the worksheet part holding `name` (the team workbook's parts are named sheetN.xml). */
async function sheetNumber(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  return /sheet(\d+)\.xml$/.exec(target[1] ?? target[2])![1];
}

test("the log's 达成率 and the pivot compute the sums of the snapshots, week by week", async () => {
  const team = join(dir, "team.xlsx");
  const expected = new Map<string, Figures>();
  const empty = join(dir, "customers.xlsx");
  expect((await run_("write", "customers", "--out", empty)).code).toBe(0);
  for (const week of [0, 1, 2]) {
    const files = (await Promise.all(REPS.map((_, rep) => planFile(rep, week)))).filter((f): f is string => f !== undefined);
    expect((await run_("rollup", "--out", team, "--history", ...files)).code).toBe(0);
    REPS.forEach((rep, r) => {
      const f = figuresOf(r, week);
      if (f) expected.set(`${rep}|${WEEKS[week]}`, f);
    });
  }
  // The manager corrects 张三's W48 sales actual in the log; recorded again without new plans: only the
  // latest week's rows are replaced, W48 (and W49) stay as they were, the correction included.
  const corrected = { ...expected.get("张三|2026-W48")!, sales: [expected.get("张三|2026-W48")!.sales[0], 777] as [number, number] };
  {
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(team)));
    const index = (await readTableContents(pkg, "SP_S1_History")).rows.findIndex((row) => row[1] === "张三" && row[3] === "2026-W48");
    const zip = await JSZip.loadAsync(readFileSync(team));
    const path = "xl/worksheets/sheet" + (await sheetNumber(zip, "团队历史")) + ".xml";
    const ref = `F${HISTORY_ORIGIN.row + 2 + index}`;
    const xml = await zip.file(path)!.async("string");
    const edited = xml.replace(new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`), (_, attrs: string) => `<c r="${ref}"${attrs.replace(/ t="[^"]*"/, "")}><v>777</v></c>`);
    expect(edited).not.toBe(xml);
    zip.file(path, edited);
    writeFileSync(team, await zip.generateAsync({ type: "uint8array" }));
  }
  expected.set("张三|2026-W48", corrected);
  const older = async (): Promise<unknown[]> => {
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(team)));
    return (await readTableContents(pkg, "SP_S1_History")).rows.filter((row) => row[3] !== "2026-W50");
  };
  const kept = await older();
  const again = await run_("rollup", "--out", team, "--history", empty);
  expect(again.code).toBe(0);
  expect(again.out).toContain(`记录了 ${REPS.length} 行，替换了同期间的 ${REPS.length} 行`);
  expect(await older()).toEqual(kept);
  const data = new Uint8Array(readFileSync(team));
  await expectValidXlsx(data, "team history after four recordings");
  const pkg = await XlsxPackage.load(data);
  const log = await readTableContents(pkg, "SP_S1_History");
  expect(log.rows.map((row) => `${row[1]}|${row[3]}`).sort()).toEqual([...expected.keys()].sort());

  const [book] = await recalcXlsx([team]);
  const cells = book.get("团队历史")!;
  const at = (row: number, col: number): Computed => cells.get(`${columnLetters(col)}${row + 1}`) ?? null;
  const first = HISTORY_ORIGIN.row + 1;
  const close = (value: Computed, want: number): void => {
    expect(typeof value).toBe("number");
    expect(value as number).toBeCloseTo(want, 10);
  };
  // The log: 销售额 is columns 4..6 (target, actual, 达成率); 回款额 7..9.
  log.rows.forEach((row, i) => {
    const f = expected.get(`${row[1]}|${row[3]}`)!;
    expect([at(first + i, 4), at(first + i, 5)]).toEqual(f.sales);
    if (f.sales[0] === 0) expect(at(first + i, 6)).toBe("");
    else close(at(first + i, 6), f.sales[1] / f.sales[0]);
    close(at(first + i, 9), f.collection[1] / f.collection[0]);
  });

  // The pivot: blocks captioned "周计划 · <metric>达成率", header 期间 + reps, one row per week.
  const captionRow = (title: string): number => {
    for (let r = HISTORY_ORIGIN.row; r < HISTORY_ORIGIN.row + 200; r++) if (at(r, PIVOT_COL) === title) return r;
    throw new Error(`no block ${title}`);
  };
  const metrics = [
    ["销售额", (f: Figures) => f.sales],
    ["回款额", (f: Figures) => f.collection],
  ] as const;
  for (const [label, pick] of metrics) {
    const caption = captionRow(`周计划 · ${label}达成率`);
    const header = caption + 1;
    const reps = [...REPS].sort((a, b) => a.localeCompare(b, "zh-CN"));
    expect(reps.map((_, i) => at(header, PIVOT_COL + 1 + i))).toEqual(reps);
    WEEKS.forEach((week, w) => {
      expect(at(header + 1 + w, PIVOT_COL)).toBe(week);
      reps.forEach((rep, i) => {
        const value = at(header + 1 + w, PIVOT_COL + 1 + i);
        const f = expected.get(`${rep}|${week}`);
        const [target, actual] = f ? pick(f) : [0, 0];
        if (target === 0) expect(value).toEqual({ error: "#N/A" });
        else close(value, actual / target);
      });
    });
  }
});

test("a team workbook LibreOffice saved (cached results, no calculated columns named) records the same figures, the 达成率 formulas on every row", async () => {
  const team = join(dir, "lo-team.xlsx");
  const files = (await Promise.all(REPS.map((_, rep) => planFile(rep, 0, "lo-")))).filter((f): f is string => f !== undefined);
  expect((await run_("rollup", "--out", team, "--history", ...files)).code).toBe(0);
  const out = mkdtempSync(join(tmpdir(), "sp-history-lo-"));
  const [saved] = convertWithLibreOffice([team], "xlsx:Calc MS Excel 2007 XML", out);
  const empty = join(dir, "no-plans.xlsx");
  expect((await run_("write", "customers", "--out", empty)).code).toBe(0);
  await expectValidXlsx(new Uint8Array(readFileSync(saved)), "LibreOffice-saved team workbook");
  const problems = async (file: string) => (await validateXlsx(new Uint8Array(readFileSync(file)), "")).map(formatProblem);
  const again = await run_("rollup", "--out", saved, "--history", empty);
  expect([again.code, again.err]).toEqual([0, ""]);
  expect(again.out).toContain(`记录了 ${REPS.length} 行，替换了同期间的 ${REPS.length} 行`);
  const log = await readTableContents(await XlsxPackage.load(new Uint8Array(readFileSync(saved))), "SP_S1_History");
  // Every row, the appended ones too, has the 达成率 formulas, though LibreOffice's table part names no calculated column.
  expect([log.calculated[6], log.calculated[9]]).toEqual([true, true]);
  const sums = log.rows.map((row) => [row[1], row[4], row[5], row[7], row[8]]);
  expect(sums.sort()).toEqual(
    REPS.map((rep, r) => {
      const f = figuresOf(r, 0)!;
      return [rep, ...f.sales, ...f.collection];
    }).sort(),
  );
  // The rebuild of the summary removes parts LibreOffice declared an Override for (each .rels): none is left behind.
  expect(await problems(saved)).toEqual([]);
});
