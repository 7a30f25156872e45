/**
 * Harvested records and harvest sources in the built demonstration site, in Chromium: a harvested record
 * says where it came from and when, beside its "last updated" line, and does not also list the two
 * fields; an organisation's page says where the weekly harvest reads its work ("Harvested weekly from"),
 * with each source linked and its settings in words, and says nothing when there is no source; the JSON
 * and CSV carry harvested_from and harvested_on; /contribute/ explains how to be harvested; and the
 * pages stay accessible (axe-core, WCAG 2.2 AA). Expected values are worked out from content/ here, not
 * from the site's own code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { axeViolations } from './axe.ts';
import { readOrganisations, readRecords } from './pages.ts';
import { base, openPage, problemLines } from './site.ts';

const contentDir = inject('demoContentDir');
const demoDir = inject('demoDir');
const records = readRecords(contentDir);
const organisations = readOrganisations(contentDir);

const harvested = records.filter((record) => record.data.harvested_from !== undefined);
const handOwned = records.filter(
  (record) => (record.collection === 'components' || record.collection === 'datasets') && record.data.harvested_from === undefined,
);

type OpenDataEntry = { ckan: string; organisation: string } | { data_json: string };
interface HarvestFields {
  github?: string | string[];
  open_data?: OpenDataEntry[];
  harvest?: { topics?: string[]; leave_out?: string[]; off?: boolean };
}
const harvestFieldsOf = (id: string) => organisations.get(id) as HarvestFields;
const githubOf = (fields: HarvestFields) =>
  fields.github === undefined ? [] : typeof fields.github === 'string' ? [fields.github] : fields.github;
const hasSources = (id: string) => githubOf(harvestFieldsOf(id)).length + (harvestFieldsOf(id).open_data ?? []).length > 0;

/** What a reader should be able to follow from the page, for each source the file names: [link text must contain, address]. */
function expectedLinks(fields: HarvestFields): [string, string][] {
  return [
    ...githubOf(fields).map((owner): [string, string] => [owner, `https://github.com/${owner}`]),
    ...(fields.open_data ?? []).map((entry): [string, string] =>
      'ckan' in entry
        ? [entry.organisation, `${entry.ckan.replace(/\/+$/, '')}/organization/${entry.organisation}`]
        : [entry.data_json, entry.data_json],
    ),
  ];
}

/** "2026-11-30" as GOV.UK writes dates: "30 November 2026". */
const inWords = (date: string) =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  context = await newContext(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const { page, response, problems } = await openPage(context, path);
  expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
  expect(problemLines(problems)).toEqual([]);
  return page;
}

/** The field list's row labels in the main column. */
const rowLabels = (page: Page) => page.locator('main .hub-fields dt').allInnerTexts();

describe('the demonstration content shows every part of the harvest', () => {
  it(
    'has a harvested component and a harvested dataset, and organisations with a GitHub list, ' +
      'a CKAN portal, a data.json address and harvest settings',
    () => {
      expect(harvested.map((record) => record.collection).sort()).toEqual(expect.arrayContaining(['components', 'datasets']));
      const all = [...organisations.values()] as HarvestFields[];
      expect(all.some((fields) => Array.isArray(fields.github) && fields.github.length > 1)).toBe(true);
      expect(all.some((fields) => fields.open_data?.some((entry) => 'ckan' in entry))).toBe(true);
      expect(all.some((fields) => fields.open_data?.some((entry) => 'data_json' in entry))).toBe(true);
      expect(all.some((fields) => fields.harvest?.topics?.length)).toBe(true);
      expect(all.some((fields) => fields.harvest?.leave_out?.length)).toBe(true);
    },
  );
});

describe('a harvested record’s page', () => {
  it.for(harvested.map((record) => [record.path, record] as const))(
    '%s says where it was harvested from and when, beside "Last updated"',
    async ([path, record]) => {
      const from = String(record.data.harvested_from);
      const on = String(record.data.harvested_on);
      const page = await open(path);
      const sentence = page.locator('main .hub-harvested');
      await expect(sentence.count()).resolves.toBe(1);
      const text = (await sentence.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(
        `Harvested from ${from.replace(/^https:\/\//, '').replace(/\/+$/, '')} on ${inWords(on)}. ` +
          `The weekly harvest keeps it in step with its source.`,
      );
      const link = sentence.locator('a');
      await expect(link.getAttribute('href')).resolves.toBe(from);
      await expect(sentence.locator('time').getAttribute('datetime')).resolves.toBe(on);
      expect(text).toMatch(/delete harvested_from and harvested_on/);
      // It sits just above the last-updated line and the edit links.
      const meta = page.locator('main .hub-page-meta');
      const [sentenceBox, metaBox] = [await sentence.boundingBox(), await meta.boundingBox()];
      expect(metaBox!.y).toBeGreaterThan(sentenceBox!.y);
      expect(metaBox!.y - (sentenceBox!.y + sentenceBox!.height)).toBeLessThan(80);
      // The two fields are said in the sentence, not listed again as rows.
      expect(await rowLabels(page)).toContain('Licence');
      expect(await rowLabels(page)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^Harvested/)]));
      expect(await axeViolations(page), `axe-core violations on ${path}`).toEqual([]);
    },
  );

  it('a record people look after says nothing about the harvest', async () => {
    expect(handOwned.length).toBeGreaterThan(0);
    for (const record of handOwned.slice(0, 4)) {
      const page = await open(record.path);
      await expect(page.locator('main .hub-harvested').count()).resolves.toBe(0);
      expect(await page.locator('main').innerText(), record.path).not.toMatch(/Harvested from/);
      await page.close();
    }
  });

  it('wraps a long source address on a phone rather than making the page scroll sideways', async () => {
    const phone = await newContext(browser, { viewport: { width: 375, height: 800 } });
    try {
      for (const record of harvested) {
        const page = await phone.newPage();
        await page.goto(`${inject('demoUrl')}${record.path}`);
        const overflow = await page.locator('main .hub-harvested').evaluate((element) => {
          const box = element.getBoundingClientRect();
          return [...element.querySelectorAll('*')].some((child) => child.getBoundingClientRect().right > box.right + 0.5);
        });
        expect(overflow, record.path).toBe(false);
        await page.close();
      }
    } finally {
      await phone.close();
    }
  });
});

