/**
 * Words too common to help anyone find a record ("the", "and", "we"), which the search index leaves out
 * (scripts/lib/search-records.ts) and the search page leaves out of what people type
 * (public/pagefind-ui/pagefind.js, which reads this list from the page).
 *
 * Why: nearly every record has them, so they rank nothing, yet each costs an entry per record in the
 * index. At 50,000 records they are a fifth of the index's entries and about an eighth of the memory
 * Pagefind needs to build it. A query must lose them too: Pagefind treats every word typed as the start
 * of a word ("and" would match "android") and wants a match for each, so a query with a word the index
 * does not hold would find almost nothing.
 *
 * Only function words are listed. Left out on purpose, because people search for them: "it" (IT), "us"
 * (US), "who" (WHO), "will" (wills), "can" (cans), "may" (the month), "no", "not", "all", "one", "up",
 * "out" and "new". The list is English; Welsh "a" (and) and "i" (to) are left out of Welsh text too,
 * in records and queries alike, so a Welsh search still finds its records.
 */
export const SEARCH_STOP_WORDS: readonly string[] = [
  'a',
  'about',
  'after',
  'also',
  'an',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'been',
  'before',
  'being',
  'both',
  'but',
  'by',
  'could',
  'did',
  'do',
  'does',
  'each',
  'every',
  'for',
  'from',
  'had',
  'has',
  'have',
  'having',
  'he',
  'her',
  'him',
  'his',
  'how',
  'i',
  'if',
  'in',
  'into',
  'is',
  'its',
  'just',
  'me',
  'more',
  'most',
  'my',
  'nor',
  'of',
  'on',
  'only',
  'onto',
  'or',
  'other',
  'our',
  'ours',
  'over',
  's',
  'same',
  'she',
  'should',
  'so',
  'some',
  'such',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'to',
  'very',
  'was',
  'we',
  'were',
  'what',
  'when',
  'where',
  'which',
  'while',
  'why',
  'with',
  'would',
  'yet',
  'you',
  'your',
];

const STOP_WORDS = new Set(SEARCH_STOP_WORDS);

/** A word as it is compared with the list: without the punctuation around it, in lower case. */
const bare = (token: string) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLocaleLowerCase('en-GB');

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(bare(token));
}

/** The text without its stop words; every other word is kept as written, in order, one space apart. */
export function withoutStopWords(text: string): string {
  return text
    .split(/\s+/)
    .filter((token) => token && !isStopWord(token))
    .join(' ');
}
