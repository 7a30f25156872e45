import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The 'site' project: the built demonstration site in a real browser (Chromium), with axe-core, the Nu
 * HTML Checker, a link checker and size budgets. tests/site/global-setup.ts builds and serves the sites
 * once per run. Files run one at a time (one browser, one Java process at once on a 2-core machine), and
 * after the other projects (groupOrder 1), so that the browser is not starved of CPU by the builds there.
 */
export default defineProject({
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    name: 'site',
    include: ['tests/site/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/site/global-setup.ts'],
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
