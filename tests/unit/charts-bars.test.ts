/**
 * src/lib/charts/bars.ts: the bar chart's geometry, worked out by hand: bars from zero in proportion,
 * values at their ends with en-GB separators, labels above the bars, a summary in words.
 */
import { describe, expect, it } from 'vitest';
import { BRAND } from '../../src/lib/charts/colours.ts';
import { barModel, BARS } from '../../src/lib/charts/bars.ts';
import { textWidth } from '../../src/lib/charts/text.ts';

describe('barModel', () => {
  // Values take up to "1,234" (35.6 units at 16) and a 6-unit gap: bars get 330 − 41.6 = 288.4 units.
  const model = barModel(
    [
      { label: 'Roadmap', value: 1234, href: '/roadmap/' },
      { label: 'Lessons learned', value: 617 },
      { label: 'Datasets', value: 0 },
      { label: 'Tiny', value: 1 },
    ],
    { unit: 'Records' },
  );

  it('draws each bar from zero in proportion to its value, the largest filling the room left for values', () => {
    const room = 330 - (textWidth('1,234', 16) + BARS.gap);
    expect(model.rows.map((row) => row.barWidth)).toEqual([Math.floor(room * 10) / 10, Math.floor((room / 2) * 10) / 10, 0, 2]);
  });

  it('writes each value at the end of its bar, with en-GB separators', () => {
    expect(model.rows.map((row) => [row.valueText, row.valueX])).toEqual([
      ['1,234', model.rows[0].barWidth + 6],
      ['617', model.rows[1].barWidth + 6],
      ['0', 6],
      ['1', 8],
    ]);
    for (const row of model.rows) expect(row.valueX + textWidth(row.valueText, 16)).toBeLessThanOrEqual(330);
  });

  it('keeps a bar above 0 visible however small, and draws none for 0', () => {
    expect(model.rows[3].barWidth).toBe(BARS.minBarWidth);
    expect(model.rows[3].path).toBe('M0 167h2v20h-2z');
    expect(model.rows[2].barWidth).toBe(0);
    expect(model.rows[2].path).toBeUndefined();
  });

  it('puts rows 48 units apart, each label above its bar, in the brand green', () => {
    expect(model.rows.map((row) => row.y)).toEqual([0, 48, 96, 144]);
    expect(model.rows.map((row) => [row.labelY, row.textY])).toEqual([
      [17, 38.6],
      [65, 86.6],
      [113, 134.6],
      [161, 182.6],
    ]);
    expect(model.height).toBe(4 * 48);
    expect([model.labelY, model.barY, model.barHeight]).toEqual([17, 23, 20]);
    expect(model.colour).toBe(BRAND);
  });

  it('names each row "Label: value", keeps hrefs, and knows when there are links', () => {
    expect(model.rows.map((row) => row.accessibleName)).toEqual(['Roadmap: 1,234', 'Lessons learned: 617', 'Datasets: 0', 'Tiny: 1']);
    expect(model.rows[0].href).toBe('/roadmap/');
    expect(model.hasLinks).toBe(true);
    expect(barModel([{ label: 'A', value: 1 }]).hasLinks).toBe(false);
  });

  it('summarises every value and the total', () => {
    expect(model.total).toBe(1852);
    expect(model.description).toBe(
      'Records: Roadmap 1,234, Lessons learned 617, Datasets 0 and Tiny 1; 1,852 records in all. Largest: Roadmap.',
    );
  });

  it('names at most 12 rows in the summary', () => {
    const many = barModel(
      Array.from({ length: 15 }, (_, index) => ({ label: `Type ${index + 1}`, value: index + 1 })),
      { unit: 'Organisations' },
    );
    expect(many.description).toMatch(/^Organisations: Type 1 1, .*Type 12 12 and 3 more; 120 organisations in all\. Largest: Type 15\.$/);
  });

  it('counts negative and non-numeric values as 0, and copes with all zeros or no rows', () => {
    const odd = barModel([
      { label: 'A', value: -3 },
      { label: 'B', value: Number.NaN },
      { label: 'C', value: 0 },
    ]);
    expect(odd.rows.map((row) => [row.value, row.barWidth, row.valueText])).toEqual([
      [0, 0, '0'],
      [0, 0, '0'],
      [0, 0, '0'],
    ]);
    expect(odd.description).toBe('Total: A 0, B 0 and C 0; 0 in all.');
    const empty = barModel([]);
    expect(empty.rows).toEqual([]);
    expect(empty.description).toBe('No data.');
  });

  it('keeps long labels whole (they have the full width) and shortens only what cannot fit', () => {
    const long = barModel([
      { label: 'Community or civic-tech group', value: 3 },
      { label: 'A very long label indeed that goes on and on well past the width of the chart itself', value: 1 },
    ]);
    expect(long.rows[0].text).toBe('Community or civic-tech group');
    expect(long.rows[1].text.endsWith('…')).toBe(true);
    expect(textWidth(long.rows[1].text, 16)).toBeLessThanOrEqual(330);
  });
});
