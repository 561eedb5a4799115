/**
 * The places a Chinese company name may start with (北京华为… / 广东省深圳市…) or carry in brackets
 * (华为技术(深圳)有限公司), kept in one list for `normalizeCompanyName`: the four municipalities, the
 * provinces, the autonomous regions and the SARs (each with and without its suffix), and the big cities
 * (at the start with 市 only: bare, a city name is too often the company's own word — 南京银行, 青岛啤酒 — to strip).
 */

const MUNICIPALITIES = ["北京", "上海", "天津", "重庆"];
const PROVINCES = [
  "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
  "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
];
const AUTONOMOUS = [
  ["内蒙古", "内蒙古自治区"],
  ["广西", "广西壮族自治区"],
  ["西藏", "西藏自治区"],
  ["宁夏", "宁夏回族自治区"],
  ["新疆", "新疆维吾尔自治区"],
  ["香港", "香港特别行政区"],
  ["澳门", "澳门特别行政区"],
];
const CITIES = [
  "深圳", "广州", "杭州", "南京", "苏州", "成都", "武汉", "西安", "郑州", "长沙", "青岛", "宁波", "厦门",
  "济南", "沈阳", "大连", "哈尔滨", "长春", "合肥", "福州", "南昌", "昆明", "贵阳", "南宁", "石家庄",
  "太原", "无锡", "佛山", "东莞", "温州", "常州", "南通", "烟台", "珠海", "兰州", "乌鲁木齐",
  "呼和浩特", "银川", "西宁", "拉萨", "海口", "三亚", "徐州", "泉州", "嘉兴", "绍兴", "金华", "台州",
  "惠州", "中山", "唐山", "保定", "洛阳", "潍坊", "淄博", "扬州", "镇江", "芜湖",
];

/** In brackets a place is written bare: 华为技术(深圳)有限公司. */
export const BRACKETED_PLACES: readonly string[] = [...MUNICIPALITIES, ...PROVINCES, ...AUTONOMOUS.map(([name]) => name), ...CITIES];

/** Every spelling, longest first so 黑龙江省 is taken whole and 内蒙古自治区 before 内蒙古. */
export const REGION_NAMES: readonly string[] = [
  ...MUNICIPALITIES.flatMap((name) => [name, `${name}市`]),
  ...PROVINCES.flatMap((name) => [name, `${name}省`]),
  ...AUTONOMOUS.flat(),
  ...CITIES.map((name) => `${name}市`),
].sort((a, b) => b.length - a.length || a.localeCompare(b));
