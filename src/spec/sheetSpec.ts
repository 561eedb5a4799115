/**
 * SheetSpec — the plain, serialisable description of one worksheet that a template builder
 * produces and a writer (`writers/xlsx` with exceljs, `writers/office` with Excel.js) renders.
 *
 * Contract for both writers (read this before rendering anything):
 *
 * - POSITIONS are ZERO-BASED `{ row, col }` pairs relative to the sheet (A1 = `{ row: 0, col: 0 }`).
 *   Zero-based numbers keep builders free of string arithmetic; writers convert once.
 * - FORMULAS are stored WITHOUT the leading "=", in the invariant (en-US, file-format) syntax:
 *   English function names, "," as argument separator, "." as decimal point. Structured
 *   references are always written in the canonical, fully qualified form
 *   `Table[[#This Row],[Column]]` / `Table[Column]` — never the `[@Column]` shorthand and never an
 *   unqualified `[Column]`: the shorthand is UI-only syntax that the OOXML file format (and so
 *   LibreOffice) rejects, while Excel's `range.formulas` accepts the canonical form as well.
 *   Cross-sheet reads go through workbook names or structured references, never through fixed
 *   A1 addresses, so formulas survive renaming sheets, inserting rows and sorting tables.
 *   Only functions Excel 2016 and WPS calculate are used (no XLOOKUP/LET/FILTER/dynamic arrays,
 *   no SALES.* custom functions).
 * - The one exception to "no A1": conditional-format EXPRESSION formulas, because Excel does not
 *   allow structured references there. They use A1 references on the SAME sheet, written relative
 *   to the top-left cell of the rule's target range (the way Excel's own dialog interprets them).
 * - DATES are Excel 1900 serial numbers (as produced by `domain/calendar`) with a date number format.
 * - NAMES (workbook scope) point at cells/ranges of the sheet that carries them; the writer builds
 *   the reference from the final sheet name, so Excel keeps them valid when the sheet is renamed
 *   or rows are inserted.
 *
 * Naming scheme (the team roll-up and later upgrades rely on it — do not change lightly):
 *
 * - Every template instance gets a short workbook-unique KEY: its template's letter plus a counter,
 *   e.g. `W3` for the third weekly plan (the letters are in `templates/registry.ts`; `spec/naming.ts`
 *   picks the lowest counter no existing name/table uses).
 * - All workbook names and table names of that instance start with `SP_<KEY>_`, e.g.
 *   `SP_W3_SALES_TARGET`, `SP_W3_Targets`, `SP_C1_ABC_A`. Names are upper case; tables are
 *   `SP_<KEY>_<PascalRole>`.
 * - Every written sheet carries a visible TEMPLATE RECORD (label + machine-readable value) whose
 *   value cell is named `SP_<KEY>_TEMPLATE` for the instance's main sheet and
 *   `SP_<KEY>_TEMPLATE_<ROLE>` for its companion sheets (settings, summary, statistics, a list).
 *   Its value is `sales-planner:<templateId>:<role>:v<version>:<KEY>` (see `TemplateRecord`).
 *   To find every plan sheet, list the workbook names matching `^SP_([A-Z]\d+)_TEMPLATE$`, read the
 *   value of each, and use the name's range to know which sheet it is on — never rely on sheet
 *   names or positions, users rename and reorder sheets.
 * - Plan figures the roll-up reads are named `SP_<KEY>_<METRIC>_<TARGET|ACTUAL>` plus
 *   `SP_<KEY>_FORECAST`, `SP_<KEY>_EXPENSE_TOTAL`, `SP_<KEY>_REP`, `SP_<KEY>_PERIOD`
 *   (`ROLLUP_METRICS` below lists the metrics per template). These named cells are formulas that
 *   look the metric up by its row label, so they stay right even after the user sorts the table.
 */

/** Zero-based cell position. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** Inclusive zero-based rectangle. */
export interface RangeRef {
  readonly from: CellRef;
  readonly to: CellRef;
}

/** A literal cell value. Dates are serial numbers (see module comment); `null` is an empty cell. */
export type CellValue = string | number | boolean | null;

/** The small, closed set of looks a template uses; writers map each to concrete formatting via `CELL_STYLES`. */
export type CellStyleName =
  | "title" // sheet title, big and bold
  | "section" // section heading above a table
  | "label" // a field label in a header block
  | "input" // a cell the user is expected to fill in
  | "block" // a merged block of several rows the user writes prose in (wrapped)
  | "computed" // a formula result outside a table
  | "note" // small grey explanatory text (template record, hints)
  | "record"; // the machine-readable template record value

/** Concrete formatting of a `CellStyleName`. Colours are 6-digit RGB hex without "#". */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly wrap?: boolean;
  readonly border?: "thin" | "bottom";
}

