/**
 * Size and script budgets on the demonstration site: the CSS each page loads, each record page's HTML,
 * and no JavaScript outside search (and, later, the contribution forms).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { readBuiltPages, type BuiltPage } from './html-scan.ts';
import { mayUseJavaScript, recordPathOf } from './pages.ts';

const demoDir = inject('demoDir');
const demoUrl = inject('demoUrl');
const base = inject('base');

const CSS_BUDGET = 40 * 1024;
const RECORD_HTML_BUDGET = 30 * 1024;
// Numbers per organisation list bodies, not records: a page is its frame and explanation, then a row a body.
// At some 400 bodies (every UK council sharing), 12 KB + 400 × 600 bytes is under 250 KB, whatever the records.
const NUMBERS_PAGE_BUDGET = 12 * 1024;
const NUMBERS_ROW_BUDGET = 600;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A stylesheet's size in the build, with the local stylesheets it @imports; undefined when it is not in the build. */
function stylesheetBytes(pathname: string, seen = new Set<string>()): number | undefined {
  if (!pathname.startsWith(base) || seen.has(pathname)) return seen.has(pathname) ? 0 : undefined;
  seen.add(pathname);
  const file = join(demoDir, decodeURIComponent(pathname.slice(base.length)));
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  const css = readFileSync(file, 'utf8');
  let total = Buffer.byteLength(css);
  for (const match of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) {
    total += stylesheetBytes(new URL(match[1], `http://site${pathname}`).pathname, seen) ?? 0;
  }
  return total;
}

/** The CSS a page loads as it is built: its stylesheets (and their imports) and its <style> elements. */
function cssOf(page: BuiltPage): { bytes: number; parts: string[] } {
  let bytes = 0;
  const parts: string[] = [];
  for (const tag of page.tags) {
    if (tag.name === 'link' && (tag.attributes.get('rel') ?? '').split(/\s+/).includes('stylesheet')) {
      const href = tag.attributes.get('href') ?? '';
      const size = stylesheetBytes(new URL(href, `http://site${base}${page.path}`).pathname) ?? 0;
      bytes += size;
      parts.push(`${href} ${kb(size)}`);
    }
    if (tag.name === 'style') {
      const size = Buffer.byteLength(tag.text ?? '');
      bytes += size;
      parts.push(`<style> ${kb(size)}`);
    }
  }
  return { bytes, parts };
}

let pages: BuiltPage[];
beforeAll(() => {
  pages = readBuiltPages(demoDir);
});

describe('CSS budget', () => {
  it(`every built page loads under ${kb(CSS_BUDGET)} of CSS (uncompressed)`, () => {
    const measured = pages.map((page) => ({ page, ...cssOf(page) })).sort((a, b) => b.bytes - a.bytes);
    const largest = measured[0];
    console.log(`[budgets] Most CSS on one page: ${kb(largest.bytes)}, ${largest.page.file} (${largest.parts.join(', ')})`);
    // Pages over budget, grouped by what they load (most pages share one stylesheet).
    const groups = new Map<string, string[]>();
    for (const entry of measured.filter((candidate) => candidate.bytes >= CSS_BUDGET)) {
      const key = `${kb(entry.bytes)}: ${entry.parts.join(' + ')}`;
      groups.set(key, [...(groups.get(key) ?? []), entry.page.file]);
    }
    const over = [...groups].map(([css, files]) => `${files.length} page(s) load ${css}, e.g. ${files.slice(0, 5).join(', ')}`);
    expect(over, 'pages over the CSS budget').toEqual([]);
  });

  it(`the search page, after a search, has loaded under ${kb(CSS_BUDGET)} of CSS, counting stylesheets its scripts add`, async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      const context = await newContext(browser);
      const page = await context.newPage();
      const sizes = new Map<string, number>();
      page.on('response', async (response) => {
        if (response.request().resourceType() === 'stylesheet' && response.ok()) sizes.set(response.url(), (await response.body()).length);
      });
      const response = await page.goto(`${demoUrl}search/`, { waitUntil: 'networkidle' });
      expect(response?.status(), `${demoUrl}search/ answered with status ${response?.status()}`).toBe(200);
      await page.getByRole('searchbox').first().fill('council');
      await page.waitForLoadState('networkidle');
      const inline = await page.evaluate(() =>
        [...document.querySelectorAll('style')].reduce(
          (total, style) => total + new TextEncoder().encode(style.textContent ?? '').length,
          0,
        ),
      );
      const total = [...sizes.values()].reduce((sum, size) => sum + size, 0) + inline;
      const parts = [...sizes].map(([url, size]) => `${new URL(url).pathname} ${kb(size)}`).concat(`<style> ${kb(inline)}`);
      expect(total, `CSS on /search/: ${parts.join(', ')}`).toBeLessThan(CSS_BUDGET);
    } finally {
      await browser?.close();
    }
  });
});

