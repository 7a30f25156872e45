/**
 * The contribution form on the built demonstration site, in Chromium: a roadmap item filled in with
 * mistakes shows GOV.UK's error summary and messages, its links move focus to the fields, and once fixed
 * the form offers a GitHub link whose file, written into a copy of the content, passes the real
 * validator; editing fills the form from a record; without JavaScript, or when its script cannot load,
 * the page says so and its template and GitHub form work. On a phone whose connection brings the
 * scripts late, nothing on the page moves as they run (Lighthouse's layout shift). axe-core checks the
 * form empty, with errors, and with the preview.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RECORD_COLLECTIONS } from '../../schemas/collections.ts';
import { HARVEST_FIELDS } from '../../schemas/fields.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { newContext } from '../helpers/browser.ts';
import { copyOf } from '../helpers/content.ts';
import { readRecords } from './pages.ts';
import { axeViolations } from './axe.ts';
import {
  expectCheckedWithoutErrors,
  expectMessagesBesideFields,
  expectSummaryLinksFocus,
  layoutShiftsOpening,
  summaryLinks,
  useFormBrowser,
} from './forms.ts';
import { base, openPage, urlOf } from './site.ts';

const contentDir = inject('demoContentDir');
const TODAY = new Date().toISOString().slice(0, 10);
const FORM = 'contribute/new/roadmap/';
const EDITED = { id: 'roadmap/fenmoor/school-admissions-online', file: 'content/roadmap/fenmoor/school-admissions-online.md' };

// No console error, uncaught exception or failed request (such as a 404 for a record) on any form page.
const session = useFormBrowser();
const { pages } = session;

/** Opens a form page with JavaScript, waiting for its script to show the form. */
async function open(path: string): Promise<Page> {
  const page = await pages.open(session.context, path);
  await page.locator('#record-form').waitFor({ state: 'visible' });
  return page;
}

