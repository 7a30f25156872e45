/**
 * Numbers per organisation in the built demonstration site: the table at /numbers/organisations/ against
 * the content it was built from (records, `uses` and `reuses`, review dates and git history, all read here
 * without the site's code), each sort order's page in its order and reached from its header, the CSV against
 * the table, the figures and the comparison on organisation pages, and axe on the table.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { newContext, type PageProblems } from '../helpers/browser.ts';
import { sharedBrowser } from './shared-browser.ts';
import { axeViolations } from './axe.ts';
import { htmlFiles } from './html-scan.ts';
import { COLLECTIONS, readOrganisations, readRecords } from './pages.ts';
import { base, openPage, problemLines, urlOf } from './site.ts';

const contentDir = inject('demoContentDir');
const demoDir = inject('demoDir');
const records = readRecords(contentDir);
const organisations = readOrganisations(contentDir);
const TABLE = 'numbers/organisations/';
const today = new Date().toISOString().slice(0, 10);

interface Expected {
  counts: Record<string, number>;
  total: number;
  roadmap: number;
  withinReview: number;
  usedBy: Set<string>;
  usesFromOthers: Set<string>;
  lastChange?: string;
}

/** What each body that has shared something should show, worked out from content/ and git alone. */
function expectedFigures(): Map<string, Expected> {
  const owner = (component: string) => component.split('/')[1];
  const components = new Set(records.filter((record) => record.collection === 'components').map((record) => record.path.slice(0, -1)));
  const uses = new Map<string, Set<string>>();
  const use = (organisation: string, component: string) => {
    if (components.has(component)) uses.set(organisation, (uses.get(organisation) ?? new Set()).add(component));
  };
  for (const [id, data] of organisations) for (const component of (data.uses as string[] | undefined) ?? []) use(id, component);
  for (const record of records)
    for (const component of (record.data.reuses as string[] | undefined) ?? []) use(record.organisation, component);
  const figures = new Map<string, Expected>();
  for (const id of new Set(records.map((record) => record.organisation))) {
    const own = records.filter((record) => record.organisation === id);
    const roadmap = own.filter((record) => record.collection === 'roadmap');
    const folders = COLLECTIONS.map((collection) => relative(process.cwd(), join(contentDir, collection, id)));
    const git = spawnSync('git', ['log', '-1', '--format=%cI', '--', ...folders], { encoding: 'utf8' });
    figures.set(id, {
      counts: Object.fromEntries(
        COLLECTIONS.map((collection) => [collection, own.filter((record) => record.collection === collection).length]),
      ),
      total: own.length,
      roadmap: roadmap.length,
      // The review date itself still counts as within it; an item without one is within it.
      withinReview: roadmap.filter((record) => record.data.review_by === undefined || String(record.data.review_by) >= today).length,
      usedBy: new Set(
        [...uses].filter(([user, used]) => user !== id && [...used].some((component) => owner(component) === id)).map(([user]) => user),
      ),
      usesFromOthers: new Set([...(uses.get(id) ?? [])].filter((component) => owner(component) !== id)),
      ...(git.stdout.trim() ? { lastChange: git.stdout.trim() } : {}),
    });
  }
  return figures;
}

interface Row {
  id: string;
  type: string;
  cells: string[];
  /** The share's "x of y" and the last change's datetime, when the row has them. */
  within?: string;
  datetime?: string;
  users?: string;
}

interface Table {
  rows: Row[];
  keys: string[];
  sorted: { index: number; direction: string };
}

/**
 * A table (by id) on each of the pages at `paths`, or undefined where the page has none: its rows, the sort
 * key each header links to ('' for the sorted column) and the column with aria-sort. The pages are fetched
 * and parsed inside the browser in one go: navigating to each of a dozen pages cost seconds.
 */
