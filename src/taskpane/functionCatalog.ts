import zhNames from "../contract/functionNames.zh-CN.json";
import type { Locale } from "../contract/locale";

/** How a user types a function in a given display language: 销售.折后价 in zh-CN, SALES.DISCOUNT in en-US. */
export interface CatalogEntry {
  id: string;
  formulaName: Record<Locale, string>;
}

const zh = zhNames as Record<string, { name: string }>;

export const functionCatalog: readonly CatalogEntry[] = Object.keys(zh).map((id) => ({
  id,
  formulaName: { "zh-CN": `销售.${zh[id].name}`, "en-US": `SALES.${id}` },
}));
