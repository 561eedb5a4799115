/**
 * The validation gate (issue 9, item 4): an .xlsx package is checked part by part against the
 * ISO/IEC 29500 Transitional schemas in `test/schemas/ooxml/` (xmllint), after Markup
 * Compatibility processing (ISO/IEC 29500-3), plus the rules the schemas cannot express and
 * Excel enforces with its "We found a problem with some content" repair prompt.
 *
 * Every part of every workbook passed in one call goes to ONE xmllint process (a second one checks
 * VML and Excel-extension parts for well-formedness only): loading the schemas costs far more than
 * validating a part.
 *
 * In a test: `await expectValidXlsx(bytes, "rollup into a LibreOffice workbook")`, or, for many
 * workbooks at the cost of one xmllint run, `validateXlsxAll([{ label, bytes }, …])` and check the
 * problems of each label. A problem names the workbook, the part, the element and the rule.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import JSZip from "jszip";
import { shareableFormula } from "../../src/writers/ooxml/workbook";
import { repoRoot } from "./paths";
import { structuredReferences } from "./structuredRefs";

export type GateRule =
  | "well-formed"
  | "schema"
  | "markup-compatibility"
  | "relationship-target"
  | "content-type"
  | "sheet-name"
  | "defined-name"
  | "table-header"
  | "table-unique"
  | "table-range"
  | "cf-empty"
  | "cf-priority"
  | "shared-string"
  | "style-index"
  | "dxf-index"
  | "cell-order"
  | "range-overlap"
  | "data-validation"
  | "formula"
  | "shared-formula";

export interface Problem {
  readonly workbook: string;
  readonly part: string;
  readonly element: string;
  readonly rule: GateRule;
  readonly message: string;
}

export interface LabelledXlsx {
  readonly label: string;
  readonly bytes: Uint8Array;
}

const SCHEMA = join(repoRoot, "test/schemas/ooxml/all-parts.xsd");

export const formatProblem = (p: Problem): string => `${p.workbook} › ${p.part} › <${p.element}> [${p.rule}] ${p.message}`;

// ---------------------------------------------------------------------------------------------
// A small namespace-aware XML reader that keeps the text it read, so a part is written back for
// xmllint exactly as it was except where Markup Compatibility processing removes something.

interface XmlAttr {
  readonly qname: string;
  /** As written (escaped), without the quotes. */
  readonly raw: string;
  readonly value: string;
  ns: string;
  local: string;
}

interface XmlElement {
  readonly kind: "element";
  readonly qname: string;
  readonly ns: string;
  readonly local: string;
  attrs: XmlAttr[];
  children: XmlNode[];
  /** Prefix → namespace in scope here (inherited included). */
  readonly scope: ReadonlyMap<string, string>;
}

type XmlNode = XmlElement | { readonly kind: "raw"; readonly text: string };

