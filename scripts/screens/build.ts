/**
 * Writes the five sample workbooks that `scripts/render-screens.mjs` prints to docs/screens/*.png:
 * each template filled with realistic zh-CN data (the deterministic fixtures in test/fixtures plus
 * hand-written plan figures), as of a fixed day so every run gives the same pictures.
 *
 * Usage (after compiling): node build.js <outDir> — writes one .xlsx per picture: weekly, monthly, customers, contracts, ledger, visits, diary, annual, projects, accounts, accountVisits, groupDeals.
 *
 * Only the rendered copies are adjusted, never the templates: TODAY() is pinned to AS_OF (the
 * pictures do not show formulas, only what a user would see on that day), and some columns are
 * hidden (the plans' roll-up readout, the registers' contact details) so the rest prints legibly,
 * and the first sheet prints on A3 portrait so a whole plan fits on page 1.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { monthWeeks, PLAIN_WEEKS, serialFromYmd, workingDates } from "../../src/domain/calendar";
import { templateStrings } from "../../src/templates/strings";
import { buildTemplates, type SheetSpec, type TemplateRequest } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { contractRows } from "../../test/fixtures/contracts";
import { customerRows } from "../../test/fixtures/customers";
import { ledgerRows } from "../../test/fixtures/ledger";
import { projectRows } from "../../test/fixtures/projects";
import { visitRows } from "../../test/fixtures/visits";
import { accountRows } from "../../test/fixtures/accounts";

/** The day the pictures show: Friday of 2026-W48. */
const AS_OF = { year: 2026, month: 11, day: 27 };
const AS_OF_MS = Date.UTC(AS_OF.year, AS_OF.month - 1, AS_OF.day, 9);

// The fixtures date their rows relative to "today" (new Date() when called): pin it first.
const RealDate = Date;
class PinnedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(AS_OF_MS);
    else super(...(args as [number]));
  }
  static now(): number {
    return AS_OF_MS;
  }
}
globalThis.Date = PinnedDate as DateConstructor;


const locale = "zh-CN" as const;
const s = templateStrings(locale);
const today = serialFromYmd(AS_OF.year, AS_OF.month, AS_OF.day);
const customers = customerRows(25, locale);
const customerName = (i: number): string => customers[i].name as string;

const [notStarted, inProgress, done] = s.weekly.dailyStates;
const weekly: TemplateRequest = {
  template: "weekly",
  options: {
    rep: "张三",
    team: "华东销售一部",
    approver: "李经理",
    year: 2026,
    week: 48,
    targets: {
      SALES: { target: 200000, actual: 168000, lastWeek: 185000 },
      COLLECTION: { target: 150000, actual: 162000, lastWeek: 120000 },
      NEW_CUSTOMERS: { target: 3, actual: 2, lastWeek: 1 },
      VISITS: { target: 12, actual: 11, lastWeek: 10 },
      CALLS: { target: 40, actual: 46, lastWeek: 38 },
    },
    daily: [
      { customers: customerName(0), work: "拜访采购部,确认年度框架协议", expected: 50000, result: "已签框架协议", status: done },
      { customers: customerName(2), work: "新品演示,报价", expected: 30000, result: "客户要求二次报价", status: done },
      { customers: customerName(5), work: "催收 10 月货款", expected: 80000, result: "回款 8 万", status: done },
      { customers: customerName(7), work: "技术交流会", expected: 20000, result: "约下周试用", status: inProgress },
      { customers: customerName(9), work: "合同评审、安排发货", expected: 40000, result: null, status: notStarted },
    ],
    keyItems: [
      { category: "回款计划", item: `${customerName(5)} 逾期款`, owner: "张三", due: today + 3 },
      { category: "新增", item: "展会线索跟进", reason: "11 月展会新增 18 条线索", goal: "转化 3 家", approach: "电话初筛后上门", support: "样品 5 套", owner: "张三", due: today + 10 },
    ],
    blankRows: 0,
    expenses: [
      { category: "差旅", amount: 1800, note: "苏州 2 天" },
      { category: "招待", amount: 1200, note: "客户午餐 2 次" },
      { category: "交通", amount: 360, note: null },
      { category: "礼品", amount: 600, note: "年底拜访伴手礼" },
    ],
    forecast: 220000,
    issues: "两家客户年底预算收紧,需公司支持阶梯价格政策。",
  },
};

