import type { Locale } from "../contract/locale";
import type { ColumnSpec, ExistingNames, SheetSpec, TableRow } from "../spec/sheetSpec";
import { freeKey, freeSheetName, spTable, templateRecord } from "../spec/naming";
import { kitFor } from "../templates/context";
import { printSetup, SheetDraft } from "../templates/draft";
import { IMPORT_TEMPLATES } from "../templates/registry";
import { headersByKey, importFields, type ImportField } from "./fields";
import { problemText, type CellProblem } from "./problems";
import type { DuplicateGroup } from "./duplicates";
import type { ImportPlan } from "./plan";

/**
 * 导入复核 (issue 13 item 4): what the command line did not decide. Each duplicate group with every row in
 * it — the held imported rows, in the register's columns so they can be copied under the register as they
 * are, and the register's rows they resemble — and every source cell that could not be read. The user
 * resolves them by hand; nothing here is read back by the add-in.
 */

const WORDS = {
  "zh-CN": {
    sheetName: "导入复核",
    title: (register: string) => `导入复核:与${register}或本次导入中其他行疑似重复的行(未导入)`,
    hint: "核对每一组:要保留的导入行,在登记表末尾新增一行,按列名把本表的值填入同名的列(本表只列登记表的录入列,顺序与登记表相同;登记表的公式列会自己计算,不要覆盖);与已有行是同一客户的,把缺的信息补进已有行。处理完可删除本表。",
    problemsTitle: "无法识别的内容:每条说明原因和做法(未注明整行未导入的,该行已导入,此单元格留空)",
    noProblems: "没有无法识别的内容。",
    group: "组",
    reason: "疑似原因",
    shared: "相同的值",
    origin: "来源",
    row: "源文件行号",
    column: "源列",
    value: "原内容",
    why: "原因",
    imported: (row: number) => `本次导入 第 ${row} 行`,
    existing: (row: number) => `登记表 第 ${row} 条`,
    reasons: { name: "公司名称相同", phone: "电话相同", creditCode: "统一社会信用代码相同", contractNo: "合同编号相同", sameRecord: "记录完全相同" },
  },
  "en-US": {
    sheetName: "Import review",
    title: (register: string) => `Import review: rows that look like duplicates of ${register} or of other imported rows (not imported)`,
    hint: "Check each group: for each imported row to keep, add a row under the register and copy this sheet's values into the columns of the same name (only the register's input columns are here, in its order; leave its formula columns alone, they calculate); where one is the same customer as an existing row, add what the existing row lacks. Delete this sheet when done.",
    problemsTitle: "What could not be read, each with why and what to do (unless it says the row was not imported, the row was, with this cell blank)",
    noProblems: "Everything could be read.",
    group: "Group",
    reason: "Why",
    shared: "Shared value",
    origin: "From",
    row: "Source row",
    column: "Source column",
    value: "Content",
    why: "Reason",
    imported: (row: number) => `import, row ${row}`,
    existing: (row: number) => `register, record ${row}`,
    reasons: { name: "same company name", phone: "same phone", creditCode: "same credit code", contractNo: "same contract number", sameRecord: "identical record" },
  },
} as const satisfies Record<Locale, unknown>;

/** The register's columns for the held rows, typed as the register types them. */
function fieldColumn(field: ImportField, locale: Locale): ColumnSpec {
  const c = kitFor(locale).columns;
  switch (field.kind) {
    case "date":
    case "datetime":
      return c.date(field.key, field.header);
    case "money":
      return c.money(field.key, field.header);
    case "moneyCents":
      return c.moneyCents(field.key, field.header);
    case "number":
      return c.decimal(field.key, field.header);
    case "integer":
      return c.count(field.key, field.header);
    default:
      return c.text(field.key, field.header);
  }
}

/** The fields in the register's column order (the fields it has no column for last), headed as the register heads them. */
function inRegisterOrder(plan: ImportPlan): ImportField[] {
  const fields = importFields(plan.kind, plan.locale);
  const register = plan.register;
  if (register === undefined) return [...fields];
  const columns = headersByKey(plan.kind, register.headers);
  const at = (field: ImportField): number => { const header = columns.get(field.key); return header === undefined ? register.headers.length : register.headers.indexOf(header); };
  return fields.map((field) => ({ ...field, header: columns.get(field.key) ?? field.header })).sort((a, b) => at(a) - at(b));
}

export function buildReviewSheet(plan: ImportPlan, held: readonly DuplicateGroup[], registerName: string, locale: Locale, existing: ExistingNames): SheetSpec {
  const w = WORDS[locale];
  const kit = kitFor(locale);
  const key = freeKey(IMPORT_TEMPLATES.importReview, existing);
  // The register's own headers, in its order, so the held rows are copied column by column.
  const fields = inRegisterOrder(plan);
  const draft = new SheetDraft();
  draft.text({ row: 0, col: 0 }, w.title(registerName), "title");
  draft.text({ row: 2, col: 0 }, w.hint, "note");
  const c = kit.columns;
  const rows: TableRow[] = held.flatMap((group, g) => {
    const common = { group: g + 1, reason: w.reasons[group.reason], shared: group.key };
    return [
      ...group.existing.map((i) => ({ ...common, origin: w.existing(i + 1), ...plan.existing[i] })),
      ...group.imported.map((i) => ({ ...common, origin: w.imported(plan.rows[i].sourceRow), ...plan.rows[i].values })),
    ];
  });
  const groups = draft.table({
    name: spTable(key, "Review"),
    role: "review",
    origin: { row: 4, col: 0 },
    columns: [c.count("group", w.group, { width: 6 }), c.text("reason", w.reason, { width: 16 }), c.text("shared", w.shared, { width: 20 }), c.text("origin", w.origin, { width: 18 }), ...fields.map((f) => fieldColumn(f, locale))],
    rows,
  });
  const problemsAt = groups.lastRow + 3;
  draft.text({ row: problemsAt - 1, col: 0 }, plan.problems.length > 0 ? w.problemsTitle : w.noProblems, "section");
  if (plan.problems.length > 0) {
    draft.table({
      name: spTable(key, "Problems"),
      role: "problems",
      origin: { row: problemsAt, col: 0 },
      columns: [c.count("row", w.row, { width: 10 }), c.text("column", w.column, { width: 16 }), c.text("value", w.value, { width: 24 }), c.text("why", w.why, { width: 60 })],
      rows: plan.problems.map((p: CellProblem) => ({ row: p.row, column: p.column, value: p.value, why: problemText(p, locale) })),
    });
  }
  return draft.finish({
    name: freeSheetName(w.sheetName, existing.sheets),
    record: templateRecord(IMPORT_TEMPLATES.importReview, "main", key, { row: 1, col: 0 }),
    recordLabel: kit.s.common.recordLabel,
    recordNote: kit.s.common.recordNote,
    freeze: { rows: 5, cols: 0 },
    print: printSetup({ first: 4, last: 4 }),
    tabColor: "FFC000",
  });
}
