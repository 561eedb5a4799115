import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { XlsxPackage } from "../../src/writers/ooxml";
import { appendTableRows, readTableContents } from "../../src/writers/ooxml/appendRows";
import { serialFromYmd } from "../../src/domain/calendar";
import { runCli as run } from "../support/cli";
import { expectValidXlsx } from "../support/ooxmlGate";

/** `sales-planner rollup --history` end to end: the 团队历史 log recorded, replaced by period, the manager's note kept. */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-history-"));
const TODAY = serialFromYmd(2026, 11, 25);

/** A rep's weekly plan for `week` with 销售额 target and actual typed in (its targets table, as a rep fills it). */
async function weeklyPlan(name: string, rep: string, week: string, target: number, actual: number): Promise<string> {
  const file = join(dir, name);
  const { code } = await run("write", "weekly", "--rep", rep, "--week", week, "--out", file);
  expect(code).toBe(0);
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  const contents = await readTableContents(pkg, "SP_W1_Targets");
  const index = contents.rows.findIndex((row) => row[0] === "销售额");
  await appendTableRows(pkg, { table: "SP_W1_Targets", rows: [], fill: [{ index, values: { 目标: target, 实际: actual } }] });
  writeFileSync(file, await pkg.save());
  return file;
}

async function historyRows(file: string): Promise<(string | number | boolean | null)[][]> {
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  return (await readTableContents(pkg, "SP_S1_History")).rows.map((row) => row.slice(0, 6));
}

/** The team file with a note typed on the history sheet at F1 (beside the title), as the manager would. */
async function withNote(file: string, note: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = /<sheet [^>]*name="团队历史"[^>]*r:id="([^"]+)"/.exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const path = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
  const sheet = await zip.file(path)!.async("string");
  const edited = sheet.replace(/(<row r="1"[^>]*>[\s\S]*?)(<\/row>)/, `$1<c r="F1" t="inlineStr"><is><t>${note}</t></is></c>$2`);
  expect(edited).not.toBe(sheet);
  zip.file(path, edited);
  writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
}

async function sheetXml(file: string, sheetName: string): Promise<{ zip: JSZip; path: string; xml: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
  const path = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
  return { zip, path, xml: await zip.file(path)!.async("string") };
}

async function cellText(file: string, sheetName: string, ref: string): Promise<string | undefined> {
  const { xml } = await sheetXml(file, sheetName);
  return new RegExp(`<c r="${ref}"[^>]*>[\\s\\S]*?<t[^>]*>([^<]*)</t>`).exec(xml)?.[1];
}

/** Numbers typed over existing cells of `sheetName` (as the manager corrects the log), keeping each cell's style. */
async function setNumbers(file: string, sheetName: string, values: Record<string, number>): Promise<void> {
  const { zip, path, xml } = await sheetXml(file, sheetName);
  let edited = xml;
  for (const [ref, value] of Object.entries(values)) {
    const next = edited.replace(new RegExp(`<c r="${ref}"([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/c>)`), (_, attrs: string) => `<c r="${ref}"${attrs.replace(/ t="[^"]*"/, "")}><v>${value}</v></c>`);
    expect(next).not.toBe(edited);
    edited = next;
  }
  zip.file(path, edited);
  writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
}

