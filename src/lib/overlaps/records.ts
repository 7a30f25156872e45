/**
 * How alike two components, or two datasets, are: whether they look like the same thing built or
 * published twice. Roadmap items are weighed on when the work runs and its phase (score.ts); a component
 * or dataset has neither, but it has what identifies a thing: its repository or address, the standards it
 * follows, its formats and (for a component) its kind.
 *
 * What the items are about, as noisy OR (as score.ts): content = 1 − Π(1 − evidence), from
 * - text: as for roadmap items (the same TF-IDF cosine, titles counting three times, with the synonym
 *   vocabulary, so "bin day" meets "waste collection"): the main evidence.
 * - services: weaker than for roadmap items (0.2 for one shared, up to 0.35). Two roadmap items on one
 *   service are the same piece of work; two components on one service are often different tools for it
 *   (a bin day finder and a missed-bin form), so a shared service is never a match on its own.
 * - themes 0.05 or 0.1, standards 0.1 or 0.15 (many follow WCAG 2.2 AA), formats 0.05 or 0.1 (most
 *   datasets are CSV): small, adding to what the words say. All of these together, with no words in
 *   common, give 0.39: a possible match at most. A strong one (0.6) needs words as well, a cosine of
 *   about 0.29 or more, or identity.
 * Components of different kinds (code and a standard, a process and a template) are different things
 * however alike their words, so their content counts OTHER_SUBTYPE (half).
 *
 * Then identity, which no wording can fake or hide:
 * - the same own address (repository, landing page or file): the same thing listed twice, 0.9;
 * - one names the other's own address in its text or website ("forked from github.com/…"): a fork or
 *   copy, often under a new name, or something built on it, 0.7; but not between components of
 *   different kinds, where the link is a dependency (an app linking the standard it reads).
 *   score = 1 − (1 − content × subtype)(1 − identity)
 * A fork is thus a strong match (0.6 and over, collaborate.ts) on identity alone, and the same words
 * on the same services and themes are one too, while the same words on a different kind of thing are not.
 * There is no content-model field for an upstream: a fork says where it came from in its text, or keeps
 * its upstream's repository_url; the hub reads both.
 */
import { countSharedIn, type Prepared } from './prepare.ts';
import { roundScore, textEvidence } from './score.ts';

export const RECORD_WEIGHTS = {
  /** Evidence for 0, 1, 2 and 3+ shared services. */
  service: [0, 0.2, 0.3, 0.35],
  /** Evidence for 0, 1 and 2+ shared themes. */
  theme: [0, 0.05, 0.1],
  /** Evidence for 0, 1 and 2+ shared standards. */
  standard: [0, 0.1, 0.15],
  /** Evidence for 0, 1 and 2+ shared formats. */
  format: [0, 0.05, 0.1],
  identity: { sameAddress: 0.9, named: 0.7 },
  /** What the content counts when two components are of different kinds. */
  otherSubtype: 0.5,
} as const;

export interface RecordEvidence {
  /** An own address both have (a number in prepared.addresses), or −1. */
  sameAddress: number;
  /** An own address of one that the other names, or −1; `namer` says which item names it (0: the first, 1: the second). */
  named: number;
  namer: 0 | 1;
  sharedServices: number;
  sharedThemes: number;
  sharedStandards: number;
  sharedFormats: number;
  cosine: number;
  /** Both have a kind, and the kinds differ. */
  otherSubtype: boolean;
}

export interface RecordParts {
  identity: number;
  service: number;
  text: number;
  theme: number;
  standard: number;
  format: number;
  content: number;
  score: number;
}

const at = (list: readonly number[], count: number) => list[Math.min(count, list.length - 1)];

export function recordParts(evidence: RecordEvidence): RecordParts {
  const service = at(RECORD_WEIGHTS.service, evidence.sharedServices);
  const theme = at(RECORD_WEIGHTS.theme, evidence.sharedThemes);
  const standard = at(RECORD_WEIGHTS.standard, evidence.sharedStandards);
  const format = at(RECORD_WEIGHTS.format, evidence.sharedFormats);
  const text = textEvidence(evidence.cosine);
  const content = 1 - (1 - service) * (1 - text) * (1 - theme) * (1 - standard) * (1 - format);
  // A link to another kind's repository is a dependency (an app naming the standard it reads), not a fork.
  const named = evidence.named !== -1 && !evidence.otherSubtype;
  const identity = evidence.sameAddress !== -1 ? RECORD_WEIGHTS.identity.sameAddress : named ? RECORD_WEIGHTS.identity.named : 0;
  const counted = content * (evidence.otherSubtype ? RECORD_WEIGHTS.otherSubtype : 1);
  return { identity, service, text, theme, standard, format, content, score: roundScore(1 - (1 - counted) * (1 - identity)) };
}

/** The first number two sorted flat lists share (list a's item i, list b's item j), or −1. */
export function firstShared(
  a: { offsets: Int32Array; values: Int32Array },
  i: number,
  b: { offsets: Int32Array; values: Int32Array },
  j: number,
): number {
  let x = a.offsets[i];
  let y = b.offsets[j];
  while (x < a.offsets[i + 1] && y < b.offsets[j + 1]) {
    if (a.values[x] === b.values[y]) return a.values[x];
    if (a.values[x] < b.values[y]) x++;
    else y++;
  }
  return -1;
}

export function recordEvidence(prepared: Prepared, i: number, j: number, cosineValue: number): RecordEvidence {
  const { addresses, links } = prepared;
  const iNamesJ = firstShared(links, i, addresses, j);
  const jNamesI = iNamesJ === -1 ? firstShared(links, j, addresses, i) : -1;
  return {
    sameAddress: firstShared(addresses, i, addresses, j),
    named: iNamesJ !== -1 ? iNamesJ : jNamesI,
    namer: iNamesJ !== -1 ? 0 : 1,
    sharedServices: countSharedIn(prepared.serviceValues, prepared.serviceOffsets, i, j),
    sharedThemes: countSharedIn(prepared.themeValues, prepared.themeOffsets, i, j),
    sharedStandards: countSharedIn(prepared.standards.values, prepared.standards.offsets, i, j),
    sharedFormats: countSharedIn(prepared.formats.values, prepared.formats.offsets, i, j),
    cosine: cosineValue,
    otherSubtype: prepared.subtype[i] !== -1 && prepared.subtype[j] !== -1 && prepared.subtype[i] !== prepared.subtype[j],
  };
}

/** The score of components or datasets i and j, given the cosine of their vectors. */
export function scoreRecordPair(prepared: Prepared, i: number, j: number, cosineValue: number): number {
  return recordParts(recordEvidence(prepared, i, j, cosineValue)).score;
}
