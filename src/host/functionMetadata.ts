import type { Locale } from "../contract/locale";

/** The part of functions.json (or functions.zh-CN.json) the pane shows; both are built next to the page. */
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly { readonly name: string; readonly description: string; readonly optional?: boolean }[];
}

/**
 * Reads the metadata Excel itself reads, so the help page can never disagree with the formula
 * tooltips: there is one source (the JSDoc and contract/functionNames.zh-CN.json), built once.
 */
export async function loadFunctionMetadata(locale: Locale): Promise<readonly FunctionMetadata[]> {
  const file = locale === "zh-CN" ? "functions.zh-CN.json" : "functions.json";
  const response = await fetch(file);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const json = (await response.json()) as { functions: FunctionMetadata[] };
  return json.functions;
}
