import { serialFromYmd } from "../../src/domain/calendar";
import type { Locale } from "../../src/contract/locale";
import { buildBreakdownSpecs } from "../../src/templates/team";
import { rollupWorkbooks } from "../../src/writers/xlsx/team/rollupFiles";
import { buildTemplates, type SheetSpec, type TableRow, type TemplateRequest } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { templateStrings } from "../../src/templates/strings";
import { writeXlsx } from "../../src/writers/xlsx";
import { projectRows } from "../fixtures/projects";
import { LAST_YEAR_MONTHS, NATIONAL_DAY_2026, sampleAnnualOptions, sampleMonthlyOptions, sampleWeeklyOptions } from "../fixtures/plans";

/**
 * Issue 10, item 6: a fixed corpus of workbooks — every template in both languages, filled and
 * empty, several in one workbook, the breakdown with its plans, and a roll-up — so a refactoring can
 * prove it changed nothing: `corpus.test.ts` writes them again and compares them with the baseline
 * written before the change. Every input is fixed here (no "today"), so the corpus is reproducible.
 */

export interface CorpusEntry {
  readonly name: string;
  /** The builders' output, as the Office writer receives it (absent for the file-level roll-up). */
  readonly specs?: readonly SheetSpec[];
  readonly xlsx: Uint8Array;
}

const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];
const day = (m: number, d: number) => serialFromYmd(2026, m, d);

const customers = (): TableRow[] =>
  Array.from({ length: 12 }, (_, i) => ({
    id: `KH${String(i + 1).padStart(5, "0")}`,
    name: i === 11 ? "客户3有限公司" : `客户${i + 1}有限公司`,
    industry: ["制造", "零售", "医药"][i % 3],
    region: ["华东", "华南", "华北", "西南"][i % 4],
    contact: `联系人${i}`,
    position: "经理",
    phone: i === 10 ? "13800000003" : `1380000000${i % 10}`,
    sales: i % 5 === 4 ? null : [0, 5000, 120000, 400000, 2500000][i % 5] + i * 1000,
    firstContact: day(3, 1 + i),
    lastVisit: i % 4 === 3 ? null : day(11, 1 + i),
    note: i === 0 ? "=不是公式" : null,
  }));

const contracts = (): TableRow[] =>
  Array.from({ length: 12 }, (_, i) => {
    const amount = (i + 1) * 37_000;
    const shipped = [amount, Math.round(amount / 3), 0, Math.round(amount / 2)][i % 4];
    return {
      id: `HT2026${String(i + 1).padStart(4, "0")}`,
      customer: `客户${(i % 5) + 1}有限公司`,
      signed: day(1 + (i % 10), 3 + i),
      amount,
      product: ["设备A", "耗材B", "服务C"][i % 3],
      due: day(2 + (i % 10), 10 + i),
      shipped: i % 4 === 2 ? null : shipped,
      lastShipped: shipped > 0 ? day(3 + (i % 9), 1 + i) : null,
      invoiced: i % 4 === 2 ? null : Math.round(shipped * 0.8),
      paid: i % 4 === 2 ? null : Math.round(shipped * 0.5),
      owner: ["张三", "李四"][i % 2],
      note: null,
    };
  });

/** Ledger events of `contracts()`: every type, a discounted invoice, a payment without quantity, reviewers missing or the handler. */
const ledger = (locale: Locale): TableRow[] => {
  const [ship, ret, invoice, payment] = locale === "zh-CN" ? ["发货", "退货", "开票", "回款"] : ["Shipment", "Return", "Invoice", "Payment"];
  return [
    { date: day(11, 2), contract: "HT20260001", type: ship, product: "设备A", quantity: 10, price: 3700, amount: 37000, document: "FH0001", tracking: "SF1000001", handler: "王内勤", reviewer: "钱主管" },
    { date: day(11, 3), contract: "HT20260001", type: invoice, product: "设备A", quantity: 10, price: 3700, amount: 36260, document: "FP0001", handler: "王内勤", reviewer: "" },
    { date: day(11, 5), contract: "HT20260002", type: ship, product: "耗材B", quantity: 2.5, price: 1000, amount: 2500, document: "FH0002", handler: "赵内勤", reviewer: "赵内勤" },
    { date: day(11, 6), contract: "HT20260002", type: ret, product: "耗材B", quantity: 0.5, price: 1000, amount: 500, document: "TH0001", handler: "赵内勤", reviewer: "钱主管", note: "破损" },
    { date: day(11, 20), contract: "HT20260001", type: payment, amount: 20000, document: "HD0001", handler: "王内勤", reviewer: "孙经理" },
  ];
};

