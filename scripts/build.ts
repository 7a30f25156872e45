/**
 * npm run build
 *
 * 1. validates the content (the same check as npm run validate) and stops, publishing nothing, on any error;
 *    Astro starts meanwhile, and waits for the validated content;
 * 2. builds the site with Astro into a staging folder (in several Astro processes at once, each rendering a
 *    share of the pages, when HUB_BUILD_SHARDS says so: src/lib/build-shard.ts), and meanwhile
 * 3. indexes it with Pagefind for search (from the validated content: scripts/lib/search-records.ts);
 * 4. checks that every record and organisation has its page, and that every record is exactly once in its
 *    collection's JSON and CSV, its organisation's feed and the search index (src/lib/integrity.ts);
 * 5. writes the sitemap from the pages the build made (src/lib/open-data/sitemap.ts);
 * 6. only then replaces the output folder (HUB_OUT_DIR, default dist/) with the new site.
 *
 * Honours HUB_CONTENT_DIR, HUB_SITE, HUB_BASE and HUB_OUT_DIR (see astro.config.mjs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedPages } from '../src/lib/expected-pages.ts';
import { feedPaths } from '../src/lib/feeds/paths.ts';
import { compareIds, idsInCsv, idsInFeed, idsInJson, type PublishedIds } from '../src/lib/integrity.ts';
import { lastUpdatedDates } from '../src/lib/git-dates.ts';
import { pagePathsFromFiles, sitemapFiles } from '../src/lib/open-data/sitemap.ts';
import { withBase } from '../src/lib/urls.ts';
import { formatText, summaryLine } from '../src/lib/validation/format.ts';
import { UsageError, validateContent } from '../src/lib/validation/validate.ts';
import { SearchIndexError, writeSearchIndex } from './lib/pagefind-index.ts';
import { searchRecords } from './lib/search-records.ts';
import { mergeShard } from './lib/merge-shards.ts';
import { shardCount } from '../src/lib/build-shard.ts';
import { handOverContent } from '../src/astro-loader/content-source.ts';
import { hubConfigFile } from '../src/lib/hub-config.ts';
import { renderBodies } from '../src/lib/markdown.ts';
import { ORGANISATIONS, RECORD_COLLECTION_NAMES } from '../schemas/collections.ts';
import { organisationRegister } from '../src/lib/organisation-register.ts';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const contentDir = resolve(process.env.HUB_CONTENT_DIR || join(root, 'content'));
const outDir = resolve(process.env.HUB_OUT_DIR || join(root, 'dist'));
const stagingDir = `${outDir}.staging`;
const searchDir = `${outDir}.search`;
const validatedFile = `${outDir}.content.v8`;

function step(message: string) {
  console.log(`\n▶ ${message}`);
}

/** Build shards' own output folders (see below), and the processes still running. */
let shardDirs: string[] = [];
const running = new Set<ChildProcess>();

/** Set once the build is being stopped, so that the processes it stops are not reported as failing. */
let stopping = false;

function stop(message: string): never {
  stopping = true;
  console.error(`\n✗ ${message}`);
  for (const child of running) child.kill();
  for (const dir of shardDirs) rmSync(dir, { recursive: true, force: true });
  rmSync(stagingDir, { recursive: true, force: true });
  rmSync(searchDir, { recursive: true, force: true });
  rmSync(validatedFile, { force: true });
  rmSync(`${validatedFile}.partial`, { force: true });
  process.exit(1);
}

/** Stops the build once Astro, started while the content was being validated, has stopped too. */
async function stopOnceStopped(message: string): Promise<never> {
  stopping = true;
  const stopped = [...running].map((child) => new Promise((resolveClose) => child.once('close', resolveClose)));
  for (const child of running) child.kill();
  await Promise.race([Promise.all(stopped), new Promise((resolveWait) => setTimeout(resolveWait, 10_000))]);
  return stop(message);
}

