/**
 * The hub's stylesheet, src/styles/hub.scss, compiled as the build compiles it (Sass with the
 * NodePackageImporter, then minified by Lightning CSS, Vite's CSS minifier): nothing of GOV.UK's own
 * identity in it (crown, crest, GDS Transport, font files), no images at all, its size within the
 * budget, and every colour pair the hub uses meeting WCAG 2.2 AA contrast.
 */
import { fileURLToPath } from 'node:url';
import { transform } from 'lightningcss';
import * as sass from 'sass';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const importers = [new sass.NodePackageImporter(ROOT)];

/** The minified stylesheet, as it ships. */
function builtCss(): string {
  const { css } = sass.compile(`${ROOT}src/styles/hub.scss`, { importers, style: 'compressed', silenceDeprecations: [] });
  return transform({ filename: 'hub.css', code: Buffer.from(css), minify: true, errorRecovery: true }).code.toString();
}

/**
 * The hub's CSS budget: every page loads under 40 KB of CSS, uncompressed (tests/site/budgets.test.ts checks
 * the built pages). The stylesheet is the CSS of every page, so it must stay under it.
 */
const BUDGET_BYTES = 40 * 1024;

describe('the stylesheet', () => {
  const css = builtCss();

  it('has nothing reserved for GOV.UK: no crown, crest, Royal Arms or GDS Transport', () => {
    expect(css).not.toMatch(/crown|crest|royal-arms|GDS Transport|gds-transport/i);
  });

  it('loads no fonts and no images', () => {
    expect(css).not.toMatch(/@font-face/i);
    expect(css).not.toMatch(/url\(/i);
    expect(css).not.toMatch(/\.(woff2?|svg|png|jpe?g|gif|webp)\b/i);
  });

  it('uses Arial, not GDS Transport', () => {
    expect(css).toMatch(/font-family:\s*arial/i);
  });

  it(`stays under the budget of ${BUDGET_BYTES / 1024} KB, minified`, () => {
    expect(Buffer.byteLength(css)).toBeLessThan(BUDGET_BYTES);
  });

  it("keeps govuk-frontend's focus style: yellow #ffdd00 behind black text, with a black underline", () => {
    expect(css).toMatch(/:focus\{[^}]*background-color:#fd0[^}]*box-shadow:0 -2px #fd0,0 4px #0b0c0c/);
  });

  it('has the brand green header and no GOV.UK blue brand colour', () => {
    expect(css).toMatch(/\.hub-header\{[^}]*background:#1f5e4a/);
    expect(css).not.toMatch(/#1d70b8/i);
  });
});

/** WCAG 2.2 relative luminance of an sRGB colour such as #1f5e4a. */
function luminance(hex: string): number {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((digit) => digit + digit).join('') : value;
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = Number.parseInt(full.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The pairs listed in src/styles/_settings.scss ($contrast-pairs), read through Sass. */
function contrastPairs(): { name: string; foreground: string; background: string; minimum: number }[] {
  const { css } = sass.compileString(
    `@use "sass:list"; @use "settings" as hub;
     @each $name, $fg, $bg, $min in hub.$contrast-pairs { pair { name: "#{$name}"; fg: "#{$fg}"; bg: "#{$bg}"; min: $min; } }`,
    { importers, loadPaths: [`${ROOT}src/styles`] },
  );
  return [...css.matchAll(/name: "([^"]+)";\s*fg: "([^"]+)";\s*bg: "([^"]+)";\s*min: ([\d.]+);/g)].map((match) => ({
    name: match[1],
    foreground: match[2],
    background: match[3],
    minimum: Number(match[4]),
  }));
}

describe('colour contrast (WCAG 2.2 AA)', () => {
  const pairs = contrastPairs();

  it('checks the pairs listed in _settings.scss, at 4.5:1 for text and 3:1 for interface parts', () => {
    expect(pairs.length).toBeGreaterThan(10);
    for (const pair of pairs) expect([3, 4.5]).toContain(pair.minimum);
  });

  it.each(pairs.map((pair) => [pair.name, pair] as const))('%s', (_name, pair) => {
    expect(contrast(pair.foreground, pair.background)).toBeGreaterThanOrEqual(pair.minimum);
  });

  it('knows the contrast of black on white is 21:1 and of #767676 on white 4.54:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
