import fc from "fast-check";
import { apportion } from "../../src/domain/apportion";
import { daySplit as splitByDay, isoWeekMonday, makeWorkCalendar, PLAIN_WEEKS, serialFromYmd as ymd, weekSplit as splitByWeek, ymdFromSerial } from "../../src/domain/calendar";
import { applyDiscounts, parseDiscount } from "../../src/domain/discount";
import { argNames, type FunctionId } from "../../src/contract/functionNames";
import { DomainError, type ErrorCode, numError, valueError } from "../../src/domain/errors";
import { verbatim } from "../../src/contract/locale";
import { abcClasses, nextVisitDate, readTier, thresholdTier, visitIntervalDays } from "../../src/domain/tiers";
import { checkSameShape, dateArg, dateListArg, numberArg, numberCells, rangeArg, scalarArg, wholeNumberArg } from "../../src/functions/excelArgs";
import { displayLocale, excelResult, type ExcelErrorResult, SHOWS_MESSAGE } from "../../src/functions/excelErrors";
import * as functions from "../../src/functions/functions";
import { abc, daySplit, discount, nextVisit, split, tier, weekSplit, workdays } from "../../src/functions/functions";
import * as operations from "../../src/functions/operations";
import { FUNCTION_ERROR_HELP } from "../../src/functions/errorHelp";
import zhNames from "../../src/contract/functionNames.zh-CN.json";
import { CONTRACT } from "./contract.fixture";
import { excelJunk as junk } from "./excelJunk";
import { thrownDomainError } from "../domain/expectDomainError";
import { isExcelError } from "./expectExcelError";

/** Chinese characters: a zh-CN message must have some, not just the English text passed through. */
const HAN = /\p{Script=Han}/u;

const globals = globalThis as Record<string, unknown>;

/** Runs `run` with a fake Office.js whose context is `context`, restoring whatever Office was before. */
function withOffice<T>(context: unknown, run: () => T): T {
  const had = "Office" in globals;
  const previous = globals.Office;
  globals.Office = context;
  try {
    return run();
  } finally {
    if (had) globals.Office = previous;
    else delete globals.Office;
  }
}

/** What a SALES.* function returns when Excel's display language is `language`. */
const inDisplayLanguage = <T>(language: string, run: () => T): T => withOffice({ context: { displayLanguage: language } }, run);

/** An error value with the message Excel shows (a #VALUE!). */
type ShownError = Required<ExcelErrorResult>;

/** The #VALUE! a call returns, in English (Node, no Office) and in zh-CN (Office says zh-CN), message and all. */
function bothLanguages(run: () => unknown): { en: ShownError; zh: ShownError } {
  const en = run();
  const zh = inDisplayLanguage("zh-CN", run);
  expect(isExcelError(en)).toBe(true);
  expect(isExcelError(zh)).toBe(true);
  expect([(en as ExcelErrorResult).message, (zh as ExcelErrorResult).message]).not.toContain(undefined);
  return { en: en as ShownError, zh: zh as ShownError };
}

function expectZhTwin(en: string, zh: string): void {
  expect(zh.trim()).not.toBe("");
  expect(zh).toMatch(HAN);
  expect(zh).not.toBe(en);
}

/** The rules behind the SALES functions, callable with fewer arguments as Excel calls them. */
const rule = operations as unknown as Record<keyof typeof operations, (...args: unknown[]) => unknown>;
/** The SALES functions with any arguments: Excel hands a literal "CN" to the range parameter holidays as [["CN"]], Node anything. */
const sales = functions as unknown as Record<keyof typeof functions, (...args: unknown[]) => unknown>;

/** China's 2026 National Day (10-01..10-07 off, Saturday 10-10 and Sunday 09-20 worked), as ranges. */
const HOLIDAYS = [[1, 2, 3, 4, 5, 6, 7].map((day) => ymd(2026, 10, day))];
const oct8 = ymd(2026, 10, 8);
const february = [Array.from({ length: 28 }, (_, day) => ymd(2026, 2, day + 1))];

