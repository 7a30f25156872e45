/**
 * "Did you mean …?" suggestions for misspelt ids, field names and enum values.
 */

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Lowercases and drops separators so `Garden_Waste`, `garden waste` and `garden-waste` compare equal. */
function looseForm(value: string): string {
  return value.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * The closest candidate to `value`, or undefined when nothing is close enough to be a likely typo.
 * Exact matches after loosening case and separators win; otherwise the nearest within a third of the
 * length (at least 1, at most 4 edits).
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.includes(value)) return value;
  const loose = looseForm(value);
  const limit = Math.max(1, Math.min(4, Math.floor(value.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    const looseCandidate = looseForm(candidate);
    if (looseCandidate === loose) return candidate;
    const distance = editDistance(loose, looseCandidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
