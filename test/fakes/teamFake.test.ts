import { buildTemplates } from "../../src/templates";
import { NO_NAMES } from "../../src/spec/naming";
import { writeXlsx } from "../../src/writers/xlsx";
import { FakeExcel, registerWorkbookFile } from "./teamFake";

/** The team extensions of the fake, where the code depends on them behaving as Excel does. */

describe("fake Excel: insertWorksheetsFromBase64", () => {
  test("resolves to the new sheets' ids, not their names (@types/office-js: 'An array of IDs'); getItem takes an id", async () => {
    const data = await writeXlsx(buildTemplates([{ template: "weekly", options: { rep: "张三", year: 2026, week: 48 } }], { locale: "zh-CN", existing: NO_NAMES }));
    const base64 = await registerWorkbookFile(data);
    const fake = new FakeExcel(["周计划-张三-2026W48"]);
    await fake.run(async (context) => {
      const inserted = context.workbook.insertWorksheetsFromBase64(base64);
      await context.sync();
      expect(inserted.value).toHaveLength(1);
      const [id] = inserted.value;
      expect(id).not.toBe("周计划-张三-2026W48 (2)");
      expect(id).toMatch(/^\{[0-9A-F-]+\}$/);
      const sheet = context.workbook.worksheets.getItem(id).load("name");
      await context.sync();
      expect(sheet.name).toBe("周计划-张三-2026W48 (2)");
    });
  });
});
