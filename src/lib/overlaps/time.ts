/**
 * When items run, as month numbers (year × 12 + month − 1), and how two spans relate: overlapping, a
 * gap of some months, or unknown.
 */
import type { RoadmapStatus } from './types.ts';

/** 'YYYY-MM' → a month number, or undefined when missing or malformed. */
export function monthNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : undefined;
}

/** A month number → 'YYYY-MM'. */
export function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

export function currentMonth(): string {
  const now = new Date();
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Statuses of work that carries on: with a start and no end, it runs to today. */
const CONTINUING: ReadonlySet<RoadmapStatus> = new Set(['idea', 'discovery', 'alpha', 'beta', 'live', 'paused']);

/**
 * The months an item runs, [start, end], or undefined when it has no dates.
 * - start and end: as given (swapped if the wrong way round);
 * - start only: to today when the work carries on (idea … live, paused), else the start month alone;
 * - end only: the end month alone.
 */
export function spanOf(
  item: { start?: string; end?: string; status?: RoadmapStatus },
  today: number,
): { start: number; end: number } | undefined {
  const start = monthNumber(item.start);
  const end = monthNumber(item.end);
  if (start !== undefined && end !== undefined) return start <= end ? { start, end } : { start: end, end: start };
  if (start !== undefined) return { start, end: item.status !== undefined && CONTINUING.has(item.status) ? Math.max(start, today) : start };
  if (end !== undefined) return { start: end, end };
  return undefined;
}

export type TimeRelation =
  | { kind: 'unknown' }
  /** Both run in [from, to]. */
  | { kind: 'overlap'; from: number; to: number }
  /** One ends in `firstEnd`, the other starts in `secondStart`, `months` later (1 = the next month). */
  | { kind: 'gap'; months: number; firstEnd: number; secondStart: number };

export function timeRelation(a: { start: number; end: number } | undefined, b: { start: number; end: number } | undefined): TimeRelation {
  if (!a || !b) return { kind: 'unknown' };
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.end, b.end);
  if (from <= to) return { kind: 'overlap', from, to };
  return { kind: 'gap', months: from - to, firstEnd: to, secondStart: from };
}
