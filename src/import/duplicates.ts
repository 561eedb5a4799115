import type { CellValue, TableRow } from "../spec/sheetSpec";
import type { CleanRow } from "./clean";
import { LOCALES } from "../contract/locale";
import { fieldOf, type ImportKind } from "./fields";
import { normalizePhone, phoneParts } from "./phones";
import { BRACKETED_PLACES, REGION_NAMES } from "./regions";
import { fold } from "./fold";

/**
 * The duplicate review (issue 13 item 4): rows of the import that are the same customer, contract or
 * record as another imported row or a row already in the register, as groups the user resolves.
 */

export { normalizePhone } from "./phones";

/**
 * Legal forms stripped from the end of a name, longest first. 分公司 is a branch — another entity with
 * its own contracts and contacts — so 公司 is not stripped from it (华为技术有限公司北京分公司 stays apart
 * from 华为技术有限公司); nor is a legal form in the middle of a name.
 */
const LEGAL_FORMS = ["股份有限公司", "有限责任公司", "集团有限公司", "集团股份公司", "有限公司", "股份公司", "集团公司", "集团", "公司"];
/**
 * English legal forms are words: stripped only after a space, comma or dot (Acme Co., Ltd. → acme), so
 * a name ending in the same letters (Cisco, Zinc) keeps them.
 */
const ENGLISH_FORMS = /(?:[\s,.&]+(?:co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|group|gmbh))+[\s.,]*$/;
/** Bracketed words dropped wherever they stand: (集团), (中国), (China). */
const BRACKETED_WORDS = new Set(["集团", "中国", "china", "group"]);
/** A bracketed place, dropped as well where enough of the name is left: 华为技术(深圳)有限公司. */
const BRACKETED_PLACE_SET = new Set([...REGION_NAMES, ...BRACKETED_PLACES]);
/**
 * The least a name is cut down to by taking a place off it: 北京市政公司 and 上海市政公司 are two
 * companies, not both 政; a single character names nothing, and names would meet on it.
 */
const SHORTEST_AFTER_PLACE = 2;
const OPENING = /[[{【〔〖｛［]/g;
const CLOSING = /[\]}】〕〗｝］]/g;
const OPENING_ANY = /[[{【〔〖｛［]/;
const CLOSING_ANY = /[\]}】〕〗｝］]/;
const BRACKET_GROUP = /\(([^()]*)\)/g;
const PUNCTUATION = /[\p{P}\p{S}]/gu;
const PUNCTUATION_ANY = /[\p{P}\p{S}]/u;

/** Words by length, longest first, so a name is looked up once per length instead of once per word. */
const byLength = (words: readonly string[]) =>
  [...new Set(words.map((w) => w.length))].sort((a, b) => b - a).map((length) => ({ length, words: new Set(words.filter((w) => w.length === length)) }));
const FORMS_BY_LENGTH = byLength(LEGAL_FORMS);
const REGIONS_BY_LENGTH = byLength(REGION_NAMES);

function stripLegalForm(name: string): string {
  for (const { length, words } of FORMS_BY_LENGTH) {
    const end = name.slice(-length);
    if (name.length > length && words.has(end) && !(end.endsWith("公司") && name[name.length - length - 1] === "分")) return name.slice(0, -length);
  }
  return name;
}

/** The name without its leading place, the longest one spelt there (北京市 before 北京), unless too little would be left. */
function stripRegion(name: string): string {
  for (const { length, words } of REGIONS_BY_LENGTH) {
    if (words.has(name.slice(0, length))) return name.length - length >= SHORTEST_AFTER_PLACE ? name.slice(length) : name;
  }
  return name;
}

/** Punctuation dropped, then legal forms and leading places stripped until nothing more comes off. */
function stripEnds(name: string): string {
  let text = PUNCTUATION_ANY.test(name) ? name.replace(PUNCTUATION, "") : name;
  for (;;) {
    const next = stripRegion(stripLegalForm(text));
    if (next === text) return text;
    text = next;
  }
}

/**
 * A company name as compared for duplicates: full-width folded (NFKC: （ → (, Ａ → a), case and spaces
 * ignored, brackets unified, (集团) (中国) and bracketed places dropped, punctuation dropped, then legal
 * forms stripped from the end and a leading province, municipality or big city (with 市) from the start
 * until nothing more comes off — never down to nothing (北京公司 stays 北京), and a place never down to
 * fewer than 2 characters (北京市政公司 stays 北京市政, (北京)政公司 becomes 北京政). A bare 中国 at the
 * start is kept: it is part of many names (中国银行, 中国石化). Idempotent.
 */
export function normalizeCompanyName(name: string): string {
  // Each step runs only where it has something to do: most names have no Latin, brackets or punctuation.
  let text = fold(name).toLowerCase().trim();
  if (/[a-z]/.test(text)) text = text.replace(ENGLISH_FORMS, "");
  if (/\s/.test(text)) text = text.replace(/\s+/g, "");
  if (OPENING_ANY.test(text) || CLOSING_ANY.test(text)) text = text.replace(OPENING, "(").replace(CLOSING, ")");
  if (text.includes("(")) {
    text = text.replace(BRACKET_GROUP, (group, inside: string) => (BRACKETED_WORDS.has(inside) ? "" : group));
    const placeless = text.replace(BRACKET_GROUP, (group, inside: string) => (BRACKETED_PLACE_SET.has(inside) ? "" : group));
    if (placeless !== text) {
      const stripped = stripEnds(placeless);
      if (stripped.length >= SHORTEST_AFTER_PLACE) return stripped;
    }
  }
  return stripEnds(text);
}

