import type { FunctionMetadata } from "../host/functionMetadata";
import type { InsertOutcome } from "../host/formulaInsert";
import type { FormulaSyntax } from "../host/formulaSyntax";
import type { RememberedFields } from "../host/preferences";
import type { FileGrid, ImportOutcome, WorkbookRegisters, WorkbookSource, WorkbookSources } from "../host/importActions";
import type { ImportKind, ImportWrite, SourceGrid } from "../import";
import type { BreakdownRequest, CollectOutcome, RollupOptions, RollupOutcome } from "../host/teamActions";
import type { WriteOutcome, WriteTarget } from "../host/templateWriter";
import type { StampOutcome, SubmittedContent } from "../host/planActions";
import type { RepWorkbookFile } from "../writers/office/team";
import type { NextPlanOutcome } from "../writers/office/team/nextPlan";
import type { Locale } from "../contract/locale";
import type { WorkCalendar } from "../domain/calendar";
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
  /** 提交: stamps the weekly plan on the active sheet (host/planActions.ts); absent in the preview. */
  readonly submitPlan?: (now: Date, locale: Locale, replacing?: SubmittedContent) => Promise<StampOutcome>;
  /** 下周计划 / 下月计划 from the plan on the active sheet; absent in the preview (there is no active sheet). */
  readonly nextPlan?: (locale: Locale, calendar: (years: readonly number[]) => WorkCalendar) => Promise<NextPlanOutcome>;
  readonly team: TeamServices;
  readonly importer: ImportServices;
  loadRemembered(): RememberedFields;
  saveRemembered(fields: RememberedFields): void;
  today(): Date;
}

/** The manager's features; the Excel-only ones are absent in the preview. */
export interface TeamServices {
  writeBreakdown(request: BreakdownRequest, locale: Locale): Promise<WriteOutcome>;
  readonly readSelection?: () => Promise<unknown[][]>;
  readonly rollUp?: (locale: Locale, options?: RollupOptions) => Promise<RollupOutcome>;
  collect(files: readonly RepWorkbookFile[], locale: Locale): Promise<CollectOutcome>;
}

/**
 * Bringing a list in (issue 13). Inside Excel the source may be a part of the workbook and the rows go into
 * its register; in the preview (those functions absent) the source is a file and the register a download.
 */
export interface ImportServices {
  /** The workbook's sheets and tables, to pick a source from. */
  readonly listSources?: () => Promise<WorkbookSources>;
  readonly readSource?: (source: WorkbookSource) => Promise<{ readonly grid: SourceGrid; readonly address: string }>;
  /** The workbook's register of `kind` (none: a new one is written) and, for visits, its customer register. */
  readonly readRegisters?: (kind: ImportKind) => Promise<WorkbookRegisters>;
  /** A .csv or .xlsx the user picked; `sheet` picks a sheet of an .xlsx (the first by default). */
  readFile(name: string, bytes: Uint8Array, sheet?: string): Promise<FileGrid>;
  /** `registers`: what `readRegisters` gave (none in the preview); `locale`: the register's; `year`: a new contract register's statistics year. */
  write(kind: ImportKind, write: ImportWrite, registers: WorkbookRegisters, locale: Locale, year: number): Promise<ImportOutcome>;
}
