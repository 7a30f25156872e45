/**
 * Accessibility of every page type on the demonstration site: axe-core against WCAG 2.2 A and AA, and
 * keyboard use: Tab reaches every link, button and field, shows where focus is, and starts at a skip
 * link that moves focus to the main content.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { axeViolations } from './axe.ts';
import { tabThrough } from './keyboard.ts';
import { PAGE_TYPES } from './pages.ts';
import { urlOf, type SiteName } from './site.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens a page in a context of its own, runs a check on it and closes it. Each context has its own focus
 * and keyboard, so the checks of different pages run at once (describe.concurrent below): most of a
 * check's time is spent waiting for Chromium, which has a core to itself while another page is drawn.
 */
async function withPage(path: string, site: SiteName | undefined, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    // Search and the forms fetch what they show after the page loads (results; a body's current details),
    // and lay out their fields again when it comes: wait for that, or the page is checked half drawn.
    const response = await page.goto(urlOf(path, site), { waitUntil: /^(?:search|contribute)\//.test(path) ? 'networkidle' : 'load' });
    expect(response?.status(), `${urlOf(path, site)} answered with status ${response?.status()}, so there is no page to check`).toBe(200);
    await check(page);
  } finally {
    await context.close();
  }
}

/** A page made in the test, in a context of its own. */
async function withContent(html: string, check: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.setContent(html);
    await check(page);
  } finally {
    await context.close();
  }
}

describe.concurrent('axe-core, WCAG 2.2 A and AA', () => {
  it.for(PAGE_TYPES)('$name (/$path) has no violations', async ({ path, site }, { expect }) => {
    await withPage(path, site, async (page) => {
      expect(await axeViolations(page), `axe-core violations on ${urlOf(path, site)}`).toEqual([]);
    });
  });

  it('the search page has no violations once it shows results and a filter group is open', async ({ expect }) => {
    await withPage('search/', undefined, async (page) => {
      await page.getByRole('searchbox').first().fill('council');
      await page.locator('main a[href*="/roadmap/"], main a[href*="/lessons/"]').first().waitFor();
      await page
        .locator('main summary')
        .filter({ hasText: /filter results/i })
        .first()
        .click();
      const group = page
        .locator('main summary, main button[aria-expanded="false"]')
        .filter({ hasText: /collection/i })
        .first();
      if ((await group.count()) > 0) await group.click();
      await page.waitForTimeout(300);
      expect(await axeViolations(page), `axe-core violations on ${urlOf('search/')} after searching for “council”`).toEqual([]);
    });
  });
});

