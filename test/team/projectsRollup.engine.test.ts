import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../support/cli";
import { columnLetters } from "../../src/spec/a1";
import { buildTemplates } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { writeXlsx } from "../../src/writers/xlsx";
import { teamStrings } from "../../src/templates/team/strings";
import { templateStrings } from "../../src/templates/strings";
import type { Locale } from "../../src/contract/locale";
import { expectValidXlsxAll } from "../support/ooxmlGate";
import { errorCells, recalcXlsx, type Computed, type ComputedWorkbook } from "../support/libreoffice";
import { figures, generateProjects, trackerSheet, type Project, type RepFigures } from "./trackerOfNames";
import { projectRows } from "../fixtures/projects";
import { namedCell, read } from "../support/specCells";
import { repoRoot } from "../support/paths";
import { PROJECT_SUMMARY_NAMES } from "../../src/templates/projectTracker";
import type { TableRow } from "../../src/spec/sheetSpec";

/**
 * Issue 15 item 5, the roll-up's part: a team workbook holding a project tracker of 200 projects over
 * six reps (and a few of reps without a plan, and of none) → `sales-planner rollup` → LibreOffice
 * recalculates → every count, amount and 中标率 of the summary's 项目进度 block equals the figure
 * computed here. The tracker's stage words are in the other language than the summary, so the block
 * must count by the tracker's named cells, not by words.
 */

jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), "sp-projects-rollup-"));

const REPS = ["张三", "李四", "王五", "赵六", "钱七", "孙八"];
const PROJECTS = generateProjects(200, REPS, ["周九", "吴十"]);

const ZH_WORDS = { stages: ["前期设计", "投标", "深化设计", "备货执行", "验收", "已收款", "丢单"], results: ["未开标", "中标", "未中标"] };
const EN_WORDS = { stages: ["Design", "Bid", "Detailed design", "Stocking", "Acceptance", "Paid", "Lost"], results: ["Open", "Won", "Lost"] };

async function repFiles(locale: Locale, reps: readonly string[] = REPS): Promise<string[]> {
  return Promise.all(
    reps.map(async (rep, i) => {
      const specs = buildTemplates([{ template: "weekly", options: { rep, year: 2026, week: 48 } }], { locale, existing: NO_NAMES });
      const file = join(dir, `${locale}-rep${i + 1}.xlsx`);
      writeFileSync(file, await writeXlsx(specs));
      return file;
    }),
  );
}

interface BlockRead {
  readonly rows: Map<string, Map<string, Computed>>;
  readonly total: Map<string, Computed>;
}

/** The block as LibreOffice computed it: found by its title in column A, rows by 销售代表 up to the totals row. */
function readBlock(book: ComputedWorkbook, sheet: string, locale: Locale): BlockRead {
  const t = teamStrings(locale).summary.projects;
  const cells = book.get(sheet);
  if (!cells) throw new Error(`no sheet ${sheet}`);
  const at = (row: number, col: number): Computed => {
    const value = cells.get(`${columnLetters(col)}${row}`) ?? null;
    return value === "" ? null : value;
  };
  const titleRow = [...cells].find(([address, value]) => /^A\d+$/.test(address) && value === t.title)?.[0].slice(1);
  if (titleRow === undefined) throw new Error(`no ${t.title} on ${sheet}`);
  const header = Number(titleRow) + 2;
  const headers: string[] = [];
  for (let col = 0; at(header, col) !== null; col++) headers.push(String(at(header, col)));
  const rows = new Map<string, Map<string, Computed>>();
  let row = header + 1;
  for (; at(row, 0) !== t.total; row++) {
    if (row > header + 100) throw new Error("no totals row");
    rows.set(String(at(row, 0)), new Map(headers.map((h, col) => [h, at(row, col)])));
  }
  return { rows, total: new Map(headers.map((h, col) => [h, at(row, col)])) };
}

