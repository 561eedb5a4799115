/**
 * Issue 13 items 1, 5, 6 (the file side of `sales-planner import`): rows appended to a register in a
 * workbook on disk by patching its XML. The registers are written by the xlsx writer with their
 * default blank rows, rows are appended (filling the blank rows, then growing the tables), LibreOffice
 * recalculates, and every calculated column of every row — old, filled and grown — equals TypeScript;
 * totals rows follow; hostile text stays text; the OOXML gate passes; a foreign workbook keeps every
 * other part byte for byte; `fill` writes only blank cells; content below a table is refused with
 * nothing changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { abcClasses } from "../../../src/domain/tiers";
import { columnLetters } from "../../../src/spec/a1";
import { NO_NAMES } from "../../../src/spec/naming";
import type { CellValue, SheetSpec, TableRow, TableSpec } from "../../../src/spec/sheetSpec";
import { buildTemplates } from "../../../src/templates";
import { templateStrings } from "../../../src/templates/strings";
import { XlsxPackage } from "../../../src/writers/ooxml";
import { AppendError, appendTableRows, readTableContents } from "../../../src/writers/ooxml/appendRows";
import { writeXlsx } from "../../../src/writers/xlsx";
import { contractFigures, contractRows } from "../../fixtures/contracts";
import { customerRows, registerVisitModel } from "../../fixtures/customers";
import { ledgerRows } from "../../fixtures/ledger";
import { todaySerial } from "../../fixtures/random";
import { visitLogModel, visitRowsUntilToday } from "../../fixtures/visits";
import { convertWithLibreOffice, errorCells, recalcXlsx, type Computed, type ComputedWorkbook } from "../../support/libreoffice";
import { expectValidXlsxAll } from "../../support/ooxmlGate";
import { tableByRole } from "../../support/specCells";
import { repoRoot } from "../../support/paths";

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), "sp-append-"));
const today = todaySerial();
const HOSTILE = ['=HYPERLINK("http://x","y")', "+86 138 0000 0000", "-负数开头", "@提及", "\t制表符开头", "\r回车开头", "_x0041_ 字面"];

/** A row by column key → by the table's header, without the calculated columns (what the import hands the writer). */
const byHeader = (table: TableSpec, row: TableRow): Record<string, CellValue> =>
  Object.fromEntries(table.columns.filter((c) => c.formula === undefined).map((c) => [c.header, row[c.key] ?? null]));

async function append(bytes: Uint8Array, table: TableSpec, rows: readonly TableRow[]): Promise<{ bytes: Uint8Array; result: Awaited<ReturnType<typeof appendTableRows>> }> {
  const pkg = await XlsxPackage.load(bytes);
  const result = await appendTableRows(pkg, { table: table.name, rows: rows.map((r) => byHeader(table, r)) });
  return { bytes: await pkg.save(), result };
}

/** Column `key` of the table's first `count` data rows, computed; "" read as null. */
function column(book: ComputedWorkbook, spec: SheetSpec, table: TableSpec, key: string, count: number): Computed[] {
  const index = table.columns.findIndex((c) => c.key === key);
  const sheet = book.get(spec.name)!;
  return Array.from({ length: count }, (_, i) => {
    const value = sheet.get(`${columnLetters(table.origin.col + index)}${table.origin.row + 2 + i}`) ?? null;
    return value === "" ? null : value;
  });
}

const tableRef = async (bytes: Uint8Array, table: string): Promise<string> => {
  const pkg = await XlsxPackage.load(bytes);
  for (const path of pkg.paths().filter((p) => p.startsWith("xl/tables/"))) {
    const xml = (await pkg.text(path))!;
    if (xml.includes(`name="${table}"`)) return /<table [^>]*?\sref="([^"]+)"/.exec(xml)![1];
  }
  throw new Error(`no table ${table}`);
};

const partsOf = async (bytes: Uint8Array): Promise<Map<string, Uint8Array>> => {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async("uint8array"));
  return parts;
};

// ---------------------------------------------------------------------------------------------
// Workbook 1: a customer register (5 rows + the default 50 blank) and a visit log (30 rows + 200 blank).

