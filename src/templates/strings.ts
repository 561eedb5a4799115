import type { Locale } from "../contract/locale";
import type { MonthlyMetric, WeeklyMetric } from "../spec/sheetSpec";

/**
 * Every header, label and vocabulary the templates write, in both languages. The shape is one
 * interface and the table is `Record<Locale, TemplateStrings>`, so a missing translation (or a
 * vocabulary with the wrong number of entries) is a type error.
 */

type Three = readonly [string, string, string];
type Four = readonly [string, string, string, string];

/** Columns of a target table (weekly and monthly plans). */
interface TargetColumns {
  readonly metric: string;
  readonly unit: string;
  readonly target: string;
  readonly actual: string;
  readonly rate: string;
  readonly lastWeek: string;
}

export interface TemplateStrings {
  readonly common: {
    readonly recordLabel: string;
    readonly recordNote: string;
    readonly total: string;
    readonly rollupSection: string;
    readonly rollupNote: string;
    readonly units: { readonly yuan: string; readonly customers: string; readonly times: string };
    readonly listErrorTitle: string;
    readonly listErrorMessage: string;
    readonly numberErrorTitle: string;
    readonly numberErrorMessage: string;
    readonly wholeErrorMessage: string;
    readonly shareErrorMessage: string;
    readonly dateErrorTitle: string;
    readonly dateErrorMessage: string;
    readonly tiers: Three;
  };
  /** Parts shared by the weekly and monthly plans. */
  readonly plan: {
    readonly targetColumns: TargetColumns;
    readonly expenseSection: string;
    readonly expenseColumns: { readonly category: string; readonly amount: string; readonly note: string };
    readonly expenseCategories: readonly [string, string, string, string, string, string];
    readonly rep: string;
    readonly period: string;
    readonly forecast: string;
    readonly expenseTotal: string;
    readonly issues: string;
  };
  readonly weekly: {
    readonly sheetPrefix: string;
    readonly title: string;
    readonly name: string;
    readonly team: string;
    readonly week: string;
    readonly dateRange: string;
    readonly deadline: string;
    readonly approver: string;
    readonly approvalStatus: string;
    readonly approvalStates: Three;
    readonly targetsSection: string;
    readonly metrics: Readonly<Record<WeeklyMetric, string>>;
    readonly dailySection: string;
    readonly dailyColumns: {
      readonly date: string;
      readonly weekday: string;
      readonly customers: string;
      readonly work: string;
      readonly expected: string;
      readonly result: string;
      readonly status: string;
    };
    readonly dailyStates: Four;
    readonly weekdays: readonly [string, string, string, string, string, string, string];
    readonly holidayMark: string;
    readonly makeUpMark: string;
    readonly keySection: string;
    readonly keyHint: string;
    readonly keyColumns: {
      readonly category: string;
      readonly item: string;
      readonly reason: string;
      readonly goal: string;
      readonly approach: string;
      readonly support: string;
      readonly owner: string;
      readonly due: string;
    };
    readonly keyCategories: readonly [string, string, string, string, string, string];
    readonly summarySection: string;
    readonly achieved: string;
    readonly forecast: string;
  };
  readonly monthly: {
    readonly sheetPrefix: string;
    readonly title: string;
    readonly nameTeam: string;
    readonly yearMonth: string;
    readonly workdays: string;
    readonly targetsSection: string;
    readonly metrics: Readonly<Record<MonthlyMetric, string>>;
    readonly weeksSection: string;
    readonly weeksHint: string;
    readonly weekColumns: {
      readonly week: string;
      readonly from: string;
      readonly to: string;
      readonly workdays: string;
      readonly target: string;
      readonly actual: string;
      readonly rate: string;
    };
    readonly weekLabel: (n: number) => string;
    readonly productsSection: string;
    readonly productColumns: {
      readonly category: string;
      readonly description: string;
      readonly ratio: string;
      readonly target: string;
      readonly actual: string;
      readonly rate: string;
    };
    readonly productCategories: Three;
    readonly productDescriptions: Three;
    readonly customersSection: string;
    readonly customerColumns: {
      readonly customer: string;
      readonly tier: string;
      readonly target: string;
      readonly plan: string;
      readonly owner: string;
    };
    readonly reviewSection: string;
    readonly reviewDue: string;
    readonly summary: string;
    readonly forecast: string;
  };
  readonly customers: {
    readonly sheetName: string;
    readonly settingsSheetName: string;
    readonly summarySheetName: string;
    readonly title: string;
    readonly columns: {
      readonly id: string;
      readonly name: string;
      readonly industry: string;
      readonly region: string;
      readonly source: string;
      readonly contact: string;
      readonly position: string;
      readonly phone: string;
      readonly address: string;
      readonly owner: string;
      readonly annualSales: string;
      readonly demandSize: string;
      readonly urgency: string;
      readonly abc: string;
      readonly demandTier: string;
      readonly credit: string;
      readonly payment: string;
      readonly status: string;
      readonly firstContact: string;
      readonly lastVisit: string;
      readonly nextVisit: string;
      readonly note: string;
    };
    readonly sources: readonly [string, string, string, string, string, string, string];
    readonly sizes: Three;
    readonly urgencies: Three;
    readonly credits: Four;
    readonly payments: Four;
    readonly statuses: Four;
    readonly settingsTitle: string;
    readonly settingsHint: string;
    readonly abcA: string;
    readonly abcB: string;
    readonly visit: Three;
    readonly summaryTitle: string;
    readonly summaryColumns: {
      readonly tier: string;
      readonly count: string;
      readonly countShare: string;
      readonly amount: string;
      readonly amountShare: string;
      readonly demandCount: string;
    };
    readonly chartTitle: string;
  };
  readonly contracts: {
    readonly sheetName: string;
    readonly statsSheetName: string;
    readonly title: string;
    readonly arDays: string;
    readonly columns: {
      readonly id: string;
      readonly customer: string;
      readonly signed: string;
      readonly amount: string;
      readonly product: string;
      readonly due: string;
      readonly shipped: string;
      readonly lastShipped: string;
      readonly invoiced: string;
      readonly paid: string;
      readonly unpaid: string;
      readonly progress: string;
      readonly paidRate: string;
      readonly status: string;
      readonly owner: string;
      readonly note: string;
    };
    /** 未履行 / 履行中 / 已完成 / 逾期. */
    readonly statuses: Four;
    readonly statsTitle: string;
    readonly statsYear: string;
    readonly statsColumns: {
      readonly period: string;
      readonly type: string;
      readonly seq: string;
      readonly from: string;
      readonly to: string;
      readonly count: string;
      readonly amount: string;
      readonly shipped: string;
      readonly invoiced: string;
      readonly paid: string;
      readonly paidRate: string;
    };
    /** 月 / 季 / 年. */
    readonly periodTypes: Three;
    /** Formula text for a period's label from the year `y` and the sequence number `n` (formula operands). */
    readonly monthLabel: (y: string, n: string) => string;
    readonly quarterLabel: (y: string, n: string) => string;
    readonly yearLabel: (y: string) => string;
  };
}

