/**
 * The accepted cases of the hostile-input corpus (tests/hostile/cases.ts: hostile text in every field of
 * every record type and of an organisation, Markdown attacks, a byte-order mark and CRLF, deep nesting,
 * many links), built into the fixture site (tests/site/global-setup.ts) and opened in Chromium with
 * JavaScript on. On every page that shows their text (record pages, lists, filters, organisation pages,
 * services, themes, the home page…), in search results and the search filters, in the Atom feeds and in
 * the JSON, CSV, DCAT and publiccode.yml exports: the text is shown as text, nothing from content runs, and
 * nothing is requested from any host but the local server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCsvObjects } from '../../src/lib/csv.ts';
import { validateContent } from '../../src/lib/validation/validate.ts';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { SITE_CASES } from '../hostile/cases.ts';

const siteUrl = inject('fixtureUrl');
const siteDir = inject('fixtureDir');
const buildError = inject('fixtureBuildError');
const base = inject('base');
const origin = new URL(siteUrl).origin;

/** The word every hostile record holds, to find the pages that show one and to search for. */
const MARKER = 'Zyxquo';

/** The accepted hostile records as the validator reads them: what the pages must show, exactly. */
const hostileIds = new Set(SITE_CASES.flatMap((testCase) => testCase.accepted ?? []));
const content = buildError ? undefined : validateContent({ contentDir: inject('fixtureContentDir') }).content;
const records = (content?.records ?? []).filter((record) => hostileIds.has(record.id));
const organisations = (content?.organisations ?? []).filter((organisation) => hostileIds.has(`organisations/${organisation.id}`));

/** Every file the build wrote, relative to the site folder. */
const files = buildError ? [] : readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.[a-z]+$/.test(file));
const read = (file: string) => readFileSync(join(siteDir, file), 'utf8');
/** Every page that shows hostile text, as a path under the base. */
const hostilePages = files
  .filter((file) => file.endsWith('.html') && read(file).includes(MARKER))
  .map((file) => file.replace(/index\.html$/, ''))
  .toSorted();

