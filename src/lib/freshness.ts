/**
 * Freshness: a roadmap item past its review_by date is out of date. The validator warns about it and
 * the site says so on the item's page; both use this one rule.
 */

/** Today as YYYY-MM-DD (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether a review_by date (YYYY-MM-DD) has passed on `on`. The review date itself still counts as fresh. */
export function isPastReview(reviewBy: string | undefined, on: string): boolean {
  return reviewBy !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(reviewBy) && reviewBy < on;
}
