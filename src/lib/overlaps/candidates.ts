/**
 * Candidate generation: for each item, a short list of other items worth scoring, found through inverted
 * indexes and never by comparing all pairs. Two indexes bring items together:
 * - text: each item's strongest GENERATING_TERMS terms (tfidf.ts), leaving out terms in more than
 *   MAX_DF_SHARE of the items (too common to tell work apart) and terms in only one. Each term's list of
 *   items is ordered by the term's weight in them, and only its first POSTINGS_WALK items are visited,
 *   so a term shared by a thousand items costs no more than one shared by 64.
 * - services: each LGSL service's items, ordered by start month; an item visits the SERVICE_WINDOW
 *   items nearest it in time, so a service on thousands of items still costs a bounded amount.
 * - addresses (components and datasets, records.ts): the items that own an address an item owns or
 *   names in its text (a repository, a "forked from" link). Each address's first SERVICE_WINDOW owners.
 * Themes, standards and formats never bring items together (a few broad ones would pair everything);
 * they only add to a score.
 *
 * Each visit adds to a running preliminary score (shared services count most, as in score.ts, then the
 * product of the term's weights), and the PER_ITEM best are kept. The work is then at most
 * items × (GENERATING_TERMS × POSTINGS_WALK + services × SERVICE_WINDOW) visits and items × PER_ITEM
 * full comparisons: linear in the number of items.
 *
 * The limits were chosen on 25,000 synthetic items (scripts/lib/synthetic-roadmap.ts, where ~570
 * items share each topic, a harder case than real roadmaps): against comparing every pair, each item's
 * best match found is within 0.03 of the true best for 99.5% of items, and the five kept score 99.4%
 * of the true five's total; doubling the limits gains almost nothing and costs a second.
 */
import type { Prepared } from './prepare.ts';

export const GENERATING_TERMS = 10;
export const MAX_DF_SHARE = 0.05;
/** In small collections, every term in up to this many items may generate (5% of 100 items would be 5). */
export const MIN_MAX_DF = 50;
export const POSTINGS_WALK = 64;
export const SERVICE_WINDOW = 100;
export const PER_ITEM = 30;
/** The preliminary score: a shared service adds SERVICE_VISIT; a shared term adds TEXT_VISIT × its weight in both. */
const SERVICE_VISIT = 0.6;
const TEXT_VISIT = 1.6;
/** A shared or named address is near proof of the same thing: it outranks any text or service. */
const ADDRESS_VISIT = 4;

export interface Candidates {
  /** Item i's candidates are others[offsets[i] .. offsets[i + 1]), sorted ascending. */
  offsets: Int32Array;
  others: Int32Array;
  postingsVisited: number;
}

