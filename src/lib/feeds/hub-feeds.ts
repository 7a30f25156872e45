/**
 * The hub's feeds, from its loaded data (src/hub/hub.ts satisfies FeedHub):
 *   feeds/all.xml                    everything, the newest FEED_ENTRY_LIMIT
 *   feeds/<collection>.xml           one collection, the newest FEED_ENTRY_LIMIT
 *   feeds/organisations/<id>.xml     every record of one organisation (also for those with none yet)
 *   feeds/services/<lgsl-id>.xml     records about one service, the newest FEED_ENTRY_LIMIT
 *   feeds/themes/<id>.xml            records under one theme, the newest FEED_ENTRY_LIMIT
 * Entries are newest first (src/lib/feeds/dates.ts says what "updated" is). The organisation feeds
 * together hold every record exactly once, so a subscriber to a council misses nothing however much it
 * shares; the others are capped, because a feed reader wants news, not the whole hub.
 */
import { RECORD_COLLECTIONS, type RecordCollectionName } from '../../../schemas/collections.ts';
import type { HubConfig } from '../../../schemas/hub-config.ts';
import { withBase } from '../urls.ts';
import type { AtomEntry, AtomFeedData } from './atom.ts';
import { timestamp } from './dates.ts';
import { FEED_ENTRY_LIMIT, newestFirst, recordEntry, type EntryContext, type FeedRecord } from './entries.ts';
import type { PageFeed, PageFeeds } from './paths.ts';

/** What the feeds read from the hub. */
export interface FeedHub {
  records: readonly FeedRecord[];
  organisations: ReadonlyMap<string, { data: { name: string }; demonstration: boolean }>;
  services: ReadonlyMap<number, { label: string }>;
  /** A service's label, or its code in the hub's service list when the list does not have it. */
  serviceLabel: (id: number) => string;
  /** A service's code, “LGSL 524”. */
  serviceCode: (id: number) => string;
  themes: ReadonlyMap<string, { label: string }>;
  licences: ReadonlyMap<string, { name: string; url: string }>;
  defaultLicence: { id: string; name: string; url: string };
  lastUpdated: ReadonlyMap<string, string>;
  /** The hub's configuration: its name titles the feeds and is their author. */
  hubConfig: Pick<HubConfig, 'name' | 'languages'>;
  /** Each feed's title and path, as the pages name them (src/hub/hub.ts makes them from the hub's name). */
  feeds: PageFeeds;
}

export interface FeedSettings {
  /** The public origin (Astro's `site`). */
  site: string | URL;
  /** The base path (import.meta.env.BASE_URL). */
  base: string;
  /** The build time: the updated date of an empty feed, and of records with no date at all. */
  now: Date;
  /** owner/name on GitHub, for the generator's address. */
  repository?: string | undefined;
}

interface FeedIndex {
  context: EntryContext;
  /** Every record's entry, newest first, with the record. */
  sorted: { record: FeedRecord; entry: AtomEntry }[];
  byOrganisation: Map<string, AtomEntry[]>;
  byCollection: Map<string, AtomEntry[]>;
  byService: Map<number, AtomEntry[]>;
  byTheme: Map<string, AtomEntry[]>;
}

// Entries are made and sorted once per hub and settings, however many feeds are asked for (hundreds of
// organisation feeds read the same index).
const indexes = new WeakMap<FeedHub, Map<string, FeedIndex>>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

function entryContext(hub: FeedHub, settings: FeedSettings): EntryContext {
  return {
    url: (path) => new URL(withBase(settings.base, path), settings.site).href,
    organisation: (id) => {
      const organisation = hub.organisations.get(id);
      return organisation && { name: organisation.data.name, demonstration: organisation.demonstration };
    },
    serviceLabel: hub.serviceLabel,
    themeLabel: (id) => hub.themes.get(id)?.label ?? id,
    rights: (licenceId) => {
      if (licenceId === hub.defaultLicence.id) return undefined;
      const licence = hub.licences.get(licenceId);
      return licence ? `${licence.name}: ${licence.url}` : licenceId;
    },
    lastUpdated: (filePath) => hub.lastUpdated.get(filePath),
    now: settings.now,
  };
}

function feedIndex(hub: FeedHub, settings: FeedSettings): FeedIndex {
  const key = `${String(settings.site)} ${settings.base} ${settings.now.getTime()} ${settings.repository ?? ''}`;
  const cached = indexes.get(hub)?.get(key);
  if (cached) return cached;
  const context = entryContext(hub, settings);
  const sorted = newestFirst(
    hub.records.map((record) => {
      const entry = recordEntry(record, context);
      return { id: record.id, updated: entry.updated, record, entry };
    }),
  );
  const index: FeedIndex = {
    context,
    sorted,
    byOrganisation: new Map(),
    byCollection: new Map(),
    byService: new Map(),
    byTheme: new Map(),
  };
  for (const { record, entry } of sorted) {
    push(index.byOrganisation, record.organisation, entry);
    push(index.byCollection, record.collection, entry);
    for (const id of 'services' in record.data ? (record.data.services ?? []) : [])
      if (hub.services.has(id)) push(index.byService, id, entry);
    for (const id of 'themes' in record.data ? (record.data.themes ?? []) : []) if (hub.themes.has(id)) push(index.byTheme, id, entry);
  }
  indexes.set(hub, new Map([...(indexes.get(hub) ?? []), [key, index]]));
  return index;
}

