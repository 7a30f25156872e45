/**
 * Lighthouse's mobile performance audit on one page of every page type of a built site, served gzipped
 * as GitHub Pages serves it (scripts/lib/static-server.ts). It builds nothing: give it the site's folder
 * and the base it was built for.
 *
 * Lighthouse (the npm package, its Node API) runs with its default settings, which are its mobile ones:
 * a phone's screen, a slow 4G network and a 4× slower processor, simulated. It drives a Chromium found by
 * scripts/lib/chromium.ts, which this module starts itself with a DevTools port, since that browser may be
 * the bundled headless shell that only takes a path and an environment.
 *
 * Each page is measured R times (rounds over every page, so that a busy moment on a shared machine falls
 * on several pages rather than on every run of one); each figure reported is the median of its runs,
 * taken figure by figure. The goal (issue 14): a score of at least 90 and a layout shift under 0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { RECORD_COLLECTIONS } from '../../schemas/collections.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { startStaticServer } from './static-server.ts';
import { bytes } from './units.ts';

export const GOAL = { score: 90, cls: 0.1 };

export interface PageType {
  /** What kind of page it is, in words: "home", "form: roadmap", … */
  type: string;
  /** Its path under the base, e.g. "contribute/new/roadmap/" ("" for the home page). */
  path: string;
}

export interface LighthouseFigures {
  /** The performance score, 0 to 100. */
  score: number;
  /** First and largest contentful paint and total blocking time, in milliseconds. */
  fcp: number;
  lcp: number;
  tbt: number;
  /** Cumulative layout shift. */
  cls: number;
  /** Bytes transferred (as sent: gzipped where the server compressed). */
  bytes: number;
}

/** What Lighthouse says about where a page's time and shifts go, from one run. */
export interface Diagnostics {
  /** The elements that moved, with each one's share of the layout shift. */
  layoutShifts: { element: string; score: number }[];
  /** Resources that held up the first paint, with the time Lighthouse reckons they cost. */
  renderBlocking: { url: string; wastedMs: number }[];
  /** Bytes of JavaScript the page loads but does not run. */
  unusedJavaScriptBytes: number;
  /** Elements in the page. */
  domElements: number;
}

export interface PageFigures extends PageType {
  runs: LighthouseFigures[];
  /** Each figure's median over the runs. */
  median: LighthouseFigures;
  /** From the run whose score was the median one. */
  diagnostics: Diagnostics;
  met: boolean;
}

export interface LighthouseBench {
  lighthouse: string;
  chromium: string;
  /** Load average when the measurement started and ended. */
  loadBefore: number;
  loadAfter: number;
  runs: number;
  pages: PageFigures[];
}

export interface LighthouseBenchOptions {
  /** The built site. */
  site: string;
  /** The path it is served under (HUB_BASE): / or /council-commons/. */
  base?: string;
  /** Runs for each page (default 3). */
  runs?: number;
  /** Only the page types whose name contains one of these words (e.g. ["form", "home"]). */
  only?: string[];
  /** A folder to write every run's full Lighthouse report into (JSON, for Lighthouse's viewer). */
  reports?: string;
  log?: (line: string) => void;
}

