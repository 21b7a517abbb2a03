import { PALETTES, contrast, themeFromOffice, type Theme } from "../../../src/taskpane/views/theme";
import { stylesheet } from "../../../src/taskpane/views/styles";

describe("theme", () => {
  test("follows Office: isDarkTheme when given, else the body background's lightness", () => {
    expect(themeFromOffice({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#F3F2F1" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "nonsense" })).toBeNull();
    expect(themeFromOffice(undefined)).toBeNull();
  });

  test("contrast ratios as WCAG computes them", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 1);
  });

  describe.each(["light", "dark"] as Theme[])("%s palette meets WCAG AA", (theme) => {
    const p = PALETTES[theme];
    test.each([
      ["text on background", p.text, p.background, 4.5],
      ["text on surface", p.text, p.surface, 4.5],
      ["secondary text on background", p.textSecondary, p.background, 4.5],
      ["secondary text on surface", p.textSecondary, p.surface, 4.5],
      ["text on notices", p.text, p.noticeBackground, 4.5],
      ["text on the problems box", p.text, p.errorBackground, 4.5],
      ["error text on background", p.error, p.background, 4.5],
      ["error text on surface", p.error, p.surface, 4.5],
      ["accent text on background", p.accentText, p.background, 4.5],
      ["accent text on notices", p.accentText, p.noticeBackground, 4.5],
      ["button text on the accent", p.onAccent, p.accent, 4.5],
      ["control borders", p.border, p.background, 3],
      ["focus ring", p.focus, p.background, 3],
      ["chart bars on their track", p.accentText, p.track, 3],
      ["chart bars on the background", p.accentText, p.background, 3],
    ])("%s", (_what, fg, bg, ratio) => {
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(ratio);
    });
  });

  test("the stylesheet carries both palettes and loads nothing from the network", () => {
    const css = stylesheet();
    expect(css).toContain(PALETTES.light.accent);
    expect(css).toContain(PALETTES.dark.background);
    expect(css).not.toMatch(/url\(|@import|@font-face/);
  });
});
