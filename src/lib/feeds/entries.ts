/**
 * One Atom entry per record, and the order entries are listed in.
 *
 * Entry ids are tag: URIs (RFC 4151) made from the record id, e.g.
 *   tag:council-commons.github.io,2026:roadmap/fenmoor/garden-waste-online
 * not the record page's address. A feed reader tells new entries from ones it has seen by id, so an id
 * must never change; the page's address changes whenever the hub moves (a new domain, a GitHub Pages
 * project site becoming a custom domain, a different base path), and every record would then show up
 * again as new in every subscriber's reader. The record id (collection/organisation/slug, from the
 * file's path) is already the hub's permanent name for a record. The authority is the GitHub Pages
 * domain of the hub's GitHub organisation (council-commons), and 2026 the year the hub began; both are
 * constants, so a build anywhere gives the same ids.
 */
import { recordCollection } from '../../../schemas/collections.ts';
import type { TypedRecord } from '../content-files/types.ts';
import { compareById } from '../collation.ts';
import { codeInWords, sentenceCase } from '../labels.ts';
import type { AtomCategory, AtomEntry } from './atom.ts';
import { entryDates, instant } from './dates.ts';

/** The start of every id this hub mints: entries' ids and category schemes. */
export const TAG_PREFIX = 'tag:council-commons.github.io,2026:';

/** How many entries the feeds of everything, of a collection, of a service and of a theme hold. Organisation feeds hold every record. */
export const FEED_ENTRY_LIMIT = 50;

/** The scheme of service categories: the Local Government Service List's own identifiers. */
export const SERVICE_SCHEME = 'http://id.esd.org.uk/service';

export const CATEGORY_SCHEMES = {
  collection: `${TAG_PREFIX}collection`,
  status: `${TAG_PREFIX}status`,
  service: SERVICE_SCHEME,
  theme: `${TAG_PREFIX}theme`,
  demonstration: `${TAG_PREFIX}demonstration`,
} as const;

/** What a feed needs of a record: the hub's records (src/hub/hub.ts) are these. */
export type FeedRecord = TypedRecord & {
  /** collection/organisation/slug */
  id: string;
  organisation: string;
  /** The source file, the key of lastUpdated. */
  filePath: string;
};

/** What entries need from the hub, and where pages are. */
export interface EntryContext {
  /** The absolute address of a path under the base: 'roadmap/a/b/' → https://host/base/roadmap/a/b/. */
  url: (path: string) => string;
  organisation: (id: string) => { name: string; demonstration: boolean } | undefined;
  serviceLabel: (id: number) => string;
  themeLabel: (id: string) => string;
  /** The record's licence when it names one that is not the default, as rights text. */
  rights: (licenceId: string) => string | undefined;
  lastUpdated: (filePath: string) => string | undefined;
  /** The build time. */
  now: Date;
}

/** A record's id as a tag: URI, the same wherever the hub is served. */
export function entryId(recordId: string): string {
  return `${TAG_PREFIX}${recordId}`;
}

function list<T>(data: object, name: string): T[] {
  const value = (data as Record<string, unknown>)[name];
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The record as an entry. Demonstration records say so in their title and in a category. */
export function recordEntry(record: FeedRecord, context: EntryContext): AtomEntry {
  const organisation = context.organisation(record.organisation);
  const demonstration = organisation?.demonstration === true;
  const collection = recordCollection(record.collection);
  const { updated, published } = entryDates(record, context.lastUpdated(record.filePath), context.now);
  const categories: AtomCategory[] = [
    { term: sentenceCase(collection?.singular ?? record.collection), scheme: CATEGORY_SCHEMES.collection },
    ...(record.collection === 'roadmap'
      ? [{ term: `Status: ${codeInWords(record.data.status).toLowerCase()}`, scheme: CATEGORY_SCHEMES.status }]
      : []),
    ...list<number>(record.data, 'services').map((id) => ({ term: context.serviceLabel(id), scheme: CATEGORY_SCHEMES.service })),
    ...list<string>(record.data, 'themes').map((id) => ({ term: context.themeLabel(id), scheme: CATEGORY_SCHEMES.theme })),
    ...(demonstration ? [{ term: 'Demonstration', scheme: CATEGORY_SCHEMES.demonstration }] : []),
  ];
  const licence = 'licence' in record.data ? record.data.licence : undefined;
  const page = context.url(`${record.id}/`);
  return {
    id: entryId(record.id),
    title: demonstration ? `${record.data.title} (demonstration)` : record.data.title,
    link: page,
    updated,
    published,
    author: { name: organisation?.name ?? record.organisation, uri: context.url(`organisations/${record.organisation}/`) },
    categories,
    // The summary only, with the link to the page: bodies in every feed would add about 100 MB to a hub
    // of 25,000 records (GitHub Pages allows 1 GB), and the page is where the record is kept current.
    summary: record.data.summary,
    rights: licence ? context.rights(licence) : undefined,
  };
}

/** Newest first by updated (compared as instants: git dates carry offsets), then by id for a stable order. */
export function newestFirst<T extends { id: string; updated: string }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => instant(b.updated) - instant(a.updated) || compareById(a, b));
}
