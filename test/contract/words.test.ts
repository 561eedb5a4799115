import type { Locale } from "../../src/contract/locale";
import { LOCALES } from "../../src/contract/locale";
import { uiStrings } from "../../src/taskpane/strings";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { templateStrings } from "../../src/templates/strings";
import { teamStrings } from "../../src/templates/team/strings";
import { TeamError, type TeamErrorCode, type TeamErrorParams } from "../../src/team/errors";
import { BreakdownError, type BreakdownErrorCode, type BreakdownErrorParams } from "../../src/team/breakdown";
import { annualInputMessages, type AnnualInputProblem, type AnnualInputProblemCode } from "../../src/team/annualInput";
import { OfficeWriteError, type OfficeWriteErrorCode, type OfficeWriteErrorParams } from "../../src/writers/office/errors";
import { FileRefusedError, type FileRefusal } from "../../src/writers/ooxml/fileCheck";
import type { CodedError } from "../../src/contract/codedError";
import { TemplateError, type TemplateErrorCode, type TemplateErrorParams } from "../../src/templates/errors";
import { localize } from "../../src/contract/locale";
import { FUNCTION_ERROR_HELP } from "../../src/functions/errorHelp";

/**
 * The words tables (task pane, template sheets, team sheets) and the errors' words. Their key sets are
 * the compiler's to check (`Words`); these tests check what it cannot: the texts themselves.
 */

/**
 * One value every text function of a table can be called with: it reads as "7" in a text, joins as a
 * list, is a plan issue, a list of breakdown issues and a next month's plan's carried counts — so the walk below needs no per-function
 * sample and misses none (a cell of a 节假日 table that holds no date, too).
 */
const SAMPLE = Object.assign([{ code: "noReps", params: {}, address: "'节假日 2026'!A6", text: "7", toString: () => "7" }], { code: "nameMissing", name: "SP_W1_REP", detail: "7", en: "7", zh: "7", keyCustomers: 7, keyWork: 7, collections: 7, vip: 7 });

/** Every text of a table, with its path; a function is called with SAMPLE for each parameter. */
function texts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") return texts((value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, () => SAMPLE)), `${path}()`);
  if (typeof value === "boolean") return [];
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => texts(inner, path ? `${path}.${key}` : key));
  throw new Error(`${path} is neither a text nor a table: ${String(value)}`);
}

/** The Functions page's error help, as the table of texts the user reads in `locale`. */
const errorHelp = (locale: Locale) =>
  Object.fromEntries(Object.entries(FUNCTION_ERROR_HELP).map(([id, codes]) => [id, Object.fromEntries(Object.entries(codes).map(([code, text]) => [code, localize(text, locale)]))]));

const TABLES: Record<string, (locale: Locale) => unknown> = { pane: uiStrings, templates: templateStrings, team: teamStrings, cli: (locale) => CLI_MESSAGES[locale], errorHelp };