class XmlSyntaxError extends Error {}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const splitQName = (qname: string): [string, string] => {
  const colon = qname.indexOf(":");
  return colon < 0 ? ["", qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
};

/** Parses a part; the prolog, comments and processing instructions are kept as raw nodes. */
function parseXml(text: string): { prolog: string; root: XmlElement } {
  let pos = 0;
  const nameAt = /[^\s/>=]+/y;
  const attrAt = /\s+([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  const closeAt = /\s*(\/?)>/y;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let prolog = "";
  const append = (node: XmlNode) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (node.kind === "element") return;
    else if (node.text.trim() !== "" && !node.text.startsWith("<?") && !node.text.startsWith("<!--")) throw new XmlSyntaxError(`content outside the root element at offset ${pos}`);
    // Whitespace, comments and processing instructions after the root are dropped.
    else if (!root) prolog += node.text;
  };
  const until = (end: string, what: string): string => {
    const at = text.indexOf(end, pos);
    if (at < 0) throw new XmlSyntaxError(`unterminated ${what} at offset ${pos}`);
    const chunk = text.slice(pos, at + end.length);
    pos = at + end.length;
    return chunk;
  };
  while (pos < text.length) {
    if (text[pos] !== "<") {
      const next = text.indexOf("<", pos);
      const chunk = text.slice(pos, next < 0 ? text.length : next);
      pos = next < 0 ? text.length : next;
      append({ kind: "raw", text: chunk });
      continue;
    }
    if (text.startsWith("<?", pos)) append({ kind: "raw", text: until("?>", "processing instruction") });
    else if (text.startsWith("<!--", pos)) append({ kind: "raw", text: until("-->", "comment") });
    else if (text.startsWith("<![CDATA[", pos)) append({ kind: "raw", text: until("]]>", "CDATA section") });
    else if (text.startsWith("<!", pos)) throw new XmlSyntaxError(`DTD or declaration at offset ${pos} (not allowed in OOXML parts)`);
    else if (text.startsWith("</", pos)) {
      pos += 2;
      nameAt.lastIndex = pos;
      const name = nameAt.exec(text)?.[0] ?? "";
      pos += name.length;
      closeAt.lastIndex = pos;
      const close = closeAt.exec(text);
      if (!close || close[1]) throw new XmlSyntaxError(`malformed end tag </${name}> at offset ${pos}`);
      pos = closeAt.lastIndex;
      const open = stack.pop();
      if (!open || open.qname !== name) throw new XmlSyntaxError(`end tag </${name}> does not match <${open?.qname ?? "(none)"}>`);
      if (stack.length === 0) root = open;
    } else {
      pos += 1;
      nameAt.lastIndex = pos;
      const qname = nameAt.exec(text)?.[0];
      if (!qname) throw new XmlSyntaxError(`malformed start tag at offset ${pos}`);
      pos += qname.length;
      const attrs: XmlAttr[] = [];
      for (;;) {
        attrAt.lastIndex = pos;
        const m = attrAt.exec(text);
        if (!m) break;
        const raw = m[2] ?? m[3];
        if (raw.includes("<")) throw new XmlSyntaxError(`"<" in the value of ${m[1]} on <${qname}>`);
        attrs.push({ qname: m[1], raw, value: decodeXml(raw), ns: "", local: m[1] });
        pos = attrAt.lastIndex;
      }
      closeAt.lastIndex = pos;
      const close = closeAt.exec(text);
      if (!close) throw new XmlSyntaxError(`malformed start tag <${qname}> at offset ${pos}`);
      pos = closeAt.lastIndex;
      if (stack.length === 0 && root) throw new XmlSyntaxError("a second root element");
      // Elements that declare no namespace share their parent's scope (most of a sheet's cells).
      const inherited: ReadonlyMap<string, string> = stack[stack.length - 1]?.scope ?? new Map([["xml", XML_NS]]);
      const declarations = attrs.filter((a) => a.qname === "xmlns" || a.qname.startsWith("xmlns:"));
      const scope = declarations.length === 0 ? inherited : new Map(inherited);
      for (const a of declarations) (scope as Map<string, string>).set(a.qname === "xmlns" ? "" : a.qname.slice(6), a.value);
      const seen = new Set<string>();
      for (const a of attrs) {
        if (seen.has(a.qname)) throw new XmlSyntaxError(`attribute ${a.qname} twice on <${qname}>`);
        seen.add(a.qname);
        if (a.qname === "xmlns" || a.qname.startsWith("xmlns:")) continue;
        const [prefix, local] = splitQName(a.qname);
        const ns = prefix ? scope.get(prefix) : "";
        if (ns === undefined) throw new XmlSyntaxError(`undeclared prefix ${prefix} on attribute ${a.qname}`);
        a.ns = ns;
        a.local = local;
      }
      const [prefix, local] = splitQName(qname);
      const ns = scope.get(prefix) ?? (prefix ? undefined : "");
      if (ns === undefined) throw new XmlSyntaxError(`undeclared prefix ${prefix} on <${qname}>`);
      const element: XmlElement = { kind: "element", qname, ns, local, attrs, children: [], scope };
      append(element);
      if (close[1]) {
        if (stack.length === 0) root = element;
      } else stack.push(element);
    }
  }
  if (stack.length > 0) throw new XmlSyntaxError(`<${stack[stack.length - 1].qname}> is not closed`);
  if (!root) throw new XmlSyntaxError("no root element");
  return { prolog, root };
}

function serializeXml(element: XmlElement): string {
  const attrs = element.attrs.map((a) => ` ${a.qname}="${a.raw.replace(/"/g, "&quot;")}"`).join("");
  if (element.children.length === 0) return `<${element.qname}${attrs}/>`;
  const inner = element.children.map((c) => (c.kind === "raw" ? c.text : serializeXml(c))).join("");
  return `<${element.qname}${attrs}>${inner}</${element.qname}>`;
}

const elements = (parent: XmlElement, local?: string): XmlElement[] =>
  parent.children.filter((c): c is XmlElement => c.kind === "element" && (local === undefined || c.local === local));

/** An unprefixed attribute (the schemas' attributes are unqualified) or one in namespace `ns`. */
const attr = (element: XmlElement, local: string, ns = ""): string | undefined =>
  element.attrs.find((a) => a.local === local && a.ns === ns)?.value;

/** Text content, without phonetic runs (`rPh`), as Excel shows a shared string. */
const textOf = (element: XmlElement): string =>
  element.children
    .map((c) => (c.kind === "raw" ? (c.text.startsWith("<![CDATA[") ? c.text.slice(9, -3) : c.text.startsWith("<") ? "" : decodeXml(c.text)) : c.local === "rPh" ? "" : textOf(c)))
    .join("");

// ---------------------------------------------------------------------------------------------
// Markup Compatibility (ISO/IEC 29500-3 §10): what a consumer that understands only the
// Transitional schemas sees.

const NS = {
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};

/** The namespaces of the vendored schemas (all-parts.xsd and what it imports). */
const UNDERSTOOD = new Set([
  NS.mc,
  NS.main,
  NS.r,
  NS.rels,
  NS.types,
  XML_NS,
  "http://schemas.openxmlformats.org/drawingml/2006/main",
  "http://schemas.openxmlformats.org/drawingml/2006/chart",
  "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  "http://schemas.openxmlformats.org/drawingml/2006/picture",
  "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
  "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  "http://purl.org/dc/elements/1.1/",
  "http://purl.org/dc/terms/",
  "http://purl.org/dc/dcmitype/",
  "http://www.w3.org/2001/XMLSchema-instance",
]);

function prefixesToNamespaces(element: XmlElement, list: string | undefined, problems: string[]): string[] {
  if (list === undefined) return [];
  return list
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((prefix) => {
      const ns = element.scope.get(prefix);
      if (ns === undefined) problems.push(`prefix "${prefix}" listed on <${element.qname}> is not declared`);
      return ns === undefined ? [] : [ns];
    });
}

/**
 * Applies MC processing in place (and drops `xml:space` from SpreadsheetML `<t>`: Excel writes
 * `<t xml:space="preserve">` for text with edge spaces, but the schema types `<t>` as a plain
 * string, which cannot carry an attribute); returns what made the part non-conforming (an mc:MustUnderstand
 * namespace not understood, undeclared prefixes in mc attributes, an mc element out of place).
 */
function applyMarkupCompatibility(root: XmlElement): string[] {
  const problems: string[] = [];
  const visit = (element: XmlElement, inherited: ReadonlySet<string>) => {
    const listed = prefixesToNamespaces(element, attr(element, "Ignorable", NS.mc), problems);
    const ignorable = listed.length === 0 ? inherited : new Set([...inherited, ...listed]);
    for (const ns of prefixesToNamespaces(element, attr(element, "MustUnderstand", NS.mc), problems)) {
      if (!UNDERSTOOD.has(ns)) problems.push(`<${element.qname}> must be understood in ${ns}`);
    }
    const ignored = (ns: string) => ignorable.has(ns) && !UNDERSTOOD.has(ns);
    element.attrs = element.attrs.filter((a) => a.ns !== NS.mc && !ignored(a.ns) && !(a.ns === XML_NS && a.local === "space" && element.local === "t" && element.ns === NS.main));
    const children: XmlNode[] = [];
    for (const child of element.children) {
      if (child.kind !== "element") children.push(child);
      else if (child.ns === NS.mc && child.local === "AlternateContent") {
        const branches = elements(child).filter((b) => b.ns === NS.mc);
        const chosen =
          branches.find((b) => b.local === "Choice" && prefixesToNamespaces(b, attr(b, "Requires"), problems).every((ns) => UNDERSTOOD.has(ns))) ??
          branches.find((b) => b.local === "Fallback");
        for (const picked of chosen ? elements(chosen) : []) {
          // The branch's children may use prefixes declared on AlternateContent or the branch.
          const declared = new Set(picked.attrs.filter((a) => a.qname.startsWith("xmlns")).map((a) => a.qname));
          for (const [prefix, ns] of picked.scope) {
            const qname = prefix ? `xmlns:${prefix}` : "xmlns";
            if (prefix !== "xml" && !declared.has(qname) && element.scope.get(prefix) !== ns) picked.attrs.unshift({ qname, raw: ns, value: ns, ns: "", local: qname });
          }
          visit(picked, ignorable);
          children.push(picked);
        }
      } else if (child.ns === NS.mc) problems.push(`<${child.qname}> outside mc:AlternateContent`);
      else if (ignored(child.ns)) continue;
      else {
        visit(child, ignorable);
        children.push(child);
      }
    }
    element.children = children;
  };
  visit(root, new Set());
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Excel's naming rules.

/** Characters Excel refuses in a sheet name (and Excel trims none: a name is at most 31 characters). */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

const LETTERS = "A-Za-z\\u00A1-\\uFFFF";
/** A1 and R1C1 references, which a name or an unquoted sheet name must not look like. */
function looksLikeReference(name: string): boolean {
  const a1 = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(name);
  if (a1) {
    const column = [...a1[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(a1[2]);
    if (column <= 16384 && row >= 1 && row <= 1048576) return true;
  }
  return /^[Rr](\d*|\[-?\d+\])?([Cc](\d*|\[-?\d+\])?)?$/.test(name) || /^[Cc](\d*|\[-?\d+\])?$/.test(name);
}

/** Excel's rules for a defined name or table name ("Names in formulas" on support.microsoft.com). */
export function nameError(name: string): string | undefined {
  if (name.length === 0) return "is empty";
  if (name.length > 255) return `is ${name.length} characters (at most 255)`;
  if (!new RegExp(`^[${LETTERS}_\\\\][${LETTERS}0-9_.\\\\]*$`).test(name)) return "must start with a letter, _ or \\ and hold only letters, digits, _, . and \\";
  if (looksLikeReference(name)) return "looks like a cell reference";
  return undefined;
}

/** Built-in names (ISO/IEC 29500-1 §18.2.6 and Excel's `_xlnm._FilterDatabase`). */
const BUILT_IN_NAMES = new Set(
  ["_FilterDatabase", "Print_Area", "Print_Titles", "Criteria", "Extract", "Consolidate_Area", "Database", "Sheet_Title", "Auto_Open", "Auto_Close", "Auto_Activate", "Auto_Deactivate", "Recorder"].map((n) => `_xlnm.${n}`.toLowerCase()),
);

/** A sheet name may stand unquoted in a formula only if it reads as one identifier. */
const needsQuotes = (sheet: string): boolean => !new RegExp(`^[${LETTERS}_][${LETTERS}0-9_.]*$`).test(sheet) || looksLikeReference(sheet);

/**
 * The sheet names a formula refers to, with quoting errors: a quoted name must double its
 * apostrophes ('O''Brien'!A1), a name that is not a plain identifier must be quoted.
 */
export function sheetReferences(formula: string): { sheets: string[]; errors: string[] } {
  const sheets: string[] = [];
  const errors: string[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      if (end < 0) return { sheets, errors: [...errors, `unterminated string in ${formula}`] };
      i = formula[end + 1] === '"' ? end + 1 : end + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= formula.length) return { sheets, errors: [...errors, `unterminated quoted sheet name in ${formula}`] };
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      // After a stray apostrophe the rest cannot be read reliably: one error for the formula.
      if (formula[j + 1] !== "!") return { sheets, errors: [...errors, `quoted name '${name}' is not followed by ! in ${formula} (an undoubled apostrophe?)`] };
      sheets.push(name);
      i = j + 2;
      continue;
    }
    const bare = new RegExp(`[^,;()\\s+\\-*/&=<>^%:'"!]+!`, "y");
    bare.lastIndex = i;
    const m = bare.exec(formula);
    if (m && (i === 0 || /[,;(\s+\-*/&=<>^%:]/.test(formula[i - 1]))) {
      const name = m[0].slice(0, -1);
      // An external reference's [n] prefix is not part of the sheet name.
      if (needsQuotes(name.replace(/^\[\d+\]/, ""))) errors.push(`sheet name ${name} must be quoted in ${formula}`);
      sheets.push(name);
      i += m[0].length;
      continue;
    }
    i++;
  }
  return { sheets, errors };
}

// ---------------------------------------------------------------------------------------------
// Reading the package.

interface Part {
  readonly name: string;
  readonly root: XmlElement;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Part name the target resolves to (internal targets only). */
  readonly target?: string;
}

/**
 * Functions Excel added after the 2007 file format, which a file must store as `_xlfn.NAME`: Excel reads
 * the bare name as an unknown one and shows #NAME? until the cell is typed again (Microsoft Support, "Issue:
 * An _xlfn. prefix is displayed in front of a formula"; [MS-XLSX] 2.2.2 Formulas). The ones a template
 * might reach for; LibreOffice 7.4 reads some prefixed ones as unknown too (NETWORKDAYS.INTL: holidays.ts).
 */
const FUTURE_FUNCTIONS = [
  "AGGREGATE", "NETWORKDAYS.INTL", "WORKDAY.INTL", "IFNA", "IFS", "MAXIFS", "MINIFS", "SWITCH", "CONCAT", "TEXTJOIN",
  "XLOOKUP", "XMATCH", "FILTER", "SORT", "SORTBY", "UNIQUE", "SEQUENCE", "LET", "LAMBDA", "DAYS", "ISOWEEKNUM",
  "CEILING.MATH", "FLOOR.MATH", "FORMULATEXT", "XOR", "NUMBERVALUE", "STDEV.S", "STDEV.P", "RANK.EQ", "RANK.AVG",
  "PERCENTILE.INC", "PERCENTILE.EXC", "MODE.SNGL",
];
const BARE_FUTURE = new RegExp(`(?<![\\w.])(${FUTURE_FUNCTIONS.map((f) => f.replace(".", "\\.")).join("|")})\\(`, "i");

/**
 * What Excel refuses in a cell's formula: more than 8 192 characters (it limits ST_Formula so, [MS-OI29500]
 * 2.1.1085, and repairs the file), or a function newer than Excel 2007 without its `_xlfn.` prefix. String
 * literals are left out of the function search.
 */
export function formulaError(formula: string): string | undefined {
  if (formula.length > 8192) return `a formula of ${formula.length} characters (Excel takes 8 192 at most)`;
  const bare = BARE_FUTURE.exec(formula.replace(/"(?:[^"]|"")*"/g, '""'));
  return bare ? `${bare[1].toUpperCase()} without its _xlfn. prefix: #NAME? in Excel` : undefined;
}

function resolveTarget(source: string, target: string): string {
  const raw = target.split("#")[0];
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed %-escape names no part; the existence check reports the target as written.
  }
  if (decoded.startsWith("/")) return posix.normalize(decoded.slice(1));
  const dir = posix.dirname(source);
  return posix.normalize(dir === "." ? decoded : `${dir}/${decoded}`);
}

const OOXML = "application/vnd.openxmlformats-officedocument";
const SML = `${OOXML}.spreadsheetml`;
/** Relationship type (last segment) → the content types Excel accepts for its target (ISO/IEC 29500-1 §12, §15). */
const CONTENT_TYPES: Record<string, readonly string[]> = {
  officeDocument: [`${SML}.sheet.main+xml`, `${SML}.template.main+xml`, "application/vnd.ms-excel.sheet.macroEnabled.main+xml", "application/vnd.ms-excel.template.macroEnabled.main+xml"],
  worksheet: [`${SML}.worksheet+xml`],
  styles: [`${SML}.styles+xml`],
  sharedStrings: [`${SML}.sharedStrings+xml`],
  table: [`${SML}.table+xml`],
  drawing: [`${OOXML}.drawing+xml`],
  chart: [`${OOXML}.drawingml.chart+xml`],
  theme: [`${OOXML}.theme+xml`],
  comments: [`${SML}.comments+xml`],
  vmlDrawing: [`${OOXML}.vmlDrawing`],
  pivotTable: [`${SML}.pivotTable+xml`],
  pivotCacheDefinition: [`${SML}.pivotCacheDefinition+xml`],
  pivotCacheRecords: [`${SML}.pivotCacheRecords+xml`],
  "extended-properties": [`${OOXML}.extended-properties+xml`],
  "core-properties": ["application/vnd.openxmlformats-package.core-properties+xml"],
};

/** The content type of each part by [Content_Types].xml: its Override, else the Default of its extension. */
function contentTypes(types: XmlElement | undefined): { typeOf: (part: string) => string | undefined; overrides: ReadonlyMap<string, string> } {
  const entries = (local: string, key: string) =>
    new Map((types ? elements(types, local) : []).map((e) => [(attr(e, key) ?? "").toLowerCase(), attr(e, "ContentType") ?? ""]));
  const defaults = entries("Default", "Extension");
  const overrides = entries("Override", "PartName");
  const typeOf = (part: string) => overrides.get(`/${part}`.toLowerCase()) ?? defaults.get(part.includes(".") ? part.slice(part.lastIndexOf(".") + 1).toLowerCase() : "");
  return { typeOf, overrides };
}

/** Every content type of CONTENT_TYPES: a part of one of these must be valid under the schemas. */
const SCHEMA_TYPES = new Set(Object.values(CONTENT_TYPES).flat());

const cellAddress = (ref: string): { col: number; row: number } | undefined => {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) } : undefined;
};

/** Pairs of A1 ranges, one from each list, that share a cell (each pair once when both lists are one). */
function overlaps(left: readonly string[], right: readonly string[]): [string, string][] {
  const box = (ref: string) => {
    const [from, to = from] = ref.split(":").map(cellAddress);
    return from && to ? { from, to } : undefined;
  };
  const pairs: [string, string][] = [];
  left.forEach((a, i) => {
    const p = box(a);
    right.forEach((b, j) => {
      const q = box(b);
      if (left === right && j <= i) return;
      if (p && q && p.from.col <= q.to.col && q.from.col <= p.to.col && p.from.row <= q.to.row && q.from.row <= p.to.row) pairs.push([a, b]);
    });
  });
  return pairs;
}

const columnName = (col: number): string => (col <= 0 ? "" : columnName(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26)));