const keyCustomers: TableRow[] = [
  { customer: "客户1有限公司", tier: "A", target: 300000, plan: "季度回访", owner: "张三" },
  { customer: "客户2有限公司", tier: "B", target: 120000, plan: "新品推介", owner: "李四" },
];

/**
 * The builders' default blank rows when the baseline was written (weekly 5, monthly 5, registers 20),
 * passed explicitly since the registry's defaults became the pane's (5/10/50/50): the corpus proves the
 * same inputs still give the same sheets.
 */
const BASELINE_BLANK_ROWS = { weekly: 5, monthly: 5, customers: 20, contracts: 20 } as const;

/** The requests of the corpus: `filled` carries every option a front door can pass, `empty` the fewest. */
function requests(locale: Locale): Record<string, TemplateRequest> {
  return {
    "weekly-filled": {
      template: "weekly",
      options: { ...sampleWeeklyOptions(locale, "张三", "拿下华东区总代"), team: "华东一组", approver: "王经理", daily: [{ customers: "客户1", work: "拜访", expected: 5000 }], blankRows: BASELINE_BLANK_ROWS.weekly },
    },
    "weekly-empty": { template: "weekly", options: { rep: "", year: 2026, week: 1, blankRows: BASELINE_BLANK_ROWS.weekly } },
    "monthly-filled": { template: "monthly", options: { ...sampleMonthlyOptions("李四"), productRatios: [1, 1, 1], keyCustomers, expenses: [{ category: "差旅", amount: 300 }], summary: "总结", issues: "问题", blankRows: BASELINE_BLANK_ROWS.monthly } },
    "monthly-empty": { template: "monthly", options: { rep: "", year: 2026, month: 12, blankRows: BASELINE_BLANK_ROWS.monthly } },
    "customers-filled": { template: "customers", options: { rows: customers(), blankRows: 3 } },
    "customers-empty": { template: "customers", options: { blankRows: BASELINE_BLANK_ROWS.customers } },
    "contracts-filled": { template: "contracts", options: { rows: contracts(), blankRows: 2, statsYear: 2026 } },
    "contracts-empty": { template: "contracts", options: { statsYear: 2025, blankRows: BASELINE_BLANK_ROWS.contracts } },
  };
}

const visits = (): TableRow[] =>
  Array.from({ length: 10 }, (_, i) => ({
    date: day(11, 2 + Math.floor(i / 3)),
    rep: ["张三", "李四"][i % 2],
    customerId: i === 7 ? null : `KH${String((i % 4) + 1).padStart(5, "0")}`,
    method: ["上门", "电话", "微信"][i % 3],
    purpose: "回访",
    business: i % 2 === 0 ? "经营正常" : null,
    stock: i % 3 === 0 ? "库存约 10 天" : null,
    needs: "样品",
    result: "有意向",
    nextStep: "寄报价单",
    nextContact: i % 2 === 0 ? day(11, 20 + i) : null,
  }));

/** The visit log (issue 12), added after the four templates' entries so theirs stay as they were. */
function visitRequests(): Record<string, TemplateRequest[]> {
  return {
    "visits-filled": [{ template: "visits", options: { rows: visits(), blankRows: 2 } }],
    "visits-empty": [{ template: "visits", options: { blankRows: 20 } }],
    "visits-with-register": [{ template: "customers", options: { rows: customers(), blankRows: 1 } }, { template: "visits", options: { rows: visits(), blankRows: 1 } }],
  };
}

