/**
 * The sitemap (https://www.sitemaps.org/protocol.html): every HTML page of the built site, written by
 * scripts/build.ts after Astro from the output folder's index.html files, so that it lists every page
 * the build made and nothing else, whatever page types are added later.
 *
 * The protocol allows at most 50,000 addresses and 50 MB (uncompressed) in one sitemap. Within that,
 * /sitemap.xml is the sitemap itself; beyond it, the addresses are split into /sitemap-1.xml,
 * /sitemap-2.xml… and /sitemap.xml becomes a sitemap index listing them, so robots.txt and search
 * consoles always point at the same address.
 */

// Addresses here come from new URL(…).href and dates are W3C date-times, so the feeds' escaping serves: an
// apostrophe (only ever from HUB_SITE or HUB_BASE) stays as it is, which XML reads the same as &apos;.
import { escapeXml } from '../feeds/xml.ts';

export const SITEMAP_NAME = 'sitemap.xml';
export const MAX_URLS = 50_000;
export const MAX_BYTES = 50 * 1024 * 1024;

export interface SitemapUrl {
  /** The page's absolute address. */
  loc: string;
  /** When the page's content last changed (W3C date-time), when known. */
  lastmod?: string | undefined;
}

export interface SitemapFile {
  /** The file name at the site's root, under the base: sitemap.xml, sitemap-1.xml… */
  name: string;
  xml: string;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function urlEntry(url: SitemapUrl): string {
  return `<url><loc>${escapeXml(url.loc)}</loc>${url.lastmod ? `<lastmod>${escapeXml(url.lastmod)}</lastmod>` : ''}</url>\n`;
}

function urlset(entries: readonly string[]): string {
  return `${HEAD}<urlset xmlns="${NS}">\n${entries.join('')}</urlset>\n`;
}

/** The page addresses, from the built site's files: 'roadmap/a/b/index.html' → roadmap/a/b/, 'index.html' → the home page. */
export function pagePathsFromFiles(files: readonly string[]): string[] {
  return files
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => file.slice(0, -'index.html'.length))
    .sort();
}

/**
 * The sitemap file(s) for these pages. `fileUrl` gives the absolute address of a file at the site's
 * root (under the base), for the index's entries. Pages are listed in the order given.
 */
export function sitemapFiles(
  urls: readonly SitemapUrl[],
  fileUrl: (name: string) => string,
  limits: { maxUrls?: number; maxBytes?: number } = {},
): SitemapFile[] {
  const maxUrls = limits.maxUrls ?? MAX_URLS;
  const maxBytes = limits.maxBytes ?? MAX_BYTES;
  const overhead = Buffer.byteLength(urlset([]));
  const chunks: string[][] = [[]];
  let bytes = overhead;
  for (const url of urls) {
    const entry = urlEntry(url);
    const size = Buffer.byteLength(entry);
    const current = chunks.at(-1)!;
    if (current.length > 0 && (current.length >= maxUrls || bytes + size > maxBytes)) {
      chunks.push([entry]);
      bytes = overhead + size;
    } else {
      current.push(entry);
      bytes += size;
    }
  }
  if (chunks.length === 1) return [{ name: SITEMAP_NAME, xml: urlset(chunks[0]) }];
  const parts = chunks.map((entries, index) => ({ name: `sitemap-${index + 1}.xml`, xml: urlset(entries) }));
  const index =
    `${HEAD}<sitemapindex ` +
    `xmlns="${NS}">\n${parts.map((part) => `<sitemap><loc>${escapeXml(fileUrl(part.name))}</loc></sitemap>\n`).join('')}</sitemapindex>\n`;
  return [{ name: SITEMAP_NAME, xml: index }, ...parts];
}

/** robots.txt: every crawler may read everything, and the sitemap is here. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