describe('HTML budget', () => {
  it(`every record page’s HTML is under ${kb(RECORD_HTML_BUDGET)}`, () => {
    const records = pages
      .filter((page) => recordPathOf(page.path))
      .map((page) => ({ file: page.file, bytes: Buffer.byteLength(page.html) }))
      .sort((a, b) => b.bytes - a.bytes);
    expect(records.length, 'the demonstration site should have record pages').toBeGreaterThan(50);
    console.log(`[budgets] Largest record page: ${records[0].file}, ${kb(records[0].bytes)} (of ${records.length} record pages)`);
    expect(
      records.filter((record) => record.bytes >= RECORD_HTML_BUDGET).map((record) => `${record.file}: ${kb(record.bytes)}`),
      'record pages over the HTML budget',
    ).toEqual([]);
  });
});

describe('numbers per organisation', () => {
  it(`each of its pages is under ${kb(NUMBERS_PAGE_BUDGET)} and ${NUMBERS_ROW_BUDGET} bytes for each body listed`, () => {
    const numbers = pages.filter((page) => page.path.startsWith('numbers/organisations/'));
    expect(numbers.length, 'the table and its sort orders').toBeGreaterThan(1);
    const over = numbers.flatMap((page) => {
      // Body rows: every row but each table's header row.
      const rows = page.tags.filter((tag) => tag.name === 'tr').length - page.tags.filter((tag) => tag.name === 'table').length;
      const bytes = Buffer.byteLength(page.html);
      return bytes < NUMBERS_PAGE_BUDGET + rows * NUMBERS_ROW_BUDGET ? [] : [`${page.file}: ${kb(bytes)} for ${rows} bodies`];
    });
    expect(over, 'pages of numbers per organisation over budget').toEqual([]);
  });
});

describe('no JavaScript outside search', () => {
  it(
    'no page but /search/ (and /contribute/new/) has a script file, ' + 'an inline script other than JSON-LD, or an on* event attribute',
    () => {
      const found: string[] = [];
      for (const page of pages.filter((candidate) => !mayUseJavaScript(candidate.path))) {
        for (const tag of page.tags) {
          if (tag.name === 'script') {
            const type = (tag.attributes.get('type') ?? '').trim().toLowerCase();
            if (tag.attributes.has('src')) found.push(`${page.file}:${tag.line}: <script src="${tag.attributes.get('src')}">`);
            else if (type !== 'application/ld+json')
              found.push(
                `${page.file}:${tag.line}: inline <script${type ? ` type="${type}"` : ''}> “${(tag.text ?? '').trim().slice(0, 60)}”`,
              );
          }
          for (const name of tag.attributes.keys()) {
            if (/^on/.test(name)) found.push(`${page.file}:${tag.line}: <${tag.name} ${name}="${tag.attributes.get(name)!.slice(0, 60)}">`);
          }
          for (const attribute of ['href', 'src', 'action', 'formaction']) {
            const value = tag.attributes.get(attribute);
            if (value && /^\s*javascript:/i.test(value.replace(/[\u0000-\u001f]/g, '')))
              found.push(`${page.file}:${tag.line}: <${tag.name} ${attribute}="${value.slice(0, 60)}">`);
          }
        }
      }
      expect(pages.filter((page) => !mayUseJavaScript(page.path)).length).toBeGreaterThan(400);
      const shown = found.slice(0, 100);
      if (found.length > shown.length) shown.push(`… and ${found.length - shown.length} more`);
      expect(shown, 'JavaScript on pages that should have none').toEqual([]);
    },
  );
});
