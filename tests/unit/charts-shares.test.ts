/**
 * src/lib/charts/shares.ts: 100% bars by period: whole percentages adding up to 100 in every period,
 * segments side by side with white gaps filling the bar, keys in a fixed order, labels where they fit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import { CATEGORY_COLOURS, STATUS_COLOURS, TEXT, WHITE } from '../../src/lib/charts/colours.ts';
import { categoryKeys, SHARES, shareKeys, shareModel, statusKeys, type SharePeriod } from '../../src/lib/charts/shares.ts';
import { textWidth } from '../../src/lib/charts/text.ts';

const part = (key: string, value: number) => ({ key, label: key[0].toUpperCase() + key.slice(1), value });

describe('shareModel', () => {
  // Period labels "2025", "2026": 35.6 units, then 16 of gaps: bars from 51.6 over 278.4 units.
  const model = shareModel(
    [
      { period: '2025', parts: [part('beta', 2), part('live', 1), part('idea', 1)] },
      { period: '2026', parts: [] },
    ],
    { keys: statusKeys() },
  );
  const [first, empty] = model.rows;

  it('splits a bar into whole percentages that add up to 100, in the key order', () => {
    expect(first.segments.map((segment) => [segment.key, segment.value, segment.percent])).toEqual([
      ['idea', 1, 25],
      ['beta', 2, 50],
      ['live', 1, 25],
    ]);
    expect(model.plotX).toBe(51.6);
    expect(model.plotWidth).toBeCloseTo(278.4, 5);
  });

  it('lays segments side by side with a 2-unit white gap, the last one reaching the end', () => {
    expect(first.segments.map((segment) => [segment.x, segment.width])).toEqual([
      [51.6, 67.6], // a quarter of 278.4 is 69.6, less the gap
      [121.2, 137.2],
      [260.4, 69.6],
    ]);
    expect(first.segments.map((segment) => segment.path)).toEqual([
      'M51.6 4h67.6v32h-67.6z',
      'M121.2 4h137.2v32h-137.2z',
      'M260.4 4h69.6v32h-69.6z',
    ]);
    expect(empty.textY).toBe(40 + 4 + 16 + 5.6);
    const last = first.segments.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(330, 1);
  });

  it('writes "Label N%" where it fits, else "N%", in white or near-black to suit the colour', () => {
    expect(first.segments.map((segment) => [segment.text, segment.textFill])).toEqual([
      ['25%', TEXT], // "Idea 25%" is 67.6 units wide, more than the segment's 55.6 inside its margins
      ['Beta 50%', WHITE],
      ['25%', WHITE],
    ]);
    const thin = shareModel([{ period: '2025', parts: [part('a', 1), part('b', 99)] }]);
    expect(thin.rows[0].segments[0].text).toBeUndefined();
  });

  it('keeps segment labels inside their segments', () => {
    for (const segment of first.segments)
      if (segment.text) expect(segment.textX + textWidth(segment.text, 16)).toBeLessThanOrEqual(segment.x + segment.width);
  });

  it('draws no segments for a period with nothing in it, and gives it zero counts and shares', () => {
    expect(empty.total).toBe(0);
    expect(empty.segments).toEqual([]);
    expect(empty.cells.map((cell) => [cell.value, cell.percent])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('gives the table every key for every period, counts with en-GB separators', () => {
    expect(first.cells.map((cell) => cell.key)).toEqual(['idea', 'beta', 'live']);
    const big = shareModel([{ period: '2025', parts: [part('a', 12345), part('b', 1)] }]);
    expect(big.rows[0].cells.map((cell) => cell.valueText)).toEqual(['12,345', '1']);
    expect(big.rows[0].totalText).toBe('12,346');
  });

  it('puts rows 40 units apart', () => {
    expect(model.rows.map((row) => row.y)).toEqual([0, 40]);
    expect(model.height).toBe(80);
    expect(model.width).toBe(SHARES.width);
  });

  it('adds up parts with the same key and counts negative values as 0', () => {
    const summed = shareModel([{ period: 'All', parts: [part('a', 1), part('a', 2), part('b', -4), part('c', 1)] }]);
    expect(summed.rows[0].cells.map((cell) => [cell.key, cell.value, cell.percent])).toEqual([
      ['a', 3, 75],
      ['c', 1, 25],
    ]);
  });

  it('summarises the periods and the shares in the first and last of them', () => {
    expect(model.description).toBe('2 periods, from 2025 to 2026. 2025: 4 in all; Idea 25%, Beta 50%, Live 25%. 2026: none.');
    const four = shareModel(
      ['2023', '2024', '2025', '2026'].map((period, index) => ({ period, parts: [part('a', index + 1), part('b', 1)] })),
    );
    expect(four.description).toBe('4 periods, from 2023 to 2026. 2023: 2 in all; A 50%, B 50%. 2026: 5 in all; A 80%, B 20%.');
    expect(shareModel([]).description).toBe('No data.');
  });

  it('always adds up to 100 in a period with anything in it, and segments never overlap', () => {
    const periods = fc.array(
      fc.record({
        period: fc.constantFrom('2024', '2025', '2026'),
        parts: fc.array(
          fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), label: fc.constant('X'), value: fc.nat({ max: 5000 }) }),
          { maxLength: 8 },
        ),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(periods, (input: SharePeriod[]) => {
        for (const row of shareModel(input).rows) {
          if (row.total > 0) expect(row.cells.reduce((sum, cell) => sum + cell.percent, 0)).toBe(100);
          row.segments.forEach((segment, index) => {
            if (index > 0) expect(segment.x).toBeGreaterThanOrEqual(row.segments[index - 1].x + row.segments[index - 1].width);
          });
        }
      }),
    );
  });
});

describe('keys', () => {
  it('has the statuses in order, in their colours', () => {
    expect(statusKeys().map((key) => key.key)).toEqual([...ROADMAP_STATUSES]);
    expect(statusKeys().map((key) => key.colour)).toEqual(ROADMAP_STATUSES.map((status) => STATUS_COLOURS[status]));
    expect(statusKeys()[1].label).toBe('Discovery');
  });

  it('hands out category colours in order', () => {
    expect(
      categoryKeys([
        { key: 'roadmap', label: 'Roadmap' },
        { key: 'lessons', label: 'Lessons learned' },
      ]),
    ).toEqual([
      { key: 'roadmap', label: 'Roadmap', colour: CATEGORY_COLOURS[0] },
      { key: 'lessons', label: 'Lessons learned', colour: CATEGORY_COLOURS[1] },
    ]);
  });

  it('keeps the given order, adds keys found in the data with colours not yet taken, and drops keys never used', () => {
    const keys = shareKeys([{ period: '2025', parts: [part('other', 1), part('beta', 2), part('paused', 0)] }], statusKeys());
    expect(keys.map((key) => key.key)).toEqual(['beta', 'other']);
    expect(keys[1].colour).not.toBe(STATUS_COLOURS.beta);
    expect(Object.values(STATUS_COLOURS)).not.toContain(keys[1].colour);
    expect(CATEGORY_COLOURS).toContain(keys[1].colour);
  });

  it('finds keys in the order first seen when none are given', () => {
    const keys = shareKeys([
      { period: '1', parts: [part('b', 1)] },
      { period: '2', parts: [part('a', 1), part('b', 1)] },
    ]);
    expect(keys.map((key) => [key.key, key.colour])).toEqual([
      ['b', CATEGORY_COLOURS[0]],
      ['a', CATEGORY_COLOURS[1]],
    ]);
  });
});