const zhCN: TemplateStrings = {
  common: {
    recordLabel: "模板标识",
    recordNote: "由销售计划助手生成;请勿修改模板标识,升级和团队汇总靠它找到本表。",
    total: "合计",
    rollupSection: "汇总接口",
    rollupNote: "团队汇总读取以下单元格(已命名,可在名称管理器中查看),请勿删除。",
    units: { yuan: "元", customers: "个", times: "次" },
    listErrorTitle: "请从列表中选择",
    listErrorMessage: "只能输入下拉列表中的值。",
    numberErrorTitle: "数值无效",
    numberErrorMessage: "请输入不小于 0 的数字。",
    wholeErrorMessage: "请输入不小于 0 的整数。",
    shareErrorMessage: "请输入 0 到 1 之间的比例(例如 40%)。",
    dateErrorTitle: "日期无效",
    dateErrorMessage: "请输入日期,格式 yyyy-mm-dd。",
    tiers: ["A", "B", "C"],
  },
  plan: {
    targetColumns: { metric: "指标", unit: "单位", target: "目标", actual: "实际", rate: "达成率", lastWeek: "上周实际" },
    expenseSection: "费用预算",
    expenseColumns: { category: "费用类别", amount: "金额", note: "说明" },
    expenseCategories: ["差旅", "招待", "交通", "礼品", "广告物料", "其他"],
    rep: "姓名",
    period: "期间",
    forecast: "销售预估",
    expenseTotal: "费用合计",
    issues: "问题与改进",
  },
  weekly: {
    sheetPrefix: "周计划",
    title: "周工作计划",
    name: "姓名",
    team: "部门/团队",
    week: "年-周次",
    dateRange: "日期范围",
    deadline: "提交截止",
    approver: "审批人",
    approvalStatus: "审批状态",
    approvalStates: ["待审批", "已批准", "退回"],
    targetsSection: "本周指标",
    metrics: { SALES: "销售额", COLLECTION: "回款额", NEW_CUSTOMERS: "新客户开发数", VISITS: "客户拜访数", CALLS: "电话联系数" },
    dailySection: "每日安排",
    dailyColumns: {
      date: "日期",
      weekday: "星期",
      customers: "计划拜访客户",
      work: "工作内容",
      expected: "预计金额",
      result: "实际结果",
      status: "完成情况",
    },
    dailyStates: ["未开始", "进行中", "已完成", "取消"],
    weekdays: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    holidayMark: "(休)",
    makeUpMark: "(班)",
    keySection: "重点工作",
    keyHint: "月度计划中已有的事项只写类别;新增事项须写明原因、目标、方案和需公司支持。",
    keyColumns: {
      category: "类别",
      item: "事项",
      reason: "原因",
      goal: "目标",
      approach: "方案",
      support: "需公司支持",
      owner: "负责人",
      due: "截止日期",
    },
    keyCategories: ["重点工作", "销售计划", "回款计划", "VIP培养计划", "费用", "新增"],
    summarySection: "本周总结与下周预估",
    achieved: "本周销售成绩",
    forecast: "下周销售预估",
  },
  monthly: {
    sheetPrefix: "月计划",
    title: "月度工作计划",
    nameTeam: "姓名/团队",
    yearMonth: "年月",
    workdays: "工作日数",
    targetsSection: "月度指标",
    metrics: { SALES: "销售额", COLLECTION: "回款额", NEW_CUSTOMERS: "新客户", KEY_PRODUCTS: "重点产品" },
    weeksSection: "周分解",
    weeksHint: "周目标按工作日数拆分月度销售额目标(整数元,合计恰好等于月目标)。",
    weekColumns: { week: "周次", from: "起", to: "止", workdays: "工作日", target: "目标", actual: "实际", rate: "达成率" },
    weekLabel: (n) => `第${n}周`,
    productsSection: "产品结构",
    productColumns: { category: "产品类别", description: "说明", ratio: "比例", target: "目标", actual: "实际", rate: "达成率" },
    productCategories: ["A 类", "B 类", "C 类"],
    productDescriptions: ["形象利润产品", "上量产品", "战略产品"],
    customersSection: "重点客户",
    customerColumns: { customer: "客户", tier: "等级", target: "本月目标", plan: "行动计划", owner: "负责人" },
    reviewSection: "生意回顾",
    reviewDue: "回顾截止(次月第3个工作日)",
    summary: "本月总结",
    forecast: "下月销售预估",
  },
  customers: {
    sheetName: "客户资源登记表",
    settingsSheetName: "客户分级设置",
    summarySheetName: "客户分级汇总",
    title: "客户资源登记表",
    columns: {
      id: "客户编号",
      name: "客户名称",
      industry: "行业",
      region: "区域",
      source: "客户来源",
      contact: "联系人",
      position: "职务",
      phone: "电话",
      address: "地址",
      owner: "负责人",
      annualSales: "年交易额",
      demandSize: "需求规模",
      urgency: "需求迫切度",
      abc: "ABC等级",
      demandTier: "需求等级",
      credit: "信用等级",
      payment: "付款情况",
      status: "客户状态",
      firstContact: "首次接触日期",
      lastVisit: "最近拜访日期",
      nextVisit: "下次拜访日期",
      note: "备注",
    },
    sources: ["展会", "转介绍", "网络", "电话开发", "陌生拜访", "老客户", "其他"],
    sizes: ["大", "中", "小"],
    urgencies: ["迫切", "一般", "潜在"],
    credits: ["优", "良", "中", "差"],
    payments: ["按时", "偶有拖欠", "经常拖欠", "预付"],
    statuses: ["潜在", "意向", "成交", "流失"],
    settingsTitle: "客户分级参数",
    settingsHint: "修改这里的数值即可调整分级和拜访周期,无需改公式。",
    abcA: "A 类累计交易额占比上限",
    abcB: "B 类累计交易额占比上限",
    visit: ["A 类拜访间隔(天)", "B 类拜访间隔(天)", "C 类拜访间隔(天)"],
    summaryTitle: "客户分级汇总",
    summaryColumns: {
      tier: "等级",
      count: "客户数",
      countShare: "客户数占比",
      amount: "年交易额",
      amountShare: "交易额占比",
      demandCount: "需求等级客户数",
    },
    chartTitle: "各等级交易额占比",
  },
  contracts: {
    sheetName: "合同履行一览表",
    statsSheetName: "合同履行统计",
    title: "合同履行一览表",
    arDays: "开票未回款提醒(天)",
    columns: {
      id: "合同编号",
      customer: "客户名称",
      signed: "签订日期",
      amount: "合同金额",
      product: "产品/项目",
      due: "约定交货日期",
      shipped: "已发货金额",
      lastShipped: "最近发货日期",
      invoiced: "已开票金额",
      paid: "已回款金额",
      unpaid: "未回款金额",
      progress: "履行进度",
      paidRate: "回款率",
      status: "状态",
      owner: "负责人",
      note: "备注",
    },
    statuses: ["未履行", "履行中", "已完成", "逾期"],
    statsTitle: "合同履行情况统计表",
    statsYear: "统计年度",
    statsColumns: {
      period: "期间",
      type: "类型",
      seq: "序号",
      from: "起",
      to: "止",
      count: "合同数",
      amount: "合同额",
      shipped: "发货额",
      invoiced: "开票额",
      paid: "回款额",
      paidRate: "回款率",
    },
    periodTypes: ["月", "季", "年"],
    monthLabel: (y, n) => `${y}&"年"&${n}&"月"`,
    quarterLabel: (y, n) => `${y}&"年第"&${n}&"季度"`,
    yearLabel: (y) => `${y}&"年"`,
  },
};

