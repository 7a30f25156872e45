import { defineConfig } from 'vitest/config';

/**
 * Test projects: `node` for everything that runs in plain Node (unit, validator, content, scripts,
 * builds). Other projects (Astro components rendered with the Container API; the built site in a real
 * browser) add themselves to `projects` with their own config files.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/components/**', 'tests/site/**', 'tests/lint/**'],
          environment: 'node',
          // The build tests run the real Astro build, which takes a while on a 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'lint',
          include: ['tests/lint/**/*.test.ts'],
          environment: 'node',
          // With the browser tests (groupOrder 1), which leave a core free, rather than with the node tests.
          sequence: { groupOrder: 1 },
        },
      },
      'tests/site/vitest.config.ts',
      'tests/components/vitest.config.ts',
    ],
  },
});
