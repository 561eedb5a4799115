import type { Locale } from "../../../src/contract/locale";
import type { ExistingNames, TableRow } from "../../../src/spec/sheetSpec";
import { buildWeeklyPlan } from "../../../src/templates/weeklyPlan";
import { buildMonthlyPlan } from "../../../src/templates/monthlyPlan";
import { buildCustomerRegister } from "../../../src/templates/customerRegister";
import { buildContractRegister } from "../../../src/templates/contractRegister";
import { TEMPLATE_IDS, type TemplateId } from "../../../src/templates/registry";
import type { BuildSheets } from "../../../src/writers/office/officeWriter";
import { customerRows } from "../../fixtures/customers";
import { contractRows } from "../../fixtures/contracts";
import { buildContractLedger } from "../../../src/templates/contractLedger";
import { ledgerRows } from "../../fixtures/ledger";
import { buildVisitLog } from "../../../src/templates/visitLog";
import { buildWorkDiary } from "../../../src/templates/workDiary";
import { visitRows } from "../../fixtures/visits";
import { buildAnnualPlan } from "../../../src/templates/annualPlan";
import { sampleAnnualOptions } from "../../fixtures/plans";
import { buildKeyAccounts } from "../../../src/templates/keyAccounts";
import { accountRows } from "../../fixtures/accounts";
import { buildProjectTracker } from "../../../src/templates/projectTracker";
import { projectRows } from "../../fixtures/projects";

/** Every template, each with `rows` filled rows in its growing table, as a writer's build callback. */

export const TEMPLATE_NAMES = TEMPLATE_IDS;
export type TemplateName = TemplateId;

const keyItems = (count: number): TableRow[] =>
  Array.from({ length: count }, (_, i) => ({
    item: `事项${i + 1}`,
    reason: "新客户需求",
    goal: `签约 ${i + 1} 单`,
    approach: "上门拜访",
    support: "样品",
    owner: "张三",
    due: 46350 + (i % 7),
  }));

const keyCustomers = (count: number): TableRow[] =>
  Array.from({ length: count }, (_, i) => ({ customer: `客户${i + 1}有限公司`, target: 10000 * ((i % 9) + 1), plan: "季度回访", owner: "李四" }));

export function templateBuild(name: TemplateName, rows: number, locale: Locale = "zh-CN"): BuildSheets {
  return (existing: ExistingNames) => {
    const ctx = { locale, existing };
    switch (name) {
      case "weekly":
        return buildWeeklyPlan({ rep: "张三", year: 2026, week: 48, keyItems: keyItems(rows), blankRows: 0 }, ctx);
      case "monthly":
        return buildMonthlyPlan({ rep: "张三", year: 2026, month: 11, keyCustomers: keyCustomers(rows), blankRows: 0 }, ctx);
      case "customers":
        return buildCustomerRegister({ rows: customerRows(rows, locale), blankRows: 0 }, ctx);
      case "contracts":
        return buildContractRegister({ rows: contractRows(rows, 2026), blankRows: 0, statsYear: 2026 }, ctx);
      case "ledger":
        return buildContractLedger({ rows: ledgerRows(rows, 50, 2026, locale), blankRows: 0 }, ctx);
      case "visits":
        return buildVisitLog({ rows: visitRows(rows, 50, locale), blankRows: 0 }, ctx);
      case "diary":
        return buildWorkDiary({ reps: Array.from({ length: Math.max(1, Math.ceil(rows / 21)) }, (_, i) => `代表${i + 1}`), year: 2026, month: 11 }, ctx);
      case "annual": {
        // Its growing table is the rep grid: `rows` reps after the sample's three.
        const sample = sampleAnnualOptions("张三");
        return buildAnnualPlan({ ...sample, reps: [...sample.reps, ...Array.from({ length: rows }, (_, i) => ({ rep: `代表${i + 1}`, weight: 1 + (i % 3) }))] }, ctx);
      }
      case "accounts":
        return buildKeyAccounts({ rows: accountRows(rows, locale), blankRows: 0, start: 46143, end: 46218 }, ctx);
      case "projects":
        return buildProjectTracker({ rows: projectRows(rows, locale, 46350), blankRows: 0 }, ctx);
    }
  };
}
