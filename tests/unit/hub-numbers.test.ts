import { describe, expect, it } from 'vitest';
import { countBy, countByPeriod } from '../../src/lib/hub-numbers.ts';

describe('countBy', () => {
  it('counts by key in the given order, unknown keys after A to Z, undefined keys left out', () => {
    const items = ['wales', 'england', 'england', 'zanzibar', undefined, 'atlantis', 'wales', 'wales'];
    expect(countBy(items, (item) => item, ['england', 'scotland', 'wales'])).toEqual([
      { key: 'england', value: 2 },
      { key: 'wales', value: 3 },
      { key: 'atlantis', value: 1 },
      { key: 'zanzibar', value: 1 },
    ]);
    expect(countBy([], (item: string) => item)).toEqual([]);
  });
});

describe('countByPeriod', () => {
  it('counts per year and part, with empty years between kept and undated items left out', () => {
    const items = [
      { start: '2024-01', status: 'live' },
      { start: '2024-06', status: 'alpha' },
      { start: '2026-02', status: 'alpha' },
      { status: 'idea' },
    ];
    expect(
      countByPeriod(
        items,
        (item) => (item.start ? Number(item.start.slice(0, 4)) : undefined),
        (item) => item.status,
        ['alpha', 'live'],
      ),
    ).toEqual([
      {
        period: '2024',
        counts: [
          { key: 'alpha', value: 1 },
          { key: 'live', value: 1 },
        ],
      },
      { period: '2025', counts: [] },
      { period: '2026', counts: [{ key: 'alpha', value: 1 }] },
    ]);
    expect(
      countByPeriod(
        [{ status: 'idea' }],
        () => undefined,
        (item) => item.status,
      ),
    ).toEqual([]);
  });
});