/** The one place the look of every `CellStyleName` is defined, so both writers render the same sheet. */
export const CELL_STYLES: Readonly<Record<CellStyleName, CellStyle>> = {
  title: { bold: true, fontSize: 16, fontColor: "1F3864" },
  section: { bold: true, fontSize: 12, fontColor: "1F3864", border: "bottom" },
  label: { bold: true, fontColor: "404040", horizontal: "right" },
  input: { fill: "FFF9E5", border: "thin" },
  block: { fill: "FFF9E5", border: "thin", wrap: true },
  computed: { fill: "EEF3FA", border: "thin" },
  note: { italic: true, fontSize: 9, fontColor: "7F7F7F" },
  record: { fontSize: 9, fontColor: "7F7F7F" },
};

/** One loose cell of a title/label block (everything that is not inside a table). */
export interface CellSpec {
  readonly at: CellRef;
  /** Literal value; ignored when `formula` is set. */
  readonly value?: CellValue;
  /** Formula without "=" (see module comment for the syntax rules). */
  readonly formula?: string;
  readonly style?: CellStyleName;
  /** Excel number format code, e.g. `FORMATS.money` from `templates/formats.ts`. */
  readonly numberFormat?: string;
}

/** Data-validation rules. List values are literal, localised strings (Excel stores them inline, max 255 chars). */
export type ValidationRule =
  | { readonly kind: "list"; readonly values: readonly string[] }
  /**
   * A drop-down of the values of another table's column, following the rows the user adds there (the
   * ledger's 合同编号 from the contract register, the visit log's 客户编号 from the customer register).
   * It lists a workbook name of that column, which the sheet declares in `columnNames` with `note` as
   * its comment (`SheetDraft.finish`; writers find it with `listSource`, writers/layout.ts).
   */
  | { readonly kind: "tableColumn"; readonly table: string; readonly column: string; readonly note: string }
  | { readonly kind: "decimal"; readonly min?: number; readonly max?: number }
  | { readonly kind: "whole"; readonly min?: number; readonly max?: number }
  | { readonly kind: "date" };

/** A validation plus the localised message Excel shows when the user types something invalid. */
export interface ValidationSpec {
  readonly rule: ValidationRule;
  readonly errorTitle: string;
  readonly errorMessage: string;
  /** Whether an empty cell is accepted (true for every template column). */
  readonly allowBlank: boolean;
}

/** Data validation on loose cells (table columns carry theirs in `ColumnSpec.validation`). */
export interface CellValidationSpec {
  readonly range: RangeRef;
  readonly validation: ValidationSpec;
}

/**
 * What kind of values a column holds; decides alignment and the default number format.
 * `money` is a plan amount in whole yuan, `moneyCents` an amount where cents occur (registers, expenses).
 */
export type ColumnKind = "text" | "money" | "moneyCents" | "number" | "integer" | "percent" | "date" | "datetime";

/** What the totals row shows under a column. `sum`/`count`/`average` become SUBTOTAL(109/103/101, …). */
export type TotalsSpec =
  | { readonly kind: "label"; readonly text: string }
  | { readonly kind: "function"; readonly fn: "sum" | "count" | "average" }
  | { readonly kind: "formula"; readonly formula: string };

/** One typed column of an Excel Table. */
export interface ColumnSpec {
  /** Stable, locale-independent id (used in data rows, chart series and tests). */
  readonly key: string;
  /** Localised header text, unique within the table (it is also the structured-reference name). */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Excel number format code applied to the whole data body of the column. */
  readonly numberFormat: string;
  /** Column width in Excel character units. */
  readonly width: number;
  /**
   * Horizontal alignment of the header cell, from `headerAlignment(kind)` in `templates/formats.ts`:
   * right over numeric columns (as Excel aligns numbers), left over text. Absent means left.
   */
  readonly headerAlign?: "left" | "right";
  /** Drop-down or type validation for every data cell of the column. */
  readonly validation?: ValidationSpec;
  /**
   * Calculated-column formula (without "="), identical in every data row, written with
   * `Table[[#This Row],[Col]]` references. Data-row values for this column are ignored.
   */
  readonly formula?: string;
  /** Totals-row content; only used when the table has `showTotals`. */
  readonly totals?: TotalsSpec;
}

/**
 * One data row: input values by column key. Missing keys and calculated columns are left blank.
 * A row holds no formulas of its own: Excel turns a table column written with a different formula
 * per row (or formulas beside blanks) into a calculated column with ONE of them in every row
 * (OfficeDev/office-js#5909, #2093, #1916, #6745), so every formula in a table is a column's
 * `ColumnSpec.formula`, identical in every row.
 */
export type TableRow = Readonly<Record<string, CellValue | undefined>>;

