/**
 * "We use this" on the built demonstration site, in Chromium: every component page offers it, as plain
 * links, and only to demonstration bodies, since every demonstration component is fictional; a body's
 * form opened from it adds the component to the components the body uses, keeps the others, and sends
 * the whole list (GitHub's editor, the download and the issue form), which the real validator accepts;
 * a real council is never made to use a fictional component; the A to Z carries the component on to the
 * body chosen. Without JavaScript the links still lead to the body's form, and the component page says
 * what line to add to the body's file. axe-core checks each page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { newContext } from '../helpers/browser.ts';
import { copyOf } from '../helpers/content.ts';
import { axeViolations } from './axe.ts';
import { expectCheckedWithoutErrors, useFormBrowser } from './forms.ts';
import { readOrganisations, readRecords } from './pages.ts';
import { base } from './site.ts';

const contentDir = inject('demoContentDir');
const TODAY = new Date().toISOString().slice(0, 10);
const records = readRecords(contentDir);
const organisations = readOrganisations(contentDir);
/** Fenmoor's, used by Fenmoor, Sallowfield and Tarnbeck Civic Tech: not by Glanmor or Kestrelford. */
const COMPONENT = 'components/fenmoor/family-services-directory-api';
const usesOf = (id: string) => (organisations.get(id)!.uses as string[] | undefined) ?? [];
const formOf = (organisation: string, component = COMPONENT) =>
  `contribute/organisation/${organisation}/?uses=${encodeURIComponent(component)}`;
/** Follows a link and waits for the page it leads to. */
const follow = (page: Page, name: string, path: string) =>
  Promise.all([page.waitForURL((url) => url.pathname === `${base}${path}`), page.getByRole('link', { name }).click()]);

// No console error, uncaught exception or failed request on any page the tests open.
const session = useFormBrowser();
const { pages } = session;
let noScript: BrowserContext;
beforeAll(async () => {
  noScript = await newContext(session.browser, { javaScriptEnabled: false });
});

/** Opens a body's form and waits until it is filled in and says what happened to the component asked for. */
async function openForm(path: string): Promise<Page> {
  const page = await pages.open(session.context, path);
  await page.locator('#load-status').waitFor({ state: 'visible' });
  await page.waitForFunction(() => !(document.getElementById('check-answers') as HTMLButtonElement).disabled);
  return page;
}

const usesBox = (page: Page) => page.inputValue('#uses').then((value) => value.split('\n').filter(Boolean));

