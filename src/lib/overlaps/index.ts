/**
 * The overlap engine: for every roadmap item, the items of other organisations working on the same
 * thing, and for every component or dataset, other organisations' that look like the same thing built
 * or published again; each with a score from 0 to 1 and plain-English reasons.
 *
 * How it works, in small modules:
 * - tokenise.ts, stem.ts: Markdown to words, stemmed (Porter); stop words marked.
 * - the synonym vocabulary (content/vocabularies/synonyms.yaml, given in the options): brown bin → garden waste.
 * - tfidf.ts: TF-IDF vectors of title, summary and body, each item's strongest 40 terms.
 * - candidates.ts: inverted indexes of services and distinctive terms find each item's few candidates,
 *   with capped walks, so the work grows linearly with the number of items (no all-pairs comparison).
 * - score.ts: the score (services strongest, text strong when high, themes weak; time and status as a
 *   multiplier), with the reasoning behind the weights.
 * - records.ts: the score of components and datasets (repository or address, a fork's link to its
 *   upstream, standards, formats, services, themes and text; no time or status); addresses.ts.
 * - reasons.ts: the reasons and the summary sentence.
 *
 * Items are split into their groups and kinds (never matched across either), sorted by id (so the output does not
 * depend on the input's order), and each group is worked on its own.
 */
import { gatherCandidates, hasCandidate } from './candidates.ts';
import { prepare, type Prepared } from './prepare.ts';
import { Describer } from './reasons.ts';
import { scoreRecordPair } from './records.ts';
import { DEFAULT_MIN_SCORE, scorePair } from './score.ts';
import { Lexicon } from './tfidf.ts';
import { currentMonth, monthNumber } from './time.ts';
import type { Overlap, OverlapItem, OverlapLabels, OverlapOptions, OverlapResult, OverlapStats } from './types.ts';

export type {
  Overlap,
  OverlapItem,
  OverlapKind,
  OverlapLabels,
  OverlapOptions,
  OverlapReason,
  OverlapReasonKind,
  OverlapResult,
  OverlapStats,
  RoadmapStatus,
} from './types.ts';
export type { SynonymConcept as Concept } from '../../../schemas/vocabulary.ts';
export { porterStem } from './stem.ts';
export { cleanToken, eachToken, foldText, STOP_WORDS, stem, stripMarkdown, tokenise, words } from './tokenise.ts';
export { buildVectors, CONCEPT_WEIGHT, conceptPhraseOf, cosine, Lexicon, type TextField, type Vectors } from './tfidf.ts';
export {
  gatherCandidates,
  GENERATING_TERMS,
  MAX_DF_SHARE,
  PER_ITEM,
  POSTINGS_WALK,
  SERVICE_WINDOW,
  type Candidates,
} from './candidates.ts';
export {
  DEFAULT_MIN_SCORE,
  gapParts,
  roundScore,
  scorePair,
  scoreParts,
  statusRelation,
  textEvidence,
  timeParts,
  WEIGHTS,
  type Evidence,
  type Parts,
} from './score.ts';
export { Describer, describePair, evidenceOf, MAX_SHARED_WORDS } from './reasons.ts';
export { monthNumber, monthText, spanOf, timeRelation, type TimeRelation } from './time.ts';
export { prepare, VECTOR_TERMS, FIELD_WEIGHTS, type Prepared } from './prepare.ts';
export { RECORD_WEIGHTS, recordEvidence, recordParts, scoreRecordPair, type RecordEvidence, type RecordParts } from './records.ts';
export { addressKey, addressKeys, addressesIn } from './addresses.ts';

export const DEFAULT_PER_ITEM = 5;

