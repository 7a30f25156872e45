/**
 * TF-IDF vectors for a set of documents. Each document is a few fields of text (title, summary, body)
 * with weights; its words are stemmed and counted (stop words count for nothing), concepts from the
 * synonym vocabulary are added, and each term is weighted
 *
 *   (1 + ln tf) × ln(1 + N / df)
 *
 * (sublinear term frequency; an idf that stays above zero even for a term in every document, so that two
 * documents out of two that share all their words still come out alike). Only each document's strongest
 * `keep` terms are kept, and the vector is scaled to length 1, so the cosine of two documents is the
 * dot product of two short sorted lists.
 */
import type { SynonymConcept as Concept } from '../../../schemas/vocabulary.ts';
import { cleanToken, foldText, forEachTokenSpan, fromUtf8, STOP_WORDS, stem as stemWord, stripMarkdown, utf8, words } from './tokenise.ts';

/**
 * A synonym phrase counts this many times a word: meeting the same concept in different words ("brown
 * bin", "garden waste") is stronger evidence of the same work than any one shared word, and without
 * the boost the concept is drowned by the words around it in short texts.
 */
export const CONCEPT_WEIGHT = 2;

export interface TextField {
  text: string;
  /** How much each word counts: e.g. 3 for a title, 2 for a summary, 1 for a body. */
  weight: number;
  /** Markdown to strip first. */
  markdown?: boolean;
}

interface Phrase {
  terms: number[];
  concept: number;
  text: string;
}

/** Words, their stems (terms) and the synonym concepts, shared by all the documents of one corpus. */
export class Lexicon {
  readonly #wordIds = new Map<string, number>();
  /** Raw tokens seen, by hash (open addressing), so a token already seen costs no string: see scan(). */
  #tokenSlots = new Int32Array(1 << 12).fill(-1);
  /** Each token's UTF-8 bytes: #tokenBytes[#tokenStart[e] .. #tokenStart[e] + #tokenLength[e]). */
  #tokenBytes = new Uint8Array(1 << 14);
  #tokenBytesUsed = 0;
  readonly #tokenStart: number[] = [];
  readonly #tokenLength: number[] = [];
  readonly #tokenHash: number[] = [];
  /** The token's word id, or −1 for a token that is no word (a number, a single letter). */
  readonly #tokenWord: number[] = [];
  readonly #termIds = new Map<string, number>();
  readonly #stems: Map<string, string>;
  readonly wordText: string[] = [];
  readonly wordTerm: number[] = [];
  readonly wordStop: boolean[] = [];
  readonly wordCount: number[] = [];
  /** A term's text: a stem, or '=label' for a concept. */
  readonly termText: string[] = [];
  /** A concept's label, for concept terms. */
  readonly termConcept: (string | undefined)[] = [];
  /** Phrases by the term they start with. */
  readonly phrases = new Map<number, Phrase[]>();
  /** 1 for a term that starts a phrase (all phrase terms are made first, so this is short). */
  readonly startsPhrase: Uint8Array;
  #display: string[] | undefined;
  readonly #phraseTerms = new Map<string, (number | undefined)[]>();

  constructor(concepts: readonly Concept[] = [], stems = new Map<string, string>()) {
    this.#stems = stems;
    for (const concept of concepts) {
      const conceptTerm = this.#term(`=${concept.label}`, concept.label);
      for (const phrase of [concept.label, ...concept.phrases]) {
        const terms = words(phrase).map((word) => this.wordTerm[this.wordId(word, false)]);
        if (terms.length === 0) continue;
        const list = this.phrases.get(terms[0]) ?? [];
        if (!list.some((known) => known.concept === conceptTerm && known.terms.join() === terms.join()))
          list.push({ terms, concept: conceptTerm, text: phrase });
        this.phrases.set(terms[0], list);
      }
    }
    this.startsPhrase = new Uint8Array(this.termText.length);
    for (const term of this.phrases.keys()) this.startsPhrase[term] = 1;
  }

  get terms(): number {
    return this.termText.length;
  }

