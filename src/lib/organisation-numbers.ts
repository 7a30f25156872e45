/**
 * Numbers per organisation (/numbers/organisations/, its CSV and each organisation's page): for every body,
 * how many records of each kind it shares, how many of its roadmap items are within their review date, who
 * else uses its components, which components of others it uses, and when its records last changed; the
 * orders the table can be sorted in; and the sentence that compares a body with the others of its type.
 *
 * Demonstration bodies are fictional: they are compared only with each other, never with real bodies, and
 * pages show them apart (`realmOf`).
 *
 * Pure: src/hub/organisation-numbers.ts gives it the loaded hub.
 */
import { RECORD_COLLECTIONS, type RecordCollectionName } from '../../schemas/collections.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import type { RoadmapItem } from '../../schemas/roadmap.ts';
import type { HubRecord } from './content-files/types.ts';
import { compareNames } from './collation.ts';
import { count } from './format.ts';
import { isPastReview } from './freshness.ts';
import { pluralOf, type ReuseGraph } from './reuse.ts';

/** The collections counted, in the order the hub shows them. */
export const COUNTED_COLLECTIONS: readonly RecordCollectionName[] = RECORD_COLLECTIONS.map(({ name }) => name);

/** The minimum of a body, a record and the reuse graph the figures need. */
export type NumbersBody = { id: string; data: Pick<Organisation, 'name' | 'type'>; demonstration: boolean };
export type NumbersRecord = Pick<HubRecord, 'collection' | 'organisation' | 'filePath'> & {
  /** A roadmap item's review date. */
  reviewBy?: RoadmapItem['review_by'];
};

export interface NumbersInput {
  organisations: Iterable<NumbersBody>;
  records: readonly NumbersRecord[];
  reuse: Pick<ReuseGraph, 'components' | 'usesByOrganisation'>;
  /** When each file last changed (ISO 8601 with offset), by file path, from git (src/lib/git-dates.ts). */
  lastUpdated: ReadonlyMap<string, string>;
  /** Today as YYYY-MM-DD: roadmap items past their review date on it are out of date (src/lib/freshness.ts). */
  today: string;
}

export interface OrganisationNumbers {
  id: string;
  name: string;
  type: string;
  demonstration: boolean;
  /** Records of each kind, every collection present (0 when none). */
  counts: Record<RecordCollectionName, number>;
  /** Records of every kind together. */
  total: number;
  /** Roadmap items not past their review date (those without one count as within it, as on their pages). */
  withinReview: number;
  /** Other bodies that use any of its components, by id, A to Z by name. */
  usedBy: string[];
  /** Components of other bodies it uses, by id. */
  usesFromOthers: string[];
  /** When its records last changed (ISO 8601, as git gave it); undefined when none has a known date. */
  lastChange?: string | undefined;
}

/** Every body's figures, by id, whether or not it has shared anything. */
export function organisationNumbers(input: NumbersInput): Map<string, OrganisationNumbers> {
  const bodies = new Map<string, OrganisationNumbers>();
  for (const body of input.organisations) {
    bodies.set(body.id, {
      id: body.id,
      name: body.data.name,
      type: body.data.type,
      demonstration: body.demonstration,
      counts: Object.fromEntries(COUNTED_COLLECTIONS.map((name) => [name, 0])) as Record<RecordCollectionName, number>,
      total: 0,
      withinReview: 0,
      usedBy: [],
      usesFromOthers: [],
    });
  }
  const nameOf = (id: string) => bodies.get(id)?.name ?? id;
  for (const record of input.records) {
    const body = bodies.get(record.organisation);
    if (!body) continue;
    body.counts[record.collection] += 1;
    body.total += 1;
    if (record.collection === 'roadmap' && !isPastReview(record.reviewBy, input.today)) body.withinReview += 1;
    const changed = input.lastUpdated.get(record.filePath);
    // Dates carry the committer's offset, so they are compared as instants, not as text.
    if (changed !== undefined && (body.lastChange === undefined || Date.parse(changed) > Date.parse(body.lastChange))) {
      body.lastChange = changed;
    }
  }
  const users = new Map<string, Set<string>>();
  for (const reuse of input.reuse.components.values()) {
    for (const use of reuse.users) {
      if (use.organisation === reuse.owner) continue;
      users.set(reuse.owner, (users.get(reuse.owner) ?? new Set()).add(use.organisation));
    }
  }
  for (const body of bodies.values()) {
    body.usedBy = [...(users.get(body.id) ?? [])].sort((a, b) => compareNames(nameOf(a), nameOf(b)) || (a < b ? -1 : 1));
    body.usesFromOthers = (input.reuse.usesByOrganisation.get(body.id) ?? []).filter(
      (component) => input.reuse.components.get(component)?.owner !== body.id,
    );
  }
  return bodies;
}

