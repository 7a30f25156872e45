/**
 * Searches a built Pagefind bundle the way a reader's browser does: headless Chromium opens a bare page
 * on the GitHub-Pages-like static server and asks Pagefind's own API (its wasm, its ranking), so what
 * comes back is what the search page would list, in the same order.
 *
 * Used by the search relevance test and the bench; nothing here knows about the hub's content.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromiumLaunchOptions } from './chromium.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

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
const IN_PAGE = `async ([bundle, words, limit]) => {
  const pagefind = await import(bundle);
  const found = await pagefind.search(words);
  const data = await Promise.all(found.results.slice(0, limit).map((result) => result.data()));
  return { total: found.results.length, results: data.map((item) => ({ url: item.url, meta: item.meta })) };
}`;

const BARE_PAGE = '__search__/';
const BARE_HTML = '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Search</title></head><body><main><h1>Search</h1></main></body></html>';

/** Opens the site (a folder holding pagefind/) in Chromium, ready to search. */
export async function openBrowserSearch(options: { site: string; base?: string }): Promise<BrowserSearch> {
  const server: StaticServer = await startStaticServer({ root: options.site, base: options.base, extraPages: { [BARE_PAGE]: BARE_HTML } });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(await findChromiumLaunchOptions());
    const page: Page = await browser.newPage();
    await page.goto(`${server.url}${BARE_PAGE}`);
    const bundle = `${server.url}pagefind/pagefind.js`;
    const opened = browser;
    return {
      async search(words, limit = 5) {
        return page.evaluate(`(${IN_PAGE})(${JSON.stringify([bundle, words, limit])})`) as Promise<{ total: number; results: FoundResult[] }>;
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