describe('on every component’s page', () => {
  it('offers “We use this” only to demonstration bodies not using it yet, as links to their forms, without JavaScript', async () => {
    const components = records.filter((record) => record.collection === 'components');
    expect(components.length).toBeGreaterThan(3);
    for (const record of components) {
      // Every component of the demonstration content is fictional: its owner is a demonstration body.
      expect(record.organisationData.demonstration, record.path).toBe(true);
      const id = record.path.slice(0, -1);
      const expected = [...organisations]
        .filter(([, data]) => data.demonstration === true && !((data.uses as string[] | undefined) ?? []).includes(id))
        .map(([organisation, data]) => [`Say ${data.name as string} uses this`, `${base}${formOf(organisation, id)}`]);
      const page = await pages.open(noScript, record.path);
      const part = page.locator('.hub-we-use-this');
      await expect(part.locator('strong').first().innerText(), record.path).resolves.toBe('We use this');
      const owner = record.organisationData.name as string;
      const fictional = `${owner} is a fictional demonstration body, so no real organisation can say it uses this.`;
      await expect(part.innerText()).resolves.toContain(fictional);
      const links = await part.locator('a').evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]));
      expect(links, record.path).toEqual(expected);
      if (expected.length > 0) {
        // Without JavaScript the form cannot add it: the page says which line to write in the file instead.
        const line = `follow the link to edit the file on GitHub and add the line - ${id} under uses:`;
        await expect(part.locator('noscript p').innerText()).resolves.toContain(line);
      }
      await page.close();
    }
  });

  it('leads, without JavaScript, to the body’s form, which offers GitHub’s editor of its file', async () => {
    const page = await pages.open(noScript, `${COMPONENT}/`);
    await follow(page, 'Say Glanmor uses this', 'contribute/organisation/glanmor/');
    await expect(page.locator('#organisation-form').isVisible()).resolves.toBe(false);
    const edit = page.locator('#without-javascript ~ ul a', { hasText: 'file on GitHub' });
    await expect(edit.getAttribute('href')).resolves.toMatch(/\/edit\/main\/content\/organisations\/glanmor\.yaml$/);
    await page.close();
  });

  it('passes axe', async () => {
    const page = await pages.open(session.context, `${COMPONENT}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('a body’s form opened from “We use this”', () => {
  let page: Page;
  beforeAll(async () => {
    page = await pages.open(session.context, `${COMPONENT}/`);
    await follow(page, 'Say Glanmor uses this', 'contribute/organisation/glanmor/');
    await page.locator('#load-status').waitFor({ state: 'visible' });
    await page.waitForFunction(() => !(document.getElementById('check-answers') as HTMLButtonElement).disabled);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('adds the component after the body’s others, says so, and axe finds nothing', async () => {
    await expect(usesBox(page)).resolves.toEqual([...usesOf('glanmor'), COMPONENT]);
    await expect(page.locator('#load-status').innerText()).resolves.toBe(
      `${COMPONENT} is added to “Components used”, after the components Glanmor already uses. Check your changes, then send them.`,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers a file that changes only the components used, keeping every other one, which the validator accepts', async () => {
    await expectCheckedWithoutErrors(page);
    await expect(page.locator('#changes dt').allInnerTexts()).resolves.toEqual(['Components used']);
    const text = (await page.locator('#file-text').textContent())!;
    expect((parse(text) as { uses: string[] }).uses).toEqual([...usesOf('glanmor'), COMPONENT]);
    const content = copyOf(contentDir);
    writeFileSync(join(content, 'organisations/glanmor.yaml'), text);
    const report = validateContent({ contentDir: content, today: TODAY });
    expect(report.errors.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([]);
    // The issue form gets the whole list: issue-to-pr replaces the list with the one the issue gives.
    const issue = new URL((await page.getAttribute('#issue', 'href'))!);
    expect([...issue.searchParams.keys()]).toEqual(['template', 'title', 'organisation', 'uses']);
    expect(issue.searchParams.get('uses')!.split(', ')).toEqual([...usesOf('glanmor'), COMPONENT]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('what a body’s form will not add', () => {
  it.for([
    [
      'a body that uses it already',
      formOf('fenmoor'),
      `Fenmoor already says it uses ${COMPONENT}: it is in “Components used”, so there is nothing to add.`,
    ],
    [
      'a fictional component, to a real council',
      formOf('hartlepool'),
      `${COMPONENT} is fictional, from a demonstration body, so Hartlepool, a real organisation, cannot say it uses it. Nothing was added.`,
    ],
    [
      'a component the hub does not have',
      formOf('glanmor', 'components/fenmoor/no-such-thing'),
      'There is no component components/fenmoor/no-such-thing on the hub, so nothing was added to “Components used”.',
    ],
    [
      'what is not a component id, without repeating it',
      `contribute/organisation/glanmor/?uses=${encodeURIComponent('Call 0800 000 000')}`,
      'The address of this page asks to add something that is not a component id, so nothing was added to “Components used”.',
    ],
  ])('%s', async ([, path, message]) => {
    const organisation = /organisation\/([a-z-]+)\//.exec(path)![1]!;
    const page = await openForm(path);
    await expect(page.locator('#load-status').innerText()).resolves.toBe(message);
    await expect(usesBox(page)).resolves.toEqual(usesOf(organisation));
    await page.close();
  });
});

describe('the A to Z, from a component', () => {
  const CHOOSER = `contribute/organisation/?uses=${encodeURIComponent(COMPONENT)}`;

  it('says what will happen, carries the component on every body’s link and through the type-ahead, and axe finds nothing', async () => {
    const page = await pages.open(session.context, CHOOSER);
    await page.locator('#uses-status').waitFor({ state: 'visible' });
    const said = `Choose your organisation: its form opens with ${COMPONENT} added to the components it uses.`;
    await expect(page.locator('#uses-status').innerText()).resolves.toBe(said);
    const links = await page.locator('.hub-organisation-list a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    expect(links).toHaveLength(organisations.size);
    for (const link of links) expect(new URL(link, 'https://hub.example').searchParams.get('uses'), link).toBe(COMPONENT);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#organisation', 'Kestrelford (kestrelford)');
    await Promise.all([page.waitForURL((url) => url.pathname === `${base}contribute/organisation/kestrelford/`), page.click('#choose')]);
    await page.locator('#load-status').waitFor({ state: 'visible' });
    await expect(usesBox(page)).resolves.toEqual([...usesOf('kestrelford'), COMPONENT]);
    await page.close();
  });

  it('opens the body named in ?id= with the component', async () => {
    const page = await pages.open(session.context, `${CHOOSER}&id=kestrelford`);
    const kestrelford = `${base}contribute/organisation/kestrelford/`;
    await page.waitForURL((url) => url.pathname === kestrelford && url.searchParams.get('uses') === COMPONENT);
    await page.close();
  });

  it('without JavaScript, still links every body to its form', async () => {
    const page = await pages.open(noScript, CHOOSER);
    await expect(page.locator('#uses-status').isVisible()).resolves.toBe(false);
    await expect(page.locator('.hub-organisation-list a').count()).resolves.toBe(organisations.size);
    await page.close();
  });
});
