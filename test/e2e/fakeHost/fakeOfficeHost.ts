import { FakeExcel } from "../../fakes/teamFake";

/*
 * Served in place of office.js: makes the built pane believe it runs in Excel, with the sync-counting
 * fake behind `Excel.run`. The page's query string sets the host's display language and theme.
 * Tests reach the fake through `window.__fakeExcel`.
 */

const params = new URLSearchParams(window.location.search);
const fake = new FakeExcel(["Sheet1"]);
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
      requirements: { isSetSupported: () => true },
    },
    onReady(callback?: (i: typeof info) => void) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
  },
});
