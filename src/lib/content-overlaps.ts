/**
 * The overlap engine over validated content (HubContent), for the scripts: the pull-request report and
 * the weekly issue. They read files with the validator, not through Astro, so they cannot use the hub's
 * records; this builds the same items as src/hub/hub.ts does, so that a script and the site find the
 * same similar work: roadmap items, components and datasets.
 */
import { serviceCodeAndLabel, type ServiceNames } from './services.ts';
import type { ContentRecord, HubContent } from './content-files/types.ts';
import { addressesIn, findOverlaps, type OverlapItem, type OverlapResult } from './overlaps/index.ts';

export type RoadmapRecord = Extract<ContentRecord, { collection: 'roadmap' }>;
type ComponentRecord = Extract<ContentRecord, { collection: 'components' }>;
type DatasetRecord = Extract<ContentRecord, { collection: 'datasets' }>;
/** The parts of a record the engine reads. */
type Compared<R extends ContentRecord> = Pick<R, 'id' | 'organisation' | 'body' | 'data' | 'collection'>;

export function roadmapRecords(content: HubContent): RoadmapRecord[] {
  return content.records.filter((record): record is RoadmapRecord => record.collection === 'roadmap');
}

/**
 * A roadmap item as the overlap engine takes it, for the site (src/hub/hub.ts) and the scripts alike.
 * Fictional demonstration work must never be offered to a real council as similar work, nor the reverse:
 * they are in different groups.
 */
export function overlapItem(record: Pick<RoadmapRecord, 'id' | 'organisation' | 'body' | 'data'>, demonstration: boolean): OverlapItem {
  return {
    id: record.id,
    kind: 'roadmap',
    organisation: record.organisation,
    group: demonstration ? 'demonstration' : 'real',
    title: record.data.title,
    summary: record.data.summary,
    body: record.body ?? '',
    status: record.data.status,
    services: record.data.services ?? [],
    themes: record.data.themes ?? [],
    start: record.data.start,
    end: record.data.end,
    partners: record.data.partners ?? [],
  };
}

/**
 * A component as the engine takes it. Its own addresses are its repository and where the harvest read it;
 * there is no field for an upstream, so a fork is known by the repository it names in its text or website
 * (“forked from https://github.com/…”), or by keeping its upstream's repository_url.
 */
export function componentOverlapItem(record: Compared<ComponentRecord>, demonstration: boolean): OverlapItem {
  return {
    ...thingOf(record, demonstration),
    kind: 'components',
    addresses: [record.data.repository_url, record.data.harvested_from].filter((url) => url !== undefined),
    links: [...addressesIn(record.body), ...(record.data.url === undefined ? [] : [record.data.url])],
    standards: record.data.standards ?? [],
    subtype: record.data.kind,
  };
}

/** A dataset as the engine takes it: the same landing page or file is the same data, published twice. */
export function datasetOverlapItem(record: Compared<DatasetRecord>, demonstration: boolean): OverlapItem {
  const files = (record.data.distributions ?? []).map((distribution) => distribution.url);
  return {
    ...thingOf(record, demonstration),
    kind: 'datasets',
    addresses: [record.data.landing_url, ...files, record.data.harvested_from].filter((url) => url !== undefined),
    links: addressesIn(record.body),
    standards: record.data.standards ?? [],
    formats: [...new Set((record.data.distributions ?? []).map((distribution) => distribution.format))],
  };
}

function thingOf(record: Compared<ComponentRecord | DatasetRecord>, demonstration: boolean): OverlapItem {
  return {
    id: record.id,
    organisation: record.organisation,
    group: demonstration ? 'demonstration' : 'real',
    title: record.data.title,
    summary: record.data.summary,
    body: record.body ?? '',
    services: record.data.services ?? [],
    themes: record.data.themes ?? [],
  };
}

/** The record as the engine takes it, for the kinds it compares (roadmap items, components, datasets); else undefined. */
export function recordOverlapItem(record: Compared<ContentRecord>, demonstration: boolean): OverlapItem | undefined {
  switch (record.collection) {
    case 'roadmap':
      return overlapItem(record as Compared<RoadmapRecord>, demonstration);
    case 'components':
      return componentOverlapItem(record as Compared<ComponentRecord>, demonstration);
    case 'datasets':
      return datasetOverlapItem(record as Compared<DatasetRecord>, demonstration);
    default:
      return undefined;
  }
}

/**
 * Every roadmap item's, component's and dataset's overlaps with other organisations' items. `today` is YYYY-MM-DD (open-ended work
 * runs to its month). Demonstration work is never matched with a real council's, nor the reverse. The
 * synonym vocabulary is the content's own, as on the site.
 */
export function contentOverlaps(content: HubContent, reference: ServiceNames, today: string): OverlapResult {
  const demonstration = new Set(content.organisations.filter((entry) => entry.data.demonstration === true).map((entry) => entry.id));
  const names = new Map(content.organisations.map((organisation) => [organisation.id, organisation.data.name]));
  const themes = new Map(content.themes.map((theme) => [theme.id, theme.label]));
  const items = content.records.flatMap((record) => recordOverlapItem(record, demonstration.has(record.organisation)) ?? []);
  return findOverlaps(
    items,
    {
      service: (id) => serviceCodeAndLabel(reference, id),
      theme: (id) => themes.get(id) ?? id,
      organisation: (id) => names.get(id) ?? id,
    },
    { today: today.slice(0, 7), synonyms: content.synonyms },
  );
}
