/**
 * A kept pair's reasons in plain English, strongest first, and the pair as the public Overlap:
 * "Both on LGSL 530 Household garden waste; both running in 2026; both in beta; similar words: garden
 * waste (brown bin), renewals, direct debit."
 */
import { listInWords } from '../format.ts';
import { countShared, type Listed, type Prepared } from './prepare.ts';
import { recordEvidence, recordParts } from './records.ts';
import { scoreParts, statusRelation, type Evidence, type Parts, type StatusRelation } from './score.ts';
import { conceptPhraseOf, cosine } from './tfidf.ts';
import { monthText, timeRelation, type TimeRelation } from './time.ts';
import type { Overlap, OverlapLabels, OverlapReason, OverlapReasonKind, RoadmapStatus } from './types.ts';

/** Most shared words named in a reason. */
export const MAX_SHARED_WORDS = 5;
/** A shared word is named only if it carries at least this share of the two items' cosine. */
const MIN_WORD_SHARE = 0.03;
/** Most services named before "and N more". */
const MAX_NAMED = 3;

/** Everything that decides a pair's score, from the prepared items. */
export function evidenceOf(prepared: Prepared, i: number, j: number): Evidence {
  const span = (d: number) =>
    Number.isNaN(prepared.spanStart[d]) ? undefined : { start: prepared.spanStart[d], end: prepared.spanEnd[d] };
  return {
    sharedServices: countShared(prepared.services[i], prepared.services[j]),
    sharedThemes: countShared(prepared.themeIds[i], prepared.themeIds[j]),
    cosine: cosine(prepared.vectors, i, j),
    time: timeRelation(span(i), span(j)),
    // Roadmap items always have a status (the schema requires one); only components and datasets lack it.
    status: statusRelation(prepared.items[i].status!, prepared.items[j].status!),
  };
}

const PHASE_WORDS: Record<RoadmapStatus, string> = {
  idea: 'at the idea stage',
  discovery: 'in discovery',
  alpha: 'in alpha',
  beta: 'in beta',
  live: 'live',
  paused: 'paused',
  stopped: 'stopped',
  retired: 'retired',
};

function statusText(relation: StatusRelation, a: RoadmapStatus, b: RoadmapStatus): string | undefined {
  if (relation === 'same' || relation === 'same-ended') return `both ${PHASE_WORDS[a]}`;
  if (relation === 'neighbour') return `one ${PHASE_WORDS[a]}, the other ${PHASE_WORDS[b]}`;
  return undefined;
}

function timeText(time: TimeRelation, today: number, far: boolean): string | undefined {
  if (time.kind === 'overlap') {
    const sameYear = Math.floor(time.from / 12) === Math.floor(time.to / 12);
    const when = sameYear ? `in ${Math.floor(time.from / 12)}` : `from ${monthText(time.from)} to ${monthText(time.to)}`;
    if (time.to < today) return `both ran ${when}`;
    if (time.from > today) return `both planned ${sameYear ? 'for' : 'to run'} ${when.replace(/^in /, '')}`;
    return `both running ${when}`;
  }
  if (time.kind === 'gap') {
    const ends = time.firstEnd < today ? 'ended' : 'ends';
    const starts = time.secondStart < today ? 'started' : 'starts';
    const text = `one ${ends} in ${monthText(time.firstEnd)}, the other ${starts} in ${monthText(time.secondStart)}`;
    return far ? `far apart in time: ${text}` : text;
  }
  return undefined;
}

const KIND_ORDER: readonly OverlapReasonKind[] = [
  'repository',
  'service',
  'text',
  'theme',
  'standard',
  'format',
  'time',
  'status',
  'partners',
  'subtype',
];

/** The numbers items i and j share in one listed field, as their text. */
function sharedNames(list: Listed, i: number, j: number): string[] {
  const shared: string[] = [];
  let x = list.offsets[i];
  let y = list.offsets[j];
  while (x < list.offsets[i + 1] && y < list.offsets[j + 1]) {
    if (list.values[x] === list.values[y]) {
      shared.push(list.names[list.values[x]]);
      x++;
      y++;
    } else if (list.values[x] < list.values[y]) x++;
    else y++;
  }
  return shared;
}

