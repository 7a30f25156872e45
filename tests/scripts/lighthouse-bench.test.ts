/**
 * scripts/lib/lighthouse-bench.ts, the benchmark's Lighthouse audit (npm run bench -- --lighthouse):
 * which page of each type it measures in a built site, how it reads and summarises Lighthouse's
 * results, and, for real, Lighthouse 12 driving this machine's Chromium over the gzip-serving static
 * server: a still page meets the goal, and a page whose text is pushed down after it is drawn does not,
 * with the element that moved named.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  describeMisses,
  diagnosticsFrom,
  figuresFrom,
  lighthouseTable,
  measureLighthouse,
  median,
  medianFigures,
  pageTypes,
  type LighthouseFigures,
  type LighthouseResult,
  type PageFigures,
} from '../../scripts/lib/lighthouse-bench.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A site folder with these files (path → text). */
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lighthouse-bench-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const page = (size = 10) => `<!doctype html><title>t</title>${'x'.repeat(size)}`;

describe('pageTypes', () => {
  it('picks one page of every type the site has, the largest of each kind, in a fixed order', () => {
    const root = site({
      'index.html': page(),
      'roadmap/index.html': page(),
      'roadmap/status/live/index.html': page(50),
      'roadmap/status/idea/index.html': page(500),
      'api/v1/roadmap.json': JSON.stringify({ records: [{ id: 'roadmap/a/small' }, { id: 'roadmap/b/large' }] }),
      'roadmap/a/small/index.html': page(10),
      'roadmap/b/large/index.html': page(900),
      'organisations/index.html': page(),
      'organisations/nation/index.html': page(5000),
      'organisations/fenmoor/index.html': page(300),
      'organisations/glanmor/index.html': page(30),
      'services/524/index.html': page(),
      'collaborate/index.html': page(),
      'search/index.html': page(),
      'contribute/index.html': page(),
      'contribute/new/roadmap/index.html': page(),
      'contribute/organisation/index.html': page(),
      'contribute/organisations/fenmoor.json': '{"records":[1,2,3]}',
      'contribute/organisations/glanmor.json': '{}',
      'contribute/organisation/fenmoor/index.html': page(),
      'contribute/organisation/glanmor/index.html': page(),
      '404.html': page(),
    });
    expect(pageTypes(root)).toEqual([
      { type: 'home', path: '' },
      { type: 'list', path: 'roadmap/' },
      { type: 'filtered list', path: 'roadmap/status/idea/' },
      { type: 'record: roadmap', path: 'roadmap/b/large/' },
      { type: 'organisation', path: 'organisations/fenmoor/' },
      { type: 'service', path: 'services/524/' },
      { type: 'collaborate', path: 'collaborate/' },
      { type: 'search', path: 'search/' },
      { type: 'contribute', path: 'contribute/' },
      { type: 'form: roadmap', path: 'contribute/new/roadmap/' },
      { type: 'organisation picker', path: 'contribute/organisation/' },
      { type: 'organisation form', path: 'contribute/organisation/fenmoor/' },
      { type: '404', path: '404.html' },
    ]);
  });
});

/** A Lighthouse result with these figures, as Lighthouse 12 writes them. */
function result(figures: Partial<LighthouseFigures> = {}, extra: Partial<LighthouseResult> = {}): LighthouseResult {
  const audit = (numericValue: number) => ({ numericValue });
  return {
    lighthouseVersion: '12.8.2',
    categories: { performance: { score: (figures.score ?? 95) / 100 } },
    audits: {
      'first-contentful-paint': audit(figures.fcp ?? 900),
      'largest-contentful-paint': audit(figures.lcp ?? 1200),
      'total-blocking-time': audit(figures.tbt ?? 50),
      'cumulative-layout-shift': audit(figures.cls ?? 0),
      'total-byte-weight': audit(figures.bytes ?? 20_000),
      'layout-shifts': { details: { items: [{ node: { selector: 'main > p.govuk-body' }, score: 0.2 }] } },
      'render-blocking-resources': { details: { items: [{ url: 'http://127.0.0.1:1234/_astro/Base.css', wastedMs: 300 }] } },
      'unused-javascript': { details: { overallSavingsBytes: 61_000 } },
      'dom-size': audit(2390),
    },
    ...extra,
  };
}

describe('reading Lighthouse’s results', () => {
  it('takes the score out of 100 and the five figures', () => {
    expect(figuresFrom(result({ score: 88, fcp: 1600, lcp: 1700, tbt: 120, cls: 0.228, bytes: 133_000 }), '/x/')).toEqual({
      score: 88,
      fcp: 1600,
      lcp: 1700,
      tbt: 120,
      cls: 0.228,
      bytes: 133_000,
    });
  });

  it('says which page Lighthouse could not measure, and why', () => {
    const failed = result(
      {},
      {
        runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Lighthouse was unable to reliably load the page (Status code: 404).' },
      },
    );
    expect(() => figuresFrom(failed, 'http://127.0.0.1/missing/')).toThrow(
      'Lighthouse could not measure http://127.0.0.1/missing/: ERRORED_DOCUMENT_REQUEST, ' +
        'Lighthouse was unable to reliably load the page (Status code: 404).',
    );
  });

  it('keeps what it says about layout shifts, render-blocking files, unused JavaScript and the DOM', () => {
    expect(diagnosticsFrom(result())).toEqual({
      layoutShifts: [{ element: 'main > p.govuk-body', score: 0.2 }],
      renderBlocking: [{ url: 'http://127.0.0.1:1234/_astro/Base.css', wastedMs: 300 }],
      unusedJavaScriptBytes: 61_000,
      domElements: 2390,
    });
  });

  it('reports each figure’s median over the runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const runs = [
      { score: 86, fcp: 1500, lcp: 1800, tbt: 82, cls: 0.256, bytes: 132_000 },
      { score: 91, fcp: 1100, lcp: 1100, tbt: 371, cls: 0, bytes: 132_000 },
      { score: 87, fcp: 1300, lcp: 1500, tbt: 55, cls: 0.256, bytes: 132_000 },
    ];
    expect(medianFigures(runs)).toEqual({ score: 87, fcp: 1300, lcp: 1500, tbt: 82, cls: 0.256, bytes: 132_000 });
  });
});

