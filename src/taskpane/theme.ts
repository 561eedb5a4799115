import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeKind } from "./themeKind";

// The rule that picks the kind lives apart in themeKind.ts: Fluent's barrel takes seconds to load, and
// the rule's tests need none of it.
export { themeKind, type ThemeKind } from "./themeKind";

export const fluentThemes: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