describe.each(Object.entries(TABLES))("the %s words", (_name, table) => {
  test.each(LOCALES)("in %s: every text is words only: not empty, no {placeholder}, no Excel formula, nothing undefined", (locale) => {
    const found = texts(table(locale));
    expect(found.length).toBeGreaterThanOrEqual(20);
    // The year's label in en-US is the year alone: its words are empty on purpose.
    const empty = found.filter(([path, text]) => text.trim() === "" && path !== "contracts.yearLabel" && !/\.afterNumber$/.test(path));
    expect(empty).toEqual([]);
    expect(found.filter(([, text]) => /\{\w+\}/.test(text))).toEqual([]);
    expect(found.filter(([, text]) => /&"|"&|^=|\b[A-Z]{2,}\(/.test(text))).toEqual([]);
    expect(found.filter(([, text]) => /undefined|NaN|\[object/.test(text))).toEqual([]);
  });
});

test.each([["task-pane", uiStrings], ["function error help", errorHelp]] as const)("every %s text differs between the two languages and the zh-CN one is Chinese", (_name, table) => {
  const zh = new Map(texts(table("zh-CN")));
  const en = texts(table("en-US"));
  expect(en.length).toBeGreaterThan(0);
  for (const [path, text] of en) {
    expect([path, text]).not.toEqual([path, zh.get(path)]);
    expect(zh.get(path)).toMatch(/[\u4e00-\u9fff]/);
  }
});

// Records keyed by the code types: a code added without a sample here is a type error.
const TEAM: Record<TeamErrorCode, TeamErrorParams> = {
  summaryChanged: { sheet: "团队汇总" },
  historyChanged: { sheet: "团队历史" },
  noPlanSheets: { file: "zhang.xlsx" },
  unreadableFile: { file: "zhang.xlsx", detail: "bad zip" },
  insertFailed: { file: "zhang.xlsx", detail: "InvalidArgument" },
  tooManyPlans: { count: 300 },
  repNamesTooLong: { count: 120 },
  summaryNotesInTheWay: { sheet: "团队汇总", detail: "A12, B12" },
  meetingFormulas: { sheet: "团队汇总", detail: "M7" },
  summaryExtras: { sheet: "团队汇总", extras: ["comments", "merges", "tables", "drawings", "validations", "conditionalFormats"] },
  historyNotesInTheWay: { sheet: "团队历史", detail: "AH40, AI40" },
  historyContentBelow: { sheet: "团队历史", detail: "A12" },
};
const BREAKDOWN: Record<BreakdownErrorCode, BreakdownErrorParams> = {
  noReps: {},
  repBlank: { row: 2 },
  repDuplicate: { rep: "张三" },
  weightBlank: { rep: "张三", row: 2 },
  weightNotNumber: { rep: "张三", row: 2, value: "x" },
  weightNegative: { rep: "张三", row: 2, value: "-1" },
  weightTooLarge: { rep: "张三", row: 2, value: "2000000000000", limit: 1e12 },
  weightsAllZero: {},
  targetInvalid: { value: "-5" },
  ratioInvalid: { value: "1:2" },
  ratioCommas: { value: "1,000,2" },
  noWorkingDays: { value: "2026-02" },
  holdInvalid: { rep: "张三", row: 2, value: "很多" },
  holdsExceedTarget: { amount: 1_300_000, limit: 1_200_000 },
  nothingToSpread: { amount: 200_000 },
  startInvalid: { rep: "李四", row: 3, value: "13" },
  lastYearInvalid: { rep: "李四", month: 3, value: "-5" },
  lastYearBlank: {},
  noFigures: {},
  monthHoldInvalid: { month: 3, value: "x" },
  monthHoldsExceedTarget: { amount: 1_300_000, limit: 1_200_000 },
  monthsNothingToSpread: { amount: 100 },
  rampInfeasible: { reps: "王五、赵六", months: [7, 8, 9, 10, 11, 12], amount: 900_000, limit: 600_000 },
  unitInvalid: { value: "0" },
  targetNotMultiple: { value: "1,234", unit: 100 },
  growthInvalid: { value: "abc" },
  targetTooLarge: { value: "2000000000000", unit: 1, limit: 1e12 },
};
const OFFICE: Record<OfficeWriteErrorCode, OfficeWriteErrorParams> = {
  targetNotEmpty: { target: "'Sheet1'!A1:J40", occupied: "'Sheet1'!C3", occupiedBy: "table" },
  targetUncheckable: { target: "'Sheet1'!A1:J40" },
  nameTaken: { name: "SP_W1_REP" },
  writeFailed: { excelCode: "InvalidArgument" },
  cleanupFailed: { excelCode: "InvalidArgument", leftovers: ["周计划"] },
  restoreFailed: { excelCode: "InvalidArgument", leftovers: ["团队汇总"] },
  sourceEmpty: { target: "'Sheet1'!A1:D9" },
  sourceNotFound: { name: "客户名单" },
  unknownColumn: { table: "SP_C1_Customers", name: "电话" },
  belowNotEmpty: { table: "SP_C1_Customers", target: "'客户资源登记表'!A58:AB60", occupied: "'客户资源登记表'!B59" },
  rowNotFound: { table: "SP_C1_Customers", row: 80 },
};
const TEMPLATE: Record<TemplateErrorCode, TemplateErrorParams> = {
  formulaTooLong: { sheet: "月计划-张三-2026-10", place: { column: "工作日" }, length: 9491 },
};
const REFUSALS: Record<FileRefusal["kind"], FileRefusal> = {
  encrypted: { kind: "encrypted" },
  notWorkbook: { kind: "notWorkbook" },
  macroEnabled: { kind: "macroEnabled" },
  tooLarge: { kind: "tooLarge", megabytes: 120 },
  zipBomb: { kind: "zipBomb" },
};

const errors: [string, CodedError][] = [
  ...Object.entries(TEAM).map(([code, params]): [string, CodedError] => [code, new TeamError(code as TeamErrorCode, params)]),
  ...Object.entries(BREAKDOWN).map(([code, params]): [string, CodedError] => [code, new BreakdownError([{ code: code as BreakdownErrorCode, params }])]),
  ...Object.entries(OFFICE).map(([code, params]): [string, CodedError] => [code, new OfficeWriteError(code as OfficeWriteErrorCode, params)]),
  ...Object.values(REFUSALS).map((refusal): [string, CodedError] => [refusal.kind, new FileRefusedError("zhang.xlsx", refusal)]),
  ...Object.entries(TEMPLATE).map(([code, params]): [string, CodedError] => [code, new TemplateError(code as TemplateErrorCode, params)]),
];

test.each(errors)("the %s error has its own words in both languages, with every value filled in", (_code, error) => {
  const zh = error.localized("zh-CN");
  const en = error.localized("en-US");
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
  expect(en).not.toBe(zh);
  expect(en).toBe(error.message);
  for (const text of [zh, en]) expect(text).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
});

// The annual plan's input file (team/annualInput.ts): every problem a row can have, worded with its row.
const ANNUAL_INPUT: Record<AnnualInputProblemCode, AnnualInputProblem["params"]> = {
  unknownItem: { value: "市场" },
  itemRepeated: { item: "growth", first: 2 },
  valueMissing: { item: "rep", field: "weight", rep: "张三" },
  tooManyValues: { item: "target", count: 1, value: "2000000" },
  notNumber: { item: "monthHold", field: "amount", value: "十万", month: 3 },
  notRate: { item: "growth", value: "二成" },
  notRatio: { item: "products", value: "2:3" },
  notSplit: { item: "split", value: "按季度" },
  notMonth: { item: "rep", field: "start", value: "13", rep: "李四" },
  notTwelveMonths: { item: "lastYear", count: 11 },
  repUnknown: { item: "repLastYear", rep: "赵六" },
};

test.each(Object.entries(ANNUAL_INPUT))("the input file's %s problem has its own words in both languages, with every value filled in", (code, params) => {
  const problem = { code: code as AnnualInputProblemCode, row: 4, params };
  const [zh] = annualInputMessages([problem], "zh-CN");
  const [en] = annualInputMessages([problem], "en-US");
  expect(zh).toMatch(/^第 4 行：.*[\u4e00-\u9fff]/);
  expect(en).toMatch(/^Row 4: /);
  for (const text of [zh, en]) expect(text).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
});
