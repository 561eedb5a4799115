import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NO_NAMES } from "../../src/spec/naming";
import { buildTemplates } from "../../src/templates";
import { writeXlsx } from "../../src/writers/xlsx";
import { XlsxPackage } from "../../src/writers/ooxml";
import { runCli as run } from "../support/cli";
import { listedColumns } from "../support/dropDowns";
import { expectSameCells } from "../support/sameCells";

/** `sales-planner write account-visits group-deals` (issue 15): the two key-account sheets from the command line. */

const dir = mkdtempSync(join(tmpdir(), "sp-cli-deals-"));

async function sheetXml(file: string, sheet: string): Promise<string> {
  const pkg = await XlsxPackage.load(new Uint8Array(readFileSync(file)));
  const path = (await pkg.sheets()).find((s) => s.name === sheet)?.path ?? "";
  return (await pkg.text(path)) ?? "";
}

/** Writes the campaign workbook (the two sheets, the visit log and the key-accounts list, asked out of order) to `out`. */
const writeCampaign = (out: string) => run("write", "group-deals", "account-visits", "visits", "accounts", "--out", out);

describe("write account-visits / group-deals", () => {
  test("with the key-accounts list and a visit log, in any order asked: the writer's workbook, the sheets built after what they read", async () => {
    const out = join(dir, "campaign.xlsx");
    const { code, err } = await writeCampaign(out);
    expect([code, err]).toEqual([0, ""]);
    const expected = buildTemplates(
      [{ template: "groupDeals", options: { blankRows: 30 } }, { template: "accountVisits", options: { blankRows: 50 } }, { template: "visits", options: { blankRows: 200 } }, { template: "accounts", options: { blankRows: 50 } }],
      { locale: "zh-CN", existing: NO_NAMES },
    );
    await expectSameCells(new Uint8Array(readFileSync(out)), await writeXlsx(expected));
    expect(await listedColumns(new Uint8Array(readFileSync(out)), "团购优惠明细")).toContain("SP_A1_Accounts[[单位]]");
    expect(await sheetXml(out, "大客户拜访报告")).toContain("SP_V1_COL_CUSTOMER_NAME");
  });

  test("added to such a workbook later, in English: the list and the log the workbook holds are the ones read", async () => {
    const out = join(dir, "campaign-later.xlsx");
    expect((await writeCampaign(out)).code).toBe(0);
    const { code } = await run("write", "account-visits", "group-deals", "--out", out, "--lang", "en-US");
    expect(code).toBe(0);
    const visits = await sheetXml(out, "Key-account visits");
    expect(await listedColumns(new Uint8Array(readFileSync(out)), "Key-account visits")).toContain("SP_A1_Accounts[[单位]]");
    expect(visits).toContain("SP_V1_COL_CUSTOMER_NAME");
    expect(await sheetXml(out, "Group discounts")).toContain("SP_G2_GROUP_THRESHOLD");
  });
});