async function readTables(paths: readonly string[], id: string): Promise<(Table | undefined)[]> {
  // Any page of the site will do to fetch from: the one open, if there is one.
  const page = tab ?? (await open(TABLE));
  return page.evaluate(
    async ({ urls, id }) => {
      const read = (table: Element): Table => {
        const headers = [...table.querySelectorAll('thead th')];
        const keys = headers.map((th) => {
          const href = th.querySelector('a')?.getAttribute('href') ?? '';
          return href === '' ? '' : (/\/by\/([a-z-]+)\/$/.exec(href)?.[1] ?? 'name');
        });
        const index = headers.findIndex((th) => th.hasAttribute('aria-sort'));
        const rows = [...table.querySelectorAll('tbody tr')].map((tr) => {
          const th = tr.querySelector('th')!;
          const tds = [...tr.querySelectorAll('td')];
          return {
            id: /organisations\/([a-z0-9-]+)\/$/.exec(th.querySelector('a')!.getAttribute('href')!)![1],
            type: th.querySelector('span')?.textContent ?? '',
            cells: tds.map((td) => td.firstChild?.textContent?.trim() ?? ''),
            ...(tds[6]?.querySelector('span') ? { within: tds[6].querySelector('span')!.textContent! } : {}),
            ...(tr.querySelector('time') ? { datetime: tr.querySelector('time')!.getAttribute('datetime')! } : {}),
            ...(tds[7]?.querySelector('span') ? { users: tds[7].querySelector('span')!.textContent! } : {}),
          };
        });
        return { rows, keys, sorted: { index, direction: index < 0 ? '' : headers[index].getAttribute('aria-sort')! } };
      };
      return Promise.all(
        urls.map(async (url) => {
          const response = await fetch(url);
          if (!response.ok) throw new Error(`${url} answered ${response.status}`);
          const table = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector(`table#${id}`);
          return table ? read(table) : undefined;
        }),
      );
    },
    { urls: paths.map((path) => urlOf(path)), id },
  );
}

/** The table (by id) on one page; it must be there. */
async function readTable(path: string, id: string): Promise<Table> {
  const [table] = await readTables([path], id);
  expect(table, `${path} has table#${id}`).toBeDefined();
  return table!;
}

// Pages are read as people without JavaScript get them.
const shared = sharedBrowser({ javaScriptEnabled: false });

let tab: Page | undefined;
let tabProblems: PageProblems | undefined;
/** Opens a page in the one tab these tests share (a new tab for each of twenty pages costs seconds). */
async function open(path: string): Promise<Page> {
  if (!tab) {
    const opened = await openPage(shared.context(), path);
    tab = opened.page;
    tabProblems = opened.problems;
    expect(opened.response?.status(), `${path} answered ${opened.response?.status()}`).toBe(200);
  } else {
    // The table and the figures are in the HTML: no need to wait for the stylesheet and the rest.
    const response = await tab.goto(urlOf(path), { waitUntil: 'domcontentloaded' });
    expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
  }
  expect(problemLines(tabProblems!), path).toEqual([]);
  return tab;
}

const expected = expectedFigures();
const isDemonstration = (id: string) => organisations.get(id)?.demonstration === true;
const nameOf = (id: string) => String(organisations.get(id)?.name ?? id);

