/**
 * The demonstration site in Chromium: every page type loads cleanly, the navigation, lists, pagination,
 * filters and search work, and everything but search works with JavaScript turned off.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { axeViolations } from './axe.ts';
import { FILTERS, matchesFilter, PAGE_TYPES, readOrganisations, readRecords, type Filter } from './pages.ts';
import { base, openPage, problemLines, recordLinks, recordsAcrossPages, urlOf, words, type SiteName } from './site.ts';

const records = readRecords(inject('demoContentDir'));
const roadmapItems = records.filter((record) => record.collection === 'roadmap').map((record) => record.path);
/** The fixture site's roadmap items: the baseline's and enough more for a second page. */
const fixtureRoadmapItems = () =>
  readRecords(inject('fixtureContentDir'))
    .filter((record) => record.collection === 'roadmap')
    .map((record) => record.path);

/** The lesson search must find, and a word that appears in its Markdown body and nowhere else in the content. */
const LESSON = records.find((record) => record.path === 'lessons/glanmor/machine-translation-not-enough/')!;
const BODY_WORD = 'idioms';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh browser context for each test, so that no state leaks between tests. */
async function freshContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  await context?.close();
  context = await newContext(browser, options);
  return context;
}

describe('every page type in Chromium', () => {
  it.for(PAGE_TYPES)(
    '$name (/$path) loads with status 200, one h1, a title that contains the h1’s words and no console errors',
    async ({ path, site }) => {
      const url = urlOf(path, site);
      const { page, response, problems } = await openPage(await freshContext(), path, site);
      expect(response?.status(), `${url} answered with status ${response?.status()}`).toBe(200);
      const headings = await page.locator('h1').allInnerTexts();
      expect(headings, `${url} should have exactly one h1; it has ${headings.length}: ${JSON.stringify(headings)}`).toHaveLength(1);
      const title = await page.title();
      const missing = words(headings[0]).filter((word) => !words(title).includes(word));
      expect(missing, `the title "${title}" of ${url} lacks words of its h1 "${headings[0]}"`).toEqual([]);
      expect(problemLines(problems), `problems on ${url}`).toEqual([]);
    },
  );

  it('answers an address that does not exist with status 404 and the page-not-found page', async () => {
    const { page, response, problems } = await openPage(await freshContext(), 'roadmap/nobody/no-such-record/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toMatch(/not found/i);
    // The browser itself logs the 404 of the document; anything else is a problem.
    expect(problemLines(problems).filter((line) => !line.includes('status of 404'))).toEqual([]);
  });
});

describe('navigation', () => {
  /** The links in the page's header: every link before <main> except the skip link. */
  async function headerLinks(page: Page): Promise<{ href: string; text: string }[]> {
    return page.evaluate(() => {
      const main = document.querySelector('main');
      return [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
        .filter((link) => main && !main.contains(link) && link.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING)
        .filter((link) => !link.getAttribute('href')!.startsWith('#'))
        .map((link) => ({ href: new URL(link.href).pathname, text: link.innerText.trim() }));
    });
  }

  it('the header navigation leads to each section, and the header leads back home from there', async () => {
    const { page } = await openPage(await freshContext(), '');
    const links = await headerLinks(page);
    const sections = links.filter((link) => link.href !== base);
    const expected = ['roadmap/', 'principles/', 'lessons/', 'datasets/', 'components/', 'organisations/', 'collaborate/'].map(
      (path) => `${base}${path}`,
    );
    expect(
      expected.filter((href) => !sections.some((link) => link.href === href)),
      `sections missing from the header navigation (it has ${JSON.stringify(sections)})`,
    ).toEqual([]);
    expect(
      links.some((link) => link.href === base),
      'the header should link to the home page',
    ).toBe(true);

    for (const section of sections) {
      await page.goto(urlOf(''));
      await Promise.all([
        page.waitForURL((url) => url.pathname === section.href),
        page.locator(`a[href="${section.href}"]`).first().click(),
      ]);
      await expect(page.locator('h1').count(), `${section.href} (“${section.text}”) should have one h1`).resolves.toBe(1);
      const home = page.locator(`a[href="${base}"]`).first();
      await expect(home.isVisible(), `${section.href} should have a visible link home in its header`).resolves.toBe(true);
      await Promise.all([page.waitForURL((url) => url.pathname === base), home.click()]);
    }
  });

  it('a record’s link on its collection’s list leads to the record', async () => {
    const { page } = await openPage(await freshContext(), 'lessons/');
    const link = page.locator(`main a[href="${base}${LESSON.path}"]`).first();
    await expect(link.innerText(), `the lessons list should link to ${LESSON.path}`).resolves.toContain(String(LESSON.data.title));
    await Promise.all([page.waitForURL(urlOf(LESSON.path)), link.click()]);
    await expect(page.locator('h1').innerText()).resolves.toBe(String(LESSON.data.title));
  });

  it.for([
    { site: 'demo' as SiteName, label: 'the demonstration site' },
    { site: 'fixture' as SiteName, label: 'the fixture site, with enough roadmap items for two pages' },
  ])(
    'on $label, the roadmap list’s pages, followed from the first by “next” links, list every roadmap item exactly once',
    async ({ site }, test) => {
      const items = site === 'demo' ? roadmapItems : fixtureRoadmapItems();
      const { page, response } = await openPage(await freshContext(), 'roadmap/', site);
      expect(response?.status()).toBe(200);
      const firstPage = await recordLinks(page);
      if (site === 'demo' && firstPage.length === items.length) {
        test.skip(
          `all ${items.length} demonstration roadmap items fit on the first page, ` +
            `so there is no pagination to follow (the fixture site’s roadmap has two pages)`,
        );
      }
      const { records: listed, pages } = await recordsAcrossPages(page);
      expect(pages, 'the roadmap list should go on to /roadmap/page/2/').toContain('roadmap/page/2/');
      expect(
        listed.filter((path, index) => listed.indexOf(path) !== index),
        'listed on more than one page',
      ).toEqual([]);
      expect(
        items.filter((path) => !listed.includes(path)),
        `roadmap items on none of the pages ${pages.join(', ')}`,
      ).toEqual([]);
      expect(
        listed.filter((path) => !items.includes(path)),
        'listed, but not roadmap items of this site',
      ).toEqual([]);
    },
  );

  it('the roadmap list links to filter pages by status, organisation type, nation, service and theme', async () => {
    const { page } = await openPage(await freshContext(), 'roadmap/');
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const missing = FILTERS.filter((filter) => !hrefs.some((href) => href.startsWith(`${base}roadmap/${filter}/`)));
    expect(missing, 'filters the roadmap list has no links for').toEqual([]);
  });

  it('following a status filter link from the roadmap list shows exactly the roadmap items with that status', async () => {
    const { page } = await openPage(await freshContext(), 'roadmap/');
    const link = page.locator(`main a[href^="${base}roadmap/status/"]`).first();
    await expect(link.count(), 'the roadmap list has no status filter link').resolves.toBeGreaterThan(0);
    const href = (await link.getAttribute('href'))!;
    // Each filter group folds away in a <details>: open it, as a reader would, then follow the link.
    await page.locator(`main details:has(a[href^="${base}roadmap/status/"])`).first().locator('summary').click();
    await Promise.all([page.waitForURL((url) => url.pathname === href), link.click()]);
    const status = href.split('/').at(-2)!;
    const { records: listed } = await recordsAcrossPages(page);
    const expected = records
      .filter((record) => record.collection === 'roadmap' && matchesFilter(record, 'status', status))
      .map((record) => record.path);
    expect(listed.toSorted(), `${href} should list exactly the roadmap items with status ${status}`).toEqual(expected.toSorted());
  });
});

describe('filtered lists', () => {
  const filterPages = PAGE_TYPES.map(({ path }) =>
    /^(roadmap|principles|lessons|datasets|components)\/(status|type|nation|service|theme)\/([^/]+)\/$/.exec(path),
  ).filter((match) => match !== null);

  it.for(filterPages.map((match) => ({ path: match[0], collection: match[1], filter: match[2] as Filter, value: match[3] })))(
    '/$path lists exactly the $collection records whose $filter is $value',
    async ({ path, collection, filter, value }) => {
      const { page, response } = await openPage(await freshContext({ javaScriptEnabled: false }), path);
      expect(response?.status(), `${urlOf(path)} answered with status ${response?.status()}`).toBe(200);
      const { records: listed } = await recordsAcrossPages(page);
      const expected = records
        .filter((record) => record.collection === collection && matchesFilter(record, filter, value))
        .map((record) => record.path);
      expect(expected.length, 'the example filter should match some demonstration records').toBeGreaterThan(0);
      expect(listed.toSorted()).toEqual(expected.toSorted());
    },
  );
});

describe('filtered organisation lists', () => {
  const organisations = readOrganisations(inject('demoContentDir'));

  it.for([
    { path: 'organisations/nation/wales/', field: 'nation', value: 'wales' },
    { path: 'organisations/type/county/', field: 'type', value: 'county' },
  ])('/$path lists exactly the organisations whose $field is $value', async ({ path, field, value }) => {
    const { page, response } = await openPage(await freshContext({ javaScriptEnabled: false }), path);
    expect(response?.status(), `${urlOf(path)} answered with status ${response?.status()}`).toBe(200);
    const listed = new Set<string>();
    for (let guard = 0; guard < 50; guard++) {
      const hrefs = await page
        .locator('main a[href]')
        .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      for (const href of hrefs) {
        const id = new RegExp(`^${base}organisations/([a-z0-9-]+)/$`).exec(href)?.[1];
        if (id && !(FILTERS as readonly string[]).includes(id)) listed.add(id);
      }
      const next = page.locator('a[rel~="next"]');
      if ((await next.count()) === 0) break;
      const before = page.url();
      await Promise.all([page.waitForURL((url) => url.href !== before), next.first().click()]);
    }
    const expected = [...organisations].filter(([, data]) => String(data[field]) === value).map(([id]) => id);
    expect(expected.length).toBeGreaterThan(5);
    expect([...listed].sort()).toEqual(expected.sort());
  });
});

describe('search', () => {
  /** Records what the page's live regions say, from the start, so tests can read announcements after they are cleared. */
  async function recordAnnouncements(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const said: string[] = [];
      (window as unknown as { __announcements: string[] }).__announcements = said;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          const node = mutation.target.nodeType === Node.ELEMENT_NODE ? (mutation.target as Element) : mutation.target.parentElement;
          const region = node?.closest('[aria-live], [role="status"], [role="alert"], [role="log"]');
          const text = region?.textContent?.trim();
          if (text && said.at(-1) !== text) said.push(text);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  }

  const announcements = (page: Page) => page.evaluate(() => (window as unknown as { __announcements: string[] }).__announcements);

  /** The number of results in the latest announcement that gives one, such as "16 results for council". */
  async function announcedCount(page: Page): Promise<number | undefined> {
    const counts = (await announcements(page)).map((text) => /(\d[\d,]*)\s+results?\b/i.exec(text)).filter((match) => match !== null);
    const last = counts.at(-1);
    return last ? Number(last[1].replace(/,/g, '')) : undefined;
  }

  async function openSearch(): Promise<Page> {
    const page = await (await freshContext()).newPage();
    await recordAnnouncements(page);
    await page.goto(urlOf('search/'), { waitUntil: 'networkidle' });
    return page;
  }

  const resultLinks = (page: Page) =>
    page
      .locator(`pagefind-results a[href^="${base}"]`)
      .evaluateAll((links) => [...new Set(links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))]);

  /** Ticks a filter option in the search page, opening its group first if it is collapsed. */
  async function tickFilter(page: Page, group: RegExp, option: RegExp): Promise<void> {
    // The filters fold away under "Filter results" so that the results come first on a phone.
    const pane = page.locator('details:has(pagefind-filter-pane)').first();
    if ((await pane.count()) > 0 && !(await pane.evaluate((details) => (details as HTMLDetailsElement).open)))
      await pane.locator('summary').first().click();
    const checkbox = page.getByRole('checkbox', { name: option });
    if (!(await checkbox.first().isVisible())) {
      await page.locator('summary, button').filter({ hasText: group }).first().click();
    }
    await checkbox.first().check();
  }

  it(
    `finds a lesson by a word that appears only in its Markdown body (“${BODY_WORD}”), ` +
      `showing its title, organisation, collection and summary`,
    async () => {
      const elsewhere = records.filter((record) => record !== LESSON && JSON.stringify(record.data).toLowerCase().includes(BODY_WORD));
      expect(elsewhere, 'the search word should appear in no other record').toEqual([]);
      expect(JSON.stringify(LESSON.data).toLowerCase(), 'the search word should not be in the lesson’s front matter').not.toContain(
        BODY_WORD,
      );

      const page = await openSearch();
      await page.getByRole('searchbox').first().fill(BODY_WORD);
      const link = page.locator(`main a[href="${base}${LESSON.path}"]`).first();
      await link.waitFor({ timeout: 10_000 });
      const result = page
        .locator('main li, main article')
        .filter({ has: page.locator(`a[href="${base}${LESSON.path}"]`) })
        .last();
      const text = (await result.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(String(LESSON.data.title));
      expect(text, 'the result should name the organisation').toContain('Glanmor');
      expect(text, 'the result should name the collection').toMatch(/lesson/i);
      expect(text, 'the result should show the summary').toContain(String(LESSON.data.summary).split(/\s+/).slice(0, 6).join(' '));
      await expect
        .poll(() => announcedCount(page), {
          timeout: 10_000,
          message: `a live region should announce the number of results; it said ${JSON.stringify(await announcements(page))}`,
        })
        .toBe(1);
    },
  );

  it('narrows the results with the collection and organisation filters', async () => {
    const page = await openSearch();
    await page.getByRole('searchbox').first().fill('council');
    await expect
      .poll(() => announcedCount(page), { timeout: 10_000, message: 'no result count was announced for “council”' })
      .toBeGreaterThan(10);
    const all = (await announcedCount(page))!;

    await tickFilter(page, /collection/i, /^lessons/i);
    await expect
      .poll(() => announcedCount(page), { timeout: 10_000, message: 'ticking the Lessons filter should narrow the results' })
      .toBeLessThan(all);
    const lessons = (await announcedCount(page))!;
    const lessonResults = await resultLinks(page);
    expect(lessonResults.length).toBeGreaterThan(0);
    expect(
      lessonResults.filter((href) => !href.startsWith(`${base}lessons/`)),
      'results that are not lessons',
    ).toEqual([]);

    await tickFilter(page, /organisation/i, /^glanmor/i);
    await expect
      .poll(() => announcedCount(page), { timeout: 10_000, message: 'ticking the Glanmor filter should narrow the results further' })
      .toBeLessThan(lessons);
    const glanmorResults = await resultLinks(page);
    expect(glanmorResults.length).toBeGreaterThan(0);
    expect(
      glanmorResults.filter((href) => !href.startsWith(`${base}lessons/glanmor/`)),
      'results that are not Glanmor’s lessons',
    ).toEqual([]);
  });

  it('says of each result what it is, whose it is, its status and its services', async () => {
    const item = records.find((record) => record.path === 'roadmap/glanmor/garden-waste-renewals/')!;
    const page = await openSearch();
    await page.getByRole('searchbox').first().fill(String(item.data.title));
    const result = page
      .locator('main li')
      .filter({ has: page.locator(`a[href="${base}${item.path}"]`) })
      .last();
    await result.waitFor({ timeout: 10_000 });
    const text = (await result.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Roadmap item from Glanmor');
    expect(text).toMatch(/Status: [A-Z]/);
    expect(text).toContain('Services: Household garden waste');
  });

  it('finds records by the words people use for them: “rubbish” finds the bin records', async () => {
    const page = await openSearch();
    await page.getByRole('searchbox').first().fill('rubbish');
    await page
      .locator(
        `main a[href="${base}roadmap/kestrelford/missed-bin-reports/"], main a[href="${base}components/sallowfield/bin-day-finder/"]`,
      )
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#search-suggestions').isHidden()).toBe(true);
  });

  it('leaves out of a search the words the index leaves out: “what is the rubbish for” finds the bin records', async () => {
    const page = await openSearch();
    expect(JSON.parse((await page.locator('#search-stop-words').textContent()) ?? '[]')).toContain('the');
    await page.getByRole('searchbox').first().fill('what is the rubbish for');
    await page
      .locator(
        `main a[href="${base}roadmap/kestrelford/missed-bin-reports/"], main a[href="${base}components/sallowfield/bin-day-finder/"]`,
      )
      .first()
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#search-suggestions').isHidden()).toBe(true);
  });

  it('offers the closest service and theme pages when a search finds nothing, and hides them again when it does', async () => {
    const page = await openSearch();
    // Both words misspelt: Pagefind leaves out a word that matches nothing, so "gardne wast" finds what "wast" does.
    await page.getByRole('searchbox').first().fill('gardne wsate');
    const suggestions = page.locator('#search-suggestions');
    await suggestions.waitFor({ state: 'visible', timeout: 10_000 });
    const links = await suggestions
      .locator('ul a')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => ({ text: anchor.textContent ?? '', href: new URL((anchor as HTMLAnchorElement).href).pathname })),
      );
    expect(links.length).toBeGreaterThan(0);
    expect(links[0].text).toMatch(/waste/i);
    expect(links.map((link) => link.text)).toContainEqual(expect.stringMatching(/garden waste/i));
    for (const link of links) {
      expect(link.href).toMatch(new RegExp(`^${base}(services|themes)/[^/]+/$`));
      const response = await page.request.get(new URL(link.href, urlOf('')).href);
      expect(response.status(), link.href).toBe(200);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('searchbox').first().fill('garden waste');
    await suggestions.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  it('fetches no filter values for a first search, and fetches them when “Filter results” is opened', async () => {
    const page = await openSearch();
    const filterFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url());
    });
    await page.getByRole('searchbox').first().fill('council');
    await expect
      .poll(() => announcedCount(page), { timeout: 10_000, message: 'no result count was announced for “council”' })
      .toBeGreaterThan(10);
    expect(filterFiles, 'filter values fetched by a first search').toEqual([]);
    await page
      .locator('main summary')
      .filter({ hasText: /filter results/i })
      .first()
      .click();
    await expect
      .poll(() => page.locator('pagefind-filter-pane input[type="checkbox"]').count(), {
        timeout: 10_000,
        message: 'the filter pane shows no filters once opened',
      })
      .toBeGreaterThan(5);
    expect(filterFiles.length, 'filter values fetched once the pane was opened').toBeGreaterThan(0);
  });

  it('the home page’s search form takes you to /search/?q=… and the search page shows the results for your words', async () => {
    const page = await (await freshContext()).newPage();
    await page.goto(urlOf(''));
    const form = page.locator(`form[action="${base}search/"]`);
    await expect(form.count(), `the home page should have a form with action="${base}search/"`).resolves.toBe(1);
    await form.locator('input[name="q"]').fill(BODY_WORD);
    await Promise.all([
      page.waitForURL((url) => url.pathname === `${base}search/` && url.searchParams.get('q') === BODY_WORD),
      form.locator('input[name="q"]').press('Enter'),
    ]);
    await page.locator(`main a[href="${base}${LESSON.path}"]`).first().waitFor({ timeout: 10_000 });
  });
});

describe('with JavaScript turned off', () => {
  it('the lists, their filter links, pagination and record pages all work', async () => {
    const { page, response } = await openPage(await freshContext({ javaScriptEnabled: false }), 'roadmap/');
    expect(response?.status()).toBe(200);
    expect((await recordLinks(page)).length).toBeGreaterThan(0);

    const filter = page.locator(`main a[href^="${base}roadmap/status/"]`).first();
    await expect(filter.count(), 'the roadmap list has no status filter link').resolves.toBeGreaterThan(0);
    const filterHref = (await filter.getAttribute('href'))!;
    // <details> opens without JavaScript.
    await page.locator(`main details:has(a[href^="${base}roadmap/status/"])`).first().locator('summary').click();
    await Promise.all([page.waitForURL((url) => url.pathname === filterHref), filter.click()]);
    expect((await recordLinks(page)).length, `${filterHref} lists no records`).toBeGreaterThan(0);

    await page.goto(urlOf('roadmap/'));
    const { records: listed } = await recordsAcrossPages(page);
    expect(listed.toSorted(), 'the demonstration roadmap list, across its pages').toEqual(roadmapItems.toSorted());

    // The demonstration roadmap fits on one page: the fixture site's runs to two.
    await page.goto(urlOf('roadmap/', 'fixture'));
    const { records: fixtureListed, pages } = await recordsAcrossPages(page);
    expect(pages, 'the fixture site’s roadmap list should go on to /roadmap/page/2/ without JavaScript').toContain('roadmap/page/2/');
    expect(fixtureListed.toSorted()).toEqual(fixtureRoadmapItems().toSorted());

    await page.goto(urlOf('roadmap/'));
    const record = page.locator(`main a[href="${base}roadmap/fenmoor/school-admissions-online/"]`).first();
    await Promise.all([page.waitForURL(urlOf('roadmap/fenmoor/school-admissions-online/')), record.click()]);
    await expect(page.locator('h1').innerText()).resolves.toBe('School admissions online');
  });

  it('the search page says search needs JavaScript and links to the lists to browse instead', async () => {
    const { page, response } = await openPage(await freshContext({ javaScriptEnabled: false }), 'search/');
    expect(response?.status()).toBe(200);
    await expect(page.locator('main').innerText()).resolves.toMatch(/javascript/i);
    const browse = await page
      .locator('main a[href]')
      .evaluateAll((links) =>
        links
          .filter((link) => (link as HTMLElement).offsetParent !== null)
          .map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
    const lists = ['roadmap/', 'principles/', 'lessons/', 'datasets/', 'components/', 'organisations/'].map((path) => `${base}${path}`);
    expect(
      browse.filter((href) => lists.includes(href)),
      `visible links to browse from /search/ (it has ${JSON.stringify(browse)})`,
    ).not.toEqual([]);
    for (const href of browse.filter((href) => href.startsWith(base))) {
      const check = await page.context().request.get(new URL(href, urlOf('')).href);
      expect(check.status(), `${href}, linked from /search/`).toBe(200);
    }
  });
});
