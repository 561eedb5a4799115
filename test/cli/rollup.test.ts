import { chmodSync, existsSync, linkSync, lstatSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { discoverPlans } from "../../src/team";
import { inspectXlsx } from "../../src/writers/xlsx";
import { xlsxNameEntries } from "../../src/writers/xlsx/mergeWorkbooks";
import { runCli as run } from "../support/cli";
import { copyStyle, typeCells } from "../support/xlsxEdit";
import { expectValidXlsx } from "../support/ooxmlGate";
import { columnLetters } from "../../src/spec/a1";
import { cellFormatCodes, cellValue, tableParts, workbookCells, XlsxPackage } from "../../src/writers/ooxml";
import { readTableContents } from "../../src/writers/ooxml/appendRows";
import { compoundFile, declaresTenGigabytes, deflatedZeros, liesAboutItsSize, macroEnabled, randomBytes, workbookWithoutWorkbookPart } from "../support/hostileFiles";

/** `sales-planner rollup` end to end on the file system (the engine test checks the numbers). */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-rollup-"));

async function repFile(name: string, ...args: string[]): Promise<string> {
  const file = join(dir, name);
  // Each period only for the templates that read it: write refuses an option none of its templates reads.
  const periods = [...(args.includes("weekly") ? ["--week", "2026-W48"] : []), ...(args.includes("monthly") ? ["--month", "2026-11"] : [])];
  const { code } = await run("write", ...args, "--out", file, ...periods);
  expect(code).toBe(0);
  return file;
}

/** The rep's file with one defined name removed, as if the user had deleted its cell. */
async function withoutName(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace(new RegExp(`<definedName[^>]*name="${name}"[^>]*>[^<]*</definedName>`), ""));
  const damaged = file.replace(/\.xlsx$/, "-damaged.xlsx");
  writeFileSync(damaged, await zip.generateAsync({ type: "uint8array" }));
  return damaged;
}