/** An Excel Table (ListObject): header row, banded rows, filter buttons, typed columns. */
export interface TableSpec {
  /** Workbook-unique ASCII name `SP_<KEY>_<Role>` (see module comment). */
  readonly name: string;
  /** Locale-independent role within the template, e.g. "targets", "customers". */
  readonly role: string;
  /** Position of the header row's first cell. Data rows follow directly below. */
  readonly origin: CellRef;
  /** Built-in table style, e.g. "TableStyleMedium2". */
  readonly style: string;
  readonly columns: readonly ColumnSpec[];
  /** At least one row (Excel tables cannot be empty); blank rows are `{}`. */
  readonly rows: readonly TableRow[];
  readonly showTotals: boolean;
}

/** Where a conditional format or chart series applies. */
export type TargetRef =
  /** The data body of one table column (writers extend it as the table is written). */
  | { readonly kind: "tableColumn"; readonly table: string; readonly column: string }
  | { readonly kind: "range"; readonly range: RangeRef };

/** Operators for `cellIs` rules (Excel's names). */
export type CellIsOperator =
  | "lessThan"
  | "lessThanOrEqual"
  | "greaterThan"
  | "greaterThanOrEqual"
  | "equal"
  | "notEqual"
  | "between";

export type ConditionalRule =
  /** True where the A1 formula (relative to the target's top-left cell) is true. */
  | { readonly kind: "expression"; readonly formula: string }
  /** Compares the cell with one formula (two for "between"). Formulas may use workbook names. */
  | { readonly kind: "cellIs"; readonly operator: CellIsOperator; readonly formulas: readonly string[] }
  /** Excel's built-in "duplicate values" rule over the target. */
  | { readonly kind: "duplicates" }
  /** In-cell bar proportional to the value. */
  | { readonly kind: "dataBar"; readonly color: string };

/** Formatting applied when a conditional rule matches. Colours are 6-digit RGB hex. */
export interface ConditionalStyle {
  readonly fontColor?: string;
  readonly fill?: string;
  readonly bold?: boolean;
}

export interface ConditionalFormatSpec {
  readonly target: TargetRef;
  readonly rule: ConditionalRule;
  /** Ignored for dataBar rules. */
  readonly style: ConditionalStyle;
}

/** A workbook-scoped defined name pointing at a cell or range of THIS sheet. */
export interface NameSpec {
  /** Valid Excel name, `SP_<KEY>_...` (see module comment). */
  readonly name: string;
  readonly target: RangeRef;
  /** Localised explanation, shown in Name Manager where the writer supports comments. */
  readonly comment: string;
}

/**
 * A workbook-scoped name for a whole table column (`SP_L1_COL_AMOUNT` → `SP_L1_Ledger[[金额]]`): Excel
 * keeps such a name on the column when it is renamed or moved and as the table grows, so another
 * template's formulas can read the column without knowing its header. The column is one of this sheet's
 * tables', or any table's this sheet reads: a drop-down's list (`tableColumn` validation rules), the visit
 * log's look-up of the register (`SP_V1_REGISTER_ID`).
 */
export interface ColumnNameSpec {
  readonly name: string;
  readonly table: string;
  /** The column's header, as the table has it. */
  readonly column: string;
  readonly comment: string;
}

export interface PrintSpec {
  readonly orientation: "landscape" | "portrait";
  /** Fit all columns on one page width; pages grow downwards. */
  readonly fitToWidth: boolean;
  readonly paperSize: "A4";
  /** Rows repeated at the top of every printed page (zero-based, inclusive), if any. */
  readonly repeatRows?: { readonly first: number; readonly last: number };
}

export interface ChartSeriesSpec {
  /** Localised series name. */
  readonly name: string;
  /** Table column that holds the values. */
  readonly values: TargetRef;
}

