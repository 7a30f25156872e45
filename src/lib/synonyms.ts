/**
 * Which concepts of the synonym vocabulary (content/vocabularies/synonyms.yaml) a piece of text mentions,
 * matched as the overlap engine matches them (src/lib/overlaps/tfidf.ts): the text's words, lowercase,
 * accents folded and stemmed, against each phrase's words as a whole sequence. So "brown bins" mentions
 * "garden waste", and "bin" does not match inside "cabinet".
 *
 * Search adds every phrase of the concepts a record mentions to what it can be found by, so a reader who
 * types "brown bin" finds "Garden waste subscriptions".
 */
import type { SynonymConcept } from '../../schemas/vocabulary.ts';
import { STOP_WORDS, stem, words } from './overlaps/tokenise.ts';

interface Phrase {
  stems: string[];
  concept: number;
}

/** Stems are cached: the same few thousand words make up most records. */
const stems = new Map<string, string>();
function stemOf(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

/** A phrase's words, stemmed: what is matched. Empty when it has no word the hub reads (numbers, single letters). */
export function phraseStems(phrase: string): string[] {
  return words(phrase).map(stemOf);
}

/** Whether a phrase is made only of common words ("the", "and", "online"), which nearly every record has. */
export function onlyCommonWords(phrase: string): boolean {
  return words(phrase).every((word) => STOP_WORDS.has(word));
}

export class SynonymMatcher {
  readonly concepts: readonly SynonymConcept[];
  /** Phrases by their first stem, so a text is read once whatever the size of the vocabulary. */
  readonly #byFirst = new Map<string, Phrase[]>();

  constructor(concepts: readonly SynonymConcept[]) {
    this.concepts = concepts;
    concepts.forEach((concept, index) => {
      for (const phrase of [concept.label, ...concept.phrases]) {
        if (onlyCommonWords(phrase)) continue;
        const phraseWords = phraseStems(phrase);
        const list = this.#byFirst.get(phraseWords[0]) ?? [];
        list.push({ stems: phraseWords, concept: index });
        this.#byFirst.set(phraseWords[0], list);
      }
    });
  }

  /** The concepts the texts mention, in the vocabulary's order. */
  conceptsIn(...texts: string[]): SynonymConcept[] {
    if (this.#byFirst.size === 0) return [];
    const found = new Set<number>();
    for (const text of texts) {
      const textStems = words(text).map(stemOf);
      for (let start = 0; start < textStems.length; start++) {
        const candidates = this.#byFirst.get(textStems[start]);
        if (!candidates) continue;
        for (const phrase of candidates) {
          if (found.has(phrase.concept) || start + phrase.stems.length > textStems.length) continue;
          if (phrase.stems.every((wanted, offset) => textStems[start + offset] === wanted)) found.add(phrase.concept);
        }
      }
    }
    return [...found].sort((a, b) => a - b).map((index) => this.concepts[index]);
  }
}