describe("sales-planner rollup", () => {
  test.each([
    [["rollup", "--out", "team.xlsx"], "至少指定一个销售代表的工作簿"],
    [["rollup", "--out", "team.xlsx", "a.csv"], "a.csv"],
    [["rollup", "--out", "team.xlsx", "a.xlsx", "--rep", "张三"], "--rep"],
    [["rollup", "--out", "team.xlsx", "team.xlsx"], "输出文件不能同时是输入文件"],
    [["merge", "--out", "team.xlsx", "a.xlsx"], "write、rollup"],
  ])("%j is a usage error (exit 2, both languages)", async (argv, message) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).toContain("sales-planner --help");
  });

  test("a missing rep file is a runtime failure (exit 1) and writes nothing", async () => {
    const out = join(dir, "never.xlsx");
    const { code, err } = await run("rollup", "--out", out, join(dir, "missing.xlsx"));
    expect(code).toBe(1);
    expect(err).toContain("无法读取");
    expect(existsSync(out)).toBe(false);
  });

  test("builds a team workbook, then adds to it: clashing keys and sheet names renamed, the summary rebuilt in place of the old", async () => {
    const zhang = await repFile("zhang.xlsx", "weekly", "--rep", "张三");
    const li = await repFile("li.xlsx", "weekly", "monthly", "--rep", "李四");
    const customers = await repFile("customers.xlsx", "customers");
    const team = join(dir, "team.xlsx");

    const first = await run("rollup", "--out", team, zhang, li, customers);
    expect(first.code).toBe(0);
    expect(first.out).toContain("汇总了 3 张计划表");
    expect(first.out).toContain(`${customers} 中没有销售计划助手生成的周计划或月计划`);
    const once = await inspectXlsx(new Uint8Array(readFileSync(team)));
    // The 节假日 sheet the plans' working-day formulas read comes once, with the first rep's plans (issue 11).
    expect(once.sheets).toEqual(["周计划-张三-2026W48", "节假日 2026", "周计划-李四-2026W48", "月计划-李四-2026-11", "团队汇总"]);
    expect(once.tables).toContain("SP_W2_Targets");

    // 张三's file again (its plan is held: skipped), and two new plans of 王五's week: one on a copy of 张三's
    // file with its rep retyped (so its sheet name and key clash) and a name deleted, one in 王五's own file —
    // both come in, flagged as duplicates of each other.
    const retyped = join(dir, "wang-retyped.xlsx");
    writeFileSync(retyped, await typeCells(new Uint8Array(readFileSync(zhang)), "周计划-张三-2026W48", { B3: "王五" }));
    const wang = await repFile("wang.xlsx", "weekly", "--rep", "王五");
    const second = await run("rollup", "--out", team, zhang, await withoutName(retyped, "SP_W1_FORECAST"), wang);
    expect(second.code).toBe(0);
    expect(second.out).toContain("汇总了 5 张计划表");
    expect(second.out).toContain(`已汇总过,未再复制:${zhang}:"周计划-张三-2026W48"`);
    expect(second.out).toContain('需处理:"周计划-张三-2026W48 (2)":命名单元格 SP_W3_FORECAST 已被删除');
    expect(second.out).toContain('需处理:"周计划-王五-2026W48":与 W3 的销售代表和期间相同');
    const data = new Uint8Array(readFileSync(team));
    const twice = await inspectXlsx(data);
    // The team workbook has the year's 节假日 table now: the rep's is not copied again.
    expect(twice.sheets).toEqual(["周计划-张三-2026W48", "节假日 2026", "周计划-李四-2026W48", "月计划-李四-2026-11", "周计划-张三-2026W48 (2)", "周计划-王五-2026W48", "团队汇总"]);
    expect(twice.tables.filter((t) => t.startsWith("SP_H"))).toEqual(["SP_H2026_Days"]);
    expect(twice.names.filter((n) => n.startsWith("SP_T"))).toEqual(["SP_T1_TEMPLATE"]);
    const plans = discoverPlans(await xlsxNameEntries(data));
    expect(plans.map((p) => [p.key, p.sheet, p.duplicateOf])).toEqual([
      ["M1", "月计划-李四-2026-11", []],
      ["W2", "周计划-李四-2026W48", []],
      ["W3", "周计划-张三-2026W48 (2)", ["W4"]],
      ["W4", "周计划-王五-2026W48", ["W3"]],
      ["W1", "周计划-张三-2026W48", []],
    ]);
  });

  test("a re-run keeps the 周工作会记录 rows and the notes the manager typed on the summary sheet, where Excel would have them", async () => {
    const zhang = await repFile("zhang-kept.xlsx", "weekly", "--rep", "张三");
    const li = await repFile("li-kept.xlsx", "weekly", "monthly", "--rep", "李四");
    const wang = await repFile("wang-kept.xlsx", "weekly", "--rep", "王五");
    const team = join(dir, "team-kept.xlsx");
    expect((await run("rollup", "--out", team, zhang, li)).code).toBe(0);
    const tablesOf = async (data: Uint8Array) =>
      Object.fromEntries((await tableParts(await XlsxPackage.load(data), (name) => name.startsWith("SP_T1_"))).map((t) => [t.name, t.range]));
    const before = await tablesOf(new Uint8Array(readFileSync(team)));
    const at = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
    const minutes = before.SP_T1_Meetings;
    const notes = {
      below: at(before.SP_T1_Summary.to.row + 2, 0),
      beside: at(minutes.from.row + 1, minutes.to.col + 2),
      underMonthly: at(before.SP_T1_MonthlySummary.to.row + 2, before.SP_T1_MonthlySummary.from.col),
      // A date, formatted as one (the meeting table's date format painted on it).
      date: at(minutes.to.row + 3, minutes.from.col),
    };
    const meeting = [46000, "张三、李四", "华东区重点跟进", "张三", 46007];
    const typed = await typeCells(
      new Uint8Array(readFileSync(team)),
      "团队汇总",
      {
        ...Object.fromEntries(meeting.map((value, i) => [at(minutes.from.row + 2, minutes.from.col + i), value])),
        [notes.below]: "经理备注：下周重点跟进华东区",
        [notes.beside]: "旁注",
        [notes.underMonthly]: 42,
        [notes.date]: 46010,
      },
      true,
    ).then((bytes) => copyStyle(bytes, "团队汇总", at(minutes.from.row + 1, minutes.from.col), notes.date));
    writeFileSync(team, typed);
    const rows = async (data: Uint8Array) => (await readTableContents(await XlsxPackage.load(data), "SP_T1_Meetings")).rows;
    const kept = await rows(typed);
    expect(kept[1]).toEqual(meeting);

    const again = await run("rollup", "--out", team, wang);
    expect(again).toMatchObject({ code: 0, err: "" });
    // What the offline rebuild does not keep, said rather than done silently.
    expect(again.out).toContain('工作表"团队汇总"已离线重建:你输入的内容、数字格式和周工作会记录已保留,但你在这张工作表上设置的字体、填充、边框、对齐和列宽恢复为默认');
    const data = new Uint8Array(readFileSync(team));
    // Opens without repair: the kept cells are written like any other.
    await expectValidXlsx(data, "team-kept.xlsx");
    const after = await tablesOf(data);
    // One more weekly plan: the weekly table grew by a row; the meeting table is where it was, as typed.
    expect(after.SP_T1_Summary.to.row).toBe(before.SP_T1_Summary.to.row + 1);
    expect(after.SP_T1_Meetings).toEqual(minutes);
    expect(await rows(data)).toEqual(kept);
    const cells = (await workbookCells(await XlsxPackage.load(data), (name) => name === "团队汇总")).get("团队汇总")!;
    // The note under the weekly table moved down with it; the others stayed where they were.
    expect(cellValue(cells.get(at(before.SP_T1_Summary.to.row + 3, 0)))).toBe("经理备注：下周重点跟进华东区");
    expect(cellValue(cells.get(notes.below))).toBeNull();
    expect(cellValue(cells.get(notes.beside))).toBe("旁注");
    expect(cellValue(cells.get(notes.underMonthly))).toBe(42);
    expect(cellValue(cells.get(notes.date))).toBe(46010);
    expect((await cellFormatCodes(await XlsxPackage.load(data)))[cells.get(notes.date)!.style ?? 0]).toBe("yyyy-mm-dd_ ");
  });

  test("a formula the manager filled down on the summary (saved shared) is kept in every cell, each reading its own row", async () => {
    const zhang = await repFile("zhang-shared.xlsx", "weekly", "--rep", "张三");
    const team = join(dir, "team-shared.xlsx");
    expect((await run("rollup", "--out", team, zhang)).code).toBe(0);
    const placed = await typeCells(new Uint8Array(readFileSync(team)), "团队汇总", { Z60: 2, Z61: 3, AA60: 0, AA61: 0 }, true);
    // As Excel saves =Z60*2 filled down into AA61: the first cell holds the text, the second points at it.
    const pkg = await XlsxPackage.load(placed);
    const path = (await pkg.sheets()).find((s) => s.name === "团队汇总")!.path!;
    const xml = (await pkg.text(path))!
      .replace(/<c r="AA60"([^>]*)><v>0<\/v><\/c>/, '<c r="AA60"$1><f t="shared" ref="AA60:AA61" si="0">Z60*2</f><v>4</v></c>')
      .replace(/<c r="AA61"([^>]*)><v>0<\/v><\/c>/, '<c r="AA61"$1><f t="shared" si="0"/><v>6</v></c>');
    expect(xml).toContain('<f t="shared" si="0"/>');
    pkg.write(path, xml);
    writeFileSync(team, await pkg.save());
    expect((await run("rollup", "--out", team, zhang)).code).toBe(0);
    const cells = (await workbookCells(await XlsxPackage.load(new Uint8Array(readFileSync(team))), (name) => name === "团队汇总")).get("团队汇总")!;
    expect([cells.get("AA60")?.formula, cells.get("AA61")?.formula]).toEqual(["Z60*2", "Z61*2"]);
  });

  test("an offline re-run stops, naming the cells, rather than turn a formula typed in the 周工作会记录 table into its value", async () => {
    const zhang = await repFile("zhang-meetf.xlsx", "weekly", "--rep", "张三");
    const team = join(dir, "team-meetf.xlsx");
    expect((await run("rollup", "--out", team, zhang)).code).toBe(0);
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(team)));
    const [minutes] = await tableParts(pkg, (name) => name === "SP_T1_Meetings");
    const due = `${columnLetters(minutes.range.from.col + 4)}${minutes.range.from.row + 2}`;
    const date = `${columnLetters(minutes.range.from.col)}${minutes.range.from.row + 2}`;
    const typed = await typeCells(await pkg.save(), "团队汇总", { [date]: 46000, [due]: 0 });
    const edited = await XlsxPackage.load(typed);
    const xml = (await edited.text(minutes.sheetPath))!.replace(new RegExp(`<c r="${due}"([^>]*)><v>0</v></c>`), `<c r="${due}"$1><f>${date}+7</f><v>46007</v></c>`);
    expect(xml).toContain(`<f>${date}+7</f>`);
    edited.write(minutes.sheetPath, xml);
    const before = await edited.save();
    writeFileSync(team, before);
    const result = await run("rollup", "--out", team, zhang);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`汇总表“团队汇总”的周工作会记录表格中，单元格 ${due} 是公式`);
    expect(result.err).toContain(`The cells ${due} of the meeting notes table`);
    expect(new Uint8Array(readFileSync(team))).toEqual(before);
  });

  test("an offline re-run stops, naming the cells, rather than write over what the manager typed where the summary goes", async () => {
    const zhang = await repFile("zhang-way.xlsx", "weekly", "--rep", "张三");
    const team = join(dir, "team-way.xlsx");
    expect((await run("rollup", "--out", team, zhang)).code).toBe(0);
    // The manager turned the meeting table into plain cells (Excel's "Convert to Range": the table part
    // goes, the cells stay) and wrote in them: a new meeting table would go over them.
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(team)));
    const [minutes] = await tableParts(pkg, (name) => name === "SP_T1_Meetings");
    const rel = (await pkg.targets(minutes.sheetPath)).find((r) => r.path === minutes.path)!;
    const sheetXml = (await pkg.text(minutes.sheetPath))!;
    pkg.write(minutes.sheetPath, sheetXml.replace(new RegExp(`<tablePart r:id="${rel.id}"/>`), "").replace(/<tableParts count="(\d+)">/, (_, n: string) => `<tableParts count="${Number(n) - 1}">`));
    await pkg.removeRel(minutes.sheetPath, rel.id);
    pkg.remove(minutes.path);
    const cell = `${columnLetters(minutes.range.from.col + 2)}${minutes.range.from.row + 2}`;
    const typed = await typeCells(await pkg.save(), "团队汇总", { [cell]: "华东区重点跟进" });
    writeFileSync(team, typed);
    const result = await run("rollup", "--out", team, zhang);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`汇总表“团队汇总”上的单元格 ${columnLetters(minutes.range.from.col)}${minutes.range.from.row + 1}`);
    expect(result.err).toContain(`${cell}`);
    expect(result.err).toContain('on the summary sheet "团队汇总" hold content where the roll-up writes the summary tables');
    expect(new Uint8Array(readFileSync(team))).toEqual(typed);
  });

  const SHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  // What a manager adds on the summary sheet beyond cells, done to the package as Excel saves it.
  const additions: Record<string, [zh: string, en: string, add: (pkg: XlsxPackage, sheetPath: string, xml: string) => Promise<string>]> = {
    comments: ["批注", "comments", async (pkg, sheetPath, xml) => {
      pkg.write("xl/comments9.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>经理</author></authors><commentList><comment ref="A6" authorId="0"><text><t>核实</t></text></comment></commentList></comments>`);
      await pkg.addRels(sheetPath, [{ id: "rId90", type: `${SHEET_REL}comments`, target: "../comments9.xml", external: false }]);
      return xml;
    }],
    merges: ["合并单元格", "merged cells", async (_pkg, _path, xml) => xml.replace("</mergeCells>", '<mergeCell ref="Z60:AA60"/></mergeCells>').replace('<mergeCells count="1">', '<mergeCells count="2">')],
    tables: ["自建的表格", "tables of your own", async (pkg, sheetPath, xml) => {
      const [minutes] = await tableParts(pkg, (name) => name === "SP_T1_Meetings");
      const own = ((await pkg.text(minutes.path)) ?? "").replace(/\sid="\d+"/, ' id="99"').replace(/name="SP_T1_Meetings" displayName="SP_T1_Meetings"/, 'name="表9" displayName="表9"').replace(/ref="[A-Z]+(\d+):([A-Z]+)(\d+)"/g, (_m, a: string, _c: string, b: string) => `ref="A${Number(a) + 80}:E${Number(b) + 80}"`);
      pkg.write("xl/tables/table99.xml", own);
      await pkg.addRels(sheetPath, [{ id: "rId91", type: `${SHEET_REL}table`, target: "../tables/table99.xml", external: false }]);
      return xml.replace(/<tableParts count="(\d+)">/, (_m, n: string) => `<tableParts count="${Number(n) + 1}"><tablePart r:id="rId91"/>`);
    }],
    drawings: ["图片、形状或自建的图表", "pictures, shapes or charts of your own", async (pkg, sheetPath, xml) => {
      const drawing = (await pkg.targets(sheetPath)).find((r) => r.type === `${SHEET_REL}drawing`)!;
      const shape = `<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>60</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>64</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="9" name="箭头 1"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rightArrow"><a:avLst/></a:prstGeom></xdr:spPr></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>`;
      pkg.write(drawing.path, ((await pkg.text(drawing.path)) ?? "").replace("</xdr:wsDr>", `${shape}</xdr:wsDr>`));
      return xml;
    }],
    validations: ["数据验证", "data validation", async (_pkg, _path, xml) => xml.replace(/<dataValidations count="(\d+)">/, (_m, n: string) => `<dataValidations count="${Number(n) + 1}"><dataValidation type="list" allowBlank="1" sqref="Z60"><formula1>"是,否"</formula1></dataValidation>`)],
    conditionalFormats: ["条件格式", "conditional formatting", async (_pkg, _path, xml) => xml.replace("<dataValidations", '<conditionalFormatting sqref="Z60:Z70"><cfRule type="expression" dxfId="0" priority="99"><formula>Z60&gt;1</formula></cfRule></conditionalFormatting><dataValidations')],
  };

  test.each(Object.keys(additions))("an offline re-run refuses, in both languages, rather than drop the %s the manager added on the summary sheet", async (kind) => {
    const [zh, en, add] = additions[kind];
    const zhang = await repFile(`zhang-extra-${kind}.xlsx`, "weekly", "--rep", "张三");
    const team = join(dir, `team-extra-${kind}.xlsx`);
    expect((await run("rollup", "--out", team, zhang)).code).toBe(0);
    const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(team)));
    const sheetPath = (await pkg.sheets()).find((s) => s.name === "团队汇总")!.path!;
    const xml = (await pkg.text(sheetPath))!;
    const edited = await add(pkg, sheetPath, xml);
    pkg.write(sheetPath, edited);
    const before = await pkg.save();
    writeFileSync(team, before);
    const result = await run("rollup", "--out", team, zhang);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`汇总表“团队汇总”上有${zh}，不是销售计划助手生成的`);
    expect(result.err).toContain(`The summary sheet "团队汇总" holds ${en} that Sales Planner did not make`);
    expect(result.err).toContain("roll up in Excel with the task pane");
    expect(new Uint8Array(readFileSync(team))).toEqual(before);
  });

  test("a summary in the older one-table layout is left as it is; the new one goes beside it, and the roll-up says so", async () => {
    const zhang = await repFile("zhang-old.xlsx", "weekly", "--rep", "张三");
    const team = join(dir, "team-old.xlsx");
    expect((await run("rollup", "--out", team, zhang)).code).toBe(0);
    // As a version-1 summary's record reads; and the manager's note on it.
    const data = new Uint8Array(readFileSync(team));
    const sheetCellsOf = async (bytes: Uint8Array, sheet: string) => (await workbookCells(await XlsxPackage.load(bytes), (name) => name === sheet)).get(sheet)!;
    const record = [...(await sheetCellsOf(data, "团队汇总"))].find(([, cell]) => cellValue(cell) === "sales-planner:teamSummary:main:v2:T1")![0];
    const old = await typeCells(data, "团队汇总", { [record]: "sales-planner:teamSummary:main:v1:T1", A40: "经理备注" }, true);
    writeFileSync(team, old);
    const result = await run("rollup", "--out", team, zhang);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toContain('工作表"团队汇总"是旧版的团队汇总');
    expect(result.out).toContain('新的团队汇总在工作表"团队汇总 (2)"');
    const after = new Uint8Array(readFileSync(team));
    // 张三's plan is held already: not copied again.
    expect((await inspectXlsx(after)).sheets).toEqual(["周计划-张三-2026W48", "节假日 2026", "团队汇总", "团队汇总 (2)"]);
    const values = async (bytes: Uint8Array) => Object.fromEntries([...(await sheetCellsOf(bytes, "团队汇总"))].map(([address, cell]) => [address, [cell.formula, cellValue(cell)]]));
    expect(await values(after)).toEqual(await values(old));
  });

  test("--lang en-US writes the English summary", async () => {
    const zhang = await repFile("zhang-en.xlsx", "weekly", "--rep", "Zhang", "--lang", "en-US");
    const team = join(dir, "team-en.xlsx");
    const { code, out } = await run("rollup", "--out", team, zhang, "--lang", "en-US");
    expect(code).toBe(0);
    expect(out).toContain('rolled up 1 plan sheets, see sheet "Team summary"');
    expect((await inspectXlsx(new Uint8Array(readFileSync(team)))).sheets).toContain("Team summary");
  });

  test("hostile rep files are refused by name in both languages, quickly; the others are rolled up (exit 0)", async () => {
    const zhang = await repFile("zhang-h.xlsx", "weekly", "--rep", "张三");
    const hostile: Record<string, Uint8Array> = {
      "encrypted.xlsx": compoundFile(),
      "bomb10g.xlsx": declaresTenGigabytes(),
      "zeros.xlsx": deflatedZeros(60),
      "noise.xlsx": randomBytes(50_000),
      "macros.xlsx": await macroEnabled(new Uint8Array(readFileSync(zhang))),
      "liar.xlsx": liesAboutItsSize(150),
      "hollow.xlsx": await workbookWithoutWorkbookPart(),
    };
    const paths = Object.entries(hostile).map(([name, data]) => {
      writeFileSync(join(dir, name), data);
      return join(dir, name);
    });
    const team = join(dir, "team-hostile.xlsx");
    const start = performance.now();
    const { code, out, err } = await run("rollup", "--out", team, ...paths, zhang);
    const ms = performance.now() - start;
    expect(code).toBe(0);
    expect(out).toContain("汇总了 1 张计划表");
    expect(err).toContain(`“${paths[0]}”已加密`);
    expect(err).toContain(`"${paths[0]}" is encrypted`);
    expect(err).toContain(`“${paths[1]}”解压后约 4096 MB，超过 100 MB 的上限`);
    expect(err).toContain(`"${paths[2]}" has an abnormal zip structure`);
    expect(err).toContain(`“${paths[3]}”不是 Excel 工作簿`);
    expect(err).toContain(`"${paths[4]}" contains macros`);
    expect(err).toContain(`"${paths[5]}" has an abnormal zip structure`);
    // Passes the file check, fails to read: named in both languages, the others still rolled up.
    expect(err).toContain(`无法读取文件“${paths[6]}”`);
    expect(err).toContain(paths[6]);
    expect((await inspectXlsx(new Uint8Array(readFileSync(team)))).sheets).toEqual(["周计划-张三-2026W48", "节假日 2026", "团队汇总"]);
    expect(ms).toBeLessThan(5000);
  });

  test("a rep file over 100 MB is refused on its size without being read; the others are rolled up", async () => {
    const zhang = await repFile("zhang-big.xlsx", "weekly", "--rep", "张三");
    const huge = join(dir, "huge.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 2 * 1024 ** 3); // a sparse 2 GB file: no disk, and reading it would take 2 GB of memory
    const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const before = memory();
    const { code, err } = await run("rollup", "--out", join(dir, "team-big.xlsx"), huge, zhang);
    expect((memory() - before) / 1024 / 1024).toBeLessThan(200);
    expect(code).toBe(0);
    expect(err).toContain(huge);
    expect(err).toMatch(/2048 MB/);
  });

  test("when every rep file is refused, nothing is written (exit 1); a hostile team workbook is not opened either", async () => {
    const bomb = join(dir, "only-bomb.xlsx");
    writeFileSync(bomb, declaresTenGigabytes());
    const team = join(dir, "team-none.xlsx");
    const none = await run("rollup", "--out", team, bomb);
    expect(none.code).toBe(1);
    expect(none.err).toContain("4096 MB");
    expect(existsSync(team)).toBe(false);

    const zhang = await repFile("zhang-t.xlsx", "weekly", "--rep", "张三");
    const encryptedTeam = join(dir, "team-encrypted.xlsx");
    writeFileSync(encryptedTeam, compoundFile());
    const refused = await run("rollup", "--out", encryptedTeam, zhang);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`“${encryptedTeam}”已加密`);
    expect(readFileSync(encryptedTeam)).toEqual(Buffer.from(compoundFile()));
  });

  test("--out that is also an input, however spelt (./X, a symlink, a hard link), is refused (exit 2)", async () => {
    const zhang = await repFile("zhang-same.xlsx", "weekly", "--rep", "张三");
    const before = readFileSync(zhang);
    const relative = `${dir}/./zhang-same.xlsx`;
    const hard = join(dir, "zhang-hard.xlsx");
    linkSync(zhang, hard);
    const soft = join(dir, "zhang-soft.xlsx");
    symlinkSync(zhang, soft);
    for (const spelling of [relative, hard, soft]) {
      const { code, err } = await run("rollup", "--out", zhang, spelling);
      expect([spelling, code]).toEqual([spelling, 2]);
      expect(err).toContain("输出文件不能同时是输入文件");
      expect(err).toContain("The output file cannot also be an input file");
    }
    expect(readFileSync(zhang)).toEqual(before);
  });
});

