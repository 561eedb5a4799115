import type { Locale } from "../contract/locale";
import { halfWidth, readTypedNumber } from "../domain/typedText";
import { CAP_RANGE, parseRate, type AnnualPlanInput } from "./annualPlan";
import { isBlank, parseRatios, readMonth, type RepInput } from "./breakdown";

/**
 * The annual plan's inputs from a small CSV the user keeps (issue 14): one item per row, its name in the
 * first cell in either language, its values in the cells after it —
 *
 *     上年实际,80000,…(12)        增长率,20%          年度目标,(blank: from last year × growth)
 *     拆分方式,上年|工作日        产品比例,2:3:1      费用上限,2%        取整单位,100
 *     销售代表,张三,2[,到岗月份][,固定目标]        固定月目标,3,150000       代表上年,张三,…(12)
 *
 * The bytes are decoded and split into cells at the command line's edge (import/text.ts); this reads the
 * grid. A row is read when each of its cells can be read (a number, a rate, a month, a split word);
 * whether the plan those values make is possible (holds within the target, a unit dividing it) is the
 * plan's own check, `computeAnnualPlan`. Every row that cannot be read is a problem naming its row.
 */

export type AnnualItem = "lastYear" | "growth" | "target" | "split" | "products" | "expenseCap" | "rep" | "monthHold" | "repLastYear" | "unit";

/** Each item's names: the first of each language is how the messages call it. */
const ITEM_NAMES: Readonly<Record<AnnualItem, { readonly zh: readonly string[]; readonly en: readonly string[] }>> = {
  lastYear: { zh: ["上年实际", "去年实际"], en: ["Last year", "Last year actual"] },
  growth: { zh: ["增长率"], en: ["Growth", "Growth rate"] },
  target: { zh: ["年度目标"], en: ["Target", "Annual target"] },
  split: { zh: ["拆分方式"], en: ["Split"] },
  products: { zh: ["产品比例"], en: ["Products", "Product ratio"] },
  expenseCap: { zh: ["费用上限"], en: ["Expense cap"] },
  rep: { zh: ["销售代表"], en: ["Rep"] },
  monthHold: { zh: ["固定月目标"], en: ["Month hold"] },
  repLastYear: { zh: ["代表上年"], en: ["Rep last year"] },
  unit: { zh: ["取整单位"], en: ["Unit"] },
};

/** Half-width, any case, spaces and a trailing colon ignored: `Last Year：` is `lastyear`. */
const itemKey = (text: string): string =>
  halfWidth(text)
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/:$/, "");

const ITEMS: ReadonlyMap<string, AnnualItem> = new Map(
  (Object.entries(ITEM_NAMES) as [AnnualItem, (typeof ITEM_NAMES)[AnnualItem]][]).flatMap(([item, names]) => [...names.zh, ...names.en].map((name) => [itemKey(name), item] as const)),
);

/** How the messages name an item in `locale`. */
export const itemName = (item: AnnualItem, locale: Locale): string => (locale === "zh-CN" ? ITEM_NAMES[item].zh[0] : ITEM_NAMES[item].en[0]);

/** The words of a month split, as typed in the file or after `--split`. */
const SPLIT_WORDS: ReadonlyMap<string, "lastYear" | "workdays"> = new Map([
  ["上年", "lastYear"],
  ["上年实际", "lastYear"],
  ["lastyear", "lastYear"],
  ["工作日", "workdays"],
  ["workdays", "workdays"],
]);

/** `上年` / `工作日` / `lastyear` / `workdays` (any case, spaces ignored: `Last year`), or undefined. */
export const readSplit = (text: string): "lastYear" | "workdays" | undefined => SPLIT_WORDS.get(itemKey(text));

/** A month number 1..12, as `3`, `03`, `３` or `3月`; undefined otherwise. */
export type AnnualInputProblemCode =
  | "unknownItem"
  | "itemRepeated"
  | "valueMissing"
  | "tooManyValues"
  | "notNumber"
  | "notRate"
  | "notRatio"
  | "notSplit"
  | "notMonth"
  | "notTwelveMonths"
  | "repUnknown";

/** Which cell of a row a problem is about. */
export type AnnualInputField = "value" | "name" | "weight" | "start" | "hold" | "month" | "amount";

