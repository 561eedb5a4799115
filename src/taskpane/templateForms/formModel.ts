import type { Locale } from "../../contract/locale";
import type { TemplateRequest } from "../../templates";
import type { TemplateId } from "../../templates/registry";
import type { WorkWeekKind } from "./periodCalendar";

/**
 * What the user types into a template's options form. Everything is kept as the text the user typed,
 * so a half-typed week ("2026-W") stays on screen while the validation message explains it.
 */
export interface FormValues {
  readonly rep: string;
  readonly team: string;
  readonly approver: string;
  readonly week: string;
  readonly month: string;
  readonly statsYear: string;
  /** The user's own holiday lines, laid over the built-in calendar when it is on. */
  readonly holidays: string;
  /** Whether the built-in China calendar (official holidays and 调休) is used; off means plain Monday–Friday. */
  readonly chinaCalendar: boolean;
  /** 双休, 单休 or 大小周: the days a week works before holidays. */
  readonly workWeek: WorkWeekKind;
  /** For 大小周: any date in a long week (Saturday worked), as typed. */
  readonly longWeek: string;
  readonly blankRows: string;
  /** 年度销售计划: the plan's year. */
  readonly year: string;
  /** 年度销售计划: last year's 12 months as pasted or typed (teamForms/boxes.ts). */
  readonly lastYear: string;
  /** 年度销售计划: "20%", "0.2" or "20". */
  readonly growth: string;
  /** 年度销售计划: the target typed by hand; blank for last year grown by the rate. */
  readonly annualTarget: string;
  /** 年度销售计划: months by last year's shape or by working days. */
  readonly split: "lastYear" | "workdays";
  /** 年度销售计划: one rep per line, as the breakdown's box. */
  readonly reps: string;
  /** 年度销售计划: months fixed by hand, one `month, amount` per line. */
  readonly monthHolds: string;
  /** 年度销售计划: the A:B:C product ratio. */
  readonly ratios: string;
  /** 年度销售计划: the expense budget's cap as a share of the target ("2%"). */
  readonly expenseCap: string;
  /** 年度销售计划: the whole units of every amount, "1" to "10000". */
  readonly unit: string;
  readonly sheetLocale: Locale;
}

export type FieldName = Exclude<keyof FormValues, "sheetLocale" | "chinaCalendar" | "workWeek">;

/** A field a template lists. The 大小周 date is not one: it belongs to the calendar block and shows with it. */
export type ListedField = Exclude<FieldName, "longWeek">;

/**
 * The options each template needs, in the order the form shows them; nothing else is shown. "holidays"
 * stands for the whole calendar block: the work-week and China calendar choices, the 大小周 date and the
 * holiday box.
 */
export const TEMPLATE_FIELDS: Readonly<Record<TemplateId, readonly ListedField[]>> = {
  weekly: ["rep", "team", "approver", "week", "holidays", "blankRows"],
  monthly: ["rep", "month", "holidays", "blankRows"],
  customers: ["blankRows"],
  contracts: ["statsYear", "blankRows"],
  ledger: ["blankRows"],
  visits: ["blankRows"],
  projects: ["blankRows"],
  diary: ["rep", "month", "holidays"],
  annual: ["year", "lastYear", "growth", "annualTarget", "split", "reps", "monthHolds", "ratios", "expenseCap", "unit", "holidays"],
  accounts: ["blankRows"],
  accountVisits: ["blankRows"],
  groupDeals: ["blankRows"],
};

/**
 * The template a form offers to write beside its own (a box, ticked at first), only while the workbook
 * has none (`onlyIfAbsent`). A customer register written in one request with the workbook's first visit
 * log lists each customer's first row in it, which the log's 新/老客户 reads (`buildCustomerRegister`).
 */
export const COMPANIONS: Partial<Readonly<Record<TemplateId, TemplateRequest>>> = {
  customers: { template: "visits", options: {}, onlyIfAbsent: true },
};
