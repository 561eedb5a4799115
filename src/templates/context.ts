import type { Locale } from "../contract/locale";
import { templateStrings, type TemplateStrings } from "./strings";
import { columnFactory, validations, type Columns } from "./columns";
import type { ExistingNames } from "../spec/sheetSpec";

/** What every builder receives besides its own options. */
export interface BuildContext {
  readonly locale: Locale;
  /** The target workbook's names, so the builder can pick free ones without touching the host. */
  readonly existing: ExistingNames;
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
