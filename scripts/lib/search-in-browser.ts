/**
 * Searches a built Pagefind bundle the way a reader's browser does: headless Chromium opens a bare page
 * on the GitHub-Pages-like static server and searches through the module the search page loads
 * (public/pagefind-ui/pagefind.js: Pagefind's own API, its wasm and its ranking, with the stop words left
 * out of the query), so what comes back is what the search page would list, in the same order.
 *
 * Used by the search relevance test and the bench; nothing here knows about the hub's content.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { SEARCH_STOP_WORDS } from '../../src/lib/search-stop-words.ts';
import { findChromiumLaunchOptions } from './chromium.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** The search page's module, served from the repository so that a bare index (no Astro build) can use it. */
const SEARCH_MODULE = 'pagefind-ui/pagefind.js';
const SEARCH_MODULE_FILE = fileURLToPath(new URL(`../../public/${SEARCH_MODULE}`, import.meta.url));

export interface FoundResult {
  /** The result's address, as Pagefind gives it (base path included). */
  url: string;
  meta: Record<string, string>;
}

export interface BrowserSearch {
  /** The first `limit` results for the words, best first, and how many there were in all. */
  search(words: string, limit?: number): Promise<{ total: number; results: FoundResult[] }>;
  close(): Promise<void>;
}

/**
 * What runs in the page, as text: a function given to page.evaluate would be rewritten by the test
 * runner's module transform (its dynamic import() becomes a helper the page does not have).
 */
const IN_PAGE = `async ([module, words, limit]) => {
  const { createInstance } = await import(module);
  window.hubSearch ??= createInstance({});
  const found = await window.hubSearch.search(words);
  const data = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
  return { total: found.results.length, results: data.map((item) => ({ url: item.url, meta: item.meta })) };
}`;

const BARE_PAGE = '__search__/';
const BARE_HTML =
  '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Search</title></head><body><main><h1>Search</h1>' +
  `<script type="application/json" id="search-stop-words">${JSON.stringify(SEARCH_STOP_WORDS)}</script></main></body></html>`;

/** Opens the site (a folder holding pagefind/) in Chromium, ready to search. */
export async function openBrowserSearch(options: { site: string; base?: string }): Promise<BrowserSearch> {
  const server: StaticServer = await startStaticServer({
    root: options.site,
    base: options.base,
    extraPages: { [BARE_PAGE]: BARE_HTML },
    extraFiles: { [SEARCH_MODULE]: SEARCH_MODULE_FILE },
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(await findChromiumLaunchOptions());
    const page: Page = await browser.newPage();
    await page.goto(`${server.url}${BARE_PAGE}`);
    const module = `${server.url}${SEARCH_MODULE}`;
    const opened = browser;
    return {
      async search(words, limit = 5) {
        return page.evaluate(`(${IN_PAGE})(${JSON.stringify([module, words, limit])})`) as Promise<{
          total: number;
          results: FoundResult[];
        }>;
      },
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
