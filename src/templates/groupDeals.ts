import { a1FixedColumn } from "../spec/a1";
import { col, equalsCriterion, exactKey, thisRow } from "../spec/formula";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import type { ColumnSpec, SheetSpec, TableRow, ValidationSpec } from "../spec/sheetSpec";
import { label, SUM } from "./columns";
import { kitFor, type BuildContext, type Kit } from "./context";
import { printSetup, SheetDraft } from "./draft";
import { COLORS, FORMATS } from "./formats";
import { accountUnits, unitColumn, type LinkedAccounts } from "./linkedTables";
import { TEMPLATES } from "./registry";

/**
 * 团购优惠明细 (issue 15 item 4, seed 004 L10–23): one row per deal of a key-account unit. 原价 = 套数 × 每套面积 ×
 * 单价 (套数 × 单价 without an area; a blank 套数 is one home, for the price, the unit's total and the reward alike);
 * the regular one-off discount gives 一次性折后价; once the unit's homes sold over the whole sheet — 认筹 or signed,
 * not 意向 — reach the threshold (seed: 9 套以上, "根据整个单位成交的合计套数"), the group discount is taken on top (折上折). The
 * discounts stack as `SALES.DISCOUNT` defines — price × every factor, rounded once (here to cents) — but in native
 * formulas, so the sheet works without the add-in: 130 ㎡ × 3 400 = 442 000 → 433 160 → 424 496.8. The key person's
 * reward is 1 000 ¥ per unit of a deal signed with its down payment (推荐成功界定标准: 签约并交纳首期款), claimable a
 * week after signing (签署合同后一个星期). Discounts, threshold, reward and days are named settings.
 */

export interface GroupDealsOptions {
  /** Data rows by column key; dates as serials. */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
}

/** The deals' table is `SP_<KEY>_Deals`. */
export const GROUP_DEALS_ROLE = "Deals";

/** Seed 004's figures: 9.8折 both, 9 套, 1 000 元/套, a week. */
export const GROUP_DEAL_DEFAULTS = { regularDiscount: 0.98, groupDiscount: 0.98, threshold: 9, reward: 1000, claimDays: 7 } as const;

/** Names of the settings cells, by the keys of `GROUP_DEAL_DEFAULTS`: `SP_G1_GROUP_THRESHOLD`. */
export const GROUP_DEAL_SETTING_NAMES = {
  regularDiscount: "REGULAR_DISCOUNT",
  groupDiscount: "GROUP_DISCOUNT",
  threshold: "GROUP_THRESHOLD",
  reward: "REWARD_PER_UNIT",
  claimDays: "CLAIM_DAYS",
} as const;

/** The status words' table is `SP_<KEY>_Statuses`. */
export const GROUP_DEAL_STATUSES_ROLE = "Statuses";

/** Names of the cells holding the status words (the rows of the statuses table), in the order of `strings.groupDeals.statuses`. */
export const GROUP_DEAL_STATUS_NAMES = ["STATUS_INTENT", "STATUS_PLEDGE", "STATUS_SIGNED"] as const;

type Setting = keyof typeof GROUP_DEAL_DEFAULTS;

/**
 * A discount as the share of the list price paid (9.8折 = 98% = 0.98), with its own message: the share message
 * ("0 到 1 之间的比例") does not tell someone typing 9.8 or 98 what is meant. 0 is refused, as SALES.DISCOUNT
 * refuses it; the lowest is 1折 (0.01), well below any discount given.
 */
function discountValidation(kit: Kit): ValidationSpec {
  const g = kit.s.groupDeals;
  return { rule: { kind: "decimal", min: 0.01, max: 1 }, errorTitle: g.discountErrorTitle, errorMessage: g.discountErrorMessage, allowBlank: true };
}

/**
 * The status words: their cells' names, by `GROUP_DEAL_STATUS_NAMES` (pledge and signed count toward the threshold,
 * signed earns the reward), and the drop-down of the table holding them.
 */
interface Statuses {
  readonly names: readonly [intent: string, pledge: string, signed: string];
  readonly list: ValidationSpec;
}