  #term(text: string, concept?: string): number {
    let id = this.#termIds.get(text);
    if (id === undefined) {
      id = this.termText.length;
      this.#termIds.set(text, id);
      this.termText.push(text);
      this.termConcept.push(concept);
      this.#display = undefined;
    }
    return id;
  }

  /** The id of a (folded, lowercase) word, made on first sight; `count` adds one to its count. */
  wordId(word: string, count = true): number {
    let id = this.#wordIds.get(word);
    if (id === undefined) {
      id = this.wordText.length;
      this.#wordIds.set(word, id);
      let stemmed = this.#stems.get(word);
      if (stemmed === undefined) {
        stemmed = stemWord(word);
        this.#stems.set(word, stemmed);
      }
      this.wordText.push(word);
      this.wordTerm.push(this.#term(stemmed));
      this.wordStop.push(STOP_WORDS.has(word));
      this.wordCount.push(0);
      this.#display = undefined;
    }
    if (count) this.wordCount[id]++;
    return id;
  }

  /** The word ids of `text`'s words, counting each, in a buffer shared by all calls: ids[0 .. count). */
  scan(text: string): { ids: Int32Array; count: number } {
    const { bytes, length } = utf8(foldText(text));
    if (this.#scanned.length < length) this.#scanned = new Int32Array(length);
    const ids = this.#scanned;
    let count = 0;
    forEachTokenSpan(bytes, length, (start, end, hash) => {
      const id = this.#tokenWord[this.#token(bytes, start, end, hash)];
      if (id !== -1) {
        this.wordCount[id]++;
        ids[count++] = id;
      }
    });
    return { ids, count };
  }
  #scanned = new Int32Array(4096);

  /** The token bytes[start, end) with this hash: found by comparing bytes, or added. */
  #token(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const length = end - start;
    let mask = this.#tokenSlots.length - 1;
    let slot = hash & mask;
    const pool = this.#tokenBytes;
    for (;;) {
      const entry = this.#tokenSlots[slot];
      if (entry === -1) break;
      if (this.#tokenHash[entry] === hash && this.#tokenLength[entry] === length) {
        const from = this.#tokenStart[entry];
        let k = 0;
        while (k < length && pool[from + k] === bytes[start + k]) k++;
        if (k === length) return entry;
      }
      slot = (slot + 1) & mask;
    }
    if (this.#tokenBytesUsed + length > pool.length) {
      const bigger = new Uint8Array(Math.max(pool.length * 2, this.#tokenBytesUsed + length));
      bigger.set(pool);
      this.#tokenBytes = bigger;
    }
    this.#tokenBytes.set(bytes.subarray(start, end), this.#tokenBytesUsed);
    const entry = this.#tokenStart.length;
    this.#tokenStart.push(this.#tokenBytesUsed);
    this.#tokenLength.push(length);
    this.#tokenHash.push(hash);
    this.#tokenBytesUsed += length;
    const word = cleanToken(fromUtf8(bytes, start, end));
    this.#tokenWord.push(word === undefined ? -1 : this.wordId(word, false));
    if (this.#tokenStart.length * 2 > this.#tokenSlots.length) {
      // Keep the table at most half full: double it and place every entry again.
      this.#tokenSlots = new Int32Array(this.#tokenSlots.length * 2).fill(-1);
      mask = this.#tokenSlots.length - 1;
      for (let e = 0; e < this.#tokenStart.length; e++) {
        let at = this.#tokenHash[e] & mask;
        while (this.#tokenSlots[at] !== -1) at = (at + 1) & mask;
        this.#tokenSlots[at] = e;
      }
    } else {
      this.#tokenSlots[slot] = entry;
    }
    return entry;
  }

  /** The terms of a short piece of text such as a phrase (undefined for words never seen), remembered. */
  termsOfPhrase(text: string): readonly (number | undefined)[] {
    let terms = this.#phraseTerms.get(text);
    if (!terms) {
      terms = words(text).map((word) => this.termOfWord(word));
      this.#phraseTerms.set(text, terms);
    }
    return terms;
  }

  /** The term of a word already seen, or undefined. */
  termOfWord(word: string): number | undefined {
    const id = this.#wordIds.get(word);
    return id === undefined ? undefined : this.wordTerm[id];
  }

  /**
   * A term as people read it: a concept's label, or the commonest word with that stem ("renewals" → "renewals" or "renewal",
   * whichever is used more).
   */
  display(term: number): string {
    if (!this.#display) {
      const display: string[] = this.termText.map((text, id) => this.termConcept[id] ?? text);
      const best: number[] = new Array(this.termText.length).fill(-1);
      for (let word = 0; word < this.wordText.length; word++) {
        if (this.wordStop[word] || this.wordCount[word] === 0) continue;
        const term = this.wordTerm[word];
        const current = best[term];
        if (
          current === -1 ||
          this.wordCount[word] > this.wordCount[current] ||
          (this.wordCount[word] === this.wordCount[current] &&
            (this.wordText[word].length < this.wordText[current].length ||
              (this.wordText[word].length === this.wordText[current].length && this.wordText[word] < this.wordText[current])))
        ) {
          best[term] = word;
        }
      }
      best.forEach((word, term) => {
        if (word !== -1 && this.termConcept[term] === undefined) display[term] = this.wordText[word];
      });
      this.#display = display;
    }
    return this.#display[term] ?? this.termText[term];
  }
}

export interface Vectors {
  /** Document d's terms are terms[offsets[d] .. offsets[d + 1]), sorted by term id, with weights (length 1 in all). */
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
  /** In how many documents each term occurs. */
  df: Int32Array;
  lexicon: Lexicon;
  /**
   * The synonym phrases documents matched: document d's concepts are conceptTerms[conceptOffsets[d] ..
   * conceptOffsets[d + 1]), each with the phrase that matched in conceptTexts (the label when it did).
   * See conceptPhraseOf.
   */
  conceptOffsets: Int32Array;
  conceptTerms: Int32Array;
  conceptTexts: string[];
}

/** Builds the vectors of `documents` (each a list of fields), keeping each document's `keep` strongest terms. */
export function buildVectors(documents: Iterable<readonly TextField[]>, keep: number, lexicon = new Lexicon()): Vectors {
  // Pass 1: count terms per document (flat lists), and document frequencies.
  const docStarts: number[] = [0];
  let docTerms: Int32Array = new Int32Array(1 << 16);
  let docTf: Float64Array = new Float64Array(1 << 16);
  let docTermCount = 0;
  const conceptStarts: number[] = [0];
  const conceptTerms: number[] = [];
  const conceptTexts: string[] = [];
  let tf: Float64Array = new Float64Array(1024);
  let dfCounts: Int32Array = new Int32Array(1024);
  let touched: Int32Array = new Int32Array(1024);
  let touchedCount = 0;
  let sequence = new Int32Array(1024);
  const { wordTerm, wordStop, startsPhrase } = lexicon;
  const phraseTerms = startsPhrase.length;
  let doc = 0;
  for (const fields of documents) {
    for (const field of fields) {
      if (!field.text) continue;
      const { ids, count: length } = lexicon.scan(field.markdown ? stripMarkdown(field.text) : field.text);
      if (sequence.length < length) sequence = new Int32Array(length * 2);
      // Room for every term there is (a document touches each at most once), so the loops need no checks.
      if (tf.length < lexicon.terms) tf = grow(tf, lexicon.terms);
      if (touched.length < lexicon.terms) touched = growInt(touched, lexicon.terms);
      const weight = field.weight;
      let phraseStarts = 0;
      for (let k = 0; k < length; k++) {
        const word = ids[k];
        const term = wordTerm[word];
        sequence[k] = term;
        if (term < phraseTerms && startsPhrase[term] === 1) phraseStarts++;
        if (wordStop[word]) continue;
        if (tf[term] === 0) touched[touchedCount++] = term;
        tf[term] += weight;
      }
      // Synonym phrases: each match adds its concept as a term.
      for (let k = 0; phraseStarts > 0 && k < length; k++) {
        const first = sequence[k];
        if (first >= phraseTerms || startsPhrase[first] === 0) continue;
        phraseStarts--;
        for (const phrase of lexicon.phrases.get(first)!) {
          if (!matchesAt(sequence, length, k, phrase.terms)) continue;
          const term = phrase.concept;
          if (tf[term] === 0) touched[touchedCount++] = term;
          tf[term] += weight * CONCEPT_WEIGHT;
          // Remember the phrase that matched (the label, if it ever does).
          let known = conceptStarts[doc];
          while (known < conceptTerms.length && conceptTerms[known] !== term) known++;
          if (known === conceptTerms.length) {
            conceptTerms.push(term);
            conceptTexts.push(phrase.text);
          } else if (phrase.text === lexicon.termConcept[term]) {
            conceptTexts[known] = phrase.text;
          }
        }
      }
    }
    const sorted = touched.subarray(0, touchedCount).sort();
    if (docTermCount + touchedCount > docTerms.length) {
      docTerms = growInt(docTerms, docTermCount + touchedCount);
      docTf = grow(docTf, docTermCount + touchedCount);
    }
    for (let k = 0; k < touchedCount; k++) {
      const term = sorted[k];
      docTerms[docTermCount] = term;
      docTf[docTermCount++] = tf[term];
      if (term >= dfCounts.length) dfCounts = growInt(dfCounts, term);
      dfCounts[term]++;
      tf[term] = 0;
    }
    touchedCount = 0;
    docStarts.push(docTermCount);
    conceptStarts.push(conceptTerms.length);
    doc++;
  }

  const n = doc;
  const df = new Int32Array(lexicon.terms);
  df.set(dfCounts.subarray(0, Math.min(dfCounts.length, df.length)));
  const idf = new Float64Array(lexicon.terms);
  for (let term = 0; term < idf.length; term++) idf[term] = df[term] > 0 ? Math.log(1 + n / df[term]) : 0;

  // Pass 2: weights, the strongest `keep` terms, length 1, sorted by term id.
  const offsets = new Int32Array(n + 1);
  const terms = new Int32Array(Math.min(docTermCount, n * keep));
  const weights = new Float32Array(terms.length);
  let written = 0;
  const kept: number[] = [];
  let longest = 1;
  for (let d = 0; d < n; d++) longest = Math.max(longest, docStarts[d + 1] - docStarts[d]);
  const weightOf = new Float64Array(longest);
  const scratch = new Float64Array(longest);
  for (let d = 0; d < n; d++) {
    const start = docStarts[d];
    const count = docStarts[d + 1] - start;
    for (let k = 0; k < count; k++) weightOf[k] = (1 + Math.log(docTf[start + k])) * idf[docTerms[start + k]];
    // The strongest `keep` terms (ties: the lower term id, i.e. the earlier k, as docTerms is sorted):
    // find the keep-th largest weight with a native numeric sort, then take terms above it, and at it
    // in order until `keep` are taken.
    kept.length = 0;
    if (count <= keep) {
      for (let k = 0; k < count; k++) kept.push(k);
    } else {
      const sorted = scratch.subarray(0, count);
      sorted.set(weightOf.subarray(0, count));
      sorted.sort();
      const threshold = sorted[count - keep];
      let above = 0;
      for (let k = 0; k < count; k++) if (weightOf[k] > threshold) above++;
      let atThreshold = keep - above;
      for (let k = 0; k < count; k++) {
        if (weightOf[k] > threshold) kept.push(k);
        else if (weightOf[k] === threshold && atThreshold > 0) {
          kept.push(k);
          atThreshold--;
        }
      }
    }
    let norm = 0;
    for (const k of kept) norm += weightOf[k] * weightOf[k];
    norm = Math.sqrt(norm) || 1;
    offsets[d] = written;
    for (const k of kept) {
      terms[written] = docTerms[start + k];
      weights[written] = weightOf[k] / norm;
      written++;
    }
  }
  offsets[n] = written;
  return {
    offsets,
    terms: terms.subarray(0, written),
    weights: weights.subarray(0, written),
    df,
    lexicon,
    conceptOffsets: Int32Array.from(conceptStarts),
    conceptTerms: Int32Array.from(conceptTerms),
    conceptTexts,
  };
}

function grow(array: Float64Array, index: number): Float64Array {
  const bigger = new Float64Array(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}

function growInt(array: Int32Array, index: number): Int32Array {
  const bigger = new Int32Array(Math.max(array.length * 2, index + 1));
  bigger.set(array);
  return bigger;
}

function matchesAt(sequence: Int32Array, length: number, at: number, terms: readonly number[]): boolean {
  if (at + terms.length > length) return false;
  for (let k = 1; k < terms.length; k++) if (sequence[at + k] !== terms[k]) return false;
  return true;
}

/** The phrase by which document `doc` met a concept term, or undefined when it did not. */
export function conceptPhraseOf(vectors: Vectors, doc: number, term: number): string | undefined {
  for (let k = vectors.conceptOffsets[doc]; k < vectors.conceptOffsets[doc + 1]; k++)
    if (vectors.conceptTerms[k] === term) return vectors.conceptTexts[k];
  return undefined;
}

/** The cosine of documents a and b (their vectors have length 1): the dot product over shared terms. */
export function cosine(vectors: Vectors, a: number, b: number): number {
  const { offsets, terms, weights } = vectors;
  let i = offsets[a];
  const iEnd = offsets[a + 1];
  let j = offsets[b];
  const jEnd = offsets[b + 1];
  let dot = 0;
  while (i < iEnd && j < jEnd) {
    const ti = terms[i];
    const tj = terms[j];
    if (ti === tj) {
      dot += weights[i++] * weights[j++];
    } else if (ti < tj) i++;
    else j++;
  }
  return dot;
}
