import { buildAccountVisits } from "./accountVisits";
import { buildAnnualPlan } from "./annualPlan";
import type { BuildContext } from "./context";
import { buildContractRegister } from "./contractRegister";
import { buildCustomerRegister } from "./customerRegister";
import { buildContractLedger } from "./contractLedger";
import { buildGroupDeals } from "./groupDeals";
import { holidaysLast } from "./holidays";
import { assertFormulasFit } from "./errors";
import { buildMonthlyPlan } from "./monthlyPlan";
import { buildProjectTracker } from "./projectTracker";
import { buildVisitLog } from "./visitLog";
import { TEMPLATES, type TemplateId } from "./registry";
import { keyOfName, withSpecs } from "../spec/naming";
import type { SheetSpec } from "../spec/sheetSpec";
import { buildWeeklyPlan } from "./weeklyPlan";
import { buildWorkDiary } from "./workDiary";
import { buildKeyAccounts } from "./keyAccounts";

export type { BuildContext } from "./context";
export type * from "../spec/sheetSpec";
export type { RecordTemplateId, TemplateId } from "./registry";

/** Each template's builder; the compiler refuses a `TemplateId` (see registry.ts) without one. */
const BUILDERS = {
  weekly: buildWeeklyPlan,
  monthly: buildMonthlyPlan,
  customers: buildCustomerRegister,
  contracts: buildContractRegister,
  ledger: buildContractLedger,
  visits: buildVisitLog,
  diary: buildWorkDiary,
  annual: buildAnnualPlan,
  accounts: buildKeyAccounts,
  projects: buildProjectTracker,
  accountVisits: buildAccountVisits,
  groupDeals: buildGroupDeals,
} satisfies Record<TemplateId, (options: never, ctx: BuildContext) => SheetSpec[]>;

/** Each template's options, as its builder takes them. */
export type TemplateOptions = { readonly [K in TemplateId]: Parameters<(typeof BUILDERS)[K]>[0] };

/** One template to build, with its options. */
export type TemplateRequest = { readonly [K in TemplateId]: RequestOf<K> }[TemplateId];
export interface RequestOf<K extends TemplateId> {
  readonly template: K;
  readonly options: TemplateOptions[K];
  /**
   * Built only while the workbook has no table of the template (`hasTable`) and the same write asks for
   * none otherwise: a companion the pane offers beside another template (`COMPANIONS` in the pane's form
   * model), which a workbook that has one does not get twice.
   */
  readonly onlyIfAbsent?: boolean;
}

/**
 * Whether a table of the workbook is `template`'s (`SP_V2_Visits` for a visit log). Tables, not names: a
 * sheet deleted in Excel leaves its names behind (#REF!), and the templates that read another find it by
 * its table too (`linkedTable`).
 */
const hasTable = (template: TemplateId, existing: BuildContext["existing"]): boolean =>
  existing.tables.some((table) => keyOfName(table)?.[0] === TEMPLATES[template].keyLetter);

/**
 * `requests` without each `onlyIfAbsent` one that the workbook has a table of, or that another request
 * of the list covers: one that is not `onlyIfAbsent`, or an earlier one.
 */
const absentOnly = (requests: readonly TemplateRequest[], existing: BuildContext["existing"]): TemplateRequest[] =>
  requests.filter(
    (r, i) =>
      r.onlyIfAbsent !== true ||
      !(hasTable(r.template, existing) || requests.some((o, j) => j !== i && o.template === r.template && (o.onlyIfAbsent !== true || j < i))),
  );

function buildOne<K extends TemplateId>(request: RequestOf<K>, ctx: BuildContext): SheetSpec[] {
  const builders: { readonly [T in TemplateId]: (options: TemplateOptions[T], ctx: BuildContext) => SheetSpec[] } = BUILDERS;
  return builders[request.template](request.options, ctx);
}

/**
 * Builds several templates for one workbook: each builder sees the names the previous ones took,
 * so sheets, tables and keys never clash with each other or with the workbook. A template that reads
 * others' tables is built after them, whatever order they were asked in. The 节假日 sheets they add
 * come last.
 */
export function buildTemplates(requests: readonly TemplateRequest[], ctx: BuildContext): SheetSpec[] {
  const specs: SheetSpec[] = [];
  const wanted = absentOnly(requests, ctx.existing);
  const requested = wanted.map((r) => r.template);
  for (const request of buildOrder(wanted)) specs.push(...buildOne(request, { ...ctx, existing: withSpecs(ctx.existing, specs), requested }));
  specs.forEach(assertFormulasFit);
  return holidaysLast(specs);
}

/**
 * `requests` with each moved after the requests of the templates it reads (a register before its log, the
 * log before the plans counting it), the rest in the order asked. Reads have no cycle (registry), so every
 * round places at least one request.
 */
function buildOrder(requests: readonly TemplateRequest[]): TemplateRequest[] {
  const reads = (r: TemplateRequest): readonly string[] => {
    const entry = TEMPLATES[r.template];
    return "reads" in entry ? entry.reads : [];
  };
  const order: TemplateRequest[] = [];
  let waiting = [...requests];
  while (waiting.length > 0) {
    const ready = waiting.filter((r) => !reads(r).some((id) => waiting.some((other) => other !== r && other.template === id)));
    // The registry's `reads` form no cycle (registry.test); were one added, this would otherwise never end.
    if (ready.length === 0) throw new Error(`templates that read each other: ${waiting.map((r) => r.template).join(", ")}`);
    order.push(...ready);
    waiting = waiting.filter((r) => !ready.includes(r));
  }
  return order;
}
