import JSZip from "jszip";
import { XlsxPackage } from "../../../src/writers/ooxml/package";

/**
 * `freePartName` answers from an index of the numbered part names, kept from its first call on
 * (issue 17: scanning every path for each copied part made a roll-up of 300 reps quadratic). Its
 * answers must stay those the paths give, through parts written and removed.
 */
async function pkg(paths: readonly string[]): Promise<XlsxPackage> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`);
  for (const path of paths) zip.file(path, "<x/>");
  return XlsxPackage.load(await zip.generateAsync({ type: "uint8array" }));
}

describe("XlsxPackage.freePartName", () => {
  test("the number after the highest one of the same folder, stem and extension, in any case; no number counts as 1", async () => {
    const p = await pkg(["xl/worksheets/sheet1.xml", "xl/worksheets/Sheet7.XML", "xl/worksheets/sheet12.bin", "xl/worksheets/sheets3.xml", "xl/tables/table.xml", "xl/other/sheet40.xml"]);
    expect(p.freePartName("xl/worksheets", "sheet", "xml")).toBe("xl/worksheets/sheet8.xml");
    expect(p.freePartName("xl/tables", "table", "xml")).toBe("xl/tables/table2.xml");
    expect(p.freePartName("xl/drawings", "drawing", "xml")).toBe("xl/drawings/drawing1.xml");
  });

  test("parts written after the first answer are counted, and a removed part's number is free again", async () => {
    const p = await pkg(["xl/worksheets/sheet1.xml"]);
    expect(p.freePartName("xl/worksheets", "sheet", "xml")).toBe("xl/worksheets/sheet2.xml");
    p.write("xl/worksheets/sheet2.xml", "<x/>");
    p.write("xl/worksheets/sheet2.xml", "<y/>");
    expect(p.freePartName("xl/worksheets", "sheet", "xml")).toBe("xl/worksheets/sheet3.xml");
    p.write("xl/worksheets/sheet9.xml", "<x/>");
    expect(p.freePartName("xl/worksheets", "sheet", "xml")).toBe("xl/worksheets/sheet10.xml");
    p.remove("xl/worksheets/sheet9.xml");
    expect(p.freePartName("xl/worksheets", "sheet", "xml")).toBe("xl/worksheets/sheet3.xml");
  });
});
