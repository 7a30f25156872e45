/**
 * The Atom feeds of the built demonstration site: every feed well-formed, with the elements RFC 4287
 * requires and its entries newest first; a feed for every organisation, even those that share nothing;
 * every record exactly once across the organisation feeds, in its own organisation's; service, theme and
 * collection feeds holding only what they say, capped at 50; every page naming an existing feed in its
 * <head>, the right one on organisation, service, theme, list and home pages; the "Follow" link on the
 * page matching it, in Chromium; and the page that explains the feeds passing axe. What is expected is
 * worked out from content/ here (tests/site/pages.ts), not from the site's own code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { axeViolations } from './axe.ts';
import { readBuiltPages, type BuiltPage } from './html-scan.ts';
import { readOrganisations, readRecords, type ContentRecord } from './pages.ts';
import { openPage, problemLines } from './site.ts';

const demoDir = inject('demoDir');
const demoUrl = inject('demoUrl');
const base = inject('base');
const contentDir = inject('demoContentDir');
const records = readRecords(contentDir);
const organisations = readOrganisations(contentDir);
const LIMIT = 50;
const COLLECTION_NAMES = ['roadmap', 'principles', 'lessons', 'datasets', 'components'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['entry', 'link', 'category'].includes(name),
  parseTagValue: false,
});
const text = (value: unknown): string =>
  typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text'] ?? '') : String(value ?? '');

interface Entry {
  id: string;
  title: string;
  updated: string;
  link: string;
  /** The record's path under the base, from the entry's link. */
  path: string;
  categories: string[];
}

interface Feed {
  /** Path under the base, e.g. feeds/organisations/fenmoor.xml */
  path: string;
  id: string;
  title: string;
  updated: string;
  links: { rel: string; href: string }[];
  authorName: string;
  entries: Entry[];
}

/** Whether every character is one XML 1.0 allows (fast-xml-parser's validator does not check). */
function onlyXmlChars(value: string): boolean {
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (!(
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000
    ))
      return false;
  }
  return true;
}

function feedFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = join(folder, name);
    return statSync(file).isDirectory() ? feedFiles(file) : name.endsWith('.xml') ? [file] : [];
  });
}

