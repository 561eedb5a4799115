import type { FunctionMetadata } from "../host/functionMetadata";
import type { InsertOutcome } from "../host/formulaInsert";
import type { FormulaSyntax } from "../host/formulaSyntax";
import type { RememberedFields } from "../host/preferences";
import type { BreakdownRequest, CollectOutcome, RollupOutcome } from "../host/teamActions";
import type { WriteOutcome, WriteTarget } from "../host/templateWriter";
import type { RepWorkbookFile } from "../writers/office/team";
import type { Locale } from "../contract/locale";
import type { TemplateRequest } from "../templates";

/**
 * Everything the pane does to the outside world, handed to the components as plain functions: the
 * components never call Office, fetch or storage themselves, so they render the same in Excel, in the
 * browser preview and in tests. mount.tsx picks the implementations for the host it finds.
 */
export interface PaneServices {
  /**
   * Inside Excel: the language of the function names it registers (contract/locale.ts functionNamesLocale),
   * which is not necessarily the pane's. Absent in the preview, where the pane's language is used.
   */
  readonly functionNamesLocale?: Locale;
  loadFunctionMetadata(locale: Locale): Promise<readonly FunctionMetadata[]>;
  /** Absent in the preview (no workbook) and where Excel runs no custom functions. */
  readonly insertFormula?: (build: (syntax: FormulaSyntax) => string) => Promise<InsertOutcome>;
  /** Inside an Excel without custom functions (CustomFunctionsRuntime 1.3): the page says so. */
  readonly functionsUnavailable?: boolean;
  /** Into the workbook inside Excel (new sheets, or the active sheet); as an .xlsx download in the preview. */
  writeTemplates(requests: readonly TemplateRequest[], locale: Locale, target?: WriteTarget): Promise<WriteOutcome>;
  /** Absent in the preview. */
  readonly activate?: (address: string) => Promise<void>;
  readonly team: TeamServices;
  loadRemembered(): RememberedFields;
  saveRemembered(fields: RememberedFields): void;
  today(): Date;
}

/** The manager's features; the Excel-only ones are absent in the preview. */
export interface TeamServices {
  writeBreakdown(request: BreakdownRequest, locale: Locale): Promise<WriteOutcome>;
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly rollUp?: (locale: Locale) => Promise<RollupOutcome>;
  collect(files: readonly RepWorkbookFile[], locale: Locale): Promise<CollectOutcome>;
}
