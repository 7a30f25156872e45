import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // The build tests run the real Astro build, which takes a while on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