/** Whether a body has shared anything: only those are in the table. */
export function hasShared(body: Pick<OrganisationNumbers, 'total'>): boolean {
  return body.total > 0;
}

/** The share of its roadmap items within their review date, 0 to 1; undefined without roadmap items. */
export function withinReviewShare(body: Pick<OrganisationNumbers, 'counts' | 'withinReview'>): number | undefined {
  return body.counts.roadmap === 0 ? undefined : body.withinReview / body.counts.roadmap;
}

/** A share as a whole percentage: "86%". */
export function percentInWords(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The share in words: "80% (4 of 5)"; "" without roadmap items. */
export function withinReviewInWords(body: Pick<OrganisationNumbers, 'counts' | 'withinReview'>): string {
  const share = withinReviewShare(body);
  return share === undefined ? '' : `${percentInWords(share)} (${count(body.withinReview)} of ${count(body.counts.roadmap)})`;
}

/**
 * The columns of the table, each a sort order: `name` is the default (A to Z, at /numbers/organisations/),
 * the others have a page each at /numbers/organisations/by/<key>/. The keys are part of those addresses.
 */
export const NUMBERS_COLUMNS = [
  'name',
  ...COUNTED_COLLECTIONS,
  'records',
  'within-review-date',
  'used-by-others',
  'uses-from-others',
  'last-change',
] as const;
export type NumbersColumn = (typeof NUMBERS_COLUMNS)[number];

/** The default order, which has no `by/` page of its own. */
export const DEFAULT_ORDER: NumbersColumn = 'name';

/** How a column sorts: A to Z, or largest (newest) first. */
export function sortDirection(column: NumbersColumn): 'ascending' | 'descending' {
  return column === 'name' ? 'ascending' : 'descending';
}

/** A column's header. */
export function columnLabel(column: NumbersColumn): string {
  // "Roadmap items", "Design principles": what is counted, shorter than some collections' labels ("Lessons learned").
  const collection = RECORD_COLLECTIONS.find(({ name }) => name === column);
  if (collection) return `${collection.singular.charAt(0).toUpperCase()}${pluralOf(collection.singular).slice(1)}`;
  const labels: Record<Exclude<NumbersColumn, RecordCollectionName>, string> = {
    name: 'Organisation',
    records: 'All records',
    'within-review-date': 'Roadmap within review date',
    'used-by-others': 'Components used by others',
    'uses-from-others': 'Uses others’ components',
    'last-change': 'Last change',
  };
  return labels[column as Exclude<NumbersColumn, RecordCollectionName>];
}

/** A column's order in words, as its header's link and the caption say it: "most first". */
export function orderInWords(column: NumbersColumn): string {
  if (column === 'name') return 'A to Z';
  if (column === 'last-change') return 'newest first';
  if (column === 'within-review-date') return 'highest share first';
  return 'most first';
}

/** The path of a sort order's page under the base. */
export function orderPath(column: NumbersColumn): string {
  return column === DEFAULT_ORDER ? 'numbers/organisations/' : `numbers/organisations/by/${column}/`;
}

/**
 * A column's value for sorting, larger first for descending columns. Bodies with no value (no roadmap items
 * for the share, no known date) come after every body with one.
 */
function sortValue(body: OrganisationNumbers, column: NumbersColumn): number | undefined {
  switch (column) {
    case 'name':
      return 0;
    case 'records':
      return body.total;
    case 'within-review-date':
      return withinReviewShare(body);
    case 'used-by-others':
      return body.usedBy.length;
    case 'uses-from-others':
      return body.usesFromOthers.length;
    case 'last-change':
      return body.lastChange === undefined ? undefined : Date.parse(body.lastChange);
    default:
      return body.counts[column];
  }
}

/** Bodies in a column's order; ties, and the name column, A to Z by name (then id, so that the order is the same on every build). */
export function sortNumbers(bodies: readonly OrganisationNumbers[], column: NumbersColumn): OrganisationNumbers[] {
  const byName = (a: OrganisationNumbers, b: OrganisationNumbers) =>
    compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...bodies].sort((a, b) => {
    const x = sortValue(a, column);
    const y = sortValue(b, column);
    if (x !== y) {
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return y - x;
    }
    return byName(a, b);
  });
}

