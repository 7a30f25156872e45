/**
 * The counts behind "The hub in numbers": records by collection, by the nation and type of the body that
 * shared them, and roadmap items by the year their work starts, split by status. Pure; the page turns
 * them into charts with tables.
 */

export interface Count {
  key: string;
  value: number;
}

/** How many of `items` have each key, in `order` (keys not in it after, A to Z); keys with none left out. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined, order: readonly string[] = []): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...counts].sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
}

export interface PeriodCounts {
  period: string;
  counts: Count[];
}

/**
 * Items counted per period and, within it, per part (e.g. roadmap items per start year, per status),
 * periods in time order, with every year between the first and last present even when empty, so that a
 * gap shows as a gap. Parts follow `order`.
 */
export function countByPeriod<T>(
  items: readonly T[],
  yearOf: (item: T) => number | undefined,
  partOf: (item: T) => string,
  order: readonly string[] = [],
): PeriodCounts[] {
  const byYear = new Map<number, T[]>();
  for (const item of items) {
    const year = yearOf(item);
    if (year !== undefined && Number.isInteger(year)) byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  if (byYear.size === 0) return [];
  const years = [...byYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index).map((year) => ({
    period: String(year),
    counts: countBy(byYear.get(year) ?? [], partOf, order),
  }));
}
