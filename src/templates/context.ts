import type { Locale } from "../contract/locale";
import { templateStrings, type TemplateStrings } from "./strings";
import { columnFactory, validations, type Columns } from "./columns";
import type { ExistingNames } from "../spec/sheetSpec";
import type { TemplateId } from "./registry";

/** What every builder receives besides its own options. */
export interface BuildContext {
  readonly locale: Locale;
  /** The target workbook's names, so the builder can pick free ones without touching the host. */
  readonly existing: ExistingNames;
  /**
   * The templates asked for in the same request (`buildTemplates`), so that a builder can give what one built
   * after it will read: the customer register lists first visits only for a visit log written with it.
   */
  readonly requested?: readonly TemplateId[];
}

/** Locale-bound helpers a builder needs, created once per build. */
export interface Kit {
  readonly s: TemplateStrings;
  readonly columns: Columns;
  readonly v: ReturnType<typeof validations>;
}

export const kitFor = (locale: Locale): Kit => ({
  s: templateStrings(locale),
  columns: columnFactory(locale),
  v: validations(locale),
});
