/**
 * Light and dark palettes in Fluent's neutrals with Excel's accent, and which one to use:
 * the Office theme when the host gives one, else the system's prefers-color-scheme.
 * The contrast helpers let a unit test hold every text/background pair to WCAG AA.
 */
export type Theme = "light" | "dark";

export interface Palette {
  background: string;
  surface: string;
  text: string;
  textSecondary: string;
  /** Borders of inputs and other controls (3:1 against the background). */
  border: string;
  divider: string;
  accent: string;
  accentHover: string;
  onAccent: string;
  /** The accent as text or a thin line on the background. */
  accentText: string;
  error: string;
  errorBackground: string;
  noticeBackground: string;
  track: string;
  focus: string;
}

/** Excel's green and the white on it: the same in both themes. */
const EXCEL_GREEN = {
  accent: "#217346",
  accentHover: "#185c37",
  onAccent: "#ffffff",
};

export const PALETTES: Record<Theme, Palette> = {
  light: {
    background: "#ffffff",
    surface: "#faf9f8",
    text: "#323130",
    textSecondary: "#605e5c",
    border: "#8a8886",
    divider: "#edebe9",
    ...EXCEL_GREEN,
    accentText: "#185c37",
    error: "#a4262c",
    errorBackground: "#fde7e9",
    noticeBackground: "#f3f2f1",
    track: "#e1dfdd",
    focus: "#323130",
  },
  dark: {
    background: "#1f1f1f",
    surface: "#292929",
    text: "#f3f2f1",
    textSecondary: "#c8c6c4",
    border: "#979593",
    divider: "#3b3a39",
    ...EXCEL_GREEN,
    accentText: "#6ccb8f",
    error: "#f1707b",
    errorBackground: "#442726",
    noticeBackground: "#323130",
    track: "#484644",
    focus: "#f3f2f1",
  },
};

/** The theme the Office host asks for, or null when it says nothing. */
export function themeFromOffice(
  officeTheme:
    { isDarkTheme?: boolean; bodyBackgroundColor?: string } | null | undefined,
): Theme | null {
  if (!officeTheme) return null;
  if (typeof officeTheme.isDarkTheme === "boolean")
    return officeTheme.isDarkTheme ? "dark" : "light";
  const bg = officeTheme.bodyBackgroundColor;
  if (typeof bg === "string" && /^#?[0-9a-f]{6}$/i.test(bg.trim()))
    return luminance(bg) < 0.2 ? "dark" : "light";
  return null;
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const h = hex.trim().replace(/^#/, "");
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The theme the pane shows now, as styles.ts decides it: data-theme (set from Office's theme)
 * when present, else the system's prefers-color-scheme. For drawings that need the colours
 * themselves rather than the stylesheet's variables (a picture copied out of the pane).
 */
export function paneTheme(doc: Document): Theme {
  const set = doc.documentElement.dataset.theme;
  if (set === "dark" || set === "light") return set;
  return doc.defaultView?.matchMedia?.("(prefers-color-scheme: dark)").matches
    ? "dark"
    : "light";
}