/**
 * Every error the SALES.* functions' own tests (functions.test.ts, discount.test.ts) provoke: the call,
 * its code, the start of its English message (as asserted there) and of its zh-CN twin. For #NUM! and
 * #DIV/0!, which Excel shows without a message, the call is the rule itself (operations.*), whose
 * DomainError gives the reason; excelResult — the wrapper every SALES function uses — makes the cell's value.
 */
const FUNCTION_ERRORS: readonly [string, () => unknown, ErrorCode, RegExp, RegExp][] = [
  ["SPLIT text in the weights", () => split(10, [[1, 2, "abc"]], 1), "#VALUE!", /^weights: cell 3 is text \("abc"\); enter a number/, /^权重：第 3 个单元格是文本（"abc"），请输入数字$/],
  ["SPLIT a weight TRUE", () => split(10, [[true]], 1), "#VALUE!", /^weights: cell 1 is TRUE/, /^权重：第 1 个单元格是逻辑值 TRUE，请输入数字$/],
  ["SPLIT a text total", () => split("ten", [[1]], 1), "#VALUE!", /^total is text/, /^总目标是文本（"ten"），请输入数字$/],
  ["SPLIT a total range", () => split([[1, 2]], [[1]], 1), "#VALUE!", /^total must be a single value/, /^总目标必须是单个值，而不是 2 个单元格的区域$/],
  ["SPLIT a negative total", () => rule.split(-1, [[1]], 1), "#NUM!", /^total must be ≥ 0/, /^总目标不能为负数（当前为 -1）$/],
  ["SPLIT a negative weight", () => rule.split(10, [[1], [-1]], 1), "#NUM!", /^weights: item 2 is negative/, /^权重：第 2 项是负数（-1）/],
  ["SPLIT unit 0", () => rule.split(10, [[1]], 0), "#NUM!", /^unit must be more than 0/, /^单位必须大于 0（当前为 0）$/],
  ["SPLIT no multiple of unit", () => rule.split(10.005, [[1]], 0.01), "#NUM!", /^total must be a whole multiple of unit \(0\.01\)/, /^总目标必须是单位（0\.01）的整数倍，当前为 10\.005$/],
  ["SPLIT all weights blank", () => rule.split(10, [[null, ""]], 1), "#DIV/0!", /weights are all 0/, /^权重全部为 0/],
  ["SPLIT an empty weights range", () => split(10, [[]], 1), "#VALUE!", /^weights is empty/, /^权重为空，请至少选择一个单元格$/],
  ["SPLIT uneven rows", () => split(10, [[1, 2], [3]], 1), "#VALUE!", /^weights is not a range: its rows have 2 and 1 cells/, /^权重不是有效的区域：各行的单元格数不同（2 个和 1 个）$/],
  ["SPLIT too many units", () => rule.split(1e14, [[1]], 0.01), "#NUM!", /too many units/, /^总目标按单位 0\.01 计超过 9007199254740991 份，请使用更大的单位$/],
  ["SPLIT a cell in a block", () => split(10, [[1, 2], [3, "x"]], 1), "#VALUE!", /^weights: cell 4 \(row 2, column 2\) is text/, /^权重：第 4 个单元格（第 2 行第 2 列）是文本（"x"）/],
  ["ABC text", () => abc([[1, "a"]]), "#VALUE!", /^values: cell 2 is text/, /^数值：第 2 个单元格是文本/],
  ["ABC FALSE", () => abc([[false]]), "#VALUE!", /^values: cell 1 is FALSE/, /^数值：第 1 个单元格是逻辑值 FALSE/],
  ["ABC a negative value", () => rule.abc([[1], [-1]]), "#NUM!", /^values: item 2 is negative/, /^数值：第 2 项是负数（-1）/],
  ["ABC a_share above b_share", () => rule.abc([[1]], 0.9, 0.5), "#NUM!", /^a_share \(0\.9\) must not be more than b_share \(0\.5\)/, /^A类占比（0\.9）不能大于AB类占比（0\.5）$/],
  ["ABC a text a_share", () => abc([[1]], "40%", 0.8), "#VALUE!", /^a_share is text/, /^A类占比是文本（"40%"）/],
  ["ABC no values", () => abc([]), "#VALUE!", /^values is empty/, /^数值为空/],
  ["TIER a_min below b_min", () => rule.tier([[1]], 10, 20), "#NUM!", /^a_min \(10\) must not be less than b_min \(20\)/, /^A类下限（10）不能小于B类下限（20）$/],
  ["TIER a_min missing", () => tier([[1]], null, 20), "#VALUE!", /^a_min is required/, /^A类下限为必填项，请输入数字$/],
  ["NEXTVISIT an unknown tier", () => nextVisit([[oct8]], [["VIP"]]), "#VALUE!", /^tier: cell 1 \("VIP"\) is not a tier/, /^等级：第 1 个单元格（"VIP"）不是有效的等级，请填写 A、B 或 C$/],
  ["NEXTVISIT a number as tier", () => nextVisit([[oct8]], [[1]]), "#VALUE!", /^tier: cell 1 is not a tier/, /^等级：第 1 个单元格不是有效的等级/],
  ["NEXTVISIT shapes differ", () => nextVisit([[oct8], [oct8]], [["A", "B"]]), "#VALUE!", /^tier \(1×2\) must have the same shape as last_visit \(2×1\)/, /^等级（1 行 × 2 列）必须与最近拜访日期（2 行 × 1 列）的行数和列数相同$/],
  ["NEXTVISIT two intervals", () => nextVisit([[oct8]], [["A"]], [[7, 14]]), "#VALUE!", /^intervals must be 3 cells/, /^拜访间隔必须是 3 个单元格.*当前为 2 个$/],
  ["NEXTVISIT a negative interval", () => rule.nextVisit([[oct8]], [["A"]], [[-7, 14, 30]]), "#NUM!", /^intervals: the A interval/, /^拜访间隔：A 类的间隔天数必须是不小于 0 的整数（当前为 -7）$/],
  ["NEXTVISIT an early date", () => rule.nextVisit([[10]], [["A"]]), "#NUM!", /^last_visit: cell 1: dates before 1900-03-01 are not supported/, /^最近拜访日期：第 1 个单元格早于 1900-03-01/],
  ["NEXTVISIT a text date", () => nextVisit([["2026-10-08"]], [["A"]]), "#VALUE!", /^last_visit: cell 1 is text/, /^最近拜访日期：第 1 个单元格是文本/],
  ["WORKDAYS a date in both lists", () => workdays(ymd(2026, 10, 1), ymd(2026, 10, 31), [[ymd(2026, 10, 10)]], [[ymd(2026, 10, 10)]]), "#VALUE!", /2026-10-10 is both a holiday and a make-up working day/, /^2026-10-10 同时填在了节假日和调休上班日中/],
  ["WORKDAYS a start before 1900", () => rule.workdays(1, ymd(2026, 10, 31)), "#NUM!", /^start: dates before 1900-03-01 are not supported/, /^开始日期早于 1900-03-01（序列号 61），超出支持范围（当前为 1）$/],
  ["WORKDAYS an end after 9999", () => rule.workdays(ymd(2026, 10, 1), 3e6), "#NUM!", /^end: dates after 9999-12-31/, /^结束日期晚于 9999-12-31，超出支持范围（当前为 3000000）$/],
  ["WORKDAYS text in holidays", () => workdays(ymd(2026, 10, 1), ymd(2026, 10, 31), [["国庆"]]), "#VALUE!", /^holidays: cell 1 is text/, /^节假日：第 1 个单元格是文本（"国庆"）/],
  ["WORKDAYS start missing", () => workdays(null, ymd(2026, 10, 31)), "#VALUE!", /^start is required; enter a date/, /^开始日期为必填项，请输入日期$/],
  ["WORKDAYS CN in 2027", () => sales.workdays(ymd(2027, 10, 1), ymd(2027, 10, 31), "CN"), "#N/A", /^holidays "CN": the built-in China calendar covers 2004–2026, not 2027; add the holidays of 2027 beside "CN" in holidays and the make-up days in workdays$/, /^节假日为"CN"（"中国"）：内置的中国节假日安排只包含 2004–2026 年，没有 2027 年；请在节假日中"CN"之外填写 2027 年的放假日期，在调休上班日中填写调休上班日期$/],
  ["WORKDAYS 大小周 without a date", () => sales.workdays(oct8, oct8, null, null, "大小周"), "#VALUE!", /^workweek \("大小周"\) is not a work week; enter 双休 \(or 5day, Monday–Friday\), 单休 \(or 6day, Monday–Saturday\) or 大小周:2026-11-07/, /^工作周（"大小周"）无法识别，请填写 双休（周一至周五）、单休（周一至周六）或 大小周:2026-11-07（隔周上周六/],
  ["WEEKSPLIT a number as workweek", () => sales.weekSplit(100, 2026, 10, null, null, 1, 6), "#VALUE!", /^workweek is not text; enter 双休/, /^工作周不是文本，请填写 双休/],
  ["WEEKSPLIT CN in 2003", () => sales.weekSplit(100, 2003, 10, "中国"), "#N/A", /not 2003;/, /没有 2003 年；/],
  ["DAYSPLIT CN in 2027", () => sales.daySplit(100, ymd(2026, 12, 28), ymd(2027, 1, 8), "CN"), "#N/A", /not 2027;/, /没有 2027 年；/],
  ["WEEKSPLIT month 13", () => rule.weekSplit(100, 2026, 13), "#NUM!", /^month must be a whole number from 1 to 12/, /^月必须是 1 到 12 之间的整数（当前为 13）$/],
  ["WEEKSPLIT month 1.5", () => rule.weekSplit(100, 2026, 1.5), "#NUM!", /^month must be a whole number \(got 1\.5\)/, /^月必须是整数（当前为 1\.5）$/],
  ["WEEKSPLIT year 1899", () => rule.weekSplit(100, 1899, 12), "#NUM!", /^year must be a whole number from 1900/, /^年必须是 1900 到 9999 之间的整数/],
  ["WEEKSPLIT a month off", () => rule.weekSplit(100, 2026, 2, february), "#NUM!", /^2026-02 has no working day/, /^2026-02 没有工作日，无法拆分目标$/],
  ["DAYSPLIT reversed", () => rule.daySplit(10, ymd(2026, 10, 12), ymd(2026, 10, 7)), "#NUM!", /^start \(2026-10-12\) must not be after end/, /^开始日期（2026-10-12）不能晚于结束日期（2026-10-07）$/],
  ["DAYSPLIT no working day", () => rule.daySplit(10, ymd(2026, 10, 1), ymd(2026, 10, 7), HOLIDAYS), "#NUM!", /no working day from 2026-10-01 to 2026-10-07/, /^2026-10-01 至 2026-10-07 之间没有工作日/],
  ["DAYSPLIT too tall", () => rule.daySplit(10, 61, 2958465), "#NUM!", /more than 1048576 working days/, /工作日超过 1048576 个/],
  ["DISCOUNT unreadable text", () => discount(100, [["9折", "cheap"]]), "#VALUE!", /discounts: cell 2 \("cheap"\) is not a discount/, /^折扣：第 2 个单元格（"cheap"）不是有效的折扣，请写成 0\.98、98% 或 9\.8折$/],
  ["DISCOUNT TRUE", () => discount(100, [[true]]), "#VALUE!", /discounts: cell 1 is TRUE/, /^折扣：第 1 个单元格是逻辑值 TRUE/],
  ["DISCOUNT 120%", () => rule.discount(100, [["120%"]]), "#NUM!", /discounts: cell 1/, /^折扣：第 1 个单元格（"120%"）必须大于 0 且不超过 1/],
  ["DISCOUNT 0", () => rule.discount(100, [[0]]), "#NUM!", /discounts: cell 1/, /^折扣：第 1 个单元格（0）必须大于 0/],
  ["DISCOUNT a text price", () => discount("abc", [["9折"]]), "#VALUE!", /^price is text \("abc"\)/, /^价格是文本（"abc"）/],
  ["DISCOUNT no price", () => discount(null, [["9折"]]), "#VALUE!", /^price is required/, /^价格为必填项/],
  ["DISCOUNT a negative price", () => rule.discount(-5, [["9折"]]), "#NUM!", /^price/, /^价格必须是不小于 0 的数字（当前为 -5）$/],
  ["DISCOUNT a NaN price", () => rule.discount(NaN, [["9折"]]), "#NUM!", /^price is not a finite number/, /^价格不是有效的数字（NaN）$/],
  ["DISCOUNT an infinite discount", () => rule.discount(100, [[Infinity]]), "#NUM!", /discounts: cell 1 is not a finite number/, /^折扣：第 1 个单元格不是有效的数字（Infinity）$/],
  ["DISCOUNT uneven rows", () => discount(100, [["9折", "9折"], ["9折"]]), "#VALUE!", /^discounts is not a range/, /^折扣不是有效的区域/],
];

