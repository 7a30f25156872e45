/**
 * How alike two roadmap items are, as a score from 0 to 1.
 *
 * What the items are about (content), from three kinds of evidence combined as independent chances
 * ("noisy OR": content = 1 − (1 − service)(1 − text)(1 − themes)), so each adds to the others but
 * none can push the score past 1:
 * - services: the strongest signal. A shared LGSL service means the same piece of council work:
 *   0.6 for one, 0.7 for two, 0.75 for three or more. On its own it clears the threshold even when the
 *   two spans are years apart (0.6 × 0.6 = 0.36 ≥ 0.35).
 * - text: the cosine of the TF-IDF vectors (tfidf.ts) mapped linearly from 0 at a cosine of 0.08 (the
 *   few words any two roadmap items share) to 0.75 at 0.45 and above (two write-ups of the same work).
 *   Strong when high: near a shared service. Alone it clears the threshold from a cosine of about
 *   0.25 (dates unknown) or 0.2 (running at the same time, same phase).
 * - themes: weak, as there are only 30 and they are broad: 0.1 for one shared, 0.2 for two or more.
 *   Themes alone never reach the threshold, whatever the dates (0.2 × 1.32 < 0.35), and they never
 *   bring items together as candidates (candidates.ts).
 *
 * Then when and where the work is, as a multiplier:
 *   score = content × (1 + bonus × (1 − content)) × (1 − penalty)
 * - bonus (at most 0.4): 0.3 when the spans overlap, falling to 0.1 for a 12-month gap; plus 0.1 when
 *   both are in the same phase (both in beta), 0.05 for neighbouring phases (alpha and beta) or the
 *   same ended state (both stopped). The (1 − content) factor lifts middling matches most and keeps the
 *   score below 1 and in the same order as content (it grows with content for any bonus up to 1).
 * - penalty: none up to a 12-month gap, then rising to 0.4 at four years apart.
 * - unknown dates (either item without any) are neutral: no bonus, no penalty. So, all else equal,
 *   overlapping > unknown > years apart.
 * Status is only ever a small factor. Partners change nothing in the score: they are told, not weighed.
 *
 * Scores are rounded to 2 decimals before they are compared, so ties are exact and broken by id.
 */
import { countSharedIn, type Prepared } from './prepare.ts';
import { cosine } from './tfidf.ts';
import type { TimeRelation } from './time.ts';
import type { RoadmapStatus } from './types.ts';

export const WEIGHTS = {
  /** Evidence for 0, 1, 2 and 3+ shared services. */
  service: [0, 0.6, 0.7, 0.75],
  /** Evidence for 0, 1 and 2+ shared themes. */
  theme: [0, 0.1, 0.2],
  text: { cosineFrom: 0.08, cosineFull: 0.45, max: 0.75 },
  time: { overlapBonus: 0.3, adjacentMonths: 12, bonusAtAdjacentLimit: 0.1, penaltyFullAtMonths: 48, maxPenalty: 0.4 },
  status: { same: 0.1, neighbour: 0.05, sameEnded: 0.05 },
} as const;

/**
 * The default threshold. A shared service alone clears it (0.36 even four years apart), as does text
 * with a cosine of about 0.25 or more; themes alone, or themes with a few common words, do not.
 */
export const DEFAULT_MIN_SCORE = 0.35;

const PHASES: readonly RoadmapStatus[] = ['idea', 'discovery', 'alpha', 'beta', 'live'];

export type StatusRelation = 'same' | 'neighbour' | 'same-ended' | 'none';

export function statusRelation(a: RoadmapStatus, b: RoadmapStatus): StatusRelation {
  if (a === b) return PHASES.includes(a) ? 'same' : 'same-ended';
  const i = PHASES.indexOf(a);
  const j = PHASES.indexOf(b);
  return i !== -1 && j !== -1 && Math.abs(i - j) === 1 ? 'neighbour' : 'none';
}

export interface Evidence {
  sharedServices: number;
  sharedThemes: number;
  cosine: number;
  time: TimeRelation;
  status: StatusRelation;
}

export interface Parts {
  service: number;
  text: number;
  theme: number;
  content: number;
  timeBonus: number;
  statusBonus: number;
  timePenalty: number;
  score: number;
}

export function textEvidence(cosine: number): number {
  const { cosineFrom, cosineFull, max } = WEIGHTS.text;
  return max * Math.min(1, Math.max(0, (cosine - cosineFrom) / (cosineFull - cosineFrom)));
}

