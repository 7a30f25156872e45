/**
 * What /collaborate/ shows, from the overlaps and the roadmap: the strongest opportunities grouped by
 * service, the bodies asking for help, and the nation, organisation-type and service filters that
 * narrow both. Pure, so the page stays thin and the grouping is unit-tested.
 */
import { LOOKING_FOR, type RoadmapItem } from '../../schemas/roadmap.ts';
import type { FilterName, Listed } from './listing.ts';

/** The part of an overlap this module needs (src/lib/overlaps gives more). */
export interface Opportunity {
  a: string;
  b: string;
  score: number;
  sharedServices: readonly number[];
}

export interface OpportunityGroup<O extends Opportunity> {
  /** The LGSL service the pairs share; undefined for pairs that met on themes or words alone. */
  service?: number;
  pairs: O[];
}

/**
 * The pairs grouped by a service they share, strongest group first (by its best pair, then by service
 * id). A pair sharing several services is listed once, under the one most pairs share (then the lowest
 * id), so that related pairs gather in one group instead of repeating down the page. Pairs sharing no
 * service come last, in a group of their own. Each group keeps its `perGroup` strongest pairs.
 */
export function groupByService<O extends Opportunity>(pairs: readonly O[], perGroup = 10): OpportunityGroup<O>[] {
  const popularity = new Map<number, number>();
  for (const pair of pairs) for (const service of new Set(pair.sharedServices)) popularity.set(service, (popularity.get(service) ?? 0) + 1);
  const byService = new Map<number, O[]>();
  const untagged: O[] = [];
  for (const pair of strongestFirst(pairs)) {
    if (pair.sharedServices.length === 0) {
      untagged.push(pair);
      continue;
    }
    const service = [...pair.sharedServices].sort((a, b) => popularity.get(b)! - popularity.get(a)! || a - b)[0];
    byService.set(service, [...(byService.get(service) ?? []), pair]);
  }
  const groups: OpportunityGroup<O>[] = [...byService]
    .sort(([serviceA, pairsA], [serviceB, pairsB]) => pairsB[0].score - pairsA[0].score || serviceA - serviceB)
    .map(([service, servicePairs]) => ({ service, pairs: servicePairs.slice(0, perGroup) }));
  if (untagged.length > 0) groups.push({ pairs: untagged.slice(0, perGroup) });
  return groups;
}

function strongestFirst<O extends Opportunity>(pairs: readonly O[]): O[] {
  return [...pairs].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

export type Need = (typeof LOOKING_FOR)[number];

/** Stopped and retired work is not asking for anything, whatever its `looking_for` still says. */
const CLOSED: ReadonlySet<RoadmapItem['status']> = new Set(['stopped', 'retired']);

/** Roadmap items asking for each kind of help, in the schema's order of needs, each list by id. */
export function helpWanted(
  items: readonly { id: string; data: Pick<RoadmapItem, 'looking_for' | 'status'> }[],
): { need: Need; items: string[] }[] {
  return LOOKING_FOR.map((need) => ({
    need,
    items: items
      .filter((item) => !CLOSED.has(item.data.status) && item.data.looking_for?.includes(need))
      .map((item) => item.id)
      .sort(),
  })).filter((group) => group.items.length > 0);
}

/** The filters /collaborate/ offers. */
export const COLLABORATE_FILTERS = ['nation', 'type', 'service'] as const satisfies readonly FilterName[];

type Facets = Listed['facets'];

/** A pair's filter values: those of either side, so a pair is found from both bodies' nation and type. */
export function pairFacets(pair: Opportunity, facetsOf: (itemId: string) => Facets): Facets {
  const a = facetsOf(pair.a);
  const b = facetsOf(pair.b);
  const merged: Facets = {};
  for (const name of COLLABORATE_FILTERS) {
    const values = [...new Set([...(a[name] ?? []), ...(b[name] ?? [])])];
    if (values.length > 0) merged[name] = values;
  }
  return merged;
}

/** From this score a match is strong: for a component or dataset, likely the same thing already on the hub. */
export const STRONG_MATCH = 0.6;

/** A match's score in words, so that a percentage is not the only clue. */
export function matchStrength(score: number): 'Strong match' | 'Good match' | 'Possible match' {
  if (score >= STRONG_MATCH) return 'Strong match';
  if (score >= 0.4) return 'Good match';
  return 'Possible match';
}
