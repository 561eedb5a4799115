/**
 * A checked-in copy of the custom-function contract (FUNCTIONS.md, extended by issue 11 with the
 * trailing optional `workweek` of WORKDAYS, WEEKSPLIT and DAYSPLIT), for CI where the shared folder is
 * absent. Tests compare functions.ts, its generated metadata and contract/functionNames.zh-CN.json against it.
 */
export interface ContractParameter {
  readonly name: string;
  readonly optional: boolean;
  /** Takes a range (metadata dimensionality "matrix"). */
  readonly range: boolean;
}

export interface ContractFunction {
  readonly id: string;
  readonly exportName: string;
  readonly zhName: string;
  readonly parameters: readonly ContractParameter[];
  /** Returns a range (metadata result dimensionality "matrix"). */
  readonly returnsRange: boolean;
}

export const NAMESPACE = "SALES";
export const ZH_NAMESPACE = "销售";

const required = (name: string, range = false): ContractParameter => ({ name, optional: false, range });
const optional = (name: string, range = false): ContractParameter => ({ name, optional: true, range });

export const CONTRACT: readonly ContractFunction[] = [
  {
    id: "ABC",
    exportName: "abc",
    zhName: "ABC分级",
    parameters: [required("values", true), optional("a_share"), optional("b_share")],
    returnsRange: true,
  },
  {
    id: "TIER",
    exportName: "tier",
    zhName: "阈值分级",
    parameters: [required("values", true), required("a_min"), required("b_min")],
    returnsRange: true,
  },
  {
    id: "NEXTVISIT",
    exportName: "nextVisit",
    zhName: "下次拜访",
    parameters: [required("last_visit", true), required("tier", true), optional("intervals", true)],
    returnsRange: true,
  },
  {
    id: "SPLIT",
    exportName: "split",
    zhName: "目标拆分",
    parameters: [required("total"), required("weights", true), optional("unit")],
    returnsRange: true,
  },
  {
    id: "WORKDAYS",
    exportName: "workdays",
    zhName: "工作日数",
    parameters: [required("start"), required("end"), optional("holidays", true), optional("workdays", true), optional("workweek")],
    returnsRange: false,
  },
  {
    id: "WEEKSPLIT",
    exportName: "weekSplit",
    zhName: "按周拆分",
    parameters: [
      required("target"),
      required("year"),
      required("month"),
      optional("holidays", true),
      optional("workdays", true),
      optional("unit"),
      optional("workweek"),
    ],
    returnsRange: true,
  },
  {
    id: "DAYSPLIT",
    exportName: "daySplit",
    zhName: "按日拆分",
    parameters: [
      required("target"),
      required("start"),
      required("end"),
      optional("holidays", true),
      optional("workdays", true),
      optional("unit"),
      optional("workweek"),
    ],
    returnsRange: true,
  },
  {
    id: "DISCOUNT",
    exportName: "discount",
    zhName: "折后价",
    parameters: [required("price"), required("discounts", true)],
    returnsRange: false,
  },
];