/** Time bonus and penalty for spans `months` apart (0 or less: overlapping). */
export function gapParts(months: number): { bonus: number; penalty: number } {
  const { overlapBonus, adjacentMonths, bonusAtAdjacentLimit, penaltyFullAtMonths, maxPenalty } = WEIGHTS.time;
  if (months <= 0) return { bonus: overlapBonus, penalty: 0 };
  if (months <= adjacentMonths)
    return { bonus: overlapBonus - ((overlapBonus - bonusAtAdjacentLimit) * months) / adjacentMonths, penalty: 0 };
  return { bonus: 0, penalty: maxPenalty * Math.min(1, (months - adjacentMonths) / (penaltyFullAtMonths - adjacentMonths)) };
}

export function timeParts(time: TimeRelation): { bonus: number; penalty: number } {
  if (time.kind === 'overlap') return gapParts(0);
  if (time.kind === 'unknown') return { bonus: 0, penalty: 0 };
  return gapParts(time.months);
}

function statusBonusOf(relation: StatusRelation): number {
  return relation === 'same'
    ? WEIGHTS.status.same
    : relation === 'neighbour'
      ? WEIGHTS.status.neighbour
      : relation === 'same-ended'
        ? WEIGHTS.status.sameEnded
        : 0;
}

/** The formula of the comment above, from the evidence as numbers. */
function combine(
  sharedServices: number,
  sharedThemes: number,
  cosineValue: number,
  bonus: number,
  penalty: number,
): { service: number; theme: number; text: number; content: number; raw: number } {
  const service = WEIGHTS.service[Math.min(sharedServices, WEIGHTS.service.length - 1)];
  const theme = WEIGHTS.theme[Math.min(sharedThemes, WEIGHTS.theme.length - 1)];
  const text = textEvidence(cosineValue);
  const content = 1 - (1 - service) * (1 - text) * (1 - theme);
  return { service, theme, text, content, raw: content * (1 + bonus * (1 - content)) * (1 - penalty) };
}

export function scoreParts(evidence: Evidence): Parts {
  const { bonus: timeBonus, penalty: timePenalty } = timeParts(evidence.time);
  const statusBonus = statusBonusOf(evidence.status);
  const { service, theme, text, content, raw } = combine(
    evidence.sharedServices,
    evidence.sharedThemes,
    evidence.cosine,
    timeBonus + statusBonus,
    timePenalty,
  );
  return { service, text, theme, content, timeBonus, statusBonus, timePenalty, score: roundScore(raw) };
}

/**
 * The score of prepared items i and j, as scoreParts gives it, without building the evidence: the
 * engine's inner loop. The cosine may be given when the caller has it already.
 */
export function scorePair(prepared: Prepared, i: number, j: number, cosineValue = cosine(prepared.vectors, i, j)): number {
  // The same arithmetic as gapParts, statusBonusOf and combine, written out so that the inner loop
  // makes no objects (a test checks the two agree).
  const { overlapBonus, adjacentMonths, bonusAtAdjacentLimit, penaltyFullAtMonths, maxPenalty } = WEIGHTS.time;
  let bonus = 0;
  let penalty = 0;
  const startI = prepared.spanStart[i];
  const startJ = prepared.spanStart[j];
  if (startI === startI && startJ === startJ) {
    // neither is NaN: both have dates
    const months = Math.max(startI, startJ) - Math.min(prepared.spanEnd[i], prepared.spanEnd[j]);
    if (months <= 0) bonus = overlapBonus;
    else if (months <= adjacentMonths) bonus = overlapBonus - ((overlapBonus - bonusAtAdjacentLimit) * months) / adjacentMonths;
    else penalty = maxPenalty * Math.min(1, (months - adjacentMonths) / (penaltyFullAtMonths - adjacentMonths));
  }
  const statusI = prepared.status[i];
  const statusJ = prepared.status[j];
  if (statusI === statusJ) bonus += statusI <= 4 ? WEIGHTS.status.same : WEIGHTS.status.sameEnded;
  else if (statusI <= 4 && statusJ <= 4 && (statusI - statusJ === 1 || statusJ - statusI === 1)) bonus += WEIGHTS.status.neighbour;
  const services = countSharedIn(prepared.serviceValues, prepared.serviceOffsets, i, j);
  const themes = countSharedIn(prepared.themeValues, prepared.themeOffsets, i, j);
  const service = SERVICE_EVIDENCE[services < SERVICE_EVIDENCE.length ? services : SERVICE_EVIDENCE.length - 1];
  const theme = THEME_EVIDENCE[themes < THEME_EVIDENCE.length ? themes : THEME_EVIDENCE.length - 1];
  const content = 1 - (1 - service) * (1 - textEvidence(cosineValue)) * (1 - theme);
  return roundScore(content * (1 + bonus * (1 - content)) * (1 - penalty));
}
const SERVICE_EVIDENCE: readonly number[] = WEIGHTS.service;
const THEME_EVIDENCE: readonly number[] = WEIGHTS.theme;

export function roundScore(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
