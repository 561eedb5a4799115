import zhNames from "./functionNames.zh-CN.json";
import type { Bilingual } from "./locale";

type FunctionNames = typeof zhNames;
export type FunctionId = keyof FunctionNames;
export type ParameterName<F extends FunctionId> = keyof FunctionNames[F]["parameters"] & string;

/**
 * A SALES.* function's arguments, named as the user sees them: in English the parameter name itself
 * (a_share), in zh-CN its name from functionNames.zh-CN.json (A类占比), the one source of the zh-CN names.
 * Rules that name an argument in a message take it from here, so a misspelt one is a type error.
 */
export function argNames<F extends FunctionId>(id: F): { readonly [P in ParameterName<F>]: Bilingual } {
  const parameters: Readonly<Record<string, { readonly name: string }>> = zhNames[id].parameters;
  return Object.fromEntries(Object.entries(parameters).map(([en, { name }]) => [en, { en, zh: name }])) as {
    readonly [P in ParameterName<F>]: Bilingual;
  };
}
