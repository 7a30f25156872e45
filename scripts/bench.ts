/**
 * npm run bench -- [--records N] [--runs R] [--build] [--warm] [--keep] [--query WORD] [--filter NAME=VALUE]
 *                  [--overlap-items N] [--json FILE]
 * npm run bench -- --overlaps-only [--overlap-items N | --records N] [--runs R] [--json FILE]
 * npm run bench -- --harvest-only [--harvest-organisations N] [--harvest-repositories M] [--json FILE]
 * npm run bench -- --site DIR [--base /path/] [--query WORD] [--filter NAME=VALUE]
 * npm run bench -- --pr-only [--records N] [--runs R]
 * npm run bench -- --lighthouse [--site DIR] [--base /path/] [--runs R] [--lighthouse-pages WORD,…]
 *
 * First, always (it takes seconds): the overlap engine (src/lib/overlaps) on N synthetic roadmap items
 * (--overlap-items, default 25,000, or --records with --overlaps-only; scripts/lib/synthetic-roadmap.ts),
 * in this process: the first, cold run and the median of R runs (--runs), with the pairs found, the
 * comparisons made (against all pairs) and the growth of the peak resident memory; then the same on N
 * mixed records, half roadmap items, 30% components and 20% datasets (scripts/lib/synthetic-things.ts),
 * against the same goal. --overlaps-only stops there.
 *
 * Then the harvest (scripts/lib/harvest-bench.ts): N fictional organisations (--harvest-organisations,
 * default 400) with M repositories each (--harvest-repositories, default 50) on a fake GitHub on loopback,
 * harvested twice by the real script: the first run's time, memory, requests and files written, then the
 * second's, with nothing changed upstream (conditional requests: 304s, and nothing written).
 * --harvest-only does only this.
 *
 * Writes N synthetic records (default 25,000) of realistic size over the ~400 real organisations into a
 * temporary folder, then times `npm run validate` on them end to end (a fresh Node process each run, as
 * CI runs it), reporting the median of R runs (default 3).
 *
 * With --build it then runs the whole `npm run build` on them and reports:
 * - wall time, in total and for each step (validate, astro, pagefind, page check, publish);
 * - peak memory: the largest resident set of any one process (exact from GNU time where present, and
 *   per step from sampling /proc);
 * - the output's size (bytes and files);
 * - the bytes a browser downloads from Pagefind for a first search (--query, default "housing", a word
 *   in about a third of the synthetic records) and then a filtered one (--filter), served gzipped as
 *   GitHub Pages serves them and measured in headless Chromium (scripts/lib/search-bytes.ts): once from
 *   the site's own /search/ page, with its interface, and once from a bare page through Pagefind's API
 *   showing five results, which is what the index itself costs whatever the interface.
 * The build is cold (Astro's content-layer cache is cleared first, as on a fresh CI machine) unless --warm.
 *
 * Then, after the validate timing (and alone with --pr-only), pull-request feedback
 * (scripts/lib/pr-feedback-bench.ts): check.yml's validate and report, as separate processes, for a
 * one-file pull request on N synthetic records in a git repository, median of R runs. Goal at 25,000
 * records: under 15 s.
 *
 * With --site it only measures an existing built site's size and search bytes.
 *
 * --lighthouse does only this: Lighthouse's mobile performance audit on one page of every page type
 * (scripts/lib/lighthouse-bench.ts), R runs each, of the repository's own content built with `npm run
 * build` into a temporary folder (under --base), or of the site in --site. --lighthouse-pages keeps the
 * page types whose names contain one of the words ("form,home"). Goal: a score of at least 90 and a
 * layout shift under 0.1 on every page type.
 *
 * Goals (README): 25,000 records validate in under 3 s; a pull request's feedback in under 15 s; the build
 * at most 0.75× the bare baseline, with under 4 GB peak memory; at 50,000 records an output under 1 GB; a
 * first search downloads under 250 KB; overlaps for 25,000 roadmap items in under 5 s; every page type
 * scores at least 90 on Lighthouse (mobile) with a layout shift under 0.1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildBaseline, type BaselineBuild } from './lib/baseline-build.ts';
import { folderSize, type FolderSize } from './lib/folder-size.ts';
import { runMeasured, type MeasuredRun } from './lib/measured-run.ts';
import { measureHarvest, type HarvestBench, type HarvestRunFigures } from './lib/harvest-bench.ts';
import { describePrFeedback, measurePrFeedback, type PrFeedbackBench } from './lib/pr-feedback-bench.ts';
import { describeMisses, lighthouseTable, measureLighthouse, type LighthouseBench } from './lib/lighthouse-bench.ts';
import { measureSearchBytes, type SearchBytes, type Transfer } from './lib/search-bytes.ts';
import { writeSyntheticContent } from './lib/synthetic-content.ts';
import { syntheticRoadmapItems } from './lib/synthetic-roadmap.ts';
import { syntheticMixedItems } from './lib/synthetic-things.ts';
import { findOverlaps, type OverlapItem, type OverlapStats } from '../src/lib/overlaps/index.ts';
import { loadReferenceData, UK_REFERENCE_FILES } from '../src/lib/reference-data.ts';
import { serviceCodeAndLabel } from '../src/lib/services.ts';
import { bytes, count, memory, seconds } from './lib/units.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '25000' },
    runs: { type: 'string', default: '3' },
    build: { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    query: { type: 'string', default: 'housing' },
    filter: { type: 'string', default: 'collection=Roadmap' },
    site: { type: 'string' },
    base: { type: 'string', default: '/' },
    json: { type: 'string' },
    'overlaps-only': { type: 'boolean', default: false },
    'overlap-items': { type: 'string' },
    'harvest-only': { type: 'boolean', default: false },
    'harvest-organisations': { type: 'string', default: '400' },
    'harvest-repositories': { type: 'string', default: '50' },
    'pr-only': { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    'lighthouse-pages': { type: 'string', default: '' },
  },
  strict: true,
});
const records = Number(values.records);
const runs = Number(values.runs);
// With --overlaps-only, --records says how many items too (npm run bench -- --overlaps-only --records 25000).
const overlapItems = Number(values['overlap-items'] ?? (values['overlaps-only'] ? values.records : '25000'));
const harvestOrganisations = Number(values['harvest-organisations']);
const harvestRepositories = Number(values['harvest-repositories']);
if (![harvestOrganisations, harvestRepositories].every((value) => Number.isInteger(value) && value >= 1)) {
  console.error(
    'bench: --harvest-organisations and --harvest-repositories take whole numbers above 0, ' +
      'e.g. npm run bench -- --harvest-only --harvest-organisations 400 --harvest-repositories 50',
  );
  process.exit(2);
}
const filterMatch = /^([^=]+)=(.+)$/.exec(values.filter);
if (
  !Number.isInteger(records) ||
  records < 1 ||
  !Number.isInteger(runs) ||
  runs < 1 ||
  !Number.isInteger(overlapItems) ||
  overlapItems < 2 ||
  !filterMatch
) {
  console.error(
    'bench: --records, --runs and --overlap-items take whole numbers above 0 (--overlap-items at least 2) ' +
      'and --filter takes NAME=VALUE, e.g. npm run bench -- --records 25000 --runs 3 --build --filter collection=Roadmap',
  );
  process.exit(2);
}
const filter = { [filterMatch[1]]: [filterMatch[2]] };

const GOALS = { validateSeconds: 3, baselineRatio: 0.75, peakKb: 4 * 1024 * 1024, firstSearchBytes: 250 * 1024, overlapSeconds: 5 };
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

/** Stops the benchmark with a message, after the temporary folder is removed. */
class BenchFailure extends Error {}