/** The Functions page explains `code` for function `id` in both languages. */
function expectExplained(id: string, code: ErrorCode): void {
  const help = FUNCTION_ERROR_HELP[id as FunctionId]?.[code];
  expect([id, code, help?.zh.trim() !== "", help?.en.trim() !== ""]).toEqual([id, code, true, true]);
  expectZhTwin(help!.en, help!.zh);
}

describe("every SALES.* error has a zh-CN twin where Excel shows it, and the Functions page explains every code", () => {
  it.each(FUNCTION_ERRORS)("%s", (label, run, code, english, chinese) => {
    expectExplained(label.split(" ")[0], code);
    if (SHOWS_MESSAGE.has(code)) {
      const { en, zh } = bothLanguages(run);
      expect(en.code).toBe(code);
      expect(zh.code).toBe(code);
      expect(en.message).toMatch(english);
      expect(zh.message).toMatch(chinese);
      expectZhTwin(en.message, zh.message);
      return;
    }
    // Excel shows #NUM! / #DIV/0! without a message: the cell gets the bare code in either language …
    expect(excelResult(run, "en-US")).toEqual({ code });
    expect(excelResult(run, "zh-CN")).toEqual({ code });
    // … and the rule's reason, in both languages, is what the page's explanation stands for.
    const reason = thrownDomainError(run);
    expect(reason.code).toBe(code);
    expect(reason.localized("en-US")).toMatch(english);
    expect(reason.localized("zh-CN")).toMatch(chinese);
  });

  it("names each argument by its zh-CN parameter name from contract/functionNames.zh-CN.json", () => {
    // The same SPLIT error with the JSON's name for weights, whatever it is called there.
    const { zh } = bothLanguages(() => split(10, [[1, 2, "abc"]], 1));
    expect(zh.message.startsWith(`${zhNames.SPLIT.parameters.weights.name}：`)).toBe(true);
    // WEEKSPLIT and DAYSPLIT call their target differently (月目标, 目标): each message uses its own.
    expect(bothLanguages(() => weekSplit("x", 2026, 10)).zh.message.startsWith(zhNames.WEEKSPLIT.parameters.target.name)).toBe(true);
    expect(bothLanguages(() => daySplit("x", oct8, oct8)).zh.message.startsWith(zhNames.DAYSPLIT.parameters.target.name)).toBe(true);
    for (const id of Object.keys(zhNames) as (keyof typeof zhNames)[]) {
      for (const [en, name] of Object.entries(argNames(id))) {
        expect(name).toEqual({ en, zh: (zhNames[id].parameters as Record<string, { name: string }>)[en].name });
      }
    }
  });

  it("words an unforeseen failure in zh-CN too, keeping its detail", () => {
    const boom = () => excelResult(() => { throw new TypeError("boom"); });
    expect(boom()).toEqual({ code: "#VALUE!", message: "unexpected error: boom" });
    expect(inDisplayLanguage("zh-CN", boom)).toEqual({ code: "#VALUE!", message: "意外错误：boom" });
    expect(excelResult(() => { throw undefined; }, "zh-CN")).toEqual({ code: "#VALUE!", message: "意外错误：undefined" });
    expect(excelResult(() => { throw new Error(""); }, "zh-CN")).toEqual({ code: "#VALUE!", message: "意外错误：原因不明" });
  });
});

