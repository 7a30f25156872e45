/**
 * Chromium for the site tests, as scripts/lib/chromium.ts finds it (CHROMIUM_PATH, the system's browser,
 * or the one @sparticuz/chromium brings from npm), driven by playwright-core.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { findChromiumLaunchOptions } from '../../scripts/lib/chromium.ts';

/** Starts headless Chromium. Fails with one plain sentence when there is none to start. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(await findChromiumLaunchOptions());
}

/**
 * A fresh context (what @axe-core/playwright needs) at a fixed desktop size, in British English. Actions
 * and waits give up after 10 s, so that a missing element fails a test quickly rather than at its timeout.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', ...options });
  context.setDefaultTimeout(10_000);
  return context;
}

/** What went wrong on a page while it was open: console errors, uncaught exceptions and failed requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

/** Starts recording a page's console errors, uncaught exceptions and failed requests. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error')
      problems.consoleErrors.push(`${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('requestfailed', (request) => problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document')
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}