/** A simple chart; categories and values are table columns so the chart follows the table. */
export interface ChartSpec {
  /**
   * `bar`: horizontal bars, the categories from top to bottom in the table's order — a funnel by stage.
   * Excel's own Funnel type is a chartex part that Excel 2016 and LibreOffice cannot show.
   * `line`: a line with markers per series, the categories left to right — a figure over periods.
   */
  readonly kind: "column" | "pie" | "bar" | "line";
  readonly title: string;
  /** The chart object's name, set when a writer must find its own chart again to replace it (default: the host's "Chart n"). */
  readonly name?: string;
  readonly categories: TargetRef;
  readonly series: readonly ChartSeriesSpec[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly anchor: RangeRef;
}

/** Which template (and version) made a sheet; rendered as a visible label + value cell pair. */
export interface TemplateRecord {
  /** Stable template id (the `id` of its `RecordTemplate`). */
  readonly template: string;
  /** The sheet's role within the template instance ("main" for the primary sheet). */
  readonly role: SheetRole;
  /** Bumped whenever a template's layout changes, so upgrades can tell old sheets apart. */
  readonly version: number;
  /** The instance key shared by all sheets and names of the instance, e.g. "W3". */
  readonly key: string;
  /** Serialised form stored in the record cell: `sales-planner:<template>:<role>:v<version>:<key>`. */
  readonly value: string;
  /** Where the label + value pair is written (value goes one column to the right of the label). */
  readonly at: CellRef;
}

/**
 * What the record format needs to know of a template: the id its records carry, the letter its
 * instance keys start with (`W` → `W1`, `W2` …) and its layout version. Which templates exist is not
 * the spec's business — spec is the leaf that builders and writers both depend on, so it cannot know
 * them; `templates/registry.ts` lists them and hands these to `freeKey` and `templateRecord`.
 */
export interface RecordTemplate {
  readonly id: string;
  readonly keyLetter: string;
  /** Bumped whenever the template's layout changes; recorded on every sheet it writes. */
  readonly version: number;
}

/** `list`: a companion sheet holding the instance's growing table (the key-account plan's units list). */
export type SheetRole = "main" | "settings" | "summary" | "stats" | "list";

/** Everything a writer needs to render one worksheet. */
export interface SheetSpec {
  /** Final, free sheet name (≤ 31 chars, no []:*?/\); the builder already resolved clashes. */
  readonly name: string;
  readonly record: TemplateRecord;
  readonly tabColor?: string;
  readonly cells: readonly CellSpec[];
  readonly merges: readonly RangeRef[];
  readonly tables: readonly TableSpec[];
  readonly validations: readonly CellValidationSpec[];
  readonly conditionalFormats: readonly ConditionalFormatSpec[];
  readonly names: readonly NameSpec[];
  /** Names of table columns (absent on sheets that name none). */
  readonly columnNames?: readonly ColumnNameSpec[];
  /** Rows/columns kept visible while scrolling (0 = none). */
  readonly freeze: { readonly rows: number; readonly cols: number };
  /** Width per column index, in Excel character units; unspecified columns keep the default. */
  readonly columnWidths: readonly (number | undefined)[];
  readonly print: PrintSpec;
  readonly charts: readonly ChartSpec[];
}

/** What the builders need to know about the target workbook to pick free names purely. */
export interface ExistingNames {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  /** Workbook-scoped defined names. */
  readonly names: readonly string[];
  /**
   * The 节假日 tables among `tables` (`SP_H<year>_Days`, see `templates/holidays.ts`) as the front door
   * read them: their dates are the workbook's calendar for that year, their headers what a formula
   * must name. Absent when nothing was read (a new workbook, or a test that only lists names).
   */
  readonly holidayTables?: readonly WorkbookHolidayTable[];
  /**
   * The column names of the workbook's `SP_` tables, as the front door read them (renamed, or written in
   * the other language), so a template can name another's columns in formulas and drop-downs; `withSpecs`
   * adds those of the tables written earlier in the same request. Absent when nothing was read; a table
   * listed in `tables` but not here was written with its builder's words.
   */
  readonly tableColumns?: readonly TableColumns[];
}

/** One table's column names, in order. */
export interface TableColumns {
  readonly table: string;
  readonly columns: readonly string[];
}

/** A cell of a 节假日 table that holds something other than a date: where, and what. */
export interface NotADate {
  readonly address: string;
  readonly text: string;
}

/** A 节假日 table the workbook already holds, read back. */
export interface WorkbookHolidayTable {
  readonly table: string;
  /** The headers of its day-off and make-up-day columns (the first two), as the workbook has them. */
  readonly headers: readonly [string, string];
  /** Dates typed in those columns (blank and non-date cells left out), sorted. */
  readonly holidays: readonly number[];
  readonly makeUpDays: readonly number[];
  /**
   * Cells of those columns holding neither a date nor nothing (text typed by the user, an error
   * value): left out of the dates, as the templates' formulas leave them out, and named here so the
   * front door can tell the user rather than plan as if the day were not listed. Absent when none.
   */
  readonly notDates?: readonly NotADate[];
}

/** Metrics whose target/actual cells each plan template names for the roll-up. */
export const ROLLUP_METRICS = {
  weekly: ["SALES", "COLLECTION", "NEW_CUSTOMERS", "VISITS", "CALLS"],
  monthly: ["SALES", "COLLECTION", "NEW_CUSTOMERS", "KEY_PRODUCTS"],
} as const;

export type WeeklyMetric = (typeof ROLLUP_METRICS.weekly)[number];
export type MonthlyMetric = (typeof ROLLUP_METRICS.monthly)[number];
