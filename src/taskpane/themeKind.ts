export type ThemeKind = "light" | "dark" | "highContrast";

/** Relative luminance of a #rrggbb colour (WCAG formula), or null if it is not one. */
function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const channels = [0, 2, 4].map((i) => parseInt(match[1].slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Office's theme wins where the host gives one (its body background tells light from dark); forced
 * colours (Windows high contrast) win over both because the user asked for them system-wide.
 */
export function themeKind(officeBackground: string | null, forcedColors: boolean, prefersDark: boolean): ThemeKind {
  if (forcedColors) return "highContrast";
  const lum = officeBackground === null ? null : luminance(officeBackground);
  if (lum !== null) return lum < 0.4 ? "dark" : "light";
  return prefersDark ? "dark" : "light";
}