export function gatherCandidates(prepared: Prepared, includeSameOrganisation: boolean, perItem = PER_ITEM): Candidates {
  const n = prepared.items.length;
  const { vectors, organisation } = prepared;
  const { offsets: vOffsets, terms: vTerms, weights: vWeights, df } = vectors;
  const maxDf = Math.max(MIN_MAX_DF, Math.ceil(MAX_DF_SHARE * n));

  // Each item's generating terms (strongest first), and the postings lists of those terms.
  const genOffsets = new Int32Array(n + 1);
  const genTerms: number[] = [];
  const genWeights: number[] = [];
  const postingCounts = new Int32Array(df.length);
  const order: number[] = [];
  for (let d = 0; d < n; d++) {
    order.length = 0;
    for (let k = vOffsets[d]; k < vOffsets[d + 1]; k++) {
      const term = vTerms[k];
      if (df[term] >= 2 && df[term] <= maxDf) order.push(k);
    }
    order.sort((x, y) => vWeights[y] - vWeights[x] || vTerms[x] - vTerms[y]);
    genOffsets[d] = genTerms.length;
    for (let r = 0; r < order.length && r < GENERATING_TERMS; r++) {
      genTerms.push(vTerms[order[r]]);
      genWeights.push(vWeights[order[r]]);
      postingCounts[vTerms[order[r]]]++;
    }
  }
  genOffsets[n] = genTerms.length;
  const postingOffsets = new Int32Array(df.length + 1);
  for (let t = 0; t < df.length; t++) postingOffsets[t + 1] = postingOffsets[t] + postingCounts[t];
  const postingDocs = new Int32Array(genTerms.length);
  const postingWeights = new Float32Array(genTerms.length);
  const fill = postingOffsets.slice(0, df.length);
  for (let d = 0; d < n; d++) {
    for (let k = genOffsets[d]; k < genOffsets[d + 1]; k++) {
      const at = fill[genTerms[k]]++;
      postingDocs[at] = d;
      postingWeights[at] = genWeights[k];
    }
  }
  // Order each list by weight, strongest first (ties by item), so the walk visits the items the term matters most to.
  const entries: number[] = [];
  for (let t = 0; t < df.length; t++) {
    const start = postingOffsets[t];
    const end = postingOffsets[t + 1];
    if (end - start < 2) continue;
    entries.length = 0;
    for (let k = start; k < end; k++) entries.push(k);
    entries.sort((x, y) => postingWeights[y] - postingWeights[x] || postingDocs[x] - postingDocs[y]);
    const docs = entries.map((k) => postingDocs[k]);
    const weights = entries.map((k) => postingWeights[k]);
    postingDocs.set(docs, start);
    postingWeights.set(weights, start);
  }

  // Each service's items ordered by start (items without dates last), and each item's place in them.
  const buckets = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    for (const service of prepared.services[d]) {
      let bucket = buckets.get(service);
      if (!bucket) buckets.set(service, (bucket = []));
      bucket.push(d);
    }
  }
  const startKey = (d: number) => (Number.isNaN(prepared.spanStart[d]) ? Infinity : prepared.spanStart[d]);
  const places = new Map<number, Map<number, number>>();
  const sortedBuckets = new Map<number, Int32Array>();
  for (const [service, bucket] of buckets) {
    if (bucket.length < 2) continue;
    bucket.sort((x, y) => startKey(x) - startKey(y) || x - y);
    sortedBuckets.set(service, Int32Array.from(bucket));
    if (bucket.length > SERVICE_WINDOW + 1) {
      const place = new Map<number, number>();
      bucket.forEach((d, index) => place.set(d, index));
      places.set(service, place);
    }
  }

  // Each own address's items (components and datasets only: roadmap items have none).
  const owners = new Map<number, number[]>();
  const { addresses, links } = prepared;
  for (let d = 0; d < n; d++) {
    for (let k = addresses.offsets[d]; k < addresses.offsets[d + 1]; k++) {
      const list = owners.get(addresses.values[k]);
      if (list) list.push(d);
      else owners.set(addresses.values[k], [d]);
    }
  }

  // Walk the indexes for each item, keeping its best candidates.
  const acc = new Float64Array(n);
  // Each item is touched at most once per item walked (acc[j] is 0 until then), so n places suffice.
  const touched = new Int32Array(n);
  let touchedCount = 0;
  const heapScore = new Float64Array(perItem);
  const heapDoc = new Int32Array(perItem);
  const outOffsets = new Int32Array(n + 1);
  const out: number[] = [];
  let postingsVisited = 0;
  for (let i = 0; i < n; i++) {
    const own = organisation[i];
    for (let k = genOffsets[i]; k < genOffsets[i + 1]; k++) {
      const term = genTerms[k];
      const weight = genWeights[k] * TEXT_VISIT;
      const start = postingOffsets[term];
      const end = Math.min(postingOffsets[term + 1], start + POSTINGS_WALK);
      postingsVisited += end - start;
      for (let p = start; p < end; p++) {
        const j = postingDocs[p];
        // Itself and its own organisation's items are dropped below, once each rather than at every visit.
        if (acc[j] === 0) touched[touchedCount++] = j;
        acc[j] += weight * postingWeights[p];
      }
    }
    for (let s = prepared.serviceOffsets[i]; s < prepared.serviceOffsets[i + 1]; s++) {
      const service = prepared.serviceValues[s];
      const bucket = sortedBuckets.get(service);
      if (!bucket) continue;
      let from = 0;
      let to = bucket.length;
      if (bucket.length > SERVICE_WINDOW + 1) {
        const at = places.get(service)!.get(i)!;
        from = Math.max(0, Math.min(at - SERVICE_WINDOW / 2, bucket.length - SERVICE_WINDOW - 1));
        to = from + SERVICE_WINDOW + 1;
      }
      postingsVisited += to - from;
      for (let p = from; p < to; p++) {
        const j = bucket[p];
        if (acc[j] === 0) touched[touchedCount++] = j;
        acc[j] += SERVICE_VISIT;
      }
    }
    if (owners.size > 0) {
      for (const list of [addresses, links]) {
        for (let k = list.offsets[i]; k < list.offsets[i + 1]; k++) {
          const owning = owners.get(list.values[k]);
          if (!owning) continue;
          const to = Math.min(owning.length, SERVICE_WINDOW + 1);
          postingsVisited += to;
          for (let p = 0; p < to; p++) {
            const j = owning[p];
            if (acc[j] === 0) touched[touchedCount++] = j;
            acc[j] += ADDRESS_VISIT;
          }
        }
      }
    }

    // The best perItem of the touched, by preliminary score (ties: the earlier item), in a min-heap.
    let size = 0;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t];
      const score = acc[j];
      acc[j] = 0;
      if (j === i || (!includeSameOrganisation && organisation[j] === own)) continue;
      if (size < perItem) {
        heapScore[size] = score;
        heapDoc[size] = j;
        siftUp(heapScore, heapDoc, size++);
      } else if (better(score, j, heapScore[0], heapDoc[0])) {
        heapScore[0] = score;
        heapDoc[0] = j;
        siftDown(heapScore, heapDoc, size);
      }
    }
    touchedCount = 0;
    outOffsets[i] = out.length;
    const kept = heapDoc.slice(0, size).sort();
    for (let k = 0; k < size; k++) out.push(kept[k]);
  }
  outOffsets[n] = out.length;
  return { offsets: outOffsets, others: Int32Array.from(out), postingsVisited };
}

