import { LOCALES } from "../../src/contract/locale";
import { IMPORT_KINDS, ImportError, KEY_FIELDS, headersByKey, importFields, overrideMapping, proposeMapping, sourceHeaders, type SourceGrid } from "../../src/import";
import { HEADER_SYNONYMS, headerLookup, normalizeHeader } from "../../src/import/mapping";
import { VOCABULARY } from "../../src/import/vocabulary";
import { buildTemplates } from "../../src/templates";

/** Issue 13 item 2: headers matched by zh and en synonyms, the real header row found under titles and group headers. */

describe("importFields", () => {
  test("are the input columns of the register the builder writes (never a formula column), in both languages", () => {
    const [main] = buildTemplates([{ template: "customers", options: { rows: [] } }], { locale: "en-US", existing: { sheets: [], tables: [], names: [] } });
    const columns = main.tables[0].columns;
    const fields = importFields("customers", "en-US");
    expect(fields.filter((f) => !f.into).map((f) => f.header)).toEqual(columns.filter((c) => !c.formula).map((c) => c.header));
    expect(fields.map((f) => f.key)).not.toContain("abc");
    expect(fields.find((f) => f.key === "urgency")?.values).toEqual(["Urgent", "Normal", "Latent"]);
    expect(fields.find((f) => f.key === "annualSales")).toMatchObject({ kind: "moneyCents", min: 0 });
    expect(importFields("contracts", "zh-CN").find((f) => f.key === "termDays")).toMatchObject({ header: "账期(天)", kind: "integer", whole: true });
    // 统一社会信用代码 is no register column: read for the duplicate review and written into 备注.
    expect(importFields("customers", "zh-CN").find((f) => f.key === "creditCode")).toMatchObject({ header: "统一社会信用代码", into: "note" });
    // A visit's customer may come by name: the log's 客户名称 is typed beside no register.
    expect(importFields("visits", "zh-CN").map((f) => f.key)).toEqual(expect.arrayContaining(["customerId", "customerName"]));
    for (const kind of IMPORT_KINDS) expect(importFields(kind, "zh-CN").map((f) => f.key)).toEqual(importFields(kind, "en-US").map((f) => f.key));
  });

  test("KEY_FIELDS name register columns of each kind: the customer's name, the contract number, the date (and a ledger row's contract)", () => {
    const headers = (kind: (typeof IMPORT_KINDS)[number], locale: "zh-CN" | "en-US") =>
      KEY_FIELDS[kind].map((key) => importFields(kind, locale).find((f) => f.key === key && f.into === undefined)?.header);
    expect(IMPORT_KINDS.map((kind) => headers(kind, "zh-CN"))).toEqual([["客户名称"], ["合同编号"], ["日期"], ["日期", "合同编号"]]);
    for (const kind of IMPORT_KINDS) expect(headers(kind, "en-US")).not.toContain(undefined);
  });

  test("every drop-down's synonym list has one entry per value, and no word means two values of a field", () => {
    for (const kind of IMPORT_KINDS) {
      for (const [key, lists] of Object.entries(VOCABULARY[kind])) {
        const field = importFields(kind, "zh-CN").find((f) => f.key === key);
        expect([kind, key, lists.length]).toEqual([kind, key, field?.values?.length]);
        const words = [...LOCALES.flatMap((l) => importFields(kind, l).find((f) => f.key === key)?.values ?? []), ...lists.flat()].map((w) => w.normalize("NFKC").toLowerCase());
        const meanings = new Map<string, Set<number>>();
        LOCALES.forEach((l) => importFields(kind, l).find((f) => f.key === key)?.values?.forEach((v, i) => meanings.set(v.toLowerCase(), new Set([...(meanings.get(v.toLowerCase()) ?? []), i]))));
        lists.forEach((list, i) => list.forEach((w) => meanings.set(w.toLowerCase(), new Set([...(meanings.get(w.toLowerCase()) ?? []), i]))));
        expect([kind, key, words.filter((w) => (meanings.get(w)?.size ?? 0) > 1)]).toEqual([kind, key, []]);
      }
    }
  });
});