function dealColumns(kit: Kit, table: string, ctx: BuildContext, setting: Readonly<Record<Setting, string>>, statuses: Statuses, accounts: LinkedAccounts | undefined): ColumnSpec[] {
  const { s, columns: c } = kit;
  const g = s.groupDeals;
  const h = g.columns;
  const at = (header: string) => thisRow(table, header);
  const [unit, qty, area, price, list, discount, once] = [h.unit, h.units, h.area, h.price, h.listPrice, h.discount, h.oncePrice].map(at);
  const [first, total, factor, groupPrice, status, signed] = [h.unitFirst, h.unitTotal, h.groupFactor, h.groupPrice, h.status, h.signed].map(at);
  const [, pledgeWord, signedWord] = statuses.names;
  const units = col(table, h.unit);
  // A deal is at least one home: a blank 套数 counts as 1, so a priced row never gives 0 homes or a 0 reward.
  const homes = `IF(${qty}="",1,${qty})`;
  // The homes a deal adds to its unit toward the threshold: sold (认筹 or signed), not merely 意向 — "成交".
  const counted = `IF(OR(${unit}="",AND(${status}<>${pledgeWord},${status}<>${signedWord})),0,${homes})`;
  // The unit's total 套数, summed once per unit rather than once per row: its first row (MATCH stops at the first
  // hit) holds SUMIF over the sheet, every row of the unit reads that cell. U units cost U sums over the n rows
  // instead of n — at 2 000 deals of 50 units, 50 SUMIFs instead of 2 000. Two columns, because a row reading
  // the first row's cell in its own column would be a circular reference.
  const position = `ROW(${unit})-ROW(INDEX(${units},1))+1`;
  // MATCH(…,0) and SUMIF take * ? ~ in a unit's name as wildcards (`exactKey`, `equalsCriterion`); a unit pasted as a number is found as one.
  const unitFirst = `IF(${unit}="","",MATCH(${exactKey(unit)},${units},0))`;
  const unitSum = `IF(${first}="","",IF(${first}=${position},SUMIF(${units},${equalsCriterion(unit)},${col(table, h.counted)}),""))`;
  const unitTotal = `IF(${first}="","",INDEX(${col(table, h.unitSum)},${first}))`;
  const regular = `IF(${discount}="",${setting.regularDiscount},${discount})`;
  const priced = (formula: string) => `IF(${list}="","",${formula})`;
  const cents = (formula: string) => `ROUND(${formula},2)`;
  return [
    unitColumn(kit, ctx.existing, ctx.locale, h.unit, { title: g.unitErrorTitle, message: g.unitErrorMessage }, label(s.common.total)),
    c.text("customer", h.customer, { width: 10 }),
    c.count("units", h.units, { width: 8, totals: SUM }),
    c.decimal("area", h.area, { width: 10 }),
    c.moneyCents("price", h.price),
    c.formula("listPrice", h.listPrice, "moneyCents", `IF(${price}="","",${cents(`${homes}*IF(${area}="",1,${area})*${price}`)})`, { totals: SUM }),
    { ...c.share("discount", h.discount, { width: 10 }), validation: discountValidation(kit) },
    c.formula("oncePrice", h.oncePrice, "moneyCents", priced(cents(`${list}*${regular}`)), { totals: SUM }),
    c.formula("normalSaving", h.normalSaving, "moneyCents", priced(cents(`${list}-${once}`)), { totals: SUM }),
    c.formula("unitTotal", h.unitTotal, "integer", unitTotal, { width: 10 }),
    // N(): a row without a unit has a blank total, which a comparison would take for text (above any number).
    c.formula("groupFactor", h.groupFactor, "percent", priced(`IF(N(${total})>=${setting.threshold},${setting.groupDiscount},1)`), { width: 10 }),
    // Price × every factor, rounded once: the regular discount's rounded price is not discounted again.
    c.formula("groupPrice", h.groupPrice, "moneyCents", priced(cents(`${list}*${regular}*${factor}`)), { totals: SUM }),
    c.formula("groupSaving", h.groupSaving, "moneyCents", priced(cents(`${list}-${groupPrice}`)), { totals: SUM }),
    // Seed 004: one key person per unit, the same from the first visit to the signing — the list's, when there is one.
    accounts
      ? c.formula("keyPerson", h.keyPerson, "text", `IF(${unit}="","",IFERROR(INDEX(${accounts.names.keyPerson},MATCH(${exactKey(unit)},${accounts.names.unit},0))&"",""))`, { width: 10 })
      : c.text("keyPerson", h.keyPerson, { width: 10 }),
    c.fromColumn("status", h.status, statuses.list, { width: 16 }),
    c.date("signed", h.signed),
    c.formula("reward", h.reward, "money", `IF(${status}=${signedWord},${homes}*${setting.reward},"")`, { totals: SUM }),
    c.formula("claimDate", h.claimDate, "date", `IF(AND(${status}=${signedWord},ISNUMBER(${signed})),${signed}+${setting.claimDays},"")`),
    c.text("note", h.note, { width: 18 }),
    c.formula("counted", h.counted, "integer", counted, { width: 8 }),
    c.formula("unitFirst", h.unitFirst, "integer", unitFirst, { width: 8 }),
    c.formula("unitSum", h.unitSum, "integer", unitSum, { width: 8 }),
  ];
}