/** The domain and argument-reading errors the domain and excelArgs tests provoke, thrown directly. */
const d = verbatim;
const DOMAIN_ERRORS: readonly [string, () => unknown][] = [
  ["apportion: a negative total", () => apportion(-1, [1])],
  ["apportion: a zero unit", () => apportion(1, [1], 0)],
  ["apportion: a negative weight", () => apportion(1, [1, -2])],
  ["apportion: no multiple of unit", () => apportion(1.005, [1], 0.01)],
  ["apportion: all weights 0", () => apportion(5, [0, 0])],
  ["apportion: NaN in the weights", () => apportion(5, [NaN])],
  ["apportion: an infinite total", () => apportion(Infinity, [1])],
  ["apportion: an infinite unit", () => apportion(1, [1], Infinity)],
  ["apportion: too many units", () => apportion(2 ** 53 + 2, [1, 1])],
  ["calendar: a date before 1900-03-01", () => ymd(1900, 2, 28)],
  ["calendar: serial 60", () => ymdFromSerial(60)],
  ["calendar: year 1899", () => ymd(1899, 12, 31)],
  ["calendar: 2026-02-29", () => ymd(2026, 2, 29)],
  ["calendar: month 13", () => ymd(2026, 13, 1)],
  ["calendar: after 9999-12-31", () => ymdFromSerial(2958466)],
  ["calendar: a fractional serial", () => ymdFromSerial(45000.5)],
  ["calendar: week 53 of 2021", () => isoWeekMonday(2021, 53)],
  ["calendar: week 1 of 1900, before 1900-03-01", () => isoWeekMonday(1900, 1)],
  ["calendar: a date in both lists", () => makeWorkCalendar([ymd(2026, 10, 10)], [ymd(2026, 10, 10)])],
  ["calendar: a holiday before 1900", () => makeWorkCalendar([1], [])],
  ["calendar: a month off", () => splitByWeek(100, 2026, 2, makeWorkCalendar(february[0], []))],
  ["calendar: a weekend", () => splitByDay(100, ymd(2026, 10, 3), ymd(2026, 10, 4), PLAIN_WEEKS)],
  ["calendar: reversed", () => splitByDay(100, ymd(2026, 10, 9), ymd(2026, 10, 8), PLAIN_WEEKS)],
  ["discount: unreadable", () => parseDiscount("八十折", argNames("DISCOUNT").discounts)],
  ["discount: 98", () => parseDiscount(98, argNames("DISCOUNT").discounts)],
  ["discount: a negative price", () => applyDiscounts(-1, [])],
  ["tiers: a negative value", () => abcClasses([1, -2])],
  ["tiers: an infinite value", () => abcClasses([Infinity])],
  ["tiers: a_share above b_share", () => abcClasses([1], 0.9, 0.8)],
  ["tiers: a_share 0", () => abcClasses([1], 0, 0.8)],
  ["tiers: b_share above 1", () => abcClasses([1], 0.4, 1.5)],
  ["tiers: a total beyond doubles", () => abcClasses([1e308, 1e308])],
  ["tiers: a_min below b_min", () => thresholdTier(1, 10, 20)],
  ["tiers: a NaN a_min", () => thresholdTier(1, NaN, 20)],
  ["tiers: a NaN b_min", () => thresholdTier(1, 20, NaN)],
  ["tiers: a negative interval", () => visitIntervalDays("A", { A: -1, B: 14, C: 30 })],
  ["tiers: the next visit after 9999", () => nextVisitDate(2958460, "C")],
  ["tiers: an unknown tier", () => readTier("VIP", argNames("NEXTVISIT").tier)],
  ["excelArgs: uneven rows", () => rangeArg(d("weights"), [[1, 2], [3]])],
  ["excelArgs: rows and values", () => rangeArg(d("weights"), [[1], 2])],
  ["excelArgs: shapes differ", () => checkSameShape(d("a"), rangeArg(d("a"), [[1, 2]]), d("b"), rangeArg(d("b"), [[3], [4]]))],
  ["excelArgs: NaN", () => numberCells(d("w"), rangeArg(d("w"), [[NaN]]))],
  ["excelArgs: an object", () => numberCells(d("w"), rangeArg(d("w"), [[{}]]))],
  ["excelArgs: long text", () => numberArg(d("total"), "x".repeat(100))],
  ["excelArgs: a range for a scalar", () => scalarArg(d("total"), [[1, 2]])],
  ["excelArgs: a missing number", () => numberArg(d("total"), undefined)],
  ["excelArgs: a fractional year", () => wholeNumberArg(d("year"), 2026.5)],
  ["excelArgs: serial 59", () => dateArg(d("start"), 59)],
  ["excelArgs: text in a date list", () => dateListArg(d("holidays"), [[46296, "十一"]])],
  ["excelArgs: a symbol", () => dateArg(d("start"), Symbol("x"))],
  ["excelArgs: an error cell", () => numberArg(d("total"), [[{ code: "#N/A" }]])],
];

