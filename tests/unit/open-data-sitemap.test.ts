/** src/lib/open-data/sitemap.ts: the sitemap, its split into an index past the protocol's limits, and robots.txt. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { MAX_URLS, pagePathsFromFiles, robotsTxt, sitemapFiles } from '../../src/lib/open-data/sitemap.ts';

const fileUrl = (name: string) => `https://hub.example/base/${name}`;
const urls = (count: number) => Array.from({ length: count }, (_, index) => ({ loc: `https://hub.example/base/page-${index}/` }));
const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

describe('pagePathsFromFiles', () => {
  it('takes every index.html as a page and nothing else', () => {
    expect(
      pagePathsFromFiles(['index.html', 'roadmap/a/b/index.html', '404.html', 'api/v1/roadmap.json', 'about\\index.html', '_astro/x.css']),
    ).toEqual(['', 'about/', 'roadmap/a/b/']);
  });
});

describe('sitemapFiles', () => {
  it('writes one well-formed sitemap, with lastmod where known and addresses escaped', () => {
    const files = sitemapFiles(
      [{ loc: 'https://hub.example/base/', lastmod: '2026-11-27T10:00:00+00:00' }, { loc: 'https://hub.example/base/?a=1&b=<2>' }],
      fileUrl,
    );
    expect(files.map((file) => file.name)).toEqual(['sitemap.xml']);
    expect(XMLValidator.validate(files[0].xml)).toBe(true);
    const { urlset } = parser.parse(files[0].xml);
    expect(urlset.url).toEqual([
      { loc: 'https://hub.example/base/', lastmod: '2026-11-27T10:00:00+00:00' },
      { loc: 'https://hub.example/base/?a=1&b=<2>' },
    ]);
  });

  it('keeps exactly 50,000 addresses in one file', () => {
    const files = sitemapFiles(urls(MAX_URLS), fileUrl);
    expect(files).toHaveLength(1);
    expect(parser.parse(files[0].xml).urlset.url).toHaveLength(MAX_URLS);
  });

  it('splits past 50,000 into sitemap-N.xml files under a sitemap index at sitemap.xml', () => {
    const files = sitemapFiles(urls(MAX_URLS * 2 + 1), fileUrl);
    expect(files.map((file) => file.name)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    for (const file of files) expect(XMLValidator.validate(file.xml), file.name).toBe(true);
    const index = parser.parse(files[0].xml);
    expect(index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc)).toEqual([
      'https://hub.example/base/sitemap-1.xml',
      'https://hub.example/base/sitemap-2.xml',
      'https://hub.example/base/sitemap-3.xml',
    ]);
    const counts = files.slice(1).map((file) => parser.parse(file.xml).urlset.url.length);
    expect(counts).toEqual([MAX_URLS, MAX_URLS, 1]);
  });

  it('splits when a file would pass the size limit, before the address limit', () => {
    const files = sitemapFiles(urls(10), fileUrl, { maxBytes: 400 });
    expect(files.length).toBeGreaterThan(2);
    for (const file of files.slice(1)) expect(Buffer.byteLength(file.xml)).toBeLessThanOrEqual(400);
    expect(files.slice(1).flatMap((file) => parser.parse(file.xml).urlset.url.map((entry: { loc: string }) => entry.loc))).toEqual(
      urls(10).map((url) => url.loc),
    );
  });

  it('splits by a smaller address limit when asked', () => {
    expect(sitemapFiles(urls(5), fileUrl, { maxUrls: 2 }).map((file) => file.name)).toEqual([
      'sitemap.xml',
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-3.xml',
    ]);
  });
});

describe('robotsTxt', () => {
  it('allows everything and names the sitemap', () => {
    expect(robotsTxt('https://hub.example/base/sitemap.xml')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://hub.example/base/sitemap.xml\n',
    );
  });
});
