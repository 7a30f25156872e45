/**
 * src/lib/suggest.ts: the "did you mean …?" behind every suggested fix for a misspelt id, field name
 * or enum value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/lib/suggest.ts';

const ORGANISATIONS = ['ashdown', 'ashdown-civic-tech', 'brackwater', 'redcar-and-cleveland', 'st-helens'];
const STATUSES = ['idea', 'discovery', 'alpha', 'beta', 'live', 'paused', 'stopped', 'retired'];
const FIELDS = ['title', 'summary', 'status', 'services', 'themes', 'start', 'end', 'partners', 'looking_for', 'review_by'];

/** Textbook Levenshtein distance, to check the optimised one against. */
function levenshtein(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return table[a.length][b.length];
}

describe('editDistance', () => {
  it('is 0 for equal strings', () => {
    expect(editDistance('brackwater', 'brackwater')).toBe(0);
    expect(editDistance('', '')).toBe(0);
  });

  it('counts one insertion, deletion or substitution as 1', () => {
    expect(editDistance('brackwater', 'brackwatter')).toBe(1);
    expect(editDistance('brackwater', 'brackwate')).toBe(1);
    expect(editDistance('brackwater', 'brackwaler')).toBe(1);
  });

  it('counts a swap of two letters as 2', () => {
    expect(editDistance('brackwatre', 'brackwater')).toBe(2);
  });

  it('is the length of the other string when one is empty', () => {
    expect(editDistance('', 'beta')).toBe(4);
    expect(editDistance('beta', '')).toBe(4);
  });

  it('gives the classic kitten → sitting distance of 3', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early with limit + 1 once the distance is over the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('alpha', 'retired', 2)).toBe(3);
    // Lengths alone settle it: 3 letters against 12 is more than 4 edits.
    expect(editDistance('end', 'looking_for!', 4)).toBe(5);
  });

  it('gives the exact distance when it is within the limit', () => {
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('kitten', 'sitting', 10)).toBe(3);
    expect(editDistance('beta', 'beta', 0)).toBe(0);
  });

  it('agrees with the textbook algorithm, and with or without a limit says whether the distance is within it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-'), maxLength: 10 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        const expected = levenshtein(a, b);
        expect(editDistance(a, b)).toBe(expected);
        expect(editDistance(b, a)).toBe(expected);
        const limited = editDistance(a, b, limit);
        if (expected <= limit) expect(limited).toBe(expected);
        else expect(limited).toBeGreaterThan(limit);
      }),
      { numRuns: 500 },
    );
  });
});

describe('closestMatch', () => {
  it('finds an organisation id with two letters swapped', () => {
    expect(closestMatch('brackwatre', ORGANISATIONS)).toBe('brackwater');
  });

  it('finds a field name with a letter missing', () => {
    expect(closestMatch('sumary', FIELDS)).toBe('summary');
    expect(closestMatch('reviewby', FIELDS)).toBe('review_by');
  });

  it('ignores case and separators: Garden_Waste finds garden-waste', () => {
    expect(closestMatch('Garden_Waste', ['housing', 'garden-waste', 'payments'])).toBe('garden-waste');
    expect(closestMatch('garden waste', ['housing', 'garden-waste'])).toBe('garden-waste');
    expect(closestMatch('Beta', STATUSES)).toBe('beta');
    expect(closestMatch('LOOKING-FOR', FIELDS)).toBe('looking_for');
  });

  it('matches a loosened form even when it is far from the value in edits', () => {
    // "Redcar And Cleveland" is many edits from the id, but the same after loosening.
    expect(closestMatch('Redcar_And_Cleveland', ORGANISATIONS)).toBe('redcar-and-cleveland');
  });

  it('returns undefined when nothing is close', () => {
    expect(closestMatch('hackney', ORGANISATIONS)).toBeUndefined();
    expect(closestMatch('zzz', STATUSES)).toBeUndefined();
    expect(closestMatch('finished', STATUSES)).toBeUndefined();
  });

  it('returns undefined when there are no candidates', () => {
    expect(closestMatch('beta', [])).toBeUndefined();
  });

  it('allows one edit in a short word but not two', () => {
    // A third of the length, at least 1: "bta" (3 letters) may be one edit away.
    expect(closestMatch('bta', ['beta'])).toBe('beta');
    expect(closestMatch('xta', ['beta'])).toBeUndefined();
  });

  it('allows at most 4 edits, however long the word', () => {
    const long = 'abcdefghijklmnopqrstuvwxyz';
    expect(closestMatch(`${long.slice(0, 22)}1234`, [long])).toBe(long);
    expect(closestMatch(`${long.slice(0, 21)}12345`, [long])).toBeUndefined();
  });

  it('picks the nearest of several close candidates, whatever their order', () => {
    // "stoped" is 1 edit from stopped, 2 from shopped.
    expect(closestMatch('stoped', ['shopped', 'stopped'])).toBe('stopped');
    expect(closestMatch('stoped', ['stopped', 'shopped'])).toBe('stopped');
  });

  it('picks the first listed of two equally close candidates', () => {
    expect(closestMatch('pased', ['paused', 'passed'])).toBe('paused');
    expect(closestMatch('pased', ['passed', 'paused'])).toBe('passed');
  });

  it('takes a Set or any other iterable of candidates', () => {
    expect(closestMatch('brackwatre', new Set(ORGANISATIONS))).toBe('brackwater');
    expect(closestMatch('brackwatre', new Map(ORGANISATIONS.map((id) => [id, true])).keys())).toBe('brackwater');
  });

  it('returns an exact match', () => {
    expect(closestMatch('beta', STATUSES)).toBe('beta');
  });

  it('prefers an exact match to a near one listed before it', () => {
    expect(closestMatch('live', ['lives', 'live'])).toBe('live');
  });

  it('prefers an identical candidate to one that is equal only after loosening case and separators', () => {
    expect(closestMatch('garden-waste', ['Garden_Waste', 'garden-waste'])).toBe('garden-waste');
  });
});