describe('an organisation’s page', () => {
  const withSources = [...organisations.keys()].filter(hasSources);
  const withoutSources = [...organisations.keys()].filter((id) => !hasSources(id));

  it.for(withSources)('organisations/%s/ lists each source it is harvested from, linked, and its settings', async (id) => {
    const fields = harvestFieldsOf(id);
    const page = await open(`organisations/${id}/`);
    const section = page.locator('main section.hub-harvest-sources');
    await expect(section.count()).resolves.toBe(1);
    await expect(section.locator('h2').innerText()).resolves.toBe(fields.harvest?.off ? 'Harvest turned off' : 'Harvested weekly from');
    const links = await section
      .locator('li a')
      .evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent ?? '', anchor.getAttribute('href') ?? '']));
    const expected = expectedLinks(fields);
    expect(links.map(([, href]) => href)).toEqual(expected.map(([, href]) => href));
    expected.forEach(([words], index) => expect(links[index]![0], `link ${index + 1}`).toContain(words));
    const text = await section.innerText();
    for (const topic of fields.harvest?.topics ?? []) expect(text).toContain(topic);
    for (const left of fields.harvest?.leave_out ?? []) expect(text).toContain(left);
    expect(text).not.toMatch(/\[object|[{}]/);
    await expect(section.locator(`a[href="${base}contribute/#being-harvested"]`).count()).resolves.toBe(1);
    // The sources are said in the section, not listed again as rows.
    expect((await rowLabels(page)).length).toBeGreaterThan(0);
    expect(await rowLabels(page)).not.toEqual(expect.arrayContaining(['GitHub', 'Open data', 'Harvest settings']));
    expect(await page.locator('main').innerText()).not.toMatch(/\[object Object\]/);
    await page.close();
  });

  it('a body that names no source shows no harvest section', async () => {
    expect(withoutSources.length).toBeGreaterThan(0);
    for (const id of withoutSources.slice(0, 3)) {
      const page = await open(`organisations/${id}/`);
      await expect(page.locator('main section.hub-harvest-sources').count()).resolves.toBe(0);
      expect(await page.locator('main').innerText(), id).not.toMatch(/Harvested weekly from/);
      await page.close();
    }
  });

  // The demonstration bodies with open data or harvest settings; accessibility.test.ts checks one page of every type.
  const showcases = withSources.filter(
    (id) =>
      (organisations.get(id) as { demonstration?: boolean }).demonstration &&
      (harvestFieldsOf(id).open_data || harvestFieldsOf(id).harvest),
  );
  it.for(showcases)('organisations/%s/ has no axe-core violations', async (id) => {
    const page = await open(`organisations/${id}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the open data', () => {
  const built = (path: string) => readFileSync(join(demoDir, path), 'utf8');

  it.for(['components', 'datasets'])(
    '%s.json carries harvested_from and harvested_on for each harvested record, and not for the others',
    (collection) => {
      const document = JSON.parse(built(`api/v1/${collection}.json`));
      const published = new Map<string, Record<string, unknown>>(document.records.map((record: { id: string }) => [record.id, record]));
      for (const record of records.filter((candidate) => candidate.collection === collection)) {
        const json = published.get(record.path.slice(0, -1))!;
        if (record.data.harvested_from === undefined) {
          expect(json, record.path).not.toHaveProperty('harvested_from');
          expect(json, record.path).not.toHaveProperty('harvested_on');
        } else {
          expect(json.harvested_from, record.path).toBe(record.data.harvested_from);
          expect(json.harvested_on, record.path).toBe(record.data.harvested_on);
        }
      }
    },
  );

  it.for(['components', 'datasets'])('%s.csv has both columns, filled for harvested records and empty for the others', (collection) => {
    const rows = parseCsvObjects(built(`api/v1/${collection}.csv`));
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['harvested_from', 'harvested_on']));
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const record of records.filter((candidate) => candidate.collection === collection)) {
      const row = byId.get(record.path.slice(0, -1))!;
      expect(row.harvested_from, record.path).toBe(String(record.data.harvested_from ?? ''));
      expect(row.harvested_on, record.path).toBe(String(record.data.harvested_on ?? ''));
    }
  });
});

describe('/contribute/', () => {
  it('explains how to be harvested, links to the organisation form, and is accessible', async () => {
    const page = await open('contribute/');
    const heading = page.locator('main h2#being-harvested');
    await expect(heading.innerText()).resolves.toBe('Being harvested');
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const words of [
      'github',
      'open_data',
      'one pull request',
      'publiccode.yml',
      'not archived',
      'not a fork',
      'open licence',
      'last 24 months',
      'topics',
      'leave_out',
      'off: true',
      'harvested_from',
      'harvested_on',
      'is not deleted',
    ]) {
      expect(text, words).toContain(words);
    }
    await expect(page.locator(`main a[href="${base}contribute/organisation/"]`).count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