/**
 * The environment for Astro: Vite reads BASE_URL, MODE, DEV, PROD and SSR from the environment into
 * import.meta.env, so a stray BASE_URL (test runners set one) would silently replace HUB_BASE.
 */
function astroEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const reserved of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[reserved];
  if (env.NODE_ENV !== 'production') delete env.NODE_ENV;
  return env;
}

/** Runs a Node script as a child process, its output shown as it comes; resolves when it succeeded. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: root, stdio: 'inherit', env: astroEnvironment(env) });
    running.add(child);
    child.on('close', (status, signal) => {
      running.delete(child);
      if (status !== 0 && !stopping)
        stop(`${args[0] ?? command} failed (exit ${status ?? signal}). Nothing was published; ${outDir} is unchanged.`);
      resolveRun();
    });
  });
}

/**
 * Runs a Node script whose output would only repeat another's (a second build shard): kept quiet, and
 * the end of what it said shown if it fails.
 */
function runQuietly(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: astroEnvironment(env) });
    let said = '';
    const keep = (chunk: Buffer) => {
      said = (said + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    running.add(child);
    child.on('close', (status, signal) => {
      running.delete(child);
      if (status !== 0 && !stopping)
        stop(`${said}\n${name} failed (exit ${status ?? signal}). Nothing was published; ${outDir} is unchanged.`);
      resolveRun();
    });
  });
}

step(`Validating ${contentDir}, while Astro starts`);
rmSync(stagingDir, { recursive: true, force: true });
rmSync(searchDir, { recursive: true, force: true });
// The file goes beside the output folder, whose parent may not exist yet. One left by an earlier build
// must go before Astro starts, which would otherwise read it.
mkdirSync(dirname(outDir), { recursive: true });
rmSync(validatedFile, { force: true });
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
// Astro starts now, while the content is validated below: its first seconds (its configuration, bundling
// the pages with Vite) need no content, and it waits for the validated content (src/hub/hub-entries.ts)
// rather than reading and checking every file again. If the content has errors, it is stopped. It reads
// the configuration the validator checks, wherever that is (src/lib/hub-config.ts).
const astroEnv = { HUB_CONTENT_DIR: contentDir, HUB_VALIDATED_CONTENT: validatedFile, HUB_CONFIG: hubConfigFile(contentDir) };
// With HUB_BUILD_SHARDS, several Astro processes render at once, each making a share of the pages
// (src/lib/build-shard.ts). The others write inside the project, each in a folder of its own: Astro keeps
// the code it renders with beside the output, or in <project>/.astro when the output is elsewhere.
let shards = 1;
try {
  shards = shardCount(process.env.HUB_BUILD_SHARDS);
} catch (error) {
  stop(error instanceof Error ? error.message : String(error));
}
const cacheDir = resolve(root, process.env.HUB_CACHE_DIR || 'node_modules/.astro');
shardDirs = Array.from({ length: shards - 1 }, (_, i) => join(root, '.astro', 'build-shards', `${process.pid}-${i + 1}`));
for (const dir of shardDirs) rmSync(dir, { recursive: true, force: true });
if (shards > 1)
  console.log(`Rendering the pages in ${shards} Astro processes at once, each a share of them; the first one's progress is shown.`);
const building = Promise.all([
  run(astro, ['build'], { ...astroEnv, HUB_OUT_DIR: stagingDir, ...(shards > 1 ? { HUB_BUILD_SHARD: `0/${shards}` } : {}) }),
  ...shardDirs.map((dir, i) =>
    runQuietly(`Astro (shard ${i + 2} of ${shards})`, astro, ['build'], {
      ...astroEnv,
      HUB_OUT_DIR: dir,
      HUB_CACHE_DIR: join(cacheDir, `shard-${i + 1}`),
      HUB_BUILD_SHARD: `${i + 1}/${shards}`,
    }),
  ),
]);

