import { formatSerial, isoWeekday, serialFromYmd } from "./calendar";
import type { DateLists } from "./dateText";
import type { Bilingual } from "../contract/locale";
import { DomainError } from "./errors";
import { halfWidth } from "./typedText";

/**
 * Reads the State Council's yearly notice (国务院办公厅关于YYYY年部分节假日安排的通知) into days off and
 * make-up working days, for a year the built-in data does not cover yet. The notices' sentences have
 * kept a small grammar since 2008: dates, date ranges and lists, followed by what they are —
 * 放假(调休/公休), 补休, 为法定节假日, 照常公休, 上班, or "A 公休日调至 B" (A worked, B off). Every
 * sentence holding a date is either read completely or named in `problems`: a schedule read in part
 * would give wrong working-day counts without anyone noticing.
 */

export type NoticeProblemKind = "unread" | "weekday" | "dayCount" | "conflict" | "wrongYear" | "empty";

export interface NoticeProblem {
  readonly kind: NoticeProblemKind;
  /** The sentence as pasted ("" when the problem is the whole text). */
  readonly sentence: string;
  readonly message: Bilingual;
}

/** A sentence naming a day the notice only encourages employers to give (鼓励…休息): not counted. */
export interface NoticeAdvice {
  readonly sentence: string;
  readonly dates: readonly number[];
  readonly message: Bilingual;
}

export interface NoticeParse extends DateLists {
  readonly holidays: number[];
  readonly makeUpDays: number[];
  readonly advisories: readonly NoticeAdvice[];
  readonly problems: readonly NoticeProblem[];
}

const WEEKDAY_NAMES: readonly Bilingual[] = [
  { en: "Monday", zh: "星期一" },
  { en: "Tuesday", zh: "星期二" },
  { en: "Wednesday", zh: "星期三" },
  { en: "Thursday", zh: "星期四" },
  { en: "Friday", zh: "星期五" },
  { en: "Saturday", zh: "星期六" },
  { en: "Sunday", zh: "星期日" },
];

const MESSAGES = {
  unread: (sentence: string): Bilingual => ({
    en: `Could not read this sentence of the notice; add its dates by hand: “${sentence}”`,
    zh: `无法识别通知中的这句话，请手动补充其中的日期：“${sentence}”`,
  }),
  weekday: (sentence: string, date: number, claimed: number, year: number): Bilingual => ({
    en: `${formatSerial(date)} is a ${WEEKDAY_NAMES[isoWeekday(date) - 1].en}, not a ${WEEKDAY_NAMES[claimed - 1].en} as the notice says; is it the notice for ${year}? “${sentence}”`,
    zh: `${formatSerial(date)} 是${WEEKDAY_NAMES[isoWeekday(date) - 1].zh}，不是通知所写的${WEEKDAY_NAMES[claimed - 1].zh}，这是 ${year} 年的通知吗？“${sentence}”`,
  }),
  dayCount: (sentence: string, said: number, listed: number): Bilingual => ({
    en: `The notice says ${said} days but the dates give ${listed}: “${sentence}”`,
    zh: `通知写明共 ${said} 天，但日期共有 ${listed} 天：“${sentence}”`,
  }),
  conflict: (sentence: string, date: number): Bilingual => ({
    en: `${formatSerial(date)} is both a day off and a working day in the notice; add it by hand: “${sentence}”`,
    zh: `${formatSerial(date)} 在通知中既是放假日又是上班日，请手动补充：“${sentence}”`,
  }),
  wrongYear: (sentence: string, noticeYear: number, year: number): Bilingual => ({
    en: `This is the notice for ${noticeYear}, not for ${year}: “${sentence}”`,
    zh: `这是 ${noticeYear} 年的通知，不是 ${year} 年的：“${sentence}”`,
  }),
  empty: (): Bilingual => ({
    en: "The text holds no day off and no make-up working day",
    zh: "文本中没有找到放假日或调休上班日",
  }),
  advice: (dates: readonly number[]): Bilingual => ({
    en: `Not counted as a day off: the notice only encourages employers to give ${dates.map(formatSerial).join(", ")}`,
    zh: `未计为放假日：通知只是鼓励单位安排 ${dates.map(formatSerial).join("、")} 休息`,
  }),
};