const allCustomers = customerRows(128, "zh-CN").map((row, i) => (i >= 5 && i - 5 < HOSTILE.length ? { ...row, note: HOSTILE[i - 5], name: i === 6 ? HOSTILE[0] : row.name } : row));
const allVisits = visitRowsUntilToday(280, 128, "zh-CN");
const registerSpecs = buildTemplates(
  [
    { template: "customers", options: { rows: allCustomers.slice(0, 5) } },
    { template: "visits", options: { rows: allVisits.slice(0, 30) } },
  ],
  { locale: "zh-CN", existing: NO_NAMES },
);
const registerSheet = registerSpecs.find((s) => s.tables.some((t) => t.role === "customers"))!;
const customers = tableByRole(registerSheet, "customers");
const logSheet = registerSpecs.find((s) => s.tables.some((t) => t.role === "visits"))!;
const visits = tableByRole(logSheet, "visits");

// Workbook 2: a contract register (10 rows + 50 blank, totals row) and a ledger (5 events + 300 blank, totals row).
const allContracts = contractRows(70, 2026);
const allEvents = ledgerRows(320, 70, 2026, "zh-CN");
const contractSpecs = buildTemplates(
  [
    { template: "contracts", options: { rows: allContracts.slice(0, 10), statsYear: 2026 } },
    { template: "ledger", options: { rows: allEvents.slice(0, 5) } },
  ],
  { locale: "zh-CN", existing: NO_NAMES },
);
const contractSheet = contractSpecs.find((s) => s.tables.some((t) => t.role === "contracts"))!;
const contracts = tableByRole(contractSheet, "contracts");
const ledgerSheet = contractSpecs.find((s) => s.tables.some((t) => t.role === "ledger"))!;
const ledger = tableByRole(ledgerSheet, "ledger");

const FOREIGN = join(repoRoot, "test/fixtures/foreign/libreoffice.xlsx");

interface Stage {
  readonly label: string;
  bytes: Uint8Array;
  book?: ComputedWorkbook;
}
const stages: Record<"written" | "three" | "grown" | "contracts" | "foreign" | "foreignGrown", Stage> = {} as never;
const results: Record<string, Awaited<ReturnType<typeof appendTableRows>>> = {};

beforeAll(async () => {
  const written = await writeXlsx(registerSpecs);
  stages.written = { label: "register and log as written", bytes: written };
  const three = await append(written, customers, allCustomers.slice(5, 8));
  results.three = three.result;
  stages.three = { label: "3 customers appended", bytes: three.bytes };
  const grown = await append(three.bytes, customers, allCustomers.slice(8));
  results.grown = grown.result;
  const logged = await append(grown.bytes, visits, allVisits.slice(30));
  results.visits = logged.result;
  stages.grown = { label: "120 more customers and 250 visits appended", bytes: logged.bytes };

  const contractBook = await append(await writeXlsx(contractSpecs), contracts, allContracts.slice(10));
  results.contracts = contractBook.result;
  const ledgerBook = await append(contractBook.bytes, ledger, allEvents.slice(5));
  results.ledger = ledgerBook.result;
  stages.contracts = { label: "60 contracts and 315 ledger events appended", bytes: ledgerBook.bytes };

  const foreign = await writeXlsx(buildTemplates([{ template: "customers", options: { rows: allCustomers.slice(0, 5) } }], { locale: "zh-CN", existing: NO_NAMES }), new Uint8Array(readFileSync(FOREIGN)));
  stages.foreign = { label: "a register grafted into a LibreOffice workbook", bytes: foreign };
  stages.foreignGrown = { label: "…with 123 customers appended", bytes: (await append(foreign, customers, allCustomers.slice(5))).bytes };

  const recalculated: Stage[] = [stages.three, stages.grown, stages.contracts, stages.foreignGrown];
  const files = recalculated.map((s, i) => {
    const file = join(dir, `stage-${i}.xlsx`);
    writeFileSync(file, s.bytes);
    return file;
  });
  const books = await recalcXlsx(files);
  recalculated.forEach((s, i) => (s.book = books[i]));
});

