/** Helpers the browser-based site tests share: opening pages, reading lists and following pagination. */
import type { BrowserContext, Page, Response } from 'playwright-core';
import { inject } from 'vitest';
import { watchPage, type PageProblems } from '../helpers/browser.ts';
import { recordPathOf } from './pages.ts';

export const base = inject('base');
export const demoUrl = inject('demoUrl');
export const fixtureUrl = inject('fixtureUrl');

export type SiteName = 'demo' | 'fixture';

/** The address of a path under a site's base: the demonstration site unless told otherwise. */
export function urlOf(path: string, site: SiteName = 'demo'): string {
  if (site === 'fixture' && inject('fixtureBuildError')) throw new Error(inject('fixtureBuildError'));
  return `${site === 'fixture' ? fixtureUrl : demoUrl}${path}`;
}

/** A page's path under the base, from its address ('' for the home page). */
export function pathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return (pathname.startsWith(base) ? pathname.slice(base.length) : pathname) + search;
}

export interface OpenedPage {
  page: Page;
  response: Response | null;
  problems: PageProblems;
}

/** Opens a path of a site in a new tab, recording problems from the start. Search pages wait for the network to settle. */
export async function openPage(context: BrowserContext, path: string, site: SiteName = 'demo'): Promise<OpenedPage> {
  const page = await context.newPage();
  const problems = watchPage(page);
  const response = await page.goto(urlOf(path, site), { waitUntil: path.startsWith('search/') ? 'networkidle' : 'load' });
  return { page, response, problems };
}

/** Every problem recorded, as lines for a failure message. */
export function problemLines(problems: PageProblems): string[] {
  return [
    ...problems.consoleErrors.map((text) => `console error: ${text}`),
    ...problems.pageErrors.map((text) => `uncaught exception: ${text}`),
    ...problems.failedRequests.map((text) => `failed request: ${text}`),
  ];
}

/** The records a list page links to from its main content, as paths under the base, in order, once each. */
export async function recordLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const paths = hrefs
    .map((href) => new URL(href).pathname)
    .filter((pathname) => pathname.startsWith(base))
    .map((pathname) => recordPathOf(pathname.slice(base.length)));
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/** The link to a list's next page, if it has one: rel="next", or a link whose text starts with "Next". */
export async function nextPageLink(page: Page) {
  const byRel = page.locator('a[rel~="next"]');
  if ((await byRel.count()) > 0) return byRel.first();
  const byText = page.locator('main a, nav a').filter({ hasText: /^\s*next\b/i });
  return (await byText.count()) > 0 ? byText.first() : undefined;
}

/**
 * Every record a list links to, across all its pages, following "next" links by clicking them.
 * Returns the records and the paths of the pages visited.
 */
export async function recordsAcrossPages(page: Page): Promise<{ records: string[]; pages: string[] }> {
  const records: string[] = [];
  const pages = [pathOf(page.url())];
  for (let guard = 0; guard < 50; guard++) {
    records.push(...(await recordLinks(page)));
    const next = await nextPageLink(page);
    if (!next) break;
    await Promise.all([page.waitForURL((url) => pathOf(url.href) !== pages.at(-1)), next.click()]);
    pages.push(pathOf(page.url()));
  }
  return { records, pages };
}

/** The words of a text, lower-cased, for comparing a heading with a title. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