/** A line that ends inside brackets, on a joining mark or inside a date was wrapped, not finished (text copied from a PDF). */
const CONTINUED = /[、，,；;：:至—–\-~～\d０-９月年]$/;

function sentencesOf(text: string): string[] {
  const logical: string[] = [];
  let pending = "";
  for (const line of text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/)) {
    pending += line.trim();
    const open = (pending.match(/[(（]/g) ?? []).length - (pending.match(/[)）]/g) ?? []).length;
    if (pending !== "" && (open > 0 || CONTINUED.test(pending))) continue;
    if (pending !== "") logical.push(pending);
    pending = "";
  }
  if (pending !== "") logical.push(pending);
  return logical.flatMap((line) => line.split(/[。！？!?]|…+/).map((s) => s.trim())).filter(Boolean);
}

const CHINESE_NUMBER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const number = (text: string): number => (/^\d+$/.test(text) ? Number(text) : CHINESE_NUMBER[text]);
const WEEKDAY_CHARS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** `2018年12月30日{7}`: a date with what the notice says of its weekday, `{n}` standing for its bracket. */
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\{(\d)\})?/y;
const OFF = /^(?:[两二三四五六七八九十\d]+[个天])?为?(?:国庆节|中秋节|春节)?(?:法定节假日|法定假日|公休日|照常公休|调休|补休|(?:调休)?放假(?:调休|公休)?(?:共?([\d一二两三四五六七八九十]+)天)?)$/;
const WORK = /^(?:[两二三四五六七八九十\d]+[个天])?(?:照常)?上班$/;
const SWAP = /^[^\d~⇒]{0,12}⇒$/;
const DAY_COUNT = /^共([\d一二两三四五六七八九十]+)天$/;
/** 十月一日: a date the grammar does not read, so a sentence holding one is named, not taken as prose. */
const CHINESE_DATE = /[〇一二三四五六七八九十]+月[〇一二三四五六七八九十]+日/;
const DATE_BEARING = new RegExp(`\\d+日|${CHINESE_DATE.source}`);
const TITLE_YEAR = /关于(\d{4})年部分?节假日安排/;

interface Token {
  readonly year?: number;
  readonly month?: number;
  readonly day: number;
  readonly weekday?: number;
}

class Unreadable extends Error {}

/**
 * Reads dates in the notice's order: a date without a month is in the month last named, without a year
 * in `year` — unless that month was named with one, or in a range over the year end (元旦
 * `2018年12月30日` or `12月30日至1月1日` makes a later `12月29日` 2018).
 */
class DateContext {
  private month: number | undefined;
  private readonly yearOfMonth = new Map<number, number>();
  readonly weekdayMismatches: { date: number; claimed: number }[] = [];

  constructor(private readonly year: number) {}

  private serial(token: Token, year: number, month: number, inferred = false): number {
    let serial: number;
    try {
      serial = serialFromYmd(year, month, token.day);
    } catch (error) {
      if (error instanceof DomainError) throw new Unreadable();
      throw error;
    }
    if (token.weekday !== undefined && isoWeekday(serial) !== token.weekday) this.weekdayMismatches.push({ date: serial, claimed: token.weekday });
    if (token.year !== undefined || inferred) this.yearOfMonth.set(month, year);
    this.month = month;
    return serial;
  }

  private monthOf(token: Token): number {
    const month = token.month ?? this.month;
    if (month === undefined) throw new Unreadable();
    return month;
  }

  private defaultYear = (month: number): number => this.yearOfMonth.get(month) ?? this.year;

  date(token: Token): number {
    const month = this.monthOf(token);
    return this.serial(token, token.year ?? this.defaultYear(month), month);
  }

