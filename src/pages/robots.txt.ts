/**
 * /robots.txt: every crawler may read everything, and the sitemap (written by scripts/build.ts) is at
 * /sitemap.xml. Crawlers read robots.txt only at an origin's root, so under a base path (a GitHub Pages
 * project site) this file is for people and tools; search consoles take the sitemap's address directly.
 */
import type { APIRoute } from 'astro';
import { robotsTxt, SITEMAP_NAME } from '../lib/open-data/sitemap.ts';
import { withBase } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(new URL(withBase(import.meta.env.BASE_URL, SITEMAP_NAME), site ?? 'http://localhost:4321').href), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