/** Writes a file into a fresh copy of the demonstration content at its repository path and validates the copy. */
function validateWith(path: string, text: string) {
  const content = copyOf(contentDir);
  const file = join(content, '..', path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return validateContent({ contentDir: content, today: TODAY });
}

const errorLines = (report: ReturnType<typeof validateContent>) =>
  report.errors.map((problem) => `${problem.file}:${problem.line} ${problem.message}`);

describe('a new roadmap item, with JavaScript', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(FORM);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('shows the form, not the notice for browsers without JavaScript, and axe finds nothing', async () => {
    await expect(page.locator('#no-script').isVisible()).resolves.toBe(false);
    await expect(page.locator('#error-summary').isVisible()).resolves.toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('answered with mistakes, shows the error summary, focused, with a link to each field, and each field’s message', async () => {
    await page.fill('#organisation', 'Nowhere Borough Council');
    await page.fill('#summary', 'Residents renew garden waste collection online.');
    await page.fill('#start-month', '13');
    await page.fill('#start-year', '2026');
    await page.click('#check-answers');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible' });
    await expect(page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).resolves.toBe(true);
    await expect(page.title()).resolves.toMatch(/^Error: /);
    await expect(summary.locator('.govuk-error-summary__title').innerText()).resolves.toBe('There is a problem');
    const links = await summaryLinks(page);
    expect(links).toEqual([
      ['#organisation', 'There is no organisation “Nowhere Borough Council” on the hub: choose yours from the list'],
      ['#title', 'Enter the title'],
      ['#slug', 'Enter a short name for the web address'],
      ['#status', 'Choose the status'],
      ['#start-month', 'Start must be a real month, for example 4 2026'],
    ]);
    await expectMessagesBesideFields(page, links);
    // The message is read with its field: on the input, or on the fieldset of radios and dates.
    await expect(page.getAttribute('#title', 'aria-describedby')).resolves.toContain('title-error');
    await expect(page.locator('fieldset', { has: page.locator('#start-month') }).getAttribute('aria-describedby')).resolves.toContain(
      'start-error',
    );
    await expect(page.getAttribute('#start-month', 'class')).resolves.toContain('govuk-input--error');
  });

  it('with errors, axe finds nothing', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('following a link in the summary moves focus to its field', async () => {
    await expectSummaryLinksFocus(page, ['start-month', 'status', 'organisation']);
  });

  let proposed: URL;
  it('fixed, shows the preview and the ways to send it, with no error left', async () => {
    await page.fill('#organisation', 'Fenmoor (fenmoor)');
    await page.fill('#title', 'Garden waste renewals online');
    await expect(page.inputValue('#slug')).resolves.toBe('garden-waste-renewals-online');
    await page.check('#status-4');
    await page.fill('#start-month', '4');
    await page.fill('#services', 'Household garden waste (LGSL 530)');
    await page.click('[data-add="services"]');
    await expect(page.locator('[data-chosen="services"] input:checked').count()).resolves.toBe(1);
    await page.check('input[name="themes"][value="waste-and-recycling"]');
    await page.fill('#links-0-title', 'Our discovery write-up');
    await page.fill('#links-0-url', 'https://www.fenmoor.example/discovery');
    await page.click('[data-add-row="links"]');
    await page.fill('#links-1-title', 'Prototype');
    await page.fill('#links-1-url', 'https://prototype.fenmoor.example/garden-waste');
    await page.fill(
      '#body',
      '## What we are doing\n\nRenewals online, with a reminder before the season.\n\n- for 12,000 households\n- in 2026',
    );
    await expectCheckedWithoutErrors(page);
    const preview = page.locator('#preview');
    await expect(preview.locator('h4').innerText()).resolves.toBe('Garden waste renewals online');
    await expect(preview.locator('.govuk-tag').innerText()).resolves.toBe('Beta');
    await expect(preview.locator('.hub-field--services').innerText()).resolves.toContain('Household garden waste (LGSL 530)');
    await expect(preview.locator('.hub-prose h2').innerText()).resolves.toBe('What we are doing');
    proposed = new URL((await page.getAttribute('#propose', 'href'))!);
  });

  it('with the preview, axe finds nothing', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('“Propose on GitHub” opens GitHub’s new-file page with a file the validator accepts', async () => {
    const repository = await page.getAttribute('#record-form', 'data-repository');
    expect(`${proposed.origin}${proposed.pathname}`).toBe(`https://github.com/${repository}/new/main`);
    const filename = proposed.searchParams.get('filename')!;
    const value = proposed.searchParams.get('value')!;
    expect(filename).toBe('content/roadmap/fenmoor/garden-waste-renewals-online.md');
    const report = validateWith(filename, value);
    expect(errorLines(report)).toEqual([]);
    const record = report.content.records.find((candidate) => candidate.id === 'roadmap/fenmoor/garden-waste-renewals-online');
    expect(record?.data).toEqual({
      title: 'Garden waste renewals online',
      summary: 'Residents renew garden waste collection online.',
      status: 'beta',
      services: [530],
      themes: ['waste-and-recycling'],
      start: '2026-04',
      links: [
        { title: 'Our discovery write-up', url: 'https://www.fenmoor.example/discovery' },
        { title: 'Prototype', url: 'https://prototype.fenmoor.example/garden-waste' },
      ],
    });
    await expect(page.locator('#file-text').textContent()).resolves.toBe(value);
  });

  it('“Download the file” saves the same file, and “Send as an issue” fills the issue form', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('garden-waste-renewals-online.md');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(proposed.searchParams.get('value'));
    const issue = new URL((await page.getAttribute('#issue', 'href'))!);
    expect(issue.pathname).toMatch(/\/issues\/new$/);
    expect(issue.searchParams.get('template')).toBe('roadmap.yml');
    expect(issue.searchParams.get('title')).toBe('Garden waste renewals online');
    expect(issue.searchParams.get('organisation')).toBe('fenmoor');
    expect(issue.searchParams.get('status')).toBe('beta');
  });

  it('refuses a short name the organisation already uses', async () => {
    await page.fill('#slug', 'school-admissions-online');
    await page.click('#check-answers');
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    await expect(page.locator('.govuk-error-summary__list a').allTextContents()).resolves.toEqual([
      'Your organisation already has a roadmap item with the short name school-admissions-online: choose another, or edit that one',
    ]);
  });
});

describe('editing a record', () => {
  it('its page links to the form filled in with it, and to GitHub’s editor', async () => {
    const { page } = await openPage(session.context, `${EDITED.id}/`);
    const edit = page.locator('.hub-page-meta a', { hasText: /^Edit this page$/ });
    await expect(edit.getAttribute('href')).resolves.toBe(`${base}${FORM}?edit=${EDITED.id}`);
    await expect(page.locator('.hub-page-meta a', { hasText: /^Edit on GitHub$/ }).getAttribute('href')).resolves.toMatch(
      /^https:\/\/github\.com\/[^/]+\/[^/]+\/edit\/main\/content\/roadmap\/fenmoor\/school-admissions-online\.md$/,
    );
    await expect(page.locator('script[src]').count()).resolves.toBe(0);
    await page.close();
  });

  it('the form fills itself in, keeps the id, and proposes an edit whose text the validator accepts unchanged', async () => {
    const page = await open(`${FORM}?edit=${EDITED.id}`);
    const stored = readRecords(contentDir).find((record) => record.path === `${EDITED.id}/`)!;
    await expect.poll(() => page.inputValue('#title')).toBe(stored.data.title);
    await expect(page.locator('h1').innerText()).resolves.toBe('Change a roadmap item');
    await expect(page.inputValue('#organisation')).resolves.toBe('Fenmoor (fenmoor)');
    await expect(page.locator('#slug').evaluate((input: HTMLInputElement) => input.readOnly)).resolves.toBe(true);
    await page.click('#check-answers');
    await page.locator('#result').waitFor({ state: 'visible' });
    await expect(page.getAttribute('#propose', 'href')).resolves.toMatch(
      /\/edit\/main\/content\/roadmap\/fenmoor\/school-admissions-online\.md$/,
    );
    await expect(page.locator('#copy').isVisible()).resolves.toBe(true);
    const text = (await page.locator('#file-text').textContent())!;
    const report = validateWith(EDITED.file, text);
    expect(errorLines(report)).toEqual([]);
    const original = validateContent({ contentDir, today: TODAY }).content.records.find((record) => record.id === EDITED.id)!;
    const again = report.content.records.find((record) => record.id === EDITED.id)!;
    expect(again.data).toEqual(original.data);
    expect(again.body?.trim()).toBe(original.body?.trim());
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('what the forms fetch about the hub’s records', () => {
  it(
    'an organisation’s form file lists its records’ short names only; ' + 'their fields and text are in its records file, stored gzipped',
    async () => {
      const records = validateContent({ contentDir, today: TODAY }).content.records.filter((record) => record.organisation === 'fenmoor');
      const ids = records.map((record) => record.id).sort();
      const index = (await (await session.context.request.get(urlOf('contribute/organisations/fenmoor.json'))).json()) as {
        id: string;
        records: Record<string, string[]>;
      };
      expect(Object.entries(index.records).flatMap(([collection, slugs]) => slugs.map((slug) => `${collection}/fenmoor/${slug}`))).toEqual(
        ids,
      );
      const stored = await (await session.context.request.get(urlOf('contribute/records/fenmoor.json.gz'))).body();
      expect([...stored.subarray(0, 2)], 'gzip’s first two bytes').toEqual([0x1f, 0x8b]);
      const sources = JSON.parse(gunzipSync(stored).toString('utf8')) as {
        records: { id: string; path: string; data: Record<string, unknown>; body: string }[];
      };
      expect(sources.records.map((record) => record.id)).toEqual(ids);
      const edited = sources.records.find((record) => record.id === EDITED.id)!;
      expect(edited.path).toBe(EDITED.file);
      expect(edited.body.trim()).toBe(records.find((record) => record.id === EDITED.id)!.body?.trim());
    },
  );
});

describe('every record collection', () => {
  it.each(RECORD_COLLECTIONS.map((collection) => collection.name))(
    'the %s form has a control for every field of the schema but those the harvest sets',
    async (name) => {
      const page = await open(`contribute/new/${name}/`);
      const collection = RECORD_COLLECTIONS.find((candidate) => candidate.name === name)!;
      for (const key of Object.keys(collection.schema.shape)) {
        if (HARVEST_FIELDS.has(key)) {
          await expect(page.locator(`[data-field="${key}"]`).count(), `${name}: ${key}`).resolves.toBe(0);
          continue;
        }
        // translations: a title and a summary in each of the hub's other languages (Welsh, here).
        const controls = key === 'translations' ? ['translations.cy.title', 'translations.cy.summary'] : [key];
        for (const control of controls)
          await expect(page.locator(`[data-field="${control}"]`).count(), `${name}: ${control}`).resolves.toBe(1);
      }
      await page.close();
    },
  );
});

describe('on a phone, with the page’s scripts and the organisations arriving late', () => {
  const organisationCount = () => validateContent({ contentDir, today: TODAY }).content.organisations.length;

  it('the page’s HTML carries no list of organisations or services: the script fetches them, once for every form', async () => {
    const html = await (await session.context.request.get(urlOf(FORM))).text();
    expect(html).toContain('<datalist id="organisations-list"></datalist>');
    expect(html).toContain('<datalist id="services-list"></datalist>');
    const choices = (await (await session.context.request.get(urlOf('contribute/choices.json'))).json()) as {
      organisations: [string, string, 1?][];
      services: [number, string][];
    };
    expect(choices.organisations).toHaveLength(organisationCount());
    expect(choices.organisations).toContainEqual(['fenmoor', 'Fenmoor', 1]);
    expect(choices.services).toContainEqual([530, 'Household garden waste']);
  });

  it.each(RECORD_COLLECTIONS.map((collection) => collection.name))(
    'the %s form shows from the first paint, and nothing moves when its script runs',
    async (name) => {
      const { shifts, lateResponses } = await layoutShiftsOpening(
        session.browser,
        `contribute/new/${name}/`,
        /\/_astro\/.+\.js$|\/contribute\/choices\.json$/,
        async (page) => {
          // The script has run (it takes off the form's `hidden`) and the organisations have come.
          await page.waitForFunction(() => document.getElementById('record-form')?.hidden === false);
          // The organisations are held back a second, after the script that asks for them, also held back a second.
          await expect.poll(() => page.locator('#organisations-list option').count(), { timeout: 10_000 }).toBe(organisationCount());
          await expect(page.locator('#no-script').isVisible()).resolves.toBe(false);
        },
      );
      expect(lateResponses, 'the script and the organisations should have been held back').toBeGreaterThanOrEqual(2);
      expect(shifts, 'layout shifts while the page opened').toEqual([]);
    },
  );
});

describe('without JavaScript', () => {
  let noScript: BrowserContext;
  beforeAll(async () => {
    noScript = await newContext(session.browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await noScript?.close();
  });

  it('the page says the form needs JavaScript, hides it, and offers a template and GitHub instead', async () => {
    const { page, response } = await openPage(noScript, FORM);
    expect(response?.status()).toBe(200);
    await expect(page.locator('#record-form').isVisible()).resolves.toBe(false);
    await expect(page.locator('#no-script').innerText()).resolves.toMatch(/needs JavaScript/);
    await expect(page.locator('#no-script a').getAttribute('href')).resolves.toBe('#without-javascript');

    // The template downloads, and once placed in an organisation's folder it passes the validator.
    const href = await page.locator('a[download]').getAttribute('href');
    expect(href).toBe(`${base}contribute/templates/roadmap.md`);
    const template = await (await page.request.get(urlOf('contribute/templates/roadmap.md'))).text();
    const report = validateWith('content/roadmap/fenmoor/my-new-item.md', template);
    expect(errorLines(report)).toEqual([]);
    expect(report.warnings.some((warning) => warning.rule === 'content/placeholder')).toBe(true);

    // "Start the file on GitHub" is a plain form: GitHub's new-file page, with the file's name and the template.
    const form = page.locator('#skeleton-form');
    const repository = (await page.locator('#record-form').getAttribute('data-repository'))!;
    await expect(form.getAttribute('action')).resolves.toBe(`https://github.com/${repository}/new/main`);
    await expect(form.getAttribute('method')).resolves.toBe('get');
    await expect(form.locator('input[name="filename"]').inputValue()).resolves.toBe('content/roadmap/your-organisation-id/short-name.md');
    await expect(form.locator('input[name="value"]').inputValue()).resolves.toBe(template);
    await expect(page.locator('#without-javascript ~ ul a', { hasText: /as an issue/ }).getAttribute('href')).resolves.toBe(
      `https://github.com/${repository}/issues/new?template=roadmap.yml`,
    );
    await page.close();
  });

  it(
    'when JavaScript is on but the form’s script cannot load, ' + 'the page is as it is without it once loaded: the notice, and no form',
    async () => {
      const failing = await newContext(session.browser);
      try {
        await failing.route(/\/_astro\/.+\.js$/, (route) => route.abort());
        const page = await failing.newPage();
        await page.goto(urlOf(FORM), { waitUntil: 'load' });
        await expect.poll(() => page.locator('#no-script').isVisible()).toBe(true);
        await expect(page.locator('#record-form').isVisible()).resolves.toBe(false);
        await expect(page.locator('#no-script a').getAttribute('href')).resolves.toBe('#without-javascript');
      } finally {
        await failing.close();
      }
    },
  );
});