/** Every figure of a row against TypeScript's: counts exact, amounts to the fen, 中标率 blank without a decided bid. */
function expectRow(locale: Locale, label: string, row: Map<string, Computed> | undefined, expected: RepFigures): void {
  const t = teamStrings(locale).summary.projects;
  expect(row).toBeDefined();
  const got = (header: string): Computed => row!.get(header) ?? null;
  templateStrings(locale).projects.stages.forEach((stage, s) => {
    expect([label, stage, got(t.count(stage))]).toEqual([label, stage, expected.counts[s]]);
    expect([label, stage, Math.round(Number(got(t.amount(stage))) * 100)]).toEqual([label, stage, Math.round(expected.amounts[s] * 100)]);
  });
  expect([label, got(t.won), got(t.lost)]).toEqual([label, expected.won, expected.lost]);
  if (expected.winRate === null) expect([label, got(t.winRate)]).toEqual([label, null]);
  else expect(got(t.winRate)).toBeCloseTo(expected.winRate, 12);
}

function expectBlock(book: ComputedWorkbook, sheet: string, locale: Locale, projects: readonly Project[], reps: readonly string[] = REPS): void {
  const t = teamStrings(locale).summary.projects;
  const { rows, total } = readBlock(book, sheet, locale);
  expect([...rows.keys()]).toEqual([...[...reps].sort((a, b) => a.localeCompare(b, "zh-CN")), t.others]);
  for (const rep of reps) expectRow(locale, rep, rows.get(rep), figures(projects, (p) => p.rep === rep));
  expectRow(locale, t.others, rows.get(t.others), figures(projects, (p) => !reps.includes(p.rep)));
  expectRow(locale, t.total, total, figures(projects, () => true));
}

/** The fixture's rows as the block counts them: the tracker's words back to stage and result indexes. */
function asProjects(rows: readonly TableRow[], locale: Locale): Project[] {
  const p = templateStrings(locale).projects;
  return rows.map((row) => {
    const result = p.results.indexOf(String(row.result));
    return {
      name: String(row.name),
      rep: row.rep === null || row.rep === undefined ? "" : String(row.rep),
      stage: p.stages.indexOf(String(row.stage)),
      amount: typeof row.amount === "number" ? row.amount : null,
      ...(result >= 0 ? { result } : {}),
    };
  });
}

