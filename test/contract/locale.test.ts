import { functionNamesLocale, resolveLocale } from "../../src/contract/locale";

test("Office display languages map to the two supported locales", () => {
  expect(resolveLocale("zh-CN")).toBe("zh-CN");
  expect(resolveLocale("zh-Hans-CN")).toBe("zh-CN");
  expect(resolveLocale("ZH-TW")).toBe("zh-CN");
  expect(resolveLocale("en-US")).toBe("en-US");
  expect(resolveLocale("fr-FR")).toBe("en-US");
  expect(resolveLocale("")).toBe("zh-CN");
  expect(resolveLocale(null)).toBe("zh-CN");
});

test("function names are the zh-CN ones only where Excel's display language is exactly zh-CN (the manifest overrides no other)", () => {
  expect(functionNamesLocale("zh-CN")).toBe("zh-CN");
  expect(functionNamesLocale("ZH-cn")).toBe("zh-CN");
  for (const other of ["zh-TW", "zh-HK", "zh-SG", "zh-Hant-TW", "en-US", "fr-FR", "", null, undefined]) expect(functionNamesLocale(other)).toBe("en-US");
  // The pane's own language is a separate choice: a zh-TW user may read it in Chinese.
  expect(resolveLocale("zh-TW")).toBe("zh-CN");
});
