/** The overlap engine's public types: what goes in, what comes out. See index.ts for the design. */
import type { ROADMAP_STATUSES } from '../../../schemas/roadmap.ts';
import type { SynonymConcept } from '../../../schemas/vocabulary.ts';

export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/**
 * What an item is: the record collection it comes from. Items of different kinds never match (a roadmap
 * item is not a duplicate of a component); roadmap items are weighed on time and status, components and
 * datasets on what identifies a thing (its repository or address, standards, formats): see records.ts.
 */
export type OverlapKind = 'roadmap' | 'components' | 'datasets';

export interface OverlapItem {
  /** 'roadmap/<organisation>/<slug>'. Ids must be unique. */
  id: string;
  organisation: string;
  /** Default 'roadmap'. */
  kind?: OverlapKind;
  /**
   * Items in different groups never match: the hub passes 'demonstration' or 'real' so fictional records
   * are never suggested to real councils. Items without a group form one group of their own.
   */
  group?: string;
  title: string;
  summary: string;
  /** Markdown source of the body (markup is stripped: links keep their text; code, tables and HTML are dropped). */
  body?: string;
  /** A roadmap item's status; components and datasets have none. */
  status?: RoadmapStatus;
  /** Ids in the hub's service list (hub.config.yaml), e.g. LGSL's. */
  services?: readonly number[];
  /** Theme ids. */
  themes?: readonly string[];
  /** YYYY-MM */
  start?: string;
  /** YYYY-MM */
  end?: string;
  /** Organisation ids this item names as partners: a match with a partner's item says "already partners" in its reasons. */
  partners?: readonly string[];
  /**
   * Components and datasets: the addresses that are the thing itself (a component's repository_url and
   * harvested_from; a dataset's landing page, files and harvested_from). Two items with one in common are
   * the same thing listed twice.
   */
  addresses?: readonly string[];
  /**
   * Components and datasets: addresses the item names (links in its text, its website). Naming another
   * item's own address (“forked from https://github.com/…”) makes it a fork or copy of that item.
   */
  links?: readonly string[];
  /** Standards it follows, as written (compared ignoring case and spacing). */
  standards?: readonly string[];
  /** A dataset's file formats (CSV, JSON …), compared ignoring case. */
  formats?: readonly string[];
  /**
   * A component's own kind (code, standard, service-pattern …): components of different kinds are
   * different things however alike their words, so their score is lowered (records.ts).
   */
  subtype?: string;
}

export interface OverlapLabels {
  /** A service as the reasons name it, with its code in the hub's service list: “LGSL 530 Household garden waste” (services.ts). */
  service(id: number): string;
  theme(id: string): string;
  /** Optional: an organisation's name for the "already partners" reason; without it the id is shown. */
  organisation?(id: string): string;
}

export interface OverlapOptions {
  /** The synonym vocabulary (content/vocabularies/synonyms.yaml): phrases of one concept count as the same thing. Default none. */
  synonyms?: readonly SynonymConcept[];
  /** Default false: an item never matches its own organisation's items unless asked. */
  includeSameOrganisation?: boolean;
  /** Pairs scoring below this (after rounding to 2 decimals) are dropped. Default DEFAULT_MIN_SCORE (0.35, see score.ts). */
  minScore?: number;
  /** Most matches kept per item. Default 5. */
  perItem?: number;
  /**
   * 'YYYY-MM', for open-ended spans (an item with a start, no end and an active status runs to today).
   * Default: the current month (UTC).
   */
  today?: string;
}

export type OverlapReasonKind =
  'service' | 'theme' | 'time' | 'status' | 'text' | 'partners' | 'repository' | 'standard' | 'format' | 'subtype';

export interface OverlapReason {
  kind: OverlapReasonKind;
  text: string;
}

export interface Overlap {
  /** The two item ids, a < b (string order). */
  a: string;
  b: string;
  /** What both items are: pairs are only ever of one kind. */
  kind: OverlapKind;
  /** 0..1, rounded to 2 decimals. */
  score: number;
  /** Strongest first. */
  reasons: OverlapReason[];
  /** The reasons joined as one plain-English sentence, e.g. "Both on LGSL 530 Household garden waste; both running in 2026." */
  summary: string;
  sharedServices: number[];
  sharedThemes: string[];
  /** Up to 5 shared distinctive words, in readable (unstemmed) form, strongest first. */
  sharedWords: string[];
}

/** What the engine did: enough to show it never compares all pairs. */
export interface OverlapStats {
  items: number;
  /** Groups the items fell into (pairs are only sought within a group). */
  groups: number;
  /** Distinct terms (word stems and synonym concepts) across all groups. */
  vocabulary: number;
  /** Inverted-index entries visited while gathering candidates. */
  postingsVisited: number;
  /** Pairs fully scored: at most PER_ITEM (candidates.ts) × items, far below allPairs. */
  candidatesCompared: number;
  /** Pairs scoring at least minScore. */
  aboveMinScore: number;
  /** Pairs kept (in either item's top perItem). */
  pairs: number;
  /** n(n−1)/2 summed over groups: what an all-pairs comparison would have scored. */
  allPairs: number;
}

export interface OverlapResult {
  /** Every kept pair once, strongest first (ties by a then b, so output is deterministic). */
  pairs: Overlap[];
  /** For each item id, its matches strongest first, at most perItem. Items with none are absent. */
  byItem: Map<string, { other: string; overlap: Overlap }[]>;
  stats: OverlapStats;
}