export function findOverlaps(items: readonly OverlapItem[], labels: OverlapLabels, options: OverlapOptions = {}): OverlapResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const perItem = Math.max(0, Math.floor(options.perItem ?? DEFAULT_PER_ITEM));
  const todayText = options.today ?? currentMonth();
  const today = monthNumber(todayText);
  if (today === undefined) throw new Error(`findOverlaps: today must be YYYY-MM, not ${JSON.stringify(todayText)}`);

  // Sorted by id once: each item's rank orders everything after by numbers, not strings, and makes the
  // output independent of the input's order.
  const sorted = [...items].sort((x, y) => compare(x.id, y.id));
  const groups = new Map<string, { items: OverlapItem[]; ranks: number[] }>();
  sorted.forEach((item, rank) => {
    if (rank > 0 && sorted[rank - 1].id === item.id) throw new Error(`findOverlaps: the id ${item.id} is given twice`);
    // Items without a group are a group of their own; \u0000 keeps it apart from any named group. Each
    // kind is apart too: a component is never a duplicate of a dataset or a roadmap item.
    const key = `${item.kind ?? 'roadmap'}${item.group === undefined ? '\u0000' : `=${item.group}`}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { items: [], ranks: [] }));
    group.items.push(item);
    group.ranks.push(rank);
  });

  const stems = new Map<string, string>();
  const stats: OverlapStats = {
    items: items.length,
    groups: groups.size,
    vocabulary: 0,
    postingsVisited: 0,
    candidatesCompared: 0,
    aboveMinScore: 0,
    pairs: 0,
    allPairs: 0,
  };
  const kept: Kept = { pairs: [], keys: [] };
  const byItem: OverlapResult['byItem'] = new Map();
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    stats.allPairs += (group.items.length * (group.items.length - 1)) / 2;
    if (group.items.length < 2 || perItem === 0) continue;
    const lexicon = new Lexicon(options.synonyms ?? [], stems);
    const prepared = prepare(group.items, today, lexicon);
    stats.vocabulary += lexicon.terms;
    findInGroup(
      prepared,
      group.ranks,
      items.length,
      labels,
      { minScore, perItem, today, includeSameOrganisation: options.includeSameOrganisation ?? false },
      stats,
      kept,
      byItem,
    );
  }
  // Strongest first, then by a, then by b: one number per pair says all three.
  const order = Array.from(kept.pairs.keys()).sort((x, y) => kept.keys[x] - kept.keys[y]);
  const pairs = order.map((index) => kept.pairs[index]);
  stats.pairs = pairs.length;
  return { pairs, byItem, stats };
}

/** The kept pairs, each with its sort key: (100 − score × 100) × n² + rank of a × n + rank of b. */
interface Kept {
  pairs: Overlap[];
  keys: number[];
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

interface GroupOptions {
  minScore: number;
  perItem: number;
  today: number;
  includeSameOrganisation: boolean;
}

function findInGroup(
  prepared: Prepared,
  ranks: readonly number[],
  total: number,
  labels: OverlapLabels,
  options: GroupOptions,
  stats: OverlapStats,
  kept: Kept,
  byItem: OverlapResult['byItem'],
): void {
  const n = prepared.items.length;
  const { perItem, minScore } = options;
  const candidates = gatherCandidates(prepared, options.includeSameOrganisation);
  // Every item of a group is of one kind: components and datasets are scored as things, not as work.
  const things = (prepared.items[0].kind ?? 'roadmap') !== 'roadmap';
  stats.postingsVisited += candidates.postingsVisited;

  // Each item's best perItem pairs: score (rounded) descending, then the other item's id (index) ascending.
  const topScore = new Float64Array(n * perItem);
  const topOther = new Int32Array(n * perItem);
  const topCount = new Int32Array(n);
  const offer = (i: number, j: number, score: number) => {
    const base = i * perItem;
    let count = topCount[i];
    if (count === perItem) {
      const last = base + count - 1;
      if (score < topScore[last] || (score === topScore[last] && j > topOther[last])) return;
      count--;
    }
    let at = base + count;
    while (at > base && (topScore[at - 1] < score || (topScore[at - 1] === score && topOther[at - 1] > j))) {
      topScore[at] = topScore[at - 1];
      topOther[at] = topOther[at - 1];
      at--;
    }
    topScore[at] = score;
    topOther[at] = j;
    topCount[i] = count + 1;
  };

  // Cosines by spreading item i's vector over a dense array once, then summing each candidate's terms
  // against it: no merging of sorted lists, no branches.
  const { offsets: vOffsets, terms: vTerms, weights: vWeights } = prepared.vectors;
  const dense = new Float32Array(prepared.vectors.df.length);
  for (let i = 0; i < n; i++) {
    for (let k = vOffsets[i]; k < vOffsets[i + 1]; k++) dense[vTerms[k]] = vWeights[k];
    for (let k = candidates.offsets[i]; k < candidates.offsets[i + 1]; k++) {
      const j = candidates.others[k];
      // A pair found from both sides is scored once, when its first item is reached.
      if (j < i && hasCandidate(candidates, j, i)) continue;
      stats.candidatesCompared++;
      let dot = 0;
      for (let t = vOffsets[j]; t < vOffsets[j + 1]; t++) dot += dense[vTerms[t]] * vWeights[t];
      const score = things ? scoreRecordPair(prepared, i, j, dot) : scorePair(prepared, i, j, dot);
      if (score < minScore || score <= 0) continue;
      stats.aboveMinScore++;
      offer(i, j, score);
      offer(j, i, score);
    }
    for (let k = vOffsets[i]; k < vOffsets[i + 1]; k++) dense[vTerms[k]] = 0;
  }

  // The kept pairs: in either item's top. Each described once.
  const describer = new Describer(prepared, labels, options.today);
  const described = new Map<number, Overlap>();
  const pairOf = (i: number, j: number): Overlap => {
    const low = Math.min(i, j);
    const high = Math.max(i, j);
    const key = low * n + high;
    let overlap = described.get(key);
    if (!overlap) {
      overlap = describer.describe(low, high);
      described.set(key, overlap);
      kept.pairs.push(overlap);
      kept.keys.push((100 - Math.round(overlap.score * 100)) * total * total + ranks[low] * total + ranks[high]);
    }
    return overlap;
  };
  for (let i = 0; i < n; i++) {
    const count = topCount[i];
    if (count === 0) continue;
    const list: { other: string; overlap: Overlap }[] = [];
    for (let r = 0; r < count; r++) {
      const j = topOther[i * perItem + r];
      list.push({ other: prepared.items[j].id, overlap: pairOf(i, j) });
    }
    byItem.set(prepared.items[i].id, list);
  }
}
