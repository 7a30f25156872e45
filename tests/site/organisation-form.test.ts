/**
 * The organisation form on the built demonstration site, in Chromium: a body is picked from the register
 * (type-ahead, ?id= and the A to Z), its page fills the form with its details as the hub has them, edits
 * with mistakes show GOV.UK's error summary linked to each field, and once fixed the form offers the
 * body's file with only the edited fields changed, which, written into a copy of the content, passes the
 * real validator; GitHub's editor, the download and the issue form carry the same edit. Without
 * JavaScript the A to Z, GitHub's editor and the issue form still work. On a phone whose connection
 * brings the script and the body's details late, nothing on either page moves as they arrive
 * (Lighthouse's layout shift). axe-core checks each state.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EDITABLE_ORGANISATION_FIELDS } from '../../src/lib/contribute/organisation-model.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { newContext } from '../helpers/browser.ts';
import { copyOf } from '../helpers/content.ts';
import { axeViolations } from './axe.ts';
import {
  expectCheckedWithoutErrors,
  expectMessagesBesideFields,
  expectSummaryLinksFocus,
  layoutShiftsOpening,
  summaryLinks,
  useFormBrowser,
} from './forms.ts';
import { base } from './site.ts';

const contentDir = inject('demoContentDir');
const TODAY = new Date().toISOString().slice(0, 10);
const PICKER = 'contribute/organisation/';
const FORM = 'contribute/organisation/fenmoor/';
const FILE = 'content/organisations/fenmoor.yaml';
const original = readFileSync(join(contentDir, 'organisations/fenmoor.yaml'), 'utf8');
const before = parse(original) as Record<string, unknown> & {
  open_data: { ckan?: string; organisation?: string }[];
  systems: Record<string, unknown>[];
};

// No console error, uncaught exception or failed request on any page the tests open.
const session = useFormBrowser();
const { pages } = session;

const open = (path: string, on: BrowserContext = session.context): Promise<Page> => pages.open(on, path);

/** Opens the form page and waits until the form shows the body's details. */
async function openForm(): Promise<Page> {
  const page = await open(FORM);
  await page.locator('#organisation-form').waitFor({ state: 'visible' });
  await page.waitForFunction(
    (website) => (document.getElementById('website') as HTMLInputElement | null)?.value === website,
    before.website,
  );
  return page;
}

/** A YAML file's lines but those of the named top-level fields (each key's line and the indented lines under it). */
function linesOutside(text: string, keys: readonly string[]): string[] {
  let inside = false;
  return text.split('\n').filter((line) => {
    const key = /^([a-z_]+):/.exec(line)?.[1];
    if (key !== undefined) inside = keys.includes(key);
    else if (!/^\s/.test(line)) inside = false;
    return !inside;
  });
}

describe('choosing the organisation', () => {
  it('finds it as you type, goes to its form, and says so when there is no such body', async () => {
    const page = await open(PICKER);
    await page.locator('#organisation-picker').waitFor({ state: 'visible' });
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#organisation', 'Nowhere Borough');
    await page.click('#choose');
    await page.locator('.govuk-error-summary').waitFor({ state: 'visible' });
    expect(await summaryLinks(page)).toEqual([
      ['#organisation', 'There is no organisation “Nowhere Borough” on the hub: choose yours from the list'],
    ]);
    await expect(page.locator('datalist#organisations-list option[data-id="fenmoor"]').getAttribute('value')).resolves.toBe(
      'Fenmoor (fenmoor)',
    );
    await page.fill('#organisation', 'Fenmoor (fenmoor)');
    await Promise.all([page.waitForURL((url) => url.pathname === `${base}${FORM}`), page.click('#choose')]);
    await expect(page.locator('h1').innerText()).resolves.toBe('Change Fenmoor’s details');
    await page.close();
  });

  it('opens a body’s form from ?id=', async () => {
    const page = await open(`${PICKER}?id=fenmoor`);
    await page.waitForURL((url) => url.pathname === `${base}${FORM}`);
    await page.close();
  });
});

