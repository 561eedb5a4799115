import type { ImportKind } from "./fields";

/**
 * The words people write for each drop-down's values, in zh and en, by the value's position in the
 * drop-down (the same in both languages: `templates/strings.ts` keeps the lists aligned). The value's
 * own words in both languages need not be listed: they are always understood. A value is written in the
 * register's language, whatever language the source wrote it in.
 */
/** 大 / 中 / 小, for both 需求规模 and 客户规模. */
const SIZES: readonly (readonly string[])[] = [
  ["大型", "big", "l"],
  ["中型", "mid", "middle", "m"],
  ["小型", "s", "micro"],
];

export const VOCABULARY: Readonly<Record<ImportKind, Readonly<Record<string, readonly (readonly string[])[]>>>> = {
  customers: {
    source: [
      ["展览", "会展", "展销会", "展会获客", "trade show", "exhibition", "fair"],
      ["介绍", "推荐", "客户介绍", "朋友介绍", "referral", "recommendation"],
      ["网站", "互联网", "线上", "官网", "网络推广", "online", "web", "internet", "website"],
      ["电话", "电销", "电话营销", "cold call", "telemarketing", "phone"],
      ["陌拜", "扫街", "上门开发", "cold visit", "walk-in"],
      ["老客", "回头客", "existing", "repeat customer"],
      ["其它", "others"],
    ],
    demandSize: SIZES,
    customerSize: SIZES,
    urgency: [
      ["急", "紧急", "很急", "非常急", "急需", "high"],
      ["普通", "正常", "medium"],
      ["不急", "潜在需求", "暂不需要", "以后", "potential", "low"],
    ],
    managerTier: [
      ["a类", "a级", "a类客户"],
      ["b类", "b级", "b类客户"],
      ["c类", "c级", "c类客户"],
    ],
    credit: [
      ["优秀", "很好", "a", "aaa"],
      ["良好", "好", "较好", "b", "aa"],
      ["一般", "c", "average"],
      ["较差", "不好", "d", "bad"],
    ],
    payment: [
      ["准时", "按期", "及时", "正常"],
      ["偶尔拖欠", "偶尔延迟", "偶尔逾期", "sometimes overdue"],
      ["经常延迟", "常拖欠", "经常逾期", "often overdue"],
      ["预付款", "先款后货", "款到发货", "prepay", "prepayment"],
    ],
    status: [
      ["潜在客户", "线索", "potential", "lead"],
      ["意向客户", "有意向", "跟进中", "interest", "opportunity"],
      ["已成交", "合作中", "签约", "成交客户", "closed", "won", "active"],
      ["已流失", "churned", "inactive"],
    ],
  },
  contracts: {
    termBasis: [
      ["按发货", "发货日", "发货后", "shipment", "shipping"],
      ["按开票", "开票日", "开票后", "发票", "invoicing"],
    ],
  },
  visits: {
    method: [
      ["拜访", "面访", "上门拜访", "走访", "当面", "on-site", "onsite", "in person"],
      ["电话拜访", "致电", "打电话", "call", "telephone"],
      ["weixin", "微信聊天", "wx"],
      ["开会", "视频会议", "meet"],
      ["其它", "others"],
    ],
  },
  ledger: {
    type: [
      ["出库", "送货", "发出", "delivery", "ship", "shipped"],
      ["退回", "退库", "returned"],
      ["发票", "开发票", "invoiced"],
      ["收款", "到款", "付款", "收到货款", "paid", "received", "collection"],
    ],
  },
};