describe("the team summary's 项目进度 in a real engine (LibreOffice)", () => {
  test("200 projects over 6 reps, the tracker in the other language: every count, amount and 中标率 equals TypeScript's; a rollup without a tracker has no block", async () => {
    // The data has what the block must handle: others, blank reps, missing amounts, reps without a decided bid.
    expect(PROJECTS.filter((p) => p.rep === "").length).toBeGreaterThan(0);
    expect(PROJECTS.filter((p) => p.rep === "周九" || p.rep === "吴十").length).toBeGreaterThan(0);
    expect(PROJECTS.filter((p) => p.amount === null).length).toBeGreaterThan(0);
    for (const stage of [0, 1, 2, 3, 4, 5, 6]) expect(PROJECTS.filter((p) => p.stage === stage).length).toBeGreaterThan(10);

    const zhTeam = join(dir, "team-zh.xlsx");
    writeFileSync(zhTeam, await writeXlsx([trackerSheet("P1", PROJECTS, EN_WORDS)]));
    const zh = await runCli("rollup", "--out", zhTeam, ...(await repFiles("zh-CN")));
    expect(zh).toMatchObject({ code: 0, err: "" });
    expect(zh.out).toContain("项目进度:按项目跟踪表 SP_P1_Projects 列出 6 名销售代表");

    const enTeam = join(dir, "team-en.xlsx");
    writeFileSync(enTeam, await writeXlsx([trackerSheet("P1", PROJECTS, ZH_WORDS)]));
    const en = await runCli("rollup", "--lang", "en-US", "--out", enTeam, ...(await repFiles("en-US")));
    expect(en).toMatchObject({ code: 0, err: "" });
    expect(en.out).toContain("Projects by stage: projects, amounts and win rate of 6 reps and of others, from the project tracker SP_P1_Projects.");

    const bare = join(dir, "team-bare.xlsx");
    const none = await runCli("rollup", "--out", bare, ...(await repFiles("zh-CN")));
    expect(none.out).not.toContain("项目进度");

    // The summary with its second table passes the OOXML gate (schemas, names, references).
    await expectValidXlsxAll([zhTeam, enTeam].map((file) => ({ label: file, bytes: new Uint8Array(readFileSync(file)) })));

    const [zhBook, enBook, bareBook] = await recalcXlsx([zhTeam, enTeam, bare]);
    expect(errorCells(zhBook)).toEqual([]);
    expect(errorCells(enBook)).toEqual([]);
    expectBlock(zhBook, "团队汇总", "zh-CN", PROJECTS);
    expectBlock(enBook, "Team summary", "en-US", PROJECTS);
    expect([...bareBook.get("团队汇总")!.values()]).not.toContain("项目进度");
    expect(errorCells(bareBook)).toEqual([]);
  });

  test("a manager sorts the block (by 中标 here): every row keeps its own figures, 其他 included, and the totals are unchanged", async () => {
    const file = join(dir, "team-sort.xlsx");
    writeFileSync(file, await writeXlsx([trackerSheet("P1", PROJECTS, ZH_WORDS)]));
    expect(await runCli("rollup", "--out", file, ...(await repFiles("zh-CN")))).toMatchObject({ code: 0, err: "" });
    const [before] = await recalcXlsx([file]);
    const t = teamStrings("zh-CN").summary.projects;
    const cells = before.get("团队汇总")!;
    const title = Number([...cells].find(([address, value]) => /^A\d+$/.test(address) && value === t.title)![0].slice(1));
    const headerRow = title + 1; // zero-based: the header is two rows under the title
    const width = [...cells.keys()].filter((address) => new RegExp(`^[A-Z]+${headerRow + 1}$`).test(address)).length;
    const wonColumn = [...Array(width).keys()].find((col) => cells.get(`${columnLetters(col)}${headerRow + 1}`) === t.won)!;
    // Sorted by 中标, largest first: 其他 (the most projects) moves up from the last row. The totals row is not sorted.
    const ops = [
      { op: "sort", sheet: "团队汇总", range: [headerRow, 0, headerRow + REPS.length + 1, width - 1], column: wonColumn, descending: true },
      { op: "recalc" },
      { op: "export", label: "sorted" },
    ];
    writeFileSync(join(dir, "sort-plan.json"), JSON.stringify({ workbooks: [{ file, ops }] }));
    execFileSync("/usr/bin/python3", [join(repoRoot, "test/support/libreofficeEdit.py"), join(dir, "sort-plan.json"), join(dir, "sort-result.json")], { stdio: "pipe", timeout: 240_000 });
    const result = JSON.parse(readFileSync(join(dir, "sort-result.json"), "utf8")) as { workbooks: { exports: Record<string, { sheets: Record<string, Record<string, { v: Computed }>> }> }[] };
    const sheets = result.workbooks[0].exports.sorted.sheets;
    const sorted: ComputedWorkbook = new Map(Object.entries(sheets).map(([name, sheet]) => [name, new Map(Object.entries(sheet).map(([address, cell]) => [address, cell.v]))]));
    const { rows, total } = readBlock(sorted, "团队汇总", "zh-CN");
    expect([...rows.keys()].at(-1)).not.toBe(t.others);
    expect([...rows.keys()].sort()).toEqual([...REPS, t.others].sort());
    for (const rep of REPS) expectRow("zh-CN", rep, rows.get(rep), figures(PROJECTS, (p) => p.rep === rep));
    expectRow("zh-CN", t.others, rows.get(t.others), figures(PROJECTS, (p) => !REPS.includes(p.rep)));
    expectRow("zh-CN", t.total, total, figures(PROJECTS, () => true));
  });

  test("reps named 其他, or with * ? ~ = < > in their names, count their own projects only (not the names they would match as criteria); 其他 is the last row", async () => {
    const odd = ["其他", "王*", "李?", "~赵", "=钱", "<孙", ">周"];
    // Reps without a plan whose names the odd ones would match unescaped (王* → 王五, ~赵 → 赵, =钱 → 钱, <孙 → 一…).
    const decoys = ["王五", "李四", "赵", "钱", "一", "龙"];
    // Each rep twice, once from each end: the generator favours the first reps.
    const projects = generateProjects(300, [...odd, ...[...odd].reverse()], decoys, 7);
    for (const rep of [...odd, ...decoys]) expect([rep, projects.filter((p) => p.rep === rep).length > 0]).toEqual([rep, true]);
    const file = join(dir, "team-odd.xlsx");
    writeFileSync(file, await writeXlsx([trackerSheet("P1", projects, ZH_WORDS)]));
    const run = await runCli("rollup", "--out", file, ...(await repFiles("zh-CN", odd)));
    expect(run).toMatchObject({ code: 0, err: "" });
    const [book] = await recalcXlsx([file]);
    expect(errorCells(book)).toEqual([]);
    const t = teamStrings("zh-CN").summary.projects;
    // Read by position: the rep 其他 and the 其他 row share a label.
    const cells = book.get("团队汇总")!;
    const title = [...cells].find(([address, value]) => /^A\d+$/.test(address) && value === t.title)![0].slice(1);
    const header = Number(title) + 2;
    const at = (row: number, col: number): Computed => {
      const value = cells.get(`${columnLetters(col)}${row}`) ?? null;
      return value === "" ? null : value;
    };
    const headers: string[] = [];
    for (let col = 0; at(header, col) !== null; col++) headers.push(String(at(header, col)));
    const rowAt = (row: number) => new Map(headers.map((h, col) => [h, at(row, col)]));
    const labels = Array.from({ length: odd.length + 2 }, (_, i) => at(header + 1 + i, 0));
    expect(labels.at(-1)).toBe(t.total);
    expect(labels.at(-2)).toBe(t.others);
    expect([...labels.slice(0, -2)].sort()).toEqual([...odd].sort());
    labels.slice(0, -2).forEach((rep, i) => expectRow("zh-CN", String(rep), rowAt(header + 1 + i), figures(projects, (p) => p.rep === rep)));
    expectRow("zh-CN", t.others, rowAt(header + 1 + odd.length), figures(projects, (p) => !odd.includes(p.rep)));
    expectRow("zh-CN", t.total, rowAt(header + 2 + odd.length), figures(projects, () => true));
  });

  test("the project tracker as its builder writes it (200 projects, 8 reps, 6 of them with a plan), in the other language: every figure equals TypeScript's and the team 中标率 the tracker's own", async () => {
    const cases = (["zh-CN", "en-US"] as const).map((summary) => ({ summary, tracker: summary === "zh-CN" ? ("en-US" as const) : ("zh-CN" as const) }));
    const files = await Promise.all(
      cases.map(async ({ summary, tracker }) => {
        const rows = projectRows(200, tracker);
        const specs = buildTemplates([{ template: "projects", options: { rows } }], { locale: tracker, existing: NO_NAMES });
        const reps = [...new Set(rows.flatMap((row) => (row.rep ? [String(row.rep)] : [])))].slice(0, 6);
        const file = join(dir, `built-${summary}.xlsx`);
        writeFileSync(file, await writeXlsx(specs));
        const run = await runCli("rollup", "--lang", summary, "--out", file, ...(await repFiles(summary, reps)));
        expect(run).toMatchObject({ code: 0, err: "" });
        return { summary, tracker, rows, specs, reps, file };
      }),
    );
    // Two of the fixture's reps have no plan here: their projects are 其他.
    for (const { rows, reps } of files) expect(rows.filter((row) => row.rep && !reps.includes(String(row.rep))).length).toBeGreaterThan(10);
    const books = await recalcXlsx(files.map((f) => f.file));
    files.forEach(({ summary, rows, specs, reps, tracker }, i) => {
      const book = books[i];
      expect(errorCells(book)).toEqual([]);
      const projects = asProjects(rows, tracker);
      const sheet = teamStrings(summary).summary.sheetName;
      expectBlock(book, sheet, summary, projects, reps);
      // The tracker's own 中标率 (its summary) and the team summary's total agree.
      const { total } = readBlock(book, sheet, summary);
      const winRate = `SP_P1_${PROJECT_SUMMARY_NAMES.winRate}`;
      const holder = specs.find((spec) => spec.names.some((n) => n.name === winRate))!;
      const own = read(book, holder, namedCell(holder, winRate));
      expect(typeof own).toBe("number");
      expect(total.get(teamStrings(summary).summary.projects.winRate)).toBeCloseTo(Number(own), 12);
    });
  });
});