export function buildGroupDeals(options: GroupDealsOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, v } = kit;
  const g = s.groupDeals;
  const key = freeKey(TEMPLATES.groupDeals, ctx.existing);
  const name = spTable(key, GROUP_DEALS_ROLE);
  const accounts = accountUnits(ctx.existing, ctx.locale);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, g.title, "title");
  draft.text({ row: 2, col: 0 }, [g.hint, ...(accounts ? [g.accountsHint(accounts.table)] : [])].join(" "), "note");
  draft.text({ row: 3, col: 0 }, g.settingsLabel, "section");
  const fields: readonly { readonly key: Setting; readonly at: { row: number; col: number }; readonly format: string; readonly validation: ValidationSpec }[] = [
    { key: "regularDiscount", at: { row: 4, col: 0 }, format: FORMATS.percent, validation: discountValidation(kit) },
    { key: "groupDiscount", at: { row: 4, col: 2 }, format: FORMATS.percent, validation: discountValidation(kit) },
    { key: "threshold", at: { row: 4, col: 4 }, format: FORMATS.plain, validation: v.whole(1) },
    { key: "reward", at: { row: 5, col: 0 }, format: FORMATS.money, validation: v.nonNegative() },
    { key: "claimDays", at: { row: 5, col: 2 }, format: FORMATS.plain, validation: v.whole() },
  ];
  const setting = Object.fromEntries(
    fields.map((f) => {
      const at = draft.field(f.at, g[f.key], { value: GROUP_DEAL_DEFAULTS[f.key] }, { numberFormat: f.format, validation: f.validation });
      const settingName = spName(key, GROUP_DEAL_SETTING_NAMES[f.key]);
      draft.name(settingName, at, g.settingNote);
      return [f.key, settingName];
    }),
  ) as Record<Setting, string>;
  // The status words in a small table beside the settings: the 状态 drop-down lists its column and the formulas
  // compare with its named cells, so a word edited there changes both (a typed list would keep the old word).
  const statusTable = spTable(key, GROUP_DEAL_STATUSES_ROLE);
  const status = (i: 0 | 1 | 2): string => spName(key, GROUP_DEAL_STATUS_NAMES[i]);
  const statusList = v.fromColumn({ table: statusTable, column: g.statusLabel }, { title: s.common.listErrorTitle, message: s.common.listErrorMessage });
  const origin = { row: 8, col: 0 };
  const deals = draft.table({
    name,
    role: "deals",
    origin,
    showTotals: true,
    columns: dealColumns(kit, name, ctx, setting, { names: [status(0), status(1), status(2)], list: statusList }, accounts),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.groupDeals.blankRows.initial }, () => ({}))],
  });
  // After the deals: the deals' table stays the sheet's first.
  const statuses = draft.table({ name: statusTable, role: "statuses", origin: { row: 3, col: 7 }, columns: [kit.columns.text("status", g.statusLabel, { width: 16 })], rows: g.statuses.map((word) => ({ status: word })) });
  GROUP_DEAL_STATUS_NAMES.forEach((part, i) => draft.name(spName(key, part), statuses.cell(i, "status"), g.statusNote));
  draft.text({ row: 6, col: 0 }, g.statusNote, "note");
  // The deals that get the group discount, green: the unit has reached the threshold.
  const factor = a1FixedColumn(deals.cell(0, "groupFactor"));
  draft.format({
    target: { kind: "tableColumn", table: name, column: deals.header("groupFactor") },
    rule: { kind: "expression", formula: `AND(ISNUMBER(${factor}),${factor}<1)` },
    style: { fill: COLORS.goodFill, fontColor: COLORS.goodFont },
  });
  return [
    draft.finish({
      name: freeSheetName(g.sheetName, ctx.existing.sheets),
      record: templateRecord(TEMPLATES.groupDeals, "main", key, { row: 1, col: 0 }),
      recordLabel: s.common.recordLabel,
      recordNote: s.common.recordNote,
      freeze: { rows: origin.row + 1, cols: 2 },
      print: printSetup({ first: origin.row, last: origin.row }),
      tabColor: "ED7D31",
    }),
  ];
}