interface OverlapReport {
  items: number;
  organisations: number;
  /** Seconds to make the synthetic items (not part of the measurement). */
  generateSeconds: number;
  /** Seconds of each run, the first cold (a fresh process: nothing compiled or warmed yet). */
  runs: number[];
  coldSeconds: number;
  medianSeconds: number;
  pairs: number;
  stats: OverlapStats;
  /** How much the process's peak resident set grew during the first run (KiB), and the peak after it. */
  peakRssGrowthKb: number;
  peakRssKb: number;
  /** Heap held by one result (bytes), measured between full collections. */
  resultHeapBytes: number;
  goalSeconds: number;
  met: boolean;
}

interface Report {
  machine: string;
  overlaps?: OverlapReport;
  /** The same on mixed records: roadmap items, components and datasets. */
  overlapsMixed?: OverlapReport;
  harvest?: HarvestBench;
  records?: number;
  validateSeconds?: number;
  prFeedback?: PrFeedbackBench;
  build?: Omit<MeasuredRun, 'tail'> & { pages: number; cold: boolean; loadBefore: number };
  output?: FolderSize & { pagefind: FolderSize; folders: Record<string, FolderSize>; artifactBytes?: number };
  baseline?: BaselineBuild & { ratio: number };
  search?: SearchBytes[];
  lighthouse?: LighthouseBench;
}

