import { GERMAN_CULTURE, SEMICOLON_CULTURE } from "../../fakes/fakeExcel";
import { FakeExcel } from "../../fakes/teamFake";

/*
 * Served in place of office.js: makes the built pane believe it runs in Excel, with the sync-counting
 * fake behind `Excel.run`. The page's query string sets the host's display language and theme,
 * `fakeCulture=semicolon|german` the regional formula syntax (";" and the decimal comma, see the fake's
 * locale section), and `fakeNoCustomFunctions=1` an Excel without custom functions
 * (isSetSupported("CustomFunctionsRuntime") false: retail-perpetual Excel before Version 2311,
 * custom-functions-requirement-sets). Tests reach the fake through `window.__fakeExcel`.
 */

const params = new URLSearchParams(window.location.search);
const fake = new FakeExcel(["Sheet1"]);
const culture = params.get("fakeCulture");
if (culture === "semicolon") fake.culture = SEMICOLON_CULTURE;
if (culture === "german") fake.culture = GERMAN_CULTURE;
const noCustomFunctions = params.get("fakeNoCustomFunctions") === "1";
const dark = params.get("fakeTheme") === "dark";
const info = { host: "Excel", platform: "PC" };
const associated: string[] = [];

/** What office.js's custom-functions runtime offers the functions script. */
class CustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

Object.assign(window, {
  __fakeExcel: fake,
  __associated: associated,
  CustomFunctions: {
    associate: (id: string) => associated.push(id),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!" },
  },
  Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => fake.run(batch) },
  Office: {
    HostType: { Excel: "Excel" },
    context: {
      host: "Excel",
      platform: "PC",
      displayLanguage: params.get("fakeLanguage") ?? "zh-CN",
      officeTheme: dark
        ? { bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#333333", controlForegroundColor: "#FFFFFF" }
        : { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" },
      requirements: { isSetSupported: (name: string) => !(noCustomFunctions && name === "CustomFunctionsRuntime") },
    },
    onReady(callback?: (i: typeof info) => void) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  },
});
