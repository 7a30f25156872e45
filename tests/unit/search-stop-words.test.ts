import { describe, expect, it } from 'vitest';
import { isStopWord, SEARCH_STOP_WORDS, withoutStopWords } from '../../src/lib/search-stop-words.ts';

describe('withoutStopWords', () => {
  it('leaves out the words every record has, keeping the others as written and in order', () => {
    expect(withoutStopWords('The bins and the boxes of Kestrelford')).toBe('bins boxes Kestrelford');
    expect(withoutStopWords('What we learned: report a repair, then wait.')).toBe('learned: report repair, wait.');
  });

  it('compares words without their punctuation and case', () => {
    for (const token of ['The', '(and', 'of,', 'WE.', '“the”']) expect(isStopWord(token), token).toBe(true);
    expect(withoutStopWords('bins, and. boxes')).toBe('bins, boxes');
  });

  it('keeps words people search for that look like function words', () => {
    for (const word of ['IT', 'US', 'WHO', 'will', 'can', 'may', 'not', 'new', 'all']) expect(isStopWord(word), word).toBe(false);
    expect(withoutStopWords('IT support for the US office')).toBe('IT support US office');
  });

  it('lists each word once, in lower case', () => {
    expect(new Set(SEARCH_STOP_WORDS).size).toBe(SEARCH_STOP_WORDS.length);
    for (const word of SEARCH_STOP_WORDS) expect(word).toBe(word.toLowerCase());
  });

  it('gives nothing for a text made only of them', () => {
    expect(withoutStopWords('and the')).toBe('');
    expect(withoutStopWords('')).toBe('');
  });
});