/** An error of the hub's own code while Astro runs: Astro is stopped too, rather than left waiting for content. */
const internalError = (error: unknown) =>
  stopOnceStopped(
    `The build stopped on an internal error, so nothing was built or published (${outDir} is unchanged). ` +
      `Please report it with this message:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );

const report = await (async () => {
  try {
    return validateContent({ contentDir });
  } catch (error) {
    return error instanceof UsageError ? stopOnceStopped(error.message) : internalError(error);
  }
})();
if (report.errors.length > 0) {
  console.error(formatText(report));
  await stopOnceStopped(`The content has errors, so nothing was built or published (${outDir} is unchanged). Fix them and build again.`);
}
console.log(summaryLine(report));
// Each body rendered once, for the pages and for search.
const bodies = await (async () => {
  try {
    const rendered = renderBodies(report.content.records);
    handOverContent(validatedFile, report.content, rendered, report.reference);
    return rendered;
  } catch (error) {
    return internalError(error);
  }
})();

step('Building the site with Astro, and indexing it for search with Pagefind alongside');
// The search index comes from the validated content, not from the pages (scripts/lib/search-records.ts), so
// Pagefind (a process of its own) indexes while Astro builds, into a folder beside the staging one, which
// Astro empties when it starts; the bundle moves into the site once both are done. Its records are made
// once Astro is on its way, so that making them does not hold Astro back.
const indexing = writeSearchIndex({
  records: searchRecords(
    report.content,
    report.reference,
    report.config!.defaultLicence,
    organisationRegister(report.config!.organisations),
    bodies,
  ),
  bundleDir: searchDir,
}).catch((error: unknown) => {
  const reason =
    error instanceof SearchIndexError ? error.message : `Pagefind failed: ${error instanceof Error ? error.message : String(error)}`;
  return stop(`${reason}. Nothing was published; ${outDir} is unchanged.`);
});
await building;
rmSync(validatedFile, { force: true });
if (shardDirs.length > 0) {
  let moved = 0;
  for (const dir of shardDirs) moved += mergeShard(dir, stagingDir).moved;
  console.log(
    `Moved ${moved.toLocaleString('en-GB')} files from the other ` +
      `${shardDirs.length === 1 ? 'shard' : `${shardDirs.length} shards`} into the site.`,
  );
}

step('Indexing for search with Pagefind (started alongside Astro)');
const indexed = await indexing;
const indexedPages = indexed.pages;
console.log(
  `Indexed ${indexed.pages.toLocaleString('en-GB')} pages into ` +
    `${indexed.files.toLocaleString('en-GB')} files (${(indexed.bytes / 1024 / 1024).toFixed(1)} MB); ` +
    (indexed.compaction.compacted
      ? `page list ${Math.round(indexed.compaction.metaBytesBefore / 1024)} KB ` +
        `→ ${Math.round(indexed.compaction.metaBytesAfter / 1024)} KB.`
      : `page list left as Pagefind wrote it (${indexed.compaction.reason}).`),
);

step('Checking every record and organisation has its page');
const missing = expectedPages(report.content).filter((page) => !existsSync(join(stagingDir, page)));
if (missing.length > 0) {
  stop(
    `${missing.length} page(s) are missing from the build, so it was not published: ` +
      `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}. This is a bug in the hub, not in the content: ` +
      `please report it.`,
  );
}
console.log(
  `All ${report.content.records.length.toLocaleString('en-GB')} records and ` +
    `${report.content.organisations.length.toLocaleString('en-GB')} organisations have their pages.`,
);

step('Checking every record is in the open data, the feeds and the search index');
{
  const { records, organisations } = report.content;
  const problems: string[] = [];
  const read = (path: string, ids: (text: string) => string[]): PublishedIds => {
    try {
      return { where: path, ids: ids(readFileSync(join(stagingDir, path), 'utf8')) };
    } catch (error) {
      problems.push(`${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return { where: path, ids: [] };
    }
  };
  const collections = new Map<string, string[]>([['organisations', organisations.map((organisation) => organisation.id)]]);
  for (const record of records) {
    if (!collections.has(record.collection)) collections.set(record.collection, []);
    collections.get(record.collection)!.push(record.id);
  }
  for (const collection of [ORGANISATIONS.name, ...RECORD_COLLECTION_NAMES]) {
    const expected = collections.get(collection) ?? [];
    problems.push(
      ...compareIds(expected, read(`api/v1/${collection}.json`, idsInJson)),
      ...compareIds(expected, read(`api/v1/${collection}.csv`, idsInCsv)),
    );
  }
  // Numbers per organisation name every body that has shared something, once (src/lib/open-data/organisation-numbers-csv.ts).
  const sharing = new Set(records.map((record) => record.organisation));
  problems.push(
    ...compareIds(
      organisations.filter((organisation) => sharing.has(organisation.id)).map((organisation) => organisation.id),
      read('api/v1/organisations-numbers.csv', idsInCsv),
    ),
  );
  // Organisation feeds are complete: together they hold every record once, each in its own organisation's.
  const inFeeds = organisations.flatMap((organisation) =>
    read(feedPaths.organisation(organisation.id), idsInFeed).ids.filter((id) => id.split('/')[1] === organisation.id),
  );
  problems.push(
    ...compareIds(
      records.map((record) => record.id),
      { where: 'the organisations’ feeds', ids: inFeeds },
    ),
  );
  if (indexedPages !== records.length + organisations.length)
    problems.push(
      `the search index holds ${indexedPages} pages, not ${records.length + organisations.length} (every record and organisation)`,
    );
  if (problems.length > 0) {
    stop(
      `The build lost or repeated records, so it was not published (${outDir} is unchanged). ` +
        `This is a bug in the hub, not in the content: please report it.\n  ${problems.join('\n  ')}`,
    );
  }
  console.log(`Every record is once in its collection's JSON and CSV, its organisation's feed and the search index.`);
}