export interface AnnualInputProblem {
  readonly code: AnnualInputProblemCode;
  /** One-based row of the file. */
  readonly row: number;
  readonly params: {
    readonly item?: AnnualItem;
    readonly field?: AnnualInputField;
    /** The cell as typed. */
    readonly value?: string;
    /** The row the item was first given in (`itemRepeated`). */
    readonly first?: number;
    /** How many values the row holds (`notTwelveMonths`), or may hold (`tooManyValues`). */
    readonly count?: number;
    readonly rep?: string;
    readonly month?: number;
  };
}

type Params = AnnualInputProblem["params"];

const FIELDS: Readonly<Record<Locale, Record<AnnualInputField, string>>> = {
  "zh-CN": { value: "数值", name: "姓名", weight: "权重", start: "到岗月份", hold: "固定目标", month: "月份", amount: "金额" },
  "en-US": { value: "value", name: "name", weight: "weight", start: "start month", hold: "fixed target", month: "month", amount: "amount" },
};

/** The item a problem is about, with the rep or month that makes it one of several rows. */
function subject(p: Params, locale: Locale): string {
  const name = p.item ? itemName(p.item, locale) : "";
  if (p.rep !== undefined) return locale === "zh-CN" ? `${name}（${p.rep}）` : `${name} (${p.rep})`;
  if (p.month !== undefined) return locale === "zh-CN" ? `${name}（${p.month} 月）` : `${name} (month ${p.month})`;
  return name;
}

const allItems = (locale: Locale): string => (Object.keys(ITEM_NAMES) as AnnualItem[]).map((item) => itemName(item, locale)).join(locale === "zh-CN" ? "、" : ", ");

const MESSAGES: Readonly<Record<Locale, Record<AnnualInputProblemCode, (p: Params) => string>>> = {
  "zh-CN": {
    unknownItem: (p) => `不认识的项目“${p.value}”。每行第一格应为以下项目之一：${allItems("zh-CN")}。`,
    itemRepeated: (p) => `“${subject(p, "zh-CN")}”已在第 ${p.first} 行填写过，同一项只能填一行。`,
    valueMissing: (p) => `“${subject(p, "zh-CN")}”缺少${FIELDS["zh-CN"][p.field ?? "value"]}。`,
    tooManyValues: (p) => `“${subject(p, "zh-CN")}”后面最多填 ${p.count} 个值，多出的“${p.value}”无法识别。`,
    notNumber: (p) => `“${subject(p, "zh-CN")}”的${FIELDS["zh-CN"][p.field ?? "value"]}“${p.value}”不是数字。`,
    notRate: (p) => `“${subject(p, "zh-CN")}”的“${p.value}”不是比率：请填写如 20% 或 0.2。`,
    notRatio: (p) => `“${subject(p, "zh-CN")}”的“${p.value}”不是三个数字的比例：请填写如 2:3:1。`,
    notSplit: (p) => `“${subject(p, "zh-CN")}”只能是“上年”（按上年各月销售）或“工作日”，而不是“${p.value}”。`,
    notMonth: (p) => `“${subject(p, "zh-CN")}”的${FIELDS["zh-CN"][p.field ?? "month"]}“${p.value}”不是 1 到 12 的月份。`,
    notTwelveMonths: (p) => `“${subject(p, "zh-CN")}”应填 12 个月的数值，这一行有 ${p.count} 个：没有销售的月份请填 0。`,
    repUnknown: (p) => `“${subject(p, "zh-CN")}”中的“${p.rep}”没有对应的“${itemName("rep", "zh-CN")}”行：请先加一行 ${itemName("rep", "zh-CN")},${p.rep},权重。`,
  },
  "en-US": {
    unknownItem: (p) => `Unknown item “${p.value}”. The first cell of each row is one of: ${allItems("en-US")}.`,
    itemRepeated: (p) => `“${subject(p, "en-US")}” was already given in row ${p.first}; give each item in one row only.`,
    valueMissing: (p) => `“${subject(p, "en-US")}” has no ${FIELDS["en-US"][p.field ?? "value"]}.`,
    tooManyValues: (p) => `“${subject(p, "en-US")}” takes at most ${p.count} values; the extra “${p.value}” cannot be read.`,
    notNumber: (p) => `The ${FIELDS["en-US"][p.field ?? "value"]} “${p.value}” of “${subject(p, "en-US")}” is not a number.`,
    notRate: (p) => `“${p.value}” in “${subject(p, "en-US")}” is not a rate: write e.g. 20% or 0.2.`,
    notRatio: (p) => `“${p.value}” in “${subject(p, "en-US")}” is not a ratio of three numbers: write e.g. 2:3:1.`,
    notSplit: (p) => `“${subject(p, "en-US")}” is lastyear (by last year's monthly sales) or workdays, not “${p.value}”.`,
    notMonth: (p) => `The ${FIELDS["en-US"][p.field ?? "month"]} “${p.value}” of “${subject(p, "en-US")}” is not a month from 1 to 12.`,
    notTwelveMonths: (p) => `“${subject(p, "en-US")}” takes 12 monthly values; this row has ${p.count}: write 0 for a month without sales.`,
    repUnknown: (p) => `“${p.rep}” in “${subject(p, "en-US")}” has no “${itemName("rep", "en-US")}” row: add a row ${itemName("rep", "en-US")},${p.rep},WEIGHT first.`,
  },
};