describe.concurrent('keyboard only', () => {
  it.for(PAGE_TYPES)(
    'on $name (/$path), Tab reaches every link, button and field, each with a visible focus indicator, and returns to the page',
    async ({ path, site }, { expect }) => {
      await withPage(path, site, async (page) => {
        const { unreached, unseen, returned, visited } = await tabThrough(page);
        expect(unreached, `not reached by Tab on ${urlOf(path, site)}`).toEqual([]);
        expect(unseen, `focused with no visible change on ${urlOf(path, site)}`).toEqual([]);
        expect(
          returned,
          `Tab never brought focus back to the page after ${visited.length} elements ` +
            `on ${urlOf(path, site)}; last: ${visited.slice(-3).join(', ')}`,
        ).toBe(true);
      });
    },
  );

  it.for(PAGE_TYPES)(
    'on $name (/$path), the first Tab reaches the skip link, and activating it moves focus to the main content',
    async ({ path, site }, { expect }) => {
      await withPage(path, site, async (page) => {
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => {
          const active = document.activeElement as HTMLAnchorElement | null;
          return {
            tag: active?.tagName.toLowerCase(),
            text: active?.innerText.trim() ?? '',
            href: active?.getAttribute('href') ?? '',
            visible: !!active && active.getBoundingClientRect().width > 0 && active.getBoundingClientRect().right > 0,
          };
        });
        expect(first.tag, `the first Tab on ${urlOf(path, site)} should reach a link; it reached ${JSON.stringify(first)}`).toBe('a');
        expect(first.text).toMatch(/skip to (the )?main content/i);
        expect(first.href, 'the skip link should point at an element on the page').toMatch(/^#./);
        expect(first.visible, 'the skip link should be visible once focused').toBe(true);

        await page.keyboard.press('Enter');
        const after = await page.evaluate((href) => {
          const target = document.getElementById(decodeURIComponent(href.slice(1)));
          const active = document.activeElement;
          return {
            targetIsMain: target?.tagName === 'MAIN',
            focusedTarget: !!target && active === target,
            active: active ? `<${active.tagName.toLowerCase()}${active.id ? ` id="${active.id}"` : ''}>` : 'nothing',
          };
        }, first.href);
        expect(after.targetIsMain, `the skip link’s target ${first.href} should be the <main> element`).toBe(true);
        expect(after.focusedTarget, `after activating the skip link, focus should be on ${first.href}; it is on ${after.active}`).toBe(
          true,
        );

        await page.keyboard.press('Tab');
        const inMain = await page.evaluate(() => {
          const main = document.querySelector('main');
          const active = document.activeElement;
          return (
            !!main &&
            !!active &&
            active !== document.body &&
            (main.contains(active) || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING))
          );
        });
        expect(inMain, 'the Tab after the skip link should move on from the main content, not back to the header').toBe(true);
      });
    },
  );
});

describe('the keyboard check itself', () => {
  it('notices focus that shows no change, accepts focus drawn on a label, and does not ask for hidden or disabled elements', async () => {
    const drawnCheckboxRule =
      '.box label::before { content: ""; display: inline-block; width: 20px; height: 20px; border: 2px solid #000 }';
    const html = `<!doctype html><html lang="en"><head><title>Keyboard check</title><style>
      a { color: #1d70b8 } a:focus { outline: none } a.shows:focus { outline: 3px solid #fd0 }
      .box input { position: absolute; opacity: 0 } ${drawnCheckboxRule}
      .box input:focus + label::before { box-shadow: 0 0 0 3px #fd0 }
    </style></head><body>
      <a class="shows" href="/one">Shows focus</a>
      <a href="/two">Shows nothing</a>
      <div class="box"><input type="checkbox" id="tick"><label for="tick">Focus drawn on the label</label></div>
      <div hidden><a href="/three">Hidden</a></div>
      <details><summary>More</summary><a href="/four">Inside closed details</a></details>
      <fieldset disabled><input aria-label="Disabled"></fieldset>
    </body></html>`;
    await withContent(html, async (page) => {
      const result = await tabThrough(page);
      expect(result.unseen).toEqual([expect.stringContaining('Shows nothing')]);
      expect(result.unreached).toEqual([]);
      expect(result.returned).toBe(true);
      expect(result.visited).toHaveLength(4);
    });
  });
});

describe('the axe check itself', () => {
  it('reports each violation on a page with known faults, naming the rule and the element', async () => {
    const html = `<!doctype html><html lang="en"><head><title>Axe check</title></head><body><main>
      <h1>Faults</h1>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="no-alt">
      <input type="text" id="unlabelled">
      <ul id="stray"><p>Not in a list item</p></ul>
      <p style="color: #aaa; background: #fff" id="faint">Too faint to read</p>
    </main></body></html>`;
    await withContent(html, async (page) => {
      const lines = (await axeViolations(page)).join('\n');
      for (const [rule, element] of [
        ['image-alt', '#no-alt'],
        ['label', '#unlabelled'],
        ['list', '#stray'],
        ['color-contrast', '#faint'],
      ])
        expect(lines, `axe should report ${rule} at ${element}`).toMatch(new RegExp(`^${rule} \\(.*\\n\\s+at ${element}:`, 'm'));
    });
  });
});