function describeTransfer(transfer: Transfer): string {
  const parts = Object.entries(transfer.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, size]) => `${kind} ${bytes(size)}`);
  return `${bytes(transfer.bytes)} in ${transfer.requests} request(s)${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

/**
 * The size of the site as actions/upload-pages-artifact uploads it: a tar of the folder, which
 * actions/upload-artifact compresses (deflate, level 6; gzip -6 gives the same within a percent). GitHub's
 * deploy warns when this passes 1 GB. Undefined where tar or gzip is missing.
 */
function pagesArtifactBytes(site: string): number | undefined {
  const result = spawnSync('sh', ['-c', 'tar -cf - --exclude=.git -C "$1" . | gzip -6 | wc -c', 'sh', site], { encoding: 'utf8' });
  const size = Number(result.stdout.trim());
  return result.status === 0 && size > 0 ? size : undefined;
}

async function measureSite(site: string, base: string, report: Report): Promise<void> {
  const total = folderSize(site);
  const pagefind = existsSync(join(site, 'pagefind')) ? folderSize(join(site, 'pagefind')) : { bytes: 0, files: 0 };
  const folders = Object.fromEntries(
    readdirSync(site, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name, folderSize(join(site, entry.name))] as const)
      .sort(([, a], [, b]) => b.bytes - a.bytes),
  );
  const artifactBytes = pagesArtifactBytes(site);
  report.output = { ...total, pagefind, folders, ...(artifactBytes !== undefined ? { artifactBytes } : {}) };
  console.log(
    `\nOutput: ${bytes(total.bytes)} in ${count(total.files)} files (of which pagefind/: ` +
      `${bytes(pagefind.bytes)} in ${count(pagefind.files)} files)` +
      (report.records ? `, ${bytes(total.bytes / report.records)} a record` : ''),
  );
  if (artifactBytes !== undefined)
    console.log(
      `  as the Pages artifact (a tar, compressed as actions/upload-artifact does, ` +
        `the size GitHub's deploy checks): ${bytes(artifactBytes)}`,
    );
  console.log(`  goal at 50,000 records: under 1 GB uncompressed (GitHub Pages' limit), aiming for under 700 MB`);
  for (const [name, size] of Object.entries(folders))
    console.log(`  ${`${name}/`.padEnd(16)} ${bytes(size.bytes).padStart(10)} in ${count(size.files).padStart(7)} files`);
  if (!existsSync(join(site, 'pagefind/pagefind.js'))) {
    console.log('No Pagefind bundle in the site: search bytes not measured.');
    return;
  }
  console.log(`\nMeasuring what a browser downloads to search (headless Chromium, gzip as GitHub Pages serves it) …`);
  const hasSearchPage = existsSync(join(site, 'search/index.html'));
  const measured: SearchBytes[] = [];
  if (hasSearchPage)
    measured.push(
      await measureSearchBytes({ site, base, query: values.query, filter, usePage: true, log: (message) => console.log(`  ${message}`) }),
    );
  measured.push(
    await measureSearchBytes({ site, base, query: values.query, filter, usePage: false, log: (message) => console.log(`  ${message}`) }),
  );
  report.search = measured;
  for (const search of measured) {
    const missingFilters = ['collection', 'organisation', 'service', 'theme', 'status', 'licence'].filter(
      (name) => !(name in search.filterList.filters),
    );
    const missingMeta = ['title', 'organisation', 'collection', 'summary'].filter((name) => !search.first.firstMeta[name]);
    console.log(
      search.page === 'search/'
        ? `\nSearch from the site’s own page, /search/ (what people download today, with its interface):`
        : `\nSearch through Pagefind’s API from a bare page, ` +
            `showing five results (what the index itself costs${hasSearchPage ? ', whatever the interface' : ''}):`,
    );
    if (search.opening) console.log(`  opening the page, before any search: ${describeTransfer(search.opening)}`);
    console.log(
      `  first search for “${search.query}” (${count(search.first.results)} results; ` +
        `by ${search.first.by === 'page' ? 'the page' : 'the API'}): ${describeTransfer(search.first)}`,
    );
    console.log(`    goal: under ${bytes(GOALS.firstSearchBytes)}: ${verdict(search.first.bytes < GOALS.firstSearchBytes)}`);
    console.log(
      `  then filtered by ${values.filter} (${count(search.filtered.results)} results; ` +
        `by ${search.filtered.by === 'page' ? 'the page' : 'the API'}): ${describeTransfer(search.filtered)}`,
    );
    console.log(`  then every filter’s values, as a filter pane asks: ${describeTransfer(search.filterList)}`);
    console.log(
      `  filters: ${
        Object.entries(search.filterList.filters)
          .map(([name, values]) => `${name} (${count(values)} values)`)
          .join(', ') || 'none'
      }`,
    );
    console.log(`  first result: ${search.first.firstUrl} with metadata ${Object.keys(search.first.firstMeta).join(', ') || 'none'}`);
    if (missingFilters.length > 0) console.log(`  ✗ the index lacks filters: ${missingFilters.join(', ')}`);
    if (missingMeta.length > 0) console.log(`  ✗ results lack metadata: ${missingMeta.join(', ')}`);
  }
}