/** The checks on one workbook after MC processing; `parts` holds every parsed XML part. */
function checkPackage(label: string, files: readonly string[], parts: ReadonlyMap<string, Part>): Problem[] {
  const problems: Problem[] = [];
  const report = (part: string, element: string, rule: GateRule, message: string) => problems.push({ workbook: label, part, element, rule, message });
  const lower = new Set(files.map((f) => f.toLowerCase()));

  // Relationships: every internal target exists.
  const relationships = new Map<string, Relationship[]>();
  for (const [name, part] of parts) {
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    if (source !== "" && !lower.has(source.toLowerCase())) report(name, "Relationships", "relationship-target", `relationships of ${source}, which is not in the package`);
    const list = elements(part.root, "Relationship").map((rel): Relationship => {
      const target = attr(rel, "Target") ?? "";
      const internal = (attr(rel, "TargetMode") ?? "Internal") === "Internal";
      const resolved = internal ? resolveTarget(source, target) : undefined;
      if (resolved !== undefined && !lower.has(resolved.toLowerCase())) report(name, "Relationship", "relationship-target", `${attr(rel, "Id")} → ${target}: ${resolved} is not in the package`);
      return { id: attr(rel, "Id") ?? "", type: attr(rel, "Type") ?? "", target: resolved };
    });
    relationships.set(source, list);
  }
  const related = (source: string, type: string): string[] =>
    (relationships.get(source) ?? []).filter((r) => r.type.endsWith(`/${type}`) && r.target !== undefined).map((r) => r.target as string);
  const byId = (source: string, id: string | undefined) => (relationships.get(source) ?? []).find((r) => r.id === id)?.target;

  // Content types cover every part, and a part Excel reads through a relationship has its type.
  const types = parts.get("[Content_Types].xml");
  if (!types) report("[Content_Types].xml", "Types", "content-type", "the package has no [Content_Types].xml");
  else {
    const { typeOf, overrides } = contentTypes(types.root);
    for (const o of overrides.keys()) if (!lower.has(o.slice(1))) report("[Content_Types].xml", "Override", "content-type", `Override for ${o}, which is not in the package`);
    for (const file of files) {
      if (file !== "[Content_Types].xml" && typeOf(file) === undefined) report("[Content_Types].xml", "Types", "content-type", `no Default or Override gives the content type of /${file}`);
    }
    for (const list of relationships.values()) {
      for (const rel of list) {
        const kind = rel.type.slice(rel.type.lastIndexOf("/") + 1);
        const expected = CONTENT_TYPES[kind];
        const actual = rel.target && lower.has(rel.target.toLowerCase()) ? typeOf(rel.target) : undefined;
        if (expected && actual !== undefined && !expected.includes(actual)) report("[Content_Types].xml", "Types", "content-type", `/${rel.target} is ${actual}, but Excel reads a ${kind} part only as ${expected.join(" or ")}`);
      }
    }
  }

  const workbookName = related("", "officeDocument")[0];
  const workbook = workbookName ? parts.get(workbookName) : undefined;
  if (!workbookName || !workbook) {
    report("_rels/.rels", "Relationship", "relationship-target", "no officeDocument relationship to a workbook part");
    return problems;
  }

  // Sheet names.
  const sheets = elements(workbook.root, "sheets").flatMap((s) => elements(s, "sheet"));
  const sheetNames = sheets.map((s) => attr(s, "name") ?? "");
  const seenSheets = new Set<string>();
  for (const name of sheetNames) {
    const at = (message: string) => report(workbookName, "sheet", "sheet-name", `"${name}" ${message}`);
    if (name.length === 0 || name.length > 31) at(`is ${name.length} characters (1 to 31 allowed)`);
    if (SHEET_NAME_FORBIDDEN.test(name)) at("contains one of [ ] : * ? / \\");
    if (name.startsWith("'") || name.endsWith("'")) at("starts or ends with an apostrophe");
    if (seenSheets.has(name.toLowerCase())) at("is used twice (names are case-insensitive)");
    seenSheets.add(name.toLowerCase());
  }

  // Defined names.
  const definedNames = elements(workbook.root, "definedNames").flatMap((d) => elements(d, "definedName"));
  const scopes = new Set<string>();
  for (const dn of definedNames) {
    const name = attr(dn, "name") ?? "";
    const local = attr(dn, "localSheetId");
    const at = (message: string) => report(workbookName, "definedName", "defined-name", `${name}${local === undefined ? "" : ` (sheet ${local})`}: ${message}`);
    if (name.toLowerCase().startsWith("_xlnm.")) {
      if (!BUILT_IN_NAMES.has(name.toLowerCase())) at("is not a built-in name");
    } else {
      const error = nameError(name);
      if (error) at(error);
    }
    if (local !== undefined && !(Number(local) >= 0 && Number(local) < sheets.length && /^\d+$/.test(local))) at(`localSheetId ${local} is not a sheet index`);
    const key = `${local ?? ""}|${name.toLowerCase()}`;
    if (scopes.has(key)) at("is defined twice in the same scope");
    scopes.add(key);
    const refs = sheetReferences(textOf(dn));
    for (const error of refs.errors) at(error);
    for (const sheet of refs.sheets) if (!sheetNames.includes(sheet) && !/^\[\d+\]/.test(sheet)) at(`refers to sheet "${sheet}", which does not exist`);
    if (/^_xlnm\.(Print_Titles|Print_Area|_FilterDatabase)$/i.test(name)) {
      if (local === undefined) at("a print or filter name must be scoped to its sheet");
      else if (refs.sheets.some((s) => s !== sheetNames[Number(local)])) at(`refers to another sheet than its own ("${sheetNames[Number(local)]}")`);
    }
  }
  const globalNames = new Set(definedNames.filter((d) => attr(d, "localSheetId") === undefined).map((d) => (attr(d, "name") ?? "").toLowerCase()));

  // Shared strings and styles.
  const sstName = related(workbookName, "sharedStrings")[0];
  const sst = sstName ? parts.get(sstName) : undefined;
  const strings = sst ? elements(sst.root, "si").map(textOf) : [];
  const stylesName = related(workbookName, "styles")[0];
  const styles = stylesName ? parts.get(stylesName) : undefined;
  const countOf = (list: string) => (styles ? elements(styles.root, list).flatMap((l) => elements(l)).length : 0);
  const xfCount = countOf("cellXfs");
  const dxfCount = countOf("dxfs");

  // Worksheets: cells, conditional formats, tables.
  const tableIds = new Map<string, string>();
  const tableNames = new Map<string, string>();
  /** Each table's column names, lower case, by its displayName in lower case. */
  const tableColumnNames = new Map<string, readonly string[]>();
  sheets.forEach((sheet, index) => {
    const partName = byId(workbookName, attr(sheet, "id", NS.r));
    const ws = partName ? parts.get(partName) : undefined;
    if (!partName || !ws) {
      report(workbookName, "sheet", "relationship-target", `sheet "${sheetNames[index]}" has no worksheet part`);
      return;
    }
    if (ws.root.local !== "worksheet") return;
    const cells = new Map<string, XmlElement>();
    let lastRow = 0;
    for (const row of elements(ws.root, "sheetData").flatMap((d) => elements(d, "row"))) {
      // Excel reads rows and cells in ascending order and repairs a sheet that is not.
      const r = Number(attr(row, "r") ?? lastRow + 1);
      if (!(r > lastRow)) report(partName, "row", "cell-order", `row ${r} comes after row ${lastRow}`);
      lastRow = r;
      let lastCol = 0;
      const s = attr(row, "s");
      if (s !== undefined && Number(s) >= xfCount) report(partName, "row", "style-index", `row ${attr(row, "r")} s="${s}" but cellXfs holds ${xfCount}`);
      for (const c of elements(row, "c")) {
        const at = cellAddress(attr(c, "r") ?? "") ?? { col: lastCol + 1, row: r };
        const ref = `${columnName(at.col)}${at.row}`;
        if (at.row !== r) report(partName, "c", "cell-order", `cell ${ref} is in row ${r}`);
        else if (!(at.col > lastCol)) report(partName, "c", "cell-order", `cell ${ref} comes after column ${columnName(lastCol)}`);
        lastCol = at.col;
        cells.set(ref, c);
        const style = attr(c, "s");
        if (style !== undefined && Number(style) >= xfCount) report(partName, "c", "style-index", `${ref} s="${style}" but cellXfs holds ${xfCount}`);
        if (attr(c, "t") === "s") {
          const v = elements(c, "v")[0];
          const index = v ? Number(textOf(v)) : NaN;
          if (!(Number.isInteger(index) && index >= 0 && index < strings.length)) report(partName, "c", "shared-string", `${ref} refers to shared string ${v ? textOf(v) : "(none)"}, but the table holds ${strings.length}`);
        }
      }
    }
    for (const f of elements(ws.root, "sheetData").flatMap((d) => elements(d, "row")).flatMap((row) => elements(row, "c")).flatMap((c) => elements(c, "f"))) {
      const problem = formulaError(textOf(f));
      if (problem) report(partName, "f", "formula", problem);
      // A shared group's text must be one Excel can hold in its binary form ([MS-XLS] 2.5.198.118).
      if (attr(f, "t") === "shared" && attr(f, "ref") !== undefined && !shareableFormula(textOf(f)))
        report(partName, "f", "shared-formula", `the shared formula over ${attr(f, "ref")} may hold what Excel cannot share (a range operator, a structured or other-sheet reference, whitespace…): ${textOf(f).slice(0, 80)}`);
    }
    for (const col of elements(ws.root, "cols").flatMap((c) => elements(c, "col"))) {
      const style = attr(col, "style");
      if (style !== undefined && Number(style) >= xfCount) report(partName, "col", "style-index", `columns ${attr(col, "min")}–${attr(col, "max")} style="${style}" but cellXfs holds ${xfCount}`);
    }
    const merges = elements(ws.root, "mergeCells")
      .flatMap((m) => elements(m, "mergeCell"))
      .map((m) => attr(m, "ref") ?? "");
    overlaps(merges, merges).forEach(([a, b]) => report(partName, "mergeCell", "range-overlap", `merged ranges ${a} and ${b} overlap`));
    for (const dv of elements(ws.root, "dataValidations").flatMap((d) => elements(d, "dataValidation"))) {
      const formula = elements(dv, "formula1").map(textOf).join("");
      // Excel limits a typed list ("a,b,c") to 255 characters and drops a longer one with a repair prompt.
      if (attr(dv, "type") === "list" && formula.startsWith('"') && formula.length - 2 > 255) report(partName, "dataValidation", "data-validation", `the list on ${attr(dv, "sqref")} is ${formula.length - 2} characters (at most 255)`);
    }
    const tableRefs: string[] = [];
    const priorities = new Map<string, string>();
    for (const cf of elements(ws.root, "conditionalFormatting")) {
      const sqref = attr(cf, "sqref") ?? "";
      const rules = elements(cf, "cfRule");
      if (rules.length === 0) report(partName, "conditionalFormatting", "cf-empty", `conditionalFormatting ${sqref} holds no cfRule`);
      for (const rule of rules) {
        const priority = attr(rule, "priority") ?? "";
        const other = priorities.get(priority);
        if (other !== undefined) report(partName, "cfRule", "cf-priority", `priority ${priority} of the rule on ${sqref} is also used by the rule on ${other}`);
        priorities.set(priority, sqref);
        const dxf = attr(rule, "dxfId");
        if (dxf !== undefined && Number(dxf) >= dxfCount) report(partName, "cfRule", "dxf-index", `the rule on ${sqref} has dxfId ${dxf} but dxfs holds ${dxfCount}`);
      }
    }
    // Excel 2010 rules kept only in the extension list share the sheet's priorities; those that
    // extend a rule above (data bars) carry no priority of their own.
    const x14Formats = elements(ws.root, "extLst")
      .flatMap((l) => elements(l, "ext"))
      .flatMap((e) => elements(e, "conditionalFormattings"))
      .flatMap((c) => elements(c, "conditionalFormatting"));
    for (const cf of x14Formats) {
      const sqref = elements(cf, "sqref").map(textOf).join("");
      for (const rule of elements(cf, "cfRule")) {
        const priority = attr(rule, "priority");
        if (priority === undefined) continue;
        const other = priorities.get(priority);
        if (other !== undefined) report(partName, "x14:cfRule", "cf-priority", `priority ${priority} of the rule on ${sqref} is also used by the rule on ${other}`);
        priorities.set(priority, sqref);
      }
    }
    for (const tableName of related(partName, "table")) {
      const table = parts.get(tableName)?.root;
      if (!table || table.local !== "table") continue;
      const id = attr(table, "id") ?? "";
      const name = attr(table, "name") ?? "";
      const display = attr(table, "displayName") ?? "";
      const at = (element: string, rule: GateRule, message: string) => report(tableName, element, rule, `table ${display}: ${message}`);
      if (tableIds.has(id)) at("table", "table-unique", `id ${id} is also the id of ${tableIds.get(id)}`);
      tableIds.set(id, tableName);
      for (const n of new Set([name.toLowerCase(), display.toLowerCase()])) {
        if (tableNames.has(n)) at("table", "table-unique", `name ${n} is also the name of ${tableNames.get(n)}`);
        if (globalNames.has(n)) at("table", "table-unique", `name ${n} is also a defined name`);
        tableNames.set(n, tableName);
      }
      const nameProblem = nameError(display);
      if (nameProblem) at("table", "table-unique", `displayName ${nameProblem}`);
      const columns = elements(table, "tableColumns").flatMap((t) => elements(t, "tableColumn"));
      const [from, to] = (attr(table, "ref") ?? "").split(":").map(cellAddress);
      if (!from || !to) {
        at("table", "table-range", `ref "${attr(table, "ref")}" is not a range`);
        continue;
      }
      if (columns.length !== to.col - from.col + 1) at("tableColumns", "table-range", `${columns.length} tableColumns for a ref ${to.col - from.col + 1} columns wide`);
      // A table without a data row (only a header, or a header and totals) makes Excel repair the
      // workbook (rust_xlsxwriter#110).
      const frame = Number(attr(table, "headerRowCount") ?? 1) + Number(attr(table, "totalsRowCount") ?? 0);
      if (to.row - from.row + 1 <= frame) at("table", "table-range", `ref ${attr(table, "ref")} leaves no data row`);
      // Excel compares column names case-insensitively and repairs a table with two alike (exceljs#2944).
      const columnNames = columns.map((c) => (attr(c, "name") ?? "").toLowerCase());
      tableColumnNames.set(display.toLowerCase(), columnNames);
      columnNames.filter((n, i) => columnNames.indexOf(n) !== i).forEach((n) => at("tableColumn", "table-header", `two columns are named "${n}" (names are case-insensitive)`));
      const ref = attr(table, "ref") ?? "";
      overlaps([ref], tableRefs).forEach(([, other]) => at("table", "range-overlap", `${ref} overlaps another table's ${other}`));
      tableRefs.push(ref);
      if (attr(table, "headerRowCount") === "0") continue;
      columns.forEach((column, i) => {
        const ref = `${columnName(from.col + i)}${from.row}`;
        const cell = cells.get(ref);
        const expected = attr(column, "name") ?? "";
        const t = cell ? attr(cell, "t") : undefined;
        const text =
          cell && t === "s" ? strings[Number(textOf(elements(cell, "v")[0] ?? cell))] : cell && t === "inlineStr" ? elements(cell, "is").map(textOf).join("") : undefined;
        if (!cell) at("tableColumn", "table-header", `header cell ${ref} is missing (column "${expected}")`);
        else if (text === undefined) at("tableColumn", "table-header", `header cell ${ref} is not a string constant (t="${t ?? "n"}"${elements(cell, "f").length ? ", a formula" : ""}) for column "${expected}"`);
        else if (text !== expected) at("tableColumn", "table-header", `header cell ${ref} reads "${text}" but the column is named "${expected}"`);
      });
    }
  });
  // A defined name over a table column (`SP_L1_LIST_1` → `SP_K1_Contracts[[合同编号]]`) must name a table and
  // columns the package has: Excel takes a structured reference only to what exists (typed, "There's a
  // problem with this formula"), and a name a writer derived from stale headers would read nothing.
  for (const dn of definedNames) {
    for (const [table, columns] of structuredReferences(textOf(dn))) {
      const at = (message: string) => report(workbookName, "definedName", "defined-name", `${attr(dn, "name") ?? ""}: ${message}`);
      const known = tableColumnNames.get(table.toLowerCase());
      if (known === undefined) at(`refers to table ${table}, which the workbook does not have`);
      else for (const column of columns) if (!known.some((k) => k.trim() === column.toLowerCase())) at(`refers to column "${column}", which table ${table} does not have`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// xmllint.

interface Staged {
  readonly workbook: string;
  readonly part: string;
}

const XML_PART = /(\.xml|\.rels)$/i;
const VML_PART = /\.vml$/i;

/**
 * Whether a part is checked for well-formedness only: VML, and parts outside the vendored schemas
 * (Excel's later extensions such as threaded comments, custom XML data) unless their content type
 * says they are one of the schemas' parts — a worksheet with a wrong namespace still fails.
 */
const wellFormedOnly = (name: string, root: XmlElement | undefined, typeOf: (part: string) => string | undefined): boolean =>
  VML_PART.test(name) || (root !== undefined && !UNDERSTOOD.has(root.ns) && !SCHEMA_TYPES.has(typeOf(name) ?? ""));

/**
 * Runs one xmllint over `files`. With a schema xmllint states a verdict per file ("validates" or
 * "fails to validate"); a file without one means xmllint did not validate it, which is an error
 * here rather than a silent pass.
 */
function runXmllint(args: readonly string[], files: readonly string[], staged: ReadonlyMap<string, Staged>, rule: GateRule): Problem[] {
  if (files.length === 0) return [];
  const run = spawnSync("xmllint", [...args, ...files], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`xmllint could not run (Debian: apt-get install libxml2-utils): ${run.error.message}`);
  const problems: Problem[] = [];
  const failed = new Set<string>();
  const verdicts = new Set<string>();
  for (const line of run.stderr.split("\n")) {
    const verdict = /^(.*) (validates|fails to validate)$/.exec(line);
    if (verdict) verdicts.add(verdict[1]);
    const m = /^(.*?):(\d+): (.*)$/.exec(line);
    const at = m && staged.get(m[1]);
    if (m && at) {
      const element = /Element '(?:\{[^}]*\})?([^']+)'/.exec(m[3])?.[1] ?? /element (\S+):/.exec(m[3])?.[1] ?? "?";
      const message = m[3].replace(/^element \S+: /, "").replace(/\{[^}]*\}/g, "");
      problems.push({ ...at, element, rule: / parser error |namespace error/.test(m[3]) ? "well-formed" : rule, message: `line ${m[2]}: ${message}` });
      failed.add(m[1]);
      continue;
    }
    const summary = /^(.*) fails to validate$/.exec(line);
    if (summary && staged.has(summary[1]) && !failed.has(summary[1])) {
      problems.push({ ...staged.get(summary[1])!, element: "?", rule, message: "fails to validate" });
      failed.add(summary[1]);
    }
  }
  if (run.status !== 0 && problems.length === 0) throw new Error(`xmllint exited ${run.status} without naming a part:\n${run.stderr.slice(0, 2000)}`);
  const unjudged = args.includes("--schema") ? files.filter((f) => !verdicts.has(f) && !failed.has(f)) : [];
  if (unjudged.length > 0) throw new Error(`xmllint gave no verdict on ${unjudged.map((f) => staged.get(f)?.part).join(", ")}:\n${run.stderr.slice(0, 2000)}`);
  return problems;
}

/**
 * A folder for the parts xmllint reads: in memory where Linux offers one (writing a thousand parts
 * to this machine's disk-backed /tmp took 2.6 s, to /dev/shm 0.07 s).
 */
function stagingDir(): string {
  try {
    return mkdtempSync(join("/dev/shm", "sp-ooxml-gate-"));
  } catch {
    return mkdtempSync(join(tmpdir(), "sp-ooxml-gate-"));
  }
}

/** What the last validation ran: parts validated, xmllint processes, time spent in them. */
export const lastGateRun = { xmllintMs: 0, parts: 0, processes: 0 };

/**
 * Validates several workbooks: every XML part of all of them in one xmllint run against the
 * schemas, VML and extension parts in one run for well-formedness, then the rules schemas cannot express.
 */
export async function validateXlsxAll(workbooks: readonly LabelledXlsx[]): Promise<Problem[]> {
  const dir = stagingDir();
  const problems: Problem[] = [];
  const staged = new Map<string, Staged>();
  const schemaFiles: string[] = [];
  const plainFiles: string[] = [];
  try {
    for (const { label, bytes } of workbooks) {
      let zip: JSZip;
      try {
        zip = await JSZip.loadAsync(bytes);
      } catch (error) {
        problems.push({ workbook: label, part: "(package)", element: "-", rule: "well-formed", message: `not a zip package: ${(error as Error).message}` });
        continue;
      }
      const files = Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.name);
      const parts = new Map<string, Part>();
      let types: XmlElement | undefined;
      try {
        types = parseXml((await zip.file("[Content_Types].xml")?.async("string")) ?? "<Types/>").root;
      } catch {
        // Reported with the part below.
      }
      const { typeOf } = contentTypes(types);
      for (const name of files) {
        if (!VML_PART.test(name) && !XML_PART.test(name)) continue;
        const text = await zip.file(name)!.async("string");
        const file = join(dir, `${staged.size}.xml`);
        staged.set(file, { workbook: label, part: name });
        if (VML_PART.test(name)) {
          writeFileSync(file, text);
          plainFiles.push(file);
          continue;
        }
        let parsed: { prolog: string; root: XmlElement };
        try {
          parsed = parseXml(text);
        } catch (error) {
          // xmllint names the line of the error as well; the gate's reader names its offset.
          if (!(error instanceof XmlSyntaxError)) throw error;
          problems.push({ workbook: label, part: name, element: "?", rule: "well-formed", message: error.message });
          writeFileSync(file, text);
          schemaFiles.push(file);
          continue;
        }
        if (wellFormedOnly(name, parsed.root, typeOf)) {
          writeFileSync(file, text);
          plainFiles.push(file);
          continue;
        }
        // Without the MC namespace or xml:space a part has nothing to process: xmllint reads it as written.
        if (text.includes(NS.mc) || text.includes("xml:space")) {
          for (const message of applyMarkupCompatibility(parsed.root)) problems.push({ workbook: label, part: name, element: parsed.root.local, rule: "markup-compatibility", message });
          writeFileSync(file, parsed.prolog + serializeXml(parsed.root));
        } else writeFileSync(file, text);
        schemaFiles.push(file);
        parts.set(name, { name, root: parsed.root });
      }
      problems.push(...checkPackage(label, files, parts));
    }
    const started = Date.now();
    problems.push(...runXmllint(["--noout", "--schema", SCHEMA], schemaFiles, staged, "schema"));
    problems.push(...runXmllint(["--noout"], plainFiles, staged, "well-formed"));
    lastGateRun.xmllintMs = Date.now() - started;
    lastGateRun.parts = schemaFiles.length + plainFiles.length;
    lastGateRun.processes = (schemaFiles.length > 0 ? 1 : 0) + (plainFiles.length > 0 ? 1 : 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems;
}

export const validateXlsx = (bytes: Uint8Array, label: string): Promise<Problem[]> => validateXlsxAll([{ label, bytes }]);

/** Jest: fails listing every problem (workbook › part › element [rule] message). */
export async function expectValidXlsx(bytes: Uint8Array, label: string): Promise<void> {
  expect((await validateXlsx(bytes, label)).map(formatProblem)).toEqual([]);
}

export async function expectValidXlsxAll(workbooks: readonly LabelledXlsx[]): Promise<void> {
  expect((await validateXlsxAll(workbooks)).map(formatProblem)).toEqual([]);
}
