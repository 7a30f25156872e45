/**
 * The example hub (examples/ireland): a second hub, for local authorities in Ireland with fictional
 * councils, built by the same code from its own configuration and content alone. Every page passes axe
 * and the link check, shows its own words (provinces, no service list, its own licence), and none names
 * the UK hub, the LGSL or GSS codes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RECORD_COLLECTION_NAMES } from '../../schemas/collections.ts';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { axeViolations } from './axe.ts';
import { brokenAddresses, shownBroken } from './link-check.ts';

const exampleDir = inject('exampleDir');
const exampleUrl = inject('exampleUrl');
const buildError = inject('exampleBuildError');

/** Every page of the built example, as a path under the base ('' for the home page). */
function pagePaths(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('index.html') || file === '404.html')
    .map((file) =>
      file
        .split('\\')
        .join('/')
        .replace(/index\.html$/, ''),
    )
    .sort();
}

const paths = buildError ? [] : pagePaths(exampleDir);

/** Path segments that name a page type rather than a record, an organisation or a value. */
const LITERAL_SEGMENTS = new Set([
  'filters',
  'new',
  'organisation',
  'records',
  'page',
  'status',
  'type',
  'nation',
  'service',
  'theme',
  'procurement',
]);

/**
 * One page of each type: the first path of each shape, with ids and values as *, and the lists of every
 * record collection as one (one template makes them all; a record page stays one per collection, as each
 * shows its own fields). axe runs on these; the link check and the word checks read every page.
 */
function onePerType(all: readonly string[]): string[] {
  const literal = (part: string) => part === '' || LITERAL_SEGMENTS.has(part);
  const seen = new Set<string>();
  return all.filter((path) => {
    const parts = path.split('/');
    const list = (RECORD_COLLECTION_NAMES as readonly string[]).includes(parts[0]) && literal(parts[1] ?? '');
    const shape = parts.map((part, index) => (index === 0 ? (list ? '<collection>' : part) : literal(part) ? part : '*')).join('/');
    if (seen.has(shape)) return false;
    seen.add(shape);
    return true;
  });
}

const html = (path: string) => readFileSync(join(exampleDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');
const text = (path: string) =>
  html(path)
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the example hub', () => {
  it('builds from its configuration and content alone', () => {
    expect(buildError).toBe('');
    expect(paths.length).toBeGreaterThan(40);
  });

  it('never names the UK hub, its service list or its official codes, on any page', () => {
    for (const path of paths)
      expect(html(path), path || 'the home page').not.toMatch(/Council Commons|LGSL|Local Government Service List|GSS/);
  });

  it('says its own words: its name, provinces, its licence, and no services', () => {
    expect(html('')).toContain('<title>Comhar example hub</title>');
    expect(text('')).not.toContain('Browse by service');
    expect(text('')).not.toMatch(/Every UK council/);
    expect(text('roadmap/')).toMatch(/Province/);
    expect(text('roadmap/')).not.toMatch(/\bNation\b/);
    expect(text('numbers/')).toContain('Records by province');
    expect(text('numbers/')).toContain('Across Ireland');
    expect(text('organisations/ballykeel/')).toContain('County council');
    expect(html('')).toContain('rel="license">Creative Commons Attribution 4.0 International</a>');
    expect(text('api/')).toContain(
      'Contains information from Comhar example hub, licensed under the Creative Commons Attribution 4.0 International.',
    );
    expect(html('contribute/new/roadmap/')).not.toContain('data-finder="services"');
  });

  it('is in its own languages: English of Ireland first, then Irish, each marked, in the pages, forms and open data', () => {
    for (const path of ['', 'roadmap/ballykeel/pothole-reporting/', 'organisations/ballykeel/'])
      expect(html(path), path || 'the home page').toMatch(/^<!doctype html><html lang="en-IE"/i);
    expect(html('roadmap/ballykeel/pothole-reporting/')).toContain(
      '<p class="govuk-body-l" lang="ga">Poill bhóthair a thuairisciú ar líne</p>',
    );
    expect(html('organisations/ballykeel/')).toContain('<p class="govuk-body-l" lang="ga">Comhairle Contae Bhaile Chaoil</p>');
    // The form asks for the title and summary in Irish, not in Welsh.
    const form = html('contribute/new/roadmap/');
    expect(form).toContain('Add the title and summary in Irish');
    expect(form).toMatch(/name="translations\.ga\.title"[^>]*lang="ga"|lang="ga"[^>]*name="translations\.ga\.title"/);
    expect(form).not.toMatch(/in Welsh|translations\.cy/);
    const item = JSON.parse(readFileSync(join(exampleDir, 'api/v1/roadmap.json'), 'utf8')).records.find(
      (record: { id: string }) => record.id === 'roadmap/ballykeel/pothole-reporting',
    );
    expect(item.translations).toEqual({ ga: { title: 'Poill bhóthair a thuairisciú ar líne' } });
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html('roadmap/ballykeel/pothole-reporting/'))![1]!;
    expect(JSON.parse(ld)).toMatchObject({ inLanguage: 'en-IE', alternateName: ['Poill bhóthair a thuairisciú ar líne'] });
    expect(readFileSync(join(exampleDir, 'feeds/all.xml'), 'utf8')).toContain('xml:lang="en-IE"');
  });

  it('marks its fictional councils and records as demonstration', () => {
    expect(text('roadmap/ballykeel/pothole-reporting/')).toMatch(/demonstration/i);
    expect(text('organisations/ballykeel/')).toMatch(/demonstration/i);
  });

  it('has no broken internal link on any page', () => {
    const { broken, pages, checked } = brokenAddresses({ dir: exampleDir, base: inject('base'), origin: new URL(exampleUrl).origin });
    expect(pages).toBe(paths.length);
    expect(checked).toBeGreaterThan(pages * 5);
    expect(shownBroken(broken), `${broken.length} broken address(es)`).toEqual([]);
  });
});

describe.concurrent('the example hub, axe-core (WCAG 2.2 A and AA) on a page of every type', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for(onePerType(paths))('/%s has no violations', async (path, { expect }) => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const response = await page.goto(`${exampleUrl}${path}`, {
        waitUntil: /^(?:search|contribute)\//.test(path) ? 'networkidle' : 'load',
      });
      expect(response?.status(), `/${path} answered with status ${response?.status()}`).toBe(200);
      expect(await axeViolations(page), `axe-core violations on /${path}`).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