test("the first appends fill the register's blank rows; the next ones grow the table, its filter, formats and validations", async () => {
  expect(results.three).toEqual({ firstRow: 5, appended: 3, filled: 0 });
  expect(await tableRef(stages.three.bytes, customers.name)).toBe("A4:AC59");
  expect(results.grown).toEqual({ firstRow: 8, appended: 120, filled: 0 });
  expect(await tableRef(stages.grown.bytes, customers.name)).toBe("A4:AC132");
  // The log had 30 rows and 200 blank ones: 250 visits fill them and grow it by 20.
  expect(results.visits).toEqual({ firstRow: 30, appended: 250, filled: 0 });
  expect(await tableRef(stages.grown.bytes, visits.name)).toBe("A7:O287");
  const pkg = await XlsxPackage.load(stages.grown.bytes);
  const sheet = (await pkg.text("xl/worksheets/sheet1.xml"))!;
  const table = (await pkg.text("xl/tables/table1.xml"))!;
  expect(/<autoFilter ref="([^"]+)"/.exec(table)![1]).toBe("A4:AC132");
  expect(/<dimension ref="([^"]+)"/.exec(sheet)![1]).toBe("A1:AC132");
  const sqrefs = [...sheet.matchAll(/<(?:conditionalFormatting|dataValidation) [^>]*?sqref="([^"]+)"/g)].map((m) => m[1]);
  expect(sqrefs.length).toBeGreaterThan(10);
  for (const sqref of sqrefs) expect(sqref).toMatch(/^[A-Z]+5:[A-Z]+132$/);
  // The rows past the old end share one formula per calculated column, as Excel saves a calculated column.
  const abc = columnLetters(customers.columns.findIndex((c) => c.key === "abc"));
  // The first cell holds its own row's text: the register's 年交易额 of row 60 (the file spells its own cells as addresses).
  const sales = columnLetters(customers.columns.findIndex((c) => c.key === "annualSales"));
  expect(sheet).toMatch(new RegExp(`<c r="${abc}60"><f t="shared" ref="${abc}60:${abc}132" si="\\d+">IF\\(\\$${sales}60=`));
  expect(sheet).toMatch(new RegExp(`<c r="${abc}132"><f t="shared" si="\\d+"/></c>`));
  // A column Excel could not share (近14天拜访次数 uses the range operator) is written out in every row, moved to it.
  const recent = columnLetters(customers.columns.findIndex((c) => c.key === "recentVisits"));
  expect(sheet).not.toMatch(new RegExp(`<c r="${recent}\\d+"[^>]*><f t="shared"`));
  expect(sheet).toMatch(new RegExp(`<c r="${recent}132"[^>]*><f>IF\\(OR\\(\\$A132=`));
});

test("every new cell takes the style of the last data row's cell in its column", async () => {
  const pkg = await XlsxPackage.load(stages.grown.bytes);
  const sheet = (await pkg.text("xl/worksheets/sheet1.xml"))!;
  const styles = (row: number): (string | undefined)[] => {
    const xml = new RegExp(`<row r="${row}"[^>]*>([\\s\\S]*?)</row>`).exec(sheet)![1];
    return customers.columns.map((_, i) => new RegExp(`<c r="${columnLetters(i)}${row}"(?: s="(\\d+)")?`).exec(xml)?.[1]);
  };
  const written = await XlsxPackage.load(stages.written.bytes);
  const lastBlank = /<row r="59"[^>]*>([\s\S]*?)<\/row>/.exec((await written.text("xl/worksheets/sheet1.xml"))!)![1];
  const template = customers.columns.map((_, i) => new RegExp(`<c r="${columnLetters(i)}59"(?: s="(\\d+)")?`).exec(lastBlank)?.[1]);
  expect(template.some((s) => s !== undefined)).toBe(true);
  for (const row of [60, 100, 132]) expect(styles(row)).toEqual(template);
});

test("LibreOffice: no error anywhere; ABC, demand and visit tiers, last and next visit, 14-day counts equal TypeScript for every customer", () => {
  const book = stages.grown.book!;
  expect(errorCells(book)).toEqual([]);
  const n = allCustomers.length;
  const abc = abcClasses(allCustomers.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null))).map((t) => (t === "" ? null : t));
  expect(column(book, registerSheet, customers, "abc", n)).toEqual(abc);
  expect(new Set(abc)).toEqual(new Set(["A", "B", "C", null]));
  const demand = column(book, registerSheet, customers, "demandTier", n);
  const model = registerVisitModel(allCustomers, allVisits, { abc, demand }, today);
  expect(column(book, registerSheet, customers, "latestVisit", n)).toEqual(model.latest);
  expect(column(book, registerSheet, customers, "recentVisits", n)).toEqual(model.recent);
  expect(column(book, registerSheet, customers, "nextVisit", n)).toEqual(model.next);
  expect(column(book, registerSheet, customers, "visitTier", n)).toEqual(abc.map((t, i) => t ?? demand[i] ?? "C"));
  // Past the last customer the grown table has no rows.
  expect(book.get(registerSheet.name)!.get(`A${customers.origin.row + 2 + n}`) ?? null).toBeNull();
});

