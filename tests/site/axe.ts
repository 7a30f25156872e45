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

/** axe-core's violations on the page as it is now, as lines (none: an empty list). The page needs JavaScript on. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return describeViolations(results.violations);
}
