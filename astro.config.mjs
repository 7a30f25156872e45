// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { NodePackageImporter } from 'sass';

/**
 * The hub is configured through the environment so that the same build serves at / (npm start), on a
 * GitHub Pages project site (HUB_BASE=/repository-name/) or anywhere else:
 *   HUB_CONTENT_DIR  the content folder (default ./content), read by src/content.config.ts
 *   HUB_SITE         the public origin, e.g. https://example.github.io (default http://localhost:4321)
 *   HUB_BASE         the path the hub is served under (default /)
 *   HUB_OUT_DIR      where the built site goes (default ./dist)
 *   HUB_CACHE_DIR    Astro's cache (default ./node_modules/.astro): builds running at once (the bench
 *                    beside a test run) each need their own
 */
const base = process.env.HUB_BASE || '/';

export default defineConfig({
  site: process.env.HUB_SITE || 'http://localhost:4321',
  base: base.endsWith('/') ? base : `${base}/`,
  outDir: process.env.HUB_OUT_DIR || './dist',
  cacheDir: process.env.HUB_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Lossless: keeps the spaces between inline elements in text (Astro 7's 'jsx' default drops them).
  compressHTML: true,
  // Stylesheets as files, never inlined: cached across pages, and the Nu HTML Checker's CSS checker
  // (older than the CSS it reads: it refuses paint-order, which every browser supports) checks HTML only.
  // concurrency: Astro renders four pages at a time, so that one page's files are written while the next is
  // rendered. A profile of the 25,000-record build found its one thread idle for a quarter of the time,
  // waiting on writes; with 4 the same build took 62 to 64 s against 79 to 85 s (1 to 16 compared on a
  // 2-core machine; 8 and 16 were slower than 4). The pages are the same, byte for byte.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Records are rendered and sanitised by src/lib/markdown.ts. This makes any other Markdown Astro
  // renders safe too: Astro 7's default engine passes scripts and event handlers through.
  markdown: { processor: unified({ rehypePlugins: [rehypeRaw, rehypeSanitize] }) },
  devToolbar: { enabled: false },
  vite: {
    css: {
      // govuk-frontend is imported as Sass with `@use "pkg:govuk-frontend/…"`.
      preprocessorOptions: { scss: { importers: [new NodePackageImporter()] } },
      // Vite 8's CSS minifier rejects two old Internet Explorer hacks in govuk-frontend's CSS.
      lightningcss: { errorRecovery: true },
    },
  },
});
