import { LOCALES } from "../contract/locale";
import { columnLetters } from "../spec/a1";
import type { CellValue } from "../spec/sheetSpec";
import { headerKey, importFields, type ImportKind } from "./fields";
import { ImportError } from "./problems";

/** A source as read: rows of cells (CSV cells are strings; Excel cells keep numbers, booleans, serial dates as numbers). */
export type SourceGrid = readonly (readonly CellValue[])[];

export interface ColumnMapping {
  /** 0-based row of the grid holding the real header. */
  readonly headerRow: number;
  /** Per source column: the ImportField key, or undefined = not imported. */
  readonly targets: readonly (string | undefined)[];
}

/**
 * The headers lists use for each field, besides the field's own header in both languages (always
 * understood), compared as `normalizeHeader` gives them. One table per kind: a word may mean one field
 * only within a kind (联系方式 is the phone of a customer and the channel of a visit).
 */
export const HEADER_SYNONYMS: Readonly<Record<ImportKind, Readonly<Record<string, readonly string[]>>>> = {
  customers: {
    id: ["客户编码", "客户代码", "编号", "客户id", "customer no", "customer code", "account id", "id"],
    name: ["公司名称", "单位名称", "客户", "企业名称", "公司", "单位", "客户全称", "名称", "company", "company name", "account name", "account", "customer name", "name"],
    industry: ["所属行业", "行业类别", "sector"],
    region: ["地区", "省份", "城市", "所在地区", "所在城市", "省市", "area", "province", "city", "territory"],
    source: ["来源", "渠道", "获客渠道", "lead source", "channel"],
    contact: ["联系人姓名", "姓名", "对接人", "contact name", "contact person"],
    position: ["职位", "岗位", "头衔", "title", "job title"],
    phone: ["手机", "联系电话", "手机号", "手机号码", "电话号码", "联系方式", "mobile", "tel", "telephone", "cell", "phone number"],
    address: ["联系地址", "公司地址", "详细地址", "通讯地址"],
    owner: ["业务员", "销售", "销售员", "销售代表", "客户经理", "跟进人", "sales rep", "account owner", "salesperson"],
    annualSales: ["年销售额", "交易额", "累计销售额", "年交易额", "销售额", "年采购额", "revenue", "sales", "annual revenue"],
    demandSize: ["需求量"],
    urgency: ["迫切度", "紧急程度", "紧迫度"],
    customerSize: ["企业规模", "公司规模", "规模", "company size", "size"],
    managerTier: ["客户等级", "等级", "客户级别", "级别", "tier", "customer tier", "grade"],
    credit: ["信用", "资信", "credit rating"],
    payment: ["付款", "回款情况", "payment history"],
    status: ["状态", "阶段", "stage"],
    firstContact: ["首次接触", "创建日期", "建档日期", "录入日期", "created", "created date"],
    lastVisit: ["最近拜访日期", "最后拜访日期", "上次拜访", "最近拜访", "最后跟进时间", "last contact"],
    note: ["说明", "备注信息", "notes", "remark", "remarks", "comment"],
    creditCode: ["信用代码", "社会信用代码", "税号", "纳税人识别号", "credit code", "uscc", "tax id"],
  },
  contracts: {
    id: ["合同号", "合同编码", "contract number", "contract id"],
    customer: ["客户", "甲方", "买方", "公司名称", "单位名称", "client", "buyer", "customer name"],
    signed: ["签约日期", "签署日期", "合同日期", "signing date", "date signed"],
    amount: ["金额", "合同额", "总金额", "合同总额", "amount", "contract value", "value"],
    product: ["产品", "项目", "品名", "标的", "product", "project"],
    due: ["交货日期", "交期", "交付日期", "delivery date", "due"],
    termDays: ["账期", "付款期限", "账期天数", "terms", "payment terms", "credit days"],
    termBasis: ["起算", "账期起算方式"],
    shipped: ["已发货", "已发货金额", "发货金额", "shipped"],
    lastShipped: ["发货日期", "最近发货日期", "最后发货日期", "shipment date"],
    invoiced: ["已开票", "已开票金额", "开票金额", "invoiced"],
    lastInvoiced: ["开票日期", "最近开票日期", "invoice date"],
    paid: ["已回款", "已回款金额", "回款金额", "已收款", "paid", "collected", "received"],
    owner: ["业务员", "销售", "销售代表", "sales rep"],
    note: ["说明", "notes", "remark", "remarks"],
  },
  visits: {
    date: ["拜访日期", "拜访时间", "联系日期", "跟进日期", "跟进时间", "visit date"],
    rep: ["业务员", "销售", "拜访人", "负责人", "跟进人", "rep", "salesperson", "owner"],
    customerId: ["客户编码", "客户代码", "customer no"],
    customerName: ["客户", "公司名称", "单位名称", "企业名称", "company", "customer name", "account name"],
    method: ["拜访方式", "联系方式", "跟进方式", "method", "type"],
    purpose: ["拜访目的", "objective"],
    business: ["business"],
    stock: ["库存", "stock", "inventory"],
    needs: ["客户需求", "requirements"],
    result: ["拜访结果", "跟进结果", "成果", "outcome"],
    nextStep: ["下一步计划", "后续计划", "next steps"],
    nextContact: ["下次联系", "下次拜访日期", "下次跟进", "next visit", "follow-up date"],
  },
  ledger: {
    date: ["业务日期", "单据日期"],
    contract: ["合同号", "contract"],
    type: ["业务类型", "类别"],
    product: ["产品", "产品名称", "货品", "商品", "item"],
    quantity: ["qty"],
    price: ["价格", "price"],
    amount: ["总额", "发生额", "total"],
    document: ["发票号", "单号", "发票号码", "document", "invoice no"],
    tracking: ["快递单号", "运单号", "tracking", "waybill"],
    handler: ["经手人", "操作人", "handler"],
    reviewer: ["审核人", "reviewer"],
    note: ["说明", "notes", "remark", "remarks"],
  },
};

