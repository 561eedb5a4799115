import { a1, a1FixedColumn } from "../spec/a1";
import { SUM, label } from "./columns";
import { contractIdSource } from "./contractLedger";
import { kitFor, type BuildContext, type Kit } from "./context";
import { labelWidth, printSetup, SheetDraft, type PlacedTable } from "./draft";
import { COLORS, FORMATS } from "./formats";
import { col, equalsCriterion, str, thisRow } from "../spec/formula";
import { PROJECT_COLUMN_NAMES, PROJECT_STAGE_NAMES, PROJECTS_ROLE } from "./linkedTables";
import { TEMPLATES } from "./registry";
import { freeKey, freeSheetName, spName, spTable, templateRecord } from "../spec/naming";
import type { CellRef, ColumnSpec, ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";

/**
 * 项目跟踪表 (issue 15 item 1, seed 003 L55–62): one row per project through the seed's stages 前期设计 → 投标 →
 * 深化设计 → 备货执行 → 验收, then 已收款 or 丢单, in table `SP_<KEY>_Projects`, with a summary sheet by stage and
 * by rep × stage, the win rate and a funnel chart.
 *
 * Derived per row: 商务文件截止 = 投标日期 − `SP_P1_DOC_LEAD` (seed 003 L60: 提前两天整理好相应的商务文件), 下次回访 =
 * 最近回访 + the stage's cadence (L58: 前期设计 at least weekly, other stages every two weeks; blank once the
 * project is closed; L61: 投标结束,及时回访客户,询问投标结果 — a bid without a result is called back the day after
 * the bid at the latest), 预付款金额 and 尾款金额 from 预付款比例. The settings and the stage and result words sit in
 * named cells above the table; every formula compares with the named word cells (`SP_P1_STAGE_DESIGN`,
 * `SP_P1_RESULT_WON`), so the team summary reads the tracker through the names in `linkedTables.ts` in
 * whichever language it was written.
 */

export interface ProjectTrackerOptions {
  /** Data rows by column key; dates as serials, 预付款比例 as a fraction (0.3). */
  readonly rows?: readonly TableRow[];
  /** Blank rows appended for data entry (default: the registry's). */
  readonly blankRows?: number;
}

/** The settings' defaults: seed 003 L58 (weekly in design, fortnightly otherwise) and L60 (two days ahead). */
export const PROJECT_DEFAULTS = { callbackDesign: 7, callbackOther: 14, docLead: 2, finalDays: 30 } as const;

/** Workbook names of the settings, by key: `SP_P1_CALLBACK_DESIGN`. */
export const PROJECT_SETTING_NAMES = { callbackDesign: "CALLBACK_DESIGN", callbackOther: "CALLBACK_OTHER", docLead: "DOC_LEAD", finalDays: "FINAL_DAYS" } as const;

/** Names of the cells holding the bid-result words, in the order of `strings.projects.results` (未开标, 中标, 未中标). */
export const PROJECT_RESULT_NAMES = ["RESULT_OPEN", "RESULT_WON", "RESULT_LOST"] as const;

/** Names of the summary's cells other sheets may read. */
export const PROJECT_SUMMARY_NAMES = { winRate: "WIN_RATE", bidsSoon: "BIDS_SOON" } as const;

/**
 * Rows of the summary's rep × stage grid. The reps are listed by formula, in the order they first appear in the
 * tracker, so the grid follows the rows a team adds (see `repSlot`); a team with more reps than this sees the
 * rest under 其他, and the totals stay the team's.
 */
export const REP_SLOTS = 30;

/** Days ahead the summary counts bids in, and the days a bid date is highlighted before it. */
const BIDS_AHEAD = 14;
const BID_SOON = 7;

/**
 * The funnel is the open pipeline, 前期设计 … 验收: 已收款 and 丢单 (the last two stages) are where projects leave
 * it, and a bar of paid projects would only ever grow.
 */
const FUNNEL_STAGES = PROJECT_STAGE_NAMES.length - 2;

interface TrackerNames {
  readonly stage: Readonly<Record<(typeof PROJECT_STAGE_NAMES)[number], string>>;
  readonly result: readonly string[];
  readonly setting: Readonly<Record<keyof typeof PROJECT_SETTING_NAMES, string>>;
}

const namesOf = (key: string): TrackerNames => ({
  stage: Object.fromEntries(PROJECT_STAGE_NAMES.map((n) => [n, spName(key, n)])) as TrackerNames["stage"],
  result: PROJECT_RESULT_NAMES.map((n) => spName(key, n)),
  setting: Object.fromEntries(Object.entries(PROJECT_SETTING_NAMES).map(([k, n]) => [k, spName(key, n)])) as TrackerNames["setting"],
});

function projectColumns(kit: Kit, table: string, names: TrackerNames, existing: ExistingNames): ColumnSpec[] {
  const { s, columns: c, v } = kit;
  const p = s.projects;
  const h = p.columns;
  const r = (header: string) => thisRow(table, header);
  const bid = r(h.bidDate);
  const amount = r(h.amount);
  const ratio = r(h.prepayRatio);
  const last = r(h.lastCallback);
  const stage = r(h.stage);
  const result = r(h.result);
  const { STAGE_DESIGN, STAGE_BID, STAGE_PAID, STAGE_LOST } = names.stage;
  const set = names.setting;
  const cadence = `IF(${stage}=${STAGE_DESIGN},${set.callbackDesign},${set.callbackOther})`;
  // In 投标 with no result yet and the bid not before the last call-back: the day after the bid, if that is sooner.
  const awaitingResult = `AND(${stage}=${STAGE_BID},OR(${result}="",${result}=${names.result[0]}),ISNUMBER(${bid}),${bid}>=${last})`;
  const prepaid = `AND(ISNUMBER(${amount}),ISNUMBER(${ratio}))`;
  const source = contractIdSource(existing, s.contracts.columns.id);
  return [
    c.text("id", h.id, { width: 12, totals: label(s.common.total) }),
    c.text("name", h.name, { width: 24 }),
    c.text("owner", h.owner, { width: 20 }),
    c.text("partner", h.partner, { width: 18 }),
    c.text("rep", h.rep, { width: 10 }),
    c.text("region", h.region, { width: 10 }),
    c.text("product", h.product, { width: 16 }),
    c.money("amount", h.amount, { width: 14, totals: SUM }),
    c.list("stage", h.stage, p.stages, { width: 12 }),
    c.date("stageStart", h.stageStart),
    c.date("bidDate", h.bidDate),
    c.formula("docDeadline", h.docDeadline, "date", `IF(ISNUMBER(${bid}),${bid}-${set.docLead},"")`),
    c.list("docs", h.docs, p.docStates, { width: 10 }),
    c.list("result", h.result, p.results, { width: 10 }),
    c.text("lostReason", h.lostReason, { width: 16 }),
    source
      ? c.fromColumn("contract", h.contract, v.fromColumn(source, { title: s.ledger.contractErrorTitle, message: s.ledger.contractErrorMessage }), { width: 14 })
      : c.text("contract", h.contract, { width: 14 }),
    c.share("prepayRatio", h.prepayRatio),
    c.formula("prepayAmount", h.prepayAmount, "moneyCents", `IF(${prepaid},ROUND(${amount}*${ratio},2),"")`, { width: 14, totals: SUM }),
    c.date("prepayDate", h.prepayDate),
    c.date("plannedAcceptance", h.plannedAcceptance),
    c.date("acceptance", h.acceptance),
    c.formula("finalAmount", h.finalAmount, "moneyCents", `IF(${prepaid},${amount}-ROUND(${amount}*${ratio},2),"")`, { width: 14, totals: SUM }),
    c.date("finalDate", h.finalDate),
    c.date("lastCallback", h.lastCallback),
    c.formula(
      "nextCallback",
      h.nextCallback,
      "date",
      `IF(OR(NOT(ISNUMBER(${last})),${stage}=${STAGE_PAID},${stage}=${STAGE_LOST}),"",IF(${awaitingResult},MIN(${last}+${cadence},${bid}+1),${last}+${cadence}))`,
    ),
    c.list("exec", h.exec, p.yesNo, { width: 8 }),
    c.text("nextStep", h.nextStep, { width: 20 }),
    c.text("note", h.note, { width: 20 }),
  ];
}

function projectFormats(draft: SheetDraft, kit: Kit, projects: PlacedTable, names: TrackerNames): void {
  const p = kit.s.projects;
  const at = (key: string) => a1FixedColumn(projects.cell(0, key));
  const target = (key: string) => ({ kind: "tableColumn", table: projects.spec.name, column: projects.header(key) }) as const;
  const bad = { fill: COLORS.badFill, fontColor: COLORS.badFont, bold: true };
  const date = (key: string) => `ISNUMBER(${at(key)})`;
  // Bids, documents and results matter while the project is open: not once it is paid or lost.
  const open = `${at("stage")}<>${names.stage.STAGE_PAID},${at("stage")}<>${names.stage.STAGE_LOST}`;
  // 下次回访 is blank for a closed project, so a date in the past is an open project's overdue call-back.
  draft.format({ target: target("nextCallback"), rule: { kind: "expression", formula: `AND(${date("nextCallback")},${at("nextCallback")}<TODAY())` }, style: bad });
  // From the documents' deadline until the bid, while they are neither ready nor delivered.
  const [, ready, delivered] = p.docStates;
  const docsLate = `AND(${date("docDeadline")},TODAY()>=${at("docDeadline")},TODAY()<=${at("bidDate")},${at("docs")}<>${str(ready)},${at("docs")}<>${str(delivered)},${open})`;
  for (const key of ["docDeadline", "docs"]) draft.format({ target: target(key), rule: { kind: "expression", formula: docsLate }, style: bad });
  draft.format({
    target: target("bidDate"),
    rule: { kind: "expression", formula: `AND(${date("bidDate")},${at("bidDate")}>=TODAY(),${at("bidDate")}<=TODAY()+${BID_SOON},${open})` },
    style: { fill: COLORS.soonFill, fontColor: COLORS.soonFont },
  });
  // Seed 003 L61: after the bid, ask for the result — red while the bid is past and no result is entered.
  draft.format({
    target: target("result"),
    rule: { kind: "expression", formula: `AND(${date("bidDate")},${at("bidDate")}<TODAY(),OR(${at("result")}="",${at("result")}=${names.result[0]}),${open})` },
    style: bad,
  });
  // Seed 003 L62: 验收完成后及时收款.
  const finalLate = `AND(${date("acceptance")},NOT(${date("finalDate")}),TODAY()-${at("acceptance")}>${names.setting.finalDays})`;
  for (const key of ["finalAmount", "finalDate"]) draft.format({ target: target(key), rule: { kind: "expression", formula: finalLate }, style: { fill: COLORS.warnFill, fontColor: COLORS.warnFont } });
}

/**
 * The rep of grid row `slot`: the first rep of the tracker (in its row order) not listed in the cells above,
 * from the grid's header cell down. Excel 2016 has no UNIQUE; COUNTIF over the cells above with the whole rep
 * column as criteria gives, per project, whether its rep is listed yet, and MATCH finds the first that is not
 * (blank reps skipped; each matched literally, `equalsCriterion`). SUMPRODUCT makes every engine evaluate
 * that as an array without array entry (the INDEX(…,0) form works in Excel only; LibreOffice checked). It
 * scans the tracker once per grid row — a fixed 30 rows — never per project; blank once every rep is listed.
 */
const repSlot = (reps: string, header: CellRef, above: CellRef): string =>
  `IFERROR(INDEX(${reps},SUMPRODUCT(MATCH(0,COUNTIF(${a1(header, true)}:${a1(above, true)},${equalsCriterion(reps)})+(${reps}=""),0))),"")`;

function summarySheet(kit: Kit, key: string, projects: PlacedTable, names: TrackerNames, sheets: readonly string[]): SheetSpec {
  const { s, columns: c } = kit;
  const p = s.projects;
  const h = p.columns;
  const table = projects.spec.name;
  const colOf = (header: string) => col(table, header);
  const rep = colOf(h.rep);
  const stage = colOf(h.stage);
  const amount = colOf(h.amount);
  const result = colOf(h.result);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, p.summaryTitle, "title");

  const [, won, lost] = names.result;
  const decided = `(COUNTIF(${result},${won})+COUNTIF(${result},${lost}))`;
  const winAt = draft.field({ row: 2, col: 0 }, p.winRate, { formula: `IF(${decided}=0,"",COUNTIF(${result},${won})/${decided})` }, { numberFormat: FORMATS.percent });
  draft.name(spName(key, PROJECT_SUMMARY_NAMES.winRate), winAt, p.winRateNote);
  const bid = colOf(h.bidDate);
  const { STAGE_PAID, STAGE_LOST } = names.stage;
  const soonAt = draft.field(
    { row: 2, col: 3 },
    p.bidsSoon(BIDS_AHEAD),
    { formula: `COUNTIFS(${bid},">="&TODAY(),${bid},"<="&(TODAY()+${BIDS_AHEAD}),${stage},"<>"&${STAGE_PAID},${stage},"<>"&${STAGE_LOST})` },
    { numberFormat: FORMATS.integer },
  );
  draft.name(spName(key, PROJECT_SUMMARY_NAMES.bidsSoon), soonAt, p.bidsSoon(BIDS_AHEAD));
  draft.text({ row: 3, col: 0 }, p.winRateNote, "note");

  // By stage, for the team: the stage words are the tracker's, compared with its 阶段 column.
  draft.text({ row: 5, col: 0 }, p.stageSection, "section");
  const stagesName = spTable(key, "Stages");
  const sc = p.stageColumns;
  const stageOf = thisRow(stagesName, sc.stage);
  const stages = draft.table({
    name: stagesName,
    role: "stages",
    origin: { row: 6, col: 0 },
    showTotals: true,
    columns: [
      c.text("stage", sc.stage, { width: 14, totals: label(p.total) }),
      c.formula("count", sc.count, "integer", `COUNTIFS(${stage},${stageOf})`, { totals: SUM }),
      c.formula("amount", sc.amount, "money", `SUMIFS(${amount},${stage},${stageOf})`, { width: 16, totals: SUM }),
    ],
    rows: p.stages.map((word) => ({ stage: word })),
  });
  const funnelRows = { from: stages.cell(0, "stage"), to: stages.cell(FUNNEL_STAGES - 1, "stage") };
  const countRows = { from: stages.cell(0, "count"), to: stages.cell(FUNNEL_STAGES - 1, "count") };
  draft.chart({
    kind: "bar",
    title: p.chartTitle,
    categories: { kind: "range", range: funnelRows },
    series: [{ name: sc.count, values: { kind: "range", range: countRows } }],
    anchor: { from: { row: 5, col: stages.lastCol + 2 }, to: { row: stages.lastRow + 8, col: stages.lastCol + 9 } },
  });

  // By rep × stage: a count and an amount column per stage, then the row's totals.
  const top = stages.lastRow + 10;
  draft.text({ row: top, col: 0 }, p.repSection, "section");
  draft.text({ row: top + 1, col: 0 }, p.repNote, "note");
  const header = { row: top + 2, col: 0 };
  const heading = (column: number, text: string, width: number) => {
    draft.text({ row: header.row, col: column }, text, "label");
    draft.widen(column, Math.max(width, labelWidth(text)));
  };
  heading(0, p.rep, 14);
  const stageCols = p.stages.map((word, i) => ({ word, name: names.stage[PROJECT_STAGE_NAMES[i]], count: 1 + 2 * i, amount: 2 + 2 * i }));
  const totalCount = 1 + 2 * stageCols.length;
  const totalAmount = totalCount + 1;
  for (const x of stageCols) {
    heading(x.count, `${x.word} ${p.countSuffix}`, 10);
    heading(x.amount, `${x.word} ${p.amountSuffix}`, 14);
  }
  heading(totalCount, `${p.total} ${p.countSuffix}`, 10);
  heading(totalAmount, `${p.total} ${p.amountSuffix}`, 16);
  const first = header.row + 1;
  const otherRow = first + REP_SLOTS;
  const teamRow = otherRow + 1;
  const cell = (row: number, column: number) => a1({ row, col: column });
  /** A row's totals; blank on a rep row without a rep, like its stage cells. */
  const rowTotals = (row: number, when: (sum: string) => string = (sum) => sum) => {
    const sum = (of: "count" | "amount") => `SUM(${stageCols.map((x) => cell(row, x[of])).join(",")})`;
    draft.put({ row, col: totalCount }, { formula: when(sum("count")) }, "computed", FORMATS.integer);
    draft.put({ row, col: totalAmount }, { formula: when(sum("amount")) }, "computed", FORMATS.money);
  };
  for (let slot = 0; slot < REP_SLOTS; slot++) {
    const row = first + slot;
    const who = cell(row, 0);
    draft.put({ row, col: 0 }, { formula: repSlot(rep, header, { row: row - 1, col: 0 }) }, "computed");
    for (const x of stageCols) {
      draft.put({ row, col: x.count }, { formula: `IF(${who}="","",COUNTIFS(${rep},${equalsCriterion(who)},${stage},${x.name}))` }, "computed", FORMATS.integer);
      draft.put({ row, col: x.amount }, { formula: `IF(${who}="","",SUMIFS(${amount},${rep},${equalsCriterion(who)},${stage},${x.name}))` }, "computed", FORMATS.money);
    }
    rowTotals(row, (sum) => `IF(${who}="","",${sum})`);
  }
  // 其他: the team's less the listed reps', so the grid always adds up to the team, whoever is not listed.
  draft.text({ row: otherRow, col: 0 }, p.other, "label");
  draft.text({ row: teamRow, col: 0 }, p.total, "label");
  for (const x of stageCols) {
    const listed = (column: number) => `SUM(${cell(first, column)}:${cell(otherRow - 1, column)})`;
    draft.put({ row: teamRow, col: x.count }, { formula: `COUNTIFS(${stage},${x.name})` }, "computed", FORMATS.integer);
    draft.put({ row: teamRow, col: x.amount }, { formula: `SUMIFS(${amount},${stage},${x.name})` }, "computed", FORMATS.money);
    draft.put({ row: otherRow, col: x.count }, { formula: `${cell(teamRow, x.count)}-${listed(x.count)}` }, "computed", FORMATS.integer);
    draft.put({ row: otherRow, col: x.amount }, { formula: `${cell(teamRow, x.amount)}-${listed(x.amount)}` }, "computed", FORMATS.money);
  }
  rowTotals(otherRow);
  rowTotals(teamRow);

  return draft.finish({
    name: freeSheetName(p.summarySheetName, sheets),
    record: templateRecord(TEMPLATES.projects, "summary", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: 0, cols: 1 },
    print: printSetup(),
    tabColor: "5B9BD5",
  });
}