const weeks = monthWeeks(2026, 11, PLAIN_WEEKS);
const weekActuals = [186000, 204000, 178000, 84000].slice(0, weeks.length);
const monthly: TemplateRequest = {
  template: "monthly",
  options: {
    rep: "张三",
    year: 2026,
    month: 11,
    targets: {
      SALES: { target: 800000, actual: 652000 },
      COLLECTION: { target: 600000, actual: 615000 },
      NEW_CUSTOMERS: { target: 10, actual: 7 },
      KEY_PRODUCTS: { target: 300000, actual: 210000 },
    },
    weekActuals,
    productActuals: [240000, 302000, 110000],
    keyCustomers: [
      { customer: customerName(0), tier: "A", target: 200000, plan: "签年度框架协议,锁定 Q1 订单", owner: "张三", review: "已报主管" },
      { customer: customerName(5), tier: "A", target: 150000, plan: "清理逾期款后恢复供货", owner: "张三", review: "未开始" },
      { customer: customerName(2), tier: "B", target: 80000, plan: "新品试用转正式订单", owner: "李四", review: "未开始" },
    ],
    keyWork: [
      { item: "年度框架协议", goal: "锁定 Q1 订单 ¥60 万", approach: "两轮报价后由经理参与谈判", support: "法务审合同", owner: "张三", due: serialFromYmd(2026, 11, 20), status: "进行中" },
      { item: "展会线索回访", goal: "转化 3 家新客户", approach: "按需求等级分批拜访", support: "样品 20 套", owner: "李四", due: serialFromYmd(2026, 11, 30), status: "未开始" },
    ],
    collections: [
      { customer: customerName(5), contract: "HT20260005", receivable: 180000, date: serialFromYmd(2026, 11, 15), planned: 120000, actual: 120000, owner: "张三" },
      { customer: customerName(0), contract: "HT20260001", receivable: 260000, date: serialFromYmd(2026, 11, 25), planned: 150000, actual: 95000, owner: "张三" },
      { customer: customerName(2), contract: "HT20260008", receivable: 64000, date: serialFromYmd(2026, 11, 30), planned: 40000, owner: "李四" },
    ],
    vip: [
      { customer: customerName(2), current: "B", target: "A", measures: "季度生意回顾;新品优先供货", owner: "李四", due: serialFromYmd(2026, 12, 31), status: "进行中" },
    ],
    blankRows: 0,
    expenses: [
      { category: "差旅", amount: 6500, note: "华东 4 次出差" },
      { category: "招待", amount: 4000, note: null },
      { category: "交通", amount: 1500, note: null },
      { category: "广告物料", amount: 3000, note: "展会物料" },
    ],
    summary: "销售额完成 82%,回款超额;B 类上量产品带动增长,A 类待框架协议落地。",
    forecast: 850000,
    issues: "新客户开发偏慢:展会线索转化需要样品支持。",
  },
};

const registers: TemplateRequest[] = [
  { template: "customers", options: { rows: customers, blankRows: 0 } },
  { template: "contracts", options: { rows: contractRows(15, 2026), blankRows: 0, statsYear: 2026 } },
  // A ledger is kept in date order.
  { template: "ledger", options: { rows: ledgerRows(20, 15, 2026, locale).sort((a, b) => Number(a.date) - Number(b.date)), blankRows: 0 } },
  { template: "projects", options: { rows: projectRows(24, locale, today), blankRows: 0 } },
];