describe("headers", () => {
  test("normalised: full-width, spaces, stars, a trailing colon and a unit in brackets", () => {
    expect(normalizeHeader(" 年销售额（万元）")).toBe("年销售额");
    expect(normalizeHeader("*公司名称：")).toBe("公司名称");
    expect(normalizeHeader("Annual  Sales (RMB)")).toBe("annualsales");
    expect(normalizeHeader("金额[元]")).toBe("金额");
    expect(normalizeHeader("ＰＨＯＮＥ")).toBe("phone");
  });

  test("within a kind, a synonym names one field only, and never another field's own header", () => {
    for (const kind of IMPORT_KINDS) {
      const own = new Map(LOCALES.flatMap((l) => importFields(kind, l).map((f) => [normalizeHeader(f.header), f.key] as const)));
      const seen = new Map<string, string>();
      const clashes: string[] = [];
      for (const [key, words] of Object.entries(HEADER_SYNONYMS[kind])) {
        expect(importFields(kind, "zh-CN").map((f) => f.key)).toContain(key);
        for (const word of words) {
          const n = normalizeHeader(word);
          if ((seen.has(n) && seen.get(n) !== key) || (own.has(n) && own.get(n) !== key)) clashes.push(`${kind}.${key}: ${word}`);
          seen.set(n, key);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  test("the issue's synonyms", () => {
    const key = (kind: Parameters<typeof headerLookup>[0], header: string) => headerLookup(kind).get(normalizeHeader(header))?.key;
    expect(["公司名称", "单位名称", "客户", "客户名称", "企业名称", "Company", "Account Name"].map((h) => key("customers", h))).toEqual(Array(7).fill("name"));
    expect(["手机", "电话", "联系电话", "手机号", "Mobile", "Phone", "Tel"].map((h) => key("customers", h))).toEqual(Array(7).fill("phone"));
    expect(["年销售额", "交易额", "累计销售额", "年交易额", "Annual sales", "Revenue"].map((h) => key("customers", h))).toEqual(Array(6).fill("annualSales"));
    expect(["合同编号", "合同号", "Contract No."].map((h) => key("contracts", h))).toEqual(Array(3).fill("id"));
    expect(["日期", "拜访日期", "方式", "拜访方式", "销售代表", "业务员"].map((h) => key("visits", h))).toEqual(["date", "date", "method", "method", "rep", "rep"]);
    expect(["单据号", "发票号", "物流单号", "快递单号", "经办人", "复核人"].map((h) => key("ledger", h))).toEqual(["document", "document", "tracking", "tracking", "handler", "reviewer"]);
  });
});

describe("proposeMapping", () => {
  test("a title row and a merged group header above the real header do not win; unknown columns are not imported", () => {
    const grid: SourceGrid = [
      ["2026年客户资料汇总表", null, null, null, null],
      ["导出时间：2026-11-28", null, null, null, null],
      ["基本信息", null, "联系方式", null, null],
      ["序号", "公司名称", "手机", "年销售额（万元）", "客户等级"],
      [1, "华为", "13812345678", 12.5, "A"],
    ];
    const mapping = proposeMapping("customers", grid);
    expect(mapping).toEqual({ headerRow: 3, targets: [undefined, "name", "phone", "annualSales", "managerTier"] });
    expect(sourceHeaders(grid, mapping)).toEqual(["序号", "公司名称", "手机", "年销售额（万元）", "客户等级"]);
  });

  test("a field two columns name goes to its own header before a synonym, else to the leftmost", () => {
    const grid: SourceGrid = [["客户", "客户名称", "手机", "电话", "联系电话"]];
    expect(proposeMapping("customers", grid).targets).toEqual([undefined, "name", undefined, "phone", undefined]);
    expect(proposeMapping("customers", [["手机", "联系电话"]]).targets).toEqual(["phone", undefined]);
  });

  test("en-US headers map as well; an empty grid has no columns", () => {
    expect(proposeMapping("ledger", [["Date", "Contract no.", "Type", "Qty", "Unit price", "Amount", "Tracking no."]]).targets).toEqual([
      "date",
      "contract",
      "type",
      "quantity",
      "price",
      "amount",
      "tracking",
    ]);
    expect(proposeMapping("customers", [])).toEqual({ headerRow: 0, targets: [] });
  });
});

describe("sourceHeaders and overrideMapping", () => {
  const grid: SourceGrid = [["公司名称", "电话", "电话", null, "备忘"]];
  const proposed = proposeMapping("customers", grid);

  test("a header written twice gets its column letter, a blank one is its letter", () => {
    expect(sourceHeaders(grid, proposed)).toEqual(["公司名称", "电话 (B)", "电话 (C)", "D", "备忘"]);
  });

  test("the user's choices: by header or letter, onto a key or a header in either language; empty = not imported", () => {
    const changed = overrideMapping("customers", grid, proposed, [
      { source: "备忘", target: "备注" },
      { source: "电话 (C)", target: "phone" },
      { source: "A", target: "" },
      { source: "D", target: "Owner" },
    ]);
    expect(changed).toEqual({ headerRow: 0, targets: [undefined, undefined, "phone", "owner", "note"] });
  });

  test("an unknown source or target is an ImportError that lists the choices, in both languages", () => {
    const unknownSource = () => overrideMapping("customers", grid, proposed, [{ source: "传真", target: "电话" }]);
    expect(unknownSource).toThrow(ImportError);
    try {
      unknownSource();
    } catch (error) {
      expect((error as ImportError).code).toBe("unknownSource");
      expect((error as ImportError).localized("zh-CN")).toContain("源文件中没有“传真”这一列");
      expect((error as ImportError).localized("zh-CN")).toContain("电话 (B)");
      expect((error as ImportError).localized("en-US")).toContain('The source has no column "传真"');
    }
    try {
      overrideMapping("customers", grid, proposed, [{ source: "备忘", target: "ABC等级" }]);
      throw new Error("no error");
    } catch (error) {
      expect((error as ImportError).code).toBe("unknownTarget");
      expect((error as ImportError).localized("zh-CN")).toContain("客户名称/Customer");
      expect((error as ImportError).localized("en-US")).toContain("calculated columns take no imports");
    }
  });

  test("two changes giving one target to two columns are refused, naming both columns and the target, in both languages", () => {
    const named = [["名称", "手机", "电话"]];
    const twice = () => overrideMapping("customers", named, proposeMapping("customers", named), [
      { source: "名称", target: "电话" },
      { source: "手机", target: "电话" },
    ]);
    expect(twice).toThrow(ImportError);
    try {
      twice();
    } catch (error) {
      expect((error as ImportError).code).toBe("duplicateTarget");
      expect((error as ImportError).localized("zh-CN")).toContain("“名称”和“手机”都映射到了“电话”");
      expect((error as ImportError).localized("en-US")).toContain('Both "名称" and "手机" are mapped onto "电话"');
    }
    // The same change twice, or a column given another target before a second column takes its first one, is no conflict.
    expect(overrideMapping("customers", named, proposeMapping("customers", named), [
      { source: "名称", target: "电话" },
      { source: "名称", target: "phone" },
      { source: "名称", target: "客户名称" },
      { source: "手机", target: "电话" },
    ]).targets).toEqual(["name", "phone", undefined]);
  });

  test("a change onto a target another column holds by the proposal moves the target", () => {
    expect(proposed.targets).toEqual(["name", "phone", undefined, undefined, undefined]);
    expect(overrideMapping("customers", grid, proposed, [{ source: "备忘", target: "电话" }]).targets).toEqual(["name", undefined, undefined, undefined, "phone"]);
  });
});

describe("headersByKey", () => {
  test("the existing table's header for each key, in either language; a renamed column is absent", () => {
    const zh = headersByKey("customers", ["客户编号", "客户名称", "电 话", "年交易额", "ABC等级", "备注"]);
    expect(Object.fromEntries(zh)).toEqual({ id: "客户编号", name: "客户名称", phone: "电 话", annualSales: "年交易额", note: "备注" });
    const en = headersByKey("ledger", ["Date", "Contract no.", "Type", "Sum"]);
    expect(Object.fromEntries(en)).toEqual({ date: "Date", contract: "Contract no.", type: "Type" });
  });
});