/** `text` typed in cell `ref` of `sheetName`, at the start or the end of its row (which exists), as the manager would. */
async function typeText(file: string, sheetName: string, ref: string, text: string, where: "start" | "end"): Promise<void> {
  const { zip, path, xml } = await sheetXml(file, sheetName);
  const row = /\d+$/.exec(ref)![0];
  const cell = `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const edited = xml.replace(new RegExp(`(<row r="${row}"[^>]*>)([\\s\\S]*?)(</row>)`), (_, open: string, cells: string, close: string) =>
    where === "start" ? `${open}${cell}${cells}${close}` : `${open}${cells}${cell}${close}`,
  );
  expect(edited).not.toBe(xml);
  zip.file(path, edited);
  writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
}

describe("sales-planner rollup --history", () => {
  test("--history is refused by the other commands", async () => {
    const { code, err } = await run("write", "weekly", "--history", "--out", join(dir, "x.xlsx"));
    expect(code).toBe(2);
    expect(err).toContain("--history");
  });

  test("records one row per plan; the same period again replaces its rows, a new period appends; the manager's note stays", async () => {
    const zhang = await weeklyPlan("zhang48.xlsx", "张三", "2026-W48", 1000, 800);
    const li = await weeklyPlan("li48.xlsx", "李四", "2026-W48", 2000, 2500);
    const team = join(dir, "team.xlsx");

    const first = await run("rollup", "--out", team, "--history", zhang, li);
    expect(first.code).toBe(0);
    expect(first.out).toContain('团队历史：新建工作表"团队历史"记录了 2 行');
    // 记录日期, 销售代表, 类型, 期间, 销售额目标, 销售额实际, in the summary's order (李四 before 张三 in pinyin): the
    // figures as typed (the file holds no calculated results: read from the plans' targets tables).
    expect(await historyRows(team)).toEqual([
      [TODAY, "李四", "周计划", "2026-W48", 2000, 2500],
      [TODAY, "张三", "周计划", "2026-W48", 1000, 800],
    ]);
    await expectValidXlsx(new Uint8Array(readFileSync(team)), "history recorded first");
    await withNote(team, "经理备注：第48周");

    // Again for the same week (no new plans: a file without any): W48's two rows are replaced, not added to.
    const customers = join(dir, "customers.xlsx");
    expect((await run("write", "customers", "--out", customers)).code).toBe(0);
    const second = await run("rollup", "--out", team, "--history", "--lang", "en-US", customers);
    expect(second.code).toBe(0);
    expect(second.out).toContain('Team history: recorded 2 rows in sheet "团队历史", replacing 2 rows of the same periods.');
    expect(await historyRows(team)).toHaveLength(2);

    // The manager corrects 张三's W48 actual in the log (and its date, as if recorded a week ago).
    await setNumbers(team, "团队历史", { A7: TODAY - 7, F7: 850 });
    const oldRows = async () => (await sheetXml(team, "团队历史")).xml.match(/<c r="[A-Y][67]"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g);
    const w48 = await oldRows();
    expect(w48?.length).toBeGreaterThan(20);

    // A new week: W49 appended after W48's rows, which are not the latest week any more and stay as they are.
    const zhang49 = await weeklyPlan("zhang49.xlsx", "张三", "2026-W49", 1200, 1300);
    const third = await run("rollup", "--out", team, "--history", zhang49);
    expect(third.code).toBe(0);
    expect(third.out).toContain('团队历史：工作表"团队历史"记录了 1 行。');
    expect(await historyRows(team)).toEqual([
      [TODAY, "李四", "周计划", "2026-W48", 2000, 2500],
      [TODAY - 7, "张三", "周计划", "2026-W48", 1000, 850],
      [TODAY, "张三", "周计划", "2026-W49", 1200, 1300],
    ]);
    expect(await cellText(team, "团队历史", "F1")).toBe("经理备注：第48周");
    // W48's cells of the log, byte for byte.
    expect(await oldRows()).toEqual(w48);
    // The pivot's five line charts (one per weekly metric) replaced, not piled up: the summary's one chart besides.
    const zip = await JSZip.loadAsync(readFileSync(team));
    const charts = await Promise.all(zip.file(/^xl\/charts\/chart\d+\.xml$/).map((f) => f.async("string")));
    expect(charts.filter((xml) => xml.includes("<c:lineChart>"))).toHaveLength(5);
    // Each with a line per rep (李四, 张三), over the pivot's two weeks.
    for (const xml of charts.filter((x) => x.includes("<c:lineChart>"))) {
      expect(xml.match(/<c:ser>/g)).toHaveLength(2);
      expect(xml).toMatch(/<c:cat><c:strRef><c:f>'团队历史'!\$AH\$\d+:\$AH\$\d+<\/c:f>/);
    }
    await expectValidXlsx(new Uint8Array(readFileSync(team)), "history recorded three times");

    // A late W48 plan copied in: W48 is recorded again as a whole (the plans' figures, the correction
    // replaced), and W49, the latest week.
    const wang48 = await weeklyPlan("wang48.xlsx", "王五", "2026-W48", 1500, 1400);
    const fourth = await run("rollup", "--out", team, "--history", wang48);
    expect(fourth.code).toBe(0);
    expect(fourth.out).toContain('团队历史：工作表"团队历史"记录了 4 行，替换了同期间的 3 行');
    expect((await historyRows(team)).map((row) => row.join("|")).sort()).toEqual(
      [
        [TODAY, "李四", "周计划", "2026-W48", 2000, 2500],
        [TODAY, "王五", "周计划", "2026-W48", 1500, 1400],
        [TODAY, "张三", "周计划", "2026-W48", 1000, 800],
        [TODAY, "张三", "周计划", "2026-W49", 1200, 1300],
      ]
        .map((row) => row.join("|"))
        .sort(),
    );
  });

  test("refused, the file unchanged, when the pivot would grow over a note beside it or the log over a cell below it; recorded once they are moved", async () => {
    const team = join(dir, "team-in-the-way.xlsx");
    const zhang = await weeklyPlan("way-zhang48.xlsx", "张三", "2026-W48", 1000, 800);
    const li = await weeklyPlan("way-li48.xlsx", "李四", "2026-W48", 2000, 2500);
    expect((await run("rollup", "--out", team, "--history", zhang, li)).code).toBe(0);
    // The first block's header row 7 (期间 AH7, 李四 AI7, 张三 AJ7), W48 on row 8: a note right of it, at AK8.
    await typeText(team, "团队历史", "AK8", "经理备注", "end");
    const noted = readFileSync(team);
    // 王五 joins: his column takes AK.
    const wang = await weeklyPlan("way-wang48.xlsx", "王五", "2026-W48", 1500, 1500);
    const refused = await run("rollup", "--out", team, "--history", wang);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain("团队历史表“团队历史”上的单元格 AK8 有内容");
    expect(refused.err).toContain("请把它们移到别处");
    expect(readFileSync(team).equals(noted)).toBe(true);
    const english = await run("rollup", "--out", team, "--history", "--lang", "en-US", wang);
    expect(english.err).toContain('The cells AK8 on the team history sheet "团队历史" hold content where the achievement pivot and its charts grow');

    // The note moved away, something typed right below the log (A8) instead: the new row would cover it.
    const { zip, path, xml } = await sheetXml(team, "团队历史");
    zip.file(path, xml.replace(/<c r="AK8"[^>]*>[\s\S]*?<\/c>/, ""));
    writeFileSync(team, await zip.generateAsync({ type: "uint8array" }));
    await typeText(team, "团队历史", "A8", "下方备注", "start");
    const below = readFileSync(team);
    const blocked = await run("rollup", "--out", team, "--history", wang);
    expect(blocked.code).not.toBe(0);
    expect(blocked.err).toContain("团队历史表“团队历史”在记录表格下方的 A8 处有内容");
    expect(blocked.err).not.toContain("再导入");
    expect(readFileSync(team).equals(below)).toBe(true);
    const blockedEn = await run("rollup", "--out", team, "--history", "--lang", "en-US", wang);
    expect(blockedEn.err).toContain('holds something at A8 below the log table');
    expect(blockedEn.err).not.toContain("import again");

    const { zip: z2, path: p2, xml: x2 } = await sheetXml(team, "团队历史");
    z2.file(p2, x2.replace(/<c r="A8"[^>]*>[\s\S]*?<\/c>/, ""));
    writeFileSync(team, await z2.generateAsync({ type: "uint8array" }));
    expect((await run("rollup", "--out", team, "--history", wang)).code).toBe(0);
    // W48, the latest week, recorded again with 王五's plan.
    expect((await historyRows(team)).map((row) => row[1])).toEqual(["李四", "王五", "张三"]);
  });
});