/** The work diary (issue 12 item 4): alone, before any log; and after a log, with a weekly plan whose counted actuals read it. */
function diaryRequests(locale: Locale): Record<string, TemplateRequest[]> {
  const diary: TemplateRequest = { template: "diary", options: { reps: ["张三", "李四"], year: 2026, month: 11, calendar: NATIONAL_DAY_2026 } };
  return {
    "diary-alone": [diary],
    "diary-with-log": [diary, requests(locale)["weekly-filled"], { template: "visits", options: { rows: visits(), blankRows: 1 } }],
  };
}

/** The annual plan (issue 14): filled (reps with a hold and a start, a fixed month, expenses), by working days in units of 1 000 without reps, and beside a monthly plan. */
function annualRequests(locale: Locale): Record<string, TemplateRequest[]> {
  const filled: TemplateRequest = { template: "annual", options: sampleAnnualOptions("张三") };
  return {
    "annual-filled": [filled],
    "annual-workdays": [{ template: "annual", options: { year: 2027, lastYear: [...LAST_YEAR_MONTHS], growth: 0.3, split: "workdays", unit: 1000, reps: [] } }],
    "annual-with-monthly": [requests(locale)["monthly-filled"], filled],
  };
}

/**
 * The key-account plan (issue 15 item 2): blank, and seed 004's campaign (2008-05-01 to 07-15, 黄昭祥 coordinating)
 * with a few of its units — the two chambers of commerce of its first round, a factory, a tax bureau, a school.
 */
function accountsRequests(locale: Locale): Record<string, TemplateRequest[]> {
  const a = templateStrings(locale).accounts;
  const [chamber, enterprise, institution] = a.types;
  const [high, medium, low] = a.levels;
  const [initiator, , influencer, decider] = a.roles;
  const [round1, round2, , , signed] = a.stages;
  const unit = (name: string, type: string, staff: number, power: string, intent: string, role: string, stage: string, sold: number | null, amount: number | null, lastVisit: number | null) => ({
    region: "芦淞区", unit: name, type, staff, power, intent, keyPerson: `${name}联系人`, title: "办公室主任", role, contact: "13912345678", stage, targetUnits: 10, soldUnits: sold, dealAmount: amount, lastVisit, note: null,
  });
  const rows: TableRow[] = [
    unit("泉州商会", chamber, 120, high, high, decider, signed, 9, 3_820_468.2, serialFromYmd(2008, 7, 8)),
    unit("温州商会", chamber, 90, high, medium, influencer, round2, 2, 884_000, serialFromYmd(2008, 6, 20)),
    unit("株洲机械厂", enterprise, 2400, medium, medium, initiator, round1, null, null, serialFromYmd(2008, 5, 28)),
    unit("芦淞区税务局", institution, 160, medium, low, influencer, round1, null, null, null),
    unit("株洲二中", institution, 210, low, high, decider, round2, 1, 442_000, serialFromYmd(2008, 6, 30)),
  ];
  return {
    "accounts-empty": [{ template: "accounts", options: { blankRows: 3 } }],
    "accounts-filled": [
      {
        template: "accounts",
        options: {
          start: serialFromYmd(2008, 5, 1),
          end: serialFromYmd(2008, 7, 15),
          lead: "黄昭祥",
          registered: 412,
          sincere: 130,
          actuals: [14_250.5, 5_600, 18_000, null, 3_200, 800],
          scheduleStates: [a.scheduleStates[2], a.scheduleStates[2], a.scheduleStates[1], null, null, null, null],
          rows,
          blankRows: 2,
        },
      },
    ],
  };
}

/** The project tracker (issue 15): realistic projects in the locale's words on a fixed day, blank, and beside a contract register its 合同编号 lists. */
function projectRequests(locale: Locale): Record<string, TemplateRequest[]> {
  const filled: TemplateRequest = { template: "projects", options: { rows: projectRows(24, locale, day(11, 28)), blankRows: 2 } };
  return {
    "projects-filled": [filled],
    "projects-empty": [{ template: "projects", options: { blankRows: 5 } }],
    "projects-with-contracts": [filled, requests(locale)["contracts-filled"]],
  };
}

