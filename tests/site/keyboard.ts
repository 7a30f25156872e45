/**
 * Keyboard-only checks for a page open in Chromium: press Tab from the top until focus returns to the
 * page, and note what was never reached and what showed no visible sign of focus.
 */
import type { Page } from 'playwright-core';

/** What a focusable element is, in words, for failure messages. */
export interface Focusable {
  id: number;
  description: string;
}

/**
 * Marks every element a keyboard user should be able to reach (links, buttons, fields, summaries, and
 * anything with a non-negative tabindex, when rendered and not disabled or inert) with data-kb-id, and
 * records how each looks unfocused.
 */
export async function markFocusables(page: Page): Promise<Focusable[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __kbLook: (element: Element) => string; __kbUnfocused: Map<number, string> };
    w.__kbLook = (element: Element) => {
      const visibleColour = (colour: string) => !/rgba\([^)]*,\s*0\)$/.test(colour) && colour !== 'transparent';
      const look = (target: Element, pseudo?: string) => {
        const style = getComputedStyle(target, pseudo);
        const outline =
          style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && visibleColour(style.outlineColor)
            ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} ${style.outlineOffset}`
            : 'none';
        return [
          outline,
          style.boxShadow,
          style.backgroundColor,
          style.color,
          style.textDecorationLine,
          style.textDecorationThickness,
          style.borderTopColor,
          style.borderBottomColor,
          style.borderBottomWidth,
          style.content,
        ].join('|');
      };
      // The element, its pseudo-elements, and where designs draw focus for hidden inputs: the label and the next sibling.
      const parts: string[] = [look(element), look(element, '::before'), look(element, '::after')];
      const related = [element.nextElementSibling, ...((element as HTMLInputElement).labels ?? [])].filter(
        (other): other is Element => other !== null,
      );
      for (const other of related) parts.push(look(other), look(other, '::before'), look(other, '::after'));
      return parts.join('\n');
    };
    const selector =
      'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    const focusables = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if (Number(element.getAttribute('tabindex')) < 0 || element.matches(':disabled') || element.closest('[inert]')) return false;
      // A group of radios is one Tab stop (its checked radio, or else its first); arrow keys move within it.
      if (element instanceof HTMLInputElement && element.type === 'radio' && element.name) {
        const group = [
          ...(element.form ?? document).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(element.name)}"]`),
        ];
        if (element !== (group.find((radio) => radio.checked) ?? group[0])) return false;
      }
      if (element.tagName === 'SUMMARY' && element.parentElement?.querySelector(':scope > summary') !== element) return false;
      const box = element.getBoundingClientRect();
      return (
        element.checkVisibility({ visibilityProperty: true }) && (box.width > 0 || box.height > 0 || element.getClientRects().length > 0)
      );
    });
    w.__kbUnfocused = new Map();
    return focusables.map((element, id) => {
      element.setAttribute('data-kb-id', String(id));
      w.__kbUnfocused.set(id, w.__kbLook(element));
      const text = (element.innerText || element.getAttribute('aria-label') || (element as HTMLInputElement).value || '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 50);
      const href = element.getAttribute('href');
      const idAttribute = element.id ? ` id="${element.id}"` : '';
      const hrefAttribute = href ? ` href="${href}"` : '';
      return {
        id,
        description: `<${element.tagName.toLowerCase()}${idAttribute}${hrefAttribute}> “${text}”`,
      };
    });
  });
}

export interface FocusStep {
  /** data-kb-id of the focused element, or -1 when it is not one of those marked. */
  id: number;
  description: string;
  isBody: boolean;
  /** Whether it looks different focused from unfocused, judged by computed styles. */
  looksFocused: boolean | undefined;
  box: { x: number; y: number; width: number; height: number } | undefined;
}

/** Where focus is now, and whether it shows. */
export function focusStep(page: Page): Promise<FocusStep> {
  return page.evaluate(() => {
    const w = window as unknown as { __kbLook: (element: Element) => string; __kbUnfocused: Map<number, string> };
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body || active === document.documentElement)
      return { id: -1, description: 'the page itself', isBody: true, looksFocused: undefined, box: undefined };
    const id = Number(active.getAttribute('data-kb-id') ?? -1);
    const unfocused = w.__kbUnfocused.get(id);
    const rect = active.getBoundingClientRect();
    const text = ((active as HTMLElement).innerText || active.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const idAttribute = active.id ? ` id="${active.id}"` : '';
    const hrefAttribute = active.getAttribute('href') ? ` href="${active.getAttribute('href')}"` : '';
    return {
      id,
      description: `<${active.tagName.toLowerCase()}${idAttribute}${hrefAttribute}> “${text}”`,
      isBody: false,
      looksFocused: unfocused === undefined ? undefined : unfocused !== w.__kbLook(active),
      box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  });
}

/**
 * When computed styles show no change, compares screenshots of the focused element's area (with a
 * margin for outlines) focused and unfocused.
 */
export async function screenshotsDiffer(page: Page, step: FocusStep): Promise<boolean> {
  if (!step.box) return false;
  const viewport = page.viewportSize()!;
  const margin = 6;
  const x = Math.max(0, step.box.x - margin);
  const y = Math.max(0, step.box.y - margin);
  const clip = {
    x,
    y,
    width: Math.min(viewport.width - x, step.box.width + 2 * margin),
    height: Math.min(viewport.height - y, step.box.height + 2 * margin),
  };
  if (clip.width <= 0 || clip.height <= 0) return false;
  const focused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const unfocused = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  await page.evaluate((id) => document.querySelector<HTMLElement>(`[data-kb-id="${id}"]`)?.focus({ preventScroll: true }), step.id);
  return !focused.equals(unfocused);
}

export interface TabResult {
  /** Elements that should be reachable and were not. */
  unreached: string[];
  /** Elements that took focus without any visible change. */
  unseen: string[];
  /** Whether focus came back to the page itself after the last element. */
  returned: boolean;
  /** Everything focused, in order. */
  visited: string[];
}

/** Presses Tab from the top of the page until focus returns to the page (or goes round), checking each stop. */
export async function tabThrough(page: Page): Promise<TabResult> {
  const focusables = await markFocusables(page);
  const reached = new Set<number>();
  const unseen: string[] = [];
  const visited: string[] = [];
  let returned = false;
  for (let presses = 0; presses < focusables.length + 30; presses++) {
    await page.keyboard.press('Tab');
    const step = await focusStep(page);
    if (step.isBody) {
      returned = true;
      break;
    }
    if (step.id >= 0 && reached.has(step.id)) break; // Round again without passing the page: the loop is closed.
    if (step.id >= 0) reached.add(step.id);
    visited.push(step.description);
    if (step.looksFocused !== true && !(await screenshotsDiffer(page, step))) unseen.push(step.description);
  }
  const unreached = focusables.filter((focusable) => !reached.has(focusable.id)).map((focusable) => focusable.description);
  return { unreached, unseen, returned, visited };
}
