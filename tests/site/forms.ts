/**
 * What the tests of the hub's forms in the browser (contribute-form, organisation-form, we-use-this)
 * share: one browser set up and checked the same way, keeping what went wrong on every page they open, reading the error summary,
 * its links and the fields' messages, and watching a form page open on a phone for anything that moves.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, newContext, type PageProblems } from '../helpers/browser.ts';
import { removeFixtures } from '../helpers/content.ts';
import { openPage, problemLines, urlOf } from './site.ts';

/** Pages opened with their problems kept, so that a file can check at the end that no page had any. */
export class OpenedPages {
  readonly #opened: { path: string; problems: PageProblems }[] = [];

  /** Opens a path of the demonstration site, which must answer 200. */
  async open(context: BrowserContext, path: string): Promise<Page> {
    const { page, response, problems } = await openPage(context, path);
    expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
    this.#opened.push({ path, problems });
    return page;
  }

  /** Every console error, uncaught exception and failed request on the pages opened, each with its page. */
  problems(): string[] {
    return this.#opened.flatMap(({ path, problems }) => problemLines(problems).map((line) => `${path}: ${line}`));
  }
}

/** The browser a file of form tests shares: set from its first beforeAll on. */
export interface FormBrowser {
  browser: Browser;
  /** A context that accepts downloads, with JavaScript. */
  context: BrowserContext;
  pages: OpenedPages;
}

/**
 * Sets up a file of form tests; call it once, at the top. Before the tests: Chromium, and a context that
 * accepts downloads. After them: the browser closed, the content copies removed, and the check that no
 * page the tests opened had a console error, an uncaught exception or a failed request.
 */
export function useFormBrowser(): FormBrowser {
  const session = { pages: new OpenedPages() } as FormBrowser;
  beforeAll(async () => {
    session.browser = await launchChromium();
    session.context = await newContext(session.browser, { acceptDownloads: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    removeFixtures();
  });
  afterAll(() => {
    expect(session.pages.problems()).toEqual([]);
  });
  return session;
}

/** The error summary's links, as [href, text]. */
export const summaryLinks = (page: Page) =>
  page
    .locator('.govuk-error-summary__list a')
    .evaluateAll((anchors) => anchors.map((anchor) => [anchor.getAttribute('href'), anchor.textContent]));

/** Expects each summary link's field to be on the page once, with the same message beside it, as GOV.UK shows it ("Error: …"). */
export async function expectMessagesBesideFields(page: Page, links: (string | null)[][]): Promise<void> {
  for (const [href, message] of links) {
    const target = page.locator(href!);
    await expect(target.count(), `${href} is on the page`).resolves.toBe(1);
    const group = page.locator('.govuk-form-group--error', { has: target }).last();
    await expect(
      group
        .locator('.govuk-error-message')
        .first()
        .evaluate((element) => element.textContent?.replace(/\s+/g, ' ').trim()),
    ).resolves.toBe(`Error: ${message}`);
  }
}

/** Expects following each field's link in the error summary to move focus to the field. */
export async function expectSummaryLinksFocus(page: Page, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await page.click(`.govuk-error-summary__list a[href="#${id}"]`);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(id);
  }
}

/**
 * Presses "Check" and expects the answers to pass: the result shown, focus moved to its heading, and no
 * error left on the page or in its title.
 */
export async function expectCheckedWithoutErrors(page: Page): Promise<void> {
  await page.click('#check-answers');
  await page.locator('#result').waitFor({ state: 'visible' });
  await expect(page.locator('#error-summary').isVisible()).resolves.toBe(false);
  await expect(page.locator('.govuk-form-group--error').count()).resolves.toBe(0);
  await expect(page.title()).resolves.not.toMatch(/^Error/);
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('result-heading');
}

/** The browser's layout-shift entries, as Lighthouse adds them up into the cumulative layout shift. */
interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

/**
 * Opens a form page on a phone-sized screen (375 px) with the responses that `late` matches held back for
 * a second, so that the page is drawn before they arrive, as on a slow connection; waits until `ready`
 * holds; and returns every layout shift the browser saw meanwhile (their sum is the page's cumulative
 * layout shift: Lighthouse's goal is under 0.1, and a page that moves nothing has none).
 */
export async function layoutShiftsOpening(
  browser: Browser,
  path: string,
  late: RegExp,
  ready: (page: Page) => Promise<unknown>,
): Promise<{ shifts: number[]; lateResponses: number }> {
  const context = await newContext(browser, { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  try {
    await context.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { hubShifts: number[] }).hubShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as LayoutShift[]) if (!entry.hadRecentInput) shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let lateResponses = 0;
    await context.route(late, async (route) => {
      lateResponses++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    const page = await context.newPage();
    const response = await page.goto(urlOf(path), { waitUntil: 'load' });
    expect(response?.status(), `${path} answered ${response?.status()}`).toBe(200);
    await ready(page);
    // The browser reports shifts a frame or two after they happen.
    await page.waitForTimeout(500);
    return { shifts: await page.evaluate(() => (window as unknown as { hubShifts: number[] }).hubShifts), lateResponses };
  } finally {
    await context.close();
  }
}