interface FeedDefinition {
  /** Its title and path, as pages name it. */
  feed: PageFeed;
  subtitle: string;
  /** The HTML page the feed follows, under the base. */
  page: string;
  /** Newest first. */
  entries: readonly AtomEntry[];
  /** At most this many entries; undefined for all of them. */
  limit?: number | undefined;
}

function feed(hub: FeedHub, settings: FeedSettings, definition: FeedDefinition): AtomFeedData {
  const { context } = feedIndex(hub, settings);
  const entries = definition.limit === undefined ? [...definition.entries] : definition.entries.slice(0, definition.limit);
  const { name, url } = hub.defaultLicence;
  return {
    id: context.url(definition.feed.path),
    title: definition.feed.title,
    subtitle: definition.subtitle,
    updated: entries[0]?.updated ?? timestamp(settings.now),
    alternate: context.url(definition.page),
    author: { name: hub.hubConfig.name, uri: context.url('') },
    language: hub.hubConfig.languages[0].code,
    rights: `${name} unless an entry says otherwise: ${url}`,
    generator: { name: hub.hubConfig.name, uri: settings.repository ? `https://github.com/${settings.repository}` : undefined },
    icon: context.url('favicon.svg'),
    entries,
  };
}

const newest = (limit: number) => `newest first (the newest ${limit} only; each organisation’s own feed has all its records)`;

/** Everything on the hub, newest first, capped. */
export function allFeed(hub: FeedHub, settings: FeedSettings): AtomFeedData {
  return feed(hub, settings, {
    feed: hub.feeds.all,
    subtitle:
      'Roadmap items, design principles, lessons, datasets and components from every ' +
      `organisation on ${hub.hubConfig.name}, as they are added or changed, ${newest(FEED_ENTRY_LIMIT)}.`,
    page: '',
    entries: feedIndex(hub, settings).sorted.map(({ entry }) => entry),
    limit: FEED_ENTRY_LIMIT,
  });
}

/** One collection's records, newest first, capped. */
export function collectionFeed(hub: FeedHub, settings: FeedSettings, name: RecordCollectionName): AtomFeedData {
  const collection = RECORD_COLLECTIONS.find((candidate) => candidate.name === name)!;
  return feed(hub, settings, {
    feed: hub.feeds.collection(name, collection.label),
    subtitle:
      `${collection.label} from every organisation on ${hub.hubConfig.name}, ` +
      `as they are added or changed, ${newest(FEED_ENTRY_LIMIT)}.`,
    page: `${name}/`,
    entries: feedIndex(hub, settings).byCollection.get(name) ?? [],
    limit: FEED_ENTRY_LIMIT,
  });
}

/** Every record of one organisation, newest first: a valid, empty feed for one that has shared nothing yet. */
export function organisationFeed(hub: FeedHub, settings: FeedSettings, id: string): AtomFeedData {
  const organisation = hub.organisations.get(id);
  const name = organisation?.data.name ?? id;
  const entries = feedIndex(hub, settings).byOrganisation.get(id) ?? [];
  return feed(hub, settings, {
    feed: hub.feeds.organisation(id, name, organisation?.demonstration === true),
    subtitle:
      `Every record ${name} shares on ${hub.hubConfig.name} (roadmap items, design principles, ` +
      'lessons, datasets and components), newest first, as they are added or changed.' +
      (entries.length === 0 ? ` ${name} has not shared anything yet: this feed will tell you when it does.` : ''),
    page: `organisations/${id}/`,
    entries,
  });
}

/** Records about one service of the hub's service list, newest first, capped. */
export function serviceFeed(hub: FeedHub, settings: FeedSettings, id: number): AtomFeedData {
  const label = hub.serviceLabel(id);
  return feed(hub, settings, {
    feed: hub.feeds.service(id, label),
    subtitle:
      `Everyone’s work on the service ${label} (${hub.serviceCode(id)}) on ${hub.hubConfig.name}, ` +
      `as it is added or changed, ${newest(FEED_ENTRY_LIMIT)}.`,
    page: `services/${id}/`,
    entries: feedIndex(hub, settings).byService.get(id) ?? [],
    limit: FEED_ENTRY_LIMIT,
  });
}

/** Records under one theme, newest first, capped. */
export function themeFeed(hub: FeedHub, settings: FeedSettings, id: string): AtomFeedData {
  const label = hub.themes.get(id)?.label ?? id;
  return feed(hub, settings, {
    feed: hub.feeds.theme(id, label),
    subtitle: `Everyone’s work under the theme ${label} on ${hub.hubConfig.name}, as it is added or changed, ${newest(FEED_ENTRY_LIMIT)}.`,
    page: `themes/${id}/`,
    entries: feedIndex(hub, settings).byTheme.get(id) ?? [],
    limit: FEED_ENTRY_LIMIT,
  });
}