describe("--out is never a read-only file or a symbolic link", () => {
  test("a read-only workbook is not replaced (exit 1, both languages)", async () => {
    const out = join(dir, "readonly.xlsx");
    const first = await run("write", "customers", "--out", out);
    expect(first.code).toBe(0);
    chmodSync(out, 0o444);
    const before = readFileSync(out);
    const { code, err } = await run("write", "contracts", "--out", out);
    expect(code).toBe(1);
    expect(err).toContain(`输出文件 ${out} 是只读的`);
    expect(err).toContain(`The output file ${out} is read-only`);
    expect(readFileSync(out)).toEqual(before);
    chmodSync(out, 0o644);
  });

  test("a symbolic link is neither followed into its file nor replaced (exit 1), dangling or not", async () => {
    const target = join(dir, "linked.xlsx");
    expect((await run("write", "customers", "--out", target)).code).toBe(0);
    const before = readFileSync(target);
    const link = join(dir, "link.xlsx");
    symlinkSync(target, link);
    const dangling = join(dir, "dangling.xlsx");
    symlinkSync(join(dir, "nowhere.xlsx"), dangling);
    for (const out of [link, dangling]) {
      for (const argv of [["write", "contracts", "--out", out], ["breakdown", "--out", out, "--target", "100", "--month", "2026-11", "--reps", "a=1"]]) {
        const { code, err } = await run(...argv);
        expect([argv[0], out, code]).toEqual([argv[0], out, 1]);
        expect(err).toContain(`输出文件 ${out} 是指向`);
        expect(err).toContain(`The output file ${out} is a symbolic link`);
        expect(lstatSync(out).isSymbolicLink()).toBe(true);
      }
    }
    expect(readFileSync(target)).toEqual(before);
    expect(existsSync(join(dir, "nowhere.xlsx"))).toBe(false);
  });
});