describe('the table of numbers per organisation', () => {
  it('lists every body that has shared something, demonstration bodies apart, each with the figures its content gives', async () => {
    const page = await open(TABLE);
    const real = [...expected.keys()].filter((id) => !isDemonstration(id));
    const demonstration = [...expected.keys()].filter(isDemonstration);
    expect(demonstration.length, 'the demonstration content has demonstration bodies with records').toBeGreaterThan(0);
    if (real.length === 0) await expect(page.locator('main').innerText()).resolves.toContain('No organisation has shared anything yet.');
    else expect((await readTable(TABLE, 'real')).rows.map((row) => row.id).sort()).toEqual(real.sort());
    const { rows } = await readTable(TABLE, 'demonstration-table');
    expect(rows.map((row) => row.id).sort()).toEqual(demonstration.sort());
    for (const row of rows) {
      const want = expected.get(row.id)!;
      const [roadmap, principles, lessons, datasets, components, total, , usedBy, usesFromOthers] = row.cells;
      expect({ roadmap, principles, lessons, datasets, components, total, usedBy, usesFromOthers }, row.id).toEqual({
        ...Object.fromEntries(COLLECTIONS.map((collection) => [collection, String(want.counts[collection])])),
        total: String(want.total),
        usedBy: String(want.usedBy.size),
        usesFromOthers: String(want.usesFromOthers.size),
      });
      expect(row.within, row.id).toBe(want.roadmap === 0 ? undefined : `${want.withinReview} of ${want.roadmap}`);
      expect(row.type, row.id).not.toBe('');
      if (want.usedBy.size > 0 && want.usedBy.size <= 4) {
        for (const user of want.usedBy) expect(row.users, row.id).toContain(nameOf(user));
      }
      if (want.lastChange) expect(Date.parse(row.datetime ?? ''), row.id).toBe(Date.parse(want.lastChange));
    }
  });

  it('has a page per column, reached from its header, sorted by that column, with aria-sort on it', async () => {
    const first = await readTable(TABLE, 'demonstration-table');
    expect(first.sorted).toEqual({ index: 0, direction: 'ascending' });
    const keys = first.keys.map((key, index) => (index === 0 ? 'name' : key));
    expect(
      keys.slice(1).every((key) => key !== '' && key !== 'name'),
      'every other header is a link to a by/ page',
    ).toBe(true);
    const tables = await readTables(
      keys.map((key, index) => (index === 0 ? TABLE : `${TABLE}by/${key}/`)),
      'demonstration-table',
    );
    for (const [index, key] of keys.entries()) {
      expect(tables[index], key).toBeDefined();
      const { rows, sorted } = tables[index]!;
      expect(sorted, key).toEqual({ index, direction: index === 0 ? 'ascending' : 'descending' });
      expect(rows.map((row) => row.id).sort(), key).toEqual(first.rows.map((row) => row.id).sort());
      // Each row's value in the column: names A to Z, figures (shares, instants) largest first, none last.
      const value = (row: Row): number | undefined => {
        if (key === 'last-change') return row.datetime ? Date.parse(row.datetime) : undefined;
        if (key === 'within-review-date') {
          const [done, of] = (row.within ?? '').split(' of ').map(Number);
          return row.within ? done / of : undefined;
        }
        return Number(row.cells[index - 1].replace(/,/g, ''));
      };
      for (const [position, row] of rows.entries()) {
        if (position === 0) continue;
        const before = rows[position - 1];
        if (index === 0) {
          expect(nameOf(before.id).localeCompare(nameOf(row.id), 'en-GB', { sensitivity: 'base' }), key).toBeLessThanOrEqual(0);
          continue;
        }
        const [a, b] = [value(before), value(row)];
        if (a === undefined) expect(b, `${key}: a row without a value comes before one with`).toBeUndefined();
        else if (b !== undefined) {
          expect(a, `${key}: ${before.id} before ${row.id}`).toBeGreaterThanOrEqual(b);
          if (a === b) expect(nameOf(before.id).localeCompare(nameOf(row.id), 'en-GB'), `${key}: ties A to Z`).toBeLessThan(0);
        }
      }
    }
  });

  it('is linked from /numbers/, and every sort order is in the Nu checker’s scan of the site', async () => {
    const page = await open('numbers/');
    await expect(page.locator(`main a[href="${base}${TABLE}"]`).count()).resolves.toBe(1);
    const files = new Set(htmlFiles(demoDir));
    for (const key of (await readTable(TABLE, 'demonstration-table')).keys.filter(Boolean)) {
      expect(files.has(`${TABLE}by/${key}/index.html`), key).toBe(true);
    }
    expect(files.has(`${TABLE}index.html`)).toBe(true);
  });
});

