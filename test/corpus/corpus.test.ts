import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildCorpus } from "./corpus";
import { differences, dumpEntry, type Dump } from "./dump";

/**
 * Issue 10, item 6: the corpus written now must equal, cell by cell and part by part, the baseline
 * written before the refactoring. A change that is meant to alter the workbooks (a new column, a
 * bumped template version) rewrites the baseline with `npm run corpus:update` and shows it in review;
 * every other change must leave this test green.
 */

const BASELINE = join(__dirname, "baseline.json.gz");

test("the corpus of written workbooks equals the baseline", async () => {
  const now: Record<string, Dump> = {};
  for (const entry of await buildCorpus()) now[entry.name] = await dumpEntry(entry);
  if (process.env.SALES_PLANNER_CORPUS_UPDATE === "1") {
    mkdirSync(__dirname, { recursive: true });
    writeFileSync(BASELINE, gzipSync(JSON.stringify(now), { level: 9 }));
  }
  expect(existsSync(BASELINE)).toBe(true);
  const before = JSON.parse(gunzipSync(readFileSync(BASELINE)).toString("utf8")) as Record<string, Dump>;
  expect(Object.keys(now).length).toBeGreaterThanOrEqual(28);
  expect(differences(before, now)).toEqual([]);
}, 60_000); // some 30 workbooks written and read back: longer than the unit tier's usual limit