/**
 * A header as compared: trimmed, full-width folded (NFKC: （万元） → (万元)), case and spaces ignored,
 * required-field stars and a trailing colon dropped, and a unit in brackets at the end dropped
 * (年销售额(万元), 金额(元), 账期(天)) — the unit itself scales amounts (`headerScale`), it does not name the field.
 */
export const normalizeHeader = (text: string): string =>
  headerKey(text)
    .replace(/^\*+|\*+$/g, "")
    .replace(/[:：]+$/, "")
    .replace(/(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)+$/, "")
    .replace(/[/:]+$/, "");

/** Per kind: normalised header → [field key, rank]; a field's own headers rank 0, synonyms 1. */
const lookup = new Map<ImportKind, ReadonlyMap<string, { readonly key: string; readonly rank: number }>>();

export function headerLookup(kind: ImportKind): ReadonlyMap<string, { readonly key: string; readonly rank: number }> {
  const known = lookup.get(kind);
  if (known) return known;
  const map = new Map<string, { key: string; rank: number }>();
  for (const locale of LOCALES) for (const field of importFields(kind, locale)) map.set(normalizeHeader(field.header), { key: field.key, rank: 0 });
  for (const [key, words] of Object.entries(HEADER_SYNONYMS[kind])) {
    for (const word of words) if (!map.has(normalizeHeader(word))) map.set(normalizeHeader(word), { key, rank: 1 });
  }
  lookup.set(kind, map);
  return map;
}

/** Rows a header is looked for in: a title, a note and a merged group header fit well above it. */
const HEADER_SEARCH_ROWS = 20;

const cellText = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell));

/**
 * The header row (the one of the first rows naming the most distinct fields; the first of equals; a
 * title or a merged group header such as 基本信息 / 联系方式 names few or none) and each column's field:
 * each field goes to the column whose header names it best (its own header before a synonym), then
 * the leftmost. Columns naming no field, or a field another column took, are not imported.
 */
