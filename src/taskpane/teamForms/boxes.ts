import { commasAmbiguous, halfWidth, hasThousandsComma } from "../../domain/typedText";
import { isHeaderRow, type RepInput, type WeightInput } from "../../team";

/**
 * The boxes the breakdown form and the 年度销售计划 form share: the reps (one per line, as typed or pasted
 * from Excel), twelve months (an Excel row or column, or typed) and the months fixed by hand. Pure and
 * cheap: both forms read them on every keystroke.
 */

/** The 取整单位 both forms offer: whole yuan up to 万元. */
export const UNITS = [1, 10, 100, 1000, 10000] as const;

/** A problem with a box's shape, before the team layer sees its values; the pane words it. */
export type BoxProblem =
  | { readonly code: "monthCount"; readonly count: number }
  | { readonly code: "monthHoldLine"; readonly line: number; readonly text: string }
  | { readonly code: "monthHoldDuplicate"; readonly month: number }
  | { readonly code: "repsThousands"; readonly line: number; readonly text: string }
  | { readonly code: "monthsThousands" };

type RepColumn = "rep" | "weight" | "hold" | "start";

/** Columns in the order the hint gives them: 姓名, 权重[, 固定目标][, 到岗月份]. */
const POSITIONS: readonly RepColumn[] = ["rep", "weight", "hold", "start"];

/** Header words that place a third or fourth column, so a pasted table may hold them in either order. */
const HEADER_WORDS: Readonly<Record<"hold" | "start", ReadonlySet<string>>> = {
  hold: new Set(["固定目标", "固定", "目标", "年度目标", "hold", "fixed", "fixed target", "target"]),
  start: new Set(["到岗月份", "到岗", "起始月份", "开始月份", "入职月份", "start", "start month"]),
};

const isBlank = (cell: WeightInput): boolean => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
const looksNumeric = (token: string): boolean => /^[+-]?[\d.]/.test(halfWidth(token));

/**
 * One typed or pasted line as cells. Excel's tabs, or commas (、;), keep blank cells in place
 * (`李四, 1, , 7`: no hold, starts in July). Spaces alone separate the numbers at the end of the line from
 * the name, so `Zhang San 2 300000` keeps its space and `张三 2o` is still a rep with a bad weight.
 */
function cellsOf(line: string): string[] {
  const trimmed = line.trim();
  if (trimmed.includes("\t")) return trimmed.split("\t").map((c) => c.trim());
  if (/[,，、;；]/.test(trimmed)) return trimmed.split(/[,，、;；]/).map((c) => c.trim());
  const tokens = trimmed.split(/\s+/);
  let first = tokens.length;
  while (first > 1 && tokens.length - first < POSITIONS.length - 1 && looksNumeric(tokens[first - 1])) first -= 1;
  if (first === tokens.length && tokens.length > 1) first = tokens.length - 1;
  return [tokens.slice(0, first).join(" "), ...tokens.slice(first)];
}

/** Which column holds what: by a header row's words where it names them, else by position. */
function columnsOf(header: readonly WeightInput[] | undefined): RepColumn[] {
  return POSITIONS.map((position, index) => {
    const word = index >= 2 && typeof header?.[index] === "string" ? halfWidth(header[index] as string).trim().toLowerCase() : "";
    return HEADER_WORDS.hold.has(word) ? "hold" : HEADER_WORDS.start.has(word) ? "start" : position;
  });
}

/**
 * Reps from rows of cells (a pasted or selected range): name, weight, and optionally the target fixed by
 * hand and the month the rep starts. Blank rows are skipped; a first row is a header only when its weight
 * cell is a column title (the team layer's isHeaderRow), and then its words may reorder the last two columns.
 */
export function repsFromRows(values: readonly (readonly WeightInput[])[]): RepInput[] {
  const rows = values.filter((row) => row.some((cell) => !isBlank(cell)));
  const header = rows.length > 0 && isHeaderRow(rows[0]) ? rows[0] : undefined;
  const columns = columnsOf(header);
  return (header ? rows.slice(1) : rows).map((row) => {
    const cell = (column: RepColumn): WeightInput => row[columns.indexOf(column)];
    const hold = cell("hold");
    const start = cell("start");
    const rep = cell("rep");
    return {
      rep: isBlank(rep) ? "" : String(rep).trim(),
      weight: cell("weight") ?? null,
      ...(isBlank(hold) ? {} : { hold }),
      ...(isBlank(start) ? {} : { start: typeof start === "number" ? start : String(start) }),
    };
  });
}