  /** A range; one that runs over a year end without saying the years (`12月30日至1月1日`) starts in the year before. */
  range(from: Token, to: Token): number[] {
    const fromMonth = this.monthOf(from);
    const toMonth = to.month ?? fromMonth;
    const wraps = toMonth < fromMonth;
    const fromYear = from.year ?? (wraps ? (to.year ?? this.defaultYear(toMonth)) - 1 : this.defaultYear(fromMonth));
    const start = this.serial(from, fromYear, fromMonth, wraps);
    const end = this.serial(to, to.year ?? fromYear + (wraps ? 1 : 0), toMonth, wraps);
    // No break has lasted a month (the longest, 2020's extended 春节, ten days): a longer "range" is a misreading.
    if (end < start || end - start > 31) throw new Unreadable();
    return Array.from({ length: end - start + 1 }, (_, i) => start + i);
  }
}

/** The dates listed from `at`: `A`, `A至B`, joined by 、和及; the index after them. */
function readList(clause: string, at: number, context: DateContext): { dates: number[]; next: number } {
  const dates: number[] = [];
  let position = at;
  const token = (): Token | undefined => {
    DATE.lastIndex = position;
    const match = DATE.exec(clause);
    if (!match) return undefined;
    position = DATE.lastIndex;
    const [, year, month, day, weekday] = match;
    return {
      year: year === undefined ? undefined : Number(year),
      month: month === undefined ? undefined : Number(month),
      day: Number(day),
      weekday: weekday === undefined ? undefined : Number(weekday),
    };
  };
  for (;;) {
    const from = token();
    if (!from) throw new Unreadable();
    if (clause[position] === "~") {
      position++;
      const to = token();
      if (!to) throw new Unreadable();
      dates.push(...context.range(from, to));
    } else dates.push(context.date(from));
    if (!/[、和及]/.test(clause[position] ?? "") || !/\d/.test(clause[position + 1] ?? "")) return { dates, next: position };
    position++;
  }
}

interface SentenceDates {
  readonly off: number[];
  readonly work: number[];
  /** Weekend days whose rest a notice moved elsewhere (调至): worked, unless the notice gives them off anyway. */
  readonly swapped: number[];
  readonly dayCounts: { said: number; listed: number }[];
}

/** Brackets become `{n}` (the weekday they name) or go; connectors become `~`, 调至 `⇒`. */
function normalize(sentence: string): string {
  return halfWidth(sentence)
    .replace(/[\s\u00a0]+/g, "")
    .replace(/\(([^()]*)\)/g, (_, inside: string) => {
      if (/\d+日/.test(inside)) throw new Unreadable();
      const weekday = /(?:星期|周|礼拜)([一二三四五六日天])/.exec(inside);
      return weekday ? `{${WEEKDAY_CHARS[weekday[1]]}}` : "";
    })
    .replace(/调至/g, "⇒")
    .replace(/[—–―‐‑~〜-]+|至/g, "~");
}

function readSentence(sentence: string, context: DateContext): SentenceDates {
  const read: SentenceDates = { off: [], work: [], swapped: [], dayCounts: [] };
  let lastOff: number[] | undefined;
  for (const numbered of normalize(sentence).split(/[,;:，；：]/)) {
    // An item number as a reformatted copy has it ("1. 元旦"); the notices number items 一、二、.
    const clause = numbered.replace(/^\d{1,2}[.、)](?=[^\d日月年])/, "");
    const firstDigit = clause.search(/\d/);
    if (firstDigit < 0) {
      if (CHINESE_DATE.test(clause)) throw new Unreadable();
      continue;
    }
    const count = DAY_COUNT.exec(clause);
    if (count) {
      if (!lastOff) throw new Unreadable();
      read.dayCounts.push({ said: number(count[1]), listed: lastOff.length });
      continue;
    }
    if (/[~⇒]/.test(clause.slice(0, firstDigit))) throw new Unreadable();
    const { dates, next } = readList(clause, firstDigit, context);
    const rest = clause.slice(next);
    const swap = rest.indexOf("⇒");
    if (swap >= 0 && SWAP.test(rest.slice(0, swap + 1))) {
      const moved = readList(rest, swap + 1, context);
      if (moved.next !== rest.length) throw new Unreadable();
      read.swapped.push(...dates);
      read.off.push(...moved.dates);
      continue;
    }
    const off = OFF.exec(rest);
    if (off) {
      read.off.push(...dates);
      lastOff = dates;
      if (off[1] !== undefined) read.dayCounts.push({ said: number(off[1]), listed: dates.length });
    } else if (WORK.test(rest)) read.work.push(...dates);
    else throw new Unreadable();
  }
  return read;
}

