import { writeXlsx } from "../../../src/writers/xlsx";
import { XlsxPackage } from "../../../src/writers/ooxml";
import { appendTableRows, deleteTableRows, readTableContents, replaceBlock } from "../../../src/writers/ooxml/appendRows";
import { buildHistorySheet, historyTableName, HISTORY_ORIGIN } from "../../../src/templates/team/historySheet";
import type { HistoryRow } from "../../../src/team/history";
import { expectValidXlsx } from "../../support/ooxmlGate";

/**
 * Deleting rows of a table in a package (the team history's replaced periods) and rewriting a block the
 * add-in owns: rows above the first deleted one keep their bytes, moved rows keep their cells but for
 * the address, what stands beside the table stays where it is, the table and its formats end higher.
 */

const TABLE = historyTableName("S1");
const SHEET = "团队历史";
const rows: HistoryRow[] = ["W45", "W46", "W47", "W48", "W49"].map((w, i) => ({
  recorded: 46300 + i,
  rep: `代表${i + 1}`,
  kind: "weekly",
  period: `2026-${w}`,
  figures: { SALES: { target: 1000 * (i + 1), actual: 900 * (i + 1) } },
}));

async function history(): Promise<XlsxPackage> {
  const spec = buildHistorySheet(rows, rows, { key: "S1", sheet: SHEET }, "zh-CN");
  const pkg = await XlsxPackage.load(await writeXlsx([spec]));
  // The manager's note beside the table, on its third data row (right of the log, left of the charts).
  await replaceBlock(pkg, SHEET, { from: { row: 0, col: 22 }, to: { row: 0, col: 22 } }, [{ at: { row: HISTORY_ORIGIN.row + 3, col: 22 }, value: "旁注" }]);
  return pkg;
}

const sheetPath = async (pkg: XlsxPackage): Promise<string> => (await pkg.sheets()).find((s) => s.name === SHEET)!.path!;
const rowXml = (xml: string, r: number): string => new RegExp(`<row r="${r}"[^>]*>[\\s\\S]*?</row>`).exec(xml)?.[0] ?? "";
const cellXml = (xml: string, ref: string): string => new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`).exec(xml)?.[0] ?? "";

test("deleting rows 1 and 3: the first row untouched, the others move up over the table's columns only, the table ends 2 rows higher", async () => {
  const pkg = await history();
  const before = (await pkg.text(await sheetPath(pkg)))!;
  expect(await deleteTableRows(pkg, TABLE, [3, 1])).toBe(2);
  const after = (await pkg.text(await sheetPath(pkg)))!;
  const first = HISTORY_ORIGIN.row + 2; // 1-based row of data row 0
  expect(rowXml(after, first)).toBe(rowXml(before, first));
  // Data row 2 (W47) moved to row 1, data row 4 (W49) to row 2: each cell as it was, but for its address.
  for (const [from, to] of [
    [2, 1],
    [4, 2],
  ]) {
    for (const letter of ["A", "B", "C", "D", "E", "F"]) {
      expect(cellXml(after, `${letter}${first + to}`)).toBe(cellXml(before, `${letter}${first + from}`).replace(`r="${letter}${first + from}"`, `r="${letter}${first + to}"`));
    }
  }
  // The note beside the table stays on its row.
  expect(cellXml(after, `W${first + 2}`)).toContain("旁注");
  const contents = await readTableContents(pkg, TABLE);
  expect(contents.rows.map((row) => row[3])).toEqual(["2026-W45", "2026-W47", "2026-W49"]);
  const table = (await pkg.text("xl/tables/table1.xml"))!;
  expect(table).toContain(`ref="A${HISTORY_ORIGIN.row + 1}:V${first + 2}"`);
  await expectValidXlsx(await pkg.save(), "history after deleting two rows");
});

test("deleting every row leaves one blank row, which the next append fills", async () => {
  const pkg = await history();
  expect(await deleteTableRows(pkg, TABLE, [0, 1, 2, 3, 4])).toBe(5);
  expect((await readTableContents(pkg, TABLE)).rows.map((row) => row.slice(0, 6))).toEqual([[null, null, null, null, null, null]]);
  await appendTableRows(pkg, { table: TABLE, rows: [{ 记录日期: 46400, 销售代表: "张三", 类型: "周计划", 期间: "2026-W50", 销售额目标: 10, 销售额实际: 8 }] });
  expect((await readTableContents(pkg, TABLE)).rows.map((row) => row.slice(0, 6))).toEqual([[46400, "张三", "周计划", "2026-W50", 10, 8]]);
  await expectValidXlsx(await pkg.save(), "history emptied then appended to");
});