/** The reps box: one rep per line, cells as `cellsOf` reads them. */
export const repsFromText = (text: string): RepInput[] => repsFromRows(text.split(/\r?\n/).map(cellsOf));

/**
 * The reps box as the forms read it: `repsFromText`, or the first line whose commas cannot be told apart
 * (a thousands group where commas split the columns). Pasted lines split by tabs keep `1,500` in one cell.
 */
export function readRepsBox(text: string): RepInput[] | BoxProblem {
  const lines = text.split(/\r?\n/);
  // `张三, 1,500` would be weight 1 and a fixed target of 500.
  const ambiguous = lines.findIndex((line) => !line.includes("\t") && hasThousandsComma(line));
  return ambiguous < 0 ? repsFromText(text) : { code: "repsThousands", line: ambiguous + 1, text: lines[ambiguous].trim() };
}

/** A selected range as the reps box's text: its first four columns, tab-separated as Excel pastes them. */
export function repsTextOf(rows: readonly (readonly unknown[])[]): string {
  return rows
    .filter((row) => row.some((cell) => cell !== "" && cell !== null && cell !== undefined))
    .map((row) =>
      row
        .slice(0, POSITIONS.length)
        .map((cell) => (cell === null || cell === undefined ? "" : String(cell)))
        .join("\t")
        .replace(/\t+$/, ""),
    )
    .join("\n");
}

/**
 * Twelve months from a box: a row or a column pasted from Excel (tabs and line breaks; a blank cell is a
 * blank month) or typed with spaces, 、 or ；. ASCII commas separate only when nothing else does, so
 * `80,000 90,000` is two months and `80000,90000` too. Cells stay as typed: the team layer reads them.
 */
export function monthsFromText(text: string): string[] {
  if (/[\t\r\n]/.test(text.trim())) {
    return text
      .replace(/(\r?\n|\s)+$/, "")
      .replace(/^(\r?\n)+/, "")
      .split(/\r?\n/)
      .flatMap((line) => line.split("\t"))
      .map((c) => c.trim());
  }
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (/[\s、，；;]/.test(trimmed)) {
    return trimmed
      .split(/[\s、，；;]+/)
      .map((c) => c.replace(/^,+|,+$/g, ""))
      .filter((c) => c !== "");
  }
  return trimmed.split(",").map((c) => c.trim());
}

/**
 * The twelve months of a box, or what is wrong with its count. An empty box is twelve blank months: the team
 * layer then says what blank months cannot do (there is no shape to split by).
 */
export function twelveMonths(text: string): string[] | BoxProblem {
  // Where commas separate the months (all commas without tabs or line breaks; with spaces, the full-width
  // ones), `80,000,90,000` would be four months: 80, 0, 90, 0 — unless they are twelve (commasAmbiguous).
  const trimmed = text.trim();
  const separators = /[\t\r\n]/.test(trimmed) ? "" : /[\s、，；;]/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  const months = monthsFromText(text);
  if (commasAmbiguous(separators, months, 12)) return { code: "monthsThousands" };
  if (months.length === 0) return Array.from({ length: 12 }, () => "");
  return months.length === 12 ? months : { code: "monthCount", count: months.length };
}

/**
 * Months fixed by hand, one per line: month and amount (`3, 150000`, `3月 150000`, `3=150000`), as the
 * twelve entries the team layer takes (blank: spread); undefined when the box is empty.
 */
export function monthHoldsFromText(text: string): WeightInput[] | undefined | BoxProblem {
  const holds: WeightInput[] = Array.from({ length: 12 }, () => undefined);
  let any = false;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const typed = halfWidth(line).trim();
    if (typed === "") continue;
    // halfWidth has made ，：；＝ of a Chinese input method into ,:;=.
    const match = /^(\d{1,2})\s*月?\s*(?:[=:,、;\t]|\s)\s*(.*)$/.exec(typed);
    const month = match ? Number(match[1]) : 0;
    if (!match || month < 1 || month > 12) return { code: "monthHoldLine", line: index + 1, text: line.trim() };
    if (holds[month - 1] !== undefined) return { code: "monthHoldDuplicate", month };
    holds[month - 1] = match[2].trim();
    any = true;
  }
  return any ? holds : undefined;
}

export const isBoxProblem = (v: unknown): v is BoxProblem => typeof v === "object" && v !== null && !Array.isArray(v) && "code" in v;