const sorted = (dates: Iterable<number>): number[] => [...new Set(dates)].sort((a, b) => a - b);

/**
 * The days off and make-up working days of the notice for `year`. A date without a year is in `year`;
 * one in a range that runs over the year end (元旦) in the year before.
 */
export function parseHolidayNotice(text: string, year: number): NoticeParse {
  const context = new DateContext(year);
  const problems: NoticeProblem[] = [];
  const advisories: NoticeAdvice[] = [];
  const off = new Set<number>();
  const swapped = new Set<number>();
  const workSentence = new Map<number, string>();

  for (const sentence of sentencesOf(text)) {
    const typed = halfWidth(sentence).replace(/[\s\u00a0]+/g, "");
    const title = TITLE_YEAR.exec(typed);
    if (title && Number(title[1]) !== year) problems.push({ kind: "wrongYear", sentence, message: MESSAGES.wrongYear(sentence, Number(title[1]), year) });
    if (!DATE_BEARING.test(typed)) continue;
    // The signature: the day the notice was issued, in an earlier year.
    const signed = /^(?:国务院办公厅)?(\d{4})年\d{1,2}月\d{1,2}日$/.exec(typed);
    if (signed && Number(signed[1]) < year) continue;
    if (typed.includes("鼓励")) {
      try {
        const dates = [...typed.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g)].map(([, y, m, d]) => serialFromYmd(y ? Number(y) : year, Number(m), Number(d)));
        advisories.push({ sentence, dates, message: MESSAGES.advice(dates) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({ kind: "unread", sentence, message: MESSAGES.unread(sentence) });
      }
      continue;
    }
    const mismatchesBefore = context.weekdayMismatches.length;
    let read: SentenceDates;
    try {
      read = readSentence(sentence, context);
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      problems.push({ kind: "unread", sentence, message: MESSAGES.unread(sentence) });
      continue;
    }
    const mismatch = context.weekdayMismatches[mismatchesBefore];
    const badCount = read.dayCounts.find(({ said, listed }) => said !== listed);
    if (mismatch) problems.push({ kind: "weekday", sentence, message: MESSAGES.weekday(sentence, mismatch.date, mismatch.claimed, year) });
    else if (badCount) problems.push({ kind: "dayCount", sentence, message: MESSAGES.dayCount(sentence, badCount.said, badCount.listed) });
    else {
      read.off.forEach((date) => off.add(date));
      read.swapped.forEach((date) => swapped.add(date));
      read.work.forEach((date) => workSentence.set(date, sentence));
    }
  }

  const makeUpDays = new Set([...swapped].filter((date) => !off.has(date)));
  for (const [date, sentence] of workSentence) {
    if (off.has(date)) {
      off.delete(date);
      makeUpDays.delete(date);
      problems.push({ kind: "conflict", sentence, message: MESSAGES.conflict(sentence, date) });
    } else makeUpDays.add(date);
  }
  if (off.size === 0 && makeUpDays.size === 0 && problems.length === 0) problems.push({ kind: "empty", sentence: "", message: MESSAGES.empty() });
  return { holidays: sorted(off), makeUpDays: sorted(makeUpDays), advisories, problems };
}