test("LibreOffice: the log's appended visits find the appended customers' names and count new and old", () => {
  const book = stages.grown.book!;
  const model = visitLogModel(allCustomers, allVisits, "zh-CN");
  expect(column(book, logSheet, visits, "customerName", allVisits.length)).toEqual(model.name);
  expect(column(book, logSheet, visits, "newOld", allVisits.length)).toEqual(model.newOld);
});

test("text that looks like a formula stays text: no formula in the XML, the same text in LibreOffice", async () => {
  const book = stages.grown.book!;
  const names = column(book, registerSheet, customers, "name", allCustomers.length);
  const notes = column(book, registerSheet, customers, "note", allCustomers.length);
  expect(names[6]).toBe(HOSTILE[0]);
  // The support reader leaves OOXML's `_xHHHH_` escapes as LibreOffice wrote them (a literal "_x0041_" as "_x005F_x0041_").
  expect(notes.slice(5, 5 + HOSTILE.length).map((v) => (typeof v === "string" ? v.replace(/_x005F_/g, "_") : v))).toEqual(HOSTILE);
  const sheet = (await (await XlsxPackage.load(stages.grown.bytes)).text("xl/worksheets/sheet1.xml"))!;
  expect(sheet).not.toMatch(/<f>[^<]*HYPERLINK/);
  expect((await readTableContents(await XlsxPackage.load(stages.grown.bytes), customers.name)).rows[6][1]).toBe(HOSTILE[0]);
});

test("contract register and ledger: totals rows move down and sum every row; figures from the ledger for every contract", async () => {
  expect(results.contracts).toEqual({ firstRow: 10, appended: 60, filled: 0 });
  expect(await tableRef(stages.contracts.bytes, contracts.name)).toBe("A5:AB76");
  expect(results.ledger).toEqual({ firstRow: 5, appended: 315, filled: 0 });
  expect(await tableRef(stages.contracts.bytes, ledger.name)).toBe("A6:S327");
  const book = stages.contracts.book!;
  expect(errorCells(book)).toEqual([]);
  const sheet = book.get(contractSheet.name)!;
  const col = (key: string): string => columnLetters(contracts.columns.findIndex((c) => c.key === key));
  expect(sheet.get(`A76`)).toBe(templateStrings("zh-CN").common.total);
  expect(sheet.get(`${col("amount")}76`)).toBe(allContracts.reduce((s, r) => s + (r.amount as number), 0));
  const figures = allContracts.map((r) => contractFigures(r, allEvents, "zh-CN", today));
  // The appended events carry the ledger's calculated columns (合同编号倒序, the figures to date), so the register reads them too.
  const upsideDown = allEvents.map((_, k) => allEvents[allEvents.length - 1 - k].contract ?? null);
  expect(column(book, ledgerSheet, ledger, "newestFirst", allEvents.length)).toEqual(upsideDown);
  for (const key of ["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal", "unpaid", "receivable", "status"] as const) {
    const cents = (v: unknown): unknown => (typeof v === "number" ? Math.round(v * 100) / 100 : v);
    expect([key, column(book, contractSheet, contracts, key, allContracts.length).map(cents)]).toEqual([key, figures.map((f) => cents(f[key]))]);
  }
  expect(sheet.get(`${col("paidTotal")}76`)).toBeCloseTo(figures.reduce((s, f) => s + (f.paidTotal ?? 0), 0), 6);
  const amount = columnLetters(ledger.columns.findIndex((c) => c.key === "amount"));
  expect(book.get(ledgerSheet.name)!.get(`${amount}327`)).toBeCloseTo(allEvents.reduce((s, r) => s + (r.amount as number), 0), 6);
});

test("every workbook passes the OOXML gate", async () => {
  await expectValidXlsxAll(Object.values(stages).map((s) => ({ label: s.label, bytes: s.bytes })));
});