/** Whether (score a, item a) ranks above (score b, item b): higher score, then the earlier item. */
function better(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && docA < docB);
}

/** A min-heap on rank: the root is the worst kept candidate. */
function siftUp(score: Float64Array, doc: Int32Array, at: number): void {
  while (at > 0) {
    const parent = (at - 1) >> 1;
    if (!better(score[parent], doc[parent], score[at], doc[at])) break;
    swap(score, doc, at, parent);
    at = parent;
  }
}

function siftDown(score: Float64Array, doc: Int32Array, size: number): void {
  let at = 0;
  for (;;) {
    const left = 2 * at + 1;
    const right = left + 1;
    let worst = at;
    if (left < size && better(score[worst], doc[worst], score[left], doc[left])) worst = left;
    if (right < size && better(score[worst], doc[worst], score[right], doc[right])) worst = right;
    if (worst === at) return;
    swap(score, doc, at, worst);
    at = worst;
  }
}

function swap(score: Float64Array, doc: Int32Array, x: number, y: number): void {
  const s = score[x];
  score[x] = score[y];
  score[y] = s;
  const d = doc[x];
  doc[x] = doc[y];
  doc[y] = d;
}

/** Whether a sorted candidate list holds `j`. */
export function hasCandidate(candidates: Candidates, i: number, j: number): boolean {
  let low = candidates.offsets[i];
  let high = candidates.offsets[i + 1] - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = candidates.others[mid];
    if (value === j) return true;
    if (value < j) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}
