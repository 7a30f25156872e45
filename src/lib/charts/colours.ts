/**
 * Colours for the hub's charts, and WCAG 2.2 contrast (the same formula as
 * tests/components/stylesheet.test.ts). Every fill here is at least 3:1 against white, as WCAG 1.4.11
 * asks of the parts of a graph (tests/unit/charts.test.ts checks each one), and text inside a bar is
 * drawn in white or near-black, whichever reaches 4.5:1 (textOn).
 */
import { ROADMAP_STATUSES } from '../../../schemas/roadmap.ts';

export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** govuk-frontend 6's text colours, as the hub uses them. */
export const TEXT = '#0b0c0c';
export const SECONDARY_TEXT = '#484949';
export const LINK = '#1a65a6';
export const WHITE = '#ffffff';
/** Decorative lines (year grid lines): govuk-frontend's border grey. Not needed to read the chart. */
export const GRID = '#cecece';

/** The hub's brand green (src/styles/_settings.scss): bars of a single series. 7.6:1 on white. */
export const BRAND = '#1f5e4a';

/**
 * Roadmap statuses, in the hue of their tag (src/components/StatusTag.astro: grey, purple, teal, blue,
 * green, yellow, red, grey), dark enough for 3:1 on white. The tags' own colours are pale backgrounds
 * that a bar on white cannot use. Idea and retired, both grey tags, are a light and a dark grey here.
 * Yellow cannot reach 3:1 on white, so paused is govuk-frontend's darkest yellow (an olive).
 */
export const STATUS_COLOURS: Record<RoadmapStatus, string> = {
  idea: '#858686', // black tint-50, 3.7:1
  discovery: '#7f65b7', // purple tint-25, 4.7:1
  alpha: '#158187', // teal, 4.6:1
  beta: '#1a65a6', // blue shade-10, 6.1:1
  live: '#0f7a52', // green, 5.4:1
  paused: '#806f00', // yellow shade-50, 5.0:1
  stopped: '#ca3535', // red, 5.2:1
  retired: '#484949', // black tint-25, 9.0:1
};

/**
 * Colours for parts of a whole that have no colour of their own (collections, for example), in the
 * order they are handed out: neighbours differ in hue and lightness. Each reaches 4.5:1 with white, so
 * a percentage can be written on it in white.
 */
export const CATEGORY_COLOURS: readonly string[] = [
  '#1a65a6', // blue
  '#b7592a', // orange shade-25
  '#0f7a52', // green
  '#7f65b7', // purple tint-25
  '#ca357c', // magenta
  '#484949', // dark grey
  '#158187', // teal
  '#806f00', // olive
];

/** WCAG 2.2 relative luminance of an sRGB colour written #rrggbb or #rgb. */
export function luminance(hex: string): number {
  const value = hex.replace('#', '');
  const full = value.length === 3 ? [...value].map((digit) => digit + digit).join('') : value;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [0, 2, 4].map((start) => {
    const channel = Number.parseInt(full.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The text colour for writing on a fill: white if it reaches 4.5:1, else near-black (whichever is higher if neither does). */
export function textOn(fill: string): string {
  const onWhite = contrast(WHITE, fill);
  if (onWhite >= 4.5) return WHITE;
  return contrast(TEXT, fill) >= onWhite ? TEXT : WHITE;
}
