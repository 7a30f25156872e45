import { describe, expect, it } from 'vitest';
import { isPastReview, today } from '../../src/lib/freshness.ts';

describe('isPastReview', () => {
  it('is true the day after the review date, and false on it and before', () => {
    expect(isPastReview('2026-06-30', '2026-07-01')).toBe(true);
    expect(isPastReview('2026-06-30', '2026-06-30')).toBe(false);
    expect(isPastReview('2026-06-30', '2026-01-01')).toBe(false);
  });

  it('is false without a review date, or with one that is not a date', () => {
    expect(isPastReview(undefined, '2026-07-01')).toBe(false);
    expect(isPastReview('June 2026', '2026-07-01')).toBe(false);
  });

  it('takes today as YYYY-MM-DD', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
