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
  readonly holidays: string;
  readonly blankRows: string;
  readonly sheetLocale: Locale;
}

export type FieldName = Exclude<keyof FormValues, "sheetLocale">;

/** The options each template needs, in the order the form shows them; nothing else is shown. */
export const TEMPLATE_FIELDS: Readonly<Record<TemplateId, readonly FieldName[]>> = {
  weekly: ["rep", "team", "approver", "week", "holidays", "blankRows"],
  monthly: ["rep", "month", "holidays", "blankRows"],
  customers: ["blankRows"],
  contracts: ["statsYear", "blankRows"],
};