describe("every domain and argument error has a zh-CN twin", () => {
  it.each(DOMAIN_ERRORS)("%s", (_, run) => {
    const error = thrownDomainError(run);
    expect(error.localized("en-US")).toBe(error.message);
    expectZhTwin(error.message, error.localized("zh-CN"));
  });
});

describe("DomainError", () => {
  it("keeps message English and gives either language on request", () => {
    const error = valueError({ en: "weights is empty; select at least one cell", zh: "权重为空，请至少选择一个单元格" });
    expect(error.message).toBe("weights is empty; select at least one cell");
    expect(error.localized("en-US")).toBe("weights is empty; select at least one cell");
    expect(error.localized("zh-CN")).toBe("权重为空，请至少选择一个单元格");
    expect(error.code).toBe("#VALUE!");
  });

  it("still takes a plain English message, which zh-CN falls back to", () => {
    const error = new DomainError("#NUM!", "rep 3 has no target");
    expect(error.message).toBe("rep 3 has no target");
    expect(error.localized("zh-CN")).toBe("rep 3 has no target");
    expect(excelResult(() => { throw new DomainError("#VALUE!", "rep 3 has no name"); }, "zh-CN")).toEqual({ code: "#VALUE!", message: "rep 3 has no name" });
  });

  it("will not take a message without its zh-CN twin, nor a misspelt argument (checked by tsc)", () => {
    // @ts-expect-error an English-only message is a type error for the helpers
    expect(valueError("weights is empty")).toBeInstanceOf(DomainError);
    // @ts-expect-error so is a message missing its zh text
    expect(numError({ en: "unit must be more than 0" })).toBeInstanceOf(DomainError);
    // @ts-expect-error SPLIT has no argument "totl"
    expect(argNames("SPLIT").totl).toBeUndefined();
  });
});

