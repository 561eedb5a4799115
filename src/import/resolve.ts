import type { TableRow } from "../spec/sheetSpec";
import type { CleanRow } from "./clean";
import { normalizeCompanyName } from "./duplicates";
import type { CellProblem } from "./problems";

/**
 * A visit log linked to a customer register calculates 客户名称 from 客户编号, so visits imported by the
 * customer's NAME (what most exports have) get the ID of the register's customer of that name
 * (compared as `normalizeCompanyName` does), and the name is left to the log's formula. A name the
 * register does not hold, or holds more than once, is listed and its row not imported — never a guess.
 * Rows that carry an ID keep it. A log whose 客户名称 is typed (`linked` false: written beside no register)
 * keeps the names, and gets the IDs the register has for them. `register`: the register's rows by key (id, name); `nameColumn`: the
 * source header of the names, for the problems.
 */
export function resolveCustomerIds(
  rows: readonly CleanRow[],
  register: readonly TableRow[],
  nameColumn: string,
  linked: boolean,
): { readonly rows: readonly CleanRow[]; readonly problems: readonly CellProblem[] } {
  const ids = new Map<string, Set<string>>();
  for (const customer of register) {
    const id = customer.id === null || customer.id === undefined ? "" : String(customer.id).trim();
    const name = normalizeCompanyName(String(customer.name ?? ""));
    if (id === "" || name === "") continue;
    ids.set(name, (ids.get(name) ?? new Set()).add(id));
  }
  const problems: CellProblem[] = [];
  const resolved = rows.flatMap((row) => {
    const { customerName, ...rest } = row.values;
    // A linked log calculates the name from the ID: the name is never written there.
    const kept = linked ? rest : row.values;
    const hasId = rest.customerId !== null && rest.customerId !== undefined && String(rest.customerId).trim() !== "";
    if (hasId || customerName === null || customerName === undefined || String(customerName).trim() === "") return [{ sourceRow: row.sourceRow, values: kept }];
    const found = ids.get(normalizeCompanyName(String(customerName)));
    if (found?.size === 1) return [{ sourceRow: row.sourceRow, values: { ...kept, customerId: [...found][0] } }];
    // Unlinked, the typed name is the record; linked, a visit without its customer would count for nobody: held back, listed.
    if (!linked) return [{ sourceRow: row.sourceRow, values: kept }];
    problems.push({ row: row.sourceRow, column: nameColumn, value: String(customerName), code: found ? "ambiguousCustomer" : "unknownCustomer" });
    return [];
  });
  return { rows: resolved, problems };
}
