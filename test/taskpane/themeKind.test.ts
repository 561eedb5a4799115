import { themeKind } from "../../src/taskpane/themeKind";

describe("themeKind", () => {
  test("follows Office's body background where the host gives one", () => {
    expect(themeKind("#FFFFFF", false, true)).toBe("light");
    expect(themeKind("#E6E6E6", false, true)).toBe("light");
    expect(themeKind("#262626", false, false)).toBe("dark");
    expect(themeKind("#000000", false, false)).toBe("dark");
  });

  test("falls back to the browser's colour scheme when Office says nothing usable", () => {
    expect(themeKind(null, false, true)).toBe("dark");
    expect(themeKind(null, false, false)).toBe("light");
    expect(themeKind("not a colour", false, true)).toBe("dark");
  });

  test("forced colours (high contrast) win over everything", () => {
    expect(themeKind("#FFFFFF", true, false)).toBe("highContrast");
    expect(themeKind(null, true, true)).toBe("highContrast");
  });
});
