/**
 * scripts/harvest-pr.ts against the fake GitHub (tests/github/fake-github.ts): a harvest report becomes
 * one pull request per organisation with files written, on harvest/<organisation>, with those files and
 * a body saying what was added, changed, gone and refused; a second run with the same report changes
 * nothing; a changed report updates the same pull request (files changed, added and no longer proposed;
 * a date alone, or a record a person took over on the branch, left as it is); organisations with
 * nothing written cost no request; hostile text is escaped; rate limits and server errors are retried;
 * a missing repository and a malformed report are explained with exit code 1; wrong usage exits 2.
 * One run goes end to end: the real harvest (scripts/harvest.ts) reads a repository from the fake, its
 * report becomes the pull request, the files pass the validator, and next week's run commits nothing.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/harvest-pr.ts';
import { BREAK } from '../../src/lib/github/markdown.ts';
import { HarvestPrError } from '../../src/lib/harvest/pull-requests.ts';
import type { HarvestReport, OrganisationReport, WrittenFile } from '../../src/lib/harvest/report.ts';
import { FakeGitHub, TOKEN } from '../github/fake-github.ts';
import { removeTemp, runScript, tempDir } from '../github/helpers.ts';
import { BASELINE } from '../helpers/content.ts';
import { organisationReport } from './organisation-report.ts';
import { outsideCode } from './outside-code.ts';

const DATE = '2026-12-07';
const NEXT_WEEK = '2026-12-14';

/** Fictional councils: none of these exists. */
const HOLLINSFORD = `name: Hollinsford
official_name: Hollinsford District Council
type: district
gss_code: E99999981
nation: england
github: hollinsford-council
maintainers: ['@hollinsford-council/digital', 'hollinsford-dev']
`;
const WRENMOUTH = `name: Wrenmouth
official_name: Wrenmouth Borough Council
type: district
gss_code: E99999982
nation: england
github: wrenmouth-council
`;

/** A component file as the harvest renders one (src/lib/harvest/render.ts). */
function componentFile(
  organisation: string,
  slug: string,
  title: string,
  date: string,
  summary = `What ${title.toLowerCase()} does, in a sentence.`,
): string {
  const upstream = `https://github.com/${organisation}-council/${slug}`;
  return [
    '---',
    `# Harvested from ${upstream} by npm run harvest, which keeps this file in step with it every week.`,
    '# To look after it by hand instead, delete harvested_from and harvested_on: the harvest then leaves it alone.',
    `title: ${title}`,
    `summary: ${summary}`,
    'kind: code',
    'licence: MIT',
    `repository_url: ${upstream}`,
    `harvested_from: ${upstream}`,
    `harvested_on: ${date}`,
    '---',
    `${title} is written in TypeScript.`,
    '',
  ].join('\n');
}

/** A dataset file as the harvest renders one from a CKAN package. */
function datasetFile(organisation: string, slug: string, title: string, date: string, frequency = 'monthly'): string {
  const upstream = `https://data.gov.uk/dataset/${organisation}-${slug}`;
  return [
    '# yaml-language-server: $schema=../../../schemas/json/datasets.schema.json',
    `# Harvested from ${upstream} by npm run harvest, which keeps this file in step with it every week.`,
    '# To look after it by hand instead, delete harvested_from and harvested_on: the harvest then leaves it alone.',
    `title: ${title}`,
    `summary: ${title} in ${organisation}, from the council's open data.`,
    'licence: OGL-UK-3.0',
    `landing_url: ${upstream}`,
    'distributions:',
    `  - url: https://data.${organisation}.example/${slug}.csv`,
    '    format: CSV',
    `update_frequency: ${frequency}`,
    `harvested_from: ${upstream}`,
    `harvested_on: ${date}`,
    '',
  ].join('\n');
}

interface Written extends WrittenFile {
  text: string;
}

function component(
  organisation: string,
  slug: string,
  title: string,
  date = DATE,
  change: WrittenFile['change'] = 'added',
  summary?: string,
): Written {
  return {
    path: `content/components/${organisation}/${slug}.md`,
    change,
    title,
    upstream: `https://github.com/${organisation}-council/${slug}`,
    text: componentFile(organisation, slug, title, date, summary),
  };
}