test("a foreign workbook with a grafted register keeps every part but the register's sheet and table byte for byte", async () => {
  const before = await partsOf(stages.foreign.bytes);
  const after = await partsOf(stages.foreignGrown.bytes);
  const pkg = await XlsxPackage.load(stages.foreign.bytes);
  const sheet = (await pkg.sheets()).find((s) => s.name === registerSheet.name)!.path!;
  const table = (await pkg.targets(sheet)).find((r) => r.type.endsWith("/table"))!.path;
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  const changed = [...before].filter(([path, data]) => Buffer.compare(Buffer.from(data), Buffer.from(after.get(path)!)) !== 0).map(([path]) => path);
  expect(changed.sort()).toEqual([sheet, table].sort());
  const book = stages.foreignGrown.book!;
  expect(errorCells(new Map([[registerSheet.name, book.get(registerSheet.name)!]]))).toEqual([]);
  const abc = abcClasses(allCustomers.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null))).map((t) => (t === "" ? null : t));
  expect(column(book, registerSheet, customers, "abc", allCustomers.length)).toEqual(abc);
});

test("readTableContents: headers, stored values and formulas' cached values, trailing blank rows included", async () => {
  const contents = await readTableContents(await XlsxPackage.load(stages.three.bytes), customers.name.toLowerCase());
  expect(contents.headers).toEqual(customers.columns.map((c) => c.header));
  expect(contents.rows).toHaveLength(55);
  const id = customers.columns.findIndex((c) => c.key === "id");
  const sales = customers.columns.findIndex((c) => c.key === "annualSales");
  expect(contents.rows.slice(0, 8).map((r) => r[id])).toEqual(allCustomers.slice(0, 8).map((r) => r.id));
  expect(contents.rows.slice(0, 8).map((r) => r[sales])).toEqual(allCustomers.slice(0, 8).map((r) => r.annualSales ?? null));
  expect(contents.rows[54].every((v) => v === null)).toBe(true);
  // LibreOffice's copy holds shared strings and cached results.
  const abc = customers.columns.findIndex((c) => c.key === "abc");
  const lo = await readTableContents(await XlsxPackage.load(await libreOfficeCopy()), customers.name);
  expect(lo.rows.slice(0, 8).map((r) => r[id])).toEqual(allCustomers.slice(0, 8).map((r) => r.id));
  expect(lo.rows.slice(0, 8).map((r) => r[abc])).toEqual(abcClasses(allCustomers.slice(0, 8).map((r) => (r.annualSales as number | null) ?? null)).map((t) => (t === "" ? null : t)));
});

/** The register with 8 customers as LibreOffice saves it: shared strings, cached values — and no calculatedColumnFormula in the table part. */
let loCopy: Uint8Array | undefined;
function libreOfficeCopy(): Uint8Array {
  if (loCopy === undefined) {
    const file = join(dir, "saved-by-libreoffice.xlsx");
    writeFileSync(file, stages.three.bytes);
    const [out] = convertWithLibreOffice([file], "xlsx:Calc MS Excel 2007 XML", join(dir, "lo"));
    loCopy = new Uint8Array(readFileSync(out));
  }
  return loCopy;
}

test("a register LibreOffice saved (its table part names no calculated column) still gets its formulas in every appended row", async () => {
  const saved = libreOfficeCopy();
  expect(await (await XlsxPackage.load(saved)).text("xl/tables/table1.xml")).not.toContain("calculatedColumnFormula");
  const { bytes, result } = await append(saved, customers, allCustomers.slice(8));
  // The formula cells of the blank rows do not make them look used: they are filled first.
  expect(result).toEqual({ firstRow: 8, appended: 120, filled: 0 });
  expect(await tableRef(bytes, customers.name)).toBe("A4:AC132");
  const file = join(dir, "libreoffice-appended.xlsx");
  writeFileSync(file, bytes);
  const [book] = await recalcXlsx([file]);
  expect(errorCells(book)).toEqual([]);
  const abc = abcClasses(allCustomers.map((r) => (typeof r.annualSales === "number" ? r.annualSales : null))).map((t) => (t === "" ? null : t));
  expect(column(book, registerSheet, customers, "abc", allCustomers.length)).toEqual(abc);
  const demand = column(book, registerSheet, customers, "demandTier", allCustomers.length);
  expect(column(book, registerSheet, customers, "nextVisit", allCustomers.length)).toEqual(registerVisitModel(allCustomers, allVisits.slice(0, 30), { abc, demand }, today).next);
});