/** Real bodies, or demonstration ones: figures are only ever compared within one. */
export function realmOf(bodies: Iterable<OrganisationNumbers>, demonstration: boolean): OrganisationNumbers[] {
  return [...bodies].filter((body) => body.demonstration === demonstration);
}

export interface Comparison {
  /** Other bodies of the same type, and the same realm (real or demonstration). */
  others: number;
  /** How many of them have shared more records, as many, and fewer. */
  more: number;
  same: number;
  fewer: number;
}

/** How a body's records compare with the others of its type in its realm. */
export function compareWithType(body: OrganisationNumbers, all: Iterable<OrganisationNumbers>): Comparison {
  const comparison = { others: 0, more: 0, same: 0, fewer: 0 };
  for (const other of all) {
    if (other.id === body.id || other.type !== body.type || other.demonstration !== body.demonstration) continue;
    comparison.others += 1;
    if (other.total > body.total) comparison.more += 1;
    else if (other.total === body.total) comparison.same += 1;
    else comparison.fewer += 1;
  }
  return comparison;
}

/**
 * The comparison in a sentence that starts with the type's label made plural ("County councils: 3 of the
 * other 20 have shared more records than Kent, and 2 as many."). The label starts the sentence so that it
 * is shown as the configuration writes it: lowering its first letter would also lower a proper name
 * ("Welsh principal areas"). `typeLabel` is the type's label (hub.config.yaml); `demonstration` adds that
 * only demonstration bodies are counted.
 */
export function comparisonSentence(name: string, typeLabel: string, total: number, comparison: Comparison, demonstration = false): string {
  const group = `${pluralOf(typeLabel)}${demonstration ? ' among the demonstration organisations' : ''}`;
  const { others, more, same } = comparison;
  const theOthers = others === 1 ? 'the other one' : `the other ${count(others)}`;
  // "the other one has", "both others have", "all 3 others have": when every other body is on the same side.
  const allOthers = others === 1 ? 'the other one has' : others === 2 ? 'both others have' : `all ${count(others)} others have`;
  const has = (n: number) => (n === 1 ? 'has' : 'have');
  if (others === 0) return `${group}: ${name} is the only one${demonstration ? '' : ' on the hub'}.`;
  if (total === 0) {
    if (more === 0) {
      return `${group}: ${others === 1 ? 'the other one has not' : `none of ${theOthers} has`} shared anything yet either.`;
    }
    if (more === others) return `${group}: ${allOthers} shared something.`;
    return `${group}: ${count(more)} of ${theOthers} ${has(more)} shared something.`;
  }
  if (more === others) return `${group}: ${allOthers} shared more records than ${name}.`;
  if (same === others) return `${group}: ${allOthers} shared as many records as ${name}.`;
  if (more === 0 && same === 0) {
    const anyOther = others === 1 ? theOthers : `${others === 2 ? 'either' : 'any'} of ${theOthers}`;
    return `${group}: ${name} has shared more records than ${anyOther}.`;
  }
  if (more === 0) return `${group}: none of ${theOthers} has shared more records than ${name}; ${count(same)} ${has(same)} shared as many.`;
  const andSame = same > 0 ? `, and ${count(same)} as many` : '';
  return `${group}: ${count(more)} of ${theOthers} ${has(more)} shared more records than ${name}${andSame}.`;
}