/**
 * Times findOverlaps on synthetic roadmap items, then on as many mixed records (roadmap items, components
 * and datasets), in this process; see timeOverlaps.
 */
function measureOverlaps(report: Report): void {
  console.log(`Making ${count(overlapItems)} synthetic roadmap items (scripts/lib/synthetic-roadmap.ts) …`);
  let start = process.hrtime.bigint();
  const roadmap = syntheticRoadmapItems({ items: overlapItems, source: join(root, 'content'), group: 'real' });
  report.overlaps = timeOverlaps(roadmap, elapsed(start), 'roadmap items');
  console.log(`\nMaking ${count(overlapItems)} synthetic mixed records (scripts/lib/synthetic-things.ts) …`);
  start = process.hrtime.bigint();
  const mixed = syntheticMixedItems({ items: overlapItems, source: join(root, 'content'), group: 'real' });
  report.overlapsMixed = timeOverlaps(mixed, elapsed(start), 'mixed records');
  const kinds = new Map<string, number>();
  for (const item of mixed.items) kinds.set(item.kind ?? 'roadmap', (kinds.get(item.kind ?? 'roadmap') ?? 0) + 1);
  console.log(`  the records: ${[...kinds].map(([kind, number]) => `${count(number)} ${kind}`).join(', ')}`);
}