function dataset(
  organisation: string,
  slug: string,
  title: string,
  date = DATE,
  change: WrittenFile['change'] = 'added',
  frequency?: string,
): Written {
  return {
    path: `content/datasets/${organisation}/${slug}.yaml`,
    change,
    title,
    upstream: `https://data.gov.uk/dataset/${organisation}-${slug}`,
    text: datasetFile(organisation, slug, title, date, frequency),
  };
}

function organisation(
  id: string,
  name: string,
  maintainers: string[],
  written: Written[],
  extra: Partial<OrganisationReport> = {},
): OrganisationReport & { files: Written[] } {
  return {
    ...organisationReport({ organisation: id, name, maintainers, written: written.map(({ text: _text, ...file }) => file), ...extra }),
    files: written,
  };
}

let fake: FakeGitHub;
let content: string;
let lines: string[];

/** The files on main: the organisations, and one dataset the harvest already looks after. */
const BUS_STOPS = dataset('hollinsford', 'bus-stops', 'Bus stops', '2026-11-30', 'added', 'monthly');
const MAIN_FILES: Record<string, string> = {
  'README.md': '# The hub\n',
  'content/organisations/hollinsford.yaml': HOLLINSFORD,
  'content/organisations/wrenmouth.yaml': WRENMOUTH,
  [BUS_STOPS.path]: BUS_STOPS.text,
};

beforeEach(async () => {
  fake = await FakeGitHub.start('council-commons/hub');
  fake.commit(MAIN_FILES);
  content = join(tempDir(), 'content');
  for (const [path, text] of Object.entries(MAIN_FILES)) if (path.startsWith('content/')) put(path, text);
  lines = [];
});
afterEach(() => fake.close());
afterAll(removeTemp);

