/**
 * Collaboration in the built demonstration site, in Chromium: an overlap the demonstration content was
 * written to have shows on both items' pages and on /collaborate/; reuse counts, adoptions and lessons
 * show where they matter; and the data files say the same as the pages. Expected values are worked out
 * from content/ here, not from the site's own code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser } from './shared-browser.ts';
import { readOrganisations, readRecords } from './pages.ts';
import { base, openPage, problemLines } from './site.ts';

const contentDir = inject('demoContentDir');
const records = readRecords(contentDir);
const organisations = readOrganisations(contentDir);

/** Two councils' garden waste work, written in different words, one tagged with LGSL 530 and one not. */
const KESTRELFORD = 'roadmap/kestrelford/garden-waste-online/';
const SALLOWFIELD = 'roadmap/sallowfield/brown-bin-renewals-without-the-phone-queue/';

// Pages are read as people without JavaScript get them.
const shared = sharedBrowser({ javaScriptEnabled: false });

/** The paths under the base that links inside a part of the page lead to. */
async function linkPaths(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page.locator(`${selector} a[href]`).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  return hrefs
    .map((href) => new URL(href).pathname)
    .filter((path) => path.startsWith(base))
    .map((path) => path.slice(base.length));
}

async function open(path: string): Promise<Page> {
  const { page, response, problems } = await openPage(shared.context(), path);
  expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
  expect(problemLines(problems)).toEqual([]);
  return page;
}

describe('similar work elsewhere', () => {
  it.for([
    [KESTRELFORD, SALLOWFIELD],
    [SALLOWFIELD, KESTRELFORD],
  ])('%s shows %s, with a reason in words', async ([from, to]) => {
    const page = await open(from);
    const section = page.locator('section.hub-similar');
    await expect(section.locator('h2').innerText()).resolves.toBe('Similar work elsewhere');
    expect(await linkPaths(page, 'section.hub-similar .hub-record-list')).toContain(to);
    const item = section.locator('li', { has: page.locator(`a[href="${base}${to}"]`) });
    // The line under the title ends with the strength of the match; the paragraph after it says why.
    await expect(item.locator('p').first().locator('strong').last().innerText()).resolves.toMatch(/^(Strong|Good|Possible) match$/);
    await expect(item.locator('p').last().innerText()).resolves.toMatch(/garden/i);
  });

  it('never offers a roadmap item its own organisation’s work', async () => {
    for (const record of records.filter((candidate) => candidate.collection === 'roadmap')) {
      const page = await open(record.path);
      const similar = (await linkPaths(page, 'section.hub-similar .hub-record-list')).filter((path) => path.startsWith('roadmap/'));
      expect(
        similar.filter((path) => path.split('/')[1] === record.organisation),
        record.path,
      ).toEqual([]);
      await page.close();
    }
  });
});

describe('work with us', () => {
  it(
    'every roadmap item offers “Work with <organisation> on this”, ' + 'a plain link to a filled-in GitHub issue that names the record',
    async () => {
      const roadmap = records.filter((record) => record.collection === 'roadmap');
      expect(roadmap.length).toBeGreaterThan(3);
      for (const record of roadmap) {
        const page = await open(record.path);
        const name = record.organisationData.name as string;
        const link = page.getByRole('link', { name: `Work with ${name} on this` });
        await expect(link.count(), record.path).resolves.toBe(1);
        const href = new URL((await link.getAttribute('href'))!);
        expect(`${href.origin}${href.pathname}`).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/issues\/new$/);
        expect(href.searchParams.get('title')).toBe(`Working together on “${record.data.title as string}” (${name})`);
        const body = href.searchParams.get('body')!;
        expect(body).toContain(`${base}${record.path}`);
        expect(body).toMatch(/Who we are: .*\nWhat we are doing: .*\nHow to reach us: /);
        // Demonstration bodies' maintainers are made-up GitHub names: never mentioned, so nobody real is pinged.
        expect(body).not.toMatch(/(^|\s)@[a-z0-9]/i);
        await expect(page.locator('.hub-work-with-us p').last().innerText()).resolves.toContain('Opens a new issue on GitHub');
        await page.close();
      }
    },
  );
});

describe('/collaborate/', () => {
  it('shows the garden waste overlap as one opportunity, with both items and the reason', async () => {
    const page = await open('collaborate/');
    const opportunity = page
      .locator('li.hub-opportunity', { has: page.locator(`a[href="${base}${KESTRELFORD}"]`) })
      .filter({ has: page.locator(`a[href="${base}${SALLOWFIELD}"]`) });
    expect(await opportunity.count()).toBeGreaterThanOrEqual(1);
    await expect(opportunity.first().locator('.hub-opportunity__reason').innerText()).resolves.toMatch(/garden/i);
  });

  it('lists every open roadmap item that asks for partners under “Partners to work with”', async () => {
    const page = await open('collaborate/');
    const expected = records
      .filter(
        (record) =>
          record.collection === 'roadmap' &&
          !['stopped', 'retired'].includes(String(record.data.status)) &&
          (record.data.looking_for as string[] | undefined)?.includes('partners'),
      )
      .map((record) => record.path)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect((await linkPaths(page, 'section:has(> #need-partners) ul')).filter((path) => path.startsWith('roadmap/')).sort()).toEqual(
      expected,
    );
  });

  it('narrows to Wales: every opportunity shown involves a Welsh body', async () => {
    const page = await open('collaborate/nation/wales/');
    const welsh = new Set([...organisations].filter(([, data]) => data.nation === 'wales').map(([id]) => id));
    const opportunities = page.locator('li.hub-opportunity');
    expect(await opportunities.count()).toBeGreaterThan(0);
    for (const opportunity of await opportunities.all()) {
      const owners = (
        await opportunity
          .locator('.hub-opportunity__items > li > a.govuk-link:first-child')
          .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))
      ).map((path) => path.slice(base.length).split('/')[1]);
      expect(
        owners.some((owner) => welsh.has(owner)),
        `an opportunity on the Wales page between ${owners.join(' and ')}`,
      ).toBe(true);
    }
  });
});

