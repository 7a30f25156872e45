/**
 * Components and datasets built or published more than once, in the built demonstration site: "Similar
 * elsewhere" on their pages (Chromium, without JavaScript), "Built more than once" on /collaborate/, and
 * the kinds in overlaps.json. The demonstration content has one thing built by three bodies, all fictional:
 * Sallowfield's bin day finder, Kestrelford's fork of it under a new name (its text links the upstream
 * repository) and Tarnbeck Civic Tech's waste calendar lookup, written in other words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './shared-browser.ts';
import { readRecords } from './pages.ts';
import { base, openPage, problemLines } from './site.ts';

const demoDir = inject('demoDir');
const records = readRecords(inject('demoContentDir'));

const FINDER = 'components/sallowfield/bin-day-finder/';
const FORK = 'components/kestrelford/collection-day-checker/';
const LOOKUP = 'components/tarnbeck-civic-tech/waste-calendar-lookup/';

// Pages are read as people without JavaScript get them.
const shared = sharedBrowser({ javaScriptEnabled: false });

async function open(path: string): Promise<Page> {
  const { page, response, problems } = await openPage(shared.context(), path);
  expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
  expect(problemLines(problems)).toEqual([]);
  return page;
}

/** The record paths a part of a built page links to, read from the file (no browser needed for every page). */
function similarLinks(path: string): string[] {
  const html = readFileSync(join(demoDir, path, 'index.html'), 'utf8');
  const section = /<section class="hub-similar"[^]*?<\/section>/.exec(html)?.[0] ?? '';
  return [...section.matchAll(/<h[34]><a href="([^"]+)"/g)].map((match) => match[1].slice(base.length));
}

describe('Similar elsewhere on component and dataset pages', () => {
  it('shows the fork under a new name and the same thing in other words on the original’s page, strongest first, with why', async () => {
    // Then the standard the finder reads: alike in words, but another kind of thing, so only a good match.
    const page = await open(FINDER);
    const section = page.locator('section.hub-similar');
    await expect(section.locator('h2').innerText()).resolves.toBe('Similar elsewhere');
    const items = section.locator('.hub-record-list > li');
    await expect(items.locator('h3 a').allInnerTexts()).resolves.toEqual([
      'Collection day checker',
      'Waste calendar lookup',
      'Bin collection data standard',
    ]);
    await expect(items.first().locator('p').first().innerText()).resolves.toBe('From Kestrelford (demonstration) Strong match');
    await expect(items.first().locator('p').last().innerText()).resolves.toMatch(
      /^“Collection day checker” links to the repository of “Bin day finder” \(github\.com\/sallowfield-council\/bin-day-finder\)/,
    );
    await expect(items.nth(1).locator('p').last().innerText()).resolves.toMatch(/^Similar words: .*calendar/);
    await expect(items.last().locator('p').first().innerText()).resolves.toMatch(/Good match$/);
    await expect(items.last().locator('p').last().innerText()).resolves.toMatch(/but one is code, the other a standard\.$/);
    await expect(section.getByRole('link', { name: 'Components built more than once' }).getAttribute('href')).resolves.toBe(
      `${base}collaborate/#built-more-than-once`,
    );
  });

  it('shows a dataset’s like on a dataset’s page', async () => {
    const page = await open('datasets/glanmor/waste-collection-calendar/');
    await expect(page.locator('section.hub-similar h2').innerText()).resolves.toBe('Similar elsewhere');
    expect(similarLinks('datasets/glanmor/waste-collection-calendar/')).toContain('datasets/sallowfield/bin-collection-days/');
  });

  it('offers only other organisations’ records of the same kind, on every component and dataset page', () => {
    const things = records.filter((record) => record.collection === 'components' || record.collection === 'datasets');
    const offered = things.flatMap((record) => similarLinks(record.path).map((path) => ({ from: record, path })));
    expect(offered.length).toBeGreaterThan(5);
    expect(offered.filter(({ from, path }) => !path.startsWith(`${from.collection}/`) || path.split('/')[1] === from.organisation)).toEqual(
      [],
    );
  });
});

describe('Built more than once on /collaborate/', () => {
  it('lists the components three bodies built, with why, and links each', async () => {
    const page = await open('collaborate/');
    const section = page.locator('section[aria-labelledby="built-more-than-once"]');
    await expect(section.locator('h2').innerText()).resolves.toBe('Built more than once');
    const group = section.locator('li.hub-opportunity').first();
    await expect(group.locator('.hub-opportunity__strength').innerText()).resolves.toBe(
      '3 components from 2 councils and 1 community group',
    );
    const links = await group
      .locator('.hub-opportunity__items a')
      .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
    expect(links.map((path) => path.slice(base.length))).toEqual([FORK, FINDER, LOOKUP]);
    await expect(group.locator('.hub-opportunity__reason').innerText()).resolves.toMatch(
      /^Collection day checker and Bin day finder: “Collection day checker” links to the repository of “Bin day finder”/,
    );
  });
});

describe('overlaps.json', () => {
  it('gives every pair its kind, both records of that kind, and keeps the fields it had', () => {
    const document = JSON.parse(readFileSync(join(demoDir, 'api/v1/overlaps.json'), 'utf8')) as {
      pairs: { a: string; b: string; kind: string; organisations: string[]; score: number; reasons: unknown[]; shared_words: string[] }[];
    };
    const kinds = new Set(document.pairs.map((pair) => pair.kind));
    expect(kinds).toEqual(new Set(['roadmap', 'components', 'datasets']));
    for (const pair of document.pairs) {
      expect(pair.a.split('/')[0]).toBe(pair.kind);
      expect(pair.b.split('/')[0]).toBe(pair.kind);
      expect(pair).toEqual(
        expect.objectContaining({ score: expect.any(Number), reasons: expect.any(Array), shared_words: expect.any(Array) }),
      );
      expect(pair.organisations[0]).not.toBe(pair.organisations[1]);
    }
    expect(document.pairs).toContainEqual(
      expect.objectContaining({
        a: FORK.slice(0, -1),
        b: FINDER.slice(0, -1),
        kind: 'components',
        organisations: ['kestrelford', 'sallowfield'],
      }),
    );
  });
});