/**
 * Times findOverlaps on synthetic items: a cold first run, then the others; reports the median over all
 * runs and the cold one. Memory: the growth of the peak resident set during the first run
 * (process.resourceUsage().maxRSS, which only rises) and the heap one result holds.
 */
function timeOverlaps(
  { items, organisations, themeLabels: themes }: { items: OverlapItem[]; organisations: number; themeLabels: Map<string, string> },
  generateSeconds: number,
  what: string,
): OverlapReport {
  const reference = loadReferenceData(UK_REFERENCE_FILES);
  const labels = { service: (id: number) => serviceCodeAndLabel(reference, id), theme: (id: string) => themes.get(id) ?? id };
  console.log(
    `Made ${count(items.length)} ${what} for ${count(organisations)} organisations in ` +
      `${seconds(generateSeconds)}. Finding overlaps, ${runs} run(s), the first cold …`,
  );

  const times: number[] = [];
  let pairs = 0;
  let stats: OverlapStats | undefined;
  let peakRssGrowthKb = 0;
  let resultHeapBytes = 0;
  // A full collection before each run and after the first, so the heap a result holds is measured
  // exactly: node's gc() made available at run time (the same as starting node with --expose-gc).
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as (() => void) | undefined;
  for (let run = 1; run <= runs; run++) {
    collect?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const peakBefore = process.resourceUsage().maxRSS;
    const start = process.hrtime.bigint();
    const result = findOverlaps(items, labels, { today: '2026-11' });
    const time = elapsed(start);
    times.push(time);
    if (run === 1) {
      peakRssGrowthKb = process.resourceUsage().maxRSS - peakBefore;
      collect?.();
      resultHeapBytes = Math.max(0, process.memoryUsage().heapUsed - heapBefore);
    }
    pairs = result.pairs.length;
    stats = result.stats;
    console.log(`  Run ${run} of ${runs}${run === 1 ? ' (cold)' : ''}: ${count(result.pairs.length)} pairs in ${time.toFixed(2)} s`);
  }
  const medianSeconds = median(times);
  const met = medianSeconds < GOALS.overlapSeconds;
  const measured: OverlapReport = {
    items: items.length,
    organisations,
    generateSeconds,
    runs: times,
    coldSeconds: times[0],
    medianSeconds,
    pairs,
    stats: stats!,
    peakRssGrowthKb,
    peakRssKb: process.resourceUsage().maxRSS,
    resultHeapBytes,
    goalSeconds: GOALS.overlapSeconds,
    met,
  };
  const { candidatesCompared, allPairs, postingsVisited } = stats!;
  console.log(
    `\nOverlaps: ${count(items.length)} ${what} → ${count(pairs)} pairs in ${medianSeconds.toFixed(2)} s` +
      (runs > 1 ? ` (median of ${runs}; cold first run ${times[0].toFixed(2)} s)` : ' (one cold run)') +
      (items.length === 25000 ? ` (goal under ${GOALS.overlapSeconds} s: ${verdict(met)})` : ''),
  );
  console.log(
    `  ${count(candidatesCompared)} pairs compared of ${count(allPairs)} possible ` +
      `(${((100 * candidatesCompared) / Math.max(1, allPairs)).toFixed(2)}%), ${count(postingsVisited)} index entries visited`,
  );
  console.log(
    `  memory: peak resident set ${memory(measured.peakRssKb)}, ` +
      `grew ${memory(peakRssGrowthKb)} during the first run; one result holds ${bytes(resultHeapBytes)} of heap`,
  );
  return measured;
}

/** check.yml's validate and report for a one-file pull request (scripts/lib/pr-feedback-bench.ts). */
function benchPrFeedback(report: Report): void {
  try {
    report.prFeedback = measurePrFeedback({ records, runs, root, keep: values.keep, log: (line) => console.log(line) });
  } catch (error) {
    throw new BenchFailure(`Pull-request feedback: ${(error as Error).message}`);
  }
  console.log(`\n${describePrFeedback(report.prFeedback).join('\n')}`);
}