describe("the language follows Office.context.displayLanguage", () => {
  const failing = () => split(10, [[1, 2, "abc"]], 1);
  const EN = { code: "#VALUE!", message: 'weights: cell 3 is text ("abc"); enter a number' };
  const ZH = { code: "#VALUE!", message: '权重：第 3 个单元格是文本（"abc"），请输入数字' };

  afterEach(() => {
    delete globals.Office;
    delete globals.CustomFunctions;
  });

  it("returns the zh-CN message when Excel is in zh-CN, and English again once Office is gone", () => {
    globals.Office = { context: { displayLanguage: "zh-CN" } };
    expect(displayLocale()).toBe("zh-CN");
    expect(failing()).toEqual(ZH);
    delete globals.Office;
    expect(displayLocale()).toBe("en-US");
    expect(failing()).toEqual(EN);
  });

  it.each([
    ["zh-CN", ZH],
    ["zh-Hans-CN", ZH],
    ["zh-TW", ZH],
    ["ZH-cn", ZH],
    ["en-US", EN],
    ["en-GB", EN],
    ["fr-FR", EN],
    ["", EN],
  ])("maps display language %p with resolveLocale", (language, expected) => {
    globals.Office = { context: { displayLanguage: language } };
    expect(failing()).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ["Office without a context", {}],
    ["a null context", { context: null }],
    ["a context without displayLanguage", { context: {} }],
    ["a displayLanguage that is not text", { context: { displayLanguage: 7 } }],
    [
      "a context that throws when read",
      Object.defineProperty({}, "context", {
        get() {
          throw new Error("Office.context is not available in the functions runtime");
        },
      }),
    ],
    [
      "a displayLanguage that throws when read",
      {
        context: Object.defineProperty({}, "displayLanguage", {
          get() {
            throw new Error("not loaded");
          },
        }),
      },
    ],
  ])("falls back to English for %s", (_, office) => {
    globals.Office = office;
    expect(displayLocale()).toBe("en-US");
    expect(failing()).toEqual(EN);
  });

  it("returns a CustomFunctions.Error with the zh-CN message inside Excel", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message: string,
      ) {}
    }
    globals.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" } };
    globals.Office = { context: { displayLanguage: "zh-CN" } };
    const result = failing();
    expect(result).toBeInstanceOf(FakeError);
    expect(result).toEqual(new FakeError("#VALUE!", ZH.message));
  });

  it("lets a caller choose the language, whatever Office says", () => {
    const run = () => excelResult(() => { throw valueError({ en: "weights is empty", zh: "权重为空" }); }, "en-US");
    expect(inDisplayLanguage("zh-CN", run)).toEqual({ code: "#VALUE!", message: "weights is empty" });
    expect(excelResult(() => { throw valueError({ en: "weights is empty", zh: "权重为空" }); }, "zh-CN")).toEqual({
      code: "#VALUE!",
      message: "权重为空",
    });
  });

  it("leaves successful results alone", () => {
    expect(inDisplayLanguage("zh-CN", () => split(100, [[2, 3, 1]]))).toEqual([[33, 50, 17]]);
  });
});


describe.each(CONTRACT.map((entry) => [entry.id, entry] as const))("%s with random bad arguments", (_, entry) => {
  const call = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[entry.exportName];

  it("errs with the same code in both languages, each message non-empty and the two different", () => {
    let errors = 0;
    fc.assert(
      fc.property(fc.array(junk, { minLength: entry.parameters.length, maxLength: entry.parameters.length }), (args) => {
        const en = call(...args);
        const zh = inDisplayLanguage("zh-CN", () => call(...args));
        if (!isExcelError(en)) {
          expect(zh).toEqual(en);
          return;
        }
        errors++;
        expect(isExcelError(zh)).toBe(true);
        const zhError = zh as ExcelErrorResult;
        expect(zhError.code).toBe(en.code);
        expectExplained(entry.id, en.code);
        if (!SHOWS_MESSAGE.has(en.code)) return;
        expect(en.message!.trim()).not.toBe("");
        expectZhTwin(en.message!, zhError.message!);
      }),
      { numRuns: 300 },
    );
    expect(errors).toBeGreaterThan(100);
  });
});
