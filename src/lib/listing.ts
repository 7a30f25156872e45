/**
 * Collection lists that work without JavaScript: sorted A to Z, paginated, and narrowed by filter
 * links (status, organisation type, nation, service, theme), each filter value a page of its own at
 * /<collection>/<filter>/<value>/ and /<collection>/<filter>/<value>/page/<n>/.
 */
import { byCollection, RECORD_FILTERS, type RecordCollectionName, type RecordFilter } from '../../schemas/collections.ts';
import { ROADMAP_STATUSES } from '../../schemas/roadmap.ts';
import { compareById, compareNamesNumeric } from './collation.ts';

/** Records per list page: enough to scan, few enough for a phone. */
export const PAGE_SIZE = 25;

/**
 * Records per page of a list narrowed by a filter, where each record is one line (title, whose, status)
 * without its summary. Every record is in five or more filtered lists (its status, type of organisation,
 * nation, each service and each theme): at 25 a page with summaries, those lists were a third of the site's
 * bytes and would alone pass GitHub Pages' 1 GB at 50,000 records. The unfiltered list keeps the summaries.
 */
export const FILTERED_PAGE_SIZE = 100;

/** How many records a page of a list holds: fewer, with summaries, when it is not narrowed by a filter. */
export function pageSize(filtered: boolean): number {
  return filtered ? FILTERED_PAGE_SIZE : PAGE_SIZE;
}

export const FILTER_NAMES = RECORD_FILTERS;
export type FilterName = RecordFilter;

/** Which filters make sense for each collection: only roadmap items have a status; principles no services. */
export const COLLECTION_FILTERS: Record<RecordCollectionName, readonly FilterName[]> = byCollection((collection) => collection.filters);

/** How to name all of a filter's values: "See all 400 services". */
export const FILTER_PLURALS: Record<FilterName, string> = {
  status: 'statuses',
  type: 'types of organisation',
  nation: 'nations',
  service: 'services',
  theme: 'themes',
};

export const FILTER_LABELS: Record<FilterName, string> = {
  status: 'Status',
  type: 'Type of organisation',
  nation: 'Nation',
  service: 'Service',
  theme: 'Theme',
};

/** What the filters are called: a filter's label, and its values together ("See all 4 provinces"). */
export interface FilterWords {
  labels: Record<FilterName, string>;
  plurals: Record<FilterName, string>;
}

/** The filters' words, with what the hub calls its nations (hub.config.yaml: organisations.nationName). */
export function filterWords(nationName?: { singular: string; plural: string }): FilterWords {
  return nationName
    ? { labels: { ...FILTER_LABELS, nation: nationName.singular }, plurals: { ...FILTER_PLURALS, nation: nationName.plural } }
    : { labels: FILTER_LABELS, plurals: FILTER_PLURALS };
}

/** What a list needs to know about a record; pages build these from the loaded hub. */
export interface Listed {
  id: string;
  title: string;
  collection: string;
  /** Filter values of the record, by filter: e.g. { status: ['beta'], service: ['524'] }. */
  facets: Partial<Record<FilterName, string[]>>;
}

export interface FilterOption {
  value: string;
  label: string;
  count: number;
}

export interface FilterGroup {
  name: FilterName;
  label: string;
  /** All its values together: "services". */
  plural: string;
  options: FilterOption[];
}

/** A to Z by title, then by id so the order is stable. */
export function sortByTitle<T extends { title: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNamesNumeric(a.title, b.title) || compareById(a, b));
}

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
}

/** Splits a list into pages; an empty list is one empty page, so every list has a first page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({ items: items.slice(index * size, (index + 1) * size), number: index + 1, total }));
}

/** Filter values in a fixed order, by filter; the others are offered A to Z by label. */
export type FilterOrder = Partial<Record<FilterName, readonly string[]>>;

/** The schemas' own order: statuses as a project goes through them. */
const FIXED_ORDER: FilterOrder = { status: ROADMAP_STATUSES };

/**
 * The filter groups for a set of records, with a count for each value; groups with no values are left out.
 * `order` adds the hub's own orders (organisation types and nations, as its configuration lists them: hub.facetOrder).
 */
export function filterGroups(
  records: readonly Listed[],
  label: (filter: FilterName, value: string) => string,
  filters: readonly FilterName[] = FILTER_NAMES,
  order: FilterOrder = {},
  words: FilterWords = filterWords(),
): FilterGroup[] {
  const orders: FilterOrder = { ...order, ...FIXED_ORDER };
  const groups: FilterGroup[] = [];
  for (const name of filters) {
    const counts = new Map<string, number>();
    for (const record of records) for (const value of new Set(record.facets[name] ?? [])) counts.set(value, (counts.get(value) ?? 0) + 1);
    if (counts.size === 0) continue;
    const fixed = orders[name];
    const options = [...counts].map(([value, count]) => ({ value, label: label(name, value), count }));
    options.sort(fixed ? (a, b) => fixed.indexOf(a.value) - fixed.indexOf(b.value) : (a, b) => compareNamesNumeric(a.label, b.label));
    groups.push({ name, label: words.labels[name], plural: words.plurals[name], options });
  }
  return groups;
}

/** The records with a filter value. */
export function withFacet<T extends Listed>(records: readonly T[], filter: FilterName, value: string): T[] {
  return records.filter((record) => record.facets[filter]?.includes(value));
}

/** The path of a list page, relative to the site's base: roadmap/, roadmap/page/2/, roadmap/status/beta/page/3/. */
export function listPath(collection: string, page = 1, filter?: { name: FilterName; value: string }): string {
  const filtered = filter ? `${collection}/${filter.name}/${filter.value}/` : `${collection}/`;
  return page > 1 ? `${filtered}page/${page}/` : filtered;
}

/** "Showing 26 to 50 of 112". */
export function rangeText(page: Page<unknown>, count: number, size = PAGE_SIZE): string {
  if (count === 0) return 'Nothing to show';
  const first = (page.number - 1) * size + 1;
  const last = first + page.items.length - 1;
  return page.total === 1
    ? `Showing all ${count.toLocaleString('en-GB')}`
    : `Showing ${first.toLocaleString('en-GB')} to ${last.toLocaleString('en-GB')} of ${count.toLocaleString('en-GB')}`;
}

/**
 * The numbered links of a pagination bar: the first and last pages, the current one and its
 * neighbours, with an ellipsis for each gap (as the GOV.UK pagination pattern recommends).
 */
export function paginationItems(current: number, total: number): (number | 'ellipsis')[] {
  const shown = [...new Set([1, current - 1, current, current + 1, total])]
    .filter((number) => number >= 1 && number <= total)
    .sort((a, b) => a - b);
  const items: (number | 'ellipsis')[] = [];
  shown.forEach((number, index) => {
    if (index > 0 && number - shown[index - 1] > 1) items.push('ellipsis');
    items.push(number);
  });
  return items;
}

/**
 * The values a filter group shows on a list page when it cannot show them all: the most used, in the
 * group's own order, and always the one in force.
 */
export function shownOptions(group: FilterGroup, limit: number, current?: string): FilterOption[] {
  if (group.options.length <= limit) return group.options;
  const top = new Set(
    [...group.options]
      .sort((a, b) => b.count - a.count)
      .slice(0, limit)
      .map((option) => option.value),
  );
  if (current) top.add(current);
  return group.options.filter((option) => top.has(option.value));
}