step('Writing the sitemap');
try {
  // Every page the build made, from its index.html files: complete whatever page types are added later.
  const site = process.env.HUB_SITE || 'http://localhost:4321';
  const base = process.env.HUB_BASE || '/';
  const address = (path: string) => new URL(withBase(base, path), site).href;
  // Record and organisation pages carry the date their file last changed in git, when there is history.
  const dates = lastUpdatedDates(contentDir, root);
  const dateOf = (file: string) =>
    dates.get(
      relative(root, resolve(contentDir, '..', file))
        .split('\\')
        .join('/'),
    );
  const lastmod = new Map<string, string | undefined>([
    ...report.content.records.map((record) => [`${record.id}/`, dateOf(record.file)] as const),
    ...report.content.organisations.map((organisation) => [`organisations/${organisation.id}/`, dateOf(organisation.file)] as const),
  ]);
  const pages = pagePathsFromFiles(readdirSync(stagingDir, { recursive: true, encoding: 'utf8' }));
  const files = sitemapFiles(
    pages.map((path) => ({ loc: address(path), lastmod: lastmod.get(path) })),
    address,
  );
  for (const file of files) writeFileSync(join(stagingDir, file.name), file.xml);
  console.log(`Listed ${pages.length.toLocaleString('en-GB')} pages in ${files.map((file) => file.name).join(', ')}.`);
} catch (error) {
  stop(
    `Writing the sitemap failed: ${error instanceof Error ? error.message : String(error)}. Nothing was published; ${outDir} is unchanged.`,
  );
}

// The search bundle moves in last: the sitemap's walk through the pages need not pass its 25,000 files.
renameSync(searchDir, join(stagingDir, 'pagefind'));
rmSync(outDir, { recursive: true, force: true });
renameSync(stagingDir, outDir);
console.log(`\n✓ Built the hub into ${outDir}.`);