/** Next year's plan as drawn up in November: this year's months, 20 % growth, four reps (one starting in July), a budget at seed 003's 2 %. */
const annual: TemplateRequest = {
  template: "annual",
  options: {
    year: 2027,
    lastYear: [820_000, 610_000, 905_000, 930_000, 980_000, 1_010_000, 870_000, 860_000, 1_050_000, 1_120_000, 1_240_000, 1_480_000],
    growth: "20%",
    reps: [
      { rep: "张三", weight: 4 },
      { rep: "李四", weight: 3 },
      { rep: "王五", weight: 2 },
      { rep: "赵六", weight: 2, start: 7 },
    ],
    calendar: PLAIN_WEEKS,
    expenses: [
      { item: "工资", budget: 150_000 },
      { item: "差旅", budget: 60_000 },
      { item: "管理", budget: 20_000 },
      { item: "培训", budget: 15_000 },
      { item: "招待", budget: 25_000 },
      { item: "广告物料", budget: 10_000 },
      { item: "其他", budget: 5_000 },
    ],
  },
};

/** A key-account campaign under way: started 2026-11-02, its units list with two rounds done, part of the budget spent. */
const accounts: TemplateRequest = {
  template: "accounts",
  options: {
    start: serialFromYmd(2026, 11, 2),
    end: serialFromYmd(2027, 1, 15),
    lead: "黄昭祥",
    registered: 236,
    sincere: 61,
    actuals: [9_800, 2_350, 8_600, 1_900, 2_400, null],
    scheduleStates: [2, 2, 2, 1, 1, 0, 0].map((i) => s.accounts.scheduleStates[i]),
    rows: accountRows(18, locale),
    blankRows: 0,
  },
};

/** Columns (1-based, as in the sheet XML) each picture hides so the rest prints at a legible scale. */
const HIDDEN: Record<string, readonly number[]> = {
  // 阶段开始, 丢单原因, 合同编号, 预付款比例, 预付款到账日期, 计划验收日期, 需高层支持, 下一步, 备注 (columns B–H, above the
  // table, hold the stage words: none of them is hidden)
  projects: [10, 15, 16, 17, 19, 20, 26, 27, 28],
  // The plans' roll-up readout (汇总接口, I:L) beside the form: it only feeds the team roll-up.
  weekly: [9, 10, 11, 12],
  monthly: [9, 10, 11, 12],
  // 行业, 客户来源, 联系人, 职务, 电话, 地址, 付款情况, 首次接触日期, 备注
  customers: [3, 5, 6, 7, 8, 9, 21, 23, 28],
  // 产品/项目, the five 期初 columns, 已开票金额, 最近开票日期, 负责人, 备注
  contracts: [5, 9, 10, 11, 12, 13, 16, 17, 26, 27],
  // 物流单号, 备注
  ledger: [9, 12],
  // 记录首行, 记录末行: the day's rows in the log, which only the counts read
  diary: [9, 10],
  // 主营业务, 办公环境, 居住环境, 是否建房, 私家车, 接受区域, 推广地点, 内部网站/刊物, 近期活动及时间, 备注
  accountVisits: [7, 9, 10, 11, 12, 16, 19, 21, 22, 24],
  // 备注, 计入门槛套数, 单位首行, 首行合计: the helper columns only 单位合计套数 reads
  groupDeals: [19, 20, 21, 22],
};

/**
 * Seed 004's campaign as of its second round: three units visited in turn, most visits also in the visit log
 * (the log's sheet comes second), and the deals of the first unit, which has reached the 9 homes of the group discount.
 */
