import type { Locale } from "./locale";

/** Task-pane strings. Typed by the zh-CN table so a key missing in en-US fails type-check. */
const zhCN = {
  appTitle: "销售计划助手",
  appTagline: "周/月度计划、客户与合同登记表模板，以及目标拆分和客户分级函数。",
  languageLabel: "界面语言",
  previewTitle: "预览模式",
  previewBody: "当前未在 Excel 中运行。可以浏览所有功能；要写入工作簿，请在 Excel 中旁加载 manifest.xml。",
  functionsHeading: "SALES 函数",
  functionsIntro: "在单元格中输入 =销售. 或 =SALES. 即可使用：",
  hostLabel: "运行环境",
  hostPreview: "浏览器预览",
  loadFailed: "界面加载失败，请关闭任务窗格后重新打开。",
} as const;

type UiStrings = { readonly [K in keyof typeof zhCN]: string };

const enUS: UiStrings = {
  appTitle: "Sales Planner",
  appTagline: "Weekly and monthly plans, customer and contract registers, target breakdown and customer tiering functions.",
  languageLabel: "Language",
  previewTitle: "Preview",
  previewBody:
    "Not running inside Excel. You can look around; to write into a workbook, sideload manifest.xml in Excel.",
  functionsHeading: "SALES functions",
  functionsIntro: "Type =SALES. in a cell to use them:",
  hostLabel: "Running in",
  hostPreview: "browser preview",
  loadFailed: "The pane failed to load. Close the task pane and open it again.",
};

const tables: Record<Locale, UiStrings> = { "zh-CN": zhCN, "en-US": enUS };

export type UiStringKey = keyof UiStrings;

export function uiStrings(locale: Locale): UiStrings {
  return tables[locale];
}