export function buildProjectTracker(options: ProjectTrackerOptions, ctx: BuildContext): SheetSpec[] {
  const kit = kitFor(ctx.locale);
  const { s, v } = kit;
  const p = s.projects;
  const key = freeKey(TEMPLATES.projects, ctx.existing);
  const names = namesOf(key);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, p.title, "title");
  const settings = [
    ["callbackDesign", p.callbackDesign],
    ["callbackOther", p.callbackOther],
    ["docLead", p.docLead],
    ["finalDays", p.finalDays],
  ] as const;
  settings.forEach(([setting, text], i) => {
    const at = draft.field({ row: 2, col: 2 * i }, text, { value: PROJECT_DEFAULTS[setting] }, { numberFormat: FORMATS.plain, validation: v.whole(setting === "docLead" ? 0 : 1) });
    draft.name(names.setting[setting], at, text);
  });
  draft.text({ row: 3, col: 0 }, p.stagesLabel, "label");
  p.stages.forEach((word, i) => draft.name(names.stage[PROJECT_STAGE_NAMES[i]], draft.text({ row: 3, col: 1 + i }, word, "computed"), p.stagesLabel));
  draft.text({ row: 4, col: 0 }, p.resultsLabel, "label");
  p.results.forEach((word, i) => draft.name(names.result[i], draft.text({ row: 4, col: 1 + i }, word, "computed"), p.resultsLabel));
  draft.text({ row: 5, col: 0 }, p.note(BID_SOON), "note");
  const origin = { row: 6, col: 0 };
  const name = spTable(key, PROJECTS_ROLE);
  const projects = draft.table({
    name,
    role: "projects",
    origin,
    showTotals: true,
    columns: projectColumns(kit, name, names, ctx.existing),
    rows: [...(options.rows ?? []), ...Array.from({ length: options.blankRows ?? TEMPLATES.projects.blankRows.initial }, () => ({}))],
  });
  projectFormats(draft, kit, projects, names);
  for (const [column, part] of Object.entries(PROJECT_COLUMN_NAMES)) draft.columnName(spName(key, part), projects, column, p.columnNameNote);
  const mainName = freeSheetName(p.sheetName, ctx.existing.sheets);
  const summary = summarySheet(kit, key, projects, names, [...ctx.existing.sheets, mainName]);
  const main = draft.finish({
    name: mainName,
    record: templateRecord(TEMPLATES.projects, "main", key, { row: 1, col: 0 }),
    recordLabel: s.common.recordLabel,
    recordNote: s.common.recordNote,
    freeze: { rows: origin.row + 1, cols: 2 },
    print: printSetup({ first: origin.row, last: origin.row }),
    tabColor: "7030A0",
  });
  return [main, summary];
}