function keyAccountBooks(): { visits: SheetSpec[]; deals: SheetSpec[] } {
  const units = ["泉州商会", "温州商会", "株洲机械厂"];
  const a = s.accountVisits;
  const start = serialFromYmd(2026, 11, 2);
  const reports = Array.from({ length: 9 }, (_, i) => ({
    unit: units[i % 3],
    date: start + 3 * i,
    visitor: ["黄昭祥", "刘洋"][i % 2],
    staff: [320, 180, 1500][i % 3],
    income: [120000, 90000, 70000][i % 3],
    industry: ["商会", "商会", "制造业"][i % 3],
    needs: ["改善型三房", "首次置业", "为子女购房"][i % 3],
    intent: a.levels[i % 3 === 2 ? 1 : 0],
    power: a.levels[i % 3 === 1 ? 1 : 0],
    price: "3400元/㎡以内",
    focus: ["价格", "学区", "交通"][i % 3],
    channel: ["产品说明会", "资料架", "内部通知"][i % 3],
    nextStep: ["约产品说明会", "送资料", "约看样板房"][i % 3],
  }));
  const log = reports.filter((_, i) => i !== 4).map((r) => ({ date: r.date, rep: r.visitor, customerName: r.unit, method: s.visits.methods[0], purpose: "拜访关键人物", result: "有意向" }));
  const visitSpecs = buildTemplates([{ template: "visits", options: { rows: log, blankRows: 0 } }, { template: "accountVisits", options: { rows: reports, blankRows: 0 } }], { locale, existing: { sheets: [], tables: [], names: [] } });
  const [, pledge, signed] = s.groupDeals.statuses;
  const deals = Array.from({ length: 12 }, (_, i) => ({
    unit: i < 9 ? units[0] : units[1 + (i % 2)],
    customer: ["王先生", "李女士", "张先生", "赵女士", "陈先生", "刘女士"][i % 6],
    units: 1,
    area: i === 0 ? 130 : [96.5, 118.2, 143.8][i % 3],
    price: [3400, 3450, 3380][i % 3],
    keyPerson: i < 9 ? "王主席" : "李主任",
    status: i % 4 === 3 ? pledge : signed,
    signed: i % 4 === 3 ? null : start + 2 * i,
  }));
  const dealSpecs = buildTemplates([{ template: "groupDeals", options: { rows: deals, blankRows: 0 } }], { locale, existing: { sheets: [], tables: [], names: [] } });
  return { visits: [...visitSpecs.filter((x) => x.record.template === "accountVisits"), ...visitSpecs.filter((x) => x.record.template !== "accountVisits")], deals: dealSpecs };
}

/** The visit log of the last three days beside the register it picks IDs from; the log's sheet printed first. */
function visitLog(): SheetSpec[] {
  const visits = visitRows(27, 25, locale).map((row, i) => ({ ...row, date: today - 2 + Math.floor(i / 9), nextContact: typeof row.nextContact === "number" ? today + (i % 7) + 1 : null }));
  const specs = buildTemplates([{ template: "customers", options: { rows: customers, blankRows: 0 } }, { template: "visits", options: { rows: visits, blankRows: 0 } }], { locale, existing: { sheets: [], tables: [], names: [] } });
  return [...specs.filter((s) => s.record.template === "visits"), ...specs.filter((s) => s.record.template !== "visits")];
}

/**
 * November's diary of two reps over their visit log up to AS_OF: each working day a few contacts, every
 * third day of 张三's the full 2-3-4 (2 first contacts, 3 return visits, one at a meeting, 4 calls).
 */
