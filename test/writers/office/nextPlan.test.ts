import { PLAIN_WEEKS } from "../../../src/domain/calendar";
import { NextPlanError } from "../../../src/templates/team/nextPlan";
import { nextPlanInWorkbook } from "../../../src/writers/office/team/nextPlan";
import { FakeExcel } from "../../fakes/teamFake";
import { keyOn, named, tableRows, writePlans } from "./teamSupport";
import { zhangsDecember, zhangsWeek } from "../../fixtures/nextPlan";

/** 下周计划 / 下月计划 in Excel against the sync-counting fake (writers/office/team/nextPlan.ts). */

const PLAN = "周计划-张三-2026W52";

async function workbook(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await writePlans(fake, [
    zhangsWeek(52, { targets: { SALES: { target: 50_000, actual: 61_000 }, VISITS: { actual: 14 } } }),
    { template: "monthly", options: { rep: "张三", year: 2026, month: 12, keyCustomers: [{ customer: "华联超市", tier: "A", target: 80_000, plan: "年货节陈列" }] } },
    { template: "customers", options: {} },
  ]);
  return fake;
}

async function next(fake: FakeExcel, sheet: string) {
  fake.state.active = fake.sheet(sheet);
  const before = fake.syncCount;
  const result = await fake.run((context) => nextPlanInWorkbook(context, "en-US", () => PLAIN_WEEKS));
  return { result, syncs: fake.syncCount - before };
}

describe("nextPlanInWorkbook (Office)", () => {
  test("writes next week's plan in 5 syncs and shows it; a second run activates it in 3, writing nothing", async () => {
    const fake = await workbook();
    const { result, syncs } = await next(fake, PLAN);
    expect(syncs).toBe(5);
    expect(result).toEqual({ kind: "written", sheet: "周计划-张三-2026W53", period: "2026-W53", template: "weekly", carried: { keyItems: 1 } });
    expect(fake.state.active?.name).toBe("周计划-张三-2026W53");
    const key = keyOn(fake, "周计划-张三-2026W53");
    expect(tableRows(fake, `SP_${key}_Targets`).map((r) => [r["指标"], r["目标"], r["上周实际"]])).toEqual([
      ["销售额", null, 61_000],
      ["回款额", null, null],
    ]);
    expect(tableRows(fake, `SP_${key}_CountTargets`).map((r) => r["上周实际"])).toEqual([null, 14, null]);
    expect(tableRows(fake, `SP_${key}_KeyItems`).filter((r) => r["事项"] !== null)).toEqual([
      expect.objectContaining({ 类别: "重点工作", 事项: "华联签约", 原因: "年底前定", 目标: "签 30 万", 方案: "总经理拜访", 负责人: "张三", 完成情况: "进行中" }),
    ]);
    expect([named(fake, `SP_${key}_TEAM`), named(fake, `SP_${key}_APPROVER`), named(fake, `SP_${key}_REP`)]).toEqual(["华东一组", "王经理", "张三"]);

    const sheets = fake.sheetNames();
    fake.state.active = fake.sheet(PLAN);
    const again = await next(fake, PLAN);
    expect(again.syncs).toBe(3);
    expect(again.result).toEqual({ kind: "exists", sheet: "周计划-张三-2026W53", period: "2026-W53" });
    expect(fake.sheetNames()).toEqual(sheets);
    expect(fake.state.active?.name).toBe("周计划-张三-2026W53");
  });

  test("a plan written before 部门/团队 and 审批人 were named: read beside its 姓名", async () => {
    const fake = await workbook();
    for (const part of ["TEAM", "APPROVER"]) fake.state.names.splice(fake.state.names.findIndex((n) => n.name === `SP_W1_${part}`), 1);
    expect(fake.state.names.filter((n) => /^SP_W1_(TEAM|APPROVER)$/.test(n.name))).toEqual([]);
    const { result } = await next(fake, PLAN);
    expect(result.kind).toBe("written");
    const key = keyOn(fake, "周计划-张三-2026W53");
    expect([named(fake, `SP_${key}_TEAM`), named(fake, `SP_${key}_APPROVER`)]).toEqual(["华东一组", "王经理"]);
  });

  test("next month's plan in 5 syncs: December → January, key customers carried without 本月目标 or 生意回顾, open 重点工作, VIP and owed collections", async () => {
    const fake = new FakeExcel();
    await writePlans(fake, [zhangsDecember()]);
    const { result, syncs } = await next(fake, "月计划-张三-2026-12");
    expect(syncs).toBe(5);
    expect(result).toMatchObject({ kind: "written", sheet: "月计划-张三-2027-01", period: "2027-01", template: "monthly", carried: { keyCustomers: 1, keyWork: 1, collections: 1, vip: 1 } });
    const key = keyOn(fake, "月计划-张三-2027-01");
    expect(tableRows(fake, `SP_${key}_KeyCustomers`).filter((r) => r["客户"] !== null)).toEqual([
      expect.objectContaining({ 客户: "华联超市", 等级: "A", 本月目标: null, 行动计划: "年货节陈列", 生意回顾: null, 与客户回顾日期: null }),
    ]);
    expect(tableRows(fake, `SP_${key}_KeyWork`).filter((r) => r["事项"] !== null)).toEqual([expect.objectContaining({ 事项: "华联年度合同", 方案: "总经理拜访", 完成情况: "进行中" })]);
    expect(tableRows(fake, `SP_${key}_Collections`).filter((r) => r["客户"] !== null)).toEqual([
      expect.objectContaining({ 客户: "华联超市", 合同编号: "HT-001", 应收余额: 70_000, 计划回款日期: null, 计划回款额: null, 实际回款额: null, 负责人: "张三" }),
    ]);
    expect(tableRows(fake, `SP_${key}_Vip`).filter((r) => r["客户"] !== null)).toEqual([expect.objectContaining({ 客户: "华联超市", 当前等级: "B", 目标等级: "A", 完成情况: "进行中" })]);
  });

  test("next month's plan of a plan written before those lists (monthly v1): the key customers, in as many syncs", async () => {
    const fake = await workbook();
    const key = keyOn(fake, "月计划-张三-2026-12");
    const lists = new Set(["KeyWork", "Collections", "Vip"].map((part) => `SP_${key}_${part}`));
    fake.state.tables.splice(0, fake.state.tables.length, ...fake.state.tables.filter((t) => !lists.has(t.name)));
    const { result, syncs } = await next(fake, "月计划-张三-2026-12");
    expect(syncs).toBe(5);
    expect(result).toMatchObject({ kind: "written", sheet: "月计划-张三-2027-01", template: "monthly", carried: { keyCustomers: 1, keyWork: 0, collections: 0, vip: 0 } });
    expect(tableRows(fake, `SP_${keyOn(fake, "月计划-张三-2027-01")}_KeyCustomers`).filter((r) => r["客户"] !== null)).toEqual([
      expect.objectContaining({ 客户: "华联超市", 等级: "A", 本月目标: null, 行动计划: "年货节陈列" }),
    ]);
  });

  test("refused on a sheet that is not a plan, after one sync, nothing written", async () => {
    const fake = await workbook();
    const sheets = fake.sheetNames();
    fake.state.active = fake.sheet("客户资源登记表");
    const before = fake.syncCount;
    const error = await fake.run((context) => nextPlanInWorkbook(context, "en-US", () => PLAIN_WEEKS)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NextPlanError);
    expect((error as NextPlanError).localized("zh-CN")).toContain("不是销售计划助手生成的周计划或月计划");
    expect(fake.syncCount - before).toBe(1);
    expect(fake.sheetNames()).toEqual(sheets);
  });
});
