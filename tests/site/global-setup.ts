/**
 * Global setup of the 'site' project: builds two sites once per run, each under the base path
 * /council-commons/ (so that base-path bugs show up), and serves each on its own port on 127.0.0.1:
 *   - the demonstration site, from the repository's content/ (what the browser, accessibility, HTML,
 *     link and budget tests check);
 *   - the fixture site: the small test baseline, plus one hostile record (what safe-markdown.test.ts
 *     opens), enough roadmap items for the roadmap list to run to a second page (the demonstration
 *     content fits on one), the accepted cases of the hostile-input corpus (hostile-pages.test.ts) and
 *     the messy-HTML corpus (messy-html.test.ts).
 * Tests read the addresses and folders with inject('demoUrl') and so on.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { stringify } from 'yaml';
import { contentFixture, removeFixtures, ROOT } from '../helpers/content.ts';
import { applyCase, SITE_CASES as HOSTILE_SITE_CASES } from '../hostile/cases.ts';
import { addMessyCases } from '../messy/cases.ts';
import { HOSTILE_MARKDOWN, HOSTILE_RECORD } from './hostile.ts';
import { PAGINATION_ITEMS, paginationItem } from './pages.ts';
import { serveSite, type StaticSite } from './server.ts';

export const BASE = '/council-commons/';

/** The second hub in the repository, built from its own configuration and content (examples/ireland/). */
export const EXAMPLE_HUB = 'examples/ireland';

/**
 * The fixture site's hub configuration: a visibly fictional hub, with a default licence other than the UK
 * hub's, and the same service list (the test content names its services) under another name.
 */
export const FIXTURE_HUB = {
  name: 'Testshire Exchange',
  tagline: 'Where the fictional bodies of Testshire share their work, for the hub’s tests.',
  description: 'A fictional hub built from the test content, to show that the configuration decides what the pages say.',
  repository: 'testshire/exchange',
  branch: 'trunk',
  defaultLicence: 'CC-BY-4.0',
  services: { name: 'Testshire Service Catalogue', abbreviation: 'TSC' },
  /** Its own UI text (translations/en-GB.yaml beside its configuration), over the English that comes with the hub. */
  uiText: {
    'skipLink.label': 'Skip to the main content of Testshire',
    'footer.feeds': 'Testshire’s feeds',
    'breadcrumbs.home': 'Testshire start',
    'pagination.next': 'Onward',
    'pageMeta.report': 'Tell Testshire of a problem',
  },
};
const FIXTURE_HUB_CONFIG = [
  `name: ${FIXTURE_HUB.name}`,
  `tagline: ${FIXTURE_HUB.tagline}`,
  `description: ${FIXTURE_HUB.description}`,
  'repository:',
  `  github: ${FIXTURE_HUB.repository}`,
  `  branch: ${FIXTURE_HUB.branch}`,
  `defaultLicence: ${FIXTURE_HUB.defaultLicence}`,
  'translations: translations',
  // Welsh as the UK hub has it: the hostile records give Welsh titles, which the pages mark with lang="cy".
  'languages:',
  '  - { code: en-GB, name: English }',
  '  - { code: cy, name: Welsh, ownName: Cymraeg }',
  'services:',
  `  name: ${FIXTURE_HUB.services.name}`,
  `  abbreviation: ${FIXTURE_HUB.services.abbreviation}`,
  `  file: ${join(ROOT, 'data/reference/services.csv')}`,
  '  idColumn: lgsl_id',
  // The UK hub's organisation register: the test content's bodies are English councils and community groups.
  organisationsSection(),
].join('\n');

/** The organisations section of the project's hub.config.yaml (its last), as it is. */
function organisationsSection(): string {
  const text = readFileSync(join(ROOT, 'hub.config.yaml'), 'utf8');
  const start = text.search(/^organisations:/m);
  if (start === -1) throw new Error('hub.config.yaml has no organisations section');
  return text.slice(start);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The path the sites are served under: /council-commons/ */
    base: string;
    /** The demonstration site's address, with the base path: http://127.0.0.1:<port>/council-commons/ */
    demoUrl: string;
    /** The demonstration site's built folder. */
    demoDir: string;
    /** The repository's content folder the demonstration site was built from. */
    demoContentDir: string;
    /** The fixture site's address, with the base path. */
    fixtureUrl: string;
    fixtureDir: string;
    fixtureContentDir: string;
    /** Why the fixture site did not build (empty when it did). */
    fixtureBuildError: string;
    /** The example hub's address, with the base path, and its built folder. */
    exampleUrl: string;
    exampleDir: string;
    /** Why the example hub did not build (empty when it did). */
    exampleBuildError: string;
  }
}

/**
 * The environment for a child process: without what Vitest adds (BASE_URL, NODE_ENV=test, MODE, VITEST…),
 * which would leak into Astro and Vite.
 */
export function cleanEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(BASE_URL|NODE_ENV|MODE|DEV|PROD|SSR|TEST|VITEST.*|__VITEST.*)$/.test(key)) delete env[key];
  }
  const result: NodeJS.ProcessEnv = { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  // A key given as undefined is left out, rather than passed on as the word "undefined".
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete result[key];
  return result;
}

/** Runs `node scripts/build.ts` and resolves with its exit code and output. */
function build(env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: cleanEnvironment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (status) => resolve({ status, output, seconds: (Date.now() - started) / 1000 }));
  });
}

