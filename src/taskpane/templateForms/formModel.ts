import type { Locale } from "../../contract/locale";
import type { TemplateId } from "../../templates/registry";

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
  readonly blankRows: string;
  readonly sheetLocale: Locale;
}

export type FieldName = Exclude<keyof FormValues, "sheetLocale" | "chinaCalendar">;

/** The options each template needs, in the order the form shows them; nothing else is shown. */
export const TEMPLATE_FIELDS: Readonly<Record<TemplateId, readonly FieldName[]>> = {
  weekly: ["rep", "team", "approver", "week", "holidays", "blankRows"],
  monthly: ["rep", "month", "holidays", "blankRows"],
  customers: ["blankRows"],
  contracts: ["statsYear", "blankRows"],
};