/** The harvest of many organisations against a fake GitHub, twice (scripts/lib/harvest-bench.ts). */
async function benchHarvest(report: Report): Promise<void> {
  const harvest = await measureHarvest({
    organisations: harvestOrganisations,
    repositoriesEach: harvestRepositories,
    root,
    log: (line) => console.log(line),
  });
  report.harvest = harvest;
  const describe = (figures: HarvestRunFigures) =>
    `${seconds(figures.seconds)}, peak ${memory(figures.peakKb)}, ` +
    `${count(figures.requests)} requests (${count(figures.notModified)} answered 304), ${count(figures.written)} files written`;
  for (const [name, figures] of [
    ['first run', harvest.first],
    ['second run', harvest.second],
  ] as const) {
    if (figures.status !== 0) throw new BenchFailure(`The harvest's ${name} exited with ${figures.status}.`);
  }
  console.log(`\nHarvest: ${count(harvest.organisations)} organisations × ${harvest.repositoriesEach} repositories on a fake GitHub`);
  console.log(`  first run:  ${describe(harvest.first)}`);
  console.log(`  second run, nothing changed upstream: ${describe(harvest.second)}`);
}

async function main(): Promise<void> {
  const report: Report = { machine: `${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}` };
  console.log(`Machine: ${report.machine}`);

  if (values.lighthouse) {
    await benchLighthouse(report);
    return finish(report);
  }
  if (values.site) {
    await measureSite(resolve(values.site), values.base, report);
    return finish(report);
  }
  if (values['pr-only']) {
    benchPrFeedback(report);
    return finish(report);
  }

  if (!values['harvest-only']) {
    measureOverlaps(report);
    if (values['overlaps-only']) return finish(report);
    console.log('');
  }
  await benchHarvest(report);
  if (values['harvest-only']) return finish(report);
  console.log('');

  const target = mkdtempSync(join(tmpdir(), 'council-commons-bench-'));
  const contentDir = join(target, 'content');
  const outDir = join(target, 'dist');
  try {
    console.log(`Writing ${count(records)} synthetic records to ${contentDir} …`);
    let start = process.hrtime.bigint();
    const written = writeSyntheticContent({
      records,
      target: contentDir,
      source: join(root, 'content'),
      onProgress: (done) => console.log(`  ${count(done)} written`),
    });
    report.records = written.records;
    console.log(`Wrote ${count(written.records)} records for ${written.organisations} organisations in ${seconds(elapsed(start))}.`);

    const times: number[] = [];
    for (let run = 1; run <= runs; run++) {
      start = process.hrtime.bigint();
      // npm run validate itself, with the Node settings package.json gives it (a larger young generation,
      // which spends less time collecting the garbage of 25,000 parsed files).
      const result = spawnSync('npm', ['run', '--silent', 'validate', '--', '--content', contentDir, '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
      const time = elapsed(start);
      if (result.status !== 0) {
        throw new BenchFailure(
          `Run ${run}: the validator exited ${result.status}; ` +
            `the synthetic content should be valid.\n${result.stderr}${result.stdout.slice(0, 2000)}`,
        );
      }
      const validated = JSON.parse(result.stdout) as { records: number };
      times.push(time);
      console.log(`Run ${run} of ${runs}: validated ${count(validated.records)} files in ${time.toFixed(2)} s`);
    }
    report.validateSeconds = median(times);
    console.log(
      `\nnpm run validate, ${count(written.records)} records (+ ${written.organisations} organisations): ` +
        `median ${report.validateSeconds.toFixed(2)} s over ${runs} run(s)` +
        (records === 25000 ? ` (goal: under ${GOALS.validateSeconds} s: ${verdict(report.validateSeconds < GOALS.validateSeconds)})` : ''),
    );
    console.log('');
    benchPrFeedback(report);

    if (values.build) {
      await build(contentDir, outDir, written.records, report);
      await measureSite(outDir, '/', report);
    }
    finish(report);
  } finally {
    if (values.keep) console.log(`Kept ${target}`);
    else rmSync(target, { recursive: true, force: true });
  }
}

async function build(contentDir: string, outDir: string, recordCount: number, report: Report): Promise<void> {
  // Astro's cache of its own beside the output, so that a test run at the same time keeps its own.
  const cacheDir = `${outDir}.astro-cache`;
  if (!values.warm) rmSync(cacheDir, { recursive: true, force: true });
  const [loadBefore] = loadavg();
  console.log(
    `\nBuilding the site from ${count(recordCount)} records with npm run build ` +
      `(${values.warm ? 'warm: Astro’s content-layer cache kept' : 'cold: Astro’s content-layer cache cleared'}) …`,
  );
  if (loadBefore > 0.7)
    console.log(
      `  Note: the machine is already busy (load average ${loadBefore.toFixed(2)} on ` +
        `${availableParallelism()} cores); times will be longer than on an idle machine.`,
    );
  let pages = 0;
  const result = await runMeasured(process.execPath, [join(root, 'scripts/build.ts')], {
    cwd: root,
    env: { ...process.env, HUB_CONTENT_DIR: contentDir, HUB_OUT_DIR: outDir, HUB_CACHE_DIR: cacheDir },
    steps: [
      // Astro starts meanwhile, then waits for the validated content and the bodies rendered once.
      { name: 'validate', starts: /^▶ Validating/ },
      // Pagefind indexes in a process of its own while Astro builds; 'pagefind' is any wait for it after.
      { name: 'astro', starts: /^▶ Building the site with Astro/ },
      { name: 'pagefind', starts: /^▶ Indexing for search/ },
      { name: 'page check', starts: /^▶ Checking every record and organisation/ },
      { name: 'integrity', starts: /^▶ Checking every record is in/ },
      { name: 'sitemap', starts: /^▶ Writing the sitemap/ },
    ],
    onLine: (line) => {
      if (/[├└]─ \//.test(line)) pages++;
      else if (/^(▶|✓|✗)/.test(line)) console.log(`  ${line}`);
      else if (/\[content\] Synced content|\[build\] .*page\(s\) built in|^Indexed [\d,]+ pages/.test(line))
        console.log(`    ${line.replace(/^\d\d:\d\d:\d\d /, '')}`);
    },
    onProgress: (progress) =>
      console.log(
        `    … ${progress.step} ${Math.round(progress.stepSeconds)} s (total ` +
          `${Math.round(progress.seconds)} s)${progress.step === 'astro' && pages ? `, ${count(pages)} pages written` : ''}, ` +
          `largest process now ${memory(progress.rssKb)}`,
      ),
  });
  if (result.status !== 0) {
    throw new BenchFailure(`The build exited ${result.status ?? result.signal}. Its last lines:\n${result.tail.slice(-40).join('\n')}`);
  }
  const { tail: _tail, ...measured } = result;
  report.build = { ...measured, pages, cold: !values.warm, loadBefore };
  console.log(`\nnpm run build, ${count(recordCount)} records (${count(pages)} pages), ${values.warm ? 'warm' : 'cold'}:`);
  for (const step of result.steps)
    console.log(
      `  ${step.name.padEnd(11)} ${seconds(step.seconds).padStart(8)}   largest process ${memory(step.peakKb).padStart(8)}  ` +
        `(${step.peakProcess || '–'})`,
    );
  console.log(
    `  ${'total'.padEnd(11)} ${seconds(result.seconds).padStart(8)}   largest process ${memory(result.peakKb).padStart(8)}  ` +
      `(${result.peakSource === 'time' ? 'exact, GNU time' : 'sampled from /proc'}; ${result.peakProcess})`,
  );
  console.log(
    `  all processes together at their peak: ${memory(result.treePeakKb)} (sampled: Astro, Pagefind and the build script side by side)`,
  );
  if (recordCount === 25000) console.log(`  goal: under ${memory(GOALS.peakKb)}: ${verdict(result.peakKb < GOALS.peakKb)}`);

  // The bare baseline (bench/baseline/) from the same content, right after, for the ratio.
  console.log(
    `\nBuilding the bare baseline (bench/baseline: Astro, a glob loader, ` +
      `one page per record and organisation, Pagefind's CLI) from the same records …`,
  );
  const baseline = await buildBaseline(root, contentDir, `${outDir}-baseline`, (line) => console.log(line));
  rmSync(`${outDir}-baseline`, { recursive: true, force: true });
  if (baseline.status !== 0)
    throw new BenchFailure(`The baseline's build exited ${baseline.status}. Its last lines:\n${baseline.tail.slice(-40).join('\n')}`);
  const ratio = result.seconds / baseline.seconds;
  report.baseline = { ...baseline, tail: [], ratio };
  console.log(
    `  baseline: ${seconds(baseline.seconds)} (Astro ${seconds(baseline.astroSeconds)} for ${count(baseline.pages)} pages, ` +
      `Pagefind ${seconds(baseline.pagefindSeconds)}), largest process ${memory(baseline.peakKb)}`,
  );
  console.log(
    `  the hub's build: ${seconds(result.seconds)}, ${ratio.toFixed(2)}× the baseline` +
      (recordCount === 25000 ? ` (goal at most ${GOALS.baselineRatio}×: ${verdict(ratio <= GOALS.baselineRatio)})` : ''),
  );
}

/** Lighthouse on every page type of --site, or of the repository's own content built into a temporary folder. */
async function benchLighthouse(report: Report): Promise<void> {
  const target = values.site ? undefined : mkdtempSync(join(tmpdir(), 'council-commons-lighthouse-'));
  try {
    if (target) {
      // Its own output and Astro cache, so that builds and test runs at the same time keep theirs.
      console.log(`Building the repository's content with npm run build into ${join(target, 'site')} (base ${values.base}) …`);
      const env = { ...process.env, HUB_OUT_DIR: join(target, 'site'), HUB_CACHE_DIR: join(target, 'astro-cache'), HUB_BASE: values.base };
      const built = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
        cwd: root,
        encoding: 'utf8',
        env,
        maxBuffer: 256 * 1024 * 1024,
      });
      if (built.status !== 0)
        throw new BenchFailure(
          `The build exited ${built.status ?? built.signal}. Its last lines:\n` +
            `${`${built.stdout}${built.stderr}`.split('\n').slice(-40).join('\n')}`,
        );
    }
    const site = values.site ? resolve(values.site) : join(target!, 'site');
    const result = await measureLighthouse({
      site,
      base: values.base,
      runs,
      only: values['lighthouse-pages'].split(','),
      log: (line) => console.log(line),
    });
    report.lighthouse = result;
    console.log(
      `\nLighthouse ${result.lighthouse}, mobile, median of ${result.runs} run(s) ` +
        `(load average ${result.loadBefore.toFixed(2)} before, ${result.loadAfter.toFixed(2)} after, ` +
        `on ${availableParallelism()} cores):\n`,
    );
    console.log(lighthouseTable(result.pages));
    const missed = describeMisses(result.pages);
    console.log(`\nGoal (score at least 90, layout shift under 0.1) on every page type: ${verdict(missed.length === 0)}`);
    for (const line of missed) console.log(`  ${line}`);
  } finally {
    if (target) rmSync(target, { recursive: true, force: true });
  }
}

function finish(report: Report): void {
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nWrote the figures to ${values.json}`);
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchFailure)) throw error;
  console.error(`\n✗ ${error.message}`);
  process.exitCode = 1;
}