/** Each problem as a sentence in `locale`, its row first, in file order. */
export const annualInputMessages = (problems: readonly AnnualInputProblem[], locale: Locale): string[] =>
  problems.map((problem) => `${locale === "zh-CN" ? `第 ${problem.row} 行：` : `Row ${problem.row}: `}${MESSAGES[locale][problem.code](problem.params)}`);

/** What a file can say about an annual plan: the plan's inputs, and the expense cap the sheet checks against. */
export type AnnualInputFile = Partial<AnnualPlanInput> & { readonly reps: RepInput[]; readonly expenseCap?: number };

export interface AnnualInputRead {
  readonly input: AnnualInputFile;
  readonly problems: readonly AnnualInputProblem[];
}

/** Excel pads every row of a saved CSV to the widest one: the blank cells at a row's end are not values. */
function valuesOf(row: readonly string[]): string[] {
  let end = row.length;
  while (end > 1 && isBlank(row[end - 1])) end--;
  return row.slice(1, end).map((cell) => cell.trim());
}

/** The values a row's item takes at most; the month rows take exactly 12 (checked on their own). */
const MAX_VALUES: Readonly<Record<AnnualItem, number>> = { lastYear: 12, growth: 1, target: 1, split: 1, products: 3, expenseCap: 1, rep: 4, monthHold: 2, repLastYear: 13, unit: 1 };

