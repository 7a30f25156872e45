/**
 * No broken internal links on the demonstration site (the check itself: tests/site/link-check.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import { brokenAddresses, shownBroken } from './link-check.ts';

const demoUrl = inject('demoUrl');

describe('internal links', () => {
  it('every internal address on every built page exists in the build, and every same-page #fragment names an element', () => {
    const { broken, pages, checked } = brokenAddresses({ dir: inject('demoDir'), base: inject('base'), origin: new URL(demoUrl).origin });
    expect(pages).toBeGreaterThan(400);
    expect(checked, 'the pages should have links to check').toBeGreaterThan(pages * 5);
    expect(
      shownBroken(broken),
      `${broken.length} broken address(es) in ${new Set(broken.map((line) => line.split(':')[0])).size} page(s)`,
    ).toEqual([]);
  });
});