describe('the report', () => {
  const pages: PageFigures[] = [
    {
      type: 'home',
      path: '',
      runs: [],
      median: { score: 100, fcp: 756, lcp: 756, tbt: 39, cls: 0, bytes: 11_264 },
      diagnostics: diagnosticsFrom(result()),
      met: true,
    },
    {
      type: 'form: roadmap',
      path: 'contribute/new/roadmap/',
      runs: [],
      median: { score: 88, fcp: 1200, lcp: 1200, tbt: 121, cls: 0.228, bytes: 133_120 },
      diagnostics: diagnosticsFrom(result()),
      met: false,
    },
  ];

  it('is a Markdown table, a row a page, with the goal’s verdict', () => {
    const lines = lighthouseTable(pages).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].split('|').map((cell) => cell.trim())).toEqual([
      '',
      'page type',
      'path',
      'score',
      'FCP',
      'LCP',
      'TBT',
      'CLS',
      'bytes',
      'goal',
      '',
    ]);
    expect(lines[2].split('|').map((cell) => cell.trim())).toEqual([
      '',
      'home',
      '/',
      '100',
      '756 ms',
      '756 ms',
      '39 ms',
      '0.000',
      '11 KB',
      'met',
      '',
    ]);
    expect(lines[3].split('|').map((cell) => cell.trim())).toEqual([
      '',
      'form: roadmap',
      '/contribute/new/roadmap/',
      '88',
      '1.2 s',
      '1.2 s',
      '121 ms',
      '0.228',
      '130 KB',
      'NOT met',
      '',
    ]);
  });

  it('says, for each page that misses the goal, what moved, what held up the first paint, and the unused JavaScript', () => {
    expect(describeMisses(pages)).toEqual([
      'form: roadmap (/contribute/new/roadmap/): score 88, layout shift 0.228',
      '  moved: main > p.govuk-body (0.200)',
      '  held up the first paint: /_astro/Base.css (300 ms)',
      '  JavaScript loaded but not run: 60 KB; elements in the page: 2,390',
    ]);
  });
});

describe('measureLighthouse, for real', () => {
  it(
    'measures a still page as meeting the goal, and a page whose text is pushed down after the first paint as not',
    { timeout: 240_000 },
    async () => {
      const text = '<p>Council Commons is where councils share their digital work.</p>'.repeat(12);
      const head =
        '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Bench</title></head>';
      // The 404 page draws its text, then a script puts a tall box above it: everything on screen moves.
      const pushed =
        `<div id="late"></div>` +
        `<script>setTimeout(function () { document.getElementById('late').style.height = '600px'; }, 300);</script>`;
      const root = site({
        'index.html': `${head}<body><h1>Home</h1>${text}</body></html>`,
        '404.html': `${head}<body><h1>Not found</h1>${pushed}${text}</body></html>`,
      });
      const reports = join(root, '..', `${root.split('/').pop()}-reports`);
      mkdirSync(reports);
      folders.push(reports);
      const lines: string[] = [];
      const bench = await measureLighthouse({ site: root, base: '/council-commons/', runs: 1, reports, log: (line) => lines.push(line) });

      expect(bench.lighthouse).toMatch(/^12\./);
      expect(lines[0]).toMatch(
        new RegExp(
          /^Lighthouse 12\.\S+ \(mobile, simulated throttling\) on .+, 2 pages × 1 run\(s\), /.source +
            /served gzipped from http:\/\/127\.0\.0\.1:\d+\/council-commons\/$/.source,
        ),
      );
      expect(bench.pages.map((measured) => measured.type)).toEqual(['home', '404']);
      const [home, notFound] = bench.pages;
      expect(home.met, lighthouseTable(bench.pages)).toBe(true);
      expect(home.median.cls).toBe(0);
      expect(home.median.fcp).toBeGreaterThan(0);
      expect(home.median.bytes).toBeGreaterThan(0);
      expect(notFound.median.cls).toBeGreaterThan(0.1);
      expect(notFound.met).toBe(false);
      expect(describeMisses(bench.pages).join('\n')).toMatch(/^404 \(\/404\.html\): score \d+, layout shift 0\.\d+\n {2}moved: .*\bp\b/);
      expect(readdirSync(reports).sort()).toEqual(['404-1.json', 'home-1.json']);
    },
  );
});
