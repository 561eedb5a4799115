import { makeWorkCalendar, serialFromYmd } from "../../src/domain/calendar";
import { LOCALES, type Locale } from "../../src/contract/locale";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import { textWidth } from "../../src/templates/columns";
import { DEFAULT_COLUMN_WIDTH, recordWidth } from "../../src/templates/draft";
import { FORMATS, headerAlignment, numberFormat } from "../../src/templates/formats";
import { NO_NAMES } from "../../src/spec/naming";
import type { CellRef, ColumnKind, SheetSpec } from "../../src/spec/sheetSpec";
import { contractRows } from "../fixtures/contracts";
import { customerRows } from "../fixtures/customers";
import { todaySerial } from "../fixtures/random";

/**
 * Layout rules found by looking at the rendered templates (docs/screens): values fit their cells,
 * the template record is not clipped, money has one format family from formats.ts, numeric headers
 * sit over their numbers, full-width form rows end with the widest table.
 */

const calendar = makeWorkCalendar([serialFromYmd(2026, 10, 1)], [serialFromYmd(2026, 10, 10)]);
const requests = (locale: Locale): TemplateRequest[] => [
  {
    template: "weekly",
    options: { rep: "张三", team: "华东销售一部", approver: "李经理", year: 2026, week: 48, calendar, forecast: 1_234_567 },
  },
  { template: "monthly", options: { rep: "张三", year: 2026, month: 11, calendar, forecast: 12_345_678 } },
  { template: "customers", options: { rows: customerRows(30, locale) } },
  { template: "contracts", options: { rows: contractRows(12, 2026), statsYear: 2026 } },
];
const build = (locale: Locale): SheetSpec[] => buildTemplates(requests(locale), { locale, existing: NO_NAMES });

const width = (spec: SheetSpec, col: number): number => spec.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;

/** Width available to the cell at `at`: its column, or the merged run it starts. */
function room(spec: SheetSpec, at: CellRef): number {
  const merge = spec.merges.find((m) => m.from.row === at.row && m.from.col === at.col);
  let total = 0;
  for (let c = at.col; c <= (merge?.to.col ?? at.col); c++) total += width(spec, c);
  return total;
}

const cellAt = (spec: SheetSpec, row: number, col: number) => spec.cells.find((c) => c.at.row === row && c.at.col === col);

