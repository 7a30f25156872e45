/**
 * Text for the hub's charts, worked out at build time: how wide a label will be in Arial (an estimate,
 * as there is no browser to measure it), shortening labels by character count, percentages that add up
 * to 100 and months as numbers.
 */

/**
 * Advance widths of Arial (the same as Helvetica's) for the printable ASCII characters, space (32) to
 * tilde (126), in thousandths of the font size.
 */
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
];
const OTHER_WIDTHS: Record<string, number> = {
  '–': 556,
  '—': 1000,
  '…': 1000,
  '‘': 222,
  '’': 222,
  '“': 333,
  '”': 333,
  '£': 556,
  '€': 556,
  '·': 278,
};

const graphemeSegmenter = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

/** A text's user-perceived characters (so that an emoji flag or an accented letter counts as one). */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (segment) => segment.segment);
}

function charWidth(grapheme: string): number {
  const base = grapheme.normalize('NFD').charAt(0);
  const code = base.charCodeAt(0);
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32];
  if (OTHER_WIDTHS[base] !== undefined) return OTHER_WIDTHS[base];
  // Wide scripts and emoji take about a full em; anything else is guessed a little wide.
  return code >= 0x1100 ? 1000 : 600;
}

/** The estimated width of a text in Arial at a font size (in the same units as the size). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let total = 0;
  for (const grapheme of graphemes(text)) total += charWidth(grapheme);
  // Arial Bold is about 8% wider than regular on average.
  return (total / 1000) * fontSize * (bold ? 1.08 : 1);
}

/**
 * A text cut to at most `maxChars` characters, ending in an ellipsis when it was cut. It ends at a
 * word break when one falls in the last third of what is kept, so that words are not cut in half, and
 * never splits a character made of several code points. Spaces run together.
 */
export function truncate(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const characters = graphemes(clean);
  if (characters.length <= maxChars) return clean;
  if (maxChars <= 1) return '…';
  let kept = characters.slice(0, maxChars - 1);
  const lastSpace = kept.lastIndexOf(' ');
  if (lastSpace >= Math.ceil(((maxChars - 1) * 2) / 3)) kept = kept.slice(0, lastSpace);
  return `${kept.join('').replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/**
 * A text cut by character count (truncate) to fit a width: unchanged if its estimated width fits,
 * else at most `maxWidth / (0.55 × fontSize)` characters (Arial's average), then shorter still while
 * its estimated width is over (a title in capitals, say).
 */
export function truncateToWidth(text: string, maxWidth: number, fontSize: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (textWidth(clean, fontSize) <= maxWidth) return clean;
  let maxChars = Math.max(1, Math.floor(maxWidth / (0.55 * fontSize)));
  let result = truncate(text, maxChars);
  while (maxChars > 1 && textWidth(result, fontSize) > maxWidth) {
    maxChars -= 1;
    result = truncate(text, maxChars);
  }
  return result;
}

/**
 * Whole percentages of a total that add up to exactly 100 (the largest remainder method): each value's
 * share rounded down, then the points still missing go to the largest remainders (the earlier value
 * on a tie). Negative and non-numeric values count as 0; if all are 0, every share is 0.
 */
export function percentages(values: readonly number[]): number[] {
  const clean = values.map((value) => (Number.isFinite(value) && value > 0 ? value : 0));
  const total = clean.reduce((sum, value) => sum + value, 0);
  if (total === 0) return clean.map(() => 0);
  const exact = clean.map((value) => (value * 100) / total);
  const result = exact.map(Math.floor);
  let missing = 100 - result.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (missing <= 0) break;
    result[index] += 1;
    missing -= 1;
  }
  return result;
}

/** A non-negative count as a number: anything else counts as 0. */
export function cleanCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** "1,234": numbers with en-GB separators. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** "Roadmap items" → "roadmap items", but "LGSL services" stays. For a label inside a sentence. */
export function inSentence(label: string): string {
  const firstWord = label.split(' ')[0];
  return firstWord.length > 1 && firstWord === firstWord.toUpperCase() ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "2026-04" → months since year 0 (2026 × 12 + 3); undefined for anything that is not a YYYY-MM month. */
export function monthIndex(yearMonth: string | undefined): number | undefined {
  const match = yearMonth === undefined ? null : YEAR_MONTH.exec(yearMonth);
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : undefined;
}

/** Rounds a coordinate to one decimal place, which keeps the SVG short. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
