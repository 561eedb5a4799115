import { LOCALES, type Locale } from "../../contract/locale";
import { teamStrings } from "./strings";
import { label } from "../columns";
import { kitFor } from "../context";
import type { PlacedTable, SheetDraft } from "../draft";
import { col, equalsCriterion, str, thisRow } from "../../spec/formula";
import { keyOfName, spName, spTable } from "../../spec/naming";
import type { CellRef, ColumnSpec, ExistingNames, TableRow, TotalsSpec } from "../../spec/sheetSpec";
import { linkedTable, PROJECT_COLUMN_NAMES, PROJECT_STAGE_NAMES, PROJECTS_ROLE } from "../linkedTables";
import { PROJECT_RESULT_NAMES } from "../projectTracker";
import { TEMPLATES } from "../registry";
import { templateStrings } from "../strings";

/**
 * 项目进度 — the team summary's block listing the workbook's project tracker by stage per rep: one
 * table row per rep of the summary, an 其他 row for the tracker's other projects (reps without a plan
 * here, or none), totals, and per stage the number of projects and their expected amount, then 中标,
 * 未中标 and 中标率.
 *
 * The tracker is read only through its workbook names (`SP_P1_COL_REP`, `SP_P1_STAGE_BID`, …, see
 * linkedTables.ts): a stage is counted by comparing with the tracker's own stage cell, never with a
 * word, so a tracker written in English counts under a Chinese summary and a stage word the manager
 * retyped on the tracker is followed.
 *
 * As in the summary table, each column holds ONE formula for every row (Excel would turn per-row
 * formulas into one calculated column, OfficeDev/office-js#5909): the row's 销售代表 picks what it
 * counts, and the 其他 row — known by its position, the last — counts the whole tracker less the listed reps. Listing
 * the reps as an array constant rather than summing the rows above keeps the column free of a circular
 * reference. Rows hold literal reps, the reps' plans as the roll-up found them: re-running the roll-up
 * updates them.
 */

/** The block's table is `SP_T<n>_Stages`: the refresh finds it by this name. */
export const STAGES_ROLE = "Stages";
export const stagesTableName = (summaryKey: string): string => spTable(summaryKey, STAGES_ROLE);

/** Rows from the summary table's last row to the block's title. */
export const BLOCK_GAP = 2;
/** Rows from the block's title to its table: the title, then the note right above the table. */
export const CAPTION_ROWS = 2;

/** Names of the tracker's result cells the 中标率 reads: 中标 and 未中标 (`PROJECT_RESULT_NAMES` is 未开标, 中标, 未中标). */
const [, WON, LOST] = PROJECT_RESULT_NAMES;

/**
 * The tracker the summary lists — the workbook's newest table `SP_P<n>_Projects` (the same finder as
 * the registers' links) whose every name the block reads is defined, else the newest such older one —
 * or undefined: no tracker, or only trackers whose names were deleted (`incompleteTracker`), gives no
 * block rather than a block of #NAME? cells.
 */
export function findTracker(existing: ExistingNames): string | undefined {
  const defined = new Set(existing.names.map((n) => n.toUpperCase()));
  return trackerKeys(existing).find((key) => trackerNames(key).every((name) => defined.has(name)));
}

/** The newest tracker table when `findTracker` finds none for want of names, else undefined. */
export function incompleteTracker(existing: ExistingNames): string | undefined {
  const [newest] = trackerKeys(existing);
  return newest === undefined || findTracker(existing) !== undefined ? undefined : spTable(newest, PROJECTS_ROLE);
}

/** The keys of the workbook's tracker tables, newest first: `linkedTable`'s pick, then the one it would pick without it, … */
function trackerKeys(existing: ExistingNames): string[] {
  const keys: string[] = [];
  let tables = existing.tables;
  for (let found = linkedTable(existing, TEMPLATES.projects, PROJECTS_ROLE, {}, {}); found; found = linkedTable({ ...existing, tables }, TEMPLATES.projects, PROJECTS_ROLE, {}, {})) {
    const table = found.table;
    tables = tables.filter((t) => t !== table);
    const key = keyOfName(table);
    if (key !== undefined) keys.push(key);
  }
  return keys;
}

/** Every workbook name of tracker `key` the block's formulas read. */
export const trackerNames = (key: string): string[] =>
  [...Object.values(PROJECT_COLUMN_NAMES), ...PROJECT_STAGE_NAMES, WON, LOST].map((part) => spName(key, part));