async function repPlan(locale: Locale, rep: string, index: number): Promise<Uint8Array> {
  const request: TemplateRequest =
    index % 2 === 0
      ? { template: "weekly", options: { ...sampleWeeklyOptions(locale, rep, `事项${index}`), blankRows: BASELINE_BLANK_ROWS.weekly } }
      : { template: "monthly", options: { ...sampleMonthlyOptions(rep), blankRows: BASELINE_BLANK_ROWS.monthly } };
  return writeXlsx(buildTemplates([request], { locale, existing: NO_NAMES }));
}

export async function buildCorpus(): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  const add = async (name: string, specs: readonly SheetSpec[]) => entries.push({ name, specs, xlsx: await writeXlsx(specs) });
  for (const locale of LOCALES) {
    const all = requests(locale);
    for (const [name, request] of Object.entries(all)) await add(`${locale}/${name}`, buildTemplates([request], { locale, existing: NO_NAMES }));
    await add(`${locale}/all-in-one`, buildTemplates(Object.values(all), { locale, existing: NO_NAMES }));
    // Issue 12: the ledger alone (合同编号 plain text), and asked before a register it then lists.
    await add(`${locale}/ledger-empty`, buildTemplates([{ template: "ledger", options: { blankRows: 3 } }], { locale, existing: NO_NAMES }));
    await add(
      `${locale}/ledger-with-register`,
      buildTemplates([{ template: "ledger", options: { rows: ledger(locale), blankRows: 2 } }, all["contracts-filled"]], { locale, existing: NO_NAMES }),
    );
    for (const [name, list] of Object.entries(visitRequests())) await add(`${locale}/${name}`, buildTemplates(list, { locale, existing: NO_NAMES }));
    for (const [name, list] of Object.entries(diaryRequests(locale))) await add(`${locale}/${name}`, buildTemplates(list, { locale, existing: NO_NAMES }));
    for (const [name, list] of Object.entries(annualRequests(locale))) await add(`${locale}/${name}`, buildTemplates(list, { locale, existing: NO_NAMES }));
    for (const [name, list] of Object.entries(accountsRequests(locale))) await add(`${locale}/${name}`, buildTemplates(list, { locale, existing: NO_NAMES }));
    for (const [name, list] of Object.entries(projectRequests(locale))) await add(`${locale}/${name}`, buildTemplates(list, { locale, existing: NO_NAMES }));
    await add(
      `${locale}/breakdown-weekly`,
      buildBreakdownSpecs(
        { target: 1_000_003, period: { kind: "month", year: 2026, month: 10 }, reps: [{ rep: "张三", weight: 2 }, { rep: "李四", weight: 1 }], productRatios: [2, 3, 1], calendar: NATIONAL_DAY_2026 },
        { template: "weekly", year: 2026, week: 40 },
        { locale, existing: NO_NAMES },
        { team: "华东一组", calendar: NATIONAL_DAY_2026, blankRows: BASELINE_BLANK_ROWS.weekly },
      ),
    );
    await add(
      `${locale}/breakdown-year`,
      buildBreakdownSpecs(
        { target: "1,200,000", period: { kind: "year", year: 2027 }, reps: [{ rep: "王五", weight: 1 }, { rep: "赵六", weight: 3 }] },
        { template: "monthly", month: 3 },
        { locale, existing: NO_NAMES },
        { blankRows: BASELINE_BLANK_ROWS.monthly },
      ),
    );
    await add(`${locale}/breakdown-only`, buildBreakdownSpecs({ target: 500_000, period: { kind: "month", year: 2026, month: 12 }, reps: [{ rep: "张三", weight: 1 }] }, undefined, { locale, existing: NO_NAMES }));
    const reps = await Promise.all(["代表01", "代表02", "代表03"].map(async (rep, i) => ({ file: `${rep}.xlsx`, data: await repPlan(locale, rep, i) })));
    const rollup = await rollupWorkbooks(undefined, reps, locale);
    entries.push({ name: `${locale}/rollup`, xlsx: rollup.data });
    const again = await rollupWorkbooks(rollup.data, [{ file: "代表04.xlsx", data: await repPlan(locale, "代表04", 3) }], locale);
    entries.push({ name: `${locale}/rollup-again`, xlsx: again.data });
  }
  return entries;
}
