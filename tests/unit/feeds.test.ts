/**
 * src/lib/feeds: dates (git first, then the record's own dates in a documented order, then the build
 * time), entries (ids that survive a move, fields, categories, demonstration marking), order (newest
 * first), the cap on every feed but an organisation's, and the hub's feeds as parsed Atom.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/feeds/atom.ts';
import { entryDates, PUBLISHED_FIELDS, RECORD_DATE_FIELDS, rfc3339, timestamp } from '../../src/lib/feeds/dates.ts';
import {
  entryId,
  FEED_ENTRY_LIMIT,
  newestFirst,
  recordEntry,
  TAG_PREFIX,
  type EntryContext,
  type FeedRecord,
} from '../../src/lib/feeds/entries.ts';
import {
  allFeed,
  collectionFeed,
  organisationFeed,
  serviceFeed,
  themeFeed,
  type FeedHub,
  type FeedSettings,
} from '../../src/lib/feeds/hub-feeds.ts';
import { feedPaths, pageFeedsOf } from '../../src/lib/feeds/paths.ts';

const pageFeeds = pageFeedsOf('Council Commons');

const NOW = new Date('2026-11-27T12:00:00.123Z');
const BUILT = '2026-11-27T12:00:00Z';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
  parseTagValue: false,
});
const text = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text'] ?? '') : String(value ?? '');

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
}

function roadmap(
  slug: string,
  data: Partial<Extract<FeedRecord, { collection: 'roadmap' }>['data']> = {},
  organisation = 'fenmoor',
): FeedRecord {
  return {
    collection: 'roadmap',
    id: `roadmap/${organisation}/${slug}`,
    organisation,
    filePath: `content/roadmap/${organisation}/${slug}.md`,
    data: { title: `Item ${slug}`, summary: `About ${slug}.`, status: 'beta', ...data },
  };
}

function lesson(
  slug: string,
  data: Partial<Extract<FeedRecord, { collection: 'lessons' }>['data']> = {},
  organisation = 'fenmoor',
): FeedRecord {
  return {
    collection: 'lessons',
    id: `lessons/${organisation}/${slug}`,
    organisation,
    filePath: `content/lessons/${organisation}/${slug}.md`,
    data: { title: `Lesson ${slug}`, summary: `Learned ${slug}.`, ...data },
  };
}

function dataset(
  slug: string,
  data: Partial<Extract<FeedRecord, { collection: 'datasets' }>['data']> = {},
  organisation = 'fenmoor',
): FeedRecord {
  return {
    collection: 'datasets',
    id: `datasets/${organisation}/${slug}`,
    organisation,
    filePath: `content/datasets/${organisation}/${slug}.yaml`,
    data: {
      title: `Dataset ${slug}`,
      summary: `Data on ${slug}.`,
      licence: 'OGL-UK-3.0',
      landing_url: 'https://data.example.gov.uk/',
      ...data,
    },
  };
}

function principle(slug: string, organisation = 'fenmoor'): FeedRecord {
  return {
    collection: 'principles',
    id: `principles/${organisation}/${slug}`,
    organisation,
    filePath: `content/principles/${organisation}/${slug}.md`,
    data: { title: `Principle ${slug}`, summary: 'A principle.' },
  };
}

function component(slug: string, licence = 'MIT', organisation = 'fenmoor'): FeedRecord {
  return {
    collection: 'components',
    id: `components/${organisation}/${slug}`,
    organisation,
    filePath: `content/components/${organisation}/${slug}.yaml`,
    data: { title: `Component ${slug}`, summary: 'Reusable.', kind: 'code', licence },
  };
}

function hubOf(records: FeedRecord[], lastUpdated: Record<string, string> = {}): FeedHub {
  const services = new Map([
    [524, { label: 'Household waste collection' }],
    [530, { label: 'Garden waste collection' }],
  ]);
  return {
    records,
    organisations: new Map([
      ['fenmoor', { data: { name: 'Fenmoor' }, demonstration: true }],
      ['hartlepool', { data: { name: 'Hartlepool' }, demonstration: false }],
      ['kestrelford', { data: { name: 'Kestrelford' }, demonstration: true }],
    ]),
    services,
    serviceLabel: (id) => services.get(id)?.label ?? `LGSL ${id}`,
    serviceCode: (id) => `LGSL ${id}`,
    themes: new Map([
      ['housing', { label: 'Housing' }],
      ['waste-and-recycling', { label: 'Waste and recycling' }],
    ]),
    licences: new Map([
      [
        'OGL-UK-3.0',
        { name: 'Open Government Licence v3.0', url: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' },
      ],
      ['MIT', { name: 'MIT License', url: 'https://opensource.org/license/mit/' }],
    ]),
    defaultLicence: {
      id: 'OGL-UK-3.0',
      name: 'Open Government Licence v3.0',
      url: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    },
    lastUpdated: new Map(Object.entries(lastUpdated)),
    hubConfig: { name: 'Council Commons', languages: [{ code: 'en-GB', name: 'English' }] },
    feeds: pageFeeds,
  };
}

const SETTINGS: FeedSettings = {
  site: 'https://hub.example',
  base: '/council-commons/',
  now: NOW,
  repository: 'council-commons/council-commons',
};

function context(lastUpdated: Record<string, string> = {}, settings: Partial<FeedSettings> = {}): EntryContext {
  const { site, base } = { ...SETTINGS, ...settings };
  const hub = hubOf([], lastUpdated);
  return {
    url: (path) => new URL(`${base}${path}`, site).href,
    organisation: (id) => {
      const organisation = hub.organisations.get(id);
      return organisation && { name: organisation.data.name, demonstration: organisation.demonstration };
    },
    serviceLabel: (id) => hub.services.get(id)?.label ?? `LGSL ${id}`,
    themeLabel: (id) => hub.themes.get(id)?.label ?? id,
    rights: (licence) => (licence === 'OGL-UK-3.0' ? undefined : `${hub.licences.get(licence)?.name}: ${hub.licences.get(licence)?.url}`),
    lastUpdated: (file) => hub.lastUpdated.get(file),
    now: NOW,
  };
}

describe('rfc3339', () => {
  it('keeps a git date-time with its offset, and reads dates and months as midnight UTC on their first day', () => {
    expect(rfc3339('2026-11-27T00:48:49+00:00')).toBe('2026-11-27T00:48:49+00:00');
    expect(rfc3339('2026-06-01T09:15:00+01:00')).toBe('2026-06-01T09:15:00+01:00');
    expect(rfc3339('2026-03-14')).toBe('2026-03-14T00:00:00Z');
    expect(rfc3339('2026-04')).toBe('2026-04-01T00:00:00Z');
  });

  it('refuses anything else', () => {
    for (const value of [undefined, '', 'yesterday', '2026', '2026-13-01', '2026-02-30T00:00:00', '27/11/2026'])
      expect(rfc3339(value), String(value)).toBeUndefined();
  });

  it('writes the build time to the second, in UTC', () => {
    expect(timestamp(NOW)).toBe(BUILT);
  });
});

describe('entryDates', () => {
  it('documents which fields are read, collection by collection', () => {
    expect(RECORD_DATE_FIELDS).toEqual({
      lessons: ['date'],
      datasets: ['modified', 'issued'],
      roadmap: ['end', 'start'],
      principles: [],
      components: [],
    });
    expect(PUBLISHED_FIELDS).toEqual({ lessons: ['date'], datasets: ['issued'], roadmap: [], principles: [], components: [] });
  });

  it('takes updated from git first, whatever the record says', () => {
    expect(entryDates(lesson('a', { date: '2026-03-14' }), '2026-11-20T10:00:00+00:00', NOW)).toEqual({
      updated: '2026-11-20T10:00:00+00:00',
      updatedFrom: 'git',
      published: '2026-03-14T00:00:00Z',
    });
  });

  it('without git, uses the record’s own dates in order: a lesson’s date; a dataset’s modified, then issued', () => {
    expect(entryDates(lesson('a', { date: '2026-03-14' }), undefined, NOW)).toMatchObject({
      updated: '2026-03-14T00:00:00Z',
      updatedFrom: 'field:date',
    });
    expect(entryDates(dataset('a', { issued: '2024-01-01', modified: '2026-10-01' }), undefined, NOW)).toEqual({
      updated: '2026-10-01T00:00:00Z',
      updatedFrom: 'field:modified',
      published: '2024-01-01T00:00:00Z',
    });
    expect(entryDates(dataset('b', { issued: '2024-01-01' }), undefined, NOW)).toMatchObject({
      updated: '2024-01-01T00:00:00Z',
      updatedFrom: 'field:issued',
    });
  });

  it('reads a roadmap item’s end, then its start, skipping dates still in the future', () => {
    expect(entryDates(roadmap('a', { start: '2025-04', end: '2026-03' }), undefined, NOW)).toMatchObject({
      updated: '2026-03-01T00:00:00Z',
      updatedFrom: 'field:end',
    });
    expect(entryDates(roadmap('b', { start: '2025-04', end: '2027-03' }), undefined, NOW)).toMatchObject({
      updated: '2025-04-01T00:00:00Z',
      updatedFrom: 'field:start',
    });
    expect(entryDates(roadmap('c', { start: '2027-01' }), undefined, NOW)).toEqual({ updated: BUILT, updatedFrom: 'build' });
  });

  it('falls back to the build time for records with no dates, and for a git date it cannot read', () => {
    expect(entryDates(principle('a'), undefined, NOW)).toEqual({ updated: BUILT, updatedFrom: 'build' });
    expect(entryDates(component('a'), undefined, NOW)).toEqual({ updated: BUILT, updatedFrom: 'build' });
    expect(entryDates(lesson('a', { date: '2026-03-14' }), 'not a date', NOW)).toMatchObject({ updatedFrom: 'field:date' });
  });

  it('gives published only when it is not after updated', () => {
    expect(entryDates(lesson('a', { date: '2026-11-25' }), '2026-11-20T10:00:00Z', NOW).published).toBeUndefined();
    expect(entryDates(roadmap('a', { start: '2025-01' }), undefined, NOW).published).toBeUndefined();
  });
});

describe('recordEntry', () => {
  it('gives an id made from the record id, the same wherever the hub is served, and links to the page where it is', () => {
    const record = roadmap('garden-waste-online');
    const here = recordEntry(record, context());
    const elsewhere = recordEntry(record, context({}, { site: 'https://www.councilcommons.example', base: '/' }));
    expect(here.id).toBe('tag:council-commons.github.io,2026:roadmap/fenmoor/garden-waste-online');
    expect(here.id).toBe(entryId(record.id));
    expect(here.id.startsWith(TAG_PREFIX)).toBe(true);
    expect(elsewhere.id).toBe(here.id);
    expect(here.link).toBe('https://hub.example/council-commons/roadmap/fenmoor/garden-waste-online/');
    expect(elsewhere.link).toBe('https://www.councilcommons.example/roadmap/fenmoor/garden-waste-online/');
  });

  it('has the title, author with page, summary and categories, and no content beyond the summary', () => {
    const entry = recordEntry(
      roadmap('bins', { status: 'alpha', services: [524, 9999], themes: ['waste-and-recycling'] }, 'hartlepool'),
      context({ 'content/roadmap/hartlepool/bins.md': '2026-11-01T09:00:00+00:00' }),
    );
    expect(entry.title).toBe('Item bins');
    expect(entry.updated).toBe('2026-11-01T09:00:00+00:00');
    expect(entry.author).toEqual({ name: 'Hartlepool', uri: 'https://hub.example/council-commons/organisations/hartlepool/' });
    expect(entry.summary).toBe('About bins.');
    expect(entry.categories.map((category) => category.term)).toEqual([
      'Roadmap item',
      'Status: alpha',
      'Household waste collection',
      'LGSL 9999',
      'Waste and recycling',
    ]);
    expect(entry.categories[2].scheme).toBe('http://id.esd.org.uk/service');
    expect(entry.content).toBeUndefined();
    expect(entry.rights).toBeUndefined();
  });

  it('keeps a summary’s characters as text, for the XML writer to escape', () => {
    const record = lesson('a', { summary: 'Fish & <chips>' }, 'hartlepool');
    expect(recordEntry(record, context()).summary).toBe('Fish & <chips>');
  });

  it('marks a demonstration organisation’s record in its title and with a category', () => {
    const entry = recordEntry(principle('open'), context());
    expect(entry.title).toBe('Principle open (demonstration)');
    expect(entry.categories.at(-1)?.term).toBe('Demonstration');
    expect(recordEntry(principle('open', 'hartlepool'), context()).categories.map((category) => category.term)).toEqual([
      'Design principle',
    ]);
  });

  it('gives rights only when the record’s licence is not the default', () => {
    expect(recordEntry(component('a', 'MIT'), context()).rights).toBe('MIT License: https://opensource.org/license/mit/');
    expect(recordEntry(component('b', 'OGL-UK-3.0'), context()).rights).toBeUndefined();
    expect(recordEntry(dataset('c'), context()).rights).toBeUndefined();
  });
});

describe('newestFirst', () => {
  it('orders by the instant, not the text, so offsets compare rightly, and breaks ties by id', () => {
    const entries = [
      { id: 'b', updated: '2026-11-27T00:30:00+01:00' }, // 2026-11-26T23:30Z
      { id: 'a', updated: '2026-11-26T23:45:00Z' },
      { id: 'd', updated: '2026-11-27T10:00:00Z' },
      { id: 'c', updated: '2026-11-27T10:00:00Z' },
    ];
    expect(newestFirst(entries).map((entry) => entry.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(entries[0].id).toBe('b');
  });
});

describe('the hub’s feeds', () => {
  const day = (n: number) => `2026-10-${String(n).padStart(2, '0')}T08:00:00+00:00`;
  // 150 roadmap items from Kestrelford (one a day, some the same day), and a few others.
  const many = Array.from({ length: 150 }, (_, index) =>
    roadmap(
      `item-${String(index).padStart(3, '0')}`,
      { services: index % 2 ? [524] : [530], themes: index % 3 ? ['housing'] : [] },
      'kestrelford',
    ),
  );
  const others = [
    lesson('a', { date: '2026-03-14', services: [524] }),
    dataset('b', { modified: '2026-09-01' }),
    principle('c'),
    component('d'),
  ];
  const dates: Record<string, string> = Object.fromEntries(many.map((record, index) => [record.filePath, day((index % 28) + 1)]));
  const hub = hubOf([...many, ...others], dates);

  it('caps everything, collection, service and theme feeds at the newest FEED_ENTRY_LIMIT, newest first', () => {
    expect(FEED_ENTRY_LIMIT).toBe(50);
    for (const data of [
      allFeed(hub, SETTINGS),
      collectionFeed(hub, SETTINGS, 'roadmap'),
      serviceFeed(hub, SETTINGS, 524),
      themeFeed(hub, SETTINGS, 'housing'),
    ]) {
      expect(data.entries.length, data.id).toBeLessThanOrEqual(FEED_ENTRY_LIMIT);
      const updated = data.entries.map((entry) => Date.parse(entry.updated));
      expect(updated, data.id).toEqual([...updated].sort((a, b) => b - a));
      expect(data.updated).toBe(data.entries[0].updated);
      expect(data.subtitle).toContain(`the newest ${FEED_ENTRY_LIMIT} only`);
    }
    expect(allFeed(hub, SETTINGS).entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(collectionFeed(hub, SETTINGS, 'roadmap').entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(serviceFeed(hub, SETTINGS, 524).entries).toHaveLength(FEED_ENTRY_LIMIT); // of 76: 75 items and the lesson
  });

  it('gives an organisation’s feed every one of its records, uncapped, and nobody else’s', () => {
    const kestrelford = organisationFeed(hub, SETTINGS, 'kestrelford');
    expect(kestrelford.entries).toHaveLength(150);
    expect(new Set(kestrelford.entries.map((entry) => entry.id)).size).toBe(150);
    expect(kestrelford.entries.every((entry) => entry.author.name === 'Kestrelford')).toBe(true);
    expect(kestrelford.title).toBe('Council Commons: Kestrelford (demonstration)');
    const fenmoor = organisationFeed(hub, SETTINGS, 'fenmoor');
    expect(fenmoor.entries.map((entry) => entry.id).sort()).toEqual(others.map((record) => entryId(record.id)).sort());
  });

  it('lists every record exactly once across the organisation feeds', () => {
    const ids = [...hub.organisations.keys()].flatMap((id) => organisationFeed(hub, SETTINGS, id).entries.map((entry) => entry.id));
    expect(ids.sort()).toEqual(hub.records.map((record) => entryId(record.id)).sort());
  });

  it('gives an organisation that has shared nothing a valid, empty feed, updated at the build time', () => {
    const data = organisationFeed(hub, SETTINGS, 'hartlepool');
    expect(data.entries).toEqual([]);
    expect(data.updated).toBe(BUILT);
    expect(data.subtitle).toContain('Hartlepool has not shared anything yet');
    const feed = parse(atomFeed(data));
    expect(text(feed.id)).toBe('https://hub.example/council-commons/feeds/organisations/hartlepool.xml');
    expect(text(feed.title)).toBe('Council Commons: Hartlepool');
    expect(text(feed.updated)).toBe(BUILT);
    expect(text(feed.author.name)).toBe('Council Commons');
    expect(feed.entry).toBeUndefined();
  });

  it('puts in a service’s or theme’s feed only records about it', () => {
    const byId = new Map(hub.records.map((record) => [entryId(record.id), record]));
    for (const entry of serviceFeed(hub, SETTINGS, 530).entries)
      expect((byId.get(entry.id)!.data as { services?: number[] }).services).toContain(530);
    for (const entry of themeFeed(hub, SETTINGS, 'housing').entries)
      expect((byId.get(entry.id)!.data as { themes?: string[] }).themes).toContain('housing');
    expect(themeFeed(hub, SETTINGS, 'waste-and-recycling').entries).toEqual([]);
  });

  it('names itself, its page, its licence and the hub, with addresses under the base', () => {
    const data = collectionFeed(hub, SETTINGS, 'lessons');
    const feed = parse(atomFeed(data));
    expect(text(feed.id)).toBe('https://hub.example/council-commons/feeds/lessons.xml');
    expect(text(feed.title)).toBe('Council Commons: Lessons learned');
    expect(feed.link.map((link: Record<string, string>) => [link['@_rel'], link['@_href']])).toEqual([
      ['self', 'https://hub.example/council-commons/feeds/lessons.xml'],
      ['alternate', 'https://hub.example/council-commons/lessons/'],
    ]);
    expect(text(feed.rights)).toBe(
      'Open Government Licence v3.0 unless an entry says otherwise: ' +
        'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    );
    expect(feed.generator['@_uri']).toBe('https://github.com/council-commons/council-commons');
    const entry = feed.entry[0];
    expect(text(entry.id)).toBe('tag:council-commons.github.io,2026:lessons/fenmoor/a');
    expect(text(entry.title)).toBe('Lesson a (demonstration)');
    expect(entry.link[0]['@_href']).toBe('https://hub.example/council-commons/lessons/fenmoor/a/');
    expect(text(entry.updated)).toBe('2026-03-14T00:00:00Z');
    expect(text(entry.published)).toBe('2026-03-14T00:00:00Z');
    expect(entry.category.map((category: Record<string, string>) => category['@_term'])).toEqual([
      'Lesson',
      'Household waste collection',
      'Demonstration',
    ]);
    expect(text(entry.summary)).toBe('Learned a.');
    expect(entry.content).toBeUndefined();
  });

  it('matches the titles and paths pages use for their links', () => {
    expect(allFeed(hub, SETTINGS).title).toBe(pageFeeds.all.title);
    expect(allFeed(hub, SETTINGS).id).toBe(`https://hub.example/council-commons/${feedPaths.all}`);
    expect(serviceFeed(hub, SETTINGS, 524).title).toBe(pageFeeds.service(524, 'Household waste collection').title);
    expect(serviceFeed(hub, SETTINGS, 524).id).toBe(`https://hub.example/council-commons/${pageFeeds.service(524, 'x').path}`);
    expect(themeFeed(hub, SETTINGS, 'housing').title).toBe(pageFeeds.theme('housing', 'Housing').title);
    expect(organisationFeed(hub, SETTINGS, 'hartlepool').title).toBe(pageFeeds.organisation('hartlepool', 'Hartlepool', false).title);
  });

  it('are titled and written by the hub named in its configuration', () => {
    const other = {
      ...hub,
      hubConfig: { name: 'Testshire Exchange', languages: [{ code: 'cy', name: 'Welsh' }] },
      feeds: pageFeedsOf('Testshire Exchange'),
    };
    const feed = organisationFeed(other, SETTINGS, 'hartlepool');
    expect(text(feed.title)).toBe('Testshire Exchange: Hartlepool');
    expect(text(feed.author.name)).toBe('Testshire Exchange');
    // In the hub's main language: the first of its languages.
    expect(feed.language).toBe('cy');
    expect(organisationFeed(hub, SETTINGS, 'hartlepool').language).toBe('en-GB');
    expect(feed.title).toBe(pageFeedsOf('Testshire Exchange').organisation('hartlepool', 'Hartlepool', false).title);
    expect(text(allFeed(other, SETTINGS).subtitle ?? '')).toContain('organisation on Testshire Exchange');
  });

  it('keeps entry ids when the hub moves, and changes only the addresses', () => {
    const moved: FeedSettings = { ...SETTINGS, site: 'https://commons.example.org', base: '/' };
    const before = allFeed(hub, SETTINGS);
    const after = allFeed(hub, moved);
    expect(after.entries.map((entry) => entry.id)).toEqual(before.entries.map((entry) => entry.id));
    expect(after.id).toBe('https://commons.example.org/feeds/all.xml');
    expect(
      after.entries.every((entry) => entry.link.startsWith('https://commons.example.org/') && !entry.link.includes('council-commons/')),
    ).toBe(true);
  });
});
