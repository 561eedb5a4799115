import { alternateWeek, makeWorkCalendar, serialFromYmd } from "../../src/domain/calendar";
import { LOCALES, type Locale } from "../../src/contract/locale";
import { TEMPLATE_STRINGS } from "../../src/templates/strings";
import { buildTemplates, type TemplateRequest } from "../../src/templates";
import fc from "fast-check";
import { definedNamesOf, freeKey, freeSheetName, NO_NAMES, sheetTitle, withSpecs } from "../../src/spec/naming";
import type { ExistingNames, SheetSpec } from "../../src/spec/sheetSpec";
import { readRecord, RECORD_TEMPLATES, TEMPLATES, type RecordTemplateId } from "../../src/templates/registry";

const calendar = makeWorkCalendar([serialFromYmd(2026, 10, 1)], [serialFromYmd(2026, 10, 10)]);
/** The same days on 大小周: the annual plan's longest working-day formula. */
const alternating = makeWorkCalendar([serialFromYmd(2026, 10, 1)], [serialFromYmd(2026, 10, 10)], alternateWeek(serialFromYmd(2026, 10, 10)));
const requests: TemplateRequest[] = [
  { template: "weekly", options: { rep: "张三", year: 2026, week: 48, calendar } },
  { template: "monthly", options: { rep: "张三", year: 2026, month: 10, calendar } },
  { template: "customers", options: {} },
  { template: "contracts", options: { statsYear: 2026 } },
  { template: "ledger", options: {} },
  { template: "visits", options: {} },
  { template: "diary", options: { reps: ["张三", "李四"], year: 2026, month: 10, calendar } },
  { template: "annual", options: { year: 2026, lastYear: [5, 4, 6, 6, 7, 7, 6, 6, 7, 8, 9, 11].map((x) => x * 100_000), monthHolds: [null, 450_000], reps: [{ rep: "张三", weight: 2 }, { rep: "李四", weight: 1, start: 4 }], calendar: alternating } },
  { template: "accounts", options: { start: 46143, end: 46218, rows: [{ unit: "泉州商会", type: "商会", power: "高", intent: "中", soldUnits: 9, lastVisit: 46150 }] } },
];
const build = (locale: Locale, existing: ExistingNames = NO_NAMES): SheetSpec[] => buildTemplates(requests, { locale, existing });

/** Every formula a spec contains: loose cells, calculated columns, totals, conditional formats. */
function formulas(spec: SheetSpec): string[] {
  return [
    ...spec.cells.flatMap((c) => (c.formula ? [c.formula] : [])),
    ...spec.tables.flatMap((t) => t.columns.flatMap((c) => [c.formula, c.totals?.kind === "formula" ? c.totals.formula : undefined])),
    ...spec.conditionalFormats.flatMap((f) => (f.rule.kind === "expression" ? [f.rule.formula] : f.rule.kind === "cellIs" ? [...f.rule.formulas] : [])),
  ].filter((f): f is string => f !== undefined);
}

/**
 * Functions Excel 2016 and WPS both calculate natively (no XLOOKUP/LET/FILTER/SALES.*), and all of Excel
 * 2007's: a function added since (NETWORKDAYS.INTL, AGGREGATE, IFNA…) is stored in a file as `_xlfn.NAME`,
 * and Excel shows #NAME? for the bare name our file writer would write (src/templates/holidays.ts).
 */
const ALLOWED = new Set(
  "IF OR AND NOT MAX MIN ROUND TRIM SUM SUMIF SUMIFS COUNT COUNTIF COUNTIFS SUMPRODUCT INDEX MATCH IFERROR ISNUMBER N INT ROW DATE TODAY TEXT SUBTOTAL NETWORKDAYS WEEKDAY MOD CHOOSE ROWS LOOKUP ISERROR NA ISREF LARGE SUBSTITUTE".split(" "),
);

