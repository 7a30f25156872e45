/**
 * The bytes a browser downloads to search the built site, measured in headless Chromium against the
 * GitHub-Pages-like static server (so transfers are gzipped as they would be when published):
 *
 * - opening the page: open the site's search page and wait: what its interface loads before anyone
 *   searches (its script) is counted apart;
 * - first search: type the word into the page's search box and let its own interface search and show
 *   results; everything Pagefind sent from then on counts. If the site has no /search/ page, or the
 *   page does not search, the word is searched with Pagefind's API from the page instead, loading the
 *   first five results' data as Pagefind's interfaces do;
 * - filtered search: then tick the filter's value (e.g. collection = Roadmap) in the page's filter pane,
 *   or, when no such control can be found, search with the filter through the API;
 * - filter list: then every filter's values and counts through the API, as a filter pane asks for them.
 *
 * Pagefind's requests are those under <base>pagefind/. Each figure is the sum of their bodies as sent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findChromiumLaunchOptions } from './chromium.ts';
import { startStaticServer, type LoggedRequest } from './static-server.ts';

export interface Transfer {
  /** Bytes of Pagefind's responses (compressed as sent). */
  bytes: number;
  requests: number;
  /** Bytes of every other response (the page, its CSS and scripts). */
  otherBytes: number;
  /** Pagefind's responses by kind of file, e.g. { 'pagefind.js': 15000, 'index': 80000 }. */
  byKind: Record<string, number>;
}

export interface SearchOutcome {
  /** How the search was made: by the page's own interface, or through Pagefind's API. */
  by: 'page' | 'api';
  results: number;
  /** Metadata of the first result: should hold title, organisation, collection and summary. */
  firstMeta: Record<string, string>;
  firstUrl: string;
}

export interface SearchBytes {
  page: string;
  /** What the search page loads before a search, when there is a search page. */
  opening?: Transfer;
  query: string;
  filter: Record<string, string[]>;
  first: Transfer & SearchOutcome;
  filtered: Transfer & SearchOutcome;
  filterList: Transfer & { filters: Record<string, number> };
}

export interface SearchBytesOptions {
  /** The built site. */
  site: string;
  /** The base path it is published under (HUB_BASE). */
  base?: string;
  query?: string;
  filter?: Record<string, string[]>;
  /** Use the site's /search/ page if it has one (default); otherwise, or when false, a bare page and the API. */
  usePage?: boolean;
  log?: (message: string) => void;
}

const BARE_PAGE = '__bench__/search/';

/** Which file a Pagefind request was for: the kinds a first search fetches. */
export function pagefindKind(path: string): string {
  const name = path.slice(path.lastIndexOf('/pagefind/') + '/pagefind/'.length);
  if (name.startsWith('index/')) return 'index chunks';
  if (name.startsWith('fragment/')) return 'fragments';
  if (name.startsWith('filter/')) return 'filter chunks';
  if (name.endsWith('.pf_meta')) return 'metadata (page list)';
  if (name.startsWith('wasm.')) return 'wasm';
  return name;
}

function transfer(requests: LoggedRequest[], pagefindPrefix: string): Transfer {
  const result: Transfer = { bytes: 0, requests: 0, otherBytes: 0, byKind: {} };
  for (const request of requests) {
    if (request.path.startsWith(pagefindPrefix)) {
      result.bytes += request.bytes;
      result.requests++;
      const kind = pagefindKind(request.path);
      result.byKind[kind] = (result.byKind[kind] ?? 0) + request.bytes;
    } else result.otherBytes += request.bytes;
  }
  return result;
}

/** Runs in the page: search with Pagefind's own API and load the first five results, as a results list would. */
async function search(page: Page, bundle: string, query: string, filters: Record<string, string[]>): Promise<SearchOutcome> {
  return page.evaluate(
    async ([bundle, query, filters]) => {
      const pagefind = await import(bundle);
      const found = await pagefind.search(query, { filters });
      const data = await Promise.all(
        found.results.slice(0, 5).map((result: { data(): Promise<{ url: string; meta: Record<string, string> }> }) => result.data()),
      );
      return { by: 'api' as const, results: found.results.length as number, firstMeta: data[0]?.meta ?? {}, firstUrl: data[0]?.url ?? '' };
    },
    [bundle, query, filters] as const,
  );
}

async function filterList(page: Page, bundle: string): Promise<Record<string, number>> {
  return page.evaluate(async (bundle) => {
    const pagefind = await import(bundle);
    const filters: Record<string, Record<string, number>> = await pagefind.filters();
    return Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, Object.keys(values).length]));
  }, bundle);
}

/**
 * The page's checkbox for a filter's value, if it has one: Pagefind's filter pane labels each value's
 * box with the value (and its count). A folded group is opened first.
 */
