import { cleanRows, findDuplicates, proposeMapping } from "../../src/import";
import { messyCustomers } from "../fixtures/imports";

/**
 * Issue 13 item 6: 50 000 rows of 15 columns are read and checked for duplicates in well under the
 * jest timeout (no pass over all pairs). Not a timed assertion: the figure is `npm run bench`'s.
 */

test("50 000 rows × 15 columns are cleaned and checked for duplicates", () => {
  const grid = messyCustomers(50_000);
  const mapping = proposeMapping("customers", grid);
  expect(mapping.targets.filter((t) => t !== undefined)).toHaveLength(15);
  const { rows, problems } = cleanRows("customers", grid, mapping, "zh-CN");
  expect(rows).toHaveLength(50_000);
  expect(problems.length).toBeGreaterThan(0);
  const groups = findDuplicates("customers", rows, rows.slice(0, 1000).map((row) => row.values));
  expect(groups.length).toBeGreaterThan(0);
});