describe('reuse', () => {
  /** Who uses a component, from content: organisations' `uses` and their roadmap items' `reuses`. */
  function usersOf(component: string): Set<string> {
    const users = new Set<string>();
    for (const [id, data] of organisations) if ((data.uses as string[] | undefined)?.includes(component)) users.add(id);
    for (const record of records)
      if (record.collection === 'roadmap' && (record.data.reuses as string[] | undefined)?.includes(component))
        users.add(record.organisation);
    return users;
  }

  it('each component page says how many organisations use it and lists them', async () => {
    for (const record of records.filter((candidate) => candidate.collection === 'components')) {
      const users = usersOf(record.path.slice(0, -1));
      const page = await open(record.path);
      if (users.size === 0) {
        expect(await page.locator('.hub-used-by').count(), record.path).toBe(0);
      } else {
        const text = await page.locator('.hub-used-by').innerText();
        const total = [...text.matchAll(/(\d+) /g)].reduce((sum, match) => sum + Number(match[1]), 0);
        expect(total, `${record.path} says "${text}"`).toBe(users.size);
        const listed = (await linkPaths(page, '.hub-related ul:first-of-type')).map((path) => path.split('/')[1]);
        expect(new Set(listed), record.path).toEqual(users);
      }
      await page.close();
    }
  });

  it('reuse.json agrees with the content about who uses each component', () => {
    const document = JSON.parse(readFileSync(join(inject('demoDir'), 'api/v1/reuse.json'), 'utf8'));
    const components = records.filter((record) => record.collection === 'components');
    expect(document.count).toBe(components.length);
    expect(document.licence.id).toBe('OGL-UK-3.0');
    for (const component of document.components) {
      expect(new Set(component.used_by.map((use: { organisation: string }) => use.organisation)), component.id).toEqual(
        usersOf(component.id),
      );
    }
  });

  it('a principle adopted from another shows its source and who else adopted the same one', async () => {
    const adopted = records.filter((record) => record.collection === 'principles' && record.data.adopted_from);
    const bySource = Map.groupBy(adopted, (record) => String(record.data.adopted_from));
    const shared = [...bySource].find(([, adopters]) => adopters.length > 1);
    expect(shared, 'the demonstration content should have a principle adopted by two bodies').toBeDefined();
    const [source, adopters] = shared!;
    const page = await open(adopters[0].path);
    const related = await linkPaths(page, '.hub-related');
    expect(related).toContain(`${source}/`);
    expect(related).toContain(adopters[1].path);
  });
});

describe('lessons where they matter', () => {
  it('every lesson about a roadmap item, component or dataset shows on that record’s page', async () => {
    const lessons = records.filter((record) => record.collection === 'lessons');
    const targets = new Map<string, string[]>();
    for (const lesson of lessons) {
      for (const target of (lesson.data.related as string[] | undefined) ?? []) {
        if (/^(roadmap|components|datasets)\//.test(target)) targets.set(`${target}/`, [...(targets.get(`${target}/`) ?? []), lesson.path]);
      }
    }
    expect(targets.size).toBeGreaterThan(0);
    for (const [target, about] of targets) {
      const page = await open(target);
      const shown = await linkPaths(page, 'section.hub-lessons-for');
      expect(
        about.filter((lesson) => !shown.includes(lesson)),
        `lessons missing from ${target}`,
      ).toEqual([]);
      await page.close();
    }
  });
});

describe('overlaps.json', () => {
  it('holds the garden waste pair with its score and reasons, under the content licence', () => {
    const document = JSON.parse(readFileSync(join(inject('demoDir'), 'api/v1/overlaps.json'), 'utf8'));
    expect(document.licence.id).toBe('OGL-UK-3.0');
    expect(document.count).toBe(document.pairs.length);
    const pair = document.pairs.find(
      (candidate: { a: string; b: string }) =>
        [candidate.a, candidate.b].sort().join() === [KESTRELFORD.slice(0, -1), SALLOWFIELD.slice(0, -1)].sort().join(),
    );
    expect(pair).toBeDefined();
    expect(pair.score).toBeGreaterThan(0);
    expect(pair.score).toBeLessThanOrEqual(1);
    expect(pair.reasons.length).toBeGreaterThan(0);
    for (const candidate of document.pairs) expect(candidate.organisations[0]).not.toBe(candidate.organisations[1]);
  });
});