const problems: string[] = [];
const feeds = new Map<string, Feed>();
beforeAll(() => {
  for (const file of feedFiles(join(demoDir, 'feeds'))) {
    const path = relative(demoDir, file).split('\\').join('/');
    const xml = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      problems.push(`${path}: not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
      continue;
    }
    if (!onlyXmlChars(xml)) problems.push(`${path}: has a character XML 1.0 does not allow`);
    const root = parser.parse(xml).feed;
    if (!root || root['@_xmlns'] !== 'http://www.w3.org/2005/Atom') {
      problems.push(`${path}: its root is not an Atom <feed>`);
      continue;
    }
    const entries: Entry[] = (root.entry ?? []).map((entry: Record<string, unknown>) => {
      const link =
        ((entry.link as Record<string, string>[] | undefined) ?? []).find(
          (candidate) => (candidate['@_rel'] ?? 'alternate') === 'alternate',
        )?.['@_href'] ?? '';
      return {
        id: text(entry.id),
        title: text(entry.title),
        updated: text(entry.updated),
        link,
        path: link.startsWith(demoUrl) ? link.slice(demoUrl.length) : link,
        categories: ((entry.category as Record<string, string>[] | undefined) ?? []).map((category) => category['@_term']),
      };
    });
    feeds.set(path, {
      path,
      id: text(root.id),
      title: text(root.title),
      updated: text(root.updated),
      links: (root.link ?? []).map((link: Record<string, string>) => ({ rel: link['@_rel'] ?? 'alternate', href: link['@_href'] })),
      authorName: text(root.author?.name),
      entries,
    });
  }
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const recordByPath = new Map(records.map((record) => [record.path, record]));
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
const feed = (path: string) => {
  const found = feeds.get(path);
  expect(found, `${path} should be in the build`).toBeDefined();
  return found!;
};

describe('every feed', () => {
  it('is well-formed Atom with only characters XML allows', () => {
    expect(feeds.size).toBeGreaterThan(organisations.size);
    expect(problems).toEqual([]);
  });

  it('has its own address as id and self link, a title, an updated time, an author, and a page it follows', () => {
    const wrong: string[] = [];
    for (const { path, id, title, updated, links, authorName } of feeds.values()) {
      const self = `${demoUrl}${path}`;
      if (id !== self) wrong.push(`${path}: id ${id}, not ${self}`);
      if (!links.some((link) => link.rel === 'self' && link.href === self)) wrong.push(`${path}: no rel="self" link to itself`);
      const alternate = links.find((link) => link.rel === 'alternate')?.href ?? '';
      if (!alternate.startsWith(demoUrl) || !existsSync(join(demoDir, alternate.slice(demoUrl.length), 'index.html')))
        wrong.push(`${path}: its page ${alternate} is not in the build`);
      if (!title.startsWith('Council Commons: ')) wrong.push(`${path}: title “${title}”`);
      if (!RFC3339.test(updated)) wrong.push(`${path}: updated “${updated}” is not RFC 3339`);
      if (authorName !== 'Council Commons') wrong.push(`${path}: author “${authorName}”`);
    }
    expect(wrong).toEqual([]);
  });

  it(
    'has entries with an id, title, RFC 3339 updated time and a link to an existing record page, ' +
      'newest first, and says it was updated when its newest entry was',
    () => {
      const wrong: string[] = [];
      for (const { path, updated, entries } of feeds.values()) {
        for (const entry of entries) {
          if (!entry.id.startsWith('tag:council-commons.github.io,2026:')) wrong.push(`${path}: entry id ${entry.id}`);
          if (!entry.title) wrong.push(`${path}: an entry without a title (${entry.id})`);
          if (!RFC3339.test(entry.updated)) wrong.push(`${path}: ${entry.id} updated “${entry.updated}”`);
          if (!recordByPath.has(entry.path)) wrong.push(`${path}: ${entry.id} links to ${entry.link}, which is no record`);
          else if (entry.id.slice(entry.id.indexOf(':', 4) + 1) !== entry.path.slice(0, -1))
            wrong.push(`${path}: ${entry.id} is not the id of ${entry.path}`);
        }
        const times = entries.map((entry) => Date.parse(entry.updated));
        if (times.some((time, index) => index > 0 && time > times[index - 1])) wrong.push(`${path}: entries are not newest first`);
        if (entries.length > 0 && Date.parse(updated) !== times[0])
          wrong.push(`${path}: updated ${updated}, but its newest entry ${entries[0].updated}`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('organisation feeds', () => {
  it('exist for every organisation, including those that have shared nothing yet', () => {
    const missing = [...organisations.keys()].filter((id) => !feeds.has(`feeds/organisations/${id}.xml`));
    expect(missing).toEqual([]);
    const empty = feed('feeds/organisations/hartlepool.xml');
    expect(records.some((record) => record.organisation === 'hartlepool')).toBe(false);
    expect(empty.entries).toEqual([]);
    expect(empty.title).toBe('Council Commons: Hartlepool');
  });

  it('together list every record exactly once, each in its own organisation’s feed', () => {
    const seen = new Map<string, string[]>();
    for (const id of organisations.keys()) {
      for (const entry of feed(`feeds/organisations/${id}.xml`).entries) {
        seen.set(entry.path, [...(seen.get(entry.path) ?? []), id]);
        expect(recordByPath.get(entry.path)?.organisation, `${entry.path} in ${id}’s feed`).toBe(id);
      }
    }
    expect(records.length).toBeGreaterThan(50);
    expect([...seen.keys()].sort()).toEqual(records.map((record) => record.path).sort());
    expect([...seen].filter(([, where]) => where.length !== 1)).toEqual([]);
  });

  it('mark demonstration organisations and their records', () => {
    for (const [id, data] of organisations) {
      if (data.demonstration !== true) continue;
      const { title, entries } = feed(`feeds/organisations/${id}.xml`);
      expect(title).toMatch(/\(demonstration\)$/);
      for (const entry of entries) {
        expect(entry.title).toMatch(/\(demonstration\)$/);
        expect(entry.categories).toContain('Demonstration');
      }
    }
  });
});

describe('capped feeds', () => {
  /** The records a capped feed should choose from. */
  const cases: [string, (record: ContentRecord) => boolean][] = [
    ['feeds/all.xml', () => true],
    ...COLLECTION_NAMES.map((name): [string, (record: ContentRecord) => boolean] => [
      `feeds/${name}.xml`,
      (record) => record.collection === name,
    ]),
  ];

  it.for(cases)('%s holds the newest of its records, up to 50, and nothing else', ([path, belongs]) => {
    const { entries } = feed(path);
    const expected = records.filter(belongs);
    expect(entries.length).toBe(Math.min(LIMIT, expected.length));
    for (const entry of entries) expect(belongs(recordByPath.get(entry.path)!), `${entry.path} in ${path}`).toBe(true);
  });

  it('a service feed exists for every service records are about, and holds only records about it', () => {
    const services = new Set(records.flatMap((record) => list(record.data.services)));
    expect(services.size).toBeGreaterThan(5);
    for (const service of services) {
      const { entries } = feed(`feeds/services/${service}.xml`);
      const about = records.filter((record) => list(record.data.services).includes(service));
      expect(entries.length, `feeds/services/${service}.xml`).toBe(Math.min(LIMIT, about.length));
      for (const entry of entries)
        expect(list(recordByPath.get(entry.path)!.data.services), `${entry.path} in feeds/services/${service}.xml`).toContain(service);
    }
    expect([...feeds.keys()].filter((path) => path.startsWith('feeds/services/')).length).toBe(services.size);
  });

  it('a theme feed exists for every theme records are under, and holds only records under it', () => {
    const themes = new Set(records.flatMap((record) => list(record.data.themes)));
    expect(themes.size).toBeGreaterThan(5);
    for (const theme of themes) {
      const { entries } = feed(`feeds/themes/${theme}.xml`);
      const under = records.filter((record) => list(record.data.themes).includes(theme));
      expect(entries.length, `feeds/themes/${theme}.xml`).toBe(Math.min(LIMIT, under.length));
      for (const entry of entries)
        expect(list(recordByPath.get(entry.path)!.data.themes), `${entry.path} in feeds/themes/${theme}.xml`).toContain(theme);
    }
    expect([...feeds.keys()].filter((path) => path.startsWith('feeds/themes/')).length).toBe(themes.size);
  });
});

describe('feed links in <head>', () => {
  let pages: BuiltPage[];
  beforeAll(() => {
    pages = readBuiltPages(demoDir);
  });

  /** The feed paths (under the base) a page names in its <head>. */
  const headFeeds = (page: BuiltPage) =>
    page.tags
      .filter(
        (tag) => tag.name === 'link' && tag.attributes.get('rel') === 'alternate' && tag.attributes.get('type') === 'application/atom+xml',
      )
      .map((tag) => ({
        path: (tag.attributes.get('href') ?? '').replace(base, ''),
        title: tag.attributes.get('title') ?? '',
        href: tag.attributes.get('href') ?? '',
      }));

  it('every page names exactly one feed, under the base, that exists, by its title', () => {
    expect(pages.length).toBeGreaterThan(400);
    const wrong: string[] = [];
    for (const page of pages) {
      const named = headFeeds(page);
      if (named.length !== 1) {
        wrong.push(`${page.file}: ${named.length} feed links`);
        continue;
      }
      const [{ path, title, href }] = named;
      if (!href.startsWith(`${base}feeds/`)) wrong.push(`${page.file}: feed link ${href} is not under ${base}feeds/`);
      else if (!feeds.has(path)) wrong.push(`${page.file}: feed link ${href} is not in the build`);
      else if (feeds.get(path)!.title !== title)
        wrong.push(`${page.file}: feed link title “${title}”, but the feed is “${feeds.get(path)!.title}”`);
    }
    expect(wrong.slice(0, 50)).toEqual([]);
  });

  it.for([
    ['', 'feeds/all.xml'],
    ['about/', 'feeds/all.xml'],
    ['roadmap/fenmoor/school-admissions-online/', 'feeds/all.xml'],
    ['roadmap/', 'feeds/roadmap.xml'],
    ['datasets/', 'feeds/datasets.xml'],
    ['roadmap/status/beta/', 'feeds/roadmap.xml'],
    ['datasets/type/district/', 'feeds/datasets.xml'],
    ['components/service/524/', 'feeds/services/524.xml'],
    ['principles/theme/ways-of-working/', 'feeds/themes/ways-of-working.xml'],
    ['organisations/fenmoor/', 'feeds/organisations/fenmoor.xml'],
    ['organisations/hartlepool/', 'feeds/organisations/hartlepool.xml'],
    ['services/524/', 'feeds/services/524.xml'],
    ['themes/housing/', 'feeds/themes/housing.xml'],
  ])('/%s names %s', ([pagePath, feedPath]) => {
    const page = pages.find((candidate) => candidate.path === pagePath);
    expect(page, `${pagePath} should be built`).toBeDefined();
    expect(headFeeds(page!).map((named) => named.path)).toEqual([feedPath]);
  });
});

describe('the Follow link on the page, in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await newContext(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for([
    ['', /^Follow everything new and changed on Council Commons \(Atom feed\)$/],
    ['roadmap/', /^Follow new and changed roadmap items \(Atom feed\)$/],
    ['components/service/524/', /^Follow new and changed records on Household waste collection \(Atom feed\)$/],
    ['organisations/fenmoor/', /^Follow new and changed records from Fenmoor \(Atom feed\)$/],
    ['organisations/hartlepool/', /^Follow new and changed records from Hartlepool \(Atom feed\)$/],
    ['services/524/', /^Follow new and changed records on Household waste collection \(Atom feed\)$/],
    ['themes/housing/', /^Follow new and changed records on Housing \(Atom feed\)$/],
  ] as const)('/%s has a link that says what it follows, to the feed its <head> names, which answers with a feed', async ([path, name]) => {
    const { page, response, problems: seen } = await openPage(context, path);
    expect(response?.status()).toBe(200);
    const link = page.getByRole('link', { name });
    await expect(link.count()).resolves.toBe(1);
    const href = await link.getAttribute('href');
    expect(href).toBe(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href'));
    // The icon is decoration: hidden from assistive technology, so the name is the words alone.
    await expect(link.locator('svg').getAttribute('aria-hidden')).resolves.toBe('true');
    // The hint shows the full address to paste, and links to the page that explains feeds.
    const hint = page.locator('.hub-feed');
    await expect(hint.innerText()).resolves.toContain(new URL(href!, demoUrl).href);
    await expect(hint.getByRole('link', { name: 'How feeds work' }).getAttribute('href')).resolves.toBe(`${base}feeds/`);
    const answer = await page.request.get(new URL(href!, demoUrl).href);
    expect(answer.status()).toBe(200);
    expect(XMLValidator.validate(await answer.text())).toBe(true);
    expect(problemLines(seen)).toEqual([]);
    await page.close();
  });

  it('/feeds/ explains feeds, links every collection’s feed, and has no axe-core violations', async () => {
    // axe-core runs as a script in the page, so this page is opened with JavaScript on (the page has none of its own).
    const withScript = await newContext(browser);
    const { page, response, problems: seen } = await openPage(withScript, 'feeds/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').innerText()).resolves.toBe('Follow Council Commons with feeds');
    const hrefs = await page
      .locator('main a[type="application/atom+xml"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    for (const name of ['all', ...COLLECTION_NAMES]) expect(hrefs).toContain(`${base}feeds/${name}.xml`);
    for (const href of hrefs) expect(feeds.has(href!.replace(base, '')), href!).toBe(true);
    await expect(page.locator('main').innerText()).resolves.toContain('newest 50');
    expect(await axeViolations(page)).toEqual([]);
    expect(problemLines(seen)).toEqual([]);
    await withScript.close();
  });
});