export interface DuplicateGroup {
  readonly reason: DuplicateReason;
  /** The normalised value they share. */
  readonly key: string;
  /** Indices into the cleaned rows. */
  readonly imported: readonly number[];
  /** Indices into the existing rows. */
  readonly existing: readonly number[];
}

export type DuplicateReason = "name" | "phone" | "creditCode" | "contractNo" | "sameRecord";

/** Which reason names a group that several reasons joined, the first first (ties in size). */
const REASONS: readonly DuplicateReason[] = ["creditCode", "contractNo", "name", "phone", "sameRecord"];

const raw = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : String(value));
const text = (value: CellValue | undefined): string => (value === null || value === undefined ? "" : fold(String(value)).trim());
const code = (value: CellValue | undefined): string => text(value).replace(/\s+/g, "").toUpperCase();

/**
 * 统一社会信用代码: 18 characters of digits and capitals. Existing rows carry it in 备注, where an
 * import put it (`intoText`), after the field's header in either language.
 */
const CREDIT_CODE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const CREDIT_IN_NOTE = new RegExp(
  `(?:${LOCALES.map((locale) => fieldOf("customers", "creditCode", locale)?.header ?? "").join("|")})\\s*[:：]\\s*([0-9A-Za-z]{18})`,
  "i",
);

function creditCodeOf(row: TableRow): string | undefined {
  const typed = code(row.creditCode);
  if (CREDIT_CODE.test(typed)) return typed;
  const inNote = CREDIT_IN_NOTE.exec(text(row.note))?.[1]?.toUpperCase();
  return inNote && CREDIT_CODE.test(inNote) ? inNote : undefined;
}

/** What makes two rows of `kind` the same: each (reason, key) a row has, given to `emit`. */
function keysOf(kind: ImportKind, row: TableRow, emit: (reason: DuplicateReason, key: string) => void): void {
  switch (kind) {
    case "customers": {
      const name = normalizeCompanyName(raw(row.name));
      if (name !== "") emit("name", name);
      const phones = new Set(phoneParts(raw(row.phone)).map(normalizePhone));
      for (const phone of phones) if (phone !== undefined) emit("phone", phone);
      const credit = creditCodeOf(row);
      if (credit !== undefined) emit("creditCode", credit);
      return;
    }
    case "contracts": {
      const id = code(row.id);
      if (id !== "") emit("contractNo", id);
      return;
    }
    case "visits": {
      const customer = code(row.customerId) || normalizeCompanyName(raw(row.customerName));
      const date = text(row.date);
      if (date !== "" && customer !== "") emit("sameRecord", [date, customer, text(row.rep).toLowerCase(), text(row.method).toLowerCase()].join("|"));
      return;
    }
    case "ledger": {
      const contract = code(row.contract);
      const date = text(row.date);
      if (date !== "" && contract !== "") emit("sameRecord", [date, contract, text(row.type).toLowerCase(), text(row.amount), code(row.document)].join("|"));
      return;
    }
  }
}

/**
 * The groups of rows that are the same by any reason of their kind — customers by name, phone or
 * 统一社会信用代码; contracts by 合同编号; visits (date, customer, rep, channel) and ledger rows (date,
 * contract, type, amount, document no.) when identical — within the import and against the register's
 * rows. Rows joined through different reasons are one group (A ~ B by name and B ~ C by phone: A, B, C),
 * named by the reason shared by most of them. Only groups holding an imported row; disjoint; in the
 * order of their first imported row; the same groups whatever order the rows come in.
 */
export function findDuplicates(kind: ImportKind, rows: readonly CleanRow[], existing: readonly TableRow[]): readonly DuplicateGroup[] {
  const all = [...rows.map((row) => row.values), ...existing];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  // Per reason, each key's first row; a key met again joins its rows and is counted (few keys repeat,
  // so no list per key is kept for the 50 000 that do not).
  const first = new Map<DuplicateReason, Map<string, number>>(REASONS.map((reason) => [reason, new Map()]));
  const repeated = new Map<DuplicateReason, Map<string, number>>(REASONS.map((reason) => [reason, new Map()]));
  all.forEach((row, i) =>
    keysOf(kind, row, (reason, key) => {
      const firsts = first.get(reason)!;
      const at = firsts.get(key);
      if (at === undefined) {
        firsts.set(key, i);
        return;
      }
      if (at === i) return;
      if (find(at) !== find(i)) parent[find(i)] = find(at);
      const counts = repeated.get(reason)!;
      counts.set(key, (counts.get(key) ?? 1) + 1);
    }),
  );
  // Each group's name: the reason and key shared by most of its rows; ties by REASONS, then key.
  const names = new Map<number, { reason: DuplicateReason; key: string; size: number }>();
  for (const reason of REASONS) {
    for (const [key, size] of repeated.get(reason)!) {
      const root = find(first.get(reason)!.get(key)!);
      const held = names.get(root);
      const better = !held || size > held.size || (size === held.size && (REASONS.indexOf(reason) < REASONS.indexOf(held.reason) || (reason === held.reason && key < held.key)));
      if (better) names.set(root, { reason, key, size });
    }
  }
  const groups = new Map<number, { imported: number[]; existing: number[] }>();
  all.forEach((_, i) => {
    const root = find(i);
    if (!names.has(root)) return;
    const group = groups.get(root) ?? { imported: [], existing: [] };
    if (i < rows.length) group.imported.push(i);
    else group.existing.push(i - rows.length);
    groups.set(root, group);
  });
  return [...groups.entries()]
    .filter(([, group]) => group.imported.length > 0)
    .map(([root, group]) => ({ reason: names.get(root)!.reason, key: names.get(root)!.key, ...group }))
    .sort((a, b) => a.imported[0] - b.imported[0]);
}