describe.each(LOCALES)("layout (%s)", (locale) => {
  const specs = build(locale);
  const [weekly, monthly] = specs;

  test("header-block labels and literal values fit their columns", () => {
    for (const spec of specs) {
      for (const label of spec.cells.filter((c) => c.style === "label" && typeof c.value === "string")) {
        expect([spec.name, label.value, width(spec, label.at.col) >= textWidth(label.value as string)]).toEqual([spec.name, label.value, true]);
        const value = cellAt(spec, label.at.row, label.at.col + 1);
        if (value && typeof value.value === "string" && value.style !== "label") {
          expect([spec.name, value.value, room(spec, value.at) >= textWidth(value.value)]).toEqual([spec.name, value.value, true]);
        }
      }
    }
  });

  test("weekly 日期范围 shows the whole date range", () => {
    const label = weekly.cells.find((c) => c.value === TEMPLATE_STRINGS[locale].weekly.dateRange)!;
    const value = cellAt(weekly, label.at.row, label.at.col + 1)!;
    expect(value.value).toBe("2026-11-23 ~ 2026-11-29");
    expect(room(weekly, value.at)).toBeGreaterThanOrEqual(textWidth("2026-11-23 ~ 2026-11-29") + 1);
  });

  test("the template record value has room, and its note starts after it", () => {
    for (const spec of specs) {
      const at = { row: spec.record.at.row, col: spec.record.at.col + 1 };
      expect(cellAt(spec, at.row, at.col)?.value).toBe(spec.record.value);
      expect(room(spec, at)).toBeGreaterThanOrEqual(recordWidth(spec.record.value));
      expect(recordWidth(spec.record.value)).toBeGreaterThanOrEqual(Math.ceil((textWidth(spec.record.value) * 9) / 11));
      const end = spec.merges.find((m) => m.from.row === at.row && m.from.col === at.col)?.to.col ?? at.col;
      const note = spec.cells.find((c) => c.at.row === at.row && c.value === TEMPLATE_STRINGS[locale].common.recordNote)!;
      expect(note.at.col).toBe(end + 1);
      for (let c = at.col + 1; c <= end; c++) expect(cellAt(spec, at.row, c)).toBeUndefined();
    }
  });

  test("every number format comes from formats.ts; money is ¥#,##0 in plans and ¥#,##0.00 in registers and expenses", () => {
    const known = new Set<string>([
      ...Object.values(FORMATS),
      "General",
      ...(["money", "moneyCents", "number", "integer", "percent", "date", "datetime", "text"] as ColumnKind[]).map((k) => numberFormat(k, locale)),
    ]);
    for (const spec of specs) {
      for (const c of spec.cells) if (c.numberFormat) expect(known).toContain(c.numberFormat);
      for (const t of spec.tables) for (const c of t.columns) expect(known).toContain(c.numberFormat);
    }
    const format = (spec: SheetSpec, role: string, key: string) => spec.tables.find((t) => t.role === role)!.columns.find((c) => c.key === key)!.numberFormat;
    for (const [role, key] of [["targets", "target"], ["targets", "actual"], ["targets", "lastWeek"], ["daily", "expected"]]) {
      expect(format(weekly, role, key)).toBe(FORMATS.money);
    }
    for (const [role, key] of [["targets", "target"], ["weeks", "target"], ["weeks", "actual"], ["products", "target"], ["keyCustomers", "target"]]) {
      expect(format(monthly, role, key)).toBe(FORMATS.money);
    }
    for (const spec of [weekly, monthly]) {
      expect(format(spec, "expenses", "amount")).toBe(FORMATS.moneyCents);
      // Count metrics stay plain integers, in their own table.
      expect(format(spec, "countTargets", "target")).toBe(FORMATS.integer);
      const units = TEMPLATE_STRINGS[locale].common.units;
      expect(spec.tables.find((t) => t.role === "targets")!.rows.every((r) => r.unit === units.yuan)).toBe(true);
      expect(spec.tables.find((t) => t.role === "countTargets")!.rows.some((r) => r.unit === units.yuan)).toBe(false);
    }
    const contracts = specs.find((s) => s.tables.some((t) => t.role === "contracts"))!;
    for (const key of ["amount", "shipped", "invoiced", "paid", "unpaid"]) expect(format(contracts, "contracts", key)).toBe(FORMATS.moneyCents);
    expect(FORMATS.money).toBe('"¥"#,##0_ ');
    expect(FORMATS.moneyCents).toBe('"¥"#,##0.00_ ');
  });

  test("right-aligned formats keep a space's width from the next column", () => {
    for (const kind of ["money", "moneyCents", "number", "integer", "percent", "date", "datetime"] as ColumnKind[]) {
      expect(numberFormat(kind, locale).endsWith("_ ")).toBe(true);
    }
  });

  test("headers of numeric, money, percent and date columns are right-aligned, text headers left", () => {
    expect(headerAlignment("text")).toBe("left");
    for (const spec of specs) {
      for (const c of spec.tables.flatMap((t) => t.columns)) {
        expect([c.header, c.headerAlign]).toEqual([c.header, c.kind === "text" ? "left" : "right"]);
        expect(c.width).toBeGreaterThanOrEqual(textWidth(c.header) + 2);
      }
    }
  });

  test("full-width form rows end with the widest table", () => {
    for (const spec of [weekly, monthly]) {
      const widest = Math.max(...spec.tables.map((t) => t.origin.col + t.columns.length - 1));
      const formRows = spec.merges.filter((m) => m.from.row !== spec.record.at.row);
      expect(formRows.length).toBeGreaterThan(0);
      for (const m of formRows) expect(m.to.col).toBe(widest);
    }
    expect(monthly.merges.filter((m) => m.from.row !== monthly.record.at.row)).toHaveLength(2);
  });
});

describe("fixtures", () => {
  const today = todaySerial();

  test.each([12, 15, 40, 200])("contracts (%i) are consistent: signed ≤ today and before delivery, paid ≤ invoiced ≤ shipped", (count) => {
    const rows = contractRows(count, 2026);
    expect(contractRows(count, 2026)).toEqual(rows);
    const statuses = { complete: 0, partial: 0, notStarted: 0, overdue: 0 };
    for (const row of rows) {
      const n = (v: unknown) => (v == null ? 0 : (v as number));
      const [signed, due, amount] = [row.signed as number, row.due as number, row.amount as number];
      expect(signed).toBeLessThanOrEqual(today);
      expect(signed).toBeLessThan(due);
      expect(n(row.invoiced)).toBeLessThanOrEqual(n(row.shipped));
      expect(n(row.paid)).toBeLessThanOrEqual(n(row.invoiced));
      expect(n(row.shipped)).toBeLessThanOrEqual(amount);
      if (row.lastShipped != null) {
        expect(row.lastShipped as number).toBeGreaterThanOrEqual(signed);
        expect(row.lastShipped as number).toBeLessThanOrEqual(today);
      } else expect(n(row.shipped)).toBe(0);
      if (n(row.shipped) >= amount) statuses.complete++;
      else if (due < today) statuses.overdue++;
      else if (n(row.shipped) === 0) statuses.notStarted++;
      else statuses.partial++;
    }
    for (const count of Object.values(statuses)) expect(count).toBeGreaterThan(0);
  });

  test.each([12, 18, 25, 100])("customers (%i) always contain a duplicate name and, from 17 rows, a duplicate phone", (count) => {
    for (const locale of LOCALES) {
      const rows = customerRows(count, locale);
      expect(customerRows(count, locale)).toEqual(rows);
      const dupes = (key: string) => rows.length - new Set(rows.map((r) => r[key])).size;
      expect(dupes("name")).toBeGreaterThanOrEqual(Math.floor(count / 12));
      expect(dupes("phone")).toBeGreaterThanOrEqual(Math.floor(count / 17));
    }
  });
});
