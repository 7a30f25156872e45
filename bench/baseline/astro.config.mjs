// @ts-check
/**
 * The bare baseline the hub's build is measured against (npm run bench -- --build): Astro 7 as it comes,
 * with a glob loader, one zod schema, one page per record and one per organisation, and nothing else. It
 * reads the same content folder as the hub (BASELINE_CONTENT_DIR) and writes to BASELINE_OUT_DIR; Pagefind's
 * CLI then indexes its HTML. Not part of the hub: only the benchmark builds it.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BASELINE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
