import { ContentTypes } from "../../../src/writers/ooxml/package";

/**
 * `ContentTypes` answers from an index kept beside the text (issue 17: the roll-up asks for every
 * part's type once per rep). The answers must stay those the text gives, through edits of the text.
 */
const xml =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="XML" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Override PartName="/xl/Workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="text/second"/>' +
  '<Override PartName="/xl/odd.xml"/>' +
  "</Types>";
const table = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

describe("ContentTypes", () => {
  test("an Override (first one, any case) before the Default of the extension (any case); an Override without a type has none", () => {
    const types = new ContentTypes(xml);
    expect(types.typeOf("xl/workbook.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    expect(types.typeOf("xl/styles.xml")).toBe("application/xml");
    expect(types.typeOf("_rels/.rels")).toBe("application/vnd.openxmlformats-package.relationships+xml");
    expect(types.typeOf("xl/odd.xml")).toBeUndefined();
    expect(types.typeOf("xl/media/image1.png")).toBeUndefined();
  });

  test("declared parts are answered at once; a declaration the default already makes adds nothing; forgotten and replaced text is read again", () => {
    const types = new ContentTypes(xml);
    types.declare("xl/tables/table1.xml", table);
    types.declare("xl/styles.xml", "application/xml");
    expect(types.xml.match(/<Override /g)).toHaveLength(4);
    expect(types.typeOf("xl/tables/table1.xml")).toBe(table);
    types.forget("xl/tables/table1.xml");
    expect(types.typeOf("xl/tables/table1.xml")).toBe("application/xml");
    types.xml = types.xml.replace("</Types>", `<Override PartName="/xl/tables/table2.xml" ContentType="${table}"/></Types>`);
    expect(types.typeOf("xl/tables/table2.xml")).toBe(table);
  });

  test("a text without </Types> is left as it is, and so are its answers", () => {
    const types = new ContentTypes("<Types/>");
    types.declare("xl/tables/table1.xml", table);
    expect(types.xml).toBe("<Types/>");
    expect(types.typeOf("xl/tables/table1.xml")).toBeUndefined();
  });
});