async function findFilterControl(page: Page, name: string, value: string): Promise<Locator | undefined> {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const box = page.getByRole('checkbox', { name: new RegExp(`^\\s*${escaped}\\b`, 'i') }).first();
  if ((await box.count()) > 0 && (await box.isVisible())) return box;
  const group = page
    .getByRole('button', { name: new RegExp(name, 'i') })
    .or(page.locator('summary', { hasText: new RegExp(name, 'i') }))
    .first();
  if ((await group.count()) > 0) {
    await group.click().catch(() => {});
    if ((await box.count()) > 0 && (await box.isVisible())) return box;
  }
  return undefined;
}

/** Waits until the condition holds, or the time is up. */
async function waitFor(condition: () => boolean, milliseconds: number): Promise<void> {
  const end = Date.now() + milliseconds;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Waits until no request has arrived for a moment, so late fetches count where they belong. */
async function settle(requests: LoggedRequest[]): Promise<void> {
  let count = -1;
  while (count !== requests.length) {
    count = requests.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function measureSearchBytes(options: SearchBytesOptions): Promise<SearchBytes> {
  const log = options.log ?? (() => {});
  const query = options.query ?? 'council';
  const filter = options.filter ?? { collection: ['Roadmap'] };
  const hasSearchPage = options.usePage !== false && existsSync(join(options.site, 'search/index.html'));
  const bare =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>' +
    'Search</title></head><body><main><h1>Search</h1></main></body></html>';
  const server = await startStaticServer({ root: options.site, base: options.base, extraPages: { [BARE_PAGE]: bare } });
  const pagefindPrefix = new URL('pagefind/', server.url).pathname;
  const bundle = `${server.url}pagefind/pagefind.js`;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(await findChromiumLaunchOptions());
    const context = await browser.newContext();
    const page = await context.newPage();
    const pagePath = hasSearchPage ? 'search/' : BARE_PAGE;

    let mark = server.requests.length;
    const since = () => {
      const slice = server.requests.slice(mark);
      mark = server.requests.length;
      return slice;
    };
    let first: Transfer & SearchOutcome;
    let opening: Transfer | undefined;
    if (hasSearchPage) {
      log(`Opening ${server.url}${pagePath}`);
      await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load' });
      await settle(server.requests);
      opening = transfer(since(), pagefindPrefix);
      log(`Typing “${query}” into its search box and letting it search`);
      await page.locator('pagefind-input input, input[type="search"]').first().fill(query);
      // Searching 25,000 pages takes the page a moment between fetching the index and the results.
      await waitFor(() => server.requests.slice(mark).some((request) => request.path.startsWith(`${pagefindPrefix}fragment/`)), 20_000);
      await settle(server.requests);
      const sent = since();
      if (sent.some((request) => request.path.startsWith(`${pagefindPrefix}fragment/`))) {
        // The page searched and showed results; ask the API (all cached by now) only for the figures.
        const outcome = await search(page, bundle, query, {});
        await settle(server.requests);
        first = { ...transfer([...sent, ...since()], pagefindPrefix), ...outcome, by: 'page' };
      } else {
        log(`The page did not search by itself: searching for “${query}” through the API`);
        const outcome = await search(page, bundle, query, {});
        await settle(server.requests);
        first = { ...transfer([...sent, ...since()], pagefindPrefix), ...outcome };
      }
    } else {
      log(`Opening a bare page, ${server.url}${pagePath}, and searching through Pagefind’s API`);
      await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load' });
      await settle(server.requests);
      log(`Searching for “${query}”`);
      const outcome = await search(page, bundle, query, {});
      await settle(server.requests);
      first = { ...transfer(since(), pagefindPrefix), ...outcome };
    }

    const [filterName, filterValues] = Object.entries(filter)[0] ?? [];
    let filtered: Transfer & SearchOutcome;
    const control = hasSearchPage && filterValues?.length === 1 ? await findFilterControl(page, filterName, filterValues[0]) : undefined;
    if (control) {
      log(`Ticking ${filterName} = ${filterValues[0]} in the page’s filter pane`);
      await control.check();
      await settle(server.requests);
      const sent = since();
      const outcome = await search(page, bundle, query, filter);
      await settle(server.requests);
      filtered = { ...transfer([...sent, ...since()], pagefindPrefix), ...outcome, by: 'page' };
    } else {
      log(
        `Searching for “${query}” with ${Object.entries(filter)
          .map(([name, values]) => `${name} = ${values.join(' or ')}`)
          .join(', ')} through the API`,
      );
      const outcome = await search(page, bundle, query, filter);
      await settle(server.requests);
      filtered = { ...transfer(since(), pagefindPrefix), ...outcome };
    }

    log('Listing every filter’s values');
    const filters = await filterList(page, bundle);
    await settle(server.requests);
    const list = { ...transfer(since(), pagefindPrefix), filters };

    return { page: pagePath, ...(opening ? { opening } : {}), query, filter, first, filtered, filterList: list };
  } finally {
    await browser?.close();
    await server.close();
  }
}
