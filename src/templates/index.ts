import type { BuildContext } from "./context";
import { buildContractRegister, type ContractRegisterOptions } from "./contractRegister";
import { buildCustomerRegister, type CustomerRegisterOptions } from "./customerRegister";
import { buildMonthlyPlan, type MonthlyPlanOptions } from "./monthlyPlan";
import { withSpecs } from "../spec/naming";
import type { SheetSpec } from "../spec/sheetSpec";
import { buildWeeklyPlan, type WeeklyPlanOptions } from "./weeklyPlan";

export type { BuildContext } from "./context";
export type * from "../spec/sheetSpec";

/** One template to build, with its options. */
export type TemplateRequest =
  | { readonly template: "weekly"; readonly options: WeeklyPlanOptions }
  | { readonly template: "monthly"; readonly options: MonthlyPlanOptions }
  | { readonly template: "customers"; readonly options: CustomerRegisterOptions }
  | { readonly template: "contracts"; readonly options: ContractRegisterOptions };

function buildOne(request: TemplateRequest, ctx: BuildContext): SheetSpec[] {
  switch (request.template) {
    case "weekly":
      return buildWeeklyPlan(request.options, ctx);
    case "monthly":
      return buildMonthlyPlan(request.options, ctx);
    case "customers":
      return buildCustomerRegister(request.options, ctx);
    case "contracts":
      return buildContractRegister(request.options, ctx);
  }
}

/**
 * Builds several templates for one workbook: each builder sees the names the previous ones took,
 * so sheets, tables and keys never clash with each other or with the workbook.
 */
export function buildTemplates(requests: readonly TemplateRequest[], ctx: BuildContext): SheetSpec[] {
  const specs: SheetSpec[] = [];
  for (const request of requests) {
    specs.push(...buildOne(request, { ...ctx, existing: withSpecs(ctx.existing, specs) }));
  }
  return specs;
}
