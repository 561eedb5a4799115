import fc from "fast-check";
import { cleanRows, findDuplicates, normalizeCompanyName, proposeMapping, resolveCustomerIds, type CleanRow, type DuplicateGroup, type SourceGrid } from "../../src/import";
import type { TableRow } from "../../src/spec/sheetSpec";

/** Issue 13 item 4: the same company spelt differently, the same phone written three ways, the same credit code. */

const rowsOf = (values: readonly TableRow[]): CleanRow[] => values.map((v, i) => ({ sourceRow: i + 2, values: v }));

describe("normalizeCompanyName", () => {
  test("legal forms at either end, full-width brackets, spaces, (集团) (中国), a leading province or city", () => {
    const same = [
      "北京华为技术有限公司",
      "华为技术有限公司",
      "华为技术股份有限公司",
      "华为技术有限责任公司",
      "华为 技术（中国）有限公司",
      "华为技术（集团）股份公司",
      "华为技术(深圳)有限公司",
      "广东省深圳市华为技术有限公司",
      "深圳市华为技术有限公司",
      "华为技术集团",
      "华为技术公司",
      "【北京】华为技术有限公司",
    ];
    expect(new Set(same.map(normalizeCompanyName))).toEqual(new Set(["华为技术"]));
    expect(normalizeCompanyName("ＡＣＭＥ Ｃｏ．， Ｌｔｄ．")).toBe("acme");
    expect(normalizeCompanyName("Acme Corporation")).toBe("acme");
  });

  test("a branch is another entity; names ending in a legal form's letters or starting with 中国 keep them; never down to nothing", () => {
    expect(normalizeCompanyName("华为技术有限公司北京分公司")).toBe("华为技术有限公司北京分公司");
    expect(normalizeCompanyName("华为技术有限公司 北京分公司")).not.toBe(normalizeCompanyName("华为技术有限公司"));
    expect(normalizeCompanyName("Cisco")).toBe("cisco");
    expect(normalizeCompanyName("Zinc")).toBe("zinc");
    expect(normalizeCompanyName("中国银行股份有限公司")).toBe("中国银行");
    expect(normalizeCompanyName("北京有限公司")).toBe("北京");
    expect(normalizeCompanyName("南京银行")).toBe("南京银行");
    expect(normalizeCompanyName("")).toBe("");
  });

  test("a place never cuts a name down to fewer than 2 characters: 北京市政公司 and 上海市政公司 stay apart", () => {
    expect(["北京市政公司", "上海市政公司", "【北京】政公司", "(上海)政", "广东省深圳市政"].map(normalizeCompanyName)).toEqual(["北京市政", "上海市政", "北京政", "上海政", "深圳市政"]);
    const rows = rowsOf([{ name: "北京市政公司" }, { name: "上海市政公司" }, { name: "（北京）政有限公司" }, { name: "【上海】政公司" }]);
    expect(findDuplicates("customers", rows, [])).toEqual([]);
  });

  const pieces = ["华为", "技术", "北京", "深圳市", "广东省", "有限公司", "集团", "(集团)", "(中国)", "（深圳）", "分公司", "ABC", "K8", "7", "股份", "中国", "政", "市政", "北京市", "上海", "(北京)", "【上海市】"];
  const name = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
  const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  test("idempotent", () => {
    fc.assert(fc.property(name, (n) => expect(normalizeCompanyName(normalizeCompanyName(n))).toBe(normalizeCompanyName(n))));
  });

  test("the same under full-width / half-width forms and added spaces", () => {
    fc.assert(
      fc.property(name, fc.array(fc.nat(), { maxLength: 4 }), fc.boolean(), (n, at, wide) => {
        let spaced = wide ? fullWidth(n) : n;
        for (const i of at) spaced = `${spaced.slice(0, i % (spaced.length + 1))}${i % 2 ? " " : "\u3000"}${spaced.slice(i % (spaced.length + 1))}`;
        expect(normalizeCompanyName(spaced)).toBe(normalizeCompanyName(n));
      }),
    );
  });
});