/** Writes a file into the content folder, as the harvest does. */
function put(path: string, text: string): void {
  const target = join(content, path.replace(/^content\//, ''));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** Writes the report's files into the content folder and the report itself to a file; returns its path. */
function reportFile(organisations: (OrganisationReport & { files?: Written[] })[], extra: Partial<HarvestReport> = {}): string {
  for (const entry of organisations) for (const file of entry.files ?? []) put(file.path, file.text);
  const report: HarvestReport = {
    version: 1,
    generated: `${DATE}T05:00:00.000Z`,
    date: DATE,
    dry_run: false,
    organisations: organisations.map(({ files: _files, ...entry }) => entry as OrganisationReport),
    ...extra,
  };
  const file = join(tempDir(), 'report.json');
  writeFileSync(file, JSON.stringify(report, null, 2));
  return file;
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_TOKEN: TOKEN,
    GITHUB_API_URL: fake.url,
    HUB_RETRY_DELAY_MS: '5',
    HUB_WRITE_INTERVAL_MS: '0',
    HUB_MAX_WAIT_MS: '5000',
    ...extra,
  };
}

async function run(report: string, extra: string[] = []): Promise<number> {
  return main(['--report', report, '--repo', fake.repository, '--content', content, ...extra], env(), (line) => lines.push(line));
}

const pullsOn = (branch: string) => fake.pullsList().filter((pull) => pull.head.ref === branch);
const writes = () =>
  fake.writes().map((request) => `${request.method} ${decodeURIComponent(request.path).replace('/repos/council-commons/hub', '')}`);
const branchFiles = (branch: string) => fake.diff('main', branch).map((file) => [file.filename, file.status]);

function firstReport() {
  const hollinsford = organisation(
    'hollinsford',
    'Hollinsford',
    ['@hollinsford-council/digital', 'hollinsford-dev'],
    [
      component('hollinsford', 'pothole-reporter', 'Pothole reporter'),
      dataset('hollinsford', 'street-lights', 'Street lights'),
      { ...BUS_STOPS, change: 'updated', text: datasetFile('hollinsford', 'bus-stops', 'Bus stops', DATE, 'weekly') },
    ],
    {
      refused: [
        {
          upstream: 'https://github.com/hollinsford-council/waste-rounds/blob/HEAD/publiccode.yml',
          title: 'Waste rounds',
          reasons: [
            'its licence, `CC-BY-NC-4.0`, is not open: the hub shares only openly licensed work. Change `legal.license` in publiccode.yml.',
          ],
        },
      ],
      gone: [
        {
          path: 'content/components/hollinsford/old-portal.md',
          title: 'Old portal',
          upstream: 'https://github.com/hollinsford-council/old-portal',
          reason: 'the repository is no longer in hollinsford-council on GitHub',
        },
      ],
      unchanged: [{ path: 'content/datasets/hollinsford/car-parks.yaml', upstream: 'https://data.gov.uk/dataset/hollinsford-car-parks' }],
    },
  );
  const wrenmouth = organisation('wrenmouth', 'Wrenmouth', [], [component('wrenmouth', 'planning-alerts', 'Planning alerts')], {
    uses: [{ component: 'components/hollinsford/pothole-reporter', fork: 'https://github.com/wrenmouth-council/pothole-reporter' }],
  });
  const tarnbury = organisation('tarnbury', 'Tarnbury', ['@tarnbury-council/web'], [], {
    unchanged: [{ path: 'content/components/tarnbury/bin-days.md', upstream: 'https://github.com/tarnbury-council/bin-days' }],
  });
  return { hollinsford, wrenmouth, tarnbury };
}

describe('a first run', () => {
  it('opens one pull request per organisation with files written, holding those files, and says what it did', async () => {
    const { hollinsford, wrenmouth, tarnbury } = firstReport();
    expect(await run(reportFile([hollinsford, wrenmouth, tarnbury]))).toBe(0);

    expect(fake.pullsList()).toHaveLength(2);
    expect(branchFiles('harvest/hollinsford')).toEqual([
      ['content/components/hollinsford/pothole-reporter.md', 'added'],
      ['content/datasets/hollinsford/bus-stops.yaml', 'modified'],
      ['content/datasets/hollinsford/street-lights.yaml', 'added'],
    ]);
    for (const file of hollinsford.files) expect(fake.filesOn('harvest/hollinsford')!.get(file.path)).toBe(file.text);
    expect(branchFiles('harvest/wrenmouth')).toEqual([['content/components/wrenmouth/planning-alerts.md', 'added']]);

    const [pull] = pullsOn('harvest/hollinsford');
    expect(pull!.base).toBe('main');
    expect(pull!.title).toBe('Harvest for Hollinsford: 2 records added, 1 file updated');
    const body = pull!.body!;
    expect(body).toContain('@hollinsford-council/digital @hollinsford-dev: please review');
    expect(body).toContain('### Added (2)');
    expect(body).toContain(
      '- [Pothole reporter](https://github.com/hollinsford-council/pothole-reporter), ' +
        'in `content/components/hollinsford/pothole-reporter.md`',
    );
    expect(body).toContain('### Updated (1)');
    expect(body).toContain('### Gone from their source (1)');
    expect(body).toContain('The harvest never deletes anything');
    expect(body).toContain('### Refused (1)');
    expect(body).toContain(
      '- [Waste rounds](https://github.com/hollinsford-council/waste-rounds/blob/HEAD/publiccode.yml):\n  - Its licence\\, ' +
        '`CC-BY-NC-4.0`\\, is not open\\: the hub shares only openly licensed work\\. Change `legal.license` in ' +
        'publiccode\\.yml\\.\n',
    );
    expect(body).toContain('the fix belongs where the item is published');
    expect(body).toContain('delete its `harvested_from` and `harvested_on` lines');
    expect(body).toContain('1 unchanged');
    expect(body).toContain(`from its run of ${DATE}`);

    // No maintainers: the hub's team is asked; the reuse found is listed.
    const [other] = pullsOn('harvest/wrenmouth');
    expect(other!.body).toContain('@council-commons/maintainers: **Wrenmouth** lists no maintainers');
    expect(other!.body).toContain('### Reuse found (1)\n\nWrenmouth has forks of these components');

    // Tarnbury wrote nothing: no branch, no pull request, not one request about it.
    expect(fake.branches.has('harvest/tarnbury')).toBe(false);
    expect(fake.requests.some((request) => decodeURIComponent(`${request.path}?${request.query}`).includes('tarnbury'))).toBe(false);
    expect(lines).toContain('tarnbury: nothing written, so no pull request.');
    expect(lines).toContain('hollinsford: opened pull request #1 on harvest/hollinsford (3 files).');
    expect(lines.at(-1)).toBe(
      '3 organisations in the report: 2 pull requests opened, 0 updated, 0 unchanged, 1 with nothing written, 0 failed.',
    );

    // One commit per file, each saying what and where from.
    const commits = fake.requests
      .filter((request) => request.method === 'PUT')
      .map((request) => (request.body as { message: string }).message);
    expect(commits).toContain(
      'Harvest hollinsford: Add components/hollinsford/pothole-reporter.md\n\nPothole reporter, ' +
        'harvested from https://github.com/hollinsford-council/pothole-reporter',
    );
  });

  it('adds a table of what happened to the job summary', async () => {
    const { hollinsford, tarnbury } = firstReport();
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const code = await main(
      ['--report', reportFile([hollinsford, tarnbury]), '--repo', fake.repository, '--content', content],
      env({ GITHUB_STEP_SUMMARY: summary }),
      () => {},
    );
    expect(code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain(
      `| \`hollinsford\` | opened pull request \\#${BREAK}1 on harvest\\/hollinsford \\(3 files\\)\\. ` +
        `| [#1](https://github.com/council-commons/hub/pull/1) |`,
    );
    expect(text).toContain('1 organisation had nothing written, so no pull request.');
  });

  it('makes no pull request from a dry run’s report, and asks nothing of GitHub', async () => {
    const { hollinsford } = firstReport();
    expect(await run(reportFile([hollinsford], { dry_run: true }))).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(lines[0]).toContain('dry run');
  });
});

describe('later runs', () => {
  it('change nothing when the report is the same: no commit and no edit', async () => {
    const { hollinsford, wrenmouth } = firstReport();
    const file = reportFile([hollinsford, wrenmouth]);
    await run(file);
    const before = fake.writes().length;
    lines = [];
    expect(await run(file)).toBe(0);
    expect(fake.writes()).toHaveLength(before);
    expect(fake.pullsList()).toHaveLength(2);
    expect(lines).toContain('hollinsford: pull request #1 already has this harvest; nothing changed.');
  });

  it(
    'update the same pull request: changed and new files committed, ' +
      'files no longer proposed put back, a new date alone and a person’s take-over left as they are',
    async () => {
      const binDays = component('hollinsford', 'bin-days', 'Bin days');
      const trees = dataset('hollinsford', 'tree-survey', 'Tree survey');
      const { hollinsford } = firstReport();
      const first = organisation('hollinsford', 'Hollinsford', hollinsford.maintainers, [...hollinsford.files, binDays, trees]);
      await run(reportFile([first]));
      const [pull] = pullsOn('harvest/hollinsford');

      // A maintainer takes bin-days over on the branch, deleting harvested_from and harvested_on.
      const takenOver = binDays.text
        .replace(/^harvested_(?:from|on):.*\n/gm, '')
        .replace('Bin days is written', 'Bin days, looked after by us, is written');
      fake.commit({ ...Object.fromEntries(fake.filesOn('harvest/hollinsford')!), [binDays.path]: takenOver }, 'harvest/hollinsford');

      // Next week: pothole-reporter changed upstream; street-lights and the bus-stops update are no longer
      // proposed; planning-portal is new; bin-days and tree-survey are the same but for the date.
      const changed = component(
        'hollinsford',
        'pothole-reporter',
        'Pothole reporter',
        NEXT_WEEK,
        'added',
        'Report potholes with a photo and a pin on the map.',
      );
      const added = component('hollinsford', 'planning-portal', 'Planning portal', NEXT_WEEK);
      const second = organisation('hollinsford', 'Hollinsford', hollinsford.maintainers, [
        changed,
        added,
        component('hollinsford', 'bin-days', 'Bin days', NEXT_WEEK),
        dataset('hollinsford', 'tree-survey', 'Tree survey', NEXT_WEEK),
      ]);
      const before = fake.writes().length;
      expect(await run(reportFile([second], { date: NEXT_WEEK }))).toBe(0);

      expect(fake.pullsList()).toHaveLength(1);
      expect(writes().slice(before).sort()).toEqual(
        [
          'DELETE /contents/content/datasets/hollinsford/street-lights.yaml',
          `PATCH /pulls/${pull!.number}`,
          'PUT /contents/content/components/hollinsford/planning-portal.md',
          'PUT /contents/content/components/hollinsford/pothole-reporter.md',
          'PUT /contents/content/datasets/hollinsford/bus-stops.yaml',
        ].sort(),
      );
      const files = fake.filesOn('harvest/hollinsford')!;
      expect(files.get(changed.path)).toBe(changed.text);
      expect(files.get(added.path)).toBe(added.text);
      expect(files.get(binDays.path)).toBe(takenOver);
      expect(files.get(trees.path)).toBe(trees.text);
      expect(files.get(BUS_STOPS.path)).toBe(BUS_STOPS.text);
      expect(branchFiles('harvest/hollinsford').map(([path]) => path)).toEqual([binDays.path, added.path, changed.path, trees.path]);
      expect(pull!.body).toContain('### Added (4)');
      expect(pull!.body).toContain(`from its run of ${NEXT_WEEK}`);
      expect(lines.at(-2)).toBe(`hollinsford: updated pull request #${pull!.number} on harvest/hollinsford (4 files committed).`);
    },
  );

  it('open a new pull request from a fresh branch after the last one was closed', async () => {
    const { hollinsford } = firstReport();
    await run(reportFile([hollinsford]));
    const [closed] = pullsOn('harvest/hollinsford');
    closed!.state = 'closed';
    fake.commit({ ...MAIN_FILES, 'content/README.md': 'Merged elsewhere.\n' });
    const only = organisation(
      'hollinsford',
      'Hollinsford',
      [],
      [component('hollinsford', 'pothole-reporter', 'Pothole reporter', NEXT_WEEK)],
    );
    expect(await run(reportFile([only], { date: NEXT_WEEK }))).toBe(0);
    const open = pullsOn('harvest/hollinsford').filter((pull) => pull.state === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.number).not.toBe(closed!.number);
    expect(branchFiles('harvest/hollinsford')).toEqual([['content/components/hollinsford/pothole-reporter.md', 'added']]);
    expect(fake.filesOn('harvest/hollinsford')!.get('content/README.md')).toBe('Merged elsewhere.\n');
  });
});

describe('with the real harvest', () => {
  /** A fresh checkout's content folder: the test baseline and Hollinsford's file, as on main. */
  function checkout(): string {
    const folder = join(tempDir(), 'content');
    cpSync(BASELINE, folder, { recursive: true });
    writeFileSync(join(folder, 'organisations/hollinsford.yaml'), HOLLINSFORD);
    return folder;
  }

  async function harvestInto(folder: string, today: string): Promise<string> {
    const harvest = await runScript(
      'scripts/harvest.ts',
      ['--content', folder, '--format', 'json', '--organisation', 'hollinsford', '--cache', join(tempDir(), 'cache'), '--today', today],
      env(),
    );
    expect(harvest.status, harvest.stderr).toBe(0);
    const file = join(tempDir(), 'report.json');
    writeFileSync(file, harvest.stdout);
    return file;
  }

  it(
    'turns its report into a pull request whose files pass the validator; ' + 'next week’s run from a fresh checkout commits nothing',
    async () => {
      fake.addRepository({
        owner: 'hollinsford-council',
        name: 'pothole-reporter',
        description: 'Report potholes with a photo and a pin on the map.',
        license: { key: 'mit', name: 'MIT License', spdx_id: 'MIT' },
        topics: ['potholes'],
        language: 'TypeScript',
        pushed_at: '2026-10-01T10:00:00Z',
        files: { 'README.md': '# Pothole reporter\n\nReport potholes with a photo and a pin on the map.\n' },
      });
      const week1 = checkout();
      const report = await harvestInto(week1, DATE);
      const result = await runScript('scripts/harvest-pr.ts', ['--report', report, '--repo', fake.repository, '--content', week1], env());
      expect(result.status, result.stderr).toBe(0);
      const path = 'content/components/hollinsford/pothole-reporter.md';
      expect(branchFiles('harvest/hollinsford')).toEqual([[path, 'added']]);
      const text = fake.filesOn('harvest/hollinsford')!.get(path)!;
      expect(text).toBe(readFileSync(join(week1, 'components/hollinsford/pothole-reporter.md'), 'utf8'));
      expect(text).toContain(`harvested_on: ${DATE}`);
      const [pull] = pullsOn('harvest/hollinsford');
      expect(pull!.body).toContain(
        '- [Pothole reporter](https://github.com/hollinsford-council/pothole-reporter), ' +
          'in `content/components/hollinsford/pothole-reporter.md`',
      );
      const validated = await runScript('scripts/validate.ts', ['--content', week1]);
      expect(validated.status, validated.stdout + validated.stderr).toBe(0);

      // Next week, nothing changed upstream; main still lacks the record, so it is "added" again, dated that day.
      const week2 = checkout();
      const before = fake.writes().length;
      const again = await runScript(
        'scripts/harvest-pr.ts',
        ['--report', await harvestInto(week2, NEXT_WEEK), '--repo', fake.repository, '--content', week2],
        env(),
      );
      expect(again.status, again.stderr).toBe(0);
      expect(writes().slice(before)).toEqual([`PATCH /pulls/${pull!.number}`]);
      expect(fake.filesOn('harvest/hollinsford')!.get(path)).toBe(text);
      expect(again.stdout).toContain(`hollinsford: updated the text of pull request #${pull!.number}; its files were already right.`);
    },
    90_000,
  );
});

describe('hostile text', () => {
  it('is escaped in the title and body: no HTML, link, mention or reference from upstream', async () => {
    const hostile = '<img src=x onerror=alert(1)> @everyone #1 [click](javascript:alert(1)) https://evil.example/x <!-- **bold**';
    const file = component('hollinsford', 'pothole-reporter', hostile);
    const entry = organisation(
      'hollinsford',
      `Hollinsford ${hostile}`,
      ['@hollinsford-council/digital', '<script>', '@everyone and more'],
      [file],
      {
        refused: [
          {
            upstream: 'javascript:alert(1)',
            title: hostile,
            reasons: [`its publiccode.yml says ${hostile}`, 'a `code` part with `@admins` and `<b>` inside'],
          },
          { upstream: 'http://plain.example/data.json', reasons: ['it is not https'] },
        ],
        sources: [
          {
            kind: 'data_json',
            label: hostile,
            address: 'https://evil.example/(x)',
            complete: false,
            failure: hostile,
            requests: 1,
            not_modified: 0,
          },
        ],
      },
    );
    expect(await run(reportFile([entry]))).toBe(0);
    const [pull] = pullsOn('harvest/hollinsford');
    const body = pull!.body!;
    const active = outsideCode(body.replace(/^<!-- council-commons:harvest hollinsford -->\n/, ''));
    expect(active).not.toMatch(/(?<!\\)<(?:img|script|b|!--)/i);
    expect(active).not.toContain('](javascript');
    expect(active).not.toContain('](http://');
    expect(active).not.toMatch(/https:\/\/evil/);
    expect(active).not.toMatch(/(?<![\\\w])#1\b/);
    // The only mentions are the organisation's real maintainer and nothing from upstream.
    expect([...active.matchAll(/@(?!\u200B)[\w-]+/g)].map((match) => match[0])).toEqual(['@hollinsford-council']);
    expect(body).toContain(`\\@${BREAK}everyone`);
    expect(body).toContain('A `code` part with `@admins` and `<b>` inside');
    // The title is one plain line, without a working mention or reference either.
    expect(pull!.title).not.toMatch(/@everyone|#1\b/);
    expect(pull!.title).toContain(`@${BREAK}everyone`);
  });
});

describe('GitHub failing', () => {
  it('waits out rate limits and retries server errors, then opens the pull request', async () => {
    const { hollinsford } = firstReport();
    fake.fail({
      method: 'GET',
      path: '/repos/council-commons/hub',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'retry-after': '1' },
    });
    fake.fail({ method: 'POST', path: '/repos/council-commons/hub/git/refs', status: 502, times: 2 });
    fake.fail({ method: 'PUT', path: /\/contents\//, status: 500 });
    fake.fail({ method: 'POST', path: '/repos/council-commons/hub/pulls', status: 429, headers: { 'retry-after': '0' } });
    const result = await runScript(
      'scripts/harvest-pr.ts',
      ['--report', reportFile([hollinsford]), '--repo', fake.repository, '--content', content],
      env(),
    );
    expect(result.stderr).toContain('rate limit');
    expect(result.stderr).toContain('GitHub answered 502; trying again');
    expect(result.status).toBe(0);
    expect(fake.requests.map((request) => request.status)).toEqual(expect.arrayContaining([403, 502, 500, 429]));
    expect(pullsOn('harvest/hollinsford')).toHaveLength(1);
    expect(branchFiles('harvest/hollinsford')).toHaveLength(3);
  });

  it('opens no second pull request when the listing missed the one a retried request had made', async () => {
    const { hollinsford } = firstReport();
    const file = reportFile([hollinsford]);
    await run(file);
    fake.fail({ method: 'GET', path: '/repos/council-commons/hub/pulls', status: 200, body: [] });
    expect(await run(file)).toBe(0);
    expect(pullsOn('harvest/hollinsford')).toHaveLength(1);
  });

  it('explains a missing repository, and exits 1 without writing anything', async () => {
    const { hollinsford } = firstReport();
    const result = await runScript(
      'scripts/harvest-pr.ts',
      ['--report', reportFile([hollinsford]), '--repo', 'council-commons/gone', '--content', content],
      env(),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'harvest-pr: GitHub found no repository council-commons/gone (404): check --repo, ' +
        'and that the token may see the repository. No pull request was made.\n',
    );
    expect(fake.writes()).toHaveLength(0);
  });

  it('goes on to the next organisation after one fails, then exits 1 naming it', async () => {
    const { hollinsford, wrenmouth } = firstReport();
    fake.fail({ method: 'POST', path: '/repos/council-commons/hub/pulls', status: 502, times: 5 });
    const result = await runScript(
      'scripts/harvest-pr.ts',
      ['--report', reportFile([hollinsford, wrenmouth]), '--repo', fake.repository, '--content', content],
      env(),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'harvest-pr: 1 organisation could not be proposed:\n  hollinsford: ' +
        'could not open the pull request for harvest/hollinsford: GitHub answered 502, 5 times in a row.',
    );
    expect(pullsOn('harvest/wrenmouth')).toHaveLength(1);
  });

  it('says which setting to change when the repository does not let the workflow open pull requests', async () => {
    const { hollinsford, wrenmouth } = firstReport();
    fake.fail({
      method: 'POST',
      path: '/repos/council-commons/hub/pulls',
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      },
    });
    const result = await runScript(
      'scripts/harvest-pr.ts',
      ['--report', reportFile([hollinsford, wrenmouth]), '--repo', fake.repository, '--content', content],
      env(),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(403 GitHub Actions is not permitted to create or approve pull requests.)');
    expect(result.stderr).toContain('tick "Allow GitHub Actions to create and approve pull requests" in the repository\'s Settings');
    expect(result.stderr).toContain('Stopped at hollinsford; the organisations after it were not tried.');
    expect(fake.branches.has('harvest/wrenmouth')).toBe(false);
  });

  it('stops at once when the token is refused, since every organisation would fail the same way', async () => {
    const { hollinsford, wrenmouth } = firstReport();
    fake.fail({
      method: 'POST',
      path: '/repos/council-commons/hub/git/refs',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
    });
    await expect(run(reportFile([hollinsford, wrenmouth]))).rejects.toThrow(
      new RegExp(
        /^GitHub refused to create the harvest\/hollinsford branch \(403 Resource not accessible by integration\): /.source +
          /.* Stopped at hollinsford; the organisations after it were not tried\.$/.source,
      ),
    );
    expect(fake.requests.some((request) => request.path.includes('wrenmouth'))).toBe(false);
  });
});

describe('what is refused', () => {
  it('a malformed report, saying where it is wrong, with exit code 1 and no request', async () => {
    const { hollinsford } = firstReport();
    const file = reportFile([hollinsford]);
    const report = JSON.parse(readFileSync(file, 'utf8')) as { organisations: { written: { path: string }[] }[] };
    report.organisations[0]!.written[0]!.path = '../../.github/workflows/ci.yml';
    writeFileSync(file, JSON.stringify(report));
    const result = await runScript('scripts/harvest-pr.ts', ['--report', file, '--repo', fake.repository, '--content', content], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        /^harvest-pr: .*report\.json is not a harvest report this script can use /.source +
          /\(organisations\[0\]\.written\[0\]\.path: .*\)\. Make it again with "npm run harvest -- --format json"/.source,
      ),
    );
    expect(fake.requests).toHaveLength(0);

    writeFileSync(file, '{"version": 1, "organisations": [');
    await expect(run(file)).rejects.toThrow(/report\.json is not JSON/);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(reportFile([hollinsford]), 'utf8')), version: 2 }));
    await expect(run(file)).rejects.toThrow(/version: Invalid input: expected 1/);
  });

  it('a file outside the organisation’s own folders, or missing from the content folder', async () => {
    const { hollinsford, wrenmouth } = firstReport();
    const stray = organisation('hollinsford', 'Hollinsford', [], [component('wrenmouth', 'planning-alerts', 'Planning alerts')]);
    expect(await run(reportFile([stray, wrenmouth]))).toBe(1);
    expect(lines).toContain(
      "hollinsford: the report lists content/components/wrenmouth/planning-alerts.md among hollinsford's files, " +
        "but it is not in hollinsford's own folders (content/components/hollinsford/, " +
        'content/datasets/hollinsford/ or content/organisations/hollinsford.yaml): nothing was proposed for hollinsford.',
    );
    expect(fake.branches.has('harvest/hollinsford')).toBe(false);

    lines = [];
    const file = reportFile([hollinsford]);
    put(hollinsford.files[0]!.path, 'x'.repeat(300 * 1024));
    expect(await run(file)).toBe(1);
    expect(lines[0]).toMatch(
      new RegExp(
        /^hollinsford: content\/components\/hollinsford\/pothole-reporter\.md \(in .*\) is 300 KiB, /.source +
          /more than the 256 KiB a content file may be\.$/.source,
      ),
    );
  });

  it('wrong usage, with exit code 2 and the usage', async () => {
    const missing = await runScript('scripts/harvest-pr.ts', ['--repo', fake.repository], env());
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('harvest-pr: give --report.');
    expect(missing.stderr).toContain('Usage: node scripts/harvest-pr.ts');
    const badRepo = await runScript('scripts/harvest-pr.ts', ['--report', 'r.json', '--repo', 'not a repo'], env());
    expect(badRepo.status).toBe(2);
    const badBase = await runScript(
      'scripts/harvest-pr.ts',
      ['--report', 'r.json', '--repo', fake.repository, '--base', 'main..other'],
      env(),
    );
    expect(badBase.status).toBe(2);
    const noReport = await runScript('scripts/harvest-pr.ts', ['--report', join(tempDir(), 'none.json'), '--repo', fake.repository], env());
    expect(noReport.status).toBe(1);
    expect(noReport.stderr).toContain('there is no report at');
  });

  it('is a HarvestPrError when called in-process', async () => {
    await expect(run(join(tempDir(), 'none.json'))).rejects.toBeInstanceOf(HarvestPrError);
  });
});
