import type { PlanInstance } from "../../src/team";
import { breakdownWeekTables, existingNext, nextPeriod, nextPlan, NextPlanError, planOnSheet, type PlanRead, type TableRead } from "../../src/templates/team/nextPlan";
import { isoWeekMonday, serialFromYmd } from "../../src/domain/calendar";

/** 下周计划 / 下月计划 from this one: worked examples of the pure core (templates/team/nextPlan.ts). */

const plan = (over: Partial<PlanInstance> = {}): PlanInstance => ({
  key: "W1",
  template: "weekly",
  sheet: "周计划-张三-2026W52",
  rep: "张三",
  period: "2026-W52",
  issues: [],
  usable: [],
  duplicateOf: [],
  ...over,
});

const TARGET_HEADERS = ["指标", "单位", "目标", "实际", "达成率", "上周实际"];
const KEY_HEADERS = ["类别", "事项", "原因", "目标", "方案", "需公司支持", "负责人", "截止日期", "完成情况"];

const weeklyRead = (over: Partial<PlanRead> = {}): PlanRead => ({
  plan: plan(),
  team: "华东一组",
  approver: "王经理",
  tables: [
    {
      name: "SP_W1_Targets",
      headers: TARGET_HEADERS,
      rows: [
        ["销售额", "元", 50_000, 61_000, 1.22, 40_000],
        ["回款额", "元", 30_000, null, "", null],
      ],
    },
    {
      name: "SP_W1_CountTargets",
      headers: TARGET_HEADERS,
      rows: [
        // Counted from the visit log: a formula whose value the file did not save.
        ["新客户开发数", "个", 5, undefined, "", null],
        ["客户拜访数", "次", 15, 14, 0.93, null],
        ["电话联系数", "次", 20, 0, 0, null],
      ],
    },
    {
      name: "SP_W1_KeyItems",
      headers: KEY_HEADERS,
      rows: [
        ["重点工作", "华联签约", "年底前定", "签 30 万", "总经理拜访", "报价支持", "张三", serialFromYmd(2026, 12, 20), "进行中"],
        ["回款计划", "收回百货欠款", null, null, null, null, null, null, "已完成"],
        ["新增", "展会", null, null, null, null, null, null, "取消"],
        [null, null, null, null, null, null, null, null, null],
        ["新增", "新客户名单", null, "20 家", null, null, null, null, null],
        ["销售计划", "老客户回访", null, null, null, null, null, null, " 未开始 "],
      ],
    },
  ],
  ...over,
});

describe("the next period", () => {
  test.each([
    ["2026-W51", "2026-W52"],
    // 2026 has 53 ISO weeks (1 January 2026 is a Thursday), 2025 and 2027 have 52.
    ["2026-W52", "2026-W53"],
    ["2026-W53", "2027-W01"],
    ["2025-W52", "2026-W01"],
    ["2027-W52", "2028-W01"],
  ])("week %s → %s", (period, next) => {
    expect(nextPeriod(plan({ period })).text).toBe(next);
  });

  test.each([
    ["2026-05", "2026-06"],
    ["2026-12", "2027-01"],
  ])("month %s → %s", (period, next) => {
    expect(nextPeriod(plan({ key: "M1", template: "monthly", period })).text).toBe(next);
  });

  test("an unreadable period, a blank rep and a period past the supported dates are refused with their own words", () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (error) {
        return error instanceof NextPlanError ? error.code : "other";
      }
      return undefined;
    };
    expect(code(() => nextPeriod(plan({ period: "第52周" })))).toBe("periodUnreadable");
    expect(code(() => nextPlan(weeklyRead({ plan: plan({ rep: "" }) }), [], [], "zh-CN"))).toBe("planUnreadable");
    expect(code(() => nextPeriod(plan({ key: "M1", template: "monthly", period: "9999-11" })))).toBe("outOfRange");
    expect(code(() => planOnSheet([plan()], "客户资源登记表"))).toBe("notAPlan");
    expect(new NextPlanError("notAPlan", { sheet: "客户资源登记表" }).localized("zh-CN")).toContain("请选择一张周计划或月计划");
  });
});

