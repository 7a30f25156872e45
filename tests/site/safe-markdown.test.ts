/**
 * A record whose Markdown tries to run script (tests/site/hostile.ts), built into the fixture site and opened
 * in Chromium with JavaScript on: nothing runs, nothing is fetched from another host, and no handler,
 * unsafe address, frame, script, refresh or form reaches the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { EVIL_HOST, HOSTILE_PATH, SAFE_MARKER } from './hostile.ts';

const hostileUrl = inject('fixtureUrl');
const buildError = inject('fixtureBuildError');
const pageUrl = `${hostileUrl}${HOSTILE_PATH}`;
const origin = new URL(hostileUrl).origin;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const foreignRequests: string[] = [];
let status: number | undefined;

beforeAll(async () => {
  if (buildError) throw new Error(buildError);
  browser = await launchChromium();
  context = await newContext(browser);
  // Every request is watched; any for another host is recorded and never sent.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(`${route.request().resourceType()} ${url}`);
      await route.abort('blockedbyclient');
    } else await route.continue();
  });
  page = await context.newPage();
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  status = (await page.goto(pageUrl, { waitUntil: 'load' }))?.status();
  // Give a meta refresh, autofocus or a late handler the chance to fire, and hover and focus what is there.
  await page.locator('main a, main p, main img, main details, main summary').evaluateAll((elements) => {
    for (const element of elements) {
      // Plain events, not mouse events: a click on a link must not navigate away.
      for (const type of ['mouseover', 'focus', 'click', 'toggle', 'load', 'error']) element.dispatchEvent(new Event(type));
    }
  });
  await page.waitForTimeout(1500);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a record with hostile Markdown, open in Chromium with JavaScript on', () => {
  it('has its page, with the harmless parts of the body shown', async () => {
    expect(status, `${pageUrl} answered with status ${status}`).toBe(200);
    expect(page.url(), 'the page should not have been redirected or refreshed away').toBe(pageUrl);
    await expect(page.locator('main').innerText()).resolves.toContain(SAFE_MARKER);
    await expect(page.locator('main strong', { hasText: 'bold' }).count()).resolves.toBeGreaterThan(0);
  });

  it('opens no alert, confirm or prompt dialog', () => {
    expect(dialogs).toEqual([]);
  });

  it(`requests nothing from another host (such as ${EVIL_HOST})`, () => {
    expect(foreignRequests).toEqual([]);
  });

  it('has no element with an on* event-handler attribute', async () => {
    const handlers = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value}">`),
      ),
    );
    expect(handlers).toEqual([]);
  });

  it('has no link (or other address) with a javascript: or data: URL', async () => {
    const unsafe = await page.evaluate(() =>
      [...document.querySelectorAll('[href], [src], [action], [formaction], [data], [xlink\\:href], [srcdoc]')].flatMap((element) =>
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc']
          .map((name) => [name, element.getAttribute(name)] as const)
          .filter(
            ([name, value]) =>
              value !== null && (name === 'srcdoc' || /^(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''))),
          )
          // A data: image is inert; a data: link, frame or object is not.
          .filter(([name, value]) => !(element.tagName === 'IMG' && name === 'src' && /^data:image\/(png|gif|jpeg|webp);/i.test(value!)))
          .map(([name, value]) => `<${element.tagName.toLowerCase()} ${name}="${value!.slice(0, 80)}">`),
      ),
    );
    expect(unsafe).toEqual([]);
  });

  it('has no iframe, frame, object, embed, script (other than JSON-LD), meta refresh, base or style element', async () => {
    const found = await page.evaluate(() =>
      [...document.querySelectorAll('iframe, frame, object, embed, script, meta[http-equiv], base, main style, main link, svg script')]
        .filter((element) => !(element.tagName === 'SCRIPT' && element.getAttribute('type') === 'application/ld+json'))
        .filter((element) => !(element.tagName === 'META' && !/refresh/i.test(element.getAttribute('http-equiv') ?? '')))
        .map((element) => element.outerHTML.slice(0, 120)),
    );
    expect(found).toEqual([]);
  });

  it('has no form, field or password box in the record’s content (only task-list checkboxes, disabled)', async () => {
    await expect(
      page
        .locator('main form, main input:not([type="checkbox"][disabled]), main select, main textarea, main button[formaction]')
        .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120))),
    ).resolves.toEqual([]);
  });

  it('has no inline style in the record’s content that could fetch from another host', async () => {
    const styled = await page
      .locator('main [style]')
      .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)).filter((html) => /url\(/i.test(html)));
    expect(styled).toEqual([]);
  });
});