/** The largest of these pages: the heaviest of a kind is the one that has to be fast. */
function largest(site: string, paths: string[]): string | undefined {
  let best: { path: string; size: number } | undefined;
  for (const path of paths) {
    const file = join(site, path, 'index.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size) best = { path, size };
  }
  return best?.path;
}

/** The folders directly inside a folder of the site, as page paths ("services/530/"). */
function subfolders(site: string, folder: string): string[] {
  const path = join(site, folder);
  if (!existsSync(path)) return [];
  return readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${folder}/${entry.name}/`);
}

/** The records of a collection, from its open-data file (/api/v1/<collection>.json) as their page paths. */
function recordPaths(site: string, collection: string): string[] {
  const file = join(site, 'api/v1', `${collection}.json`);
  if (!existsSync(file)) return [];
  const { records } = JSON.parse(readFileSync(file, 'utf8')) as { records: { id: string }[] };
  return records.map((record) => `${record.id}/`);
}

/**
 * One page of every page type the site has: for a kind with many pages (records, organisations,
 * services, themes, filtered lists), its largest page. The organisation form is that of the organisation
 * whose form file (/contribute/organisations/<id>.json, which the form fetches) is largest. A type the
 * site lacks is left out.
 */
export function pageTypes(site: string): PageType[] {
  const pages: PageType[] = [];
  const add = (type: string, path: string | undefined) => {
    if (path === undefined) return;
    if (existsSync(join(site, path, 'index.html')) || (path.endsWith('.html') && existsSync(join(site, path)))) pages.push({ type, path });
  };
  add('home', '');
  add('list', 'roadmap/');
  add('filtered list', largest(site, subfolders(site, 'roadmap/status')));
  for (const { name } of RECORD_COLLECTIONS) add(`record: ${name}`, largest(site, recordPaths(site, name)));
  add(
    'organisation',
    largest(
      site,
      subfolders(site, 'organisations').filter((path) => !/^organisations\/(nation|type)\/$/.test(path)),
    ),
  );
  add('service', largest(site, subfolders(site, 'services')));
  add('theme', largest(site, subfolders(site, 'themes')));
  for (const path of ['collaborate/', 'numbers/', 'search/', 'api/', 'feeds/', 'contribute/']) add(path.slice(0, -1), path);
  for (const { name } of RECORD_COLLECTIONS) add(`form: ${name}`, `contribute/new/${name}/`);
  add('organisation picker', 'contribute/organisation/');
  const formFiles = join(site, 'contribute/organisations');
  const biggestFormFile = existsSync(formFiles)
    ? readdirSync(formFiles)
        .filter((name) => name.endsWith('.json'))
        .map((name) => ({ id: name.slice(0, -'.json'.length), size: statSync(join(formFiles, name)).size }))
        .sort((a, b) => b.size - a.size)[0]
    : undefined;
  if (biggestFormFile) add('organisation form', `contribute/organisation/${biggestFormFile.id}/`);
  add('about', 'about/');
  add('404', '404.html');
  return pages;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Each figure's median over the runs, figure by figure. */
export function medianFigures(runs: LighthouseFigures[]): LighthouseFigures {
  const of = (key: keyof LighthouseFigures) => median(runs.map((run) => run[key]));
  return { score: of('score'), fcp: of('fcp'), lcp: of('lcp'), tbt: of('tbt'), cls: of('cls'), bytes: of('bytes') };
}

export function meetsGoal(figures: LighthouseFigures): boolean {
  return figures.score >= GOAL.score && figures.cls < GOAL.cls;
}

/** The parts of a Lighthouse result (LH.Result) read here. */
interface Audit {
  score?: number | null;
  numericValue?: number;
  details?: { items?: Record<string, unknown>[]; overallSavingsBytes?: number };
}
export interface LighthouseResult {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  categories: { performance?: { score: number | null } };
  audits: Record<string, Audit | undefined>;
}

/** A run's figures from Lighthouse's result; an error naming the page when Lighthouse could not measure it. */
export function figuresFrom(result: LighthouseResult, page: string): LighthouseFigures {
  if (result.runtimeError)
    throw new Error(`Lighthouse could not measure ${page}: ${result.runtimeError.code}, ${result.runtimeError.message}`);
  const score = result.categories.performance?.score;
  const value = (id: string) => {
    const number = result.audits[id]?.numericValue;
    if (typeof number !== 'number') throw new Error(`Lighthouse gave no ${id} for ${page}: is this Lighthouse 12?`);
    return number;
  };
  if (typeof score !== 'number') throw new Error(`Lighthouse gave no performance score for ${page}.`);
  return {
    score: Math.round(score * 100),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    bytes: value('total-byte-weight'),
  };
}

export function diagnosticsFrom(result: LighthouseResult): Diagnostics {
  const items = (id: string) => result.audits[id]?.details?.items ?? [];
  const node = (item: Record<string, unknown>) => {
    const found = item.node as { selector?: string; snippet?: string } | undefined;
    return found?.selector ?? found?.snippet ?? 'an element';
  };
  return {
    layoutShifts: items('layout-shifts').map((item) => ({ element: node(item), score: Number(item.score ?? 0) })),
    renderBlocking: items('render-blocking-resources').map((item) => ({
      url: String(item.url ?? ''),
      wastedMs: Number(item.wastedMs ?? 0),
    })),
    unusedJavaScriptBytes: result.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0,
    domElements: result.audits['dom-size']?.numericValue ?? 0,
  };
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

/** The figures as a table in Markdown, a row a page, with the goal's verdict. */
export function lighthouseTable(pages: PageFigures[]): string {
  const rows = [
    ['page type', 'path', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'bytes', 'goal'],
    ...pages.map((page) => [
      page.type,
      `/${page.path}`,
      String(page.median.score),
      ms(page.median.fcp),
      ms(page.median.lcp),
      ms(page.median.tbt),
      page.median.cls.toFixed(3),
      bytes(page.median.bytes),
      page.met ? 'met' : 'NOT met',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** What Lighthouse says about each page that misses the goal, for deciding what to change. */
export function describeMisses(pages: PageFigures[]): string[] {
  const lines: string[] = [];
  for (const page of pages.filter((candidate) => !candidate.met)) {
    const { layoutShifts, renderBlocking, unusedJavaScriptBytes, domElements } = page.diagnostics;
    lines.push(`${page.type} (/${page.path}): score ${page.median.score}, layout shift ${page.median.cls.toFixed(3)}`);
    if (layoutShifts.length > 0)
      lines.push(
        `  moved: ${layoutShifts
          .slice(0, 4)
          .map((shift) => `${shift.element} (${shift.score.toFixed(3)})`)
          .join('; ')}`,
      );
    if (renderBlocking.length > 0)
      lines.push(
        `  held up the first paint: ` +
          `${renderBlocking.map((item) => `${item.url.replace(/^https?:\/\/[^/]+/, '')} (${ms(item.wastedMs)})`).join('; ')}`,
      );
    lines.push(
      `  JavaScript loaded but not run: ${bytes(unusedJavaScriptBytes)}; elements in the page: ${domElements.toLocaleString('en-GB')}`,
    );
  }
  return lines;
}

interface RunningChromium {
  port: number;
  source: string;
  close(): Promise<void>;
}

/** Starts the Chromium that chromium.ts finds, headless, with a DevTools port for Lighthouse. */
async function startChromium(): Promise<RunningChromium> {
  const search = await findChromium();
  if (!search.found) throw new Error(search.problem);
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-chromium-'));
  const args = [
    ...CHROMIUM_ARGS,
    '--headless=new',
    '--remote-debugging-port=0',
    `--user-data-dir=${profile}`,
    '--disable-extensions',
    '--mute-audio',
    '--no-default-browser-check',
    'about:blank',
  ];
  const child: ChildProcess = spawn(search.found.path, args, {
    env: { ...process.env, ...search.found.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let said = '';
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `Chromium (${search.found.path}) did not open its DevTools port within 30 s. It said: ${said.slice(-500) || 'nothing'}`,
            ),
          ),
        30_000,
      );
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        said += chunk;
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Chromium (${search.found.path}) stopped at once (${code ?? signal}). It said: ${said.slice(-500) || 'nothing'}`));
      });
    });
    // Keep reading what it says, so that a full pipe never stalls it.
    child.stderr!.resume();
    return { port, source: search.found.source, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function lighthouseVersion(): string {
  const file = new URL('../../node_modules/lighthouse/package.json', import.meta.url);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'unknown';
}

export async function measureLighthouse(options: LighthouseBenchOptions): Promise<LighthouseBench> {
  const log = options.log ?? (() => {});
  const runs = options.runs ?? 3;
  const only = options.only?.filter(Boolean) ?? [];
  const pages = pageTypes(options.site).filter((page) => only.length === 0 || only.some((word) => page.type.includes(word)));
  if (pages.length === 0)
    throw new Error(
      `No page to measure in ${options.site}${only.length ? ` whose type contains ${only.join(' or ')}` : ''}: is it a built site?`,
    );
  const loadBefore = loadavg()[0];
  const server = await startStaticServer({ root: options.site, base: options.base });
  let chromium: RunningChromium | undefined;
  try {
    chromium = await startChromium();
    log(
      `Lighthouse ${lighthouseVersion()} (mobile, simulated throttling) on ${chromium.source}, ` +
        `${pages.length} pages × ${runs} run(s), served gzipped from ${server.url}`,
    );
    const results = pages.map(() => ({ runs: [] as LighthouseFigures[], diagnostics: [] as Diagnostics[] }));
    for (let run = 1; run <= runs; run++) {
      for (const [index, page] of pages.entries()) {
        const url = `${server.url}${page.path}`;
        const outcome = await lighthouse(url, { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        if (!outcome) throw new Error(`Lighthouse returned nothing for ${url}.`);
        const result = outcome.lhr as unknown as LighthouseResult;
        const figures = figuresFrom(result, url);
        results[index].runs.push(figures);
        results[index].diagnostics.push(diagnosticsFrom(result));
        if (options.reports)
          writeFileSync(join(options.reports, `${page.type.replace(/[^a-z0-9]+/gi, '-')}-${run}.json`), JSON.stringify(outcome.lhr));
        log(
          `  run ${run} of ${runs}, ${page.type} (/${page.path}): score ${figures.score}, FCP ${ms(figures.fcp)}, ` +
            `LCP ${ms(figures.lcp)}, TBT ${ms(figures.tbt)}, CLS ${figures.cls.toFixed(3)}, ${bytes(figures.bytes)}`,
        );
      }
    }
    const measured = pages.map((page, index): PageFigures => {
      const { runs: figures, diagnostics } = results[index];
      const middle = medianFigures(figures);
      const medianRun = figures.findIndex((run) => run.score === median(figures.map((candidate) => candidate.score)));
      return { ...page, runs: figures, median: middle, diagnostics: diagnostics[Math.max(0, medianRun)], met: meetsGoal(middle) };
    });
    return { lighthouse: lighthouseVersion(), chromium: chromium.source, loadBefore, loadAfter: loadavg()[0], runs, pages: measured };
  } finally {
    await chromium?.close();
    await server.close();
  }
}