describe('changing Fenmoor’s details, with JavaScript', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openForm();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('fills the form with the details as the hub has them, has a control for every editable field, and axe finds nothing', async () => {
    await expect(page.locator('#no-script').isVisible()).resolves.toBe(false);
    await expect(page.inputValue('#github')).resolves.toBe([before.github].flat().join('\n'));
    await expect(page.inputValue('#open_data_ckan-0-ckan')).resolves.toBe(before.open_data[0]!.ckan);
    await expect(page.locator('[data-rows="systems"] > [data-row]').count()).resolves.toBe(before.systems.length);
    await expect(page.inputValue('#systems-0-product')).resolves.toBe(before.systems[0]!.product);
    await expect(page.inputValue('#systems-0-service_area')).resolves.toBe(before.systems[0]!.service_area);
    await expect(page.inputValue('#systems-0-contract_end-year')).resolves.toBe(String(before.systems[0]!.contract_end).slice(0, 4));
    for (const key of EDITABLE_ORGANISATION_FIELDS) await expect(page.locator(`[data-field="${key}"]`).count(), key).resolves.toBe(1);
    for (const key of ['name', 'type', 'gss_code', 'harvest']) await expect(page.locator(`[name="${key}"]`).count(), key).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says nothing has changed when nothing has', async () => {
    await page.click('#check-answers');
    await page.locator('#nothing-changed').waitFor({ state: 'visible' });
    await expect(page.locator('#result').isVisible()).resolves.toBe(false);
  });

  it('answered with mistakes, shows the error summary, focused, with a link to each field and each field’s message', async () => {
    await page.fill('#website', 'not a web address');
    await page.fill('#open_data_ckan-0-organisation', 'fenmoor county council');
    await page.fill('#systems-0-contract_end-month', '13');
    await page.selectOption('#systems-1-service_area', '');
    await page.click('#check-answers');
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor({ state: 'visible' });
    await expect(page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).resolves.toBe(true);
    await expect(page.title()).resolves.toMatch(/^Error: Change Fenmoor’s details/);
    const links = await summaryLinks(page);
    expect(links).toEqual([
      ['#website', 'Website must be a full web address starting https:// (or http://), e.g. https://www.example.gov.uk/page'],
      [
        '#open_data_ckan-0-organisation',
        'Name on the portal must be the organisation’s name on the portal, as in its address: ' +
          'lowercase letters, digits, - and _, e.g. example-council (CKAN portal 1)',
      ],
      ['#systems-0-contract_end-month', 'Contract end must be a real month, for example 4 2026 (system 1)'],
      ['#systems-1-service_area', 'Choose the service area (system 2)'],
    ]);
    await expectMessagesBesideFields(page, links);
    await expect(page.getAttribute('#website', 'aria-describedby')).resolves.toContain('website-error');
    await expect(page.getAttribute('#systems-1-service_area', 'aria-describedby')).resolves.toContain('systems-1-service_area-error');
    await expect(
      page.locator('fieldset[role="group"]', { has: page.locator('#systems-0-contract_end-month') }).getAttribute('aria-describedby'),
    ).resolves.toContain('systems-0-contract_end-error');
    await expect(page.getAttribute('#systems-0-contract_end-year', 'class')).resolves.toContain('govuk-input--error');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('following a link in the summary moves focus to its field', async () => {
    await expectSummaryLinksFocus(page, ['systems-1-service_area', 'systems-0-contract_end-month', 'website']);
  });

  let text: string;
  it('fixed and edited, shows what changes and a file with only those fields changed, which the validator accepts', async () => {
    await page.fill('#website', 'https://www.fenmoor.example/council/');
    await page.fill('#open_data_ckan-0-organisation', before.open_data[0]!.organisation!);
    await page.fill('#systems-0-contract_end-month', String(Number(String(before.systems[0]!.contract_end).slice(5))));
    await page.selectOption('#systems-1-service_area', String(before.systems[1]!.service_area));
    await page.fill('#github', 'fenmoor-council\nfenmoor-labs');
    await page.fill('#open_data_data_json-0-data_json', 'https://data.fenmoor.example/data.json');
    await page.fill('#contact', '');
    await page.click('[data-rows="systems"] > [data-row="2"] [data-remove]');
    await expect(page.locator('[data-rows="systems"] > [data-row]').count()).resolves.toBe(before.systems.length - 1);
    await expectCheckedWithoutErrors(page);
    await expect(page.locator('#changes dt').allInnerTexts()).resolves.toEqual([
      'Website',
      'GitHub',
      'Open data',
      'Contact',
      'Systems and contracts',
    ]);
    await expect(page.locator('#changes .govuk-summary-list__row', { hasText: 'Contact' }).locator('dd').innerText()).resolves.toBe(
      'Taken out',
    );

    text = (await page.locator('#file-text').textContent())!;
    const content = copyOf(contentDir);
    writeFileSync(join(content, 'organisations/fenmoor.yaml'), text);
    const report = validateContent({ contentDir: content, today: TODAY });
    expect(report.errors.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
    const after = report.content.organisations.find((organisation) => organisation.id === 'fenmoor')!.data as Record<string, unknown>;
    const changed = ['website', 'github', 'open_data', 'contact', 'systems'];
    expect(after).toEqual({
      ...Object.fromEntries(Object.entries(before).filter(([key]) => !changed.includes(key))),
      website: 'https://www.fenmoor.example/council/',
      github: ['fenmoor-council', 'fenmoor-labs'],
      open_data: [...before.open_data, { data_json: 'https://data.fenmoor.example/data.json' }],
      systems: before.systems.slice(0, -1),
    });
    // Every line of the file outside the changed fields (comments, the register's fields, harvest…) is as it was.
    expect(linesOutside(text, changed)).toEqual(linesOutside(original, changed));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens GitHub’s editor of the file, downloads the same file, and fills the issue form with the changes only', async () => {
    const repository = await page.getAttribute('#organisation-form', 'data-repository');
    await expect(page.getAttribute('#propose', 'href')).resolves.toBe(`https://github.com/${repository}/edit/main/${FILE}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('fenmoor.yaml');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(text);
    const issue = new URL((await page.getAttribute('#issue', 'href'))!);
    expect(`${issue.origin}${issue.pathname}`).toBe(`https://github.com/${repository}/issues/new`);
    expect([...issue.searchParams.keys()]).toEqual([
      'template',
      'title',
      'organisation',
      'website',
      'github',
      'open_data',
      'contact',
      'systems',
    ]);
    expect(issue.searchParams.get('template')).toBe('organisation.yml');
    expect(issue.searchParams.get('organisation')).toBe('fenmoor');
    expect(issue.searchParams.get('github')).toBe('fenmoor-council, fenmoor-labs');
    expect(issue.searchParams.get('contact')).toBe('(remove)');
  });
});

describe('on a phone, with the scripts and the body’s details arriving late', () => {
  it('the picker shows its type-ahead from the first paint, and nothing moves when its script runs', async () => {
    const { shifts, lateResponses } = await layoutShiftsOpening(session.browser, PICKER, /\/_astro\/.+\.js$/, async (page) => {
      await page.waitForFunction(() => document.getElementById('organisation-picker')?.hidden === false);
      await expect
        .poll(() => page.locator('datalist#organisations-list option').count(), { timeout: 10_000 })
        .toBe(validateContent({ contentDir, today: TODAY }).content.organisations.length);
    });
    expect(lateResponses).toBeGreaterThanOrEqual(1);
    expect(shifts, 'layout shifts while the page opened').toEqual([]);
  });

  it(
    'the form has a row for each of the body’s systems and open ' + 'data before its details come, so filling them in moves nothing',
    async () => {
      const { shifts, lateResponses } = await layoutShiftsOpening(
        session.browser,
        FORM,
        /\/_astro\/.+\.js$|\/contribute\/organisations\/fenmoor\.json$/,
        async (page) => {
          await page.waitForFunction(
            (website) => (document.getElementById('website') as HTMLInputElement | null)?.value === website,
            before.website,
          );
          await expect(page.inputValue(`#systems-${before.systems.length - 1}-product`)).resolves.toBe(before.systems.at(-1)!.product);
        },
      );
      expect(lateResponses).toBeGreaterThanOrEqual(2);
      expect(shifts, 'layout shifts while the page opened and filled in').toEqual([]);
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

  it('the A to Z links every body to its own form page', async () => {
    const page = await open(PICKER, noScript);
    await expect(page.locator('#organisation-picker').isVisible()).resolves.toBe(false);
    const links = await page
      .locator('.hub-organisation-list a')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    const organisations = validateContent({ contentDir, today: TODAY }).content.organisations;
    expect(links).toHaveLength(organisations.length);
    expect(links).toContain(`${base}${FORM}`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${base}${FORM}`),
      page.locator('.hub-organisation-list a', { hasText: /^Fenmoor/ }).click(),
    ]);
    await page.close();
  });

  it('a body’s page says the form needs JavaScript, and offers GitHub’s editor of its file and the issue form', async () => {
    const page = await open(FORM, noScript);
    await expect(page.locator('#organisation-form').isVisible()).resolves.toBe(false);
    await expect(page.locator('#no-script').innerText()).resolves.toMatch(/needs JavaScript/);
    await expect(page.locator('#no-script a').getAttribute('href')).resolves.toBe('#without-javascript');
    const repository = (await page.locator('#organisation-form').getAttribute('data-repository'))!;
    const ways = page.locator('#without-javascript ~ ul a');
    await expect(ways.filter({ hasText: 'as an issue' }).getAttribute('href')).resolves.toBe(
      `https://github.com/${repository}/issues/new?template=organisation.yml&` +
        `title=Organisation%20details%3A%20Fenmoor&organisation=fenmoor`,
    );
    await expect(ways.filter({ hasText: 'file on GitHub' }).getAttribute('href')).resolves.toBe(
      `https://github.com/${repository}/edit/main/${FILE}`,
    );
    await page.close();
  });
});
