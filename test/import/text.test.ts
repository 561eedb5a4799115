import fc from "fast-check";
import { decodeText, parseCsv } from "../../src/import";

/** Issue 13 item 1: CSV files in the encodings Chinese Excel and CRM exports write, detected, never asked. */

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));

describe("decodeText", () => {
  test("a GB18030 (GBK) file, as Chinese Excel saves CSV, is read as GB18030", () => {
    // python3: '客户名称,电话\r\n北京华为技术有限公司,138 1234 5678\r\n'.encode('gb18030').hex() — Node has no GB18030 encoder.
    const bytes = hex(
      "bfcdbba7c3fbb3c6 2c b5e7bbb0 0d0a b1b1bea9bbaaceaabcbccaf5d3d0cfdeb9abcbbe 2c 313338203132333420353637380d0a",
    );
    expect(decodeText(bytes)).toEqual({ text: "客户名称,电话\r\n北京华为技术有限公司,138 1234 5678\r\n", encoding: "gb18030" });
    // Full-width digits in GB18030 (A3B1 A3B2 A3B3).
    expect(decodeText(hex("a3b1a3b2a3b3"))).toEqual({ text: "１２３", encoding: "gb18030" });
  });

  test("UTF-8 with and without a BOM is UTF-8, the BOM dropped", () => {
    const text = "客户名称,电话\n华为,13812345678\n";
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: "utf-8" });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: "utf-8" });
    // Plain ASCII is valid UTF-8.
    expect(decodeText(new TextEncoder().encode("a,b"))).toEqual({ text: "a,b", encoding: "utf-8" });
  });

  test("Excel's Unicode text (UTF-16LE with a BOM) is read as such", () => {
    const text = "客户名称\t电话";
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    expect(decodeText(bytes)).toEqual({ text, encoding: "utf-16le" });
    expect(parseCsv(decodeText(bytes).text)).toEqual([["客户名称", "电话"]]);
  });
});

describe("parseCsv", () => {
  test("RFC 4180: quoted separators, line breaks and doubled quotes; CRLF, LF and CR; the final line break", () => {
    expect(parseCsv('名称,备注\r\n"华为, 深圳","第一行\r\n第二行"\r\n"说""好""的",\r\n')).toEqual([
      ["名称", "备注"],
      ["华为, 深圳", "第一行\r\n第二行"],
      ['说"好"的', ""],
    ]);
    expect(parseCsv("a,b\rc,d\ne,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFFa,b\n")).toEqual([["a", "b"]]);
    // A blank line is a row of one empty cell (the mapping skips it), not dropped silently here.
    expect(parseCsv("a,b\n\nc,d\n")).toEqual([["a", "b"], [""], ["c", "d"]]);
  });

  test("the separator is found: `;` as European Excel writes, TAB, and a title line above the header does not decide", () => {
    expect(parseCsv("客户资料\n名称;金额;备注\n华为;1,5;x\n中兴;2;y\n")).toEqual([
      ["客户资料"],
      ["名称", "金额", "备注"],
      ["华为", "1,5", "x"],
      ["中兴", "2", "y"],
    ]);
    expect(parseCsv("名称\t金额\n华为, 深圳\t1,200\n")).toEqual([
      ["名称", "金额"],
      ["华为, 深圳", "1,200"],
    ]);
    // A separator inside quotes does not count.
    expect(parseCsv('"a;b;c",d\n"e;f;g",h\n')).toEqual([
      ["a;b;c", "d"],
      ["e;f;g", "h"],
    ]);
  });

  test("formula-like text stays text", () => {
    expect(parseCsv('=HYPERLINK("http://x"),@SUM(A1),+1,-2\n')).toEqual([['=HYPERLINK("http://x")', "@SUM(A1)", "+1", "-2"]]);
    expect(parseCsv('"=HYPERLINK(""http://x"",""点我"")",b\n')).toEqual([['=HYPERLINK("http://x","点我")', "b"]]);
  });

  test("any grid written with quoting reads back the same, whatever the separator", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "客", " ", ",", ";", "\t", '"', "\n", "\r", "\r\n", "=", "１"), maxLength: 6 });
    const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(grid, fc.constantFrom(",", ";", "\t"), fc.constantFrom("\r\n", "\n"), (rows, separator, newline) => {
        const text = rows.map((row) => row.map((c) => `"${c.replace(/"/g, '""')}"`).join(separator)).join(newline) + newline;
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});