/** The reps a block lists: each rep of the summary's plans once, in summary order, blanks left out. */
export function blockReps(reps: readonly string[]): string[] {
  const seen = new Set<string>();
  return reps.filter((rep) => {
    const id = rep.trim().toLowerCase();
    if (id === "" || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export interface ProjectsBlockInput {
  readonly summaryKey: string;
  /** The tracker's key, e.g. "P1" (`findTracker`). */
  readonly tracker: string;
  readonly reps: readonly string[];
  /** Where the block's title goes; its table starts two rows below. */
  readonly origin: CellRef;
}

/** Lays the block out on `draft`: title, note, table. */
export function projectsBlock(draft: SheetDraft, input: ProjectsBlockInput, locale: Locale): PlacedTable {
  const { columns: c } = kitFor(locale);
  const t = teamStrings(locale).summary.projects;
  // The tracker's own stage words in the summary's language: one vocabulary for both sheets.
  const stageWords = templateStrings(locale).projects.stages;
  const table = stagesTableName(input.summaryKey);
  const reps = blockReps(input.reps);
  const name = (part: string): string => spName(input.tracker, part);
  const repCell = thisRow(table, t.rep);
  const repList = `{${reps.map(str).join(",")}}`;

  /**
   * A rep as the criterion matching exactly that name: "=" first, so a name starting with = < > is
   * compared rather than read as an operator, and * ? ~ escaped, so they are not wildcards.
   */
  const exactly = (rep: string): string => `${name(PROJECT_COLUMN_NAMES.rep)},${equalsCriterion(rep)},`;
  // The 其他 row is known by its word, so it keeps its figures when the manager sorts the block (the next
  // roll-up writes it last again); only when a rep is called 其他 too is it known by position, the last row.
  const repNamedOthers = reps.some((rep) => rep.trim().toLowerCase() === t.others.toLowerCase());
  const isOthers = repNamedOthers ? `ROW(${repCell})=ROW(INDEX(${col(table, t.rep)},${reps.length + 1}))` : `${repCell}=${str(t.others)}`;
  /**
   * One formula for every row: `measure` of the row's rep for a listed rep; for the 其他 row, `measure`
   * of the whole tracker less `measure` of every listed rep (an array constant, which SUMPRODUCT adds up).
   */
  const perRow = (measure: (criteria: string) => string): string => {
    const all = measure("");
    const others = reps.length === 0 ? all : `${all}-SUMPRODUCT(${measure(exactly(repList))})`;
    return `IF(${isOthers},${others},${measure(exactly(repCell))})`;
  };
  const count = (criteria: string): string => perRow((rep) => `COUNTIFS(${rep}${criteria})`);
  const amount = (criteria: string): string => perRow((rep) => `SUMIFS(${name(PROJECT_COLUMN_NAMES.amount)},${rep}${criteria})`);
  const stage = (part: string): string => `${name(PROJECT_COLUMN_NAMES.stage)},${name(part)}`;
  const result = (part: string): string => `${name(PROJECT_COLUMN_NAMES.result)},${name(part)}`;
  const sum = (header: string): TotalsSpec => ({ kind: "formula", formula: `SUBTOTAL(109,${col(table, header)})` });

  const stageColumns = PROJECT_STAGE_NAMES.flatMap((part, i): ColumnSpec[] => {
    const word = stageWords[i];
    return [
      c.formula(`${part}_count`, t.count(word), "integer", count(stage(part)), { totals: sum(t.count(word)) }),
      c.formula(`${part}_amount`, t.amount(word), "money", amount(stage(part)), { totals: sum(t.amount(word)) }),
    ];
  });
  const won = thisRow(table, t.won);
  const lost = thisRow(table, t.lost);
  const wonTotal = `SUBTOTAL(109,${col(table, t.won)})`;
  const lostTotal = `SUBTOTAL(109,${col(table, t.lost)})`;
  const columns: ColumnSpec[] = [
    c.text("rep", t.rep, { width: 12, totals: label(t.total) }),
    ...stageColumns,
    c.formula("won", t.won, "integer", count(result(WON)), { totals: sum(t.won) }),
    c.formula("lost", t.lost, "integer", count(result(LOST)), { totals: sum(t.lost) }),
    // Blank, not 0 % or #DIV/0!, for a rep with no decided bid.
    c.formula("winRate", t.winRate, "percent", `IF(${won}+${lost}=0,"",${won}/(${won}+${lost}))`, {
      totals: { kind: "formula", formula: `IF(${wonTotal}+${lostTotal}=0,"",${wonTotal}/(${wonTotal}+${lostTotal}))` },
    }),
  ];
  const rows: TableRow[] = [...reps, t.others].map((rep) => ({ rep }));

  draft.text(input.origin, t.title, "section");
  draft.text({ row: input.origin.row + 1, col: input.origin.col }, t.note(spTable(input.tracker, PROJECTS_ROLE)), "note");
  return draft.table({
    name: table,
    role: "stages",
    origin: { row: input.origin.row + CAPTION_ROWS, col: input.origin.col },
    showTotals: true,
    columns,
    rows,
  });
}

/** Rows the block takes from its title to its totals row, for `reps` (as `blockReps` counts them). */
export const blockHeight = (reps: readonly string[]): number => blockHeightFor(blockReps(reps).length);

/** Rows a block listing `count` reps takes: caption, header, a row per rep, 其他, totals. */
export const blockHeightFor = (count: number): number => CAPTION_ROWS + 1 + count + 1 + 1;

/**
 * Whether `value` is still the block's title or note as the add-in wrote it, in either language — what
 * a refresh may delete once the tracker is gone (anything else in those cells is the manager's).
 */
export function isBlockCaption(part: "title" | "note", value: unknown): boolean {
  if (typeof value !== "string") return false;
  return LOCALES.some((locale) => {
    const t = teamStrings(locale).summary.projects;
    if (part === "title") return value === t.title;
    const [before, after] = t.note("\u0000").split("\u0000");
    return value.startsWith(before) && value.endsWith(after) && /^SP_P\d+_Projects$/i.test(value.slice(before.length, value.length - after.length));
  });
}