/** Reads the grid (rows of cells, as parseCsv returns them); blank rows are skipped. */
export function readAnnualInput(grid: readonly (readonly string[])[]): AnnualInputRead {
  const problems: AnnualInputProblem[] = [];
  const firstRow = new Map<string, number>();
  const reps: { rep: RepInput; row: number }[] = [];
  const repMonths: { rep: string; months: string[]; row: number }[] = [];
  const monthHolds: (string | undefined)[] = Array.from({ length: 12 }, () => undefined);
  let input: Omit<AnnualInputFile, "reps"> = {};

  /** False (with the problem) when the same item, or the same rep's or month's row, came before. */
  const once = (key: string, row: number, item: AnnualItem, params: Params = {}): boolean => {
    const first = firstRow.get(key);
    if (first !== undefined) problems.push({ code: "itemRepeated", row, params: { item, first, ...params } });
    else firstRow.set(key, row);
    return first === undefined;
  };
  /** A typed number cell, or a blank one (the plan decides what a blank means): true when it reads. */
  const number = (cell: string, row: number, item: AnnualItem, field: AnnualInputField, params: Params = {}): boolean => {
    if (isBlank(cell) || readTypedNumber(cell) !== undefined) return true;
    problems.push({ code: "notNumber", row, params: { item, field, value: cell, ...params } });
    return false;
  };
  const twelve = (cells: readonly string[], row: number, item: AnnualItem, params: Params = {}): boolean => {
    if (cells.length !== 12) {
      problems.push({ code: "notTwelveMonths", row, params: { item, count: cells.length, ...params } });
      return false;
    }
    return cells.map((cell) => number(cell, row, item, "value", params)).every(Boolean);
  };

  grid.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every(isBlank)) return;
    const item = ITEMS.get(itemKey(cells[0] ?? ""));
    if (item === undefined) {
      problems.push({ code: "unknownItem", row, params: { value: (cells[0] ?? "").trim() } });
      return;
    }
    const values = valuesOf(cells);
    if (values.length > MAX_VALUES[item]) {
      problems.push({ code: "tooManyValues", row, params: { item, count: MAX_VALUES[item], value: values[MAX_VALUES[item]] } });
      return;
    }
    const [first = "", second = "", third = "", fourth = ""] = values;
    const missing = (field: AnnualInputField, params: Params = {}) => problems.push({ code: "valueMissing", row, params: { item, field, ...params } });

    switch (item) {
      case "lastYear":
        if (once(item, row, item) && twelve(values, row, item)) input = { ...input, lastYear: values };
        return;
      case "growth": {
        if (!once(item, row, item)) return;
        if (isBlank(first)) return missing("value");
        const growth = parseRate(first);
        if (growth === undefined) problems.push({ code: "notRate", row, params: { item, value: first } });
        else input = { ...input, growth: first };
        return;
      }
      case "expenseCap": {
        if (!once(item, row, item)) return;
        if (isBlank(first)) return missing("value");
        const cap = parseRate(first, CAP_RANGE);
        if (cap === undefined) problems.push({ code: "notRate", row, params: { item, value: first } });
        else input = { ...input, expenseCap: cap };
        return;
      }
      // A blank target is the one the plan computes from last year and growth.
      case "target":
        if (once(item, row, item) && !isBlank(first) && number(first, row, item, "value")) input = { ...input, target: first };
        return;
      case "split": {
        if (!once(item, row, item)) return;
        if (isBlank(first)) return missing("value");
        const split = readSplit(first);
        if (split === undefined) problems.push({ code: "notSplit", row, params: { item, value: first } });
        else input = { ...input, split };
        return;
      }
      // `2:3:1` in one cell, or 2,3,1 in three.
      case "products": {
        if (!once(item, row, item)) return;
        if (values.every(isBlank)) return missing("value");
        const text = values.join(":");
        const ratios = parseRatios(text);
        if (!ratios) problems.push({ code: "notRatio", row, params: { item, value: values.join(",") } });
        else input = { ...input, productRatios: ratios };
        return;
      }
      case "unit": {
        if (!once(item, row, item)) return;
        if (isBlank(first)) return missing("value");
        const unit = readTypedNumber(first);
        if (unit === undefined) problems.push({ code: "notNumber", row, params: { item, field: "value", value: first } });
        else input = { ...input, unit };
        return;
      }
      case "rep": {
        if (isBlank(first)) return missing("name");
        if (!once(`rep:${first}`, row, item, { rep: first })) return;
        // A rep with a fixed target needs no weight (the breakdown spreads only the rest by weight).
        if (isBlank(second) && isBlank(fourth)) return missing("weight", { rep: first });
        const readable = [number(second, row, item, "weight", { rep: first }), number(fourth, row, item, "hold", { rep: first })];
        if (!isBlank(third) && readMonth(third) === undefined) {
          problems.push({ code: "notMonth", row, params: { item, field: "start", value: third, rep: first } });
          readable.push(false);
        }
        if (readable.every(Boolean)) {
          reps.push({ rep: { rep: first, weight: isBlank(second) ? null : second, ...(isBlank(third) ? {} : { start: readMonth(third) }), ...(isBlank(fourth) ? {} : { hold: fourth }) }, row });
        }
        return;
      }
      case "monthHold": {
        if (isBlank(first)) return missing("month");
        const month = readMonth(first);
        if (month === undefined) return void problems.push({ code: "notMonth", row, params: { item, field: "month", value: first } });
        if (!once(`month:${month}`, row, item, { month })) return;
        if (isBlank(second)) return missing("amount", { month });
        if (number(second, row, item, "amount", { month })) monthHolds[month - 1] = second;
        return;
      }
      case "repLastYear": {
        if (isBlank(first)) return missing("name");
        if (once(`months:${first}`, row, item, { rep: first }) && twelve(values.slice(1), row, item, { rep: first })) repMonths.push({ rep: first, months: values.slice(1), row });
        return;
      }
    }
  });

  // A rep's own last year may come before or after the rep's row; the rep row must exist.
  for (const { rep, row } of repMonths) {
    if (!firstRow.has(`rep:${rep}`)) problems.push({ code: "repUnknown", row, params: { item: "repLastYear", rep } });
  }
  const monthsOf = new Map(repMonths.map(({ rep, months }) => [rep, months]));
  return {
    input: {
      ...input,
      ...(monthHolds.some((hold) => hold !== undefined) ? { monthHolds } : {}),
      reps: reps.map(({ rep }) => {
        const months = monthsOf.get(rep.rep);
        return months ? { ...rep, lastYear: months } : rep;
      }),
    },
    problems: problems.sort((a, b) => a.row - b.row),
  };
}