let browser: Browser;
let context: BrowserContext;
/** Every request any page made, and the ones for another host (which were not sent). */
const requests: string[] = [];
const foreignRequests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  if (buildError) throw new Error(buildError);
  browser = await launchChromium();
  context = await newContext(browser);
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      foreignRequests.push(`${route.request().resourceType()} ${url} (from ${route.request().frame().url()})`);
      await route.abort('blockedbyclient');
    } else await route.continue();
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens a page, watching for dialogs, and pokes every element of its content as a reader might. */
async function open(path: string): Promise<{ page: Page; status: number | undefined; dialogs: string[] }> {
  const page = await context.newPage();
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    dialogs.push(`${path}: ${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  const status = (await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' }))?.status();
  await page.locator('main *').evaluateAll((elements) => {
    for (const element of elements) {
      // Plain events, not mouse events, so that no link is followed.
      for (const type of ['mouseover', 'focus', 'focusin', 'click', 'toggle', 'load', 'error', 'animationstart'])
        element.dispatchEvent(new Event(type));
    }
  });
  await page.waitForTimeout(150);
  return { page, status, dialogs: opened };
}

/**
 * Runs in the browser, on the page's document or on some HTML parsed (inertly) with DOMParser: everything
 * that content could have used to run script, load from another host, submit data, move the reader away
 * or take the page's own names. Returns what it found, as text; empty when the document is clean.
 */
function audit(input: { html?: string; origin: string }): string[] {
  const doc = input.html === undefined ? document : new DOMParser().parseFromString(input.html, 'text/html');
  const found: string[] = [];
  const show = (element: Element) => element.outerHTML.slice(0, 160);
  const resolve = (value: string) => {
    try {
      return new URL(value, doc.baseURI || input.origin);
    } catch {
      return undefined;
    }
  };
  const unsafeScheme = (value: string) => /^(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020\u007f-\u00a0]/g, ''));
  const hostile = (text: string) => /Zyxquo|alert\(|evil\.example|expression\(/i.test(text);
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`event handler ${name}: ${show(element)}`);
      if (name === 'srcdoc') found.push(`srcdoc: ${show(element)}`);
      if (
        [
          'href',
          'src',
          'action',
          'formaction',
          'data',
          'xlink:href',
          'poster',
          'background',
          'cite',
          'srcset',
          'ping',
          'lowsrc',
          'dynsrc',
          'codebase',
          'manifest',
        ].includes(name) &&
        unsafeScheme(attribute.value)
      ) {
        found.push(`unsafe address in ${name}: ${show(element)}`);
      }
      if (name === 'style' && (/url\s*\(|expression\s*\(|javascript:|behavior/i.test(attribute.value) || hostile(attribute.value)))
        found.push(`style attribute: ${show(element)}`);
    }
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'base', 'isindex', 'fencedframe'].includes(tag))
      found.push(`element ${tag}: ${show(element)}`);
    if (tag === 'meta' && element.hasAttribute('http-equiv')) found.push(`meta http-equiv: ${show(element)}`);
    // The site's own forms: search (here), the contribution form (no action: its script handles it) and
    // "start the file on GitHub". A form from content would submit elsewhere.
    if (tag === 'form' && element.hasAttribute('action')) {
      const action = resolve(element.getAttribute('action')!);
      if (!action || !((action.origin === input.origin && /\/search\/$/.test(action.pathname)) || action.origin === 'https://github.com'))
        found.push(`form: ${show(element)}`);
    }
    if (tag === 'link') {
      const href = resolve(element.getAttribute('href') ?? '');
      if (!href || href.origin !== input.origin) found.push(`link to another host: ${show(element)}`);
    }
    if (tag === 'style' && hostile(element.textContent ?? '')) found.push(`style element from content: ${show(element)}`);
    if (tag === 'script') {
      const type = element.getAttribute('type') ?? '';
      const text = element.textContent ?? '';
      if (type === 'application/ld+json') {
        try {
          JSON.parse(text);
        } catch {
          found.push(`JSON-LD that is not JSON (did content break out of it?): ${show(element)}`);
        }
      } else if (type === 'text/pagefind-template') {
        if (hostile(text)) found.push(`template holding content: ${show(element)}`);
      } else if (element.hasAttribute('src')) {
        const src = resolve(element.getAttribute('src')!);
        if (!src || src.origin !== input.origin) found.push(`script from another host: ${show(element)}`);
      } else if (hostile(text)) {
        found.push(`inline script from content: ${show(element)}`);
      }
    }
    if (
      ['script', 'foreignobject', 'use', 'animate', 'set', 'iframe', 'a'].includes(tag) &&
      element.closest('svg') &&
      (tag !== 'a' || element.closest('.hub-prose'))
    )
      found.push(`${tag} inside svg: ${show(element)}`);
  }
  // Rendered Markdown (.hub-prose) holds only what the sanitiser allows: no SVG, MathML, forms or fields
  // (bar disabled checkboxes, as in a task list), styles, links, noscript or media.
  for (const element of doc.querySelectorAll(
    '.hub-prose :is(svg, math, form, input, button, select, textarea, style, link, noscript, template, audio, video, dialog)',
  )) {
    if (!element.matches('input[type="checkbox"][disabled]')) found.push(`element from Markdown: ${show(element)}`);
  }
  // Content must not take the page's own ids or names (DOM clobbering).
  if (doc.querySelectorAll('[id="main-content"]').length > 1) found.push('a second element with id main-content');
  if (typeof doc.getElementById !== 'function' || !(doc.documentElement instanceof HTMLHtmlElement))
    found.push('document properties clobbered by named elements');
  return found;
}

describe('the fixture site with the hostile-input corpus', () => {
  it('built, with every accepted hostile record and organisation in it', () => {
    expect(buildError).toBe('');
    expect(records.map((record) => record.id).toSorted()).toEqual(
      [...hostileIds].filter((id) => !id.startsWith('organisations/')).toSorted(),
    );
    expect(organisations.length).toBeGreaterThan(0);
    for (const record of records) expect(files, record.id).toContain(`${record.id}/index.html`);
  });

  it(
    'shows hostile text on the page types that show records: records, ' +
      'lists, filters, organisations, services, themes and the home page',
    () => {
      const kinds = (pattern: RegExp) => hostilePages.filter((path) => pattern.test(path));
      expect(
        kinds(/^(roadmap|principles|lessons|datasets|components)\/[^/]+\/[^/]+\/$/).length,
        hostilePages.join(' '),
      ).toBeGreaterThanOrEqual(records.length);
      for (const list of [
        'roadmap/',
        'principles/',
        'lessons/',
        'datasets/',
        'components/',
        'organisations/',
        'organisations/hostile-text/',
        'themes/',
        'themes/hostile-theme/',
        '',
      ]) {
        expect(
          hostilePages.some((path) => path === list || (list !== '' && path.startsWith(`${list}page/`))),
          `no page ${list || 'home'} shows hostile text`,
        ).toBe(true);
      }
      expect(kinds(/\/(status|type|nation|service|theme)\//).length).toBeGreaterThan(0);
      expect(kinds(/^(services|themes)\//).length).toBeGreaterThan(0);
    },
  );
});

describe('the audit itself', () => {
  it('finds each thing it looks for, so that a clean result means something', async () => {
    const page = await context.newPage();
    await page.goto(`${siteUrl}feeds/`);
    const bad = [
      '<script type="application/ld+json">{"name":"</script><script>alert(1)</script>"}</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<iframe src="https://evil.example/"></iframe>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      '<base href="https://evil.example/">',
      '<form action="https://evil.example/"></form>',
      '<object data="https://evil.example/"></object>',
      '<div style="background:url(https://evil.example/)">x</div>',
      '<link rel="stylesheet" href="https://evil.example/x.css">',
      '<div class="hub-prose"><svg></svg><input type="text"></div>',
      '<svg><script>alert(1)</script></svg>',
    ];
    const found = await page.evaluate(audit, { html: bad.join('\n'), origin });
    await page.close();
    for (const kind of [
      'JSON-LD that is not JSON',
      'inline script from content',
      'event handler onerror',
      'unsafe address in href',
      'element iframe',
      'meta http-equiv',
      'element base',
      'form:',
      'element object',
      'style attribute',
      'link to another host',
      'element from Markdown: <svg',
      'element from Markdown: <input',
      'script inside svg',
    ]) {
      expect(
        found.some((finding) => finding.startsWith(kind)),
        `${kind} in ${JSON.stringify(found, null, 1)}`,
      ).toBe(true);
    }
    expect(found.filter((finding) => finding.startsWith('unsafe address')).length).toBe(2);
  });
});

describe.each(hostilePages)('/%s in Chromium', (path) => {
  let page: Page;
  let status: number | undefined;
  let opened: string[];
  let findings: string[];

  beforeAll(async () => {
    ({ page, status, dialogs: opened } = await open(path));
    findings = await page.evaluate(audit, { origin });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
  });

  it('loads, stays put (no refresh or redirect), opens no dialog and holds nothing that could run or load content', () => {
    expect(status).toBe(200);
    expect(page.url()).toBe(`${siteUrl}${path}`);
    expect(opened).toEqual([]);
    expect(findings).toEqual([]);
  });

  const record = records.find((candidate) => path === `${candidate.id}/`);
  if (record) {
    it('shows the title as its heading and the summary as text, exactly as written', async () => {
      await expect(page.locator('h1').innerText()).resolves.toBe(record.data.title);
      await expect(page.locator('main').innerText()).resolves.toContain(record.data.summary.replace(/\s+/g, ' ').trim());
    });

    it('keeps its JSON-LD inside its script element, with the title as its name', async () => {
      const jsonLd = await page
        .locator('script[type="application/ld+json"]')
        .evaluateAll((scripts) => scripts.map((script) => script.textContent ?? ''));
      expect(jsonLd.length).toBeGreaterThan(0);
      const names = jsonLd.map((text) => JSON.parse(text) as { name?: string }).map((data) => data.name);
      expect(names).toContain(record.data.title);
      expect(jsonLd.join('')).not.toMatch(/<\/script|<!--/i);
    });
  }
});

describe('search, with JavaScript', () => {
  let page: Page;
  const opened: string[] = [];

  beforeAll(async () => {
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      opened.push(`${dialog.type()}: ${dialog.message()}`);
      dialogs.push(`search: ${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await page.goto(`${siteUrl}search/`, { waitUntil: 'networkidle' });
    await page.getByRole('searchbox').first().fill(MARKER);
    await page.locator('.hub-search-result__title a').first().waitFor({ timeout: 20_000 });
    // Results fetch their details as they scroll into view: scroll down a screen at a time, as a reader
    // would, until the page ends and no more arrive. (A jump straight to the bottom passes over the results in
    // between without them ever being on screen, unless the browser animates the scroll.)
    let seen = '';
    for (let round = 0; round < 60; round++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(300);
      const now = `${await page.evaluate(() => window.scrollY)} ${await page.locator('.hub-search-result__title a').count()}`;
      if (now === seen) break;
      seen = now;
    }
  }, 90_000);

  afterAll(async () => {
    await page?.close();
  });

  it(`finds the hostile records by a word in them and shows their titles as text`, async () => {
    const titles = await page.locator('.hub-search-result__title a').allInnerTexts();
    const expected = records.filter((record) => record.data.title.includes(MARKER)).map((record) => record.data.title);
    const shown = expected.filter((title) => titles.includes(title));
    expect(shown.length, `titles shown: ${titles.join(' | ')}`).toBeGreaterThanOrEqual(Math.min(5, expected.length));
    expect(titles.some((title) => title.includes('<script>alert('))).toBe(true);
  });

  it('renders results with no elements from content: only the template’s list items, headings, links and text', async () => {
    const tags = await page
      .locator('.hub-search-result *')
      .evaluateAll((elements) => [...new Set(elements.map((element) => element.tagName.toLowerCase()))]);
    expect(tags.filter((tag) => !['p', 'h2', 'a', 'mark'].includes(tag))).toEqual([]);
    await expect(page.evaluate(audit, { origin })).resolves.toEqual([]);
    expect(opened).toEqual([]);
  });

  it('shows a hostile organisation name in the filters as text, and runs nothing', async () => {
    await page.locator('#search-filters summary').click();
    await expect(page.locator('#search-filters')).toBeDefined();
    await page.waitForFunction((marker) => document.querySelector('#search-filters')?.textContent?.includes(marker), MARKER, {
      timeout: 20_000,
    });
    // The organisation group may be folded: its text is there, hidden, all the same.
    const pane = await page.locator('#search-filters').textContent();
    expect(pane).toContain(organisations[0].data.name);
    await expect(page.locator('#search-filters img, #search-filters svg script').count()).resolves.toBe(0);
    await page.waitForTimeout(300);
    await expect(page.evaluate(audit, { origin })).resolves.toEqual([]);
    expect(opened).toEqual([]);
  });
});