describe.each(LOCALES)("template specs (%s)", (locale) => {
  const specs = build(locale);
  const all = specs.flatMap(formulas);
  const tables = new Map(specs.flatMap((s) => s.tables).map((t) => [t.name, new Set(t.columns.map((c) => c.header))]));

  test("formulas use only native Excel 2016/WPS functions", () => {
    const used = new Set(all.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1])));
    expect([...used].filter((fn) => !ALLOWED.has(fn))).toEqual([]);
  });

  // Excel turns a number joined to a criterion into text of 15 significant digits, so ">"&12345.670000000002
  // counts that value as greater than itself (LibreOffice keeps 17 digits, so the engine test cannot show it).
  // Amounts of the column are compared as numbers: SUMPRODUCT(--(all>x),all).
  test("no criterion is text made from an amount the formula found (\">\"&LARGE(…))", () => {
    expect(all.filter((f) => /"&LARGE\(/.test(f))).toEqual([]);
  });

  test("formulas fit Excel's 8 192 characters (LibreOffice takes longer ones)", () => {
    expect(all.filter((f) => f.length > 8192).map((f) => f.slice(0, 80))).toEqual([]);
  });

  test("formulas never use fixed cross-sheet addresses or the [@Col] shorthand", () => {
    for (const f of all) {
      expect(f.replace(/"[^"]*"/g, "").replace(/#(VALUE|NUM)!/g, "")).not.toMatch(/!|\[@/);
    }
  });

  test("every structured reference names an existing table and column", () => {
    for (const f of all) {
      for (const m of f.matchAll(/(SP_[A-Z]\d+_\w+)\[(?:\[#This Row\],)?\[((?:[^\]']|'.)*)\]\]/g)) {
        expect(tables.get(m[1])?.has(m[2].replace(/'(.)/g, "$1"))).toBe(true);
      }
    }
  });

  test("every formula name refers to a name some spec defines", () => {
    const defined = new Set(specs.flatMap(definedNamesOf));
    const mentioned = all.flatMap((f) => [...f.replace(/"[^"]*"/g, "").matchAll(/\bSP_[A-Z]\d+_[A-Z0-9_]+\b(?!\[)/g)].map((m) => m[0]));
    expect(mentioned.length).toBeGreaterThan(0);
    for (const name of mentioned) expect(defined).toContain(name);
  });

  test("each fixed vocabulary column has a drop-down with exactly that vocabulary", () => {
    const s = TEMPLATE_STRINGS[locale];
    const lists = new Map(
      specs
        .flatMap((spec) => spec.tables.flatMap((t) => t.columns.map((c) => [`${t.role}.${c.key}`, c] as const)))
        .flatMap(([id, c]) => (c.validation?.rule.kind === "list" ? [[id, c.validation.rule.values]] : [])),
    );
    expect(Object.fromEntries(lists)).toEqual({
      "daily.status": s.weekly.dailyStates,
      "keyItems.category": s.weekly.keyCategories,
      "keyItems.status": s.weekly.dailyStates,
      "expenses.category": s.plan.expenseCategories,
      "keyCustomers.tier": s.common.tiers,
      "keyCustomers.review": s.monthly.reviewStates,
      "keyWork.status": s.weekly.dailyStates,
      "vip.current": s.common.tiers,
      "vip.target": s.common.tiers,
      "vip.status": s.weekly.dailyStates,
      "customers.source": s.customers.sources,
      "customers.demandSize": s.customers.sizes,
      "customers.urgency": s.customers.urgencies,
      "customers.customerSize": s.customers.sizes,
      "customers.managerTier": s.common.tiers,
      "customers.credit": s.customers.credits,
      "customers.payment": s.customers.payments,
      "customers.status": s.customers.statuses,
      "contracts.termBasis": s.contracts.termBases,
      "stats.type": s.contracts.periodTypes,
      "ledger.type": s.ledger.types,
      "visits.method": s.visits.methods,
      "training.kind": s.annual.trainingKinds,
      "accounts.type": s.accounts.types,
      "accounts.power": s.accounts.levels,
      "accounts.intent": s.accounts.levels,
      "accounts.role": s.accounts.roles,
      "accounts.stage": s.accounts.stages,
      "schedule.status": s.accounts.scheduleStates,
    });
    const weekly = specs.find((x) => x.record.template === "weekly");
    const approval = weekly?.validations.find((v) => v.validation.rule.kind === "list");
    expect(approval?.validation.rule).toEqual({ kind: "list", values: s.weekly.approvalStates });
  });

  test("DOMAIN §1.3/§1.4 columns all exist, derived ones as formulas", () => {
    const s = TEMPLATE_STRINGS[locale];
    const columnsOf = (role: string) => specs.flatMap((x) => x.tables).find((t) => t.role === role)?.columns ?? [];
    expect(columnsOf("customers").map((c) => c.header)).toEqual(Object.values(s.customers.columns));
    expect(columnsOf("contracts").map((c) => c.header)).toEqual(Object.values(s.contracts.columns));
    const derived = (role: string) => columnsOf(role).filter((c) => c.formula).map((c) => c.key);
    expect(derived("customers")).toEqual(["abc", "suggestedTier", "demandTier", "visitTier", "latestVisit", "recentVisits", "nextVisit", "firstVisitRow"]);
    expect(derived("contracts")).toEqual(["shippedTotal", "lastShipment", "invoicedTotal", "lastInvoice", "paidTotal", "unpaid", "receivable", "progress", "paidRate", "payDue", "overdueDays", "status", "ledgerRow"]);
  });

  test("every sheet carries a template record named after its key, and its names share that key", () => {
    for (const spec of specs) {
      const record = readRecord(spec.record.value);
      expect(record).toEqual({ template: spec.record.template, role: spec.record.role, version: RECORD_TEMPLATES[spec.record.template as RecordTemplateId].version, key: spec.record.key });
      const recordName = spec.record.role === "main" ? `SP_${spec.record.key}_TEMPLATE` : `SP_${spec.record.key}_TEMPLATE_${spec.record.role.toUpperCase()}`;
      expect(spec.names.map((n) => n.name)).toContain(recordName);
      for (const n of spec.names) expect(n.name.startsWith(`SP_${spec.record.key}_`)).toBe(true);
      for (const t of spec.tables) expect(t.name.startsWith(`SP_${spec.record.key}_`)).toBe(true);
    }
  });

  test("plans name the cells the roll-up reads", () => {
    const names = specs.flatMap((s) => s.names.map((n) => n.name));
    for (const n of ["SP_W1_SALES_TARGET", "SP_W1_CALLS_ACTUAL", "SP_W1_FORECAST", "SP_W1_EXPENSE_TOTAL", "SP_W1_REP", "SP_W1_PERIOD"]) {
      expect(names).toContain(n);
    }
    for (const n of ["SP_M1_KEY_PRODUCTS_TARGET", "SP_M1_FORECAST", "SP_M1_EXPENSE_TOTAL", "SP_C1_ABC_A", "SP_C1_VISIT_C", "SP_K1_AR_DAYS"]) {
      expect(names).toContain(n);
    }
  });

  test("tables never overlap each other or loose cells", () => {
    for (const spec of specs) {
      const taken = new Map<string, string>();
      const claim = (row: number, col: number, owner: string) => {
        const key = `${row}:${col}`;
        expect([key, taken.get(key)]).toEqual([key, undefined]);
        taken.set(key, owner);
      };
      for (const t of spec.tables) {
        const rows = t.rows.length + 1 + (t.showTotals ? 1 : 0);
        for (let r = 0; r < rows; r++) t.columns.forEach((_, c) => claim(t.origin.row + r, t.origin.col + c, t.name));
      }
      for (const c of spec.cells) claim(c.at.row, c.at.col, "cell");
    }
  });
});

describe("free names", () => {
  test("building again into the same workbook picks new keys, tables and sheet names", () => {
    const first = build("zh-CN");
    const second = build("zh-CN", withSpecs(NO_NAMES, first));
    // The log after the register it reads, the ledger after the contracts, the weekly plan and the diary after the log they count.
    expect(second.map((s) => s.record.key)).toEqual(["M2", "C2", "C2", "C2", "K2", "K2", "K2", "Y2", "A2", "A2", "L2", "V2", "W2", "D2"]);
    expect(second[0].name).toBe(`${first[0].name} (2)`);
    const before = new Set(first.flatMap((s) => [...s.names.map((n) => n.name), ...s.tables.map((t) => t.name), s.name.toLowerCase()]));
    for (const s of second) for (const n of [...s.names.map((x) => x.name), ...s.tables.map((t) => t.name), s.name.toLowerCase()]) expect(before.has(n)).toBe(false);
  });

  test("sheet names are cleaned, case-insensitive and at most 31 characters", () => {
    expect(freeSheetName("周计划-张/三-2026W48", [])).toBe("周计划-张-三-2026W48");
    expect(freeSheetName("Weekly", ["WEEKLY", "weekly (2)"])).toBe("Weekly (3)");
    const long = "x".repeat(40);
    expect(freeSheetName(long, [long.slice(0, 31)])).toBe(`${"x".repeat(27)} (2)`);
  });

  test("a long rep name is shortened, never the period, and a character is never split", () => {
    const rep = "Alexandrina-Maximiliana Smithers"; // 32 characters
    expect(freeSheetName(sheetTitle("周计划", rep, "2026W48"), [])).toBe("周计划-Alexandrina-Maximil-2026W48");
    const twenty = "张".repeat(20);
    expect(freeSheetName(sheetTitle("周计划", twenty, "2026W48"), [])).toBe(`周计划-${"张".repeat(19)}-2026W48`);
    expect(freeSheetName(sheetTitle("周计划", twenty, "2026W48"), [`周计划-${"张".repeat(19)}-2026W48`])).toBe(`周计划-${"张".repeat(15)}-2026W48 (2)`);
    // 𠀀 (U+20000, CJK Extension B) is two UTF-16 code units: it is kept whole or dropped whole.
    const wide = "𠀀".repeat(12);
    expect(freeSheetName(sheetTitle("周计划", wide, "2026W48"), [])).toBe(`周计划-${"𠀀".repeat(9)}-2026W48`);
    expect(freeSheetName(sheetTitle("Weekly", "O'Brien" + "x".repeat(30), "2026W48"), [])).toBe(`Weekly-O'Brien${"x".repeat(9)}-2026W48`);
    expect(freeSheetName(sheetTitle("Weekly", "O" + "'".repeat(30), "2026W48"), [])).toBe("Weekly-O-2026W48");
  });

  test("a copied plan sheet's plain name keeps its period when ' (2)' must be added", () => {
    const copied = `周计划-${"张".repeat(19)}-2026W48`;
    expect(freeSheetName(copied, [copied])).toBe(`周计划-${"张".repeat(15)}-2026W48 (2)`);
    const monthly = `Monthly-O'Brien & <Lee>-2026-11`;
    expect(freeSheetName(monthly, [monthly])).toBe(`Monthly-O'Brien & <-2026-11 (2)`);
  });

  test("the plan builders keep the whole period for a 20-character rep name", () => {
    const rep = "欧阳".repeat(10);
    const [weekly] = buildTemplates([{ template: "weekly", options: { rep, year: 2026, week: 48 } }], { locale: "zh-CN", existing: NO_NAMES });
    const [monthly] = buildTemplates([{ template: "monthly", options: { rep, year: 2026, month: 11 } }], { locale: "en-US", existing: NO_NAMES });
    expect(weekly.name.endsWith("-2026W48")).toBe(true);
    expect(monthly.name.endsWith("-2026-11")).toBe(true);
    for (const sheet of [weekly, monthly]) expect(sheet.name.length).toBeLessThanOrEqual(31);
  });

  test("property: any name gives a legal, free sheet name of at most 31 code units that keeps the period", () => {
    const part = fc.string({ unit: "grapheme", maxLength: 40 });
    fc.assert(
      fc.property(fc.constantFrom("周计划", "月计划", "Weekly plan"), part, fc.constantFrom("2026W48", "2026-11", "2026W4"), fc.array(part, { maxLength: 3 }), (prefix, rep, period, others) => {
        const first = freeSheetName(sheetTitle(prefix, rep, period), others);
        const second = freeSheetName(sheetTitle(prefix, rep, period), [...others, first]);
        for (const name of [first, second]) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
          expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          expect(name.replace(/ \(\d+\)$/, "").endsWith(period)).toBe(true);
          expect(name.startsWith(prefix)).toBe(true);
        }
        expect(others.map((o) => o.toLowerCase())).not.toContain(first.toLowerCase());
        expect(second.toLowerCase()).not.toBe(first.toLowerCase());
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (wanted) => {
        const name = freeSheetName(wanted, []);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });

  test("a key is free only if no name or table uses its prefix", () => {
    expect(freeKey(TEMPLATES.weekly, { sheets: [], tables: ["SP_W1_Targets"], names: ["sp_w2_rep"] })).toBe("W3");
  });
});