describe('organisations-numbers.csv', () => {
  it('has the same bodies and figures as the table', async () => {
    const csv = parseCsvObjects(readFileSync(join(demoDir, 'api/v1/organisations-numbers.csv'), 'utf8'));
    const { rows } = await readTable(TABLE, 'demonstration-table');
    expect(csv.map((row) => row.id).sort()).toEqual([...expected.keys()].sort());
    for (const row of rows) {
      const line = csv.find((candidate) => candidate.id === row.id)!;
      expect(line.demonstration, row.id).toBe('true');
      expect(
        [...COLLECTIONS, 'records', 'used_by_others', 'uses_from_others'].map((column) => line[column]),
        row.id,
      ).toEqual([...row.cells.slice(0, 6), row.cells[7], row.cells[8]]);
      expect(line.roadmap_within_review_date && `${line.roadmap_within_review_date} of ${line.roadmap}`, row.id).toBe(row.within ?? '');
      expect(line.last_change, row.id).toBe(row.datetime ?? '');
      expect(line.used_by.split(';').filter(Boolean).sort(), row.id).toEqual([...expected.get(row.id)!.usedBy].sort());
    }
  });
});

describe('numbers on organisation pages', () => {
  const config = parse(readFileSync(join(contentDir, '..', 'hub.config.yaml'), 'utf8')) as {
    organisations: { types: { id: string; label: string }[] };
  };
  const labelOf = (type: unknown) => config.organisations.types.find((entry) => entry.id === type)!.label;
  /** Bodies of the same type and the same kind (real or demonstration) as `id`, itself left out. */
  const othersOfType = (id: string) =>
    [...organisations].filter(
      ([other, data]) => other !== id && data.type === organisations.get(id)!.type && (data.demonstration === true) === isDemonstration(id),
    );

  it('a body that has shared something shows its figures and how it compares with the others of its type', async () => {
    for (const id of [...expected.keys()].filter(isDemonstration)) {
      const want = expected.get(id)!;
      const section = (await open(`organisations/${id}/`)).locator('section:has(#in-numbers)');
      const text = await section.innerText();
      expect(text, id).toContain(`${want.total} record${want.total === 1 ? '' : 's'}`);
      if (want.roadmap > 0) expect(text, id).toContain(`(${want.withinReview} of ${want.roadmap})`);
      for (const user of want.usedBy) await expect(section.locator(`a[href="${base}organisations/${user}/"]`).count(), id).resolves.toBe(1);
      const sentence = (await section.locator('p').first().innerText()).trim();
      expect(sentence, id).toMatch(new RegExp(`^${labelOf(organisations.get(id)!.type).split(' ')[0]}`));
      const others = othersOfType(id);
      if (others.length === 0) expect(sentence, id).toContain(`${nameOf(id)} is the only one`);
      const more = others.filter(([other]) => (expected.get(other)?.total ?? 0) > want.total).length;
      if (others.length > 1 && more > 0 && more < others.length) expect(sentence, id).toContain(`${more} of the other ${others.length}`);
    }
  });

  it('a council that has shared nothing says how many of its type have, counting real bodies only', async () => {
    const kent = organisations.get('kent')!;
    const others = othersOfType('kent');
    const shared = others.filter(([other]) => expected.has(other)).length;
    expect(expected.has('kent'), 'Kent has shared nothing in the demonstration content').toBe(false);
    const text = await (await open('organisations/kent/')).locator('main').innerText();
    const plural = `${labelOf(kent.type)}s`;
    expect(text).toContain(
      shared === 0
        ? `${plural}: none of the other ${others.length} has shared anything yet either.`
        : `${plural}: ${shared} of the other ${others.length}`,
    );
  });
});

describe('accessibility of the table', () => {
  // The table's own page is in the page contract (pages.ts), which accessibility.test.ts checks with axe and
  // the keyboard: here, a page sorted by another column.
  it.for([`${TABLE}by/records/`])('%s has no axe violations at desktop width', async (path) => {
    const axeContext = await newContext(shared.browser());
    try {
      const { page, response } = await openPage(axeContext, path);
      expect(response?.status()).toBe(200);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });
});