describe("findDuplicates", () => {
  test("customers: different legal forms and full-width brackets, a phone written three ways, against the register", () => {
    const grid: SourceGrid = [
      ["公司名称", "手机"],
      ["北京华为技术有限公司", "138 1234 5678"],
      ["中兴通讯", "+86-139-0000-0000"],
      ["华为技术（中国）有限公司", null],
      ["小米科技", "0086 13900000000"],
      ["腾讯", null],
    ];
    const { rows } = cleanRows("customers", grid, proposeMapping("customers", grid), "zh-CN");
    const existing: TableRow[] = [
      { id: "C001", name: "阿里巴巴", phone: "13812345678" },
      { id: "C002", name: "腾讯科技(深圳)有限公司", phone: null },
    ];
    expect(findDuplicates("customers", rows, existing)).toEqual<DuplicateGroup[]>([
      { reason: "name", key: "华为技术", imported: [0, 2], existing: [0] },
      { reason: "phone", key: "13900000000", imported: [1, 3], existing: [] },
    ]);
    // 腾讯 and 腾讯科技 differ: a name is compared whole, never by prefix.
  });

  test("A ~ B by name and B ~ C by phone make one group; a credit code found in an existing row's 备注", () => {
    const rows = rowsOf([
      { name: "甲公司", phone: "13800000001" },
      { name: "甲有限公司", phone: "13800000002" },
      { name: "乙", phone: "138-0000-0002" },
      { name: "丙", creditCode: "91110000600037341L" },
    ]);
    const existing: TableRow[] = [{ name: "丙贸易", note: "老客户；统一社会信用代码：91110000600037341l" }, { name: "丁", note: "Unified social credit code: 91440300279583285T" }];
    expect(findDuplicates("customers", rows, existing)).toEqual<DuplicateGroup[]>([
      { reason: "name", key: "甲", imported: [0, 1, 2], existing: [] },
      { reason: "creditCode", key: "91110000600037341L", imported: [3], existing: [0] },
    ]);
  });

  test("contracts by 合同编号; visits and ledger rows when the same record", () => {
    expect(findDuplicates("contracts", rowsOf([{ id: "HT-2026-001" }, { id: "ht-2026-002" }]), [{ id: "ＨＴ-2026-002 " }])).toEqual([
      { reason: "contractNo", key: "HT-2026-002", imported: [1], existing: [0] },
    ]);
    const visit = { date: 46354, customerId: "C001", rep: "王", method: "上门" };
    expect(findDuplicates("visits", rowsOf([visit, { ...visit, method: "电话" }, visit]), [])).toEqual([
      { reason: "sameRecord", key: "46354|C001|王|上门", imported: [0, 2], existing: [] },
    ]);
    const byName = { date: 46354, customerName: "北京华为技术有限公司", rep: "王", method: "上门" };
    expect(findDuplicates("visits", rowsOf([byName]), [{ ...byName, customerName: "华为技术有限公司" }])).toHaveLength(1);
    const event = { date: 46354, contract: "HT-1", type: "回款", amount: 5000, document: "P-9" };
    expect(findDuplicates("ledger", rowsOf([event, { ...event, amount: 5001 }]), [event])).toEqual([
      { reason: "sameRecord", key: "46354|HT-1|回款|5000|P-9", imported: [0], existing: [0] },
    ]);
  });

  const customer = fc.record({
    name: fc.constantFrom("甲", "甲公司", "乙有限公司", "乙", "丙", "丁集团", null),
    phone: fc.constantFrom("13800000001", "138 0000 0001", "13800000002", "010-12345678", null),
  });

  test("groups are disjoint, hold every pair that shares a key, and do not depend on the rows' order", () => {
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 12 }), fc.array(customer, { maxLength: 6 }), fc.integer(), (imported, existing, seed) => {
        const groups = findDuplicates("customers", rowsOf(imported), existing);
        const members = groups.flatMap((g) => [...g.imported.map((i) => `i${i}`), ...g.existing.map((i) => `e${i}`)]);
        expect(new Set(members).size).toBe(members.length);
        const groupOf = new Map(groups.flatMap((g, n) => [...g.imported.map((i) => [`i${i}`, n] as const), ...g.existing.map((i) => [`e${i}`, n] as const)]));
        const all = [...imported.map((v, i) => [`i${i}`, v] as const), ...existing.map((v, i) => [`e${i}`, v] as const)];
        const phone = (p: string | null) => p?.replace(/\s/g, "");
        for (const [a, x] of all)
          for (const [b, y] of all) {
            const shared = (x.name && y.name && normalizeCompanyName(x.name) === normalizeCompanyName(y.name)) || (x.phone && phone(x.phone) === phone(y.phone));
            if (a !== b && shared && (a.startsWith("i") || b.startsWith("i"))) expect([a, b, groupOf.get(a)]).toEqual([a, b, groupOf.get(b)]);
          }
        // Shuffled imported rows give the same groups, by row.
        const order = imported.map((_, i) => i).sort((p, q) => ((p * 7919 + seed) % 13) - ((q * 7919 + seed) % 13) || p - q);
        const shuffled = findDuplicates("customers", rowsOf(order.map((i) => imported[i])), existing);
        const canonical = (gs: readonly DuplicateGroup[], map: (i: number) => number) =>
          gs.map((g) => `${g.reason}:${g.key}:${g.imported.map(map).sort((p, q) => p - q)}:${g.existing}`).sort();
        expect(canonical(shuffled, (i) => order[i])).toEqual(canonical(groups, (i) => i));
      }),
      { numRuns: 150 },
    );
  });
});

describe("resolveCustomerIds", () => {
  test("a linked log: visits by name get the register's ID; an unknown or ambiguous name is listed and its row held back", () => {
    const register: TableRow[] = [
      { id: "C001", name: "华为技术有限公司" },
      { id: "C002", name: "中兴通讯" },
      { id: "C003", name: "中兴通讯股份有限公司" },
    ];
    const rows = rowsOf([{ date: 1, customerName: "北京华为技术有限公司" }, { date: 2, customerName: "中兴通讯" }, { date: 3, customerName: "小米" }, { date: 4, customerId: "C009", customerName: "小米" }]);
    expect(resolveCustomerIds(rows, register, "客户", true)).toEqual({
      rows: [
        { sourceRow: 2, values: { date: 1, customerId: "C001" } },
        { sourceRow: 5, values: { date: 4, customerId: "C009" } },
      ],
      problems: [
        { row: 3, column: "客户", value: "中兴通讯", code: "ambiguousCustomer" },
        { row: 4, column: "客户", value: "小米", code: "unknownCustomer" },
      ],
    });
    // A log with a typed 客户名称 keeps every name, and gets the IDs the register has for them.
    expect(resolveCustomerIds(rows, register, "客户", false)).toEqual({
      rows: [
        { sourceRow: 2, values: { date: 1, customerName: "北京华为技术有限公司", customerId: "C001" } },
        { sourceRow: 3, values: { date: 2, customerName: "中兴通讯" } },
        { sourceRow: 4, values: { date: 3, customerName: "小米" } },
        { sourceRow: 5, values: { date: 4, customerId: "C009", customerName: "小米" } },
      ],
      problems: [],
    });
  });
});