export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'council-commons-site-'));
  const servers: StaticSite[] = [];
  const teardown = async () => {
    await Promise.all(servers.map((server) => server.close()));
    removeFixtures();
    if (!process.env.HUB_KEEP_TEST_SITES) rmSync(work, { recursive: true, force: true });
  };

  try {
    // The demonstration site. The server starts first, on a free port, so that HUB_SITE can name it.
    const demoDir = join(work, 'demo');
    const demo = await serveSite(demoDir, BASE);
    servers.push(demo);
    const demoBuild = await build({ HUB_CONTENT_DIR: join(ROOT, 'content'), HUB_OUT_DIR: demoDir, HUB_BASE: BASE, HUB_SITE: demo.origin });
    if (demoBuild.status !== 0) {
      throw new Error(
        `The demonstration site did not build (exit ${demoBuild.status}), ` +
          `so no site test can run. The build said:\n${demoBuild.output.slice(-4000)}`,
      );
    }
    console.log(`[site] Built the demonstration site in ${demoBuild.seconds.toFixed(1)} s; serving it at ${demo.url}`);

    // The fixture site: the test baseline, one record that tries to run script, and enough roadmap items to paginate.
    const content = contentFixture();
    mkdirSync(join(content, HOSTILE_RECORD.collection, HOSTILE_RECORD.organisation), { recursive: true });
    writeFileSync(join(content, HOSTILE_RECORD.collection, HOSTILE_RECORD.organisation, `${HOSTILE_RECORD.slug}.md`), HOSTILE_MARKDOWN);
    for (let number = 1; number <= PAGINATION_ITEMS; number++) {
      const item = paginationItem(number);
      writeFileSync(join(content, 'roadmap', 'ashdown', `${item.slug}.md`), item.markdown);
    }
    // The accepted cases of the hostile-input corpus (tests/hostile/cases.ts): hostile text in every field of
    // every record type, Markdown attacks, a byte-order mark and CRLF, deep nesting and many links, which
    // tests/site/hostile-pages.test.ts opens. They are valid content, so the build must still succeed.
    const outside = join(work, 'outside');
    mkdirSync(outside);
    for (const hostileCase of HOSTILE_SITE_CASES) applyCase(hostileCase, content, outside);
    // The messy-HTML corpus (tests/messy/cases.ts), whose pages tests/site/messy-html.test.ts opens.
    addMessyCases(content);
    const fixtureDir = join(work, 'fixture');
    const fixture = await serveSite(fixtureDir, BASE);
    servers.push(fixture);
    // Built with a hub configuration of its own (another name, tagline, repository and default licence), so
    // that tests/site/hub-config.test.ts sees the configuration, not the code, decide what the pages say.
    const fixtureConfig = join(work, 'hub.config.yaml');
    writeFileSync(fixtureConfig, FIXTURE_HUB_CONFIG);
    mkdirSync(join(work, 'translations'));
    writeFileSync(join(work, 'translations', 'en-GB.yaml'), stringify(FIXTURE_HUB.uiText));
    const fixtureBuild = await build({
      HUB_CONTENT_DIR: content,
      HUB_OUT_DIR: fixtureDir,
      HUB_BASE: BASE,
      HUB_SITE: fixture.origin,
      HUB_CONFIG: fixtureConfig,
      // The configuration's repository, not the one a CI run on GitHub Actions would put in its place.
      GITHUB_REPOSITORY: undefined,
      HUB_REPOSITORY: undefined,
      HUB_BRANCH: undefined,
    });
    const fixtureBuildError =
      fixtureBuild.status === 0
        ? ''
        : `The fixture site (test baseline, hostile record, extra roadmap items) ` +
          `did not build (exit ${fixtureBuild.status}):\n${fixtureBuild.output.slice(-4000)}`;
    if (fixtureBuildError) console.log(`[site] ${fixtureBuildError}`);
    else console.log(`[site] Built the fixture site in ${fixtureBuild.seconds.toFixed(1)} s; serving it at ${fixture.url}`);

    // The example hub (examples/ireland): another country's hub from its own configuration and content alone.
    const exampleDir = join(work, 'example');
    const example = await serveSite(exampleDir, BASE);
    servers.push(example);
    const exampleBuild = await build({
      HUB_CONTENT_DIR: join(ROOT, EXAMPLE_HUB, 'content'),
      HUB_OUT_DIR: exampleDir,
      HUB_BASE: BASE,
      HUB_SITE: example.origin,
      HUB_CONFIG: join(ROOT, EXAMPLE_HUB, 'hub.config.yaml'),
      GITHUB_REPOSITORY: undefined,
      HUB_REPOSITORY: undefined,
      HUB_BRANCH: undefined,
    });
    const exampleBuildError =
      exampleBuild.status === 0
        ? ''
        : `The example hub (${EXAMPLE_HUB}) did not build (exit ${exampleBuild.status}):\n${exampleBuild.output.slice(-4000)}`;
    if (exampleBuildError) console.log(`[site] ${exampleBuildError}`);
    else console.log(`[site] Built the example hub in ${exampleBuild.seconds.toFixed(1)} s; serving it at ${example.url}`);

    project.provide('base', BASE);
    project.provide('exampleUrl', example.url);
    project.provide('exampleDir', exampleDir);
    project.provide('exampleBuildError', exampleBuildError);
    project.provide('demoUrl', demo.url);
    project.provide('demoDir', demoDir);
    project.provide('demoContentDir', join(ROOT, 'content'));
    project.provide('fixtureUrl', fixture.url);
    project.provide('fixtureDir', fixtureDir);
    project.provide('fixtureContentDir', content);
    project.provide('fixtureBuildError', fixtureBuildError);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
