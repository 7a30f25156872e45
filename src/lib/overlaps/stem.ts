/**
 * The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping", 1980, with the two changes in
 * his own later C version: -bli → -ble, -logi → -log), so that "renewals", "renewal" and "renewing" all
 * become "renew", and "subscriptions" and "subscription" become "subscript". Input is a lowercase word
 * of ASCII letters; anything else (Welsh with its accents already folded, digits) passes through the same
 * rules harmlessly. Words of one or two letters are left alone.
 */

function isConsonant(word: string, i: number): boolean {
  const c = word.charCodeAt(i);
  // a e i o u
  if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
  // y is a consonant at the start of a word or after a vowel, and a vowel after a consonant.
  if (c === 121) return i === 0 ? true : !isConsonant(word, i - 1);
  return true;
}

/** m: the number of vowel–consonant sequences in word[0, end). */
function measure(word: string, end: number): number {
  let i = 0;
  while (i < end && isConsonant(word, i)) i++;
  let m = 0;
  while (i < end) {
    while (i < end && !isConsonant(word, i)) i++;
    if (i >= end) break;
    while (i < end && isConsonant(word, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(word: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(word, i)) return true;
  return false;
}

function endsDoubleConsonant(word: string, end: number): boolean {
  return end >= 2 && word[end - 1] === word[end - 2] && isConsonant(word, end - 1);
}

/** *o: the stem ends consonant–vowel–consonant, the last not w, x or y (hop, not hoy). */
function endsCvc(word: string, end: number): boolean {
  if (end < 3 || !isConsonant(word, end - 1) || isConsonant(word, end - 2) || !isConsonant(word, end - 3)) return false;
  const last = word[end - 1];
  return last !== 'w' && last !== 'x' && last !== 'y';
}

/** Replaces `suffix` by `replacement` when the stem before it has measure above `minMeasure`. */
function replaceSuffix(word: string, rules: readonly (readonly [string, string])[], minMeasure: number): string | undefined {
  for (const [suffix, replacement] of rules) {
    if (word.endsWith(suffix)) {
      const stemEnd = word.length - suffix.length;
      return measure(word, stemEnd) > minMeasure ? word.slice(0, stemEnd) + replacement : word;
    }
  }
  return undefined;
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
];

const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
];

const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
];

/** Tries suffixes longest first, so that -ement wins over -ment and -ent, and -ational over -tional. */
function longestFirst<T extends readonly [string, string] | string>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (typeof b === 'string' ? b : b[0]).length - (typeof a === 'string' ? a : a[0]).length);
}
const STEP2_SORTED = longestFirst(STEP2);
const STEP3_SORTED = longestFirst(STEP3);
const STEP4_SORTED = longestFirst(STEP4);

export function porterStem(input: string): string {
  if (input.length <= 2) return input;
  let word = input;

  // Step 1a: plurals.
  if (word.endsWith('sses')) word = word.slice(0, -2);
  else if (word.endsWith('ies')) word = word.slice(0, -2);
  else if (!word.endsWith('ss') && word.endsWith('s')) word = word.slice(0, -1);

  // Step 1b: -eed, -ed, -ing.
  if (word.endsWith('eed')) {
    if (measure(word, word.length - 3) > 0) word = word.slice(0, -1);
  } else {
    const suffix = word.endsWith('ed') ? 2 : word.endsWith('ing') ? 3 : 0;
    if (suffix > 0 && hasVowel(word, word.length - suffix)) {
      word = word.slice(0, -suffix);
      if (word.endsWith('at') || word.endsWith('bl') || word.endsWith('iz')) word += 'e';
      else if (endsDoubleConsonant(word, word.length) && !/[lsz]$/.test(word)) word = word.slice(0, -1);
      else if (measure(word, word.length) === 1 && endsCvc(word, word.length)) word += 'e';
    }
  }

  // Step 1c: y → i after a vowel somewhere in the stem.
  if (word.endsWith('y') && hasVowel(word, word.length - 1)) word = `${word.slice(0, -1)}i`;

  // Steps 2 and 3: double and single suffixes to simpler ones, when the stem has measure > 0.
  word = replaceSuffix(word, STEP2_SORTED, 0) ?? word;
  word = replaceSuffix(word, STEP3_SORTED, 0) ?? word;

  // Step 4: drop a suffix when the stem has measure > 1 (-ion only after s or t).
  for (const suffix of STEP4_SORTED) {
    if (!word.endsWith(suffix)) continue;
    const stemEnd = word.length - suffix.length;
    if (measure(word, stemEnd) > 1 && (suffix !== 'ion' || (stemEnd > 0 && (word[stemEnd - 1] === 's' || word[stemEnd - 1] === 't')))) {
      word = word.slice(0, stemEnd);
    }
    break;
  }

  // Step 5a: a final -e.
  if (word.endsWith('e')) {
    const m = measure(word, word.length - 1);
    if (m > 1 || (m === 1 && !endsCvc(word, word.length - 1))) word = word.slice(0, -1);
  }
  // Step 5b: -ll → -l when the measure is above 1.
  if (word.endsWith('ll') && measure(word, word.length) > 1) word = word.slice(0, -1);

  return word;
}