describe("next week's plan", () => {
  test("上周实际 = this week's 实际, metric by metric; a formula without a saved value is left blank and named", () => {
    const next = nextPlan(weeklyRead(), [plan()], [], "en-US");
    if (next.kind !== "new" || next.request.template !== "weekly") throw new Error("expected a new weekly plan");
    expect(next.request.options.targets).toEqual({
      SALES: { lastWeek: 61_000 },
      COLLECTION: { lastWeek: null },
      NEW_CUSTOMERS: { lastWeek: null },
      VISITS: { lastWeek: 14 },
      CALLS: { lastWeek: 0 },
    });
    expect(next.unsaved).toEqual(["新客户开发数"]);
    // Targets are the manager's: none is copied from this week.
    expect(next.targetFrom).toBeUndefined();
  });

  test("rep, team, approver kept; the plan's language (its headers), not the caller's", () => {
    const next = nextPlan(weeklyRead(), [plan()], [], "en-US");
    if (next.kind !== "new" || next.request.template !== "weekly") throw new Error("expected a new weekly plan");
    expect(next.locale).toBe("zh-CN");
    expect(next.request.options).toMatchObject({ rep: "张三", team: "华东一组", approver: "王经理", year: 2026, week: 53 });
  });

  test("open key items carry with every column (a past due date kept); 已完成, 取消 and blank rows do not", () => {
    const next = nextPlan(weeklyRead(), [plan()], [], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "weekly") throw new Error("expected a new weekly plan");
    expect(next.request.options.keyItems).toEqual([
      { category: "重点工作", item: "华联签约", reason: "年底前定", goal: "签 30 万", approach: "总经理拜访", support: "报价支持", owner: "张三", due: serialFromYmd(2026, 12, 20), status: "进行中" },
      { category: "新增", item: "新客户名单", goal: "20 家" },
      { category: "销售计划", item: "老客户回访", status: " 未开始 " },
    ]);
    expect(next.carried).toEqual({ keyItems: 3 });
  });

  test("a plan written before 完成情况 existed (weekly v1): nothing says an item is done, so every filled row carries", () => {
    const v1 = weeklyRead({ tables: [{ name: "SP_W1_KeyItems", headers: KEY_HEADERS.slice(0, -1), rows: [["新增", "展会", null, null, null, null, null, null], [null, null, null, null, null, null, null, null]] }] });
    const next = nextPlan(v1, [v1.plan], [], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "weekly") throw new Error("expected a new weekly plan");
    expect(next.request.options.keyItems).toEqual([{ category: "新增", item: "展会" }]);
  });

  test("an English plan: English headers and states are read the same way", () => {
    const read: PlanRead = {
      plan: plan({ sheet: "Weekly-Zhang-2026W52", rep: "Zhang" }),
      tables: [
        { name: "SP_W1_Targets", headers: ["Metric", "Unit", "Target", "Actual", "Achieved", "Last week"], rows: [["Sales", "yuan", 1, 7, 7, null]] },
        { name: "SP_W1_KeyItems", headers: ["Category", "Item", "Reason", "Goal", "Approach", "Support needed", "Owner", "Due date", "Status"], rows: [["New", "Fair", null, null, null, null, null, null, "Done"], ["New", "List", null, null, null, null, null, null, "In progress"]] },
      ],
    };
    const next = nextPlan(read, [read.plan], [], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "weekly") throw new Error("expected a new weekly plan");
    expect(next.locale).toBe("en-US");
    expect(next.request.options.targets?.SALES).toEqual({ lastWeek: 7 });
    expect(next.request.options.keyItems).toEqual([{ category: "New", item: "List", status: "In progress" }]);
  });

  test("the sales target from the latest breakdown holding the rep in the next week: the week parts starting in it", () => {
    const monday = isoWeekMonday(2026, 53);
    const weeks = (name: string, rows: readonly (readonly (string | number)[])[]): TableRead => ({
      name,
      headers: ["销售代表", "月份", "周次", "起", "止", "工作日", "目标"],
      rows: rows.map((r) => [...r]),
    });
    const older = weeks("SP_B1_Weeks", [["张三", "2026-12", "第5周", monday, monday + 3, 4, 999]]);
    const latest = weeks("SP_B2_Weeks", [
      ["张三", "2026-12", "第5周", monday, monday + 3, 4, 40_000],
      ["李四", "2026-12", "第5周", monday, monday + 3, 4, 10_000],
      ["张三", "2027-01", "第1周", monday + 4, monday + 6, 1, 9_000],
      ["张三", "2027-01", "第2周", monday + 7, monday + 13, 5, 45_000],
    ]);
    expect(breakdownWeekTables(["SP_W1_Targets", "SP_B1_Weeks", "SP_B10_Weeks", "SP_B2_Weeks"])).toEqual(["SP_B10_Weeks", "SP_B2_Weeks", "SP_B1_Weeks"]);
    const next = nextPlan(weeklyRead(), [plan()], [latest, older], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "weekly") throw new Error("expected a new weekly plan");
    expect(next.request.options.targets?.SALES).toEqual({ lastWeek: 61_000, target: 49_000 });
    expect(next.targetFrom).toBe("SP_B2_Weeks");
    // A breakdown without the rep in that week leaves the target blank.
    const other = nextPlan(weeklyRead({ plan: plan({ rep: "王五" }) }), [], [latest], "zh-CN");
    expect(other).toMatchObject({ kind: "new", request: { options: { targets: { SALES: { lastWeek: 61_000 } } } } });
    expect("targetFrom" in other).toBe(false);
  });

  test("running it twice finds the existing next plan: same template, rep (any case, spaces) and period", () => {
    const existing = plan({ key: "W7", sheet: "周计划-张三-2026W53 (2)", rep: " 张三", period: "2026-W53" });
    expect(nextPlan(weeklyRead(), [plan(), existing], [], "zh-CN")).toEqual({ kind: "exists", sheet: "周计划-张三-2026W53 (2)", period: "2026-W53" });
    // A monthly plan, another rep or another week is not it.
    const others = [plan({ key: "M2", template: "monthly", period: "2026-W53" }), plan({ key: "W3", rep: "李四", period: "2026-W53" }), plan({ key: "W4", period: "2027-W01" })];
    expect(existingNext(others, plan(), "2026-W53")).toBeUndefined();
  });
});

