import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

/**
 * The 'components' project: the hub's GOV.UK Frontend components (src/components/govuk/) rendered with
 * Astro's Container API against govuk-frontend's own fixtures, and the stylesheet's budget and colours.
 * It needs Astro's Vite setup (getViteConfig) to compile .astro files.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

export default getViteConfig(
  {
    root,
    test: {
      name: 'components',
      root,
      include: ['tests/components/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
    },
  },
  { root, logLevel: 'warn' },
);
