/**
 * The messy-HTML corpus (tests/messy/cases.ts), built into the fixture site (tests/site/global-setup.ts)
 * and opened in Chromium: however broken the pasted HTML, axe finds nothing on the page, the body's lists
 * and tables are whole (src/lib/repair-html-structure.ts), and its text is all there, entities and smart
 * quotes shown as the characters they stand for. The warnings are checked in tests/validation/messy-html.test.ts.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext } from '../helpers/browser.ts';
import { MESSY_CASES, messyPath } from '../messy/cases.ts';
import { axeViolations } from './axe.ts';

const siteUrl = inject('fixtureUrl');
const buildError = inject('fixtureBuildError');

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  if (buildError) throw new Error(buildError);
  browser = await launchChromium();
  context = await newContext(browser);
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/**
 * Runs in the browser: every element of the record's body that breaks the structure of a list or a table,
 * as "child in parent" (none: the structure is whole).
 */
function brokenStructure(): string[] {
  const body = document.querySelector('.hub-prose');
  if (!body) return ['no .hub-prose on the page'];
  const allowed: Record<string, string[]> = {
    UL: ['LI'],
    OL: ['LI'],
    DL: ['DT', 'DD', 'DIV'],
    TABLE: ['CAPTION', 'COLGROUP', 'THEAD', 'TBODY', 'TFOOT', 'TR'],
    THEAD: ['TR'],
    TBODY: ['TR'],
    TFOOT: ['TR'],
    TR: ['TD', 'TH'],
  };
  const parents: Record<string, string[]> = { LI: ['UL', 'OL'], DT: ['DL', 'DIV'], DD: ['DL', 'DIV'] };
  const found: string[] = [];
  for (const element of body.querySelectorAll('*')) {
    const children = allowed[element.tagName];
    if (children) {
      for (const child of element.childNodes) {
        const name = child.nodeType === Node.ELEMENT_NODE ? (child as Element).tagName : child.nodeType === Node.TEXT_NODE ? '#text' : '';
        if (name === '#text' && !child.textContent?.trim()) continue;
        if (name && !children.includes(name)) found.push(`${name} in ${element.tagName}: ${(child.textContent ?? '').slice(0, 60)}`);
      }
    }
    const parent = element.parentElement?.tagName ?? '';
    if (parents[element.tagName] && !parents[element.tagName].includes(parent)) found.push(`${element.tagName} in ${parent}`);
  }
  return found;
}

describe.each(MESSY_CASES)('the page of the messy case $name', ({ name, shows }) => {
  it('has no axe violations, whole lists and tables, and all its text', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${siteUrl}${messyPath(name)}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page), `axe on ${messyPath(name)}`).toEqual([]);
    expect(await page.evaluate(brokenStructure)).toEqual([]);
    const text = (await page.locator('.hub-prose').innerText()).replace(/\s+/g, ' ');
    for (const words of shows) expect(text).toContain(words.replace(/\s+/g, ' '));
    // Fonts and colours from the pasted HTML are gone: the hub's own styles decide how text looks.
    expect(await page.locator('.hub-prose [style], .hub-prose font').count()).toBe(0);
    await page.close();
  });
});