describe("next month's plan", () => {
  const monthly = plan({ key: "M1", template: "monthly", sheet: "月计划-张三-2026-12", period: "2026-12" });
  const read: PlanRead = {
    plan: monthly,
    tables: [
      { name: "SP_M1_Targets", headers: ["指标", "单位", "目标", "实际", "达成率"], rows: [["销售额", "元", 200_000, 180_000, 0.9]] },
      {
        name: "SP_M1_KeyCustomers",
        headers: ["客户", "等级", "本月目标", "行动计划", "负责人"],
        rows: [
          ["华联超市", "A", 80_000, "年货节陈列", "张三"],
          [null, null, null, null, null],
          ["百货大楼", "B", 30_000, null, null],
        ],
      },
    ],
  };

  test("December → January of the next year; key customers carry without this month's 本月目标; no 上月实际 to fill", () => {
    const next = nextPlan(read, [monthly], [], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
    expect(next.request.options).toMatchObject({ rep: "张三", year: 2027, month: 1, targets: {} });
    expect(next.request.options.keyCustomers).toEqual([
      { customer: "华联超市", tier: "A", plan: "年货节陈列", owner: "张三" },
      { customer: "百货大楼", tier: "B" },
    ]);
    expect(next.unsaved).toEqual([]);
  });

  test("the month's target from a breakdown: the rep's weeks of that month", () => {
    const weeks: TableRead = {
      name: "SP_B1_Weeks",
      headers: ["Rep", "Month", "Week", "From", "To", "Working days", "Target"],
      rows: [
        ["张三", "2027-01", "Week 1", serialFromYmd(2027, 1, 1), serialFromYmd(2027, 1, 3), 1, 10_000],
        ["张三", "2027-01", "Week 2", serialFromYmd(2027, 1, 4), serialFromYmd(2027, 1, 10), 5, 50_000],
        ["张三", "2027-02", "Week 1", serialFromYmd(2027, 2, 1), serialFromYmd(2027, 2, 7), 5, 70_000],
      ],
    };
    const next = nextPlan(read, [monthly], [weeks], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
    expect(next.request.options.targets).toEqual({ SALES: { target: 60_000 } });
  });

  test("a plan written before its 重点工作, 回款计划 and VIP培养计划 (monthly v1): only key customers carry", () => {
    const next = nextPlan(read, [monthly], [], "zh-CN");
    if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
    expect(next.request.options).toMatchObject({ keyWork: [], collections: [], vip: [] });
    expect(next.carried).toEqual({ keyCustomers: 2, keyWork: 0, collections: 0, vip: 0 });
  });

  describe("a plan with 重点工作, 回款计划 and VIP培养计划 (monthly v2)", () => {
    const due = serialFromYmd(2026, 12, 25);
    const v2: PlanRead = {
      plan: monthly,
      tables: [
        read.tables[0],
        {
          name: "SP_M1_KeyCustomers",
          headers: ["客户", "等级", "本月目标", "行动计划", "负责人", "生意回顾", "与客户回顾日期"],
          rows: [
            ["华联超市", "A", 80_000, "年货节陈列", "张三", "已与客户回顾", serialFromYmd(2026, 12, 3)],
            ["百货大楼", "B", 30_000, null, null, "已批准", null],
          ],
        },
        {
          name: "SP_M1_KeyWork",
          headers: ["事项", "原因", "目标", "方案", "需公司支持", "负责人", "截止日期", "完成情况"],
          rows: [
            ["华联年度合同", "年底到期", "续签 200 万", "总经理拜访", "价格政策", "张三", due, "进行中"],
            ["新品进场", null, null, null, null, null, null, "已完成"],
            ["展会", null, null, null, null, null, null, "取消"],
            [null, null, null, null, null, null, null, null],
            ["经销商培训", null, "10 家", null, null, "李四", null, null],
          ],
        },
        {
          name: "SP_M1_Collections",
          headers: ["客户", "合同编号", "应收余额", "计划回款日期", "计划回款额", "实际回款额", "达成率", "负责人"],
          rows: [
            // Half collected: 100 000 owed, 30 000 of it in: 70 000 still owed.
            ["华联超市", "HT-001", 100_000, due, 50_000, 30_000, 0.6, "张三"],
            // No balance stated and nothing collected: the 20 000 planned is owed.
            ["百货大楼", "HT-002", null, due, 20_000, null, "", "李四"],
            ["万家", "HT-003", 40_000, due, 40_000, 40_000, 1, "张三"],
            ["大润发", "HT-004", 15_000, due, 10_000, 12_000, 1.2, "张三"],
            // Planned above the balance, the balance collected: nothing owed.
            ["物美", "HT-005", 10_000, due, 20_000, 10_000, 0.5, "张三"],
            [null, null, null, null, null, null, "", null],
          ],
        },
        {
          name: "SP_M1_Vip",
          headers: ["客户", "当前等级", "目标等级", "培养措施", "负责人", "期限", "完成情况"],
          rows: [
            ["华联超市", "B", "A", "季度联合促销", "张三", due, "进行中"],
            ["万家", "C", "B", null, null, null, "已完成"],
            ["物美", "C", "B", null, null, null, "取消"],
            [null, null, null, null, null, null, null],
            ["百货大楼", "C", "B", null, "李四", null, null],
          ],
        },
      ],
    };

    test("open 重点工作 and VIP rows carry with every column; 已完成, 取消 and blank rows do not", () => {
      const next = nextPlan(v2, [monthly], [], "zh-CN");
      if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
      expect(next.request.options.keyWork).toEqual([
        { item: "华联年度合同", reason: "年底到期", goal: "续签 200 万", approach: "总经理拜访", support: "价格政策", owner: "张三", due, status: "进行中" },
        { item: "经销商培训", goal: "10 家", owner: "李四" },
      ]);
      expect(next.request.options.vip).toEqual([
        { customer: "华联超市", current: "B", target: "A", measures: "季度联合促销", owner: "张三", due, status: "进行中" },
        { customer: "百货大楼", current: "C", target: "B", owner: "李四" },
      ]);
    });

    test("a collection short of its plan carries what is still owed as 应收余额; its date and amounts are next month's to plan", () => {
      const next = nextPlan(v2, [monthly], [], "zh-CN");
      if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
      expect(next.request.options.collections).toEqual([
        { customer: "华联超市", contract: "HT-001", receivable: 70_000, owner: "张三" },
        { customer: "百货大楼", contract: "HT-002", receivable: 20_000, owner: "李四" },
      ]);
      expect(next.carried).toEqual({ keyCustomers: 2, keyWork: 2, collections: 2, vip: 2 });
    });

    test("the 生意回顾 is the month's: key customers carry without its state and date (the new month's starts 未开始)", () => {
      const next = nextPlan(v2, [monthly], [], "zh-CN");
      if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
      expect(next.request.options.keyCustomers).toEqual([
        { customer: "华联超市", tier: "A", plan: "年货节陈列", owner: "张三" },
        { customer: "百货大楼", tier: "B" },
      ]);
    });

    test("an English plan's tables and states are read the same way", () => {
      const en: PlanRead = {
        plan: monthly,
        tables: [
          { name: "SP_M1_KeyWork", headers: ["Item", "Reason", "Goal", "Approach", "Support needed", "Owner", "Due date", "Status"], rows: [["Renewal", null, null, null, null, null, null, "Done"], ["Training", null, null, null, null, null, null, "In progress"]] },
          { name: "SP_M1_Collections", headers: ["Customer", "Contract no.", "Receivable", "Planned date", "Planned collection", "Collected", "Achieved", "Owner"], rows: [["Hualian", "C-1", 9_000, null, 5_000, 1_000, 0.2, "Zhang"]] },
          { name: "SP_M1_Vip", headers: ["Customer", "Current tier", "Target tier", "Development measures", "Owner", "Due date", "Status"], rows: [["Wanjia", "C", "B", null, null, null, "Cancelled"]] },
        ],
      };
      const next = nextPlan(en, [monthly], [], "zh-CN");
      if (next.kind !== "new" || next.request.template !== "monthly") throw new Error("expected a new monthly plan");
      expect(next.request.options).toMatchObject({ keyWork: [{ item: "Training", status: "In progress" }], collections: [{ customer: "Hualian", contract: "C-1", receivable: 8_000, owner: "Zhang" }], vip: [] });
    });
  });
});
