import { printSetup, SheetDraft } from "../../src/templates/draft";
import { columnFactory } from "../../src/templates/columns";
import { PROJECT_COLUMN_NAMES, PROJECT_STAGE_NAMES, PROJECTS_ROLE } from "../../src/templates/linkedTables";
import { spName, spTable, templateRecord } from "../../src/spec/naming";
import { PROJECT_RESULT_NAMES } from "../../src/templates/projectTracker";
import { TEMPLATES } from "../../src/templates/registry";
import type { ExistingNames, SheetSpec } from "../../src/spec/sheetSpec";

/**
 * A workbook's project tracker as the team summary sees it — only the issue 15 contract's names
 * (`SP_P<n>_Projects`, `SP_P<n>_COL_*`, `SP_P<n>_STAGE_*`, `SP_P<n>_RESULT_*`) — with projects generated
 * deterministically, and the block's figures computed here in TypeScript. The summary must count by
 * these names alone, so a tracker laid out differently from the real builder's (other columns, other
 * order, stage words in another language) must give the same figures.
 */

const RESULT_PARTS = PROJECT_RESULT_NAMES;

export interface Project {
  readonly name: string;
  readonly rep: string;
  /** Index into PROJECT_STAGE_NAMES. */
  readonly stage: number;
  readonly amount: number | null;
  /** Index into PROJECT_RESULT_NAMES, or undefined for a blank result. */
  readonly result?: number;
}

/** A small deterministic generator (mulberry32): a failure must be reproducible. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` projects spread over `reps` (some reps weighted more), plus a few of `others` and of no rep. */
export function generateProjects(count: number, reps: readonly string[], others: readonly string[], seed = 15): Project[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const roll = next();
    const rep = roll < 0.04 ? "" : roll < 0.12 ? pick(others) : reps[Math.floor(next() * next() * reps.length)];
    const stage = Math.floor(next() * PROJECT_STAGE_NAMES.length);
    // Amounts to the fen, some missing (a project not yet priced).
    const amount = next() < 0.05 ? null : Math.round(next() * 5_000_000_00) / 100;
    const decided = stage >= 2 ? (stage === 6 ? 2 : next() < 0.85 ? 1 : 2) : stage === 1 ? pick([0, 1, 2, undefined]) : undefined;
    return { name: `项目${String(i + 1).padStart(3, "0")}`, rep, stage, amount, ...(decided === undefined ? {} : { result: decided }) };
  });
}

export interface RepFigures {
  readonly counts: number[];
  readonly amounts: number[];
  readonly won: number;
  readonly lost: number;
  /** null when no bid is decided. */
  readonly winRate: number | null;
}

/** The block's figures for the projects `pick` selects. */
export function figures(projects: readonly Project[], pick: (p: Project) => boolean): RepFigures {
  const mine = projects.filter(pick);
  const counts = PROJECT_STAGE_NAMES.map((_, s) => mine.filter((p) => p.stage === s).length);
  const amounts = PROJECT_STAGE_NAMES.map((_, s) => mine.filter((p) => p.stage === s).reduce((sum, p) => sum + (p.amount ?? 0), 0));
  const won = mine.filter((p) => p.result === 1).length;
  const lost = mine.filter((p) => p.result === 2).length;
  return { counts, amounts, won, lost, winRate: won + lost === 0 ? null : won / (won + lost) };
}

/**
 * The tracker sheet: a settings block holding the stage and result words in named cells, and the
 * table with the named columns among others. `words` are the stage words in PROJECT_STAGE_NAMES order,
 * then 未开标/中标/未中标.
 */
export function trackerSheet(key: string, projects: readonly Project[], words: { stages: readonly string[]; results: readonly string[] }): SheetSpec {
  const c = columnFactory("zh-CN");
  const draft = new SheetDraft();
  const words7 = [...PROJECT_STAGE_NAMES.map((part, i) => [part, words.stages[i]]), ...RESULT_PARTS.map((part, i) => [part, words.results[i]])];
  words7.forEach(([part, word], i) => {
    draft.text({ row: 3 + i, col: 0 }, part);
    draft.text({ row: 3 + i, col: 1 }, word);
    draft.name(spName(key, part), { row: 3 + i, col: 1 }, part);
  });
  const table = draft.table({
    name: spTable(key, PROJECTS_ROLE),
    role: "projects",
    origin: { row: 14, col: 0 },
    columns: [c.text("name", "项目名称"), c.text("result", "投标结果"), c.text("rep", "负责人"), c.moneyCents("amount", "预计金额"), c.text("stage", "阶段")],
    rows: projects.map((p) => ({
      name: p.name,
      rep: p.rep === "" ? null : p.rep,
      stage: words.stages[p.stage],
      amount: p.amount,
      result: p.result === undefined ? null : words.results[p.result],
    })),
  });
  for (const [column, part] of Object.entries(PROJECT_COLUMN_NAMES)) draft.columnName(spName(key, part), table, column, part);
  return draft.finish({
    name: "项目跟踪表",
    record: templateRecord(TEMPLATES.projects, "main", key, { row: 1, col: 0 }),
    recordLabel: "模板标识",
    recordNote: "项目跟踪表（按名称）",
    freeze: { rows: 15, cols: 0 },
    print: printSetup(),
  });
}

/** The names a workbook holding `trackerSheet(key, …)` lists. */
export function trackerExisting(key: string): ExistingNames {
  const spec = trackerSheet(key, [], { stages: PROJECT_STAGE_NAMES, results: RESULT_PARTS });
  return {
    sheets: [spec.name],
    tables: spec.tables.map((t) => t.name),
    names: [...spec.names.map((n) => n.name), ...(spec.columnNames ?? []).map((n) => n.name)],
  };
}