describe('the contribution form, editing a hostile record, with its preview', () => {
  const record = () => records.find((candidate) => candidate.id === 'roadmap/ashdown/hostile-text')!;
  let page: Page;
  const opened: string[] = [];

  beforeAll(async () => {
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      opened.push(`${dialog.type()}: ${dialog.message()}`);
      dialogs.push(`contribute: ${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await page.goto(`${siteUrl}contribute/new/roadmap/?edit=${record().id}`, { waitUntil: 'networkidle' });
  }, 60_000);

  afterAll(async () => {
    await page?.close();
  });

  it('fills the form with the hostile text as values, and its preview shows it as text and runs nothing', async () => {
    await page.waitForFunction(
      (title) => [...document.querySelectorAll('input')].some((input) => input.value === title),
      record().data.title,
      { timeout: 20_000 },
    );
    await page.locator('#check-answers').click();
    await page.waitForTimeout(1000);
    const preview = await page.locator('main').innerText();
    expect(preview).toContain(record().data.title);
    await expect(page.evaluate(audit, { origin })).resolves.toEqual([]);
    expect(opened).toEqual([]);
  });
});

describe('feeds', () => {
  const feeds = files.filter((file) => file.startsWith('feeds/') && file.endsWith('.xml') && read(file).includes(MARKER));
  let page: Page;
  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(`${siteUrl}feeds/`);
  }, 60_000);
  afterAll(async () => {
    await page?.close();
  });

  it('include the organisation’s feed, every collection’s and the everything feed', () => {
    for (const feed of [
      'feeds/all.xml',
      'feeds/organisations/hostile-text.xml',
      'feeds/roadmap.xml',
      'feeds/principles.xml',
      'feeds/lessons.xml',
      'feeds/datasets.xml',
      'feeds/components.xml',
    ])
      expect(feeds).toContain(feed);
  });

  it.each(feeds)('%s is well-formed Atom with every hostile value as escaped text, and its HTML content sanitised', async (feed) => {
    const parsed = await page.evaluate(
      ({ xml, origin }) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const error = doc.querySelector('parsererror')?.textContent ?? '';
        const ATOM = 'http://www.w3.org/2005/Atom';
        const foreign = [...doc.getElementsByTagName('*')]
          .filter((element) => element.namespaceURI !== ATOM)
          .map((element) => `${element.namespaceURI} ${element.localName}`);
        const entries = [...doc.getElementsByTagNameNS(ATOM, 'entry')].map((entry) => ({
          id: entry.getElementsByTagNameNS(ATOM, 'id')[0]?.textContent ?? '',
          title: entry.getElementsByTagNameNS(ATOM, 'title')[0]?.textContent ?? '',
          summary: entry.getElementsByTagNameNS(ATOM, 'summary')[0]?.textContent ?? '',
          author: entry.getElementsByTagNameNS(ATOM, 'name')[0]?.textContent ?? '',
          html: [...entry.getElementsByTagNameNS(ATOM, 'content')]
            .filter((element) => element.getAttribute('type') === 'html')
            .map((element) => element.textContent ?? ''),
        }));
        return { error, foreign, entries, origin };
      },
      { xml: read(feed), origin },
    );
    expect(parsed.error).toBe('');
    expect(parsed.foreign, 'elements outside the Atom namespace: markup from content was not escaped').toEqual([]);
    for (const record of records) {
      const entry = parsed.entries.find((candidate) => candidate.id.endsWith(`:${record.id}`));
      if (!entry) continue;
      expect(entry.title.startsWith(record.data.title), `${feed}: ${entry.title}`).toBe(true);
      expect(entry.summary).toBe(record.data.summary);
      for (const html of entry.html) await expect(page.evaluate(audit, { html, origin })).resolves.toEqual([]);
    }
    const organisation = organisations[0];
    if (feed === `feeds/organisations/${organisation.id}.xml`)
      expect(parsed.entries.map((entry) => entry.author)).toContain(organisation.data.name);
  });
});

describe('open data', () => {
  /** Every string anywhere in a parsed value. */
  const strings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

  it('every JSON and JSON-LD file parses', () => {
    const json = files.filter((file) => /\.(json|jsonld)$/.test(file));
    expect(json.length).toBeGreaterThan(10);
    for (const file of json) expect(() => JSON.parse(read(file)), file).not.toThrow();
  });

  it.each(['roadmap', 'principles', 'lessons', 'datasets', 'components', 'organisations'])(
    '/api/v1/%s.json holds every hostile value exactly as written',
    (collection) => {
      const data = JSON.parse(read(`api/v1/${collection}.json`)) as {
        records: { id: string; title?: string; name?: string; summary?: string }[];
      };
      const expected =
        collection === 'organisations'
          ? organisations.map((organisation) => ({ id: organisation.id, fields: organisation.data as Record<string, unknown> }))
          : records
              .filter((record) => record.collection === collection)
              .map((record) => ({ id: record.id, fields: record.data as Record<string, unknown> }));
      expect(expected.length).toBeGreaterThan(0);
      for (const { id, fields } of expected) {
        const entry = data.records.find((candidate) => candidate.id === id || candidate.id === `organisations/${id}`);
        expect(entry, id).toBeDefined();
        const all = strings(entry);
        for (const value of strings(fields)) expect(all, `${id}: ${value}`).toContain(value);
      }
    },
  );

  it.each(['roadmap', 'principles', 'lessons', 'datasets', 'components', 'organisations'])(
    '/api/v1/%s.csv parses, starts no cell with a formula character, and holds the hostile titles',
    (collection) => {
      const rows = parseCsvObjects(read(`api/v1/${collection}.csv`));
      const cells = rows.flatMap((row) => Object.values(row));
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      for (const record of records.filter((candidate) => candidate.collection === collection)) {
        const row = rows.find((candidate) => candidate.id === record.id);
        expect(row, record.id).toBeDefined();
        expect(row!.title).toBe(/^[=+\-@\t\r']/.test(record.data.title) ? `'${record.data.title}` : record.data.title);
      }
    },
  );

  it('the formula titles are there to be neutralised: one starts with each of =, +, - and @', () => {
    const starts = records.flatMap((record) => [record.data.title[0], record.data.summary[0]]);
    for (const character of ['=', '+', '-', '@']) expect(starts).toContain(character);
  });

  it('the DCAT catalogue and data.json hold the hostile dataset’s text exactly', () => {
    const dataset = records.find((record) => record.collection === 'datasets' && record.data.title.includes(MARKER))!;
    for (const file of ['api/v1/datasets.dcat.jsonld', 'api/v1/datasets/data.json']) {
      const all = strings(JSON.parse(read(file)));
      expect(all, file).toContain(dataset.data.title);
      expect(all, file).toContain(dataset.data.summary);
    }
  });

  it('the hostile component’s publiccode.yml is valid YAML holding its text exactly', () => {
    const component = records.find((record) => record.collection === 'components' && record.data.title.includes(MARKER))!;
    const value = parseYaml(read(`api/v1/${component.id}/publiccode.yml`)) as unknown;
    expect(strings(value)).toContain(component.data.title);
  });
});

describe('across every page opened', () => {
  it('no dialog opened', () => {
    expect(dialogs).toEqual([]);
  });

  it('nothing was requested from any host but the local server', () => {
    expect(requests.length).toBeGreaterThan(hostilePages.length);
    expect(foreignRequests).toEqual([]);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(requests.filter((url) => !new URL(url).pathname.startsWith(base))).toEqual([]);
  });
});
