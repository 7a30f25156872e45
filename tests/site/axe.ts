/** axe-core as every site test runs it: against WCAG 2.2 A and AA, with each violation said in lines. */
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each violation as lines: its id, impact, help and every element it was found on. */
function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((violation) => [
    `${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help} – ${violation.helpUrl}`,
    ...violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  ]);
}

/**
 * axe-core's violations on the page as it is now, as lines (none: an empty list). The page needs JavaScript on.
 *
 * Run as axe.run() in the page (legacy mode), not frame by frame with the results finished in a blank page
 * that is opened for each check: the hub's pages have no frames. Only violations are collected in full;
 * axe then stops gathering every element that passed, which is most of its time on long pages.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return describeViolations(results.violations);
}