test("a saved register's calculated columns are recognised however its producer escaped the formula text", async () => {
  const pkg = await XlsxPackage.load(libreOfficeCopy());
  const sheet = (await pkg.text("xl/worksheets/sheet1.xml"))!;
  // Every other row escapes its quotes as a character reference, which means the same text.
  let row = 0;
  pkg.write("xl/worksheets/sheet1.xml", sheet.replace(/<row [\s\S]*?<\/row>/g, (xml) => (row++ % 2 === 0 ? xml : xml.replace(/<f[^>]*>[^<]*<\/f>/g, (f) => f.replace(/&quot;/g, "&#34;")))));
  expect((await pkg.text("xl/worksheets/sheet1.xml"))!.match(/&#34;/g)?.length).toBeGreaterThan(100);
  const { calculated, headers } = await readTableContents(pkg, customers.name);
  expect(headers.filter((_, i) => calculated[i])).toEqual(customers.columns.filter((c) => c.formula !== undefined).map((c) => c.header));
});

test("fill writes only the blank cells of existing rows and never changes a non-blank one", async () => {
  const pkg = await XlsxPackage.load(stages.three.bytes);
  const sheetBefore = (await pkg.text("xl/worksheets/sheet1.xml"))!;
  const h = (key: string): string => customers.columns.find((c) => c.key === key)!.header;
  const result = await appendTableRows(pkg, {
    table: customers.name,
    rows: [],
    fill: [
      { index: 0, values: { [h("name")]: "改名有限公司", [h("note")]: "合并导入", [h("phone")]: "13900000000", [h("annualSales")]: 1 } },
      { index: 2, values: { [h("id")]: "KH-X", [h("note")]: null } },
      // A blank row filled becomes a used row: appends go after it.
      { index: 10, values: { [h("id")]: "KH-Y", [h("name")]: "空行补入有限公司" } },
    ],
  });
  const contents = await readTableContents(pkg, customers.name);
  const at = (row: number, key: string): CellValue => contents.rows[row][customers.columns.findIndex((c) => c.key === key)];
  expect(at(0, "name")).toBe(allCustomers[0].name);
  expect(at(0, "phone")).toBe(allCustomers[0].phone);
  expect(at(0, "annualSales")).toBe(allCustomers[0].annualSales);
  expect(at(0, "note")).toBe("合并导入");
  expect(at(2, "id")).toBe(allCustomers[2].id);
  expect([at(10, "id"), at(10, "name")]).toEqual(["KH-Y", "空行补入有限公司"]);
  // Rows that got a cell (0 and 10), not cells; the next append goes after row 10.
  expect(result).toEqual({ firstRow: 11, appended: 0, filled: 2 });
  // Every cell but the ones filled keeps its bytes.
  const sheetAfter = (await pkg.text("xl/worksheets/sheet1.xml"))!;
  const noteCell = `${columnLetters(customers.columns.findIndex((c) => c.key === "note"))}5`;
  const cells = (xml: string) => new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
  const [a, b] = [cells(sheetBefore), cells(sheetAfter)];
  expect([...b.keys()].filter((k) => a.get(k) !== b.get(k))).toEqual([noteCell, "A15", "B15"]);
});

test("a value typed over a calculated cell of a blank row makes the row used: the formula never overwrites it, new rows go after it", async () => {
  const pkg = await XlsxPackage.load(stages.three.bytes);
  const path = "xl/worksheets/sheet1.xml";
  const abc = customers.columns.findIndex((c) => c.key === "abc");
  const ref = `${columnLetters(customers.origin.col + abc)}${customers.origin.row + 2 + 20}`;
  const xml = (await pkg.text(path))!;
  const cell = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)![0];
  pkg.write(path, xml.replace(cell, `<c r="${ref}" t="inlineStr"><is><t>手填</t></is></c>`));
  const result = await appendTableRows(pkg, { table: customers.name, rows: [byHeader(customers, allCustomers[8])] });
  expect(result.firstRow).toBe(21);
  const contents = await readTableContents(pkg, customers.name);
  expect(contents.rows[20][abc]).toBe("手填");
  expect(contents.rows[21][customers.columns.findIndex((c) => c.key === "name")]).toBe(allCustomers[8].name);
});

test("content below the table that growing would cover is refused, in both languages, and the package is unchanged", async () => {
  const pkg = await XlsxPackage.load(stages.three.bytes);
  const path = "xl/worksheets/sheet1.xml";
  const xml = (await pkg.text(path))!;
  pkg.write(path, xml.replace("</sheetData>", `<row r="70"><c r="C70" t="inlineStr"><is><t>用户的备注</t></is></c></row></sheetData>`));
  const before = await partsOf(await pkg.save());
  const error = await appendTableRows(pkg, { table: customers.name, rows: allCustomers.slice(8).map((r) => byHeader(customers, r)) }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppendError);
  expect((error as AppendError).code).toBe("contentBelow");
  expect((error as AppendError).localized("zh-CN")).toContain(`工作表“${registerSheet.name}”在表格下方的 C70 处已有内容`);
  expect((error as AppendError).localized("en-US")).toContain(`holds something at C70 below the table`);
  const after = await partsOf(await pkg.save());
  for (const [part, data] of before) expect([part, Buffer.from(after.get(part)!).equals(Buffer.from(data))]).toEqual([part, true]);
  // Rows that fit in the blank rows above it are still appended.
  expect(await appendTableRows(pkg, { table: customers.name, rows: allCustomers.slice(8, 20).map((r) => byHeader(customers, r)) })).toEqual({ firstRow: 8, appended: 12, filled: 0 });
});

test("a merged range below the table is refused too; a totals formula with cell addresses is refused rather than left behind", async () => {
  const merged = await XlsxPackage.load(stages.three.bytes);
  const path = "xl/worksheets/sheet1.xml";
  merged.write(path, (await merged.text(path))!.replace('<mergeCell ref="B2:C2"/>', '<mergeCell ref="B2:C2"/><mergeCell ref="D75:E76"/>'));
  const error = await appendTableRows(merged, { table: customers.name, rows: allCustomers.slice(8).map((r) => byHeader(customers, r)) }).catch((e: unknown) => e);
  expect([(error as AppendError).code, (error as AppendError).params.address]).toEqual(["contentBelow", "D75:E76"]);

  const book = await XlsxPackage.load(await writeXlsx(contractSpecs));
  const sheet = (await book.text("xl/worksheets/sheet1.xml"))!;
  const amount = columnLetters(contracts.columns.findIndex((c) => c.key === "amount"));
  const totals = new RegExp(`(<c r="${amount}66"[^>]*><f>)[^<]*(</f>)`);
  expect(sheet).toMatch(totals);
  book.write("xl/worksheets/sheet1.xml", sheet.replace(totals, `$1SUM(${amount}6:${amount}65)$2`));
  const refused = await appendTableRows(book, { table: contracts.name, rows: allContracts.slice(10).map((r) => byHeader(contracts, r)) }).catch((e: unknown) => e);
  expect([(refused as AppendError).code, (refused as AppendError).params.address]).toEqual(["totalsRowFormula", `${amount}66`]);
});

test("an unknown table is a typed error naming it", async () => {
  const error = await appendTableRows(await XlsxPackage.load(stages.three.bytes), { table: "SP_C9_Customers", rows: [] }).catch((e: unknown) => e);
  expect((error as AppendError).code).toBe("tableNotFound");
  expect((error as AppendError).localized("zh-CN")).toBe("工作簿中没有名为“SP_C9_Customers”的表格。");
});

test("50 000 customers × 28 columns append and read back in seconds", async () => {
  const rows = customerRows(50_000, "zh-CN", 99).map((r) => byHeader(customers, r));
  const pkg = await XlsxPackage.load(stages.written.bytes);
  const started = performance.now();
  const result = await appendTableRows(pkg, { table: customers.name, rows });
  const patched = performance.now();
  const saved = await pkg.save();
  const done = performance.now();
  const contents = await readTableContents(await XlsxPackage.load(saved), customers.name);
  const read = performance.now();
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  console.log(
    `append 50 000 rows: patch ${seconds(patched - started)} s, save ${seconds(done - patched)} s (${(saved.length / 1024 / 1024).toFixed(1)} MB), ` +
      `read back ${seconds(read - done)} s; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
  );
  expect(result).toEqual({ firstRow: 5, appended: 50_000, filled: 0 });
  expect(contents.rows).toHaveLength(50_005);
  expect(contents.rows[50_004][0]).toBe(rows[49_999][customers.columns[0].header]);
  expect(done - started).toBeLessThan(60_000);
});