/** A component's kind in a sentence: "code", "a design component", "an API". */
function withArticle(kind: string): string {
  const words = kind === 'api' ? 'API' : kind.replace(/-/g, ' ');
  if (words === 'code' || words === 'content') return words;
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

function sharedNumbers(a: Int32Array, b: Int32Array): number[] {
  const shared: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

/**
 * Describes the pairs of one prepared group: reasons, summary and shared lists. Labels of services
 * and themes are looked up once each; shared words are picked from the two vectors without sorting
 * them all.
 */
export class Describer {
  readonly #prepared: Prepared;
  readonly #labels: OverlapLabels;
  readonly #today: number;
  readonly #serviceNames = new Map<number, string>();
  /** One copy of each reason text that many pairs share ("both in beta", "both running in 2026"). */
  readonly #texts = new Map<string, string>();
  readonly #themeNames = new Map<string, string>();
  // Scratch lists of one pair's shared terms and their parts of the cosine.
  #sharedTerm = new Int32Array(64);
  #sharedPart = new Float64Array(64);
  // Marks by term, stamped per call instead of cleared: covered (said by a shared concept) and shown.
  readonly #covered: Int32Array;
  readonly #shown: Int32Array;
  #stamp = 0;

  constructor(prepared: Prepared, labels: OverlapLabels, today: number) {
    this.#prepared = prepared;
    this.#labels = labels;
    this.#today = today;
    this.#covered = new Int32Array(prepared.vectors.lexicon.terms);
    this.#shown = new Int32Array(prepared.vectors.lexicon.terms);
  }

  #intern(text: string): string {
    const known = this.#texts.get(text);
    if (known !== undefined) return known;
    this.#texts.set(text, text);
    return text;
  }

  #serviceName(id: number): string {
    let name = this.#serviceNames.get(id);
    if (name === undefined) {
      name = this.#labels.service(id);
      this.#serviceNames.set(id, name);
    }
    return name;
  }

  #themeName(id: string): string {
    let name = this.#themeNames.get(id);
    if (name === undefined) {
      name = `“${this.#labels.theme(id) ?? id}”`;
      this.#themeNames.set(id, name);
    }
    return name;
  }

  /**
   * The pair's shared words as people read them, strongest first (ties by term id): at most
   * MAX_SHARED_WORDS, each carrying at least MIN_WORD_SHARE of the cosine. A shared synonym concept is
   * shown with the other item's phrase, "garden waste (brown bin)", and the words it says are not
   * repeated ("garden", "waste").
   */
  sharedWords(i: number, j: number, cosineValue: number): string[] {
    const { vectors } = this.#prepared;
    const { offsets, terms, weights, lexicon, conceptOffsets } = vectors;
    // The shared terms, by merging the two sorted vectors.
    let count = 0;
    let x = offsets[i];
    let y = offsets[j];
    const minimum = MIN_WORD_SHARE * cosineValue;
    while (x < offsets[i + 1] && y < offsets[j + 1]) {
      if (terms[x] === terms[y]) {
        const part = weights[x] * weights[y];
        if (part > 0 && part >= minimum) {
          if (count === this.#sharedTerm.length) {
            const biggerTerm = new Int32Array(count * 2);
            biggerTerm.set(this.#sharedTerm);
            this.#sharedTerm = biggerTerm;
            const biggerPart = new Float64Array(count * 2);
            biggerPart.set(this.#sharedPart);
            this.#sharedPart = biggerPart;
          }
          this.#sharedTerm[count] = terms[x];
          this.#sharedPart[count] = part;
          count++;
        }
        x++;
        y++;
      } else if (terms[x] < terms[y]) x++;
      else y++;
    }
    if (count === 0) return [];
    const hasConcepts = conceptOffsets[i + 1] > conceptOffsets[i] || conceptOffsets[j + 1] > conceptOffsets[j];
    const stamp = ++this.#stamp;
    const covered = this.#covered;
    const shown = this.#shown;
    // Words that a shared concept already says are not repeated.
    if (hasConcepts) {
      for (let k = 0; k < count; k++) {
        const term = this.#sharedTerm[k];
        const label = lexicon.termConcept[term];
        if (label === undefined) continue;
        for (const phrase of [label, conceptPhraseOf(vectors, i, term), conceptPhraseOf(vectors, j, term)]) {
          if (phrase !== undefined) for (const term of lexicon.termsOfPhrase(phrase)) if (term !== undefined) covered[term] = stamp;
        }
      }
    }
    const result: string[] = [];
    // Strongest first: pick the largest remaining part each time (a few picks of a short list).
    for (let picks = 0; picks < count && result.length < MAX_SHARED_WORDS; picks++) {
      let best = -1;
      for (let k = 0; k < count; k++) {
        if (this.#sharedPart[k] < 0) continue;
        if (
          best === -1 ||
          this.#sharedPart[k] > this.#sharedPart[best] ||
          (this.#sharedPart[k] === this.#sharedPart[best] && this.#sharedTerm[k] < this.#sharedTerm[best])
        )
          best = k;
      }
      const term = this.#sharedTerm[best];
      this.#sharedPart[best] = -1;
      const label = lexicon.termConcept[term];
      let text: string;
      if (label !== undefined) {
        const phraseA = conceptPhraseOf(vectors, i, term) ?? label;
        const phraseB = conceptPhraseOf(vectors, j, term) ?? label;
        text = phraseA === phraseB ? phraseA : `${phraseA} (${phraseB})`;
        // A concept met by the same words on both sides, all already shown ("bin" after "missed bin"), adds nothing.
        const own = lexicon.termsOfPhrase(text);
        if (phraseA === phraseB && own.every((covering) => covering !== undefined && shown[covering] === stamp)) continue;
        for (const covering of own) if (covering !== undefined) shown[covering] = stamp;
      } else {
        if (covered[term] === stamp || shown[term] === stamp) continue;
        text = lexicon.display(term);
        shown[term] = stamp;
      }
      result.push(text);
    }
    return result;
  }

  /** The reasons every kind of pair shares: services, words and themes in common, each with its strength. */
  #contentReasons(
    sharedServices: readonly number[],
    sharedWords: readonly string[],
    sharedThemes: readonly string[],
    scored: { service: number; text: number; theme: number },
  ): { kind: OverlapReasonKind; text: string; strength: number }[] {
    const reasons: { kind: OverlapReasonKind; text: string; strength: number }[] = [];
    if (sharedServices.length > 0) {
      const named = sharedServices.slice(0, MAX_NAMED).map((id) => this.#serviceName(id));
      if (sharedServices.length > MAX_NAMED) named.push(`${sharedServices.length - MAX_NAMED} more`);
      reasons.push({ kind: 'service', text: this.#intern(`both on ${listInWords(named)}`), strength: scored.service });
    }
    if (scored.text > 0 && sharedWords.length > 0) {
      reasons.push({ kind: 'text', text: `similar words: ${sharedWords.join(', ')}`, strength: scored.text });
    }
    if (sharedThemes.length > 0) {
      const themes = listInWords(sharedThemes.map((id) => this.#themeName(id)));
      reasons.push({ kind: 'theme', text: this.#intern(`both tagged ${themes}`), strength: scored.theme });
    }
    return reasons;
  }

  /** The full Overlap of items i and j (i before j in id order). */
  describe(i: number, j: number, parts?: Parts): Overlap {
    if ((this.#prepared.items[i].kind ?? 'roadmap') !== 'roadmap') return this.#describeThing(i, j);
    const prepared = this.#prepared;
    const labels = this.#labels;
    const a = prepared.items[i];
    const b = prepared.items[j];
    const evidence = evidenceOf(prepared, i, j);
    const scored = parts ?? scoreParts(evidence);
    const sharedServices = sharedNumbers(prepared.services[i], prepared.services[j]);
    const sharedThemes = sharedNumbers(prepared.themeIds[i], prepared.themeIds[j]).map((index) => prepared.themeNames[index]);
    const sharedWords = this.sharedWords(i, j, evidence.cosine);

    const reasons: { kind: OverlapReasonKind; text: string; strength: number }[] = [];
    reasons.push(...this.#contentReasons(sharedServices, sharedWords, sharedThemes, scored));
    // Time and status multiply what the content gives: their strength is what they add to the score
    // (content × bonus × (1 − content)), so they follow the content reasons unless the content is strong
    // on its own; a penalty (far apart in time) comes last.
    const lift = scored.content * (1 - scored.content) * (1 - scored.timePenalty);
    const time = timeText(evidence.time, this.#today, scored.timePenalty > 0);
    if (time)
      reasons.push({
        kind: 'time',
        text: this.#intern(time),
        strength: scored.timePenalty > 0 ? -scored.timePenalty : scored.timeBonus * lift,
      });
    const status = statusText(evidence.status, a.status!, b.status!);
    if (status) reasons.push({ kind: 'status', text: this.#intern(status), strength: scored.statusBonus * lift });
    const aNamesB = a.partners?.includes(b.organisation) ?? false;
    const bNamesA = b.partners?.includes(a.organisation) ?? false;
    if (aNamesB || bNamesA) {
      const name = (id: string) => labels.organisation?.(id) ?? id;
      const text =
        aNamesB && bNamesA
          ? `already partners: ${name(a.organisation)} and ${name(b.organisation)} name each other`
          : aNamesB
            ? `already partners: ${name(a.organisation)} names ${name(b.organisation)} as a partner`
            : `already partners: ${name(b.organisation)} names ${name(a.organisation)} as a partner`;
      reasons.push({ kind: 'partners', text: this.#intern(text), strength: 0 });
    }
    const { list, summary } = inOrder(reasons);
    return {
      a: a.id,
      b: b.id,
      kind: 'roadmap',
      score: scored.score,
      reasons: list,
      summary,
      sharedServices,
      sharedThemes,
      sharedWords,
    };
  }
  /**
   * A pair of components or of datasets (records.ts): the same repository or address, or one naming the
   * other's (a fork), first; then services, words, themes, standards and formats; a different kind of
   * component last, as it lowers the score.
   */
  #describeThing(i: number, j: number): Overlap {
    const prepared = this.#prepared;
    const a = prepared.items[i];
    const b = prepared.items[j];
    const kind = a.kind ?? 'roadmap';
    const cosineValue = cosine(prepared.vectors, i, j);
    const evidence = recordEvidence(prepared, i, j, cosineValue);
    const scored = recordParts(evidence);
    const sharedServices = sharedNumbers(prepared.services[i], prepared.services[j]);
    const sharedThemes = sharedNumbers(prepared.themeIds[i], prepared.themeIds[j]).map((index) => prepared.themeNames[index]);
    const sharedWords = this.sharedWords(i, j, cosineValue);
    const what = kind === 'datasets' ? 'address' : 'repository';
    // Identity is said first whatever the words add: it is what a reviewer can check, and no wording fakes it.
    const reasons: { kind: OverlapReasonKind; text: string; strength: number }[] = [];
    if (evidence.sameAddress !== -1) {
      const address = prepared.addresses.names[evidence.sameAddress];
      reasons.push({ kind: 'repository', text: `the same ${what}: ${address}`, strength: 1 + scored.identity });
    } else if (scored.identity > 0) {
      const [namer, named] = evidence.namer === 0 ? [a, b] : [b, a];
      const address = prepared.addresses.names[evidence.named];
      const copy = kind === 'datasets' ? 'a copy or part of it' : 'a fork, a copy or built on it';
      reasons.push({
        kind: 'repository',
        text: `“${namer.title}” links to the ${what} of “${named.title}” (${address}): ${copy}`,
        strength: 1 + scored.identity,
      });
    }
    reasons.push(...this.#contentReasons(sharedServices, sharedWords, sharedThemes, scored));
    const standards = sharedNames(prepared.standards, i, j);
    if (standards.length > 0) {
      const named = standards.slice(0, MAX_NAMED);
      if (standards.length > MAX_NAMED) named.push(`${standards.length - MAX_NAMED} more`);
      reasons.push({ kind: 'standard', text: this.#intern(`both follow ${listInWords(named)}`), strength: scored.standard });
    }
    const formats = sharedNames(prepared.formats, i, j);
    if (formats.length > 0) {
      reasons.push({ kind: 'format', text: this.#intern(`both published as ${listInWords(formats)}`), strength: scored.format });
    }
    if (evidence.otherSubtype) {
      const [first, second] = [i, j].map((d) => withArticle(prepared.subtypeNames[prepared.subtype[d]]));
      reasons.push({ kind: 'subtype', text: this.#intern(`but one is ${first}, the other ${second}`), strength: -1 });
    }
    const { list, summary } = inOrder(reasons);
    return { a: a.id, b: b.id, kind, score: scored.score, reasons: list, summary, sharedServices, sharedThemes, sharedWords };
  }
}

/** The reasons strongest first (ties in KIND_ORDER), and the summary sentence. */
function inOrder(reasons: { kind: OverlapReasonKind; text: string; strength: number }[]): { list: OverlapReason[]; summary: string } {
  reasons.sort((x, y) => y.strength - x.strength || KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
  const list: OverlapReason[] = reasons.map(({ kind, text }) => ({ kind, text }));
  // Built by concatenation only, so that the summary shares the reasons' text instead of copying it.
  let summary = '';
  if (list.length > 0) {
    const first = list[0].text;
    summary = first.charAt(0).toUpperCase() + first.slice(1);
    for (let k = 1; k < list.length; k++) summary = summary + '; ' + list[k].text;
    summary += '.';
  }
  return { list, summary };
}

/** The full Overlap of prepared items i and j (i before j in id order). For many pairs, make one Describer and reuse it. */
export function describePair(prepared: Prepared, i: number, j: number, labels: OverlapLabels, today: number): Overlap {
  return new Describer(prepared, labels, today).describe(i, j);
}