function diaryBook(): SheetSpec[] {
  const [visit, phone, wechat, meeting] = s.visits.methods;
  const reps = ["张三", "李四"];
  let next = 1;
  const fresh = (): string => `KH${String(next++).padStart(5, "0")}`;
  const seen: string[] = [];
  const row = (date: number, rep: string, method: string, customerId = seen.length > 3 ? seen[(date + next) % seen.length] : fresh()) => {
    if (!seen.includes(customerId)) seen.push(customerId);
    return { date, rep, customerId, method, purpose: "回访", result: "有意向" };
  };
  const visits = workingDates(serialFromYmd(2026, 11, 1), today, PLAIN_WEEKS).flatMap((date, day) =>
    reps.flatMap((rep, r) => {
      const full = r === 0 && day % 3 === 0;
      return [
        ...Array.from({ length: full ? 2 : 1 }, () => row(date, rep, visit, fresh())),
        ...Array.from({ length: full ? 3 : 1 + ((day + r) % 3) }, (_, i) => row(date, rep, i === 1 ? meeting : visit)),
        ...Array.from({ length: full ? 4 : 2 + ((day + r) % 3) }, (_, i) => row(date, rep, i % 2 === 0 ? phone : wechat)),
      ];
    }),
  );
  const specs = buildTemplates(
    [{ template: "visits", options: { rows: visits, blankRows: 0 } }, { template: "diary", options: { reps, year: 2026, month: 11, calendar: PLAIN_WEEKS } }],
    { locale, existing: { sheets: [], tables: [], names: [] } },
  );
  return [...specs.filter((x) => x.record.template === "diary"), ...specs.filter((x) => x.record.template !== "diary")];
}

/** Pins TODAY() in every formula; prints the first sheet on A3 portrait with the listed columns hidden. */
async function adjust(bytes: Uint8Array, hidden: readonly number[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const pinned = `DATE(${AS_OF.year},${AS_OF.month},${AS_OF.day})`;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/(worksheets|tables)\/[^/]+\.xml$/.test(p))) {
    let xml = await zip.file(path)!.async("string");
    xml = xml.replace(/TODAY\(\)/g, pinned);
    // A3 portrait is as wide as A4 landscape (same fit-to-width scale) but tall enough for a whole plan.
    if (path === "xl/worksheets/sheet1.xml") xml = xml.replace(/<pageSetup paperSize="9" orientation="landscape"/, '<pageSetup paperSize="8" orientation="portrait"');
    if (path === "xl/worksheets/sheet1.xml" && hidden.length > 0) {
      xml = xml.replace(/<cols>([\s\S]*?)<\/cols>/, (_, cols: string) => {
        // Split ranges into single columns so each can be hidden on its own.
        const single = cols.replace(/<col min="(\d+)" max="(\d+)"([^>]*?)\/>/g, (__, min: string, max: string, rest: string) =>
          Array.from({ length: Number(max) - Number(min) + 1 }, (___, k) => `<col min="${Number(min) + k}" max="${Number(min) + k}"${rest}/>`).join(""),
        );
        return `<cols>${single.replace(/<col min="(\d+)"([^>]*?)\/>/g, (tag: string, min: string, rest: string) =>
          hidden.includes(Number(min)) ? `<col min="${min}"${rest} hidden="1"/>` : tag,
        )}</cols>`;
      });
    }
    zip.file(path, xml);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function main(): Promise<void> {
  const outDir = process.argv[2];
  if (!outDir) throw new Error("usage: node build.js <outDir>");
  mkdirSync(outDir, { recursive: true });
  for (const request of [weekly, monthly, ...registers, annual, accounts]) {
    const specs: SheetSpec[] = buildTemplates([request], { locale, existing: { sheets: [], tables: [], names: [] } });
    const bytes = await adjust(await writeXlsx(specs), HIDDEN[request.template] ?? []);
    writeFileSync(join(outDir, `${request.template}.xlsx`), bytes);
  }
  writeFileSync(join(outDir, "visits.xlsx"), await adjust(await writeXlsx(visitLog()), []));
  writeFileSync(join(outDir, "diary.xlsx"), await adjust(await writeXlsx(diaryBook()), HIDDEN.diary));
  const keyAccounts = keyAccountBooks();
  writeFileSync(join(outDir, "accountVisits.xlsx"), await adjust(await writeXlsx(keyAccounts.visits), HIDDEN.accountVisits));
  writeFileSync(join(outDir, "groupDeals.xlsx"), await adjust(await writeXlsx(keyAccounts.deals), HIDDEN.groupDeals));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
