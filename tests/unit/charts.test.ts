/**
 * src/lib/charts/colours.ts and text.ts: the charts' colours meet WCAG 2.2 AA contrast and follow the
 * status tags' hues; labels are measured and shortened sensibly; percentages add up to 100.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import {
  BRAND,
  CATEGORY_COLOURS,
  contrast,
  GRID,
  LINK,
  SECONDARY_TEXT,
  STATUS_COLOURS,
  TEXT,
  textOn,
  WHITE,
} from '../../src/lib/charts/colours.ts';
import { STATUS_TAG_CLASSES } from '../../src/lib/status-tags.ts';
import { listInWords } from '../../src/lib/format.ts';
import {
  formatNumber,
  graphemes,
  inSentence,
  monthIndex,
  percentages,
  textWidth,
  truncate,
  truncateToWidth,
} from '../../src/lib/charts/text.ts';

describe('contrast', () => {
  it('is 21:1 for black on white, 4.54:1 for #767676, and the same either way round', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#ffffff', '#767676')).toBe(contrast('#767676', '#ffffff'));
    expect(contrast('#fff', '#000')).toBeCloseTo(21, 5);
  });

  it('refuses something that is not a colour', () => {
    expect(() => contrast('red', '#ffffff')).toThrow(/not a #rrggbb colour/);
  });
});

describe('chart colours (WCAG 2.2 AA)', () => {
  const fills = [
    ...Object.entries(STATUS_COLOURS).map(([status, colour]) => [`status ${status}`, colour] as const),
    ...CATEGORY_COLOURS.map((colour, index) => [`category ${index + 1}`, colour] as const),
    ['brand (bar chart)', BRAND] as const,
  ];

  it.each(fills)('%s (%s) has at least 3:1 contrast with white, as a graphical object (1.4.11)', (_name, colour) => {
    expect(contrast(colour, WHITE)).toBeGreaterThanOrEqual(3);
  });

  it.each(CATEGORY_COLOURS.map((colour) => [colour]))('category colour %s takes white text at 4.5:1', (colour) => {
    expect(contrast(WHITE, colour)).toBeGreaterThanOrEqual(4.5);
  });

  it.each([
    ['text', TEXT],
    ['secondary text (year labels)', SECONDARY_TEXT],
    ['link (titles)', LINK],
  ])('%s on white has at least 4.5:1 (1.4.3)', (_name, colour) => {
    expect(contrast(colour, WHITE)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(fills)('text written on %s (%s) has at least 4.5:1', (_name, colour) => {
    expect(contrast(textOn(colour), colour)).toBeGreaterThanOrEqual(4.5);
  });

  it('writes in near-black on the light grey of ideas, white on the rest', () => {
    expect(textOn(STATUS_COLOURS.idea)).toBe(TEXT);
    expect(textOn(STATUS_COLOURS.beta)).toBe(WHITE);
    expect(textOn('#ffdd00')).toBe(TEXT);
  });

  it('has a colour for every status and no two statuses alike', () => {
    expect(Object.keys(STATUS_COLOURS).sort()).toEqual([...ROADMAP_STATUSES].sort());
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(ROADMAP_STATUSES.length);
    expect(new Set(CATEGORY_COLOURS).size).toBe(CATEGORY_COLOURS.length);
  });

  it('keeps grid lines light: they are decoration, lighter than any fill', () => {
    for (const [, colour] of fills) expect(contrast(GRID, WHITE)).toBeLessThan(contrast(colour, WHITE));
  });

  it("gives each status a colour of its tag's hue (src/lib/status-tags.ts)", () => {
    // govuk-frontend 6 palette colours of each tag colour's hue.
    const HUES: Record<string, string[]> = {
      grey: ['#858686', '#484949', '#0b0c0c'],
      purple: ['#54319f', '#7f65b7', '#3f2577'],
      teal: ['#158187', '#106165'],
      blue: ['#1a65a6', '#16548a', '#5694ca'],
      green: ['#0f7a52', '#0b5c3e', '#4b9b7d'],
      yellow: ['#806f00', '#bfa600'],
      red: ['#ca3535', '#982828', '#d76868'],
      orange: ['#b7592a', '#7a3c1c'],
      magenta: ['#ca357c', '#98285d'],
    };
    const tags = Object.fromEntries(Object.entries(STATUS_TAG_CLASSES).map(([status, tag]) => [status, tag.replace('govuk-tag--', '')]));
    expect(Object.keys(tags).sort()).toEqual([...ROADMAP_STATUSES].sort());
    for (const status of ROADMAP_STATUSES)
      expect(HUES[tags[status]], `${status}: tag ${tags[status]}, bar ${STATUS_COLOURS[status]}`).toContain(STATUS_COLOURS[status]);
  });
});

describe('textWidth', () => {
  it("adds up Arial's advance widths", () => {
    expect(textWidth('2026', 16)).toBeCloseTo((4 * 556 * 16) / 1000, 5);
    expect(textWidth('', 16)).toBe(0);
    expect(textWidth('MMMM', 16)).toBeGreaterThan(textWidth('iiii', 16) * 3);
  });

  it('counts an accented letter as its letter, and wide scripts and emoji as an em', () => {
    expect(textWidth('Môn', 16)).toBeCloseTo(textWidth('Mon', 16), 5);
    expect(textWidth('日本', 10)).toBe(20);
    expect(textWidth('🏴󠁧󠁢󠁷󠁬󠁳󠁿', 10)).toBe(10);
  });
});

describe('truncate (by character count)', () => {
  it('leaves a text that fits alone, apart from running its spaces together', () => {
    expect(truncate('Bin day finder', 14)).toBe('Bin day finder');
    expect(truncate('  Bin   day\nfinder ', 40)).toBe('Bin day finder');
  });

  it('ends at a word break with an ellipsis, within the limit', () => {
    const title = 'Replace the housing register with an open source system';
    const short = truncate(title, 30);
    expect(short).toBe('Replace the housing register…');
    expect(graphemes(short).length).toBeLessThanOrEqual(30);
  });

  it('cuts inside a word when there is no break near the end', () => {
    expect(truncate('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(truncate('Bins, boxes and bags for everyone', 7)).toBe('Bins…');
  });

  it('never splits a character made of several code points', () => {
    const flags = '🏴󠁧󠁢󠁷󠁬󠁳󠁿🏴󠁧󠁢󠁷󠁬󠁳󠁿🏴󠁧󠁢󠁷󠁬󠁳󠁿🏴󠁧󠁢󠁷󠁬󠁳󠁿';
    expect(truncate(flags, 3)).toBe('🏴󠁧󠁢󠁷󠁬󠁳󠁿🏴󠁧󠁢󠁷󠁬󠁳󠁿…');
  });

  it('is at most maxChars characters for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (text, max) => {
        expect(graphemes(truncate(text, max)).length).toBeLessThanOrEqual(max);
      }),
    );
  });
});

describe('truncateToWidth', () => {
  it('leaves a text whose estimated width fits', () => {
    expect(truncateToWidth('Reusable components', 160, 16)).toBe('Reusable components');
  });

  it('shortens until the estimate fits, fewer characters for wide capitals than for narrow letters', () => {
    const capitals = truncateToWidth('WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', 200, 16);
    const narrow = truncateToWidth('illillillillillillillillillillillillillillillillillill', 200, 16);
    expect(textWidth(capitals, 16)).toBeLessThanOrEqual(200);
    expect(textWidth(narrow, 16)).toBeLessThanOrEqual(200);
    expect(capitals.endsWith('…')).toBe(true);
    expect(graphemes(capitals).length).toBeLessThan(graphemes(narrow).length);
  });
});

describe('percentages (largest remainder)', () => {
  it('rounds thirds to 34, 33, 33 and gives the spare point to the largest remainder', () => {
    expect(percentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(percentages([1, 2])).toEqual([33, 67]);
    expect(percentages([1, 1, 1, 1, 1, 1, 1])).toEqual([15, 15, 14, 14, 14, 14, 14]);
    expect(percentages([994, 5, 1])).toEqual([99, 1, 0]);
    // A tie goes to the earlier value.
    expect(percentages([2, 3, 3])).toEqual([25, 38, 37]);
  });

  it('leaves exact shares alone', () => {
    expect(percentages([1, 1, 2])).toEqual([25, 25, 50]);
    expect(percentages([7])).toEqual([100]);
  });

  it('gives every share 0 when there is nothing, and counts negative or missing values as 0', () => {
    expect(percentages([])).toEqual([]);
    expect(percentages([0, 0])).toEqual([0, 0]);
    expect(percentages([-5, 5, Number.NaN])).toEqual([0, 100, 0]);
  });

  it('always adds up to 100, each share within 1 of the exact one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 100_000 }), { minLength: 1, maxLength: 12 }), (values) => {
        const total = values.reduce((sum, value) => sum + value, 0);
        fc.pre(total > 0);
        const result = percentages(values);
        expect(result.reduce((sum, value) => sum + value, 0)).toBe(100);
        result.forEach((share, index) => expect(Math.abs(share - (values[index] * 100) / total)).toBeLessThan(1));
      }),
    );
  });
});

describe('words and numbers', () => {
  it('writes numbers with en-GB separators', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0)).toBe('0');
  });

  it('reads YYYY-MM months and nothing else', () => {
    expect(monthIndex('2026-04')).toBe(2026 * 12 + 3);
    expect(monthIndex('2026-01')).toBe(2026 * 12);
    for (const bad of ['2026-13', '2026-00', '2026-4', '26-04', '2026-04-01', '', undefined]) expect(monthIndex(bad)).toBeUndefined();
  });

  it('puts a label inside a sentence, keeping acronyms', () => {
    expect(inSentence('Roadmap items')).toBe('roadmap items');
    expect(inSentence('LGSL services')).toBe('LGSL services');
  });

  it('lists in words', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['a'])).toBe('a');
    expect(listInWords(['a', 'b'])).toBe('a and b');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
