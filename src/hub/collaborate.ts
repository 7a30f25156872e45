/**
 * The data of /collaborate/ and its filtered pages, from the loaded hub and the pure functions of
 * src/lib/collaborate.ts: the overlaps grouped by service, the items asking for help, and the filter
 * groups (nation, organisation type, service) with counts of what each value would show.
 */
import { builtMoreThanOnce, type BuiltMoreThanOnce } from '../lib/built-more-than-once.ts';
import { COLLABORATE_FILTERS, groupByService, helpWanted, pairFacets, type OpportunityGroup } from '../lib/collaborate.ts';
import { filterGroups, type FilterGroup, type FilterName, type Listed } from '../lib/listing.ts';
import type { Overlap } from '../lib/overlaps/index.ts';
import type { Hub, HubRecord } from './hub.ts';

type RoadmapRecord = Extract<HubRecord, { collection: 'roadmap' }>;

export interface Collaboration {
  groups: OpportunityGroup<Overlap>[];
  /** Every pair shown or not, after the filter: for counts. */
  pairCount: number;
  help: { need: string; items: RoadmapRecord[] }[];
  filters: FilterGroup[];
  /** Components from three or more organisations that look like one thing (unfiltered page only). */
  builtMoreThanOnce: BuiltMoreThanOnce<Overlap>[];
}

/** Groups of components built more than once shown: each is a conversation to start, and a long list is read by nobody. */
const BUILT_SHOWN = 10;

/** Groups of opportunities shown on one page, and pairs shown in each: enough to act on, few enough to read. */
const GROUPS_SHOWN = 12;
const PAIRS_PER_GROUP = 3;

const unfiltered = new WeakMap<Hub, Collaboration>();

/** Whether /collaborate/<filter>/<value>/ exists: only values with something to show get a page. */
export function hasCollaboratePage(hub: Hub, filter: FilterName, value: string): boolean {
  return collaboration(hub).filters.some((group) => group.name === filter && group.options.some((option) => option.value === value));
}

export function collaboration(hub: Hub, filter?: { name: FilterName; value: string }): Collaboration {
  if (!filter) {
    const cached = unfiltered.get(hub) ?? collect(hub);
    unfiltered.set(hub, cached);
    return cached;
  }
  return collect(hub, filter);
}

interface Prepared {
  pairs: Overlap[];
  asking: RoadmapRecord[];
  filters: FilterGroup[];
  /** Pairs and requests by filter value ('nation=wales'): a big hub has 100,000 pairs and hundreds of filter pages. */
  pairsByFacet: Map<string, Overlap[]>;
  askingByFacet: Map<string, RoadmapRecord[]>;
}

const facetKey = (name: string, value: string) => `${name}=${value}`;

function indexByFacet<T>(items: readonly T[], facetsOf: (item: T) => Listed['facets']): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const facets = facetsOf(item);
    for (const name of COLLABORATE_FILTERS) {
      for (const value of new Set(facets[name] ?? [])) {
        const key = facetKey(name, value);
        const list = index.get(key);
        if (list) list.push(item);
        else index.set(key, [item]);
      }
    }
  }
  return index;
}

const prepared = new WeakMap<Hub, Prepared>();

/**
 * What every collaboration page starts from, worked out once per build: each pair's filter values, the requests for help, the filter
 * groups.
 */
function prepare(hub: Hub): Prepared {
  const cached = prepared.get(hub);
  if (cached) return cached;
  const facetsOf = (id: string) => hub.facetsById.get(id) ?? {};
  // Work on the same thing: roadmap pairs. Components built twice have their own section (builtMoreThanOnce).
  const pairs = hub.overlaps.pairs.filter((pair) => pair.kind === 'roadmap');
  const pairFacetsOf = new Map(pairs.map((pair) => [pair, pairFacets(pair, facetsOf)]));
  const asking = hub.records.filter(
    (record): record is RoadmapRecord => record.collection === 'roadmap' && (record.data.looking_for ?? []).length > 0,
  );
  // Filter values count what the filtered page would show: opportunities and requests for help.
  const entries: Listed[] = [
    ...pairs.map((pair) => ({ id: `${pair.a} ${pair.b}`, title: '', collection: 'overlaps', facets: pairFacetsOf.get(pair)! })),
    ...asking.map((record) => ({ id: record.id, title: record.data.title, collection: 'roadmap', facets: facetsOf(record.id) })),
  ];
  const result = {
    pairs,
    asking,
    filters: filterGroups(entries, hub.facetLabel, COLLABORATE_FILTERS, hub.facetOrder, hub.filterWords),
    pairsByFacet: indexByFacet(pairs, (pair) => pairFacetsOf.get(pair)!),
    askingByFacet: indexByFacet(asking, (record) => facetsOf(record.id)),
  };
  prepared.set(hub, result);
  return result;
}

function collect(hub: Hub, filter?: { name: FilterName; value: string }): Collaboration {
  const { pairs, asking, filters, pairsByFacet, askingByFacet } = prepare(hub);
  const shownPairs = filter ? (pairsByFacet.get(facetKey(filter.name, filter.value)) ?? []) : pairs;
  const shownAsking = filter ? (askingByFacet.get(facetKey(filter.name, filter.value)) ?? []) : asking;
  const groups = groupByService(shownPairs, PAIRS_PER_GROUP).slice(0, GROUPS_SHOWN);
  const byId = new Map(shownAsking.map((record) => [record.id, record]));
  const help = helpWanted(shownAsking).map(({ need, items }) => ({ need, items: items.map((id) => byId.get(id)!) }));
  // Filtered pages leave the components out, as they leave out the most reused: the filters are about work.
  const built = filter ? [] : builtMoreThanOnce(hub.overlaps.pairs, (id) => id.split('/')[1]).slice(0, BUILT_SHOWN);
  return { groups, pairCount: shownPairs.length, help, filters, builtMoreThanOnce: built };
}
