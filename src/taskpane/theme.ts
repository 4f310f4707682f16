/** Picks the Fluent theme that matches the Office theme (dark when the body background is dark). */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** True for a "#RRGGBB" (or "#RGB") colour whose relative luminance is below one half. */
export function isDarkColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!m) return false;
  const hex = m[1].length === 3 ? m[1].replace(/./g, (c) => c + c) : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** webDarkTheme when Office says the body background is dark, else webLightTheme. */
export function themeFor(officeTheme?: { bodyBackgroundColor?: string } | null): Theme {
  return isDarkColor(officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme;
}
