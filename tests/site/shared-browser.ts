/**
 * One Chromium and one browser context for the tests of a file (or of a describe block): launched before
 * them and closed after, so each test opens pages without paying for a browser of its own. The getters
 * exist because the browser does only once beforeAll has run.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';

export function sharedBrowser(options: BrowserContextOptions = {}): { browser: () => Browser; context: () => BrowserContext } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await newContext(browser, options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return { browser: () => browser!, context: () => context! };
}