const enUS: TemplateStrings = {
  common: {
    recordLabel: "Template record",
    recordNote: "Made by Sales Planner; keep the template record, upgrades and the team roll-up use it to find this sheet.",
    total: "Total",
    rollupSection: "Roll-up cells",
    rollupNote: "The team roll-up reads these named cells (see Name Manager); do not delete them.",
    units: { yuan: "¥", customers: "customers", times: "times" },
    listErrorTitle: "Choose from the list",
    listErrorMessage: "Only the values in the drop-down list are allowed.",
    numberErrorTitle: "Invalid number",
    numberErrorMessage: "Enter a number of 0 or more.",
    wholeErrorMessage: "Enter a whole number of 0 or more.",
    shareErrorMessage: "Enter a share between 0 and 1 (for example 40%).",
    dateErrorTitle: "Invalid date",
    dateErrorMessage: "Enter a date.",
    tiers: ["A", "B", "C"],
  },
  plan: {
    targetColumns: { metric: "Metric", unit: "Unit", target: "Target", actual: "Actual", rate: "Achieved", lastWeek: "Last week" },
    expenseSection: "Expense budget",
    expenseColumns: { category: "Category", amount: "Amount", note: "Note" },
    expenseCategories: ["Travel", "Entertainment", "Transport", "Gifts", "Marketing material", "Other"],
    rep: "Name",
    period: "Period",
    forecast: "Sales forecast",
    expenseTotal: "Expense total",
    issues: "Issues and improvements",
  },
  weekly: {
    sheetPrefix: "Weekly",
    title: "Weekly Work Plan",
    name: "Name",
    team: "Department/team",
    week: "Year-week",
    dateRange: "Dates",
    deadline: "Due",
    approver: "Approver",
    approvalStatus: "Approval",
    approvalStates: ["Pending", "Approved", "Returned"],
    targetsSection: "Targets this week",
    metrics: {
      SALES: "Sales",
      COLLECTION: "Collections",
      NEW_CUSTOMERS: "New customers",
      VISITS: "Customer visits",
      CALLS: "Phone calls",
    },
    dailySection: "Daily plan",
    dailyColumns: {
      date: "Date",
      weekday: "Day",
      customers: "Customers to visit",
      work: "Work",
      expected: "Expected amount",
      result: "Result",
      status: "Status",
    },
    dailyStates: ["Not started", "In progress", "Done", "Cancelled"],
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    holidayMark: " (holiday)",
    makeUpMark: " (working day)",
    keySection: "Key items",
    keyHint: "Items already in the monthly plan need only their category; new items must state reason, goal, approach and support needed.",
    keyColumns: {
      category: "Category",
      item: "Item",
      reason: "Reason",
      goal: "Goal",
      approach: "Approach",
      support: "Support needed",
      owner: "Owner",
      due: "Due date",
    },
    keyCategories: ["Key work", "Sales plan", "Collection plan", "VIP development", "Expenses", "New"],
    summarySection: "Review and next week's forecast",
    achieved: "Sales this week",
    forecast: "Forecast next week",
  },
  monthly: {
    sheetPrefix: "Monthly",
    title: "Monthly Work Plan",
    nameTeam: "Name/team",
    yearMonth: "Month",
    workdays: "Working days",
    targetsSection: "Targets this month",
    metrics: { SALES: "Sales", COLLECTION: "Collections", NEW_CUSTOMERS: "New customers", KEY_PRODUCTS: "Key products" },
    weeksSection: "Weekly breakdown",
    weeksHint: "Week targets split the monthly sales target by working days (whole yuan, adding up exactly to the month).",
    weekColumns: { week: "Week", from: "From", to: "To", workdays: "Working days", target: "Target", actual: "Actual", rate: "Achieved" },
    weekLabel: (n) => `Week ${n}`,
    productsSection: "Product mix",
    productColumns: { category: "Class", description: "Description", ratio: "Ratio", target: "Target", actual: "Actual", rate: "Achieved" },
    productCategories: ["Class A", "Class B", "Class C"],
    productDescriptions: ["Image/profit products", "Volume products", "Strategic products"],
    customersSection: "Key customers",
    customerColumns: { customer: "Customer", tier: "Tier", target: "Target this month", plan: "Action plan", owner: "Owner" },
    reviewSection: "Business review",
    reviewDue: "Review due (3rd working day)",
    summary: "Summary",
    forecast: "Forecast next month",
  },
  customers: {
    sheetName: "Customer Register",
    settingsSheetName: "Register Settings",
    summarySheetName: "Tier Summary",
    title: "Customer Register",
    columns: {
      id: "Customer ID",
      name: "Customer",
      industry: "Industry",
      region: "Region",
      source: "Source",
      contact: "Contact",
      position: "Position",
      phone: "Phone",
      address: "Address",
      owner: "Owner",
      annualSales: "Annual sales",
      demandSize: "Demand size",
      urgency: "Urgency",
      abc: "ABC tier",
      demandTier: "Demand tier",
      credit: "Credit",
      payment: "Payment",
      status: "Status",
      firstContact: "First contact",
      lastVisit: "Last visit",
      nextVisit: "Next visit",
      note: "Note",
    },
    sources: ["Trade fair", "Referral", "Online", "Cold call", "Cold visit", "Existing customer", "Other"],
    sizes: ["Large", "Medium", "Small"],
    urgencies: ["Urgent", "Normal", "Latent"],
    credits: ["Excellent", "Good", "Fair", "Poor"],
    payments: ["On time", "Sometimes late", "Often late", "Prepaid"],
    statuses: ["Prospect", "Interested", "Customer", "Lost"],
    settingsTitle: "Tier settings",
    settingsHint: "Change these values to adjust the tiers and visit cadence; the formulas read them.",
    abcA: "Class A cumulative share up to",
    abcB: "Class B cumulative share up to",
    visit: ["Class A visit interval (days)", "Class B visit interval (days)", "Class C visit interval (days)"],
    summaryTitle: "Customer tier summary",
    summaryColumns: {
      tier: "Tier",
      count: "Customers",
      countShare: "Share of customers",
      amount: "Annual sales",
      amountShare: "Share of sales",
      demandCount: "Customers by demand tier",
    },
    chartTitle: "Share of sales by tier",
  },
  contracts: {
    sheetName: "Contract Register",
    statsSheetName: "Contract Statistics",
    title: "Contract Fulfilment Register",
    arDays: "Invoiced-unpaid alert (days)",
    columns: {
      id: "Contract no.",
      customer: "Customer",
      signed: "Signed",
      amount: "Contract amount",
      product: "Product/project",
      due: "Delivery due",
      shipped: "Shipped amount",
      lastShipped: "Last shipment",
      invoiced: "Invoiced amount",
      paid: "Paid amount",
      unpaid: "Unpaid amount",
      progress: "Fulfilment",
      paidRate: "Paid rate",
      status: "Status",
      owner: "Owner",
      note: "Note",
    },
    statuses: ["Not started", "In progress", "Completed", "Overdue"],
    statsTitle: "Contract fulfilment statistics",
    statsYear: "Year",
    statsColumns: {
      period: "Period",
      type: "Type",
      seq: "No.",
      from: "From",
      to: "To",
      count: "Contracts",
      amount: "Contract amount",
      shipped: "Shipped",
      invoiced: "Invoiced",
      paid: "Paid",
      paidRate: "Paid rate",
    },
    periodTypes: ["Month", "Quarter", "Year"],
    monthLabel: (y, n) => `${y}&"-"&TEXT(${n},"00")`,
    quarterLabel: (y, n) => `${y}&" Q"&${n}`,
    yearLabel: (y) => `${y}&""`,
  },
};

export const TEMPLATE_STRINGS: Readonly<Record<Locale, TemplateStrings>> = { "zh-CN": zhCN, "en-US": enUS };

export const templateStrings = (locale: Locale): TemplateStrings => TEMPLATE_STRINGS[locale];