export function proposeMapping(kind: ImportKind, grid: SourceGrid): ColumnMapping {
  const words = headerLookup(kind);
  let headerRow = grid.findIndex((row) => row.some((cell) => cellText(cell).trim() !== ""));
  let best = 0;
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    const keys = new Set(grid[r].map((cell) => (typeof cell === "string" ? words.get(normalizeHeader(cell))?.key : undefined)).filter((key) => key !== undefined));
    if (keys.size > best) {
      best = keys.size;
      headerRow = r;
    }
  }
  if (headerRow < 0) return { headerRow: 0, targets: [] };
  const header = grid[headerRow];
  const found = header.map((cell) => (typeof cell === "string" ? words.get(normalizeHeader(cell)) : undefined));
  const taken = new Map<string, number>();
  found.forEach((match, column) => {
    if (!match) return;
    const holder = taken.get(match.key);
    if (holder === undefined || found[holder]!.rank > match.rank) taken.set(match.key, column);
  });
  const targets: (string | undefined)[] = Array.from({ length: width(grid) }, () => undefined);
  for (const [key, column] of taken) targets[column] = key;
  return { headerRow, targets };
}

/** The number of columns: the widest row's. */
const width = (grid: SourceGrid): number => grid.reduce((most, row) => Math.max(most, row.length), 0);

/**
 * Each source column's header as shown to the user: the header cell's text, trimmed; the column letter
 * for a column without one; a header written twice gets its column letter after it (电话 (D)).
 */
export function sourceHeaders(grid: SourceGrid, mapping: ColumnMapping): readonly string[] {
  const row = grid[mapping.headerRow] ?? [];
  const texts = Array.from({ length: Math.max(width(grid), mapping.targets.length) }, (_, column) => cellText(row[column]).trim());
  const count = new Map<string, number>();
  for (const text of texts) count.set(text, (count.get(text) ?? 0) + 1);
  return texts.map((text, column) => (text === "" ? columnLetters(column) : (count.get(text) ?? 0) > 1 ? `${text} (${columnLetters(column)})` : text));
}

/**
 * The mapping with the user's changes (`--map 源列=目标列`, the pane's choices): each source column (its
 * header as shown, or its letter) goes to the target named by key or by header in either language, or
 * to nothing for an empty target. A column that holds that target by the proposal lets it go: the user
 * chose, the header matching only guessed. Two changes giving one target to two columns are refused
 * (ImportError "duplicateTarget"): which one the user meant is theirs to say, and the later one winning
 * would drop the other column's values silently.
 */
export function overrideMapping(
  kind: ImportKind,
  grid: SourceGrid,
  mapping: ColumnMapping,
  overrides: readonly { readonly source: string; readonly target: string }[],
): ColumnMapping {
  const headers = sourceHeaders(grid, mapping);
  const targets = Array.from({ length: headers.length }, (_, column) => mapping.targets[column]);
  const fields = LOCALES.flatMap((locale) => importFields(kind, locale));
  /** The column each target was last given to by a change. */
  const chosen = new Map<string, number>();
  for (const { source, target } of overrides) {
    const wanted = source.trim();
    let column = headers.indexOf(wanted);
    if (column < 0) column = headers.findIndex((header) => headerKey(header) === headerKey(wanted));
    if (column < 0) column = headers.findIndex((_, i) => columnLetters(i) === wanted.toUpperCase());
    if (column < 0) throw new ImportError("unknownSource", source, headers);
    if (target.trim() === "") {
      targets[column] = undefined;
      continue;
    }
    const key = fields.find((field) => field.key === target.trim() || headerKey(field.header) === headerKey(target))?.key;
    if (key === undefined) throw new ImportError("unknownTarget", target, importFields(kind, "zh-CN").map((field, i) => `${field.header}/${importFields(kind, "en-US")[i].header}`));
    const rival = chosen.get(key);
    if (rival !== undefined && rival !== column && targets[rival] === key) throw new ImportError("duplicateTarget", target.trim(), [headers[rival], headers[column]]);
    chosen.set(key, column);
    targets.forEach((held, i) => {
      if (held === key) targets[i] = undefined;
    });
    targets[column] = key;
  }
  return { headerRow: mapping.headerRow, targets };
}
